"""A three-member MongoDB replica set served by MockupDB, for tests/it/independent_server.rs.

MockupDB (PyPI `mockupdb`, by MongoDB's driver team) is a MongoDB wire-protocol server written in
Python on PyMongo's `bson`: its accept loop, message parsing (OP_QUERY, OP_MSG) and reply encoding
(OP_REPLY, OP_MSG) serve here, with Python's `ssl` (OpenSSL) for TLS. Nothing is shared with
mongotls' Rust code.

MockupDB's own `ssl=True` wraps the listening socket with a bundled certificate; this subclass
instead loads the certificate, key and chain the test made, and tells TLS from plaintext on the
same port the way mongod does (a TLS record starts with 0x16 0x03):

  tls_only      TLS served; plaintext connections are closed   (net.tls.mode requireTLS)
  tls_and_plain both served on the same port                   (allowTLS / preferTLS)
  plain_only    plaintext served; a TLS ClientHello is closed  (TLS disabled)

Usage: mock_replset.py SPEC.json

SPEC: {"set_name": "rs0",
       "tls_handshake_delay_ms": 0,
       "members": [{"mode": "tls_only", "cert": "leaf.pem", "key": "leaf.key",
                    "chain": ["intermediate.pem"], "primary": true,
                    "tls_handshake_delay_ms": 0}, ...]}
(`cert`/`key` may be null for plain_only; relative paths are relative to SPEC's directory.)

`tls_handshake_delay_ms` (optional, default 0; per member, or at the top level for every member
that does not set its own) injects a known delay into each TLS connection set-up, for
tests/it/independent_bench.rs: once the first bytes of a ClientHello have arrived, the member sleeps
that long, then starts the server side of the handshake. Plaintext connections are not delayed,
so a TLS-versus-plaintext connection benchmark must see exactly this much more.

Every accepted connection gets TCP_NODELAY, as mongod sets it.

Prints one JSON line once every member listens:
  {"set_name": "rs0", "members": ["localhost:P1", ...], "modes": [...],
   "tls_handshake_delay_ms": [0.0, ...], "pymongo": "4.x", "mockupdb": "1.8.1", ...}
then serves until its stdin closes (or reaches EOF), and exits.
"""

import datetime
import json
import os
import socket
import ssl
import sys
import threading
import time
import traceback

import bson
import mockupdb
import pymongo
from bson.int64 import Int64
from bson.objectid import ObjectId
from mockupdb import CommandBase, MockupDB

# How long a new connection may take to send its first bytes and finish the TLS handshake.
HANDSHAKE_TIMEOUT_S = 20.0
# Cap on how long a streaming hello waits (drivers ask for heartbeatFrequencyMS, 10 s).
MAX_AWAIT_CAP_S = 10.0


def log(msg):
    print("mock_replset: %s" % msg, file=sys.stderr, flush=True)


