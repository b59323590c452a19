# English messages: bench. Ids are area-what-detail; see src/i18n/mod.rs for the conventions.

## Output files (--plot, --export-json), checked before anything is measured.
bench-output-is-a-folder = this is a folder: name a file in it, e.g. { $example }
bench-output-no-folder = the folder { $folder } does not exist: create it first, or choose another path
bench-output-parent-not-a-folder = { $folder } is not a folder
bench-output-permission-denied = cannot write there: permission denied in the folder { $folder }
bench-export-json-extension = writes JSON, not .{ $extension }: give a path ending in .json (--format markdown or csv prints those formats)
bench-plot-png-refused = plots are drawn as SVG only, not PNG: give { $svg }, and convert it if you need a bitmap, e.g. rsvg-convert -o { $path } { $svg }
bench-plot-extension-unknown = cannot draw .{ $extension } files: give a path ending in .svg
bench-plot-extension-missing = the plot's format comes from the file's extension: give a path ending in .svg
bench-plot-skipped = no plot written to { $path }: nothing was measured
bench-wrote-plot = wrote the plot to { $path } ({ $format }, { $size })
bench-wrote-json = wrote the JSON report to { $path } ({ $size })

## Members that cannot be measured, and comparisons that cannot be made.
bench-unreachable-refused = { $member }: connection refused at { $address }: nothing listens there
bench-unreachable-refused-hint = check the port (ApsaraDB uses 3717, MongoDB's default is 27017) and that the server is running; `mongotls check` on the same URI shows every member's state
bench-unreachable-timeout = { $member }: no answer from { $address } within { $timeout } (the TCP connection was not established)
bench-unreachable-timeout-hint = usually a firewall, security group or IP whitelist: on ApsaraDB add this machine's address to the instance's whitelist, or run from a host in the same VPC
bench-unreachable-failed = { $member }: cannot connect to { $address }: { $detail }
bench-unreachable-failed-hint = check the network route from this machine to the member
bench-unreachable-dns = { $member }: { $detail }
bench-unreachable-dns-hint = check the host name in the connection string; `mongotls check` shows what the name resolves to
bench-unreachable-tls = { $member }: no TLS connection: { $detail }
bench-unreachable-tls-timeout = { $member }: the TLS handshake did not finish within { $timeout }
bench-unreachable-tls-hint = `mongotls check` on the same URI tells why: TLS not enabled on the server, a certificate problem, or a client certificate required
bench-nothing-measured = nothing could be compared: { $why }
bench-nothing-measured-hint = run `mongotls check` on the same URI to see why the members cannot be reached
bench-no-sample-succeeded = no sample succeeded
bench-no-answer = no answer
bench-missing-plain-refused = plaintext refused by { $address } ({ $error }): the server forces TLS, so there is nothing to compare with; pass --plain-uri for a separate plaintext endpoint
bench-missing-plain-unreachable = no plaintext sample: { $error }: the plaintext endpoint { $address } cannot be reached
bench-missing-plain-no-answer = no plaintext sample: { $address } did not answer over plaintext ({ $error })
bench-note-no-warm-tls = { $member }: no warm TLS connection: { $error }
bench-note-tls-samples-failed = { $member }: some TLS samples failed: { $error }

## The text report.
bench-text-hint = hint: { $hint }
bench-nothing-compared-hint = TLS was measured, but there is no plaintext to compare it with: give a plaintext endpoint this machine can reach with --plain-uri
bench-note-clients-would-refuse = { $member }: clients would refuse this member ({ $codes }); the figures below measure TLS anyway — run `mongotls check` for the details
