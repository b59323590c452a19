//! What a failed TLS handshake means, as findings: a timeout, a server without TLS, and the
//! ways a server refuses a client certificate (missing, refused with an alert, refused by
//! closing), also when the refusal only arrives on the first read after a TLS 1.3 handshake.

use crate::findings::{Code, Finding};
use crate::net::{self, NetError, TlsFailure};
use crate::tr;
use crate::wire::io::CommandError;

use super::{fail, member_error};

/// The handshake failed over the client certificate (asked for, missing or refused), so the
/// server does speak TLS.
pub(super) fn client_cert_problem(e: &NetError, observed: &net::Observed) -> bool {
    observed.client_cert_requested
        || matches!(e, NetError::Tls(TlsFailure::Alert(alert)) if alert == "CertificateRequired")
}

pub(super) fn tls_failure_finding(
    address: &str,
    e: &NetError,
    observed: &net::Observed,
) -> Finding {
    match e {
        NetError::TlsTimeout { .. } => fail(
            Code::TlsHandshakeTimeout,
            member_error(address, e),
            tr!("check-tls-timeout-hint"),
        ),
        NetError::Tls(TlsFailure::Alert(alert))
            if alert == "CertificateRequired"
                || (observed.client_cert_requested && !observed.client_cert_offered) =>
        {
            fail(
                Code::TlsClientCertRequired,
                tr!(
                    "check-client-cert-required-alert",
                    address = address,
                    alert = alert_name(alert).0
                ),
                tr!("check-client-cert-required-hint"),
            )
        }
        NetError::Tls(_) if observed.client_cert_requested && !observed.client_cert_offered => {
            fail(
                Code::TlsClientCertRequired,
                tr!(
                    "check-client-cert-required",
                    address = address,
                    error = e.to_string()
                ),
                tr!("check-client-cert-required-hint"),
            )
        }
        NetError::Tls(TlsFailure::Alert(alert)) if observed.client_cert_offered => {
            let (name, meaning) = alert_name(alert);
            fail(
                Code::TlsClientCertRejected,
                tr!(
                    "check-client-cert-rejected-alert",
                    address = address,
                    alert = name,
                    meaning = meaning
                ),
                tr!("check-client-cert-rejected-alert-hint"),
            )
        }
        NetError::Tls(TlsFailure::Closed(_))
            if observed.client_cert_requested && observed.client_cert_offered =>
        {
            fail(
                Code::TlsClientCertRejected,
                tr!(
                    "check-client-cert-rejected-closed",
                    address = address,
                    error = e.to_string()
                ),
                tr!("check-client-cert-rejected-closed-hint"),
            )
        }
        NetError::Tls(TlsFailure::Closed(_)) => fail(
            Code::TlsHandshakeFailed,
            tr!("check-tls-closed", address = address, error = e.to_string()),
            tr!("check-tls-closed-hint"),
        ),
        _ => fail(
            Code::TlsHandshakeFailed,
            member_error(address, e),
            tr!("check-tls-failed-hint"),
        ),
    }
}

/// A server's refusal of the client certificate that came after the handshake, on the first
/// read (TLS 1.3), as the TLS error it is: only when the server asked for a certificate (or
/// its alert says one is required).
pub(super) fn late_client_cert_refusal(
    e: &CommandError,
    observed: &net::Observed,
) -> Option<NetError> {
    let CommandError::Wire(crate::wire::WireError::Io { source, .. }) = e else {
        return None;
    };
    match net::alert_in(source) {
        Some(alert) => (observed.client_cert_requested || alert == "CertificateRequired")
            .then_some(NetError::Tls(TlsFailure::Alert(alert))),
        // Some servers (Python's ssl, for one) close without an alert when they refuse the
        // certificate, or its absence, after a TLS 1.3 handshake.
        None if observed.client_cert_requested
            && matches!(
                source.kind(),
                std::io::ErrorKind::UnexpectedEof
                    | std::io::ErrorKind::ConnectionReset
                    | std::io::ErrorKind::ConnectionAborted
                    | std::io::ErrorKind::BrokenPipe
            ) =>
        {
            Some(NetError::Tls(TlsFailure::Closed(tr!(
                "check-tls-closed-after-handshake",
                error = source.to_string()
            ))))
        }
        None => None,
    }
}

