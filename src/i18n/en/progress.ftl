# English messages: progress. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

# The live status lines of `check` and `demo` on stderr (src/commands/check/progress.rs).
progress-srv-label = SRV
progress-srv-looking-up = looking up { $name }
progress-srv-found = { $count ->
    [one] { $count } host
   *[other] { $count } hosts
}
progress-srv-failed = lookup failed
progress-member-queued = waiting to start
progress-phase-dns = dns
progress-phase-tcp = tcp
progress-phase-tls = tls
progress-phase-mongo = hello/ping
progress-phase-plaintext = plaintext
progress-member-passed = passed
progress-member-warned = { $count ->
    [one] passed with { $count } warning
   *[other] passed with { $count } warnings
}
progress-member-more = { $count ->
    [one] (and { $count } more failure)
   *[other] (and { $count } more failures)
}
progress-cause-dns = the name did not resolve
progress-cause-refused = connection refused
progress-cause-connect-timeout = connect timed out after { $after }
progress-cause-connect-failed = TCP connection failed
progress-cause-deadline = cut short by --deadline
progress-cause-silent = no answer within { $after }
progress-cause-tls-timeout = TLS handshake timed out after { $after }
progress-cause-tls-failed = TLS handshake failed
progress-cause-tls-not-enabled = TLS is not enabled
progress-cause-client-cert-required = a client certificate is required
progress-cause-client-cert-rejected = the client certificate was refused
progress-cause-hello-failed = no MongoDB answer over TLS
progress-driver-label = driver
progress-driver-running = connecting with the official driver (server selection, ping)
progress-driver-passed = the driver connected
progress-driver-failed = the driver could not connect
