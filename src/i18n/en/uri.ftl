# English messages: uri. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

## Why a connection string cannot be used (UriError). Quoted text is escaped by the caller.

uri-error-empty = empty connection string: write one like mongodb://host:27017/
uri-error-missing-scheme = missing scheme: a connection string starts with mongodb://
uri-error-malformed-scheme = malformed scheme: a connection string starts with mongodb:// (two slashes)
uri-error-unsupported-scheme = unsupported scheme '{ $scheme }://': a connection string starts with mongodb://
uri-error-srv-multiple-hosts = mongodb+srv:// takes exactly one host name, got { $count }: write mongodb+srv://cluster0.example.net/ (its SRV record lists the hosts), or list the hosts with mongodb://h1:p1,h2:p2/
uri-error-srv-port = mongodb+srv:// takes a host name without a port: remove the port (the SRV record gives each host's port)
uri-error-srv-ip-address = mongodb+srv:// needs a DNS name that has an SRV record, not the IP address { $host }: use mongodb://{ $host }/ instead
uri-error-srv-option-without-srv = option '{ $option }' is only for mongodb+srv:// connection strings: remove it, or use mongodb+srv://HOST/
uri-error-srv-max-hosts-conflict = srvMaxHosts cannot be combined with { $other }: remove one of them
uri-error-srv-direct-connection = directConnection=true cannot be used with mongodb+srv:// (the SRV record may list several hosts): remove directConnection, or connect to one host with mongodb://host:port/?directConnection=true
uri-error-invalid-srv-service-name = srvServiceName '{ $value }' is not a valid SRV service name: use letters, digits and '-' (at most 62 characters), e.g. srvServiceName=mongodb
uri-error-invalid-srv-max-hosts = option 'srvMaxHosts' needs a non-negative integer, got '{ $value }': write srvMaxHosts=0 for every host, or srvMaxHosts=N to use N of them
uri-error-unescaped-in-userinfo = the user name or password contains an unescaped '{ $character }': percent-encode it as { $escaped }
uri-error-empty-username = empty user name before '@': write user:password@host, or drop the '@' when there are no credentials
uri-error-at-sign-after-hosts = '@' after the host list: if the user name or password contains '/', percent-encode it as %2F (and '@' as %40)
uri-error-ambiguous = the connection string does not parse, and the '@' after its first '/' means the user name or password may contain an unescaped '/' or '?': percent-encode them as %2F and %3F (details withheld in case they contain the password; without such a password, write '@' in option values as %40 to see them)
uri-error-encoding = '{ $text }' is not valid percent-encoding in the { $part }: { $problem }
uri-error-secret-encoding = invalid percent-encoding in the { $part } (not shown): { $problem }
uri-error-empty-host-list = empty host list: write at least one host, e.g. mongodb://localhost:27017/
uri-error-empty-host = empty host at position { $position } in the host list '{ $list }': remove the extra ','
uri-error-missing-slash = a '/' is required between the host list and the options: write mongodb://host/?options (and if the user name or password contains '?', percent-encode it as %3F)
uri-error-unix-socket = unix domain sockets are not supported: mongotls checks TLS over TCP (got '{ $host }'); give the server's host:port
uri-error-invalid-ipv6 = invalid IPv6 literal '{ $text }': { $reason }
uri-error-ipv6-zone = IPv6 zone ids are not supported in '{ $text }': use a global address or a DNS name, since a certificate cannot name a zone
uri-error-ipv6-not-bracketed = IPv6 address '{ $address }' must be in brackets: write [{ $address }]:{ $port }
uri-error-invalid-ipv4 = '{ $text }' is not a valid IPv4 address: write four numbers from 0 to 255, e.g. 10.0.0.5
uri-error-invalid-host-name = invalid host name '{ $host }': { $reason }
uri-error-missing-host-name = missing host name in '{ $entry }': write host:port
uri-error-too-many-colons = too many ':' in '{ $entry }': write host:port (IPv6 addresses go in brackets: [::1]:27017)
uri-error-empty-port = missing port after ':' in '{ $entry }': add the port or remove the ':'
uri-error-invalid-port = port '{ $port }' in '{ $entry }' is not a number: write a port from 1 to 65535
uri-error-port-out-of-range = port { $port } out of range in '{ $entry }': use a port from 1 to 65535
uri-error-invalid-database = database name '{ $name }' contains '{ $character }', which MongoDB does not allow: fix the part after the host list's '/'
uri-error-option-without-value = option '{ $text }' has no '=': write name=value
uri-error-option-without-value-hidden = an option has no '=' (not shown: the options hold a secret it may be part of): write name=value, and percent-encode '&' and ';' inside values as %26 and %3B
uri-error-empty-option-name = an option has an empty name (nothing before '='): remove the stray '='
uri-error-invalid-bool = option '{ $option }' needs true or false, got '{ $value }': write { $option }=true or { $option }=false
uri-error-invalid-integer = option '{ $option }' needs a non-negative integer, got '{ $value }': write milliseconds, e.g. { $option }=10000 for 10s
uri-error-unknown-auth-mechanism = authMechanism '{ $value }' is not one of SCRAM-SHA-1, SCRAM-SHA-256, MONGODB-X509, MONGODB-AWS, MONGODB-OIDC, GSSAPI, PLAIN
uri-error-unknown-auth-mechanism-cr = authMechanism '{ $value }' is not one of SCRAM-SHA-1, SCRAM-SHA-256, MONGODB-X509, MONGODB-AWS, MONGODB-OIDC, GSSAPI, PLAIN (MONGODB-CR was removed in MongoDB 4.0: use SCRAM-SHA-256)
uri-error-tls-ssl-conflict = 'tls={ $tls }' conflicts with 'ssl={ $ssl }': ssl is the old name of tls; keep only tls
uri-error-tls-insecure-conflict = 'tlsInsecure' cannot be combined with '{ $other }' (tlsInsecure already sets it): keep only one
uri-error-direct-connection-multiple-hosts = directConnection=true needs exactly one host, got { $count }: list one host or remove directConnection

