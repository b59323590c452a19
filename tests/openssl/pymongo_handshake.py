"""One TLS handshake the way PyMongo makes it, for tests/it/openssl_acceptance.rs.

Usage: pymongo_handshake.py CAFILE ADDRESS PORT HOST

PyMongo (pymongo/ssl_support.py) builds an ssl.SSLContext, loads the tlsCAFile, requires a
certificate and checks the host name; it leaves hostname_checks_common_name at its default.
Prints an INFO line, then exactly one verdict line:
  OK <tls version>
  REJECT <verify_code> <verify_message>
  ERROR <exception type> <text>
"""

import socket
import ssl
import sys


def main() -> int:
    cafile, address, port, host = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(cafile)
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    print(
        "INFO",
        ssl.OPENSSL_VERSION,
        "hostname_checks_common_name=%s" % ctx.hostname_checks_common_name,
        "security_level=%s" % getattr(ctx, "security_level", "?"),
        flush=True,
    )
    try:
        # Connect to the address s_server listens on, verify against the host name the user
        # gave (what PyMongo does after resolving the host).
        raw = socket.create_connection((address, port), timeout=10)
        with ctx.wrap_socket(raw, server_hostname=host) as tls:
            print("OK", tls.version(), flush=True)
    except ssl.SSLCertVerificationError as e:
        print("REJECT", e.verify_code, e.verify_message, flush=True)
    except Exception as e:  # noqa: BLE001 - any other failure is reported, not judged
        print("ERROR", type(e).__name__, str(e).replace("\n", " "), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
