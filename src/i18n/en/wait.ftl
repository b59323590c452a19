# English messages: wait. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

# --expect-fingerprint values (src/wait/timeline.rs).
wait-fingerprint-bad-character = '{ $character }' is not a hex digit: give the SHA-256 fingerprint as 64 hex digits, with or without colons (as `openssl x509 -noout -fingerprint -sha256` prints it)
wait-fingerprint-bad-length = { $digits } hex digits where a SHA-256 fingerprint has 64: give it as `openssl x509 -noout -fingerprint -sha256` prints it, with or without colons

# Findings (src/wait/mod.rs).
wait-timeout-down = { $address } is not back: nothing has answered since { $since } ({ $ago } ago)
wait-timeout-down-hint = The member did not come back within --timeout. Look at its status in the console (after SSL is enabled or the certificate updated, each member restarts in turn, a few minutes each); run `mongotls check` on it once it is up, or wait again with a longer --timeout.
wait-timeout-failing = { $address } answers but still fails ({ $codes }) since { $since } ({ $ago } ago)
wait-timeout-failing-hint = The member is up but clients would refuse it: the codes say why; `mongotls check` on the same URI explains each one with its fix.
wait-timeout-no-round = no poll round finished within { $after }: nothing is known about any member
wait-timeout-no-round-hint = Give --timeout room for at least one round (each probe phase is bounded by --probe-timeout), or check that the members' names resolve and their ports are reachable from here.
wait-cert-unchanged = { $address } passes but still presents the certificate it had at the start ({ $fingerprint }, valid until { $not_after })
wait-cert-unchanged-hint = The member restarted (or never did) without the renewed certificate: check that the renewal finished in the console (SSL > Update certificate), then wait again.
wait-cert-not-expected = { $address } presents { $fingerprint } (valid until { $not_after }), not the certificate expected
wait-cert-not-expected-hint = Compare with the certificate you expect (`mongotls ca` or `openssl x509 -noout -fingerprint -sha256 -enddate` on it); the member may not have restarted yet, or serves another certificate.
wait-no-certificate = { $address } answers without TLS: there is no certificate to compare
wait-no-certificate-hint = TLS is not enabled on this member (yet): enable SSL in the console, then wait again.
wait-interrupted = interrupted after { $after }; not ready then: { $members }
wait-interrupted-hint = The report shows what was seen until the interruption; run `mongotls wait` again to follow the rest.

# The text report (src/report/text/wait.rs).
wait-label-waited = Waited
wait-header-waited = { $duration } from { $since }, { $rounds ->
    [one] { $rounds } round
   *[other] { $rounds } rounds
}: { $ending }
wait-ending-done = every member ready
wait-ending-timed-out = --timeout reached
wait-ending-interrupted = interrupted
wait-label-expected = Expected
wait-expect-pass = every member passing
wait-expect-new-cert = every member passing with a certificate other than the one it had at the start
wait-expect-fingerprint = every member passing with the certificate { $fingerprint }
wait-expect-not-after = every member passing with a certificate valid until after { $date }
wait-member-downtime = downtime { $downtime }
wait-event-seen = seen
wait-event-went-away = went away
wait-event-came-back = came back
wait-event-started-failing = started failing
wait-event-recovered = recovered
wait-event-cert-changed = certificate changed
wait-state-up = up
wait-state-down = down
wait-state-failing = failing
wait-event-leaf = { $fingerprint } until { $not_after }
wait-event-primary = primary
wait-certificate = { $fingerprint } (until { $not_after })
wait-certificate-none = none seen
wait-member-certificate-same = certificate: { $certificate }, unchanged
wait-member-certificate-changed = certificate: { $initial } → { $last }
wait-primary-title = Primary changes
wait-primary-change = { $at }  { $from } → { $to }

# JUnit (src/report/junit.rs).
wait-junit-downtime = downtime { $downtime }

# The live status on stderr (src/commands/wait/live.rs).
wait-live-first-round = first round done: { $members ->
    [one] { $members } member
   *[other] { $members } members
}, { $ready } ready
wait-live-event = { $address }: { $event } ({ $details })
wait-live-primary-change = primary: { $from } → { $to }
wait-live-ready = ready
wait-live-not-ready = not ready
wait-live-done = every member ready after { $after }
wait-live-timed-out = --timeout reached after { $after }

# `mongotls wait --help` (src/cli/help_zh.rs; the English is the doc comments' text).
wait-help-about = Follow a rolling restart (SSL enabled, certificate renewed): poll every member until each one passes again, with a new certificate if asked; report each member's downtime and certificates
wait-help-uri = The connection string, e.g. mongodb://host1:3717,host2:3717/admin?replicaSet=mgset-123&tls=true (no password is needed: only TLS and `hello` are used)
wait-help-ca = The CA file clients trust (overrides tlsCAFile in the URI; repeat for several files). Without it and without tlsCAFile, chains are judged against the system's trust store
wait-help-timeout = Give up after this long (at most 24h): exit 1 with what is still wrong
wait-help-interval = Time from the start of one poll round to the start of the next (at most 5m)
wait-help-probe-timeout = Bound of each network phase of one member's probe (TCP, TLS, each command; at most 5m): a member that does not answer in time counts as down for that round
wait-help-expect-new-cert = Also wait until every member presents a leaf certificate other than the one it presented when first polled (a member down at the start counts as renewed when it comes back)
wait-help-expect-fingerprint = Also wait until every member presents the leaf certificate with this SHA-256 fingerprint (64 hex digits, with or without colons, any case)
wait-help-expect-not-after-later-than = Also wait until every member presents a leaf certificate valid until after this time (RFC 3339, or a date)
wait-help-no-discover = Probe the seeds only; do not follow `hello` to the other members
wait-help-no-progress = Do not show the live status on stderr (one line per member on a terminal, else one timestamped line per event)
wait-help-strict = Exit 1 on warnings too; a member whose probe has a warning made a failure by --strict (a `lint.*` finding) does not count as passing
wait-help-value-format-text = Each member's timeline and downtime, the findings, one verdict line
wait-help-value-format-json = One JSON object (see the README for the contract)
wait-help-value-format-junit = JUnit XML: one test case per member
wait-help-example-follow = After the certificate is renewed (SSL > Update certificate): follow the restarts until every member is back
