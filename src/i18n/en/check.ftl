# English messages: check. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

## Network errors (src/net/mod.rs): one phase of a probe, as the findings quote it.
check-net-dns-failed = DNS lookup of { $host } failed: { $detail }
check-net-dns-empty = DNS lookup of { $host } returned no address
check-net-dns-timeout = DNS lookup of { $host } did not finish within { $after }
check-net-connect-refused = connection to { $addr } refused
check-net-connect-timeout = TCP connection to { $addr } not established within { $after }
check-net-connect-failed = TCP connection to { $addr } failed: { $detail }
check-net-tls-timeout = TLS handshake not finished within { $after }
check-net-tls-failed = TLS handshake failed: { $failure }
check-net-tls-alert = the server sent the TLS alert { $alert }
check-net-tls-closed = the server closed the connection during the handshake ({ $detail })
check-net-tls-not-tls = the server's answer is not TLS ({ $detail })
check-net-tls-config = the TLS client could not be set up: { $detail }
check-net-no-address = (no address)
check-net-end-of-stream = end of stream
check-net-connection-reset = connection reset

## DNS (src/net/dns.rs). $server is check-dns-server or check-dns-system-resolver; $kind is
## SRV, TXT or A/AAAA.
check-dns-server = the DNS server { $server }
check-dns-system-resolver = the system resolver
check-dns-no-records = { $server } answered that { $name } has no { $kind } record
check-dns-no-records-nxdomain = { $server } answered that { $name } has no { $kind } record (the name does not exist: NXDOMAIN)
check-dns-timeout = { $server } did not answer the { $kind } lookup of { $name } within { $after }
check-dns-failed = the { $kind } lookup of { $name } through { $server } failed: { $detail }
check-dns-no-configuration = the system DNS configuration could not be read: { $detail }; pass --dns-server HOST:PORT
check-dns-refused = the server refused the query (REFUSED)
check-dns-servfail = the server failed to answer (SERVFAIL)
check-dns-response-code = the server answered with the error { $code }
check-dns-no-answer = no answer in time
check-dns-network-error = network error: { $error }
check-dns-no-connection = no connection to the server could be made

