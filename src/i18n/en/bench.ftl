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
bench-text-member-line = { $member }: { $line }
bench-text-nothing-compared = nothing compared: { $reason }
bench-text-target = Target  { $uri }
bench-text-plain = Plain   { $uri }
bench-text-run = Run     { $count ->
    [one] { $count } sample
   *[other] { $count } samples
} per series (+{ $warmup } warm-up), { $elapsed } s of { $allowed } s allowed
bench-text-col-metric = metric (ms)
bench-text-col-plain-p50 = plain p50
bench-text-col-tls-p50 = TLS p50
bench-text-col-tls-p99 = TLS p99
bench-text-col-n = n
bench-text-col-adds = TLS adds (95 % CI)
bench-text-resumed = { $metric }: { $resumed } of { $count ->
    [one] { $count } TLS handshake
   *[other] { $count } TLS handshakes
} resumed
bench-text-cpu-plain = client CPU per TCP connect: { $cpu } (wall { $wall })
bench-text-cpu-tls = client CPU per TCP + TLS handshake: { $cpu } (wall { $wall })
bench-text-throughput-plain = throughput plaintext with { $count ->
    [one] { $count } connection
   *[other] { $count } connections
}: { $ops } ops/s
bench-text-throughput-tls = throughput TLS with { $count ->
    [one] { $count } connection
   *[other] { $count } connections
}: { $ops } ops/s
bench-text-no-comparison = no comparison for { $metrics }: { $reason }
bench-text-warnings = Warnings:
bench-text-noise = timing noise in { $count } of { $total } series: { $kinds }
bench-text-noise-outliers = outliers in { $count }
bench-text-noise-variance = high variance in { $count }
bench-text-noise-cold = a slow first sample in { $count }
bench-text-noise-why = usual on loopback and on a busy machine: the medians and their 95 % CIs above are robust to it, means are not; for steadier figures use a quiet machine, more --samples and --warmup
bench-text-ci-zero = the 95 % CI of the overhead includes 0 for { $metrics }: no measurable difference at this sample size; raise --samples or --max-time to narrow it
bench-text-too-few = fewer than { $min } samples in { $count } series ({ $series }): percentiles and outliers mean little; raise --samples or --max-time
bench-text-warnings-json = every warning, per series and with its advice: --format json (warnings[])
bench-text-and-more = { $list } and { $count } more
bench-text-notes = Notes:
bench-sentence-both = TLS adds { $connect } to a new connection (95 % CI { $connect_ci }) and { $ping } to a round trip (95 % CI { $ping_ci }).
bench-sentence-connect = TLS adds { $connect } to a new connection (95 % CI { $connect_ci }).
bench-sentence-ping = TLS adds { $ping } to a round trip (95 % CI { $ping_ci }).

## Metric names for people (the JSON's metric names never change).
bench-metric-connect-full = TCP + full handshake
bench-metric-connect-resumed = TCP + resumed handshake
bench-metric-connect-hello = to a usable connection
bench-metric-ping = ping round trip
bench-metric-payload = round trip with { $size }
bench-metric-throughput = throughput with { $count ->
    [one] { $count } connection
   *[other] { $count } connections
}
bench-text-list-separator = {", "}
bench-sentence-both-ping-zero = TLS adds { $connect } to a new connection (95 % CI { $connect_ci }) and nothing measurable to a round trip (95 % CI { $ping_ci }).
bench-sentence-ping-zero = TLS adds nothing measurable to a round trip (95 % CI { $ping_ci }).

## The plot (--plot FILE.svg).
bench-plot-title = mongotls bench: TLS versus plaintext latency
bench-plot-nothing = no series to plot
bench-plot-legend = Box: the middle half of the samples, the thick line at the median; whiskers: the rest within 1.5 × IQR; dots: outliers. Axis clipped to the whiskers.
bench-plot-caption = { $label } ({ $metric })
bench-plot-axis = latency ({ $unit })
bench-plot-beyond = { $count ->
    [one] 1 outlier beyond the axis: { $max }
   *[other] { $count } outliers beyond the axis, up to { $max }
}
bench-plot-row-plain = plain (n={ $count })
bench-plot-row-tls = TLS (n={ $count })
bench-plot-adds = TLS adds { $adds } ({ $ci })
bench-plot-no-comparison = no plaintext to compare
bench-plot-bench-only = plots are made of `bench` reports only

## Markdown (--format markdown); CSV keeps its machine-readable header.
bench-md-title = ## mongotls bench — { $uri }
bench-md-series-header = | member | metric | transport | n | min ms | p50 ms | p90 ms | p99 ms | max ms | mean ms | stddev ms |
bench-md-comparison-header = | member | metric | TLS overhead ms (median) | 95 % CI ms | ratio | relative |
bench-md-missing = no { $metric } comparison for { $member }: { $reason }
bench-tables-bench-only = Markdown and CSV are formats of `bench` only

## Statistical warnings (warnings[] in the JSON; the text report groups them).
bench-warn-too-few = { $label }: only { $count ->
    [one] { $count } sample
   *[other] { $count } samples
}
bench-warn-too-few-hint = raise --samples or --max-time: percentiles and outliers need at least { $min } samples to mean anything
bench-warn-cold-start = { $label }: the first sample ({ $first }) was much slower than the median ({ $median })
bench-warn-cold-start-hint = the first connection pays one-off costs (name resolution, routes, server-side caches): use --warmup to leave it out
bench-warn-outliers = { $label }: { $count ->
    [one] { $count } outlier
   *[other] { $count } outliers
} in { $samples } samples ({ $percent } %): the machine or the network is noisy
bench-warn-outliers-hint = close other programs, use --warmup, or run longer; the median and percentiles are robust to outliers, the mean is not
bench-warn-variance = { $label }: the standard deviation ({ $stddev }) is { $percent } % of the mean ({ $mean })
bench-warn-variance-hint = timings vary a lot from one sample to the next: run on a quiet machine and network, raise --samples, and compare medians rather than means
bench-warn-ci-zero = { $label }: the 95 % CI of the overhead ({ $low } to { $high }) includes 0: no significant difference at this sample size
bench-warn-ci-zero-hint = raise --samples or --max-time to narrow the interval; if it still includes 0, TLS adds no measurable latency here

## Errors, notes and progress while measuring.
bench-error-refused-during-warmup = plaintext refused during warm-up
bench-error-no-plaintext = plaintext refused
bench-progress-measuring = measuring { $member }
bench-progress-line = mongotls bench: { $what }…
bench-note-throughput-skipped = { $member }: throughput skipped: --max-time reached
bench-missing-throughput-plain = could not open { $count ->
    [one] { $count } plaintext connection
   *[other] { $count } plaintext connections
}: { $error }
bench-missing-throughput-tls = could not open { $count ->
    [one] { $count } TLS connection
   *[other] { $count } TLS connections
}: { $error }
bench-note-tls-config-failed = { $member }: TLS client configuration failed: { $error }
bench-note-no-resumption = { $member }: the server did not resume any TLS session (no session tickets / PSK): connect_resumed shows full handshakes
bench-note-no-cpu-time = process CPU time is not available on this platform
