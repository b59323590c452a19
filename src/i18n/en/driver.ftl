# English messages: driver. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

## The driver stage of check. { $error } is the driver's own text (secrets removed), never
## translated. A message that starts with {" "} is a sentence appended to another one.

driver-what-options-refused = the driver refused the options
driver-what-ping-failed = the driver could not run ping
driver-stage-failed-message = driver stage: { $what }: { $error }
driver-options-rejected-hint = applications using the Rust driver refuse these options too: fix the connection string or the files it names
driver-failed-hint = applications using this connection string fail the same way; the probe's findings above say what each member does

driver-trust-ca-file = { $path } (replaces the driver's built-in roots)
driver-trust-builtin-roots = the driver's built-in Mozilla roots (webpki-roots), not the system store
driver-trust-none = none: the connection string does not ask for TLS, so the driver connects in plaintext

driver-server-removed = the driver removed it from the topology: its replica set name or role does not fit the connection string
driver-no-server = no server at all
driver-every-server-failed = every server failed
driver-all-failed-message = driver stage: no server could be selected for ping, every server failed: { $errors }
driver-all-failed-error = no server is selectable: { $errors }
driver-no-primary-message = driver stage: no server could be selected for ping: the read preference needs a primary and none of the servers is one: { $servers }
driver-no-primary-error = no primary: { $servers }
driver-hopeless-hint = applications using this connection string cannot connect: the probe's findings for each member and for the set say what is wrong
driver-selection-failed-message = driver stage: no server could be selected for ping: { $details }
driver-selection-saw = { $error } The driver saw: { $servers }
driver-selection-failed-hint = applications using this connection string cannot connect: fix the per-server errors above (the probe's findings for each member say what is wrong)

driver-mechanism-unavailable-message = driver stage: the authentication mechanism is not available: { $error }
driver-mechanism-unavailable-hint = use a mechanism the server offers for this user (authMechanism=SCRAM-SHA-256 or SCRAM-SHA-1; MONGODB-X509 needs a client certificate), or create the user with it
driver-auth-failed-message = driver stage: authentication failed: { $error }
driver-auth-failed-hint = check the user name, the password and authSource (the database the user was created in); the server does not say which one is wrong

driver-no-answer-within = the driver had no answer within { $duration }
driver-deadline-message = driver stage: { $error } (the run's deadline or three times --timeout)
driver-deadline-hint = raise --deadline or --timeout, or skip this stage with --no-driver

## driver.verdict_differs

driver-invalid-hostnames-message = the connection string sets tlsAllowInvalidHostnames, which the Rust driver over rustls does not have: applications on the Rust driver refuse this connection string before connecting, while OpenSSL-based drivers, Node.js, Go and Java honour it and connect (without checking host names)
driver-invalid-hostnames-hint = remove tlsAllowInvalidHostnames and fix the certificates' names (the probe's findings say which names each member's certificate covers)
driver-no-error-given = no error given
driver-differs-message = the probe found every member usable, but the Rust driver could not connect ({ $error }). Applications on the Rust driver fail; applications on other drivers may connect.
driver-differs-message-hostnames = the probe found every member usable, but the Rust driver could not connect ({ $error }). The connection string asks clients to ignore host names (tlsAllowInvalidHostnames or tlsInsecure), which the Rust driver over rustls cannot do: OpenSSL-based drivers, Java, Go and Node.js honour it and connect. Applications on the Rust driver fail; applications on other drivers may connect.
driver-differs-hint = read the driver's error above; fix the connection string for the Rust driver, or remove the option it cannot honour
driver-connected-despite-message = the Rust driver connected and ran ping, but the probe found { $count } failure(s) ({ $codes }).{ $rustls }{ $who }
driver-rustls-accepts = {" "}The Rust driver (rustls) accepts some of it; other drivers do not.
driver-one-server-enough = {" "}The driver needs only one suitable server for ping: applications fail when a member with these problems is primary or is read from.
driver-refusing-clients = {" "}Clients that refuse what the probe found: { $clients }.
driver-connected-despite-hint = do not take a successful driver connection as proof: fix every failure the probe found

## Client families (findings' `clients`), as driver.verdict_differs names them.

driver-family-openssl = OpenSSL-based drivers (PyMongo, C, C++, PHP, Ruby)
driver-family-node = Node.js and mongosh
driver-family-rustls = the Rust driver
driver-family-go = Go driver and the database tools
driver-family-java = Java driver
driver-family-other = other clients
driver-selection-explained-hint = the probe's findings for the members and the set are the cause: fix those, and the driver will connect