## One member's probe (src/probe.rs).
check-member-error = { $address }: { $error }
check-step-dns = name resolution
check-step-tcp = TCP connection
check-step-tls = TLS handshake
check-step-hello = MongoDB handshake (hello)
check-step-ping = ping
check-step-build-info = buildInfo
check-step-plaintext = plaintext probe
check-deadline-before-phase = { $address }: the run's deadline ({ $budget } after the start) passed before the { $phase } could start; this member was not checked in full
check-deadline-during-phase = { $address }: the run's deadline ({ $budget } after the start) passed during the { $phase }, which had less than --timeout left; this member was not checked in full
check-deadline-stalled-hint = a stalled member used up the run's time: see this member's other findings; raise --deadline, or lower --timeout so that one stalled phase cannot use the whole budget
check-deadline-abandoned = { $address }: the run's deadline ({ $budget } after the start) passed and this member's probe was abandoned
check-deadline-abandoned-hint = raise --deadline, or lower --timeout so that one stalled phase cannot use the whole budget
check-dns-failed-hint = check the host name in the connection string; on a managed service use the connection string from the console, and check that this machine's DNS can resolve it (private endpoints resolve only inside the VPC)
check-invalid-name-hint = fix the member's host in the replica-set configuration (rs.conf()) or the connection string
check-connect-refused-hint = nothing listens there: check the port (ApsaraDB uses 3717, MongoDB's default is 27017) and that the member is running; during an SSL change on a managed console members restart one by one
check-connect-timeout-hint = no answer at all: usually a firewall, security group or IP whitelist; on a managed service add this machine's address to the instance's whitelist
check-connect-failed-hint = check the network route from this machine to the member
check-cert-unparsable = { $address }: presented certificate #{ $index } cannot be parsed: { $error }
check-cert-unparsable-hint = the server's certificate file is damaged; re-create it from the issued certificate
check-hello-failed = { $address }: the MongoDB handshake (hello) over TLS failed: { $error }
check-hello-failed-hint = TLS works but the server did not answer as MongoDB: check that this port is a mongod/mongos and not another service
check-ping-failed = { $address }: ping over TLS failed: { $error }
check-ping-failed-hint = the server accepted the handshake but not a command; check the server's log
check-build-info-unavailable = { $address }: buildInfo was not answered ({ $error }); the server version is unknown
check-build-info-unavailable-hint = some deployments require authentication for buildInfo; nothing to fix for TLS
check-tls-not-enabled = { $address }: TLS is not enabled on this endpoint: it answers plaintext MongoDB, and a TLS handshake fails ({ $error })
check-tls-not-enabled-hint = enable SSL for the instance (managed console: SSL → enable; self-managed: net.tls.mode allowTLS/preferTLS/requireTLS with certificateKeyFile), or drop tls=true from the connection string if plaintext is intended
check-plaintext-accepted = { $address }: plaintext connections are still accepted on the TLS port
check-plaintext-accepted-hint = after enabling SSL, members accept both until SSL is forced: switch on "force SSL" (net.tls.mode requireTLS) once every client uses TLS
check-plaintext-answered = the server answered a plaintext hello
check-plaintext-closed = the member refuses plaintext connections, as it should (requireTLS): it closed the connection unanswered
check-plaintext-refused = plaintext refused: { $error }
check-plaintext-timed-out = no reply to a plaintext hello within { $after }: this does not prove that plaintext is refused
check-plaintext-no-connection = no second TCP connection: { $error }
check-tls-timeout-hint = the server accepted TCP but did not complete TLS: check that this port serves MongoDB with TLS, and the network path (a proxy or load balancer that does not pass TLS)
check-client-cert-required-alert = { $address }: the server requires a client certificate and none was given (it sent the TLS alert { $alert })
check-client-cert-required = { $address }: the server requires a client certificate and none was given ({ $error })
check-client-cert-required-hint = pass the client certificate and its key with --client-cert client.pem (or tlsCertificateKeyFile=client.pem in the connection string); the server (net.tls.mode with a CAFile, allowConnectionsWithoutCertificates false) accepts no connection without one
check-client-cert-rejected-alert = { $address }: the server refused the client certificate with the TLS alert { $alert }: { $meaning }
check-client-cert-rejected-alert-hint = compare the client certificate's issuer with the CA file the server trusts for clients (net.tls.CAFile, or net.tls.clusterCAFile); check its dates, its Extended Key Usage (clientAuth) and that the key belongs to it — see the "Client certificate" section
check-client-cert-rejected-closed = { $address }: { $error }, without an alert, after it asked for and received the client certificate: it most likely refused the certificate
check-client-cert-rejected-closed-hint = compare the client certificate's issuer with the CA file the server trusts for clients (net.tls.CAFile, or net.tls.clusterCAFile); check its dates, its Extended Key Usage (clientAuth) and that the key belongs to it; the server's log names the reason
check-tls-closed = { $address }: { $error }; a server without TLS does this when it receives a TLS ClientHello, and so does one that rejects this client's TLS versions or ciphers without an alert
check-tls-closed-hint = check that SSL is enabled for this instance and allows TLS 1.2 or 1.3; clients see "EOF" or "connection reset" here
check-tls-failed-hint = compare the TLS versions and cipher suites the server allows with what clients support (TLS 1.2 or 1.3)
check-tls-closed-after-handshake = on the first read after the handshake: { $error }
check-alert-certificate-required = the server accepts no connection without a client certificate
check-alert-bad-certificate = the certificate is damaged, or its signature over the handshake did not verify (a key that does not belong to the certificate)
check-alert-unknown-ca = the certificate was not issued by a CA the server trusts for clients (net.tls.CAFile / clusterCAFile): it comes from another CA, or the intermediate is missing from the file
check-alert-certificate-expired = the certificate has expired, or is not valid yet, by the server's clock
check-alert-unsupported-certificate = the server cannot use this kind of certificate: typically an Extended Key Usage without clientAuth, or an unsupported key type
check-alert-certificate-revoked = the certificate is on the server's revocation list (net.tls.CRLFile)
check-alert-certificate-unknown = the server refused the certificate without saying why (a purpose or policy check)
check-alert-access-denied = the certificate is valid but this client is not allowed in
check-alert-decrypt-error = the client's signature did not verify: the key does not belong to the certificate
check-alert-handshake-failure = the server gave up on the handshake; with a client certificate this usually means it did not accept it
check-alert-illegal-parameter = the server found a field of the client's handshake invalid (often the certificate's signature algorithm)
check-alert-other = the server ended the handshake after the client presented its certificate

