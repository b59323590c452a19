# English messages: pki. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

## verify/checks.rs: judging every certificate on the path

pki-chain-order = the chain was not sent leaf first then each issuer in turn; the path uses the presented certificates in the order { $order }
pki-chain-order-hint = TLS 1.2 (RFC 5246) requires that order; current clients tolerate others, but put the server's certificate first, then its issuers, in the server's PEM file
pki-pinned-leaf = the server's certificate { $name } is trusted only because the CA file holds this exact certificate (pinned), not through a CA
pki-pinned-leaf-hint = pinning works until the certificate is renewed; prefer a CA-issued certificate and put the CA in the CA file
pki-self-signed-leaf = the server's certificate { $name } is self-signed and the CA file does not hold it (the CA file holds { $held })
pki-self-signed-leaf-hint = issue the server certificate from a CA and put that CA in the CA file, or (for a test setup only) put this exact certificate in the CA file
pki-root-not-in-ca-file = the server's chain ends at the root { $name } (SHA-256 { $fingerprint }), which the CA file does not hold (the CA file holds { $held }): the CA file looks like the wrong one
pki-root-not-in-ca-file-hint = download the CA certificate again from the console of this instance (the one the server's chain ends at), and pass that file
pki-bad-signature = the signature of { $name } does not verify with the key of its issuer { $issuer } (same name, matching key identifier): the certificate was altered or mis-issued
pki-bad-signature-hint = re-issue the certificate from the CA; a certificate whose signature does not verify is never accepted
pki-issuer-other-key-in-ca-file = { $name } was issued by "{ $issuer }" (authority key id { $aki }), and the CA file holds a certificate with that name whose key does not verify it (subject key id { $ski }): it is a CA of another instance, or from before a certificate renewal
pki-issuer-other-key-in-chain = { $name } was issued by "{ $issuer }" (authority key id { $aki }), and the presented chain holds a certificate with that name whose key does not verify it (subject key id { $ski }): it is a CA of another instance, or from before a certificate renewal
pki-issuer-other-key-hint = download the CA certificate again from the console of this instance and pass the new file
# A key identifier the certificate does not have.
pki-key-id-absent = absent
# Appended to an unknown-issuer message when the certificate names where its issuer is published.
pki-issuer-download-from = ; the certificate says its issuer can be downloaded from { $urls }
pki-issuer-needed = "{ $issuer }" (authority key id { $aki })
pki-issuer-not-found-leaf-only = the server sent only its own certificate { $name }; its issuer { $needed } is not in the CA file (the CA file holds { $held }){ $aia }. Either the server's chain is incomplete (it should also send that intermediate CA), or the CA file is not the one that issued this certificate
pki-issuer-not-found-leaf-only-hint = if the issuer is an intermediate CA, configure the server to send it after its own certificate (or add it to the CA file); otherwise download the CA certificate of this instance again
pki-issuer-not-found = the chain ends at { $name }, issued by { $needed }, which the CA file does not hold (the CA file holds { $held }){ $aia }: the CA file looks like the wrong one, or the server's chain is missing a further intermediate
pki-issuer-not-found-hint = download the CA certificate of this instance again and pass it with --ca; if it is the right one, the server must also send the missing intermediate
# What the CA file holds, inside the messages above.
pki-ca-file-holds-nothing = no certificate
pki-ca-file-holds-many = { $count ->
    [one] { $count } certificate, e.g. { $names }
   *[other] { $count } certificates, e.g. { $names }
}
pki-leaf-expired = the server's certificate { $name } expired on { $not_after } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} before { $when })
pki-leaf-expired-hint = renew the server certificate (on a managed console: "Update certificate"), then download the new CA certificate
pki-anchor-expired = the CA certificate this chain is trusted through { $name } expired on { $not_after } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} before { $when })
pki-anchor-expired-hint = download the current CA certificate from the console; if the CA itself expired, renew the server certificate so that it is issued by a current CA
pki-intermediate-expired = the intermediate CA certificate { $name } expired on { $not_after } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} before { $when })
pki-intermediate-expired-hint = the server must send a current intermediate: renew the server certificate or update the intermediate in the server's PEM file
pki-not-yet-valid = { $name } is not valid before { $not_before } (evaluated at { $when })
pki-not-yet-valid-hint = check the clock of the machine that issued the certificate and of this machine; a certificate issued with a future start date is refused until then
pki-expiring-soon = { $name } expires on { $not_after } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} left, warning window { $warn_days ->
    [one] { $warn_days } day
   *[other] { $warn_days } days
})
pki-expiring-soon-hint = renew before it expires (a managed console can renew before expiry: "Update certificate"), then download the new CA certificate
pki-weak-ec-key = { $name } has an EC key on { $curve } ({ $bits } bits)
pki-curve-unknown = an unknown curve
pki-weak-ec-key-hint = re-issue it with an ECDSA P-256 (or RSA 2048+) key
pki-unhandled-critical = { $name } marks extension(s) { $extensions } critical, which OpenSSL does not handle: OpenSSL-based clients refuse the whole chain
pki-unhandled-critical-hint = re-issue the certificate without marking those extensions critical
pki-weak-rsa-key = { $name } has a { $bits }-bit RSA key
pki-weak-rsa-key-hint = re-issue it with an RSA key of at least 2048 bits or an ECDSA P-256 key
pki-weak-signature = { $name } is signed with { $algorithm }
pki-weak-signature-hint = re-issue it with a SHA-256 (or stronger) signature
pki-leaf-bad-eku = the server's certificate { $name } restricts its use to [{ $usages }], without TLS server authentication (serverAuth)
pki-intermediate-bad-eku = the intermediate CA { $name } restricts its use to [{ $usages }], without TLS server authentication (serverAuth)
pki-bad-eku-hint = re-issue it with extendedKeyUsage serverAuth (MongoDB members that also authenticate to each other need serverAuth and clientAuth)
pki-ca-as-leaf = the server presents a CA certificate ({ $name } has basicConstraints CA:TRUE) as its own certificate
pki-ca-as-leaf-hint = issue a server certificate (CA:FALSE) from that CA and configure the server with it
pki-unused-in-ca-file = presented certificate #{ $index } { $name } is also in the CA file; the copy from the CA file is used
pki-unused-off-path = presented certificate #{ $index } { $name } is not on the path from the server's certificate to the CA file
pki-unused-hint = harmless, but the server's PEM file should hold only its certificate and the intermediates up to the CA

