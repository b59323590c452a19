# English messages: sandbox. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

## mongotls sandbox and demo (src/commands/sandbox.rs).
sandbox-ready-file-not-a-file = --ready-file names a directory, not a file
sandbox-demo-ca-kept = mongotls demo: the sandbox has stopped; its CA file is kept at { $path }
sandbox-demo-ca-removed = mongotls demo: the sandbox has stopped and its files are removed, the CA file { $path } with them; pass --keep-ca DIR to keep a copy, or run `mongotls sandbox` to keep a sandbox running
sandbox-stopping = stopping the sandbox

## What `mongotls sandbox` prints once it listens (src/sandbox/run.rs, access.rs). The
## labels line up: keep the values of the first lines at the same column.
sandbox-describe-title = mongotls sandbox: replica set { $set } with { $count ->
    [one] { $count } member
   *[other] { $count } members
}
sandbox-describe-scenario = scenario:  { $scenario } ({ $description })
sandbox-describe-tls-mode = TLS mode:  { $mode }
sandbox-describe-delay = delay:     { $delay } before each TLS handshake
sandbox-describe-uri = URI:       { $uri }
sandbox-describe-wrong-password = (its password is wrong on purpose; the real one is in the file below)
sandbox-describe-ca-file = CA file:   { $path }
sandbox-describe-members = members:
sandbox-describe-primary = { $member } (primary)
sandbox-describe-secondary = { $member } (secondary)
sandbox-describe-stop = Press Ctrl-C to stop.
sandbox-describe-auth-off = auth:      off (no users)
sandbox-describe-auth-on = auth:      on (users must authenticate)
sandbox-describe-user = user:      { $name } on { $db } ({ $how }; roles { $roles })
sandbox-describe-no-roles = none
sandbox-describe-password-file = password in { $path }
sandbox-describe-client-certs-none = client certificates: none (members do not ask for one)
sandbox-describe-client-certs-optional = client certificates: optional (members verify one when given)
sandbox-describe-client-certs-required = client certificates: required (members refuse clients without one)
sandbox-describe-cert-good = good:     { $path } ({ $subject })
sandbox-describe-cert-expired = expired:  { $path }
sandbox-describe-cert-other-ca = other CA: { $path }

## The scenarios, as `mongotls sandbox` describes them (`--help` shows the English of
## Scenario::description).
sandbox-scenario-good = every member presents a valid chain (leaf + intermediate) that the CA file verifies
sandbox-scenario-expired = every member's certificate expired 30 days ago
sandbox-scenario-not-yet-valid = every member's certificate becomes valid only in 30 days
sandbox-scenario-wrong-ca = the CA file holds another root CA, not the one that signed the members
sandbox-scenario-hostname-mismatch = the certificates name only mongo-old.sandbox.invalid, not localhost (issued before the endpoint existed)
sandbox-scenario-missing-intermediate = members present their certificate without the intermediate CA
sandbox-scenario-self-signed = each member presents a self-signed certificate
sandbox-scenario-plaintext-only = TLS is not enabled: members speak plaintext only (the URI still says tls=true)
sandbox-scenario-tls-required = members refuse plaintext connections (forced SSL, requireTLS)
sandbox-scenario-one-member-expired = the last member's certificate expired 30 days ago; the others are fine
sandbox-scenario-no-primary = every member is a secondary: there is no primary to select
sandbox-scenario-wrong-password = authentication is on and the connection string carries the user with a wrong password
sandbox-scenario-client-cert-required = members require a client certificate from the sandbox CA; the connection string gives none

## Why the sandbox could not start or run (src/sandbox/mod.rs).
sandbox-error-member-count = a sandbox replica set has 1 to 7 members, not { $requested }
sandbox-error-bind = cannot listen on 127.0.0.1 for sandbox member { $member }: { $error }
sandbox-error-certificate = cannot generate the sandbox { $what }: { $error }
sandbox-error-tls-config = cannot build the TLS configuration of sandbox member { $member }: { $error }
sandbox-error-client-verifier = cannot build the client certificate verifier of sandbox member { $member }: { $error }
sandbox-error-user = cannot set up the sandbox user '{ $user }': { $reason }
sandbox-error-temp-dir = cannot write the sandbox's temporary files in { $path }: { $error }
sandbox-error-output = cannot write the sandbox description: { $error }
sandbox-error-signal = cannot listen for Ctrl-C, SIGTERM or SIGHUP: { $error }
sandbox-error-port = cannot listen on 127.0.0.1:{ $port } for sandbox member { $member }: { $error }: give another --port BASE (the members use BASE, BASE+1, ...), or leave --port out to use free ports
sandbox-error-port-range = ports { $base } to { $base }+{ $members }-1 do not all exist: give a lower --port
sandbox-error-keep-ca = cannot keep the sandbox's CA file in { $dir }: { $error }
