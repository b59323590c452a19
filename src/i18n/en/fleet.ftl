# English messages: fleet (`check --targets FILE`). Ids are area-what-detail; see src/i18n/mod.rs.

## The targets file as a whole (src/commands/fleet/targets.rs): usage errors, exit 2.
fleet-file-unreadable = cannot read the targets file { $file }: { $error }
fleet-file-not-toml = the targets file { $file } is not valid TOML (line { $line }, column { $column }): { $error }
fleet-file-unknown-section = the targets file { $file } has a top-level key `{ $key }`; only [defaults] and [[targets]] are allowed (a target is a [[targets]] table, with two brackets)
fleet-file-defaults-not-table = in the targets file { $file }, `defaults` must be a table: write [defaults] and its keys under it
fleet-file-bad-default = in the targets file { $file }, [defaults] { $key }: { $problem }
fleet-file-no-targets = the targets file { $file } has no target: add one [[targets]] table per deployment, with name = "…" and uri = "mongodb://…"
fleet-file-targets-not-array = in the targets file { $file }, `targets` must be an array of tables: write each target as [[targets]] (two brackets)
fleet-file-duplicate-name = in the targets file { $file }, two targets are named "{ $name }": give every target a unique name

## One entry of the targets file: reported as that target's error, the others are checked.
fleet-entry-error = { $file }: target "{ $target }": { $problem }
fleet-entry-error-key = { $file }: target "{ $target }", key `{ $key }`: { $problem }
fleet-entry-error-display = { $message } — { $hint }
fleet-entry-not-table = this entry of `targets` is not a table
fleet-entry-not-table-hint = write each target as a [[targets]] table with name = "…" and uri = "mongodb://…"
fleet-entry-no-name = the target has no name
fleet-entry-no-name-hint = give every [[targets]] table a unique, non-empty name = "…"
fleet-entry-no-uri = the target has no connection string
fleet-entry-uri-not-string = the connection string must be a string
fleet-entry-no-uri-hint = add uri = "mongodb://host:port/?tls=true" to the target (put the password in the environment and write it as ${"{"}VAR{"}"})
fleet-entry-not-check = the entry does not make a `check` command line
fleet-entry-option-hint = write the value as `mongotls check --help` describes that option
fleet-default-per-target = `{ $key }` belongs in each target, not in [defaults]
fleet-key-run-wide = `{ $key }` applies to the whole run, not to one target
fleet-key-run-wide-hint = give it on the command line instead: mongotls check --targets FILE --{ $key }
fleet-key-unknown = `{ $key }` is not an option of `mongotls check`
fleet-key-unknown-hint = use the long name of a `mongotls check` option, with - or _ (timeout = "5s", no_driver = true); `mongotls check --help` lists them
fleet-key-twice = `{ $key }` is given twice (once with - and once with _)
fleet-key-twice-hint = keep one of the two spellings
fleet-value-flag = `{ $key }` is a switch: write true or false
fleet-value-one = `{ $key }` takes one value, not a list
fleet-value-not-text = `{ $key }` must be a string or a number
fleet-value-interpolated-refused = the value of `{ $key }` (`{ $raw }`, once the variables are replaced) is refused by { $flag }; the value itself is not shown
fleet-var-unset = the environment variable { $var } used in `{ $key }` is not set
fleet-var-unset-hint = set { $name } in the environment of this run, or write $${"{"} for a literal ${"{"}
fleet-var-unterminated = `{ $key }` has a ${"{"} without its closing {"}"}
fleet-var-bad-name = `{ $key }` has ${"{"}{ $name }{"}"}, which is not a variable name
fleet-var-syntax-hint = write ${"{"}NAME{"}"} with letters, digits and _, or $${"{"} for a literal ${"{"}

## `mongotls check --help` in Chinese (src/cli/help_zh.rs); the English is the doc comment.
fleet-help-targets = Check every deployment of this TOML file instead of one URI, concurrently: one [[targets]] table per deployment (name, uri, ca, and any option of check by its long name), an optional [defaults] table; ${"{"}VAR{"}"} is read from the environment
fleet-help-concurrency = With --targets: most targets checked at once (1 to 256, default 8; each target's own --max-connections bounds its members)
fleet-usage-no-uri = give the connection string to check, or --targets FILE

## The text report (src/report/text/fleet.rs).
fleet-text-title = Fleet
fleet-text-heading = { $title }: { $file } · { $count ->
    [one] { $count } target
   *[other] { $count } targets
} · concurrency { $concurrency } · { $duration }
fleet-text-col-target = target
fleet-text-col-verdict = verdict
fleet-text-col-members = members
fleet-text-col-earliest = expires
fleet-text-col-days = days
fleet-text-col-problem = first problem
fleet-text-member-finding = { $address }: { $message }
fleet-text-target = == { $name }: { $verdict }
fleet-text-summary = { $title }: { $count ->
    [one] { $count } target
   *[other] { $count } targets
} · { $pass } passed, { $warn } with warnings, { $fail } failed
fleet-text-verdict = verdict: { $verdict } ({ $failing } of { $count ->
    [one] { $count } target
   *[other] { $count } targets
} failed, { $warning } with warnings)

## Why a target could not be checked (src/commands/fleet/mod.rs).
fleet-target-input-hint = fix the file or variable this target names; the other targets were checked
fleet-target-stopped = { $file }: target "{ $target }": the check stopped unexpectedly
fleet-target-stopped-hint = run `mongotls check` on this target alone to see what happens

## Live progress on stderr (src/commands/fleet/progress.rs).
fleet-progress = { $done }/{ $count ->
    [one] { $count } target
   *[other] { $count } targets
} checked · { $failing } failing
fleet-usage-concurrency-without-targets = --concurrency is the number of targets checked at once: give it with --targets FILE (a single check bounds its members with --max-connections)
fleet-tip-option-in-targets-file = with --targets, the options of each check go in the targets file: in [defaults] for every target, or in the target itself (timeout = "5s", no_driver = true)