## The part of the connection string an encoding error is in ("… in the { $part }").

uri-part-user-name = user name
uri-part-password = password
uri-part-host = host
uri-part-database-name = database name
uri-part-option-name = option name
uri-part-option-value = value of option '{ $option }'

## What is wrong with a percent-encoded part.

uri-encoding-bad-escape = the '%' at character { $position } is not followed by two hex digits (write '%' itself as %25)
uri-encoding-not-utf8 = the %-escapes do not decode to UTF-8 text

## Why a bracketed host is no IPv6 address, or a host name is invalid (after "…: ").

uri-ipv6-bracket-without-open = ']' without '[': write [address]:port, e.g. [::1]:27017
uri-ipv6-missing-close = missing ']': write the address in brackets, e.g. [::1]:27017
uri-ipv6-not-an-address = not an IPv6 address (IPv4 addresses and names go without brackets)
uri-ipv6-text-after-bracket = unexpected text after ']': write [address]:port, e.g. [::1]:27017
uri-host-non-ascii = it has non-ASCII characters: write an internationalised name in its xn-- (punycode) form
uri-host-bad-character = '{ $character }' is not allowed in a host name (letters, digits, '-', '.' only)
uri-host-too-long = it is longer than 253 characters
uri-host-empty-label = it has an empty label (a leading dot or two dots in a row)
uri-host-label-too-long = the label '{ $label }' is longer than 63 characters
uri-host-label-hyphen = the label '{ $label }' starts or ends with '-'

## Warnings about a connection string that parses. An unknown option's warning must quote
## it as '{ $option }' (with ASCII quotes): check finds it by that.

uri-warning-duplicate-host = host { $host } is listed more than once; the duplicate is ignored
uri-warning-trailing-dot = host name '{ $name }' ends with '.': it is used as '{ $lower }', the form certificates name
uri-warning-mixed-separators = the options mix '&' and ';' as separators: use '&' only ('&' is the standard)
uri-warning-empty-value = option '{ $option }' has an empty value and is ignored
uri-warning-repeated = option '{ $option }' is given more than once; the last value is used
uri-warning-unknown-option = unknown option '{ $option }' is ignored
uri-warning-unknown-option-suggestion = unknown option '{ $option }' is ignored: did you mean '{ $suggestion }'?
uri-warning-tls-implied = { $names } given without tls=true: mongotls assumes TLS, but drivers differ on whether these options turn it on; add tls=true
uri-warning-tls-off = tls=false, so { $names } { $count ->
    [one] is
   *[other] are
} ignored: set tls=true to use TLS
uri-warning-app-name-long = appName is { $bytes } bytes long: drivers allow at most 128
uri-warning-more = { $hidden } more warnings about the connection string are not shown; fix the ones above and run again

## mongodb+srv://: why an SRV target or the TXT record cannot be used.