## verify/host.rs: the name clients connect to

pki-no-san-cn-fallback = the server's certificate { $name } has no subjectAltName extension; only OpenSSL-, Node- and Java-based clients fall back to its common name
pki-no-san = the server's certificate { $name } has no subjectAltName extension
pki-no-san-hint = re-issue it with every name and IP address clients use as subjectAltNames
pki-hostname-not-checked = the host name was not checked; the certificate covers { $names }
pki-hostname-not-checked-hint = pass --host with the name clients connect to (as in the connection string, or the replica-set member name)
pki-host-in-cn-only = the server's certificate names { $host } only in its common name and has no subjectAltName extension: OpenSSL-, Node- and Java-based clients accept it, rustls (Rust driver) and Go (Go driver, database tools) refuse it
pki-host-in-cn-only-hint = re-issue the certificate with subjectAltName DNS:{ $host } (and every other name clients use)
pki-hostname-mismatch = the server's certificate does not cover { $host }; it covers { $names }
pki-hostname-mismatch-waived = the server's certificate does not cover { $host }; it covers { $names } (the connection string tells clients to ignore this: tlsAllowInvalidHostnames)
pki-hostname-mismatch-hint = connect with a name the certificate covers; if this is a new endpoint (added after SSL was enabled), the certificate was issued before it existed: renew the certificate ("Update certificate") so that it includes the endpoint
# In the list of names a certificate covers.
pki-covered-no-san = no DNS or IP subjectAltName
pki-covered-cn = CN={ $cn } (not a subjectAltName)

## verify/by_webpki.rs: rustls-webpki's own judgement

pki-anchor-unusable = CA certificate #{ $index } { $name } cannot be used as a trust anchor by rustls-webpki ({ $error }); the Rust driver drops it without a word
pki-anchor-unusable-hint = replace it with a well-formed copy of the CA certificate
pki-webpki-path-missed = a valid path to the CA file exists, but rustls-webpki (Rust driver) does not find it and rejects the chain ({ $error }); this happens with self-issued or cross-signed intermediates
pki-webpki-path-missed-hint = simplify the chain the server sends (leaf and the intermediates of one path only) so that the Rust driver can verify it too
pki-webpki-rejects = rustls-webpki (Rust driver) rejects the chain: { $error }
pki-webpki-rejects-hint = see the rustls-webpki error; other clients may accept this chain, but the Rust driver will not

## verify/mod.rs

pki-invalid-host = '{ $host }' is neither an IP address nor a valid DNS name (letters, digits, '-' and '.', no port)
pki-no-certificate-presented = no certificate was presented
pki-no-certificate-presented-hint = the server must send its certificate chain

## ca_check.rs: a CA bundle judged on its own, and how its certificates chain

pki-relation-self-signed-root = self-signed root
pki-relation-issued-by = issued by #{ $index }
pki-relation-not-in-bundle = issuer "{ $issuer }" is not in the bundle
pki-relation-issued-by-ca-file = issued by CA file #{ $index }
pki-relation-in-ca-file = also in the CA file as #{ $index }, so trusted as it is
pki-relation-name-only-in-ca-file = issuer "{ $issuer }" is not in the chain, and CA file #{ $index } has that name but another key
pki-relation-nowhere = issuer "{ $issuer }" is in neither the chain nor the CA file
# A relation above, then the certificates this one issued ("#1, #2").
pki-relation-and-issued = { $relation }; issued { $issued }
# A part of an input file (`ca.pem block 2 (line 23)`) that holds nothing, or is not a certificate.
pki-input-empty = { $at } holds no certificate
pki-input-parse-error = { $at } could not be read as a certificate: { $detail }
pki-ca-empty-hint = download the CA certificate again from the console; it is a text file that starts with -----BEGIN CERTIFICATE-----
pki-ca-parse-error-hint = the file was probably damaged (truncated download, edited by hand, pasted with missing lines); download it again. Note that the Rust driver skips such entries without a word
pki-ca-unsupported = { $at }: { $format } — not a PEM, DER or PKCS#7 certificate file
pki-ca-private-key = { $at } is a private key ({ $label }); its content was not read and is not shown
pki-ca-private-key-hint = a CA file must hold only certificates: remove the key from this file, and if this file was shared, treat the key as exposed and replace it
pki-ca-not-a-certificate = { $at } is a { $label } block, not a certificate; it is not used
pki-ca-not-a-certificate-hint = remove it from the CA file, or pass the file that holds the CA certificate
pki-chain-private-key = { $at } is a private key ({ $label }); it was ignored and is not shown
pki-chain-private-key-hint = expected in a MongoDB PEMKeyFile; never hand this file to clients
pki-chain-not-a-certificate = { $at } is a { $label } block, not a certificate; it was ignored
pki-chain-not-a-certificate-hint = the server's PEM file should hold its certificate, the intermediates and its key
pki-chain-empty-hint = pass the server's certificate file
pki-chain-parse-error-hint = the server cannot load a damaged PEM file either; re-create it from the issued certificate
pki-chain-unsupported = { $at }: { $format } — not a certificate
pki-ca-no-usable-certificate = no usable certificate was found in the CA input
pki-ca-no-usable-certificate-hint = pass the CA certificate file downloaded from the console (the .pem member of the ZIP)
pki-ca-entry-parse-error-hint = download the CA file again
# Where a note about the whole bundle applies.
pki-note-source-bundle = bundle
pki-note-relations-incomplete = many certificates share names: who issued whom was worked out with at most { $max } signature checks, and relations past that are not listed
pki-ca-duplicate = certificate #{ $index } { $name } is the same certificate as #{ $first }
pki-ca-duplicate-hint = harmless for clients, but a sign the file was assembled by hand: keep one copy
pki-ca-version-1-root = certificate #{ $index } { $name } is a version 1 certificate without basicConstraints: OpenSSL accepts it as a root, other clients may not
pki-ca-not-a-ca = certificate #{ $index } { $name } is not a CA certificate (basicConstraints { $constraints }): it looks like a server certificate, which can only be trusted as a pinned certificate of exactly that server
# basicConstraints missing altogether, in the message above.
pki-basic-constraints-absent = absent
pki-ca-not-a-ca-hint = pass the CA certificate (the file downloaded from the console), not the server's certificate
pki-ca-expired = certificate #{ $index } { $name } expired on { $not_after } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} ago)
pki-ca-expired-hint = download the current CA certificate from the console; OpenSSL- and Node-based clients refuse chains that end at an expired CA
pki-ca-not-yet-valid = certificate #{ $index } { $name } is not valid before { $not_before }
pki-ca-not-yet-valid-hint = check this machine's clock; a CA that is not valid yet is refused by OpenSSL- and Node-based clients
pki-ca-expiring-soon = certificate #{ $index } { $name } expires on { $not_after } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} left, warning window { $warn_days ->
    [one] { $warn_days } day
   *[other] { $warn_days } days
})
pki-ca-expiring-soon-hint = renew the certificate on the console before then ("Update certificate") and distribute the new CA file to every client
pki-ca-weak-rsa-key = certificate #{ $index } { $name } has a { $bits }-bit RSA key
pki-ca-weak-rsa-key-hint = the CA must be re-issued with an RSA key of at least 2048 bits (or ECDSA P-256)
pki-ca-unhandled-critical = certificate #{ $index } { $name } marks extension(s) { $extensions } critical, which OpenSSL does not handle
pki-ca-unhandled-critical-hint = OpenSSL-based clients refuse every chain through this CA; it must be re-issued
pki-ca-root-weak-signature = root certificate #{ $index } { $name } signs itself with { $algorithm }; clients do not check a root's own signature, so this alone is harmless
pki-ca-root-weak-signature-hint = no action needed for the root itself
pki-ca-weak-signature = certificate #{ $index } { $name } is signed with { $algorithm }
pki-ca-weak-signature-hint = the intermediate CA must be re-issued with a SHA-256 (or stronger) signature

