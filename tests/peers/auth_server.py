"""An independent MongoDB wire-protocol server that authenticates, for the acceptance tests of
issue 10 (tests/it/support/auth_peers.rs: AuthServer).

Nothing is shared with mongotls' Rust code: asyncio for the network, Python's `ssl` (OpenSSL)
for TLS and client certificates, PyMongo's `bson` for OP_MSG / OP_QUERY / OP_REPLY bodies, the
PyPI `scramp` package for the server side of SCRAM-SHA-1 and SCRAM-SHA-256, and the `openssl`
CLI for the RFC 2253 subject of a client certificate (the MONGODB-X509 user name, as mongod
derives it: `openssl x509 -subject -nameopt RFC2253,-esc_msb`).

It serves one TLS-only member (net.tls.mode requireTLS) of a single-member replica set on
127.0.0.1, answering like mongod with access control on:

  hello / isMaster   replica-set primary; `saslSupportedMechs: "db.user"` lists the user's
                     mechanisms; `speculativeAuthenticate` (saslStart or X509 authenticate) is
                     answered, and left out of the reply when it fails
  saslStart / saslContinue   SCRAM-SHA-1 (on MongoDB's hex(md5("user:mongo:password"))) and
                     SCRAM-SHA-256; `options.skipEmptyExchange`; conversationId 1
  authenticate       MONGODB-X509: the verified client certificate's subject must be a
                     $external user
  connectionStatus   authInfo.authenticatedUsers / authenticatedUserRoles
  ping, buildInfo, endSessions, logout   ok
  anything else      13 Unauthorized before authentication, 59 CommandNotFound after

Failures as mongod gives them: 18 AuthenticationFailed ("Authentication failed.") for a wrong
password, an unknown user or X509 without a certificate; 334 MechanismUnavailable for another
mechanism. A client certificate is requested per `client_cert`:
  none      no certificate requested
  optional  requested and verified against `client_ca` when given (CERT_OPTIONAL)
  required  the handshake fails without a certificate from `client_ca` (CERT_REQUIRED)

Usage: auth_server.py SPEC.json      (or the spec as JSON on stdin when no argument is given)

SPEC: {"cert": "server.pem", "key": "server.key", "client_ca": "ca.pem" | null,
       "client_cert": "none" | "optional" | "required", "set_name": "rs0",
       "users": [{"user": "app", "db": "admin", "password": "...",
                  "mechanisms": ["SCRAM-SHA-1", "SCRAM-SHA-256"],
                  "roles": [{"role": "readWrite", "db": "app"}]},
                 {"user": "CN=app,O=x", "db": "$external", "roles": [...]}]}
(relative paths are relative to SPEC's directory; passwords are turned into salted SCRAM
credentials at start and never logged.)

Prints one JSON line once it listens:
  {"port": P, "member": "localhost:P", "set_name": "rs0", "client_cert": "...",
   "pymongo": "4.x", "scramp": "1.x", "openssl": "OpenSSL 3.x ..."}
then serves until its stdin closes, and exits. One line per connection and per authentication
outcome goes to stderr (user names and mechanisms, never a password or a SCRAM message).
"""

import asyncio
import datetime
import hashlib
import json
import os
import ssl
import struct
import subprocess
import sys
import threading

import bson
import bson.errors
import pymongo
import scramp
from bson.binary import Binary
from bson.int64 import Int64
from bson.objectid import ObjectId

OP_REPLY = 1
OP_QUERY = 2004
OP_MSG = 2013
MAX_MESSAGE = 48_000_000
HANDSHAKE_TIMEOUT_S = 20.0
IDLE_TIMEOUT_S = 600.0
MAX_AWAIT_S = 10.0
ITERATIONS = {"SCRAM-SHA-1": 10000, "SCRAM-SHA-256": 15000}
AUTH_FAILED = {"ok": 0.0, "errmsg": "Authentication failed.", "code": 18,
               "codeName": "AuthenticationFailed"}
NO_AUTH_NEEDED = {"hello", "ismaster", "ping", "buildinfo", "saslstart", "saslcontinue",
                  "authenticate", "connectionstatus", "endsessions", "logout"}


