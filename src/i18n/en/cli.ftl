# English messages: cli. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

## Command-line errors (src/cli/errors.rs): clap finds them, these words say them.
cli-error-prefix = mongotls: error: { $message }
cli-error-tip = tip: { $tip }
cli-error-more-help = For more information, try '{ $command } --help'.
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-empty-value = a value is required for '{ $arg }' but none was supplied
cli-error-missing-argument = the following required arguments were not provided: { $args }
cli-error-repeated-argument = the argument '{ $arg }' cannot be used more than once
cli-error-conflict = the argument '{ $arg }' cannot be used with { $others }
cli-error-unknown-subcommand = unrecognized subcommand '{ $name }'
cli-error-missing-subcommand = a command is needed: { $commands }
cli-tip-similar-argument = a similar option exists: '{ $suggestion }'
cli-tip-did-you-mean = did you mean '{ $suggestion }'?
cli-tip-possible-values = possible values: { $values }
cli-tip-exists = '{ $usage }' exists
cli-tip-uri-option-flag = { $option } is a connection-string option, not an option of mongotls: use { $flag } instead, or put { $option }={ $value } in the connection string
cli-tip-uri-option = { $option } is a connection-string option, not an option of mongotls: put { $option }=VALUE in the connection string, e.g. "mongodb://HOST:PORT/?{ $option }=VALUE"
cli-tip-uri-option-key-password = tlsCertificateKeyFilePassword is a connection-string option: give the key's password with --client-key-password-env VAR (the name of an environment variable holding it), or put it in the connection string
cli-tip-no-password-flag = { $typed } is not an option: mongotls never takes a password on the command line (it would show in the shell history and in ps); use --password-env VAR or --password-file FILE

## Inputs (src/commands/inputs.rs).
cli-driver-ca-not-written = the CA certificates could not be merged into one PEM file for the driver stage ({ $error }); give one PEM file with --ca, or skip the driver stage with --no-driver

## Settings (src/settings.rs).
cli-port-range = --port { $base } with { $members ->
    [one] { $members } member
   *[other] { $members } members
} needs ports up to { $last }, past the last port, 65535: give a base of at most { $highest }

