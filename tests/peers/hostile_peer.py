"""An independent hostile MongoDB server, for tests/it/independent_hostile.rs.

Written from the MongoDB wire-protocol specification, with Python's standard library (`socket`,
`ssl` = OpenSSL, `struct`, `threading`, `json`) and PyMongo's `bson` for BSON encoding only.
Nothing of mongotls (its Rust wire codec, rustls, its test fixture tests/it/support/hostile.rs) is
imported, ported or shared: the framing, the OP_QUERY / OP_MSG parsing and the OP_REPLY / OP_MSG
encoding below are this file's own.

Every behaviour listens on its own port of 127.0.0.1 (port 0: the kernel picks), and treats every
connection on that port the same way:

  before TLS (the TLS probe and the plaintext probe meet the same thing)
    silent              accepts, reads whatever comes, never writes a byte
    slow                after the first bytes, dribbles a ServerHello-looking prefix, 1 byte/s
    garbage             answers the first bytes with garbage (no TLS content type)
    http                answers the first bytes with an HTTP/1.1 400, then FIN
    alert               answers the ClientHello with a TLS fatal handshake_failure alert, then FIN
    reset               reads part of the ClientHello, then resets (SO_LINGER 0, close: RST)

  after a real TLS handshake (Python's ssl) when the first byte is 0x16 (a TLS handshake record,
  as mongod tells them apart), or on the plaintext connection as it is otherwise
    two_gib_header      answers the first request with a bare header declaring 2 GiB - 1 bytes
    truncated           answers with the header and half the body of a valid hello reply, closes
    malformed_bson      answers with a well-framed reply whose BSON document is broken
                        (an element of type 0x2A, which BSON does not define)
    wrong_response_to   answers with a valid hello whose responseTo is not the request's id
    ten_thousand_hosts  a working primary whose hello lists itself and 10,000 other hosts
                        (hNNNNN.ten-thousand.invalid:27017: RFC 6761 names that never resolve)
    hosts_elsewhere     a working primary whose hello lists itself and two ports of 127.0.0.1
                        that are bound but never listen (connections to them are refused),
                        then SPEC's "extra_hosts" as given (malformed names, control characters)

  healthy               a correct minimal replica-set member over TLS only (plaintext is closed,
                        as with net.tls.mode requireTLS): isMaster/hello over OP_QUERY and OP_MSG,
                        ping, buildInfo, endSessions; its hello lists only itself, as primary

Usage: hostile_peer.py SPEC.json

SPEC: {"cert": "leaf.pem", "key": "leaf.key", "chain": ["intermediate.pem"],
       "set_name": "indep-hostile", "extra_hosts": []}
(relative paths are relative to SPEC's directory; `extra_hosts` is optional). The certificate
must cover `localhost`.

Prints one JSON line once every port listens:
  {"ports": {"silent": P, ..., "healthy": P}, "closed_ports": [P, P], "set_name": ...,
   "python": "3.x", "openssl": "...", "pymongo": "4.x", "bson_c_extension": true}
then serves until its stdin closes (or reaches EOF), and exits.
"""

import datetime
import importlib.metadata
import itertools
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
import traceback

import bson
from bson.errors import BSONError

# -- wire protocol constants (MongoDB wire protocol specification) -------------------------------

OP_REPLY = 1
OP_QUERY = 2004
OP_MSG = 2013
OP_MSG_CHECKSUM_PRESENT = 1 << 0
OP_MSG_MORE_TO_COME = 1 << 1
HEADER = struct.Struct("<iiii")  # messageLength, requestID, responseTo, opCode
# A request larger than mongod's maxMessageSizeBytes is refused (the connection is closed).
MAX_REQUEST_BYTES = 48_000_000

# -- timing ------------------------------------------------------------------------------------

# How long one read may wait (first bytes, a handshake, the next request).
IO_TIMEOUT_S = 30.0
# Longest a connection is held open (silent, draining, dribbling) before the server lets it go.
HOLD_LIMIT_S = 120.0

# -- canned answers ----------------------------------------------------------------------------