def log(msg):
    print("auth_server: %s" % msg, file=sys.stderr, flush=True)


def error(code, code_name, errmsg):
    return {"ok": 0.0, "errmsg": errmsg, "code": code, "codeName": code_name}


def mechanism_unavailable(mechanism):
    return error(334, "MechanismUnavailable",
                 "Received authentication for mechanism %s which is not enabled" % mechanism)


def scram_password(mechanism, user, password):
    """What SCRAM hashes: MongoDB's digest for SHA-1; scramp SASLprep's it for SHA-256."""
    if mechanism == "SCRAM-SHA-1":
        return hashlib.md5(("%s:mongo:%s" % (user, password)).encode()).hexdigest()
    return password


def rfc2253_subject(der):
    """The subject of a DER certificate in RFC 2253, as OpenSSL prints it."""
    out = subprocess.run(
        ["openssl", "x509", "-inform", "DER", "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb"],
        input=der, capture_output=True, timeout=30, check=True)
    line = out.stdout.decode("utf-8").strip()
    return line[len("subject="):] if line.startswith("subject=") else line


class Users:
    def __init__(self, spec):
        # (db, user) -> {"roles": [...], "scram": {mechanism: auth_info}, "x509": bool}
        self.users = {}
        for u in spec:
            entry = {"roles": list(u.get("roles") or []), "scram": {}, "x509": False}
            if u["db"] == "$external":
                entry["x509"] = True
            else:
                for mech in u.get("mechanisms") or ["SCRAM-SHA-1", "SCRAM-SHA-256"]:
                    m = scramp.ScramMechanism(mech)
                    entry["scram"][mech] = m.make_auth_info(
                        scram_password(mech, u["user"], u["password"]),
                        iteration_count=ITERATIONS[mech])
            self.users[(u["db"], u["user"])] = entry

    def enabled(self):
        return bool(self.users)

    def get(self, db, user):
        return self.users.get((db, user))


