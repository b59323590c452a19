# English messages: report. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.
# The text renderers (src/report/text/) and main's output errors. Placeholders that start a
# value may carry an invisible hanging-indent mark: keep them where the value starts.

## Words every text report uses

report-severity-fail = FAIL
report-severity-warn = WARN
report-severity-info = INFO
report-verdict-pass = PASS
report-verdict-warn = WARN
report-verdict-fail = FAIL
report-verdict = verdict: { $verdict } ({ $fail ->
    [one] { $fail } failure
   *[other] { $fail } failures
}, { $warn ->
    [one] { $warn } warning
   *[other] { $warn } warnings
})
report-section = { $title }:
report-section-none = { $title }: none
report-section-findings = Findings
report-section-notes = Notes
report-join-clauses = { $left }; { $right }
report-join-items = { $left }, { $right }
report-join-places = { $left } and { $right }
report-key-bits = { $bits } bits
report-write-failed = mongotls: cannot write the report: { $error }

## Findings

report-finding = { $severity } { $code }{ $certificate }: { $message }
report-finding-repeated = { $severity } { $code }{ $certificate }: { $message } (hint as above)
report-finding-hint = hint: { $hint }
report-finding-clients = clients: { $clients }
report-clients-refused = refused by { $names }
report-clients-accepted = accepted by { $names }
report-clients-unknown = unknown for { $names }

## The summary that ends every report, above the verdict

report-summary-title = Summary
report-summary = { $title }: { $what } · { $counts }
report-summary-counts = { $fail ->
    [one] { $fail } failure
   *[other] { $fail } failures
}, { $warn ->
    [one] { $warn } warning
   *[other] { $warn } warnings
}, { $info } informational
report-summary-members = { $count ->
    [one] { $count } member
   *[other] { $count } members
}, { $failing } failing
report-summary-certificates = { $count ->
    [one] { $count } certificate
   *[other] { $count } certificates
}
report-summary-on-members = { $total ->
    [one] on { $hit }/{ $total } member
   *[other] on { $hit }/{ $total } members
}
report-summary-on-some-members = { $total ->
    [one] on { $hit }/{ $total } member ({ $members })
   *[other] on { $hit }/{ $total } members ({ $members })
}
report-summary-on-set = on the set
report-summary-in-driver = in the driver
report-summary-code = { $severity } { $code }
report-summary-code-on = { $severity } { $code } { $places }
report-summary-code-certificates = { $severity } { $code } on { $certificates }

## check: the header

report-label-target = Target
report-label-set = Set
report-label-ca = CA
report-label-run = Run
report-label-srv = SRV
report-label-seeds = Seeds
report-label-driver = Driver
report-set-none = (no replica set reported)
report-set-uri = (URI replicaSet={ $name })
report-ca-system = the system trust store ({ $count ->
    [one] { $count } root
   *[other] { $count } roots
}; no --ca or tlsCAFile given)
report-ca-files = { $files } ({ $count ->
    [one] { $count } certificate
   *[other] { $count } certificates
}: { $list })
report-ca-until = { $subject } until { $date }
report-run = { $count ->
    [one] { $count } member
   *[other] { $count } members
} in { $ms } ms; --timeout { $timeout }, --deadline { $deadline }, --max-connections { $max }
report-run-no-discover = , --no-discover (seeds only)
report-run-no-plaintext = , --no-plaintext-probe
report-insecure-label = INSECURE
report-insecure = { $options } — verification is weakened for your clients; mongotls still reports every certificate problem
report-srv = { $name } via { $server } in { $ms } ms: { $count ->
    [one] { $count } record
   *[other] { $count } records
}
report-srv-system-resolver = the system resolver
report-srv-record = { $target }:{ $port }  priority { $priority } weight { $weight }
report-srv-no-seeds = no seeds: { $error }

## check: the client certificate