class ReplSetMember(MockupDB):
    """One member: MockupDB's accept loop and wire protocol, our TLS and replica-set hello."""

    def __init__(self, index, spec, base_dir, replset, default_delay_ms=0):
        # request_timeout is only for MockupDB's receives(); every request is autoresponded.
        super().__init__(port=None, request_timeout=int(1e6), ssl=False)
        # Bind 127.0.0.1 (an ephemeral port), never another interface.
        self._address = ("127.0.0.1", 0)
        self.index = index
        self.mode = spec["mode"]
        if self.mode not in ("tls_only", "tls_and_plain", "plain_only"):
            raise ValueError("unknown mode %r" % self.mode)
        self.primary = bool(spec.get("primary", False))
        delay_ms = spec.get("tls_handshake_delay_ms", default_delay_ms)
        delay_ms = float(delay_ms or 0)
        if delay_ms < 0 or delay_ms > HANDSHAKE_TIMEOUT_S * 1000.0 / 2:
            raise ValueError("tls_handshake_delay_ms out of range: %r" % delay_ms)
        self.tls_delay_s = delay_ms / 1000.0
        self.replset = replset
        self.name = None  # "localhost:PORT", set once every member is bound
        self.process_id = ObjectId()
        self.connection_ids = 0
        self.ids_lock = threading.Lock()
        self.ctx = None
        if self.mode != "plain_only":
            self.ctx = self._tls_context(index, spec, base_dir)
        # Replies, through MockupDB's matchers (the command name is matched case-insensitively).
        self.autoresponds(CommandBase("ismaster"), self._hello)
        self.autoresponds(CommandBase("hello"), self._hello)
        self.autoresponds(CommandBase("ping"), {"ok": 1})
        self.autoresponds(
            CommandBase("buildInfo"),
            {"version": "7.0.14", "versionArray": [7, 0, 14, 0], "gitVersion": "mockupdb"},
        )
        self.autoresponds(CommandBase("endSessions"), {"ok": 1})

    @staticmethod
    def _tls_context(index, spec, base_dir):
        def path(p):
            return p if os.path.isabs(p) else os.path.join(base_dir, p)

        # The certificate file a mongod is given: leaf first, then the intermediates.
        parts = [spec["cert"]] + list(spec.get("chain") or [])
        fullchain = ""
        for p in parts:
            with open(path(p)) as f:
                fullchain += f.read()
        full = path("mock-member%d-%d-fullchain.pem" % (index, os.getpid()))
        with open(full, "w") as f:
            f.write(fullchain)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(certfile=full, keyfile=path(spec["key"]))
        return ctx

    # -- replica-set state ------------------------------------------------------------------

    def hello_doc(self):
        names = self.replset.names()
        primary = self.replset.primary_name()
        with self.ids_lock:
            self.connection_ids += 1
            conn_id = self.connection_ids
        doc = {
            "helloOk": True,
            "ismaster": self.primary,
            "isWritablePrimary": self.primary,
            "secondary": not self.primary,
            "setName": self.replset.set_name,
            "setVersion": 1,
            "hosts": names,
            "me": self.name,
            "minWireVersion": 0,
            "maxWireVersion": 21,
            "maxBsonObjectSize": 16 * 1024 * 1024,
            "maxMessageSizeBytes": 48000000,
            "maxWriteBatchSize": 100000,
            "localTime": datetime.datetime.now(datetime.timezone.utc),
            "logicalSessionTimeoutMinutes": 30,
            "connectionId": conn_id,
            "topologyVersion": {"processId": self.process_id, "counter": Int64(0)},
            "ok": 1.0,
        }
        if primary is not None:
            doc["primary"] = primary
        if self.primary:
            doc["electionId"] = self.replset.election_id
        return doc

    def _hello(self, request):
        doc = request.doc
        # Streaming (awaitable) hello: a driver's monitor sends its last topologyVersion and
        # maxAwaitTimeMS; a server with nothing new to say answers after maxAwaitTimeMS.
        if "topologyVersion" in doc and "maxAwaitTimeMS" in doc:
            wait_s = min(float(doc["maxAwaitTimeMS"]) / 1000.0, MAX_AWAIT_CAP_S)
            if self.replset.stopping.wait(wait_s):
                return True  # shutting down: no reply
        return request.replies(self.hello_doc())

    # -- connections ---------------------------------------------------------------------------

    def _server_loop(self, client, client_addr):
        """Replaces MockupDB's per-connection loop: TLS/plaintext detection, then requests.

        MockupDB's own loop holds the server lock while a responder runs, so one waiting
        streaming hello would stall every other connection of this member; this loop runs the
        same receive → autoresponder dispatch without that lock.
        """
        conn = client
        try:
            conn = self._accept_protocol(client)
            if conn is None:
                return
            while not self._stopped and not self.replset.stopping.is_set():
                request = mockupdb.mock_server_receive_request(conn, self)
                self._requests_count += 1
                if isinstance(request, mockupdb.OpMsg) and (
                    (request.flags or 0) & mockupdb.OP_MSG_FLAGS["moreToCome"]
                ):
                    continue  # an unacknowledged message: the client expects no reply
                for responder in reversed(self._autoresponders):
                    if responder.handle(request):
                        break
                else:
                    name = getattr(request, "command_name", None)
                    request.command_err(59, "no such command: '%s'" % name)
        except (OSError, EOFError):
            pass  # the client hung up (ssl.SSLError is an OSError too)
        except Exception:  # noqa: BLE001 - log and drop this connection only
            log("member %d: %s" % (self.index, traceback.format_exc()))
        finally:
            for s in (conn, client):
                if s is not None:
                    try:
                        s.close()
                    except OSError:
                        pass

    def _accept_protocol(self, sock):
        """Returns the socket to speak MongoDB on, or None after closing a refused connection."""
        sock.settimeout(HANDSHAKE_TIMEOUT_S)
        # mongod disables Nagle's algorithm on every connection. Without this, a reply written
        # while the server's TLS 1.3 session tickets are still unacknowledged waits for the
        # client's delayed ACK (~40 ms on Linux): the first command on a new TLS connection
        # would look ~40 ms slower than on a plaintext one.
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass
        first = sock.recv(2, socket.MSG_PEEK)
        if len(first) == 1:
            # A TLS record header is sent in one piece; wait for the second byte once more.
            first = first + sock.recv(2, socket.MSG_PEEK)[1:2]
        if not first:
            sock.close()
            return None
        is_tls = first[0] == 0x16 and (len(first) < 2 or first[1] == 0x03)
        if is_tls and self.mode == "plain_only":
            # mongod without TLS reads the ClientHello as a bad message header and hangs up.
            sock.close()
            return None
        if not is_tls and self.mode == "tls_only":
            # requireTLS: mongod's TLS handshake fails on a plaintext message; it hangs up.
            sock.close()
            return None
        if is_tls:
            if self.tls_delay_s > 0:
                # The injected delay: the ClientHello has arrived, the handshake has not begun.
                time.sleep(self.tls_delay_s)
            # do_handshake_on_connect (the default): the server handshake runs here.
            sock = self.ctx.wrap_socket(sock, server_side=True)
        sock.settimeout(None)
        return sock


