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
