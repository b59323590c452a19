// The Java driver's verdict on x509-limbo SERVER cases: JSSE's PKIX trust manager, then the
// HTTPS host-name identity check, exactly as the MongoDB Java driver configures them.
//
// Run by tests/it/limbo_clients.rs:
//   javac --add-exports java.base/sun.security.util=ALL-UNNAMED -d OUT Judge.java
//   java  --add-exports java.base/sun.security.util=ALL-UNNAMED -cp OUT Judge MANIFEST
// MANIFEST: one case per line, tab-separated: id, directory (trusted.pem, inter.pem, leaf.pem),
// evaluation time in Unix seconds, peer-name kind (DNS, IP or -), peer name (or -).
// Output: one JSON object per case on stdout: {"id", "result": "accept"|"reject", "error"}.
//
// What the driver does, and what this program does in its place:
// - The driver hands the JDK an SSLContext whose trust manager comes from
//   TrustManagerFactory("PKIX") (the default algorithm) over the CA file's certificates; here
//   the same factory is initialised with CertPathTrustManagerParameters so that the evaluation
//   time can be the case's (PKIXBuilderParameters.setDate); revocation checking is off, as it is
//   by default for a TLS client (com.sun.net.ssl.checkRevocation=false).
// - In the handshake JSSE calls checkServerTrusted(chain, authType, engine). The chain is what
//   the server sent: leaf first, then the untrusted intermediates. authType: for TLS 1.3 JSSE
//   passes "UNKNOWN" (CertificateMessage.T13CertificateConsumer: the key exchange is not tied to
//   the certificate); for TLS 1.2 the cipher suite's key exchange ("ECDHE_RSA", "ECDHE_ECDSA").
//   All three are in EndEntityChecker's KU_SERVER_SIGNATURE list, so the end-entity checks
//   (keyUsage digitalSignature when present, EKU serverAuth when present) are the same; this
//   judge passes "UNKNOWN", what a MongoDB 4.2+ server negotiating TLS 1.3 gets.
// - Endpoint identification: the driver sets endpointIdentificationAlgorithm "HTTPS" (unless
//   invalid host names are allowed), so X509TrustManagerImpl.checkIdentity runs
//   sun.security.util.HostnameChecker.getInstance(TYPE_TLS).match(host, leaf, chainsToPublicCA)
//   with brackets stripped from an IPv6 literal; chainsToPublicCA is false for a private CA.
//   The engine-less checkServerTrusted(chain, authType) used here skips that step, so it is
//   called directly.
// - Not reproduced: the TLS-level algorithm constraints (jdk.tls.disabledAlgorithms and the
//   client's signature_algorithms_cert list) that the engine variant adds on top of
//   jdk.certpath.disabledAlgorithms; they need a live handshake session.

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import sun.security.util.HostnameChecker;

public final class Judge {
    public static void main(String[] args) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String error;
            try {
                error = judge(Path.of(f[1]), Long.parseLong(f[2]), f[3], f[4]);
            } catch (Throwable t) {
                error = describe(t);
            }
            out.append("{\"id\":").append(quote(f[0]))
                .append(",\"result\":\"").append(error == null ? "accept" : "reject")
                .append("\",\"error\":").append(error == null ? "null" : quote(error))
                .append("}\n");
        }
        System.out.print(out);
        System.out.flush();
    }

    /** Null when the driver would connect, else why not. */
    static String judge(Path dir, long epochSeconds, String kind, String name) throws Exception {
        List<X509Certificate> trusted = read(dir.resolve("trusted.pem"));
        List<X509Certificate> chain = new ArrayList<>(read(dir.resolve("leaf.pem")));
        chain.addAll(read(dir.resolve("inter.pem")));
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate c : trusted) {
            anchors.add(new TrustAnchor(c, null));
        }
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, null);
        params.setRevocationEnabled(false);
        params.setDate(new Date(epochSeconds * 1000L));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(new CertPathTrustManagerParameters(params));
        X509TrustManager tm = null;
        for (TrustManager t : tmf.getTrustManagers()) {
            if (t instanceof X509TrustManager) {
                tm = (X509TrustManager) t;
            }
        }
        if (tm == null) {
            return "no X509TrustManager";
        }
        X509Certificate[] presented = chain.toArray(new X509Certificate[0]);
        try {
            tm.checkServerTrusted(presented, "UNKNOWN");
        } catch (Exception e) {
            return describe(e);
        }
        if (!"-".equals(kind)) {
            String host = name;
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                HostnameChecker.getInstance(HostnameChecker.TYPE_TLS).match(host, presented[0], false);
            } catch (Exception e) {
                return "host name: " + describe(e);
            }
        }
        return null;
    }

    static List<X509Certificate> read(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        List<X509Certificate> out = new ArrayList<>();
        if (bytes.length == 0) {
            return out;
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(bytes))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    /** The exception and its causes, as one line. */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString().replace('\n', ' ');
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20 || ch > 0x7e) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