## The replica set as a whole (src/check.rs).
check-member-name-invalid = the replica-set configuration names the member '{ $name }', which is not a host:port address ({ $error })
check-member-name-invalid-hint = fix the member's host in the replica-set configuration (rs.conf())
check-discovery-capped = the members name more than { $max } hosts; only the first { $max } were probed
check-discovery-capped-hint = a replica set has at most 50 members: a server listing more is misbehaving; use --no-discover to check the seeds only
check-deadline-members-not-probed = the run's deadline ({ $budget } after the start) passed before { $count } member(s) named by the replica-set configuration could be probed: { $members }
check-deadline-members-not-probed-hint = raise --deadline, or lower --timeout so that stalled members cannot use the whole budget
check-list-and-more = { $list } and { $more } more
check-not-a-replica-set = the deployment is not a replica set (no member reports a setName)
check-not-a-replica-set-hint = managed services offer SSL on replica-set instances only (newer versions: also sharded clusters); a standalone instance cannot enable SSL on the console
check-set-names-differ = members report different replica-set names: { $names }
check-set-names-differ-hint = the seed list mixes members of different replica sets; use the connection string of one instance
check-set-name-mismatch = the connection string asks for replicaSet={ $want }, but the members report setName { $got }
check-set-name-mismatch-hint = drivers find no member of '{ $want }' and time out: use replicaSet={ $got }
check-no-primary = no member reports itself primary
check-no-primary-hint = writes fail until a primary is elected: wait for the election (a restart after an SSL change takes about 30 s per member), or check the members' health
check-member-silent = member { $address } accepted a connection but never answered (see its findings)
check-member-unreachable = member { $address } could not be reached (see its findings)
check-member-unreachable-others-hint = clients can still use the other members, but this one is down or blocked from here
check-member-unreachable-only-hint = no other member is known, so clients cannot connect at all until this one answers: check that it runs, the port (ApsaraDB uses 3717), and that this machine may reach it (the instance's IP whitelist, the same VPC)
check-member-unreachable-none-hint = no member answered, so clients cannot connect at all from here: usually this machine's address is not in the instance's IP whitelist, it is outside the instance's VPC, or the port is wrong (ApsaraDB uses 3717)
check-seed-not-member = the seed { $seed } is not in the replica-set configuration, which names { $members }
check-seed-not-member-hint = drivers drop this seed and connect to the configured names: their certificates must cover those names, and the connection string should use them
check-key-id-absent = absent
check-issuer-with-key-id = { $issuer } (authority key id { $key_id })
check-issuers-differ = members present certificates from different issuers: { $groups }
check-issuers-differ-hint = a certificate rollout is in progress or a member was left behind: every member must be trusted through the CA file clients use
check-expiry-spread = members' certificates expire up to { $days } days apart: { $groups }
check-expiry-spread-hint = a member was left behind at the last renewal: renew its certificate so that all members expire together
check-group-on-members = { $what } on { $members }
check-mixed-tls-modes = members run different TLS modes: { $groups }
check-mixed-tls-modes-hint = an SSL change is still rolling through the members (each restarts in turn), or one member was configured by hand: bring them to the same mode
check-srv-no-records = { $error }: clients cannot find any host of this mongodb+srv:// string
check-srv-no-records-hint = check the host name after mongodb+srv:// (copy the connection string from the console) and that the SRV record exists where this machine looks it up (dig SRV { $name }{ $dig_server }); private names resolve only inside their network: pass --dns-server there
check-srv-lookup-failed = { $error }: the hosts of this mongodb+srv:// string are unknown, so nothing was probed
check-srv-lookup-failed-hint = check that the DNS server answers (dig SRV { $name }{ $dig_server }) and that nothing blocks port 53 (UDP and TCP); behind split DNS pass --dns-server IP:PORT of a resolver that knows the name, or use a mongodb:// string that lists the hosts
check-srv-invalid-target = the SRV record { $name } lists { $target }, which clients refuse: { $reason }; it was not probed
check-srv-invalid-target-hint = drivers refuse SRV targets outside the parent domain (many refuse the whole connection string): point the SRV record at names inside the domain of { $host }, or list the hosts in a mongodb:// string
check-srv-txt-invalid = TXT record of { $host }: { $reason }
check-srv-txt-invalid-hint = keep one TXT record on { $host } setting only authSource, replicaSet and loadBalanced (dig TXT { $host }{ $dig_server }); put every other option in the connection string

## The run's own findings (src/commands/check.rs).
check-system-store = no CA file was given (--ca or tlsCAFile): chains are judged against the system trust store, { $roots } roots
check-system-store-unreadable = ; { $count } entries of it could not be read as certificates and are not used
check-system-store-not-read = ; not read: { $errors }
check-system-store-hint = a managed service's private CA is not in it: pass --ca FILE with the CA certificate downloaded from the console
check-driver-resolves-srv = the SRV and TXT records and the members' addresses
check-driver-resolves-members = the members' addresses
check-driver-skipped-dns-server = --dns-server { $server }: the driver resolves { $what } through the system resolver and cannot be pointed at another DNS server, so its outcome would not be this run's; run without --dns-server where the system resolver answers these names
check-driver-deadline = the run's deadline ({ $budget } after the start) passed before the driver stage
check-driver-deadline-hint = raise --deadline, or skip the driver stage with --no-driver
check-insecure-option = { $option } is in effect: clients configured like this accept certificates they should refuse
check-insecure-option-hint = remove it once the certificates are right; mongotls still reports every certificate problem below
check-uri-without-tls = the connection string does not ask for TLS (no tls=true): clients using it connect in plaintext; mongotls probes TLS anyway
check-uri-without-tls-hint = add tls=true (and tlsCAFile=...) to the connection string your applications use
check-unknown-option-hint = check its spelling against the MongoDB connection string options
check-uri-warning-hint = see the MongoDB connection string documentation
