//! Whether DER is exactly one X.509 certificate, and if not, why not in words a user can act on.

use super::asn1::read_header;
use crate::tr;

/// Whether `der` is exactly one X.509 certificate that x509-parser accepts.
pub(super) fn check_certificate(der: &[u8]) -> Result<(), String> {
    match x509_parser::parse_x509_certificate(der) {
        Ok(([], _)) => Ok(()),
        Ok((rest, _)) => Err(tr!("pki-x509-followed-by-data", count = rest.len())),
        Err(err) => Err(describe_x509_error(der, &err)),
    }
}

pub(super) fn describe_x509_error(
    der: &[u8],
    err: &x509_parser::nom::Err<x509_parser::error::X509Error>,
) -> String {
    if let Some(problem) = truncation_problem(der) {
        return problem;
    }
    match err {
        x509_parser::nom::Err::Incomplete(_) => tr!("pki-x509-incomplete"),
        x509_parser::nom::Err::Error(e) | x509_parser::nom::Err::Failure(e) => {
            tr!("pki-cert-invalid", detail = e.to_string())
        }
    }
}

/// "cut short" when the outer DER header announces more bytes than there are.
fn truncation_problem(der: &[u8]) -> Option<String> {
    let header = read_header(der)?;
    let total = header.header_len.checked_add(header.len?)?;
    (total > der.len()).then(|| {
        tr!(
            "pki-x509-truncated",
            announced = total.to_string(),
            actual = der.len().to_string(),
        )
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::pki::bundle::test_support::{cert_der, only_rejection, parse_error_detail, pem};
    use crate::pki::bundle::{parse_input, InputFormat};

    #[test]
    fn block_that_is_not_a_certificate_is_a_parse_error() {
        let text = pem("CERTIFICATE", b"\x30\x06\x02\x01\x00\x02\x01\x00");
        let parsed = parse_input("x.pem", text.as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("X.509"), "{detail}");
    }

    #[test]
    fn certificate_with_trailing_bytes_is_a_parse_error() {
        let der = [cert_der("a.example"), vec![0x05, 0x00]].concat();
        let parsed = parse_input("x.pem", pem("CERTIFICATE", &der).as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("followed by 2 bytes"), "{detail}");
    }

    #[test]
    fn truncated_der() {
        let der = cert_der("a.example");
        let parsed = parse_input("ca.der", &der[..der.len() / 2]);
        let rejected = only_rejection(&parsed);
        assert_eq!(rejected.origin.format, Some(InputFormat::Der));
        let detail = parse_error_detail(&rejected.kind);
        assert!(detail.contains("cut short"), "{detail}");
    }

    #[test]
    fn der_with_trailing_bytes() {
        let der = [cert_der("a.example"), b"junk".to_vec()].concat();
        let parsed = parse_input("ca.der", &der);
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("followed by 4 bytes"), "{detail}");
    }
}