# The start of a plausible TLS 1.2 ServerHello: record header (handshake 0x16, version 3.3,
# length 0x0051), handshake header (server_hello 2, length 0x00004d), server_version 3.3, then
# 32 "random" bytes. `slow` sends it one byte a second.
SERVER_HELLO_PREFIX = (
    bytes([0x16, 0x03, 0x03, 0x00, 0x51, 0x02, 0x00, 0x00, 0x4D, 0x03, 0x03])
    + bytes((i * 37 + 11) & 0xFF for i in range(32))
)

# Neither TLS (0x8f is no TLS content type) nor a sensible MongoDB header.
GARBAGE = b"\x8f\x00\xa5\x5aindependent hostile peer: this is not TLS\xff\xfe\x00\x01\x02\x03"

HTTP_400 = (
    b"HTTP/1.1 400 Bad Request\r\n"
    b"Server: hostile_peer.py\r\n"
    b"Content-Type: text/plain\r\n"
    b"Content-Length: 12\r\n"
    b"Connection: close\r\n"
    b"\r\n"
    b"Bad Request\n"
)

# TLS alert record: content type 21 (alert), version 3.3, length 2, level 2 (fatal),
# description 40 (handshake_failure).
HANDSHAKE_FAILURE_ALERT = bytes([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])

# int32 maximum: a message length is an int32, so 2 GiB itself cannot be declared.
TWO_GIB_MINUS_ONE = 0x7FFFFFFF

TEN_THOUSAND = 10_000

PRE_TLS = ("silent", "slow", "garbage", "http", "alert", "reset")
AFTER_TLS = (
    "two_gib_header",
    "truncated",
    "malformed_bson",
    "wrong_response_to",
    "ten_thousand_hosts",
    "hosts_elsewhere",
)
BEHAVIOURS = PRE_TLS + AFTER_TLS + ("healthy",)


def log(msg):
    print("hostile_peer: %s" % msg, file=sys.stderr, flush=True)


# -- framing -----------------------------------------------------------------------------------


def read_exact(sock, n):
    """n bytes from sock; EOFError when the peer closes first."""
    chunks = []
    while n > 0:
        chunk = sock.recv(min(n, 1 << 16))
        if not chunk:
            raise EOFError("peer closed")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def read_message(sock):
    """(requestID, opCode, body) of the next message; None when the peer closes in between."""
    try:
        header = read_exact(sock, HEADER.size)
    except EOFError:
        return None
    length, request_id, _response_to, op_code = HEADER.unpack(header)
    if length < HEADER.size or length > MAX_REQUEST_BYTES:
        raise ValueError("request declares %d bytes" % length)
    return request_id, op_code, read_exact(sock, length - HEADER.size)


def cstring(buf, pos):
    """(str, position after the NUL) of the C string at pos."""
    end = buf.index(b"\x00", pos)
    return buf[pos:end].decode("utf-8"), end + 1


def bson_at(buf, pos):
    """(document, position after it) of the BSON document at pos."""
    if pos + 4 > len(buf):
        raise ValueError("truncated document")
    (size,) = struct.unpack_from("<i", buf, pos)
    if size < 5 or pos + size > len(buf):
        raise ValueError("document declares %d bytes" % size)
    return bson.decode(buf[pos : pos + size]), pos + size


def parse_request(op_code, body):
    """(command document, expects a reply) of an OP_QUERY or OP_MSG request."""
    if op_code == OP_QUERY:
        # flags, fullCollectionName, numberToSkip, numberToReturn, query[, returnFieldsSelector]
        _collection, pos = cstring(body, 4)
        doc, _ = bson_at(body, pos + 8)
        if "$query" in doc:  # a read preference wraps the command
            doc = doc["$query"]
        return doc, True
    if op_code == OP_MSG:
        (flags,) = struct.unpack_from("<I", body, 0)
        end = len(body) - (4 if flags & OP_MSG_CHECKSUM_PRESENT else 0)
        pos = 4
        doc = None
        sequences = {}
        while pos < end:
            kind = body[pos]
            pos += 1
            if kind == 0:
                doc, pos = bson_at(body, pos)
            elif kind == 1:
                (size,) = struct.unpack_from("<i", body, pos)
                section_end = pos + size
                if size < 5 or section_end > end:
                    raise ValueError("document sequence declares %d bytes" % size)
                ident, p = cstring(body, pos + 4)
                docs = []
                while p < section_end:
                    d, p = bson_at(body, p)
                    docs.append(d)
                sequences[ident] = docs
                pos = section_end
            else:
                raise ValueError("unknown OP_MSG section kind %d" % kind)
        if doc is None:
            raise ValueError("OP_MSG without a body section")
        doc.update(sequences)
        return doc, not flags & OP_MSG_MORE_TO_COME
    raise ValueError("unsupported opCode %d" % op_code)