uri-srv-target-outside-parent = it does not lie inside { $domain }, the parent domain of { $host }
uri-srv-target-outside-host = it does not lie below { $domain } (a host name with fewer than three labels needs targets inside it)
uri-srv-txt-replica-set-with-max-hosts = the TXT record sets replicaSet, which cannot be combined with srvMaxHosts; drivers refuse the connection string
uri-srv-txt-several = the host has { $count } TXT records; clients allow at most one and refuse the connection string (none was used here)
uri-srv-txt-forbidden = the TXT record sets { $options }, but a TXT record may only set authSource, replicaSet and loadBalanced; clients refuse the connection string (mongotls ignored { $count ->
    [one] it
   *[other] them
})
uri-srv-txt-unparsable = the TXT record does not parse ({ $error }); none of it was used

## The wire protocol's errors (src/wire) and the files module's (src/files.rs): engines with no
## catalog of their own. Protocol names (OP_MSG, opCode, responseTo, numberReturned, `ok`)
## stay as the specification spells them.

uri-wire-too-large = the peer declared a { $declared }-byte message; the limit is { $limit } bytes
uri-wire-shorter-than-header = message is shorter than its 16-byte header: it declares { $declared } bytes
uri-wire-truncated = truncated { $what }: expected { $expected } bytes, got { $got }
uri-wire-invalid-length = { $what } declares { $declared } bytes; the minimum is { $min }
uri-wire-trailing-bytes = { $what } has { $count } trailing bytes after its last field
uri-wire-invalid-cstring = { $what } is not a valid C string: { $reason }
uri-wire-cstring-no-nul = no NUL terminator
uri-wire-cstring-not-utf8 = not UTF-8
uri-wire-invalid-bson = { $what } is not valid BSON: { $message }
uri-wire-unsupported-opcode = unsupported opCode { $code } ({ $name })
uri-wire-opcode-unknown = unknown
uri-wire-not-a-reply = expected a reply (OP_MSG or OP_REPLY), got { $name }
uri-wire-response-to-mismatch = responseTo { $got } does not match request { $expected }
uri-wire-unknown-flags = OP_MSG sets unknown required flag bits { $flags } (bits 0-15 must be understood)
uri-wire-checksum-missing = OP_MSG checksum present but the message has only { $available } bytes after the flags, no room for the 4-byte CRC-32C
uri-wire-checksum-mismatch = OP_MSG checksum present but wrong: the message says { $stated }, its bytes give { $computed }
uri-wire-no-body-section = OP_MSG has no body section (kind 0)
uri-wire-duplicate-body-section = OP_MSG has more than one body section (kind 0); the second is at byte { $offset }
uri-wire-unknown-section-kind = OP_MSG section at byte { $offset } has unknown kind { $kind }
uri-wire-number-returned-mismatch = OP_REPLY says numberReturned { $declared } but holds { $found } documents
uri-wire-empty-reply = OP_REPLY holds no documents; a command reply needs one
uri-wire-command-failed = command failed: { $errmsg }
uri-wire-command-failed-code = command failed: { $errmsg } (code { $code })
uri-wire-command-failed-name = command failed: { $errmsg } ({ $name })
uri-wire-command-failed-code-name = command failed: { $errmsg } (code { $code }, { $name })
uri-wire-no-errmsg = (no errmsg)
uri-wire-invalid-reply = unexpected reply: { $message }
uri-wire-reply-without-ok = the reply has no `ok` field
uri-wire-ok-not-a-number = `ok` is { $bson_type }, not a number
uri-wire-hello-does-not-parse = the hello reply does not parse: { $error }
uri-wire-ok-must-be-number = `ok` must be a number, got { $bson_type } { $value }
uri-wire-expected-integer = expected an integer, got { $value }
uri-wire-not-32-bit = { $value } does not fit a 32-bit integer
uri-wire-encode = cannot encode { $what } as BSON: { $message }
uri-wire-contains-nul = { $text } contains a NUL byte
uri-wire-too-large-to-encode = a { $len }-byte { $what } does not fit the protocol's 32-bit length field
uri-wire-connection-closed = the connection closed after { $received } of { $expected } bytes of the { $part }
uri-wire-io = { $during }: { $error }
uri-wire-during-reading-header = reading a message header
uri-wire-during-reading-body = reading a message body
uri-wire-during-sending = sending a message
uri-wire-part-message = message
uri-wire-part-message-header = message header
uri-wire-no-reply-within = no reply within { $duration }
uri-wire-more-bytes = … ({ $dropped } more bytes)
uri-files-pipe-unread = a named pipe that nobody reads: start its reader first, or give a regular file