## client_cert.rs: the client certificate, judged before any connection

pki-client-cert-expired = the client certificate { $file } ({ $subject }) expired on { $not_after } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} ago): servers that verify client certificates refuse it
pki-client-cert-expired-hint = issue a new client certificate from the same CA (same subject, so the MONGODB-X509 user stays the same) and point --client-cert or tlsCertificateKeyFile at it
pki-client-cert-not-yet-valid = the client certificate { $file } ({ $subject }) is not valid before { $not_before }: servers refuse it until then
pki-client-cert-not-yet-valid-hint = check this machine's and the server's clocks; otherwise re-issue the certificate with a start date in the past
pki-client-cert-expiring-soon = the client certificate { $file } ({ $subject }) expires on { $not_after } (in { $days ->
    [one] { $days } day
   *[other] { $days } days
})
pki-client-cert-expiring-soon-hint = issue its successor now (same subject, so the MONGODB-X509 user stays the same) and roll it out before the date
pki-client-cert-bad-eku = the client certificate { $file } ({ $subject }) has an Extended Key Usage without clientAuth: servers refuse it for TLS client authentication
pki-client-cert-bad-eku-hint = re-issue it with extendedKeyUsage = clientAuth (e.g. `-addext extendedKeyUsage=clientAuth` with openssl), or without the extension
pki-client-cert-key-mismatch = the private key in { $file } does not belong to its certificate ({ $subject }): the TLS handshake fails when the server checks the client's signature
pki-client-cert-key-mismatch-hint = put the certificate and the key it was issued for in the file (compare `openssl x509 -noout -pubkey -in FILE` with `openssl pkey -pubout -in FILE`)
pki-unusable-key = the private key cannot be used: { $reason }
pki-unusable-key-type = it is not an RSA (2048 bits or more), ECDSA (P-256, P-384) or Ed25519 key the TLS library accepts
pki-unusable-key-no-public-key = its public key cannot be derived
pki-key-file-no-certificate = no certificate in it: the file must hold the client certificate and its private key (PEM)
pki-key-file-bad-certificate = a certificate block cannot be decoded
pki-key-file-no-key = no usable private key in it: the file must hold the client certificate and its private key (PEM: PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY or ENCRYPTED PRIVATE KEY)
pki-key-file-legacy-encrypted = the private key is encrypted in the legacy OpenSSL format (Proc-Type: 4,ENCRYPTED), which mongotls and the Rust driver cannot read: convert it to an encrypted PKCS#8 key with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in FILE -out client-key.pem`, then put the certificate and that key in one file
pki-key-file-no-password = the private key is encrypted and no password was given: add tlsCertificateKeyFilePassword=... to the connection string, or pass --client-key-password-env VAR with the password in the environment variable VAR
pki-key-file-wrong-password = the password given does not decrypt its private key: check the password (tlsCertificateKeyFilePassword or --client-key-password-env)
pki-key-file-unsupported-encryption = the private key is encrypted with an algorithm mongotls cannot decrypt ({ $algorithm }): re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in FILE -out client-key.pem`
# An encryption algorithm named by its OID, inside the message above.
pki-key-file-algorithm-oid = algorithm { $oid }
pki-key-file-bad-encrypted-key = the ENCRYPTED PRIVATE KEY block is not a valid PKCS#8 structure ({ $detail })

## inspect.rs: what is in one certificate

pki-cert-trailing-data = { $count ->
    [one] { $count } byte of trailing data after the certificate
   *[other] { $count } bytes of trailing data after the certificate
}
pki-cert-invalid = not a valid X.509 certificate: { $detail }
# In a list of extended key usages or subjectAltNames.
pki-extension-unreadable = (unreadable extension)
pki-san-ip-invalid = { $count ->
    [one] IP:(invalid, { $count } byte)
   *[other] IP:(invalid, { $count } bytes)
}
pki-san-unsupported-type = (unsupported name type)

## load.rs: input files that cannot be read (exit 2)

# Every load error: the path as given, then the problem below.
pki-load-error = { $path }: { $problem }
pki-load-not-found = no such file; check the spelling (a relative path is taken from the current directory)
pki-load-not-found-dash = no such file; mongotls does not read standard input for '-': pass a file, or /dev/stdin
pki-load-dangling-symlink = is a symbolic link to { $target }, which does not exist; point the link at the certificate file, or pass the file itself
# Where a dangling link points when the link itself cannot be read.
pki-load-link-target-unknown = a missing file
pki-load-symlink-loop = is a loop of symbolic links (or too many links in a row), so it leads to no file; pass the certificate file itself (`ls -l` shows where each link points)
pki-load-directory-without-candidates = is a directory; pass a certificate file, not a directory (this one holds no .pem, .crt, .cer, .der, .p7b or .zip file)
pki-load-directory = is a directory; pass a certificate file inside it (found: { $found })
pki-load-directory-and-more = is a directory; pass a certificate file inside it (found: { $found } and { $more } more)
pki-load-permission-denied = permission denied; make the file readable by the user running mongotls, or copy it somewhere readable
pki-load-unreadable = could not be read ({ $error }); check that the file is intact and readable
pki-load-too-large = is too large ({ $size } bytes; mongotls reads at most { $max_mib } MiB, { $max } bytes, from one file); a CA certificate or bundle is a few kilobytes, so this is probably not the right file
pki-load-not-a-file = is a { $kind }, not a regular file; pass a certificate file
pki-file-kind-character-device = character device
pki-file-kind-block-device = block device
pki-file-kind-socket = socket
pki-file-kind-special = special file
pki-load-empty-pipe = is a pipe and gave no data (no program was writing to it, or the program wrote nothing); pass the certificate file itself, or check the command that feeds the pipe
pki-load-too-many-entries = holds more than { $max } certificates and other blocks, the most mongotls reads from one file; a CA bundle holds a few (a system's whole trust store about 150), so this is probably not the right file

## bundle/: reading the files users hand over (PEM, DER, PKCS#7, ZIP) and naming what is not a certificate

# Where an entry is: `ca.pem block 2 (line 23)`, `ca.p7b certificate 2`; the parts after the
# file name, joined by the separator.
pki-origin-block = block { $block }
pki-origin-line = (line { $line })
pki-origin-certificate = certificate { $index }
pki-origin-separator = { " " }
pki-pem-begin-literal-newlines = it holds literal `\n` sequences, as if copied from JSON or an environment variable; replace each `\n` with a real line break
pki-pem-begin-run-on = it has more text after the header on the same line, as if the line breaks were lost; put the header, each base64 line and the END line on lines of their own
pki-pem-begin-shape = a PEM header is a line of its own that reads exactly `-----BEGIN LABEL-----`, with five dashes on each side
# $why is one of the three messages above.
pki-pem-bad-begin = line { $line } looks like a PEM BEGIN line but is not one: { $why }
pki-pem-stray-end = line { $line } is a PEM END line without a BEGIN line before it; a BEGIN line may have been deleted
pki-pem-bad-end = line { $line } looks like a PEM END line but is not one: an END line reads exactly `-----END LABEL-----`, with five dashes on each side
pki-pem-indented = the BEGIN or END line is indented; OpenSSL (used by mongod and most drivers) does not see indented PEM blocks, so remove the leading spaces
pki-pem-end-missing = missing -----END { $label }----- line: the block that starts at line { $line } never ends
pki-pem-end-mismatched = the block is closed by -----END { $end }----- instead of -----END { $label }-----
pki-pem-end-malformed = line { $line } should read -----END { $label }----- but is not a well-formed END line
pki-pem-body-empty = there is no base64 text between the BEGIN and END lines
pki-pem-not-base64 = line { $line }: { $character } is not a base64 character
pki-pem-base64-undecodable = the base64 text does not decode ({ $error }); a line may be missing or cut short
# A byte that is not a printable character, in the message above.
pki-pem-byte = byte { $hex }
pki-pem-pkcs7-in-certificate = block labelled { $label } holds a PKCS#7 bundle; read its certificates
pki-pem-trusted-certificate = TRUSTED CERTIFICATE block: read the certificate; the OpenSSL trust settings attached to it were ignored
pki-pem-not-pkcs7 = the { $label } block does not hold a PKCS#7 structure ({ $detail })
pki-der-pkcs7-broken = { $detail }; if it uses BER indefinite lengths, convert it with `openssl pkcs7 -inform DER -in { $file } -print_certs -out ca.pem`
pki-pkcs12-detail = mongotls does not read PKCS#12 (it usually holds a private key too); extract the CA certificates with `openssl pkcs12 -in { $file } -nokeys -cacerts -out ca.pem` (or the client/server certificate with -clcerts instead of -cacerts; OpenSSL 3 may need -legacy for old files)
pki-x509-followed-by-data = the certificate is followed by { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
} of other data
pki-x509-incomplete = the DER data is cut short (truncated file or copy?)
pki-x509-truncated = the data is cut short: its DER header announces { $announced } bytes but there are only { $actual } (truncated download or copy?)
pki-pkcs7-undecodable = PKCS#7 bundle could not be decoded: { $error }
pki-pkcs7-signed-data-not-sequence = PKCS#7 SignedData is not a SEQUENCE
pki-pkcs7-signed-data-undecodable = PKCS#7 SignedData could not be decoded: { $error }
# PKCS#7 entries that are not plain certificates (shown as "… is a LABEL block").
pki-pkcs7-extended-certificate = extended certificate (PKCS#6, obsolete)
pki-pkcs7-attribute-certificate = attribute certificate
pki-pkcs7-other-certificate-format = other certificate format
pki-pkcs7-unknown-entry = unknown PKCS#7 certificate entry (tag { $tag })
pki-pkcs7-not-signed-data-detail = only a PKCS#7 SignedData certificate bundle (.p7b) holds certificates to read; pass the CA certificate file instead
# Formats mongotls recognises and does not read, each with what to do instead.
pki-format-jks = Java keystore (JKS)
pki-format-jceks = Java keystore (JCEKS)
pki-keystore-instead-in-zip = use the .pem file from the same download instead
pki-keystore-instead = pass the CA certificate as a PEM file instead (a console that offers a .jks usually offers a .pem beside it)
pki-keystore-detail = { $instead }; or export the certificate from the keystore: `keytool -list -keystore { $file }{ $store_type }` shows the aliases, then `keytool -exportcert -rfc -alias ALIAS -keystore { $file }{ $store_type } -file ca.pem`
pki-format-utf16 = UTF-16 text
pki-utf16-detail = save the file as ASCII or UTF-8 (mongod and the drivers read neither UTF-16 nor a file written by PowerShell's `>`); in PowerShell: `Get-Content FILE | Set-Content -Encoding ascii ca.pem`
pki-format-gzip = gzip-compressed data
pki-gzip-detail = decompress it first (`gunzip`), then pass the certificate file inside
pki-format-tar = tar archive
pki-tar-detail = extract it first (`tar xf FILE`), then pass the certificate file inside
pki-format-binary = binary data (not DER, PEM, PKCS#7, ZIP)
pki-binary-detail = this is not a certificate in any format mongotls reads (PEM, DER, PKCS#7, or a ZIP of those); check that it is the CA certificate file and that the download completed
pki-format-text-without-pem = text without any PEM block
pki-text-without-pem-detail = a PEM certificate is base64 text between a line `-----BEGIN CERTIFICATE-----` and a line `-----END CERTIFICATE-----`, and this file has no such lines; pass the CA certificate file itself (often named ca.pem, ca.crt or *-CA-Chain.pem)
pki-format-bare-base64-certificate = certificate in base64 without PEM lines
pki-bare-base64-certificate-detail = this is a certificate's base64 text without its PEM lines; put a line `-----BEGIN CERTIFICATE-----` before it and a line `-----END CERTIFICATE-----` after it
pki-label-bare-base64 = { $label }, base64 without PEM lines
pki-format-bare-base64 = base64 text without PEM lines
pki-bare-base64-detail = the file is base64 but not of a certificate; pass the CA certificate in PEM form (`-----BEGIN CERTIFICATE-----` … `-----END CERTIFICATE-----`)
pki-label-base64-pem = { $label }, base64-encoded PEM
pki-format-base64-pem = base64-encoded PEM
pki-base64-pem-detail = the file is a PEM file encoded in base64 once more (as in a Kubernetes Secret's `data` field); decode it first: `base64 -d FILE > ca.pem`
pki-format-nested-zip = ZIP inside a ZIP
pki-nested-zip-detail = extract the inner ZIP and pass it, or the certificate file inside it
pki-zip-damaged = the ZIP archive is damaged ({ $error }); download it again
pki-format-zip-with-members = ZIP archive with { $count } members
pki-zip-too-many-members = a certificate download holds a few files, and mongotls reads at most { $max }; extract the certificate file and pass it
# A ZIP member whose name cannot be read.
pki-zip-member-unnamed = member #{ $number }
pki-zip-macos-metadata = ignored: macOS Finder metadata, not a certificate file
pki-zip-member-undecompressable = the ZIP member could not be decompressed ({ $error }); download again
pki-format-zip-member-too-large = ZIP member larger than 16 MiB
pki-zip-member-too-large-detail = a certificate file is a few kilobytes; this member is something else
pki-format-zip-too-large = ZIP that expands to more than 64 MiB
pki-zip-too-large-detail = stopped reading at this member; extract the certificate file and pass it
pki-format-zip-member-unsupported = ZIP member that mongotls cannot extract ({ $what })
pki-zip-member-unsupported-detail = extract the ZIP with an unzip tool (with its password, if it has one) and pass the certificate file
pki-zip-member-unreadable = the ZIP member could not be read ({ $error }); download again
# Notes on which ZIP members were read.
pki-zip-member-used = used ZIP member { $member }
pki-zip-member-unused = not used: { $what }; the certificates are read from { $used }
pki-zip-member-unused-same = not used: { $what }; the same { $count ->
    [one] { $count } certificate is
   *[other] { $count } certificates are
} read from { $used }
pki-zip-member-unused-other = not used: { $what }, although { $count ->
    [one] { $count } certificate is
   *[other] { $count } certificates are
} not in { $used }; only { $used } is read, so extract this member and pass it too to check it
# What a ZIP member holds, in the notes above.
pki-zip-holds-pem = PEM certificates
pki-zip-holds-der = DER certificate
pki-zip-holds-pkcs7-pem = PKCS#7 bundle (PEM)
pki-zip-holds-pkcs7-der = PKCS#7 bundle (DER)
pki-zip-holds-certificates = certificates
pki-zip-holds-unreadable = unreadable ({ $detail })
pki-zip-holds-private-key = private key ({ $label })
pki-zip-holds-nothing = empty

## openssl
# verify/engines.rs: a real engine (OpenSSL, Node.js, rustls-webpki) refuses the chain and no
# finer finding carries it; the engine's own error text and code, quoted.
pki-engine-rejects-at = { $engine }: { $error } ({ $code }, depth { $depth })
pki-engine-rejects = { $engine }: { $error } ({ $code })
pki-engine-rejects-hint = this is { $engine }'s own verdict on the chain; fix what its error names, then verify again
## lint
# Conformance lint (src/pki/verify/lint): deviations from RFC 5280 and the CA/Browser Forum
# Baseline Requirements (BR) that every client tolerates. `warn`; `fail` with --strict.
pki-lint-cert-leaf = the server's certificate { $name }
pki-lint-cert-intermediate = the intermediate CA { $name }
pki-lint-cert-anchor = the CA certificate { $name } from the CA file
pki-lint-cert-untrusted = the certificate { $name } at the top of the chain
# The report's header in strict mode: under verify's first line, at the end of check's run line.
pki-lint-strict-mode = Strict mode (--strict): deviations from RFC 5280 and the CA/Browser Forum Baseline Requirements (lint.*) fail, and warnings exit 1
pki-lint-strict-run = , --strict (lint.* findings fail)
pki-lint-strict = strict mode: { $message } (every client accepts this; --strict fails on deviations from RFC 5280 and the CA/Browser Forum Baseline Requirements)
pki-lint-missing-aki = { $cert } has no authorityKeyIdentifier extension, which RFC 5280 §4.2.1.1 requires in every certificate that is not self-signed
pki-lint-missing-aki-hint = Clients accept it, but must find the issuer by name alone. Reissue the certificate with the issuer's key identifier (OpenSSL: authorityKeyIdentifier = keyid:always in the extensions section).
pki-lint-critical-aki = { $cert } marks its authorityKeyIdentifier extension critical, which RFC 5280 §4.2.1.1 forbids
pki-lint-critical-aki-hint = Clients accept it. Reissue the certificate with the authority key identifier not critical.
pki-lint-aki-without-key-id = { $cert } has an authorityKeyIdentifier without the keyIdentifier field, which RFC 5280 §4.2.1.1 and BR 7.1.2.1.3 require
pki-lint-aki-without-key-id-hint = Clients accept it. Reissue the certificate with authorityKeyIdentifier = keyid (not issuer and serial alone).
pki-lint-aki-issuer-serial = { $cert } names its issuer by authorityCertIssuer and authorityCertSerialNumber in the authorityKeyIdentifier, which BR 7.1.2.1.3 and 7.1.2.11.1 forbid
pki-lint-aki-issuer-serial-hint = Clients accept it. Reissue the certificate with authorityKeyIdentifier = keyid only (OpenSSL: drop "issuer" from authorityKeyIdentifier).
pki-lint-aki-ski-mismatch = { $cert } is self-signed, but its authorityKeyIdentifier is not its own subjectKeyIdentifier (BR 7.1.2.1.3)
pki-lint-aki-ski-mismatch-hint = Clients accept it. Reissue the root with both key identifiers derived from its own key.
pki-lint-missing-ski = { $cert } is a CA certificate without a subjectKeyIdentifier extension, which RFC 5280 §4.2.1.2 requires
pki-lint-missing-ski-hint = Clients accept it, but must find this CA by name alone. Reissue it with subjectKeyIdentifier = hash.
pki-lint-critical-ski = { $cert } marks its subjectKeyIdentifier extension critical, which RFC 5280 §4.2.1.2 forbids
pki-lint-critical-ski-hint = Clients accept it. Reissue the certificate with the subject key identifier not critical.
pki-lint-basic-constraints-not-critical = { $cert } is a CA certificate whose basicConstraints extension is not critical, which RFC 5280 §4.2.1.9 requires
pki-lint-basic-constraints-not-critical-hint = Clients accept it. Reissue the CA certificate with basicConstraints = critical, CA:TRUE.
pki-lint-ca-missing-basic-constraints = { $cert } is used as a CA but has no basicConstraints extension, which RFC 5280 §4.2.1.9 requires in every CA certificate
pki-lint-ca-missing-basic-constraints-hint = Clients accept it as a trust anchor. Replace it with a CA certificate that has basicConstraints = critical, CA:TRUE.
pki-lint-ca-missing-key-usage = { $cert } is a CA certificate without a keyUsage extension, which RFC 5280 §4.2.1.3 requires
pki-lint-ca-missing-key-usage-hint = Clients accept it (no keyUsage allows every usage). Reissue the CA certificate with keyUsage = critical, keyCertSign, cRLSign.
pki-lint-ca-without-key-cert-sign = { $cert } is a CA certificate (cA TRUE) whose keyUsage does not allow keyCertSign (RFC 5280 §4.2.1.3, BR 7.1.2.10.7)
pki-lint-ca-without-key-cert-sign-hint = Clients accept it as a trust anchor. Reissue the CA certificate with keyUsage = critical, keyCertSign, cRLSign.
pki-lint-key-cert-sign-without-ca = { $cert } allows keyCertSign in its keyUsage but is not a CA (cA is not TRUE), which RFC 5280 §4.2.1.3 and §4.2.1.9 forbid
pki-lint-key-cert-sign-without-ca-hint = Clients accept it. Reissue the certificate without keyCertSign (a server needs digitalSignature, and keyEncipherment for RSA).
pki-lint-ca-empty-subject = { $cert } is a CA certificate with an empty subject, which RFC 5280 §4.1.2.6 forbids
pki-lint-ca-empty-subject-hint = Clients accept it. Reissue the CA certificate with a distinguished name (at least a CN).
pki-lint-empty-subject-san-not-critical = { $cert } has an empty subject without a critical subjectAltName extension, which RFC 5280 §4.2.1.6 requires
pki-lint-empty-subject-san-not-critical-hint = Clients accept it. Reissue the certificate with a subject (a CN), or with the subjectAltName marked critical.
pki-lint-san-critical-with-subject = { $cert } marks its subjectAltName critical although its subject is not empty, which BR 7.1.2.7.12 forbids
pki-lint-san-critical-with-subject-hint = Clients accept it. Reissue the certificate with the subjectAltName not critical.
pki-lint-empty-san = { $cert } has a subjectAltName extension with no name in it, which RFC 5280 §4.2.1.6 forbids
pki-lint-empty-san-hint = Clients accept it, but it covers no host. Reissue the certificate with the server's host names and IP addresses in subjectAltName.
pki-lint-serial-zero = { $cert } has serial number 0; RFC 5280 §4.1.2.2 requires a positive serial number
pki-lint-serial-negative = { $cert } has a negative serial number ({ $serial }); RFC 5280 §4.1.2.2 requires a positive one
pki-lint-serial-too-long = { $cert } has a serial number of { $length } octets; RFC 5280 §4.1.2.2 allows at most 20
pki-lint-serial-hint = Clients accept it. Reissue the certificate with a positive random serial number of at most 20 octets (OpenSSL does this by default).
pki-lint-invalid-dns-name = { $cert } lists the DNS name "{ $name }", which is not a valid host name (an underscore, an empty label or another character outside letters, digits and hyphens; RFC 5280 §4.2.1.6, RFC 1034 §3.5)
pki-lint-invalid-dns-name-hint = Clients accept the certificate, but may never match this name. Reissue it with host names of letters, digits, hyphens and dots only (IDNs as xn-- labels).
pki-lint-wildcard-not-leftmost = { $cert } lists "{ $name }", whose wildcard is not the whole leftmost label (RFC 6125 §6.4.3, BR 7.1.2.7.12)
pki-lint-wildcard-not-leftmost-hint = Clients treat such a name inconsistently. Use "*.example.com" wildcards only, or list each host name.
pki-lint-wildcard-public-suffix = { $cert } lists "{ $name }", a wildcard directly over a public suffix that covers domains of many owners (BR 3.2.2.6)
pki-lint-wildcard-public-suffix-hint = Clients accept it. Reissue the certificate for the deployment's own domain (e.g. *.mongo.example.com) or its host names.
pki-lint-not-v3 = { $cert } is an X.509 version { $version } certificate; RFC 5280 §4.1.2.1 and BR 7.1.1 require version 3
pki-lint-not-v3-hint = Clients accept it here. Reissue it as a version 3 certificate with the usual extensions (basicConstraints, keyUsage, key identifiers).
pki-lint-unique-identifiers = { $cert } has issuerUniqueID or subjectUniqueID, which RFC 5280 §4.1.2.8 forbids conforming CAs to generate
pki-lint-unique-identifiers-hint = Clients accept it. Reissue the certificate without unique identifiers.
pki-lint-duplicate-extension = { $cert } has the extension { $oid } more than once, which RFC 5280 §4.2 forbids
pki-lint-duplicate-extension-hint = Clients accept it here, but which copy they read is undefined. Reissue the certificate with each extension once.
pki-lint-validity-encoding = { $cert } encodes its { $field } in the wrong ASN.1 type: RFC 5280 §4.1.2.5 requires UTCTime through 2049 and GeneralizedTime from 2050 on
pki-lint-validity-encoding-hint = Clients accept it. Reissue the certificate with a CA tool that encodes the validity dates as RFC 5280 requires (OpenSSL does).
pki-lint-eku-empty = { $cert } has an extendedKeyUsage extension with no purpose in it, which RFC 5280 §4.2.1.12 forbids
pki-lint-eku-empty-hint = Reissue the certificate with extendedKeyUsage = serverAuth (and clientAuth if members also authenticate with it).
pki-lint-eku-any = { $cert } allows anyExtendedKeyUsage, which BR 7.1.2.7.10 forbids in a server certificate
pki-lint-eku-any-hint = Clients accept it. Reissue the certificate with extendedKeyUsage = serverAuth (and clientAuth if members also authenticate with it).
pki-lint-eku-critical = { $cert } marks its extendedKeyUsage critical, which BR 7.1.2.7.6 forbids in a server certificate
pki-lint-eku-critical-hint = Clients accept it. Reissue the certificate with the extended key usage not critical.
pki-lint-root-has-eku = { $cert } is a root certificate with an extendedKeyUsage extension, which BR 7.1.2.1.2 forbids
pki-lint-root-has-eku-hint = Clients accept it here, but a root's extended key usage restricts every certificate under it in some clients. Reissue the root without extendedKeyUsage.
pki-lint-name-constraints-not-critical = { $cert } has a nameConstraints extension that is not critical, which RFC 5280 §4.2.1.10 requires
pki-lint-name-constraints-not-critical-hint = Clients accept it and enforce the constraints anyway. Reissue the CA certificate with nameConstraints marked critical.
pki-lint-name-constraints-in-leaf = { $cert } is not a CA certificate but has a nameConstraints extension, which RFC 5280 §4.2.1.10 allows only in CA certificates
pki-lint-name-constraints-in-leaf-hint = Clients accept it. Reissue the certificate without nameConstraints.
pki-lint-name-constraints-empty = { $cert } has a nameConstraints extension with no readable permitted or excluded subtree (RFC 5280 §4.2.1.10, BR 7.1.2.5.2)
pki-lint-name-constraints-bad-dns = { $cert } constrains names by "{ $name }", which is not a valid host name (RFC 5280 §4.2.1.10: a DNS constraint is a host name, without a leading dot)
pki-lint-name-constraints-malformed-hint = Clients accept it, but read the constraints differently. Reissue the CA certificate with well-formed subtrees (e.g. permitted;DNS:example.com).
pki-lint-policy-constraints-not-critical = { $cert } has a policyConstraints extension that is not critical, which RFC 5280 §4.2.1.11 requires
pki-lint-policy-constraints-not-critical-hint = Clients accept it. Reissue the CA certificate with policyConstraints marked critical.
pki-lint-cn-differs-from-san = { $cert } has the common name "{ $cn }", which names one of its subjectAltNames but is not written the same way (BR 7.1.4.3 requires a character-for-character copy)
pki-lint-cn-differs-from-san-hint = Clients that read only subjectAltName accept it; clients that fall back to the CN may read another name. Reissue the certificate with the CN exactly as in subjectAltName (IP addresses in their usual short form, domain names in lower case as xn-- labels), or without a CN.
pki-lint-aia-empty = { $cert } has an authorityInfoAccess extension without a readable access description (RFC 5280 §4.2.2.1)
pki-lint-aia-empty-hint = Clients accept it. Reissue the certificate with a well-formed authorityInfoAccess (caIssuers URL), or without it.
pki-lint-dsa-key = { $cert } has a DSA key; BR 6.1.5 allows RSA and ECDSA keys only
pki-lint-dsa-key-hint = Clients that still verify DSA accept it. Reissue the certificate with an RSA (2048 bits or more) or ECDSA P-256 key.
pki-lint-rsa-modulus-size = { $cert } has an RSA key of { $bits } bits; BR 6.1.5 requires a modulus size divisible by 8
pki-lint-rsa-modulus-size-hint = Clients accept it. Reissue the certificate with a 2048-, 3072- or 4096-bit RSA key.
## rfc5280
# RFC 5280 §6 path validation (src/pki/verify/rules.rs, names.rs).
pki-rfc5280-no-bits = no bits set
pki-rfc5280-not-ca-version = it is a version { $version } certificate, which cannot carry basicConstraints
pki-rfc5280-not-ca-false = its basicConstraints says cA=FALSE
pki-rfc5280-not-ca-missing = it has no basicConstraints extension
pki-rfc5280-issuer-not-ca = { $name } issues { $child } but is not a CA certificate: { $why }; every client refuses a chain through it
pki-rfc5280-issuer-not-ca-hint = re-issue the intermediate with a critical basicConstraints extension cA=TRUE (and keyCertSign in keyUsage), and send that one
pki-rfc5280-anchor-not-ca = the CA certificate this chain is trusted through { $name } is not a CA certificate for OpenSSL: { $why }; OpenSSL-based clients refuse the chain
pki-rfc5280-anchor-not-ca-hint = put a CA certificate with basicConstraints cA=TRUE into the CA file (re-issue the root if needed)
pki-rfc5280-issuer-key-usage = { $name } issues { $child } but its keyUsage ({ $usages }) does not include keyCertSign
pki-rfc5280-issuer-key-usage-hint = re-issue the CA certificate with keyCertSign (and cRLSign) in its keyUsage
pki-rfc5280-path-len = pathLenConstraint { $limit } on { $name } allows at most { $limit } CA certificate(s) below it, but the path has { $count }
pki-rfc5280-path-len-self-issued = pathLenConstraint { $limit } on { $name } is exceeded only when self-issued intermediates are counted: the path has { $count ->
    [one] { $count } CA certificate
   *[other] { $count } CA certificates
} below it, { $rfc_count } without the self-issued ones (RFC 5280 does not count them; rustls-webpki and Go do)
pki-rfc5280-path-len-hint = send a shorter chain, or re-issue the constraining CA certificate with a larger pathLenConstraint
pki-rfc5280-leaf-key-usage = the server's certificate { $name } has keyUsage { $usages }, which allows none of digitalSignature, keyEncipherment, keyAgreement: it cannot be used by a TLS server
pki-rfc5280-leaf-key-usage-signature = the server's certificate { $name } has keyUsage { $usages } without digitalSignature, which Java requires for TLS 1.3 and ECDHE key exchanges
pki-rfc5280-leaf-key-usage-hint = re-issue the server certificate with keyUsage digitalSignature (plus keyEncipherment for RSA keys)
pki-rfc5280-leaf-version = the server's certificate { $name } is a version { $version } certificate; rustls-webpki accepts only version 3
pki-rfc5280-leaf-version-hint = re-issue the server certificate as a version 3 certificate with subjectAltName and basicConstraints
pki-rfc5280-explicit-curve = { $name } has an EC key with explicit curve parameters instead of a named curve
pki-rfc5280-explicit-curve-hint = re-issue it with a key on a named curve (P-256 or P-384)
pki-rfc5280-validity-boundary = { $name } has notAfter { $not_after }, exactly the evaluation time: OpenSSL treats a certificate as expired from its notAfter second, other clients one second later
pki-rfc5280-validity-boundary-hint = renew the certificate now
pki-rfc5280-critical-extension = { $name } marks extension(s) { $extensions } critical, which these clients do not handle and so refuse: { $families }
pki-rfc5280-empty-eku = the server's certificate { $name } has an extendedKeyUsage extension that lists no purpose
pki-rfc5280-anchor-bad-eku = the CA certificate this chain is trusted through { $name } restricts its use to [{ $usages }], without TLS server authentication (serverAuth)
pki-nc-kind-dns = DNS name
pki-nc-kind-ip = IP address
pki-nc-kind-email = email address
pki-nc-kind-uri = URI
pki-nc-kind-dir = subject
pki-nc-kind-other = name
pki-nc-excluded = { $name } has the { $kind } { $value }, which the name constraints of { $ca } exclude ({ $constraint })
pki-nc-not-permitted = { $name } has the { $kind } { $value }, outside the name constraints of { $ca } (permitted: { $constraint })
pki-nc-cn-excluded = { $name } has no DNS subjectAltName and its common name { $value }, checked as a DNS name by OpenSSL and Java, is excluded by the name constraints of { $ca } ({ $constraint })
pki-nc-cn-not-permitted = { $name } has no DNS subjectAltName and its common name { $value }, checked as a DNS name by OpenSSL and Java, is outside the name constraints of { $ca } (permitted: { $constraint })
pki-nc-hint = re-issue the certificate with names inside the CA's name constraints, or have it issued by a CA whose constraints cover them
pki-nc-webpki-unsupported = { $ca } constrains directory names, URIs or email addresses, which rustls-webpki cannot check: it refuses every certificate below such a constraint that has a name of that form
pki-nc-webpki-unsupported-hint = for the Rust driver, use a CA that constrains only DNS names and IP addresses (or none)
pki-nc-malformed-constraint = { $ca } has a malformed { $kind } name constraint { $value }
pki-nc-malformed-constraint-hint = re-issue the CA certificate with well-formed name constraints (no wildcards, contiguous IP masks)
pki-nc-malformed-name = { $name } has the { $kind } { $value }, which is malformed and cannot be checked against the name constraints of { $ca }
pki-nc-malformed-name-hint = re-issue the certificate with well-formed subjectAltNames (host names, 4- or 16-byte IP addresses)
pki-nc-other-form = { $name } has the name { $value }, of a form clients cannot compare with the name constraints of { $ca } ({ $constraint })
pki-nc-wildcard-excluded = { $name } has the wildcard DNS name { $value }, which could stand for a name the name constraints of { $ca } exclude ({ $constraint }); rustls-webpki refuses it
pki-nc-empty = { $ca } has a nameConstraints extension with neither permitted nor excluded subtrees, which Go refuses to parse
pki-nc-own-san = { $ca } has the { $kind } { $value } in its own subjectAltName, outside its own name constraints ({ $constraint }); Go checks a CA's own names against its constraints
pki-rfc5280-dsa-issuer = { $name } signs { $child } with a DSA key, which rustls-webpki and Go cannot verify
pki-rfc5280-dsa-issuer-hint = re-issue the CA with an RSA (2048 bits or more) or ECDSA P-256 key
pki-rfc5280-anchor-aki = the CA certificate this chain is trusted through { $name } signs itself, but the { $field } of its authorityKeyIdentifier names another certificate: OpenSSL then does not take it as a root and looks for its issuer in vain
pki-rfc5280-anchor-aki-hint = re-issue the root with an authorityKeyIdentifier that names itself (or none), or add the certificate it names to the CA file

## parsers
pki-parsers-java-empty-subject = Java cannot read { $name }: its subject is empty and no critical subjectAltName stands in for it (the JDK refuses to parse such a certificate)
pki-parsers-java-empty-subject-hint = re-issue it with a subject, or with a critical subjectAltName
pki-parsers-go-malformed-aia = Go cannot read { $name }: its authorityInfoAccess extension is not a list of access descriptions ("x509: invalid authority info access")
pki-parsers-go-malformed-aia-hint = re-issue it without the malformed authorityInfoAccess extension
pki-parsers-dsa-server-key = the server's certificate { $name } has a DSA key, which the TLS layers of Go and rustls do not take
pki-parsers-dsa-server-key-hint = re-issue the server certificate with an RSA (2048 bits or more) or ECDSA P-256 key
pki-parsers-java-host-not-ldh = Java refuses the host name { $host } itself: it holds characters other than letters, digits, hyphens and dots ("Illegal given domain name")
pki-parsers-java-host-not-ldh-hint = connect by a name of letters, digits and hyphens (no underscore), with a certificate that covers it
