# mongotls serve: the Prometheus exporter (src/commands/serve).

## Help (the English text is the doc comments' in src/cli/mod.rs, byte for byte)
serve-help-about = Serve Prometheus metrics over HTTP: `/probe?target=NAME` checks one target of the targets file on scrape (blackbox_exporter style, with a short cache), `/metrics` the exporter's own metrics, `/healthz`. SIGINT (Ctrl-C) and SIGTERM stop it
serve-help-targets = The targets file (TOML, as `check --targets` reads it): the targets `/probe?target=NAME` can check, by name
serve-help-listen = Address and port to listen on (IP:PORT; port 0 picks a free one). Anything but a loopback address is allowed (containers need it) and said loudly on stderr
serve-help-cache-ttl = How long a target's result is served again before the next scrape probes it anew (0s: never cached; at most 24h). Scrapes arriving while a probe runs wait for it either way
serve-help-probe-timeout = Bound of each probe (at most 5m); Prometheus's scrape timeout, when shorter, bounds it too
serve-help-ready-file = Once listening, write JSON {"{"}pid, listen, url, targets{"}"} to this file (written whole, then renamed into place); removed again when serve stops
serve-help-example-scrape = Prometheus scrapes http://127.0.0.1:9716/probe?target=NAME
serve-help-example-kubernetes = In Kubernetes (behind the Service): listen on every interface, said loudly on stderr

## Option values
serve-listen-not-an-address = '{ $value }' is not IP:PORT (e.g. 127.0.0.1:9716, 0.0.0.0:9716, [::1]:9716)

## On stderr, for the operator
serve-listening = mongotls serve: listening on { $url } ({ $count ->
    [one] 1 target
   *[other] { $count } targets
}): /probe?target=NAME, /metrics, /healthz
serve-not-loopback = WARNING: --listen { $address } is not a loopback address: anyone who can reach this port can read the metrics and make mongotls probe every target. Keep it behind a firewall or a NetworkPolicy, or listen on 127.0.0.1.
serve-target-invalid = mongotls serve: target { $name } cannot be probed (its /probe answers probe_success 0): { $error }
serve-probe-input-error = mongotls serve: target { $name }: the check could not run: { $error }
serve-stopping = mongotls serve: { $signal } received, stopping
serve-bind-failed = cannot listen on { $address }: { $error } (is another process using the port? Choose another with --listen)
serve-failed = mongotls serve stopped with an error: { $error }

## HTTP answers (text/plain)
serve-probe-missing-target = missing ?target=NAME: the name of a target of { $file } ({ $names })
serve-probe-unknown-target = no target named "{ $name }" in { $file }; its targets are: { $names }
serve-encode-failed = cannot encode the Prometheus metrics
