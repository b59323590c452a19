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