def frame(request_id, response_to, op_code, body):
    return HEADER.pack(HEADER.size + len(body), request_id, response_to, op_code) + body


def op_reply(request_id, response_to, documents):
    """OP_REPLY: responseFlags, cursorID, startingFrom, numberReturned, documents."""
    body = struct.pack("<iqii", 0, 0, 0, len(documents)) + b"".join(documents)
    return frame(request_id, response_to, OP_REPLY, body)


def op_msg(request_id, response_to, document):
    """OP_MSG: flagBits 0, one kind-0 section."""
    return frame(request_id, response_to, OP_MSG, struct.pack("<I", 0) + b"\x00" + document)


def broken_bson():
    """16 bytes framed as a BSON document (length 16, NUL-terminated) whose only element has
    type 0x2A, which BSON does not define."""
    doc = struct.pack("<i", 16) + b"\x2a" + b"ok\x00" + b"\x01\x02\x03\x04\x05\x06\x07" + b"\x00"
    assert len(doc) == 16
    return doc


# -- the server --------------------------------------------------------------------------------


class Peer:
    def __init__(self, spec, base_dir):
        self.set_name = spec.get("set_name", "indep-hostile")
        self.extra_hosts = [str(h) for h in spec.get("extra_hosts") or []]
        self.ctx = self._tls_context(spec, base_dir)
        self.stopping = threading.Event()
        self.request_ids = itertools.count(1000)
        self.connection_ids = itertools.count(1)
        self.lock = threading.Lock()
        self.connections = set()
        self.listeners = {}
        # hosts_elsewhere: ports bound on 127.0.0.1 that never listen, held until exit so that
        # nobody else can take them; a SYN to them is answered with RST (connection refused).
        self.closed = []
        for _ in range(2):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            self.closed.append(s)
        self.closed_ports = [s.getsockname()[1] for s in self.closed]
        self.names = {}
        for behaviour in BEHAVIOURS:
            ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            ls.bind(("127.0.0.1", 0))
            ls.listen(64)
            self.listeners[behaviour] = ls
            self.names[behaviour] = "localhost:%d" % ls.getsockname()[1]
        self.ten_thousand = [
            "h%05d.ten-thousand.invalid:27017" % i for i in range(TEN_THOUSAND)
        ]

    @staticmethod
    def _tls_context(spec, base_dir):
        def path(p):
            return p if os.path.isabs(p) else os.path.join(base_dir, p)

        # What a mongod's certificateKeyFile holds: the certificate, then the intermediates.
        fullchain = ""
        for p in [spec["cert"]] + list(spec.get("chain") or []):
            with open(path(p)) as f:
                fullchain += f.read()
        full = os.path.join(base_dir, "hostile-peer-fullchain-%d.pem" % os.getpid())
        with open(full, "w") as f:
            f.write(fullchain)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(certfile=full, keyfile=path(spec["key"]))
        return ctx

    def ports(self):
        return {b: ls.getsockname()[1] for b, ls in self.listeners.items()}

    def start(self):
        for behaviour, ls in self.listeners.items():
            threading.Thread(
                target=self._accept_loop, args=(behaviour, ls), daemon=True
            ).start()

    def stop(self):
        self.stopping.set()
        with self.lock:
            socks = list(self.listeners.values()) + list(self.connections) + self.closed
        for s in socks:
            for op in (lambda: s.shutdown(socket.SHUT_RDWR), s.close):
                try:
                    op()
                except OSError:
                    pass

    def _accept_loop(self, behaviour, ls):
        while not self.stopping.is_set():
            try:
                conn, _ = ls.accept()
            except OSError:
                if self.stopping.is_set():
                    return
                self.stopping.wait(0.02)
                continue
            with self.lock:
                self.connections.add(conn)
            threading.Thread(
                target=self._serve, args=(behaviour, conn), daemon=True
            ).start()

    def _serve(self, behaviour, conn):
        sock = conn
        try:
            conn.settimeout(IO_TIMEOUT_S)
            try:
                # mongod sets TCP_NODELAY on every connection.
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
            if behaviour in PRE_TLS:
                getattr(self, "_" + behaviour)(conn)
                return
            sock = self._accept_protocol(behaviour, conn)
            if sock is not None:
                self._wire(behaviour, sock)
        except (OSError, EOFError, ValueError, BSONError):
            pass  # the client hung up or sent something we do not speak: drop the connection
        except Exception:  # noqa: BLE001 - log and drop this connection only
            log("%s: %s" % (behaviour, traceback.format_exc()))
        finally:
            for s in (sock, conn):
                if s is None:
                    continue
                try:
                    s.close()
                except OSError:
                    pass
            with self.lock:
                self.connections.discard(conn)

    # -- helpers ---------------------------------------------------------------------------------

    def _read_first(self, conn, n=65536):
        """The first bytes of a connection (a ClientHello, or a plaintext request)."""
        return bool(conn.recv(n))

    def _drain(self, sock):
        """Reads and discards until the peer closes, an error, or HOLD_LIMIT_S."""
        deadline = self._now() + HOLD_LIMIT_S
        while not self.stopping.is_set() and self._now() < deadline:
            try:
                if not sock.recv(65536):
                    return
            except socket.timeout:
                continue

    @staticmethod
    def _now():
        return time.monotonic()

    def _answer_then_close(self, conn, answer):
        if not self._read_first(conn):
            return
        conn.sendall(answer)
        # Like a server giving up: FIN after the answer, then wait for the client to go.
        conn.shutdown(socket.SHUT_WR)
        self._drain(conn)

    # -- before TLS ------------------------------------------------------------------------------

    def _silent(self, conn):
        self._drain(conn)

    def _slow(self, conn):
        if not self._read_first(conn):
            return
        for b in SERVER_HELLO_PREFIX:
            conn.sendall(bytes([b]))
            if self.stopping.wait(1.0):
                return
        self._drain(conn)

    def _garbage(self, conn):
        if not self._read_first(conn):
            return
        conn.sendall(GARBAGE)
        self._drain(conn)

    def _http(self, conn):
        self._answer_then_close(conn, HTTP_400)

    def _alert(self, conn):
        self._answer_then_close(conn, HANDSHAKE_FAILURE_ALERT)

    def _reset(self, conn):
        # Part of the ClientHello only (the record header and a little more): the rest stays
        # unread, and closing with SO_LINGER 0 sends RST.
        if not self._read_first(conn, 9):
            return
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()

    # -- TLS or plaintext, then the wire behaviour -------------------------------------------------

    def _accept_protocol(self, behaviour, conn):
        """The socket to speak MongoDB on (TLS-wrapped when the client opened with a TLS
        handshake record), or None to close the connection."""
        first = conn.recv(1, socket.MSG_PEEK)
        if not first:
            return None
        if first[0] == 0x16:
            return self.ctx.wrap_socket(conn, server_side=True)
        if behaviour == "healthy":
            return None  # requireTLS: mongod hangs up on plaintext
        return conn

    def _hello(self, behaviour):
        me = self.names[behaviour]
        hosts = [me]
        if behaviour == "ten_thousand_hosts":
            hosts += self.ten_thousand
        elif behaviour == "hosts_elsewhere":
            hosts += ["localhost:%d" % p for p in self.closed_ports] + self.extra_hosts
        return {
            "helloOk": True,
            "ismaster": True,
            "isWritablePrimary": True,
            "secondary": False,
            "setName": self.set_name,
            "setVersion": 1,
            "hosts": hosts,
            "primary": me,
            "me": me,
            "minWireVersion": 0,
            "maxWireVersion": 21,
            "maxBsonObjectSize": 16 * 1024 * 1024,
            "maxMessageSizeBytes": 48_000_000,
            "maxWriteBatchSize": 100_000,
            "localTime": datetime.datetime.now(datetime.timezone.utc),
            "logicalSessionTimeoutMinutes": 30,
            "connectionId": next(self.connection_ids),
            "readOnly": False,
            "ok": 1.0,
        }

    def _command(self, behaviour, doc):
        name = next(iter(doc), "").lower()
        if name in ("hello", "ismaster"):
            return self._hello(behaviour)
        if name in ("ping", "endsessions"):
            return {"ok": 1.0}
        if name == "buildinfo":
            return {
                "version": "7.0.14-independent",
                "versionArray": [7, 0, 14, 0],
                "gitVersion": "hostile_peer.py",
                "ok": 1.0,
            }
        return {
            "ok": 0.0,
            "errmsg": "no such command: '%s'" % name,
            "code": 59,
            "codeName": "CommandNotFound",
        }

    def _reply(self, op_code, response_to, document):
        """The reply to a request of op_code: OP_REPLY to OP_QUERY, OP_MSG to OP_MSG."""
        request_id = next(self.request_ids)
        if op_code == OP_QUERY:
            return op_reply(request_id, response_to, [document])
        return op_msg(request_id, response_to, document)

    def _wire(self, behaviour, sock):
        while not self.stopping.is_set():
            message = read_message(sock)
            if message is None:
                return
            request_id, op_code, body = message
            doc, expects_reply = parse_request(op_code, body)
            if not expects_reply:
                continue
            hello = bson.encode(self._hello(behaviour))
            if behaviour == "two_gib_header":
                sock.sendall(
                    HEADER.pack(TWO_GIB_MINUS_ONE, next(self.request_ids), request_id, OP_REPLY)
                )
                self._drain(sock)
                return
            if behaviour == "truncated":
                full = self._reply(op_code, request_id, hello)
                sock.sendall(full[: HEADER.size + (len(full) - HEADER.size) // 2])
                self._close_gracefully(sock)
                return
            if behaviour == "malformed_bson":
                sock.sendall(self._reply(op_code, request_id, broken_bson()))
                self._drain(sock)
                return
            if behaviour == "wrong_response_to":
                sock.sendall(self._reply(op_code, (request_id + 7919) & 0x7FFFFFFF, hello))
                self._drain(sock)
                return
            # ten_thousand_hosts, hosts_elsewhere, healthy: answer every request.
            answer = bson.encode(self._command(behaviour, doc))
            sock.sendall(self._reply(op_code, request_id, answer))

    @staticmethod
    def _close_gracefully(sock):
        """TLS close_notify (when TLS), then FIN."""
        sock.settimeout(2.0)
        if isinstance(sock, ssl.SSLSocket):
            try:
                sock = sock.unwrap()
            except (OSError, ValueError):
                pass
        try:
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    spec_path = os.path.abspath(sys.argv[1])
    with open(spec_path) as f:
        spec = json.load(f)
    peer = Peer(spec, os.path.dirname(spec_path))
    peer.start()
    try:
        pymongo_version = importlib.metadata.version("pymongo")
    except importlib.metadata.PackageNotFoundError:
        pymongo_version = None
    print(
        json.dumps(
            {
                "ports": peer.ports(),
                "closed_ports": peer.closed_ports,
                "set_name": peer.set_name,
                "python": sys.version.split()[0],
                "openssl": ssl.OPENSSL_VERSION,
                "pymongo": pymongo_version,
                "bson_c_extension": bson.has_c(),
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
    peer.stop()
    sys.stdout.flush()
    sys.stderr.flush()
    # Daemon threads may sit in a blocking read or sleep; do not wait for them.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
