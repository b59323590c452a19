"""A three-member replica set that restarts its members on command, for tests/it/wait.rs.

It is tests/peers/mock_replset.py's replica set (MockupDB's wire protocol on PyMongo's `bson`,
Python's `ssl` for TLS; nothing shared with mongotls' Rust code), with a control channel on
stdin, one command per line:

  restart I CERT KEY DOWN_MS   close member I's listener and every connection it has, stay down
                               DOWN_MS milliseconds, then listen again on the SAME port
                               (SO_REUSEADDR) with the certificate CERT and its key KEY
  stop I                       close member I's listener and connections; it stays down
  start I CERT KEY             listen again on member I's port (after `stop`) with CERT and KEY
  primary I                    member I becomes the primary (the others secondaries)

Paths are relative to SPEC's directory. Commands run one at a time, in order: `restart` answers
its "down" event at once and its "up" event once the member listens again; a command after it
waits for it to finish.

Usage: rolling_replset.py SPEC.json, SPEC as mock_replset.py's ("members": [{"mode":
"tls_only", "cert", "key", "chain", "primary"}, ...]).

Prints one JSON ready line once every member listens (as mock_replset.py), then one JSON line per
event: {"event": "down"|"up"|"stopped"|"primary", "member": I, "address": "localhost:PORT",
"t": UNIX_SECONDS}, and {"event": "error", "message": ...} for a command it cannot run. Exits when
its stdin closes.
"""

import json
import os
import sys
import threading
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mock_replset  # noqa: E402  (the replica set and its members)
from mock_replset import ReplSet, ReplSetMember  # noqa: E402

OUT_LOCK = threading.Lock()


def emit(doc):
    doc["t"] = time.time()
    with OUT_LOCK:
        sys.stdout.write(json.dumps(doc) + "\n")
        sys.stdout.flush()


class RestartableMember(ReplSetMember):
    """A member that tracks its connections, so that going down closes every one of them."""

    def __init__(self, index, spec, base_dir, replset, port=None):
        super().__init__(index, spec, base_dir, replset)
        if port is not None:
            self._address = ("127.0.0.1", port)
        self.conns = set()
        self.conns_lock = threading.Lock()

    def _accept_protocol(self, sock):
        conn = super()._accept_protocol(sock)
        if conn is not None:
            with self.conns_lock:
                if self._stopped:
                    conn.close()
                    return None
                self.conns.add(conn)
        return conn

    def go_down(self):
        """Like a mongod shutting down: no listener, every connection closed."""
        self._stopped = True
        try:
            self._listening_sock.close()
        except OSError:
            pass
        with self.conns_lock:
            conns, self.conns = list(self.conns), set()
        for c in conns:
            for op in (lambda: c.shutdown(2), c.close):
                try:
                    op()
                except OSError:
                    pass


class RollingSet(ReplSet):
    def __init__(self, spec, base_dir):
        self.spec = spec
        self.base_dir = base_dir
        # ReplSet's constructor builds plain members; rebuild them as restartable ones.
        super().__init__(spec, base_dir)
        self.members = [
            RestartableMember(i, m, base_dir, self) for i, m in enumerate(spec["members"])
        ]

    def member(self, i):
        if not 0 <= i < len(self.members):
            raise ValueError("no member %d" % i)
        return self.members[i]

    def stop_member(self, i):
        self.member(i).go_down()

    def start_member(self, i, cert, key):
        old = self.member(i)
        port = int(old.name.rsplit(":", 1)[1])
        spec = dict(self.spec["members"][i])
        spec["cert"], spec["key"], spec["chain"] = cert, key, spec.get("chain") or []
        spec["primary"] = old.primary
        new = RestartableMember(i, spec, self.base_dir, self, port=port)
        new.name = old.name
        # The port may still be held a moment by the closing listener: retry briefly.
        deadline = time.time() + 10
        while True:
            try:
                new.run()
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.05)
        self.members[i] = new

    def set_primary(self, i):
        self.member(i)
        for j, m in enumerate(self.members):
            m.primary = j == i


def run_command(rs, words):
    cmd = words[0]
    if cmd == "restart" and len(words) == 5:
        i, cert, key, down_ms = int(words[1]), words[2], words[3], float(words[4])
        rs.stop_member(i)
        emit({"event": "down", "member": i, "address": rs.member(i).name})
        time.sleep(max(down_ms, 0.0) / 1000.0)
        rs.start_member(i, cert, key)
        emit({"event": "up", "member": i, "address": rs.member(i).name})
    elif cmd == "stop" and len(words) == 2:
        i = int(words[1])
        rs.stop_member(i)
        emit({"event": "stopped", "member": i, "address": rs.member(i).name})
    elif cmd == "start" and len(words) == 4:
        i = int(words[1])
        rs.start_member(i, words[2], words[3])
        emit({"event": "up", "member": i, "address": rs.member(i).name})
    elif cmd == "primary" and len(words) == 2:
        i = int(words[1])
        rs.set_primary(i)
        emit({"event": "primary", "member": i, "address": rs.member(i).name})
    else:
        raise ValueError("unknown command: %r" % " ".join(words))


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    spec_path = os.path.abspath(sys.argv[1])
    with open(spec_path) as f:
        spec = json.load(f)
    rs = RollingSet(spec, os.path.dirname(spec_path))
    rs.start()
    emit(
        {
            "set_name": rs.set_name,
            "members": rs.names(),
            "modes": [m.mode for m in rs.members],
            "mockupdb": mock_replset.mockupdb.__version__,
        }
    )
    try:
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            try:
                run_command(rs, words)
            except Exception as e:  # noqa: BLE001 - report and go on
                mock_replset.log(traceback.format_exc())
                emit({"event": "error", "message": str(e)})
    except (OSError, KeyboardInterrupt):
        pass
    rs.stop()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
