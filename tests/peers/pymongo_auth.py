"""PyMongo as an independent judge of authentication: connect, authenticate, run connectionStatus.

Usage: pymongo_auth.py < REQUEST.json   (the request on stdin, so no password is on argv)

REQUEST: {"uri": "mongodb://localhost:P/?replicaSet=rs&tls=true",   (no credentials in it)
          "username": "app" | null, "password": "..." | null,
          "authSource": "admin" | "$external" | null,
          "authMechanism": "SCRAM-SHA-256" | "SCRAM-SHA-1" | "MONGODB-X509" | null,
          "tlsCAFile": "ca.pem" | null, "tlsCertificateKeyFile": "client.pem" | null,
          "timeout_ms": 5000}

Prints one JSON line:
  {"ok": true, "users": [{"user", "db"}], "roles": [{"role", "db"}], "pymongo": "4.x"}
or
  {"ok": false, "error_type": "OperationFailure", "code": 18, "error": "..."}
and exits 0 either way (a failure to authenticate is a verdict, not a crash).
"""

import json
import sys

import pymongo
from pymongo.errors import OperationFailure, PyMongoError


def main():
    req = json.load(sys.stdin)
    timeout = int(req.get("timeout_ms") or 5000)
    kwargs = {
        "serverSelectionTimeoutMS": timeout,
        "connectTimeoutMS": timeout,
        "socketTimeoutMS": timeout,
    }
    for key in ("username", "password", "authSource", "authMechanism", "tlsCAFile",
                "tlsCertificateKeyFile"):
        if req.get(key) is not None:
            kwargs[key] = req[key]
    out = {"pymongo": pymongo.version}
    client = None
    try:
        client = pymongo.MongoClient(req["uri"], **kwargs)
        status = client.admin.command("connectionStatus")
        info = status.get("authInfo", {})
        out.update({
            "ok": True,
            "users": info.get("authenticatedUsers", []),
            "roles": info.get("authenticatedUserRoles", []),
        })
    except OperationFailure as e:
        out.update({"ok": False, "error_type": type(e).__name__, "code": e.code, "error": str(e)})
    except PyMongoError as e:
        out.update({"ok": False, "error_type": type(e).__name__, "code": None, "error": str(e)})
    finally:
        if client is not None:
            client.close()
    print(json.dumps(out, default=str), flush=True)


if __name__ == "__main__":
    main()
