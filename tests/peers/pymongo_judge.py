"""PyMongo's verdict on each member of a replica set, and on the set, for
tests/it/independent_server.rs.

Usage: pymongo_judge.py --ca CAFILE --set NAME [--timeout-ms N] MEMBER [MEMBER...]

For each MEMBER (host:port), concurrently:
  tls:   MongoClient(MEMBER, directConnection=True, tls=True, tlsCAFile=CAFILE).admin.command("ping")
  plain: the same without TLS (does the member also serve plaintext?)
and once for the set:
  set:   MongoClient(seed list, replicaSet=NAME, tls=True, tlsCAFile=CAFILE).admin.command("ping")

Prints one JSON line:
  {"pymongo": "4.x", "members": [{"address": ..., "tls": {"ok": true|false, "error": "..."},
   "plain": {...}}, ...], "set": {"ok": ..., "error": ...}}
where error is "<exception class>: <message>" (e.g. "ServerSelectionTimeoutError: localhost:1234:
[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired ...").
"""

import argparse
import json
import os
import sys
import threading

import pymongo
from pymongo import MongoClient


def ping(uri_or_host, timeout_ms, **kwargs):
    client = None
    try:
        client = MongoClient(
            uri_or_host,
            serverSelectionTimeoutMS=timeout_ms,
            connectTimeoutMS=timeout_ms,
            **kwargs,
        )
        client.admin.command("ping")
        return {"ok": True, "error": None}
    except Exception as e:  # noqa: BLE001 - every failure is the verdict
        return {"ok": False, "error": "%s: %s" % (type(e).__name__, str(e).replace("\n", " "))}
    finally:
        if client is not None:
            try:
                client.close()
            except Exception:  # noqa: BLE001
                pass


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ca", required=True)
    p.add_argument("--set", required=True)
    p.add_argument("--timeout-ms", type=int, default=3000)
    p.add_argument("members", nargs="+")
    a = p.parse_args()

    results = {}
    jobs = []
    for m in a.members:
        jobs.append(
            (("tls", m), (m, a.timeout_ms), dict(directConnection=True, tls=True, tlsCAFile=a.ca))
        )
        jobs.append((("plain", m), (m, a.timeout_ms), dict(directConnection=True, tls=False)))
    seeds = "mongodb://%s/" % ",".join(a.members)
    jobs.append((("set", None), (seeds, a.timeout_ms), dict(replicaSet=a.set, tls=True, tlsCAFile=a.ca)))

    def run(key, args, kwargs):
        results[key] = ping(*args, **kwargs)

    threads = [threading.Thread(target=run, args=job, daemon=True) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    out = {
        "pymongo": pymongo.version,
        "members": [
            {"address": m, "tls": results[("tls", m)], "plain": results[("plain", m)]}
            for m in a.members
        ],
        "set": results[("set", None)],
    }
    print(json.dumps(out), flush=True)
    sys.stderr.flush()
    # Do not wait for PyMongo's background threads or atexit hooks.
    os._exit(0)


if __name__ == "__main__":
    main()