report-client-title = Client certificate
report-client-subject = subject
report-client-user = X.509 user
report-client-issuer = issuer
report-client-valid = valid
report-client-key = key
report-client-auth = clientAuth
report-client-user-value = { $user } (on $external, for MONGODB-X509)
report-client-valid-value = { $from } to { $to } ({ $left })
report-client-key-value = { $key }, { $matches }
report-client-key-encrypted = , encrypted (PKCS#8)
report-client-key-matches = matches the certificate
report-client-key-mismatch = DOES NOT match the certificate
report-client-eku-allowed = allowed by its Extended Key Usage
report-client-eku-refused = NOT allowed by its Extended Key Usage

## check: each member

report-member-address = address
report-member-tls = tls
report-member-certificate = certificate
report-member-expires = expires
report-member-expired = expired
report-member-hello = hello
report-member-plaintext = plaintext
report-member-timings = timings ms
report-member-also-resolved = also resolved: { $addresses }
report-member-server-name = server name { $name }
report-member-tls-at = { $tls } at { $address }
report-member-primary = primary
report-member-arbiter = arbiter
report-member-secondary = secondary
report-member-hidden = hidden
report-member-other = other
report-member-no-hello = no hello
report-member-seed = seed
report-member-in-config = in config
report-member-tags = ({ $tags })
report-member-certificate-value = { $subject } — { $trust }
report-member-chains = chains to the CA file
report-member-does-not-chain = does NOT chain to the CA file
report-member-expires-in = { $days ->
    [0] in less than a day
    [one] in { $days } day
   *[other] in { $days } days
}, on { $date }
report-member-expired-ago = { $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
}, on { $date }
report-member-wire = wire { $min }..{ $max }
report-member-infos = ({ $count ->
    [one] { $count } informational finding
   *[other] { $count } informational findings
} in --format json)
report-set-title = Replica set and inputs (set-level findings)

## check: the driver

report-driver-pass = PASS
report-driver-fail = FAIL
report-driver-skipped = SKIPPED
report-driver-duration = , { $ms } ms
report-driver-skipped-because = skipped: { $reason }
report-driver-trusts = trusts { $trust }
report-driver-authenticated = server selection and ping OK; authenticated as { $user } on { $db } with { $mechanism }; roles: { $roles }
report-driver-anonymous = server selection and ping OK (no credentials)

## ca and verify

report-ca-title = CA bundle
report-ca-header = { $files } — { $count ->
    [one] { $count } certificate
   *[other] { $count } certificates
} (evaluated at { $at })
report-verify-title = Chain
report-verify-header = { $file } ({ $count ->
    [one] { $count } certificate
   *[other] { $count } certificates
}) against CA { $ca } ({ $ca_count ->
    [one] { $ca_count } certificate
   *[other] { $ca_count } certificates
}), host { $host }, at { $at }
report-verify-no-host = (not checked)
report-path-title = Path
report-path = { $title } ({ $state }):
report-path-trusted = ends at the CA file
report-path-untrusted = does NOT reach the CA file
report-path-step = { $subject }  ({ $source }; { $validity })
report-path-expires = expires { $days ->
    [0] in less than a day
    [one] in { $days } day
   *[other] in { $days } days
}, on { $date }
report-path-expired = expired { $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
}, on { $date }
report-path-source-chain = chain #{ $index }
report-path-source-ca = CA file #{ $index }
report-role-leaf = leaf
report-role-intermediate = intermediate
report-role-anchor = anchor
report-role-untrusted = untrusted
report-webpki-chain-accepted = chain accepted
report-webpki-chain-rejected = chain rejected
report-webpki-name-accepted = , name accepted
report-webpki-name-rejected = , name rejected
report-engine-accepted = accepted
report-engine-rejected = rejected
report-engine-rejected-errors = { $verdict } ({ $errors })
report-engine-error-at = { $code } at depth { $depth }
report-verify-presented = Presented certificates
report-cert-chain = chain
report-cert-issuer = issuer
report-cert-serial = serial
report-cert-sha256 = sha256
report-cert-valid = valid
report-cert-key = key
report-cert-signature = signature
report-cert-ca = CA
report-cert-key-usage = key usage
report-cert-ext-usage = ext. usage
report-cert-ski = SKI
report-cert-aki = AKI
report-cert-san = SAN
report-cert-source = source
report-cert-ca-issuers = CA issuers
report-cert-valid-value = { $from } → { $to } ({ $left })
report-cert-days-left = { $days ->
    [0] less than a day left
    [one] { $days } day left
   *[other] { $days } days left
}
report-cert-expired-ago = expired { $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
}
report-cert-ca-path-length = yes, path length ≤ { $length }
report-cert-ca-yes = yes
report-cert-ca-false = no (CA:FALSE)
report-cert-ca-absent = no (no basicConstraints)
report-cert-eku-absent = (absent: any)
report-cert-san-absent = (no subjectAltName extension)
report-plain-expired-ago = EXPIRED { $days ->
    [one] { $days } day
   *[other] { $days } days
} ago
report-plain-days-left = { $days ->
    [one] { $days } day left
   *[other] { $days } days left
}

# JUnit: the facts and finding listings in <system-out> and <failure> (keys stay English in
# properties; these lines are for people).
report-junit-set-name = set name: { $name }
report-junit-insecure = INSECURE options in effect: { $options }
report-junit-trusts = trusts { $trust }
report-junit-authenticated = authenticated as { $user } on { $db } with { $mechanism }; roles: { $roles }
report-junit-driver-error = driver error: { $error }
report-junit-tls-mode = tls mode: { $mode }
report-junit-tls = tls: { $version } { $cipher }{ $group }
report-junit-certificate-trusted = certificate: { $subject }, expires { $not_after } ({ $left }), chains to the CA file
report-junit-certificate-untrusted = certificate: { $subject }, expires { $not_after } ({ $left }), does NOT chain to the CA file
report-junit-server = server: MongoDB { $version }
report-junit-plaintext = plaintext: { $detail }
report-junit-subject = subject: { $subject }
report-junit-issuer = issuer: { $issuer }
report-junit-sha256 = sha256: { $sha256 }
report-junit-valid = valid: { $not_before } to { $not_after } ({ $left })
report-junit-chain = chain: { $chain }
report-junit-source = source: { $source }
report-junit-certificates-in = { $count ->
    [one] { $count } certificate in { $files }
   *[other] { $count } certificates in { $files }
}
report-junit-note = note: { $source }: { $message }
report-junit-host = host: { $host }
report-junit-host-not-checked = host: (not checked: no --host)
report-junit-path-trusted = path ends at the CA file
report-junit-path-untrusted = path does NOT reach the CA file
report-junit-path-entry = {"  "}[{ $pos }] { $role } { $subject } (expires { $not_after }, { $left })
report-junit-fix = fix: { $hint }
report-junit-refused-by = refused by: { $clients }