## Option values (src/cli/values.rs): after the option's name, e.g.
## "--timeout 0s is out of range: …". Start with the value where the English does.
cli-value-duration-range = { $value } is out of range: give a duration above 0 and at most { $max }, e.g. { $example }
cli-value-not-a-number = '{ $value }' is not a whole number: { $range }
cli-value-out-of-range = { $value } is out of range: { $range }
cli-value-out-of-range-bare = { $value } is out of range
cli-value-dns-port-zero = '{ $value }' has port 0: give the port the DNS server listens on, e.g. 127.0.0.1:53
cli-value-dns-not-an-address = '{ $value }' is not an IP address and port: write 10.0.0.2:53, [::1]:5353, or an address alone for port 53 (a name would itself need DNS)
cli-value-not-a-time = '{ $value }' is not a time: use RFC 3339 like 2027-01-01T00:00:00Z, or a date like 2027-01-01
cli-value-no-size = '{ $value }' names no size: write e.g. 1KiB,64KiB,1MiB
cli-value-not-a-size = '{ $value }' is not a size: write e.g. 1KiB,64KiB,1MiB
cli-value-unknown-unit = unknown unit '{ $unit }' in '{ $value }': use B, KiB, MiB, KB or MB
cli-value-size-range = { $value } is out of range: from 1 byte to 16 MiB minus 1 KiB (MongoDB's largest document)
cli-range-max-connections = give 1 to 256
cli-range-concurrency = from 1 to 256
cli-range-samples = from 1 to 1000000
cli-range-warmup = from 0, at most 1000
cli-range-warn-days = give a number of days from 0 to 36500
cli-range-members = a sandbox has 1 to 7 members
cli-range-port = give a port from 1 to 65535
cli-usage-key-password-without-cert = --client-key-password-env is given without a client certificate: add --client-cert FILE (or tlsCertificateKeyFile=FILE in the connection string)
cli-usage-uri = connection string: { $error }
cli-usage-sandbox-uri = the sandbox's connection string: { $error }
cli-usage-too-many-seeds = the connection string lists { $count } hosts; a replica set has at most { $max } members: give at most { $max } seeds
cli-usage-bench-srv = bench takes mongodb:// connection strings only: run mongotls check on this mongodb+srv:// string to see the hosts { $srv_name } lists, then bench one of them with mongodb://HOST:PORT/?tls=true
cli-usage-member-not-a-seed = --member { $member } is not in the connection string's hosts ({ $hosts })
cli-usage-plain-uri-no-host = --plain-uri has no host
cli-input-system-store = no CA file was given (--ca or tlsCAFile) and the system trust store { $problem }: pass --ca FILE with the CA certificate downloaded from the console, or install the distribution's CA bundle (ca-certificates)
cli-input-store-empty = holds no certificate
cli-input-store-unreadable = could not be read ({ $errors })
cli-input-password = password: { $problem }
cli-input-no-usable-ca = no usable CA certificate ({ $rejections }); run `mongotls ca` on it for details
cli-input-holds-no-certificate = it holds no certificate
cli-input-rejected-empty = empty
cli-input-rejected-unreadable = unreadable ({ $detail })
cli-input-rejected-private-key = a private key ({ $label })
cli-input-rejected-other = a { $label }
cli-input-key-password-unset = --client-key-password-env { $var }: the environment variable { $var } is not set; export it with the key's password, or give tlsCertificateKeyFilePassword in the connection string
cli-input-key-password-not-utf8 = --client-key-password-env { $var }: the environment variable { $var } is not valid UTF-8
cli-input-client-cert-missing = no certificate in it
cli-input-client-cert-unusable = the client certificate is { $problem }

## What stops a command before its report (src/commands/mod.rs).
cli-run-runtime = cannot start the async runtime: { $error }
cli-run-sandbox = sandbox: { $error }
cli-run-stdout = cannot write to standard output: { $error }

## `--help` (src/cli/help_zh.rs). English help comes from clap's derive (the doc comments in
## src/cli/mod.rs); these entries are that very text, byte for byte (a unit test compares), so
## that en and zh hold the same ids. Headings get their colon from clap.
cli-help-heading-usage = Usage
cli-help-heading-commands = Commands
cli-help-heading-arguments = Arguments
cli-help-heading-options = Options
cli-help-flag-help = Print help
cli-help-flag-help-more = Print help (see more with '--help')
cli-help-flag-help-summary = Print help (see a summary with '-h')
cli-help-flag-version = Print version
cli-help-about = Proves a MongoDB deployment's TLS is right, and explains exactly what is wrong when it is not
cli-help-about-check = Connect to every replica-set member over TLS: handshake, presented chain against the CA, host name, expiry, the MongoDB handshake, plaintext still accepted or not
cli-help-about-ca = Load a CA bundle (PEM, DER, PKCS#7, or the console's ZIP) and report what is in it and what is wrong with it
cli-help-about-verify = Judge a server's certificate chain against a CA bundle, offline, for a host name and a point in time, the way MongoDB clients will
cli-help-about-bench = Measure how much latency TLS adds: connection set-up (full and resumed handshakes, to a usable connection), round trips on a warm connection, payload cost, throughput
cli-help-about-demo = Start the sandbox, run `check` against it, print the report, stop (its files, the CA file too, are removed unless --keep-ca DIR)
cli-help-about-sandbox = Run a loopback replica set with a throwaway PKI (and a broken scenario if asked) until stopped; prints its URI and CA file. SIGINT (Ctrl-C), SIGTERM and SIGHUP stop it: it removes its files and exits 0
cli-help-about-completions = Print a shell completion script (bash, zsh, fish, elvish, PowerShell) on stdout, generated from these very options
cli-help-about-man = Print the manual page (roff) of mongotls, or of one of its commands, on stdout
cli-help-about-help = Print this message or the help of the given subcommand(s)
cli-help-lang = Language of the text for people (headings, messages, hints, progress); default from LC_ALL, LC_MESSAGES, LANG (zh_* is Chinese). Finding codes, JSON keys and metric names are never translated
cli-help-color = When to colour text output: auto (stdout is a terminal and NO_COLOR is not set), always, never. A non-empty NO_COLOR turns colour off whatever this says
cli-help-format = Output format
cli-help-warn-days = Warn when a certificate expires within this many days (0 to 36500)
cli-help-at = Judge as of this time instead of now (RFC 3339, e.g. 2027-01-01T00:00:00Z, or a date)
cli-help-strict = Exit 1 on warnings too, not only on failures; `verify` and `check` also fail on deviations from RFC 5280 and the CA/Browser Forum Baseline Requirements that clients tolerate (the `lint.*` findings)
cli-help-client-cert = The client certificate to present: a PEM file with the certificate and its private key (overrides tlsCertificateKeyFile in the URI)
cli-help-client-key-password-env = Read the password of an encrypted client key (PKCS#8) from this environment variable (overrides tlsCertificateKeyFilePassword in the URI)
cli-help-check-uri = The connection string, e.g. mongodb://root@host1:3717,host2:3717/admin?replicaSet=mgset-123&tls=true (quote it in the shell; give the password with --password-env or --password-file, not in the string)
cli-help-check-ca = The CA file clients trust (overrides tlsCAFile in the URI; repeat for several files, trusted together as one bundle, as `verify` does). Without it and without tlsCAFile, chains are judged against the system's trust store
cli-help-check-timeout = Bound of each network phase (DNS, TCP, TLS, each command): 500ms, 3s, 2m (at most 5m)
cli-help-check-deadline = Bound of the whole run (at most 1h): phases are cut short at it, and whatever was not checked by then is reported as `net.deadline_exceeded`
cli-help-check-max-connections = Most members probed at once (each holds one connection at a time; at most 256)
cli-help-check-server-name = Name to send as SNI and to check the certificates against, instead of each member's host (for connections through an IP address or a tunnel)
cli-help-check-allow-invalid-hostnames = Report host-name mismatches but say that clients were told to ignore them (insecure; shown loudly in the report)
cli-help-check-no-discover = Probe the seeds only; do not follow `hello` to the other members
cli-help-check-no-plaintext-probe = Do not try a plaintext `hello` on each member's port
cli-help-check-no-driver = Skip the driver stage (the official Rust driver: server selection, `ping`, and with credentials authentication and `connectionStatus`)
cli-help-check-no-progress = Do not show the live progress on stderr (shown only when stderr is a terminal)
cli-help-check-username = User to authenticate as in the driver stage (replaces the connection string's)
cli-help-check-password-env = Read the password from this environment variable (never from the command line)
cli-help-check-password-file = Read the password from this file (its first line; keep it private)
cli-help-check-dns-server = Send every DNS lookup of the run (SRV, TXT, the members' addresses) to this server, IP:PORT (UDP, then TCP), instead of the system's resolver: for split DNS and tests
cli-help-ca-files = CA bundle file(s): PEM, DER, PKCS#7 (.p7b) or the ZIP downloaded from the console
cli-help-verify-ca = The CA bundle clients will trust (repeat for several files)
cli-help-verify-chain = The chain the server presents: its certificate first, then intermediates (a MongoDB PEMKeyFile with the private key in it is fine: the key is ignored and never shown)
cli-help-verify-host = The host name or IP address clients connect to
cli-help-bench-uri = The connection string (TLS side)
cli-help-bench-ca = The CA file (overrides tlsCAFile; repeat for several files, trusted together). When one is given, each member's chain is checked once before measuring and any problem is noted (`check` gives the full verdict)
cli-help-bench-member = Measure only this member (host:port as in the URI); default: every seed
cli-help-bench-samples = Samples per series (1 to 1000000)
cli-help-bench-warmup = Unrecorded runs before each series (at most 1000)
cli-help-bench-max-time = Stop after this long, whatever the sample count
cli-help-bench-timeout = Bound of each network phase (at most 5m)
cli-help-bench-concurrency = Also measure throughput with N concurrent connections (1 to 256)
cli-help-bench-payload-sizes = Payload sizes for the per-byte cost, e.g. 1KiB,64KiB,1MiB
cli-help-bench-plain-uri = A separate plaintext endpoint, for servers that force TLS
cli-help-bench-server-name = Name to send as SNI (for IP addresses and tunnels)
cli-help-bench-export-json = Also write the JSON report to this file
cli-help-bench-plot = Draw the latency distributions, plaintext vs TLS per metric, to this SVG file
cli-help-sandbox-members = Number of members (1 to 7)
cli-help-sandbox-scenario = What is wrong with it
cli-help-sandbox-tls-mode = TLS mode of every member (default: the scenario's; `allow` like a managed service right after SSL was enabled)
cli-help-sandbox-handshake-delay = Sleep this long before each TLS handshake (to check what `bench` measures)
cli-help-sandbox-auth = Turn authentication on with the default users (`app` on `admin` with SCRAM, its password in a 0600 file; the MONGODB-X509 user of the sandbox's client certificate), whatever the scenario; client certificates become `optional` unless `--client-auth` says otherwise
cli-help-sandbox-client-auth = Whether members ask TLS clients for a certificate (default: the scenario's; `none` except for `wrong-password` and `client-cert-required`)
cli-help-sandbox-port = Listen on fixed ports: BASE for the first member, BASE+1 for the next, … (default: free ports chosen by the system). A port already taken is an error
cli-help-sandbox-ready-file = Once every member listens, write JSON {"{"}pid, uri, ca, members, …{"}"} to this file (written whole, then renamed into place, so a script that sees the file can read it at once); removed again when the sandbox stops
cli-help-demo-format = Output format of the check report
cli-help-demo-keep-ca = Keep the sandbox's CA file in this directory (created if missing) as mongotls-sandbox-ca.pem; the report names that copy. Without it, the CA file is removed with the sandbox when the demo ends
cli-help-demo-no-progress = Do not show the live progress of the check on stderr (shown only when stderr is a terminal)
cli-help-completions-shell = The shell to complete for
cli-help-man-command = The command whose page to print (mongotls-check(1), ...); default: mongotls(1), which lists every command
cli-help-value-lang-en = English
cli-help-value-lang-zh = Simplified Chinese (简体中文), with the console's Chinese labels
cli-help-value-color-auto = Colour when stdout is a terminal and NO_COLOR is not set
cli-help-value-color-always = Always colour (even into a pipe or file), unless NO_COLOR is set
cli-help-value-color-never = Never colour
cli-help-value-format-text = Human-readable text ending in one verdict line
cli-help-value-format-json = One JSON object (see the README for the contract)
cli-help-value-format-junit = JUnit XML for CI test reporters: one test case per member, certificate or chain
cli-help-value-format-prometheus = Prometheus text exposition format, for node_exporter's textfile collector
cli-help-value-bench-format-text = Tables and one sentence per member
cli-help-value-bench-format-json = One JSON object with every raw sample
cli-help-value-bench-format-markdown = Markdown tables
cli-help-value-bench-format-csv = One CSV row per series
cli-help-value-scenario-good = every member presents a valid chain (leaf + intermediate) that the CA file verifies
cli-help-value-scenario-expired = every member's certificate expired 30 days ago
cli-help-value-scenario-not-yet-valid = every member's certificate becomes valid only in 30 days
cli-help-value-scenario-wrong-ca = the CA file holds another root CA, not the one that signed the members
cli-help-value-scenario-hostname-mismatch = the certificates name only mongo-old.sandbox.invalid, not localhost (issued before the endpoint existed)
cli-help-value-scenario-missing-intermediate = members present their certificate without the intermediate CA
cli-help-value-scenario-self-signed = each member presents a self-signed certificate
cli-help-value-scenario-plaintext-only = TLS is not enabled: members speak plaintext only (the URI still says tls=true)
cli-help-value-scenario-tls-required = members refuse plaintext connections (forced SSL, requireTLS)
cli-help-value-scenario-one-member-expired = the last member's certificate expired 30 days ago; the others are fine
cli-help-value-scenario-no-primary = every member is a secondary: there is no primary to select
cli-help-value-scenario-wrong-password = authentication is on and the connection string carries the user with a wrong password
cli-help-value-scenario-client-cert-required = members require a client certificate from the sandbox CA; the connection string gives none
cli-help-value-tls-mode-require = TLS only (requireTLS, "force SSL")
cli-help-value-tls-mode-allow = TLS and plaintext on the same port (as right after SSL was enabled)
cli-help-value-tls-mode-disabled = plaintext only
cli-help-value-client-auth-none = no client certificate is requested
cli-help-value-client-auth-optional = a client certificate is verified when given
cli-help-value-client-auth-required = clients without a certificate from the sandbox CA are refused
## The prose of the examples under --help (the example command lines are never translated).
cli-help-examples = Examples:
cli-help-example-ca-bundle = What is in the CA bundle downloaded from the console (SSL > Download certificate)?
cli-help-example-check-members = Check every member of the replica set against it (the password is read from $MONGO_PW)
cli-help-example-demo = No server at hand: a loopback replica set with an expired certificate, checked
cli-help-example-run-help = Run 'mongotls <COMMAND> --help' for the options and examples of each command.
cli-help-example-sandbox-prints = prints its URI and CA file; Ctrl-C stops it
cli-help-example-sandbox-script = In a script: fixed ports, wait for the ready file, use it, stop the sandbox
