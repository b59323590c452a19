#!/usr/bin/env bash
# Injected handshake delay D recovered by `bench`: the sandbox sleeps D before each TLS
# handshake; bench reports the connect_full overhead (TCP + full TLS vs TCP) and the ping
# overhead for D = 0, 20 and 50 ms. Run after `cargo build --release`, from the repository root.
set -u
bin=./target/release/mongotls
for d in 0ms 20ms 50ms; do
  $bin sandbox --members 1 --tls-mode allow --handshake-delay $d > /tmp/sb-$d.txt 2>&1 &
  pid=$!
  for i in $(seq 50); do grep -q '^URI:' /tmp/sb-$d.txt && break; sleep 0.1; done
  uri=$(grep '^URI:' /tmp/sb-$d.txt | awk '{print $2}')
  $bin bench "$uri" --samples 200 --warmup 10 --max-time 60s --format json > /tmp/bench-$d.json
  kill -INT $pid; wait $pid 2>/dev/null
  python3 - "$d" <<'PY'
import json,sys
r=json.load(open(f'/tmp/bench-{sys.argv[1]}.json'))
for c in r['comparisons']:
    if c['metric'] in ('connect_full','ping'):
        o=c['overhead_ms']; print(sys.argv[1], c['metric'], 'overhead %.3f ms (CI %.3f..%.3f) ratio %.2f' % (o['median'],o['ci95_low'],o['ci95_high'],c['ratio']))
PY
done