/// The RFC 8446 name of an alert (as rustls names it in [`TlsFailure::Alert`]) and what it
/// likely means when it answers a client certificate.
fn alert_name(alert: &str) -> (&str, String) {
    match alert {
        "CertificateRequired" => (
            "certificate_required (116)",
            tr!("check-alert-certificate-required"),
        ),
        "BadCertificate" => ("bad_certificate (42)", tr!("check-alert-bad-certificate")),
        "UnknownCA" => ("unknown_ca (48)", tr!("check-alert-unknown-ca")),
        "CertificateExpired" => (
            "certificate_expired (45)",
            tr!("check-alert-certificate-expired"),
        ),
        "UnsupportedCertificate" => (
            "unsupported_certificate (43)",
            tr!("check-alert-unsupported-certificate"),
        ),
        "CertificateRevoked" => (
            "certificate_revoked (44)",
            tr!("check-alert-certificate-revoked"),
        ),
        "CertificateUnknown" => (
            "certificate_unknown (46)",
            tr!("check-alert-certificate-unknown"),
        ),
        "AccessDenied" => ("access_denied (49)", tr!("check-alert-access-denied")),
        "DecryptError" => ("decrypt_error (51)", tr!("check-alert-decrypt-error")),
        "HandshakeFailure" => (
            "handshake_failure (40)",
            tr!("check-alert-handshake-failure"),
        ),
        "IllegalParameter" => (
            "illegal_parameter (47)",
            tr!("check-alert-illegal-parameter"),
        ),
        other => (other, tr!("check-alert-other")),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn observed(requested: bool, offered: bool) -> net::Observed {
        net::Observed {
            chain: Vec::new(),
            client_cert_requested: requested,
            client_cert_offered: offered,
        }
    }

    fn alert(name: &str) -> NetError {
        NetError::Tls(TlsFailure::Alert(name.into()))
    }

    #[test]
    fn a_refusal_without_a_certificate_is_required_with_the_alert_named() {
        for (name, shown) in [
            ("HandshakeFailure", "handshake_failure (40)"),
            ("CertificateRequired", "certificate_required (116)"),
        ] {
            let f = tls_failure_finding("h:1", &alert(name), &observed(true, false));
            assert_eq!(f.code, Code::TlsClientCertRequired);
            assert!(f.message.contains(shown), "{}", f.message);
            assert!(f.hint.contains("--client-cert"));
        }
        // certificate_required says it even when the request was not seen.
        let f = tls_failure_finding(
            "h:1",
            &alert("CertificateRequired"),
            &observed(false, false),
        );
        assert_eq!(f.code, Code::TlsClientCertRequired);
        // A close after the request, without an alert, too.
        let closed = NetError::Tls(TlsFailure::Closed("end of stream".into()));
        let f = tls_failure_finding("h:1", &closed, &observed(true, false));
        assert_eq!(f.code, Code::TlsClientCertRequired);
    }

    #[test]
    fn a_refusal_of_a_given_certificate_is_rejected_naming_the_alert() {
        for (name, shown, meaning) in [
            (
                "UnknownCA",
                "unknown_ca (48)",
                "not issued by a CA the server trusts",
            ),
            ("CertificateExpired", "certificate_expired (45)", "expired"),
            ("BadCertificate", "bad_certificate (42)", "key"),
            (
                "UnsupportedCertificate",
                "unsupported_certificate (43)",
                "clientAuth",
            ),
            ("AccessDenied", "access_denied (49)", "not allowed"),
            ("DecryptError", "decrypt_error (51)", "does not belong"),
        ] {
            let f = tls_failure_finding("h:1", &alert(name), &observed(true, true));
            assert_eq!(f.code, Code::TlsClientCertRejected, "{name}");
            assert!(f.message.contains(shown), "{}", f.message);
            assert!(f.message.contains(meaning), "{}", f.message);
        }
        // Without a client certificate in play, an alert stays a handshake failure.
        let f = tls_failure_finding("h:1", &alert("UnknownCA"), &observed(false, false));
        assert_eq!(f.code, Code::TlsHandshakeFailed);
    }

    #[test]
    fn an_alert_on_the_first_read_is_a_late_refusal_only_when_a_certificate_was_asked_for() {
        let io_alert = |a: rustls::AlertDescription| {
            CommandError::Wire(crate::wire::WireError::Io {
                during: "reading a message header",
                source: std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    rustls::Error::AlertReceived(a),
                ),
            })
        };
        let late = late_client_cert_refusal(
            &io_alert(rustls::AlertDescription::UnknownCA),
            &observed(true, true),
        );
        assert_eq!(late, Some(alert("UnknownCA")));
        let late = late_client_cert_refusal(
            &io_alert(rustls::AlertDescription::CertificateRequired),
            &observed(false, false),
        );
        assert_eq!(late, Some(alert("CertificateRequired")));
        assert_eq!(
            late_client_cert_refusal(
                &io_alert(rustls::AlertDescription::InternalError),
                &observed(false, false)
            ),
            None
        );
        assert_eq!(
            late_client_cert_refusal(
                &CommandError::Timeout(Duration::from_secs(1)),
                &observed(true, false)
            ),
            None
        );
    }

    #[test]
    fn a_close_without_alert_after_a_certificate_request_is_about_the_certificate() {
        let eof = || {
            CommandError::Wire(crate::wire::WireError::Io {
                during: "reading a message header",
                source: std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "peer closed"),
            })
        };
        // Not asked for a certificate: an ordinary failed hello.
        assert_eq!(
            late_client_cert_refusal(&eof(), &observed(false, false)),
            None
        );
        let none_given = late_client_cert_refusal(&eof(), &observed(true, false)).unwrap();
        let f = tls_failure_finding("h:1", &none_given, &observed(true, false));
        assert_eq!(f.code, Code::TlsClientCertRequired);
        let refused = late_client_cert_refusal(&eof(), &observed(true, true)).unwrap();
        let f = tls_failure_finding("h:1", &refused, &observed(true, true));
        assert_eq!(f.code, Code::TlsClientCertRejected);
        assert!(f.message.contains("without an alert"), "{}", f.message);
    }
}