class Server:
    def __init__(self, spec, base_dir):
        def path(p):
            return p if p is None or os.path.isabs(p) else os.path.join(base_dir, p)

        self.set_name = spec.get("set_name") or "rs0"
        self.users = Users(spec.get("users") or [])
        self.client_cert = spec.get("client_cert") or "none"
        if self.client_cert not in ("none", "optional", "required"):
            raise ValueError("client_cert must be none, optional or required")
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(certfile=path(spec["cert"]), keyfile=path(spec["key"]))
        if self.client_cert != "none":
            if not spec.get("client_ca"):
                raise ValueError("client_cert %s needs client_ca" % self.client_cert)
            ctx.load_verify_locations(cafile=path(spec["client_ca"]))
            ctx.verify_mode = (ssl.CERT_REQUIRED if self.client_cert == "required"
                               else ssl.CERT_OPTIONAL)
        self.ctx = ctx
        self.process_id = ObjectId()
        self.member = None
        self.connections = 0
        self.request_ids = 0
        self.writers = set()

    # -- commands ----------------------------------------------------------------------------

    def hello(self, cmd, legacy, conn):
        reply = {
            "topologyVersion": {"processId": self.process_id, "counter": Int64(0)},
            "hosts": [self.member],
            "setName": self.set_name,
            "setVersion": 1,
            ("ismaster" if legacy else "isWritablePrimary"): True,
            "secondary": False,
            "primary": self.member,
            "me": self.member,
            "electionId": ObjectId("7fffffff0000000000000001"),
            "maxBsonObjectSize": 16 * 1024 * 1024,
            "maxMessageSizeBytes": MAX_MESSAGE,
            "maxWriteBatchSize": 100000,
            "localTime": datetime.datetime.now(datetime.timezone.utc),
            "logicalSessionTimeoutMinutes": 30,
            "connectionId": conn["id"],
            "minWireVersion": 0,
            "maxWireVersion": 21,
            "readOnly": False,
        }
        if cmd.get("helloOk"):
            reply["helloOk"] = True
        wanted = cmd.get("saslSupportedMechs")
        if isinstance(wanted, str) and "." in wanted and self.users.enabled():
            db, user = wanted.split(".", 1)
            entry = self.users.get(db, user)
            if entry and entry["scram"]:
                reply["saslSupportedMechs"] = sorted(entry["scram"])
        spec = cmd.get("speculativeAuthenticate")
        if isinstance(spec, dict) and self.users.enabled():
            db = spec.get("db", "")
            if "saslStart" in spec:
                answer = self.sasl_start(spec, db, conn)
            elif "authenticate" in spec:
                answer = self.authenticate(spec, db, conn)
            else:
                answer = {"ok": 0.0}
            if answer.get("ok") == 1.0:
                answer.pop("ok")
                reply["speculativeAuthenticate"] = answer
        reply["ok"] = 1.0
        return reply

    def sasl_start(self, cmd, db, conn):
        conn["sasl"] = None
        mechanism = cmd.get("mechanism", "")
        if mechanism not in ITERATIONS:
            return mechanism_unavailable(mechanism)
        payload = cmd.get("payload")
        payload = bytes(payload) if isinstance(payload, (bytes, Binary)) else str(payload or "").encode()
        found = {}

        def auth_fn(username):
            entry = self.users.get(db, username)
            if entry is None or mechanism not in entry["scram"]:
                raise scramp.ScramException("unknown user")
            found["user"] = username
            return entry["scram"][mechanism]

        server = scramp.ScramMechanism(mechanism).make_server(auth_fn)
        try:
            server.set_client_first(payload.decode("utf-8"))
            server_first = server.get_server_first()
        except (scramp.ScramException, UnicodeDecodeError) as e:
            log("saslStart %s on %s failed: %s" % (mechanism, db, type(e).__name__))
            return dict(AUTH_FAILED)
        options = cmd.get("options") or {}
        conn["sasl"] = {"server": server, "user": (found["user"], db), "mechanism": mechanism,
                        "skip_empty": bool(options.get("skipEmptyExchange")), "step": "final"}
        return {"conversationId": 1, "done": False,
                "payload": Binary(server_first.encode()), "ok": 1.0}

    def sasl_continue(self, cmd, conn):
        sasl = conn.get("sasl")
        conn["sasl"] = None
        if sasl is None:
            return error(17, "ProtocolError", "No SASL session state found")
        if cmd.get("conversationId") != 1:
            return error(17, "ProtocolError", "sasl: Mismatched conversation id")
        payload = cmd.get("payload")
        payload = bytes(payload) if isinstance(payload, (bytes, Binary)) else str(payload or "").encode()
        user, db = sasl["user"]
        if sasl["step"] == "empty":
            conn["user"] = (user, db)
            log("authenticated %s@%s with %s" % (user, db, sasl["mechanism"]))
            return {"conversationId": 1, "done": True, "payload": Binary(b""), "ok": 1.0}
        try:
            sasl["server"].set_client_final(payload.decode("utf-8"))
            server_final = sasl["server"].get_server_final()
        except (scramp.ScramException, UnicodeDecodeError) as e:
            log("saslContinue %s for %s@%s failed: %s" % (sasl["mechanism"], user, db,
                                                          type(e).__name__))
            return dict(AUTH_FAILED)
        if sasl["skip_empty"]:
            conn["user"] = (user, db)
            log("authenticated %s@%s with %s" % (user, db, sasl["mechanism"]))
            done = True
        else:
            sasl["step"] = "empty"
            conn["sasl"] = sasl
            done = False
        return {"conversationId": 1, "done": done,
                "payload": Binary(server_final.encode()), "ok": 1.0}

    def authenticate(self, cmd, db, conn):
        mechanism = cmd.get("mechanism", "")
        if mechanism != "MONGODB-X509":
            return mechanism_unavailable(mechanism)
        subject = conn.get("subject")
        if db != "$external" or subject is None:
            log("X509 on %s without a client certificate" % db)
            return dict(AUTH_FAILED)
        claimed = cmd.get("user")
        entry = self.users.get("$external", subject)
        if (claimed is not None and claimed != subject) or entry is None:
            log("X509 for %r: no such $external user" % subject)
            return dict(AUTH_FAILED)
        conn["user"] = (subject, "$external")
        log("authenticated %s@$external with MONGODB-X509" % subject)
        return {"dbname": "$external", "user": subject, "ok": 1.0}

    def connection_status(self, conn):
        users, roles = [], []
        if conn.get("user"):
            user, db = conn["user"]
            users = [{"user": user, "db": db}]
            entry = self.users.get(db, user) or {"roles": []}
            roles = [{"role": r["role"], "db": r["db"]} for r in entry["roles"]]
        return {"authInfo": {"authenticatedUsers": users, "authenticatedUserRoles": roles},
                "ok": 1.0}

    def respond(self, cmd, conn, op_query):
        name = next(iter(cmd), "")
        lname = name.lower()
        if lname in ("hello", "ismaster"):
            return self.hello(cmd, name != "hello", conn)
        if op_query:
            return error(352, "UnsupportedOpQueryCommand",
                         "Unsupported OP_QUERY command: %s" % name)
        db = cmd.get("$db")
        if db is None:
            return error(40571, "Location40571", "OP_MSG requests require a $db argument")
        if lname in ("ping", "endsessions"):
            return {"ok": 1.0}
        if lname == "buildinfo":
            return {"version": "7.0.14", "versionArray": [7, 0, 14, 0],
                    "gitVersion": "auth_server.py", "ok": 1.0}
        if lname == "connectionstatus":
            return self.connection_status(conn)
        if lname == "logout":
            conn["user"] = None
            return {"ok": 1.0}
        if lname == "saslstart":
            return self.sasl_start(cmd, db, conn) if self.users.enabled() else dict(AUTH_FAILED)
        if lname == "saslcontinue":
            return self.sasl_continue(cmd, conn) if self.users.enabled() else dict(AUTH_FAILED)
        if lname == "authenticate":
            return self.authenticate(cmd, db, conn) if self.users.enabled() else dict(AUTH_FAILED)
        if self.users.enabled() and not conn.get("user") and lname not in NO_AUTH_NEEDED:
            return error(13, "Unauthorized", "Command %s requires authentication" % name)
        return error(59, "CommandNotFound", "no such command: '%s'" % name)

    # -- wire protocol -----------------------------------------------------------------------

    @staticmethod
    def parse(op_code, body):
        """(command, op_query, more_to_come) of one message body, or None to close."""
        if op_code == OP_MSG:
            flags = struct.unpack_from("<I", body, 0)[0]
            end = len(body) - (4 if flags & 1 else 0)
            pos, cmd = 4, None
            while pos < end:
                kind = body[pos]
                pos += 1
                size = struct.unpack_from("<i", body, pos)[0]
                if size < 5 or pos + size > end:
                    return None
                if kind == 0:
                    cmd = bson.decode(body[pos:pos + size])
                    pos += size
                elif kind == 1:
                    section_end = pos + size
                    nul = body.index(b"\0", pos + 4)
                    ident = body[pos + 4:nul].decode()
                    docs, p = [], nul + 1
                    while p < section_end:
                        n = struct.unpack_from("<i", body, p)[0]
                        docs.append(bson.decode(body[p:p + n]))
                        p += n
                    pos = section_end
                    if cmd is not None:
                        cmd[ident] = docs
                else:
                    return None
            return (cmd, False, bool(flags & 2)) if cmd is not None else None
        if op_code == OP_QUERY:
            nul = body.index(b"\0", 4)
            collection = body[4:nul].decode()
            pos = nul + 1 + 8
            size = struct.unpack_from("<i", body, pos)[0]
            query = bson.decode(body[pos:pos + size])
            if not collection.endswith(".$cmd"):
                return None
            if "$query" in query and isinstance(query["$query"], dict):
                query = query["$query"]
            return query, True, False
        return None

    def encode(self, reply, response_to, op_query):
        self.request_ids += 1
        doc = bson.encode(reply)
        if op_query:
            body = struct.pack("<iqii", 0, 0, 0, 1) + doc
            op = OP_REPLY
        else:
            body = struct.pack("<I", 0) + b"\0" + doc
            op = OP_MSG
        return struct.pack("<iiii", 16 + len(body), self.request_ids, response_to, op) + body

    async def serve(self, reader, writer):
        self.connections += 1
        conn = {"id": self.connections, "user": None, "sasl": None, "subject": None}
        self.writers.add(writer)
        sslobj = writer.get_extra_info("ssl_object")
        der = sslobj.getpeercert(binary_form=True) if sslobj is not None else None
        if der:
            try:
                conn["subject"] = await asyncio.get_running_loop().run_in_executor(
                    None, rfc2253_subject, der)
            except (subprocess.SubprocessError, OSError, UnicodeDecodeError) as e:
                log("cannot read the client certificate's subject: %s" % e)
        log("connection %d (client certificate: %s)" % (conn["id"], conn["subject"]))
        try:
            while True:
                header = await asyncio.wait_for(reader.readexactly(16), IDLE_TIMEOUT_S)
                length, request_id, _response_to, op_code = struct.unpack("<iiii", header)
                if length < 16 or length > MAX_MESSAGE:
                    break
                body = await asyncio.wait_for(reader.readexactly(length - 16), IDLE_TIMEOUT_S)
                try:
                    parsed = self.parse(op_code, body)
                except (ValueError, IndexError, struct.error, bson.errors.BSONError):
                    parsed = None
                if parsed is None:
                    break
                cmd, op_query, more_to_come = parsed
                tv = cmd.get("topologyVersion")
                if (isinstance(tv, dict) and tv.get("processId") == self.process_id
                        and "maxAwaitTimeMS" in cmd):
                    await asyncio.sleep(min(float(cmd["maxAwaitTimeMS"]) / 1000.0, MAX_AWAIT_S))
                reply = self.respond(cmd, conn, op_query)
                if more_to_come:
                    continue
                writer.write(self.encode(reply, request_id, op_query))
                await asyncio.wait_for(writer.drain(), 30)
        except (asyncio.IncompleteReadError, asyncio.TimeoutError, ConnectionError, ssl.SSLError):
            pass
        finally:
            self.writers.discard(writer)
            writer.close()