class ReplSet:
    def __init__(self, spec, base_dir):
        self.set_name = spec.get("set_name", "rs0")
        self.stopping = threading.Event()
        self.election_id = ObjectId()
        default_delay_ms = spec.get("tls_handshake_delay_ms", 0)
        self.members = [
            ReplSetMember(i, m, base_dir, self, default_delay_ms)
            for i, m in enumerate(spec["members"])
        ]

    def names(self):
        return [m.name for m in self.members]

    def primary_name(self):
        for m in self.members:
            if m.primary:
                return m.name
        return None

    def start(self):
        for m in self.members:
            port = m.run()
            m.name = "localhost:%d" % port

    def stop(self):
        self.stopping.set()
        for m in self.members:
            try:
                m._listening_sock.close()
            except OSError:
                pass


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    spec_path = os.path.abspath(sys.argv[1])
    with open(spec_path) as f:
        spec = json.load(f)
    rs = ReplSet(spec, os.path.dirname(spec_path))
    rs.start()
    print(
        json.dumps(
            {
                "set_name": rs.set_name,
                "members": rs.names(),
                "modes": [m.mode for m in rs.members],
                "tls_handshake_delay_ms": [m.tls_delay_s * 1000.0 for m in rs.members],
                "pymongo": pymongo.version,
                "mockupdb": mockupdb.__version__,
                "bson_c_extension": bson.has_c(),
                "openssl": ssl.OPENSSL_VERSION,
            }
        ),
        flush=True,
    )
    # Serve until the parent closes our stdin (or dies).
    try:
        while sys.stdin.buffer.read(65536):
            pass
    except (OSError, KeyboardInterrupt):
        pass
    rs.stop()
    sys.stdout.flush()
    sys.stderr.flush()
    # Daemon threads may sit in a blocking read; do not wait for them (or for MockupDB's
    # atexit joins).
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