async def main():
    if len(sys.argv) > 1:
        with open(sys.argv[1]) as f:
            spec = json.load(f)
        base_dir = os.path.dirname(os.path.abspath(sys.argv[1]))
        stdin_is_spec = False
    else:
        spec = json.loads(sys.stdin.readline())
        base_dir = os.getcwd()
        stdin_is_spec = True
    server = Server(spec, base_dir)
    listener = await asyncio.start_server(server.serve, "127.0.0.1", 0, ssl=server.ctx,
                                          ssl_handshake_timeout=HANDSHAKE_TIMEOUT_S)
    port = listener.sockets[0].getsockname()[1]
    server.member = "localhost:%d" % port
    openssl_version = subprocess.run(["openssl", "version"], capture_output=True,
                                     timeout=30).stdout.decode().strip()
    print(json.dumps({"port": port, "member": server.member, "set_name": server.set_name,
                      "client_cert": server.client_cert, "pymongo": pymongo.version,
                      "scramp": getattr(scramp, "__version__", "unknown"),
                      "openssl": openssl_version, "ssl": ssl.OPENSSL_VERSION}), flush=True)

    loop = asyncio.get_running_loop()
    stdin_closed = loop.create_future()

    def wait_for_eof():
        # The rest of stdin (after a spec line) until EOF: the signal to stop.
        try:
            while sys.stdin.read(4096):
                pass
        finally:
            loop.call_soon_threadsafe(lambda: stdin_closed.done() or stdin_closed.set_result(None))

    threading.Thread(target=wait_for_eof, daemon=True).start()
    del stdin_is_spec
    await stdin_closed
    listener.close()
    for writer in list(server.writers):
        writer.close()
    try:
        await asyncio.wait_for(listener.wait_closed(), 5)
    except asyncio.TimeoutError:
        pass


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
