//! The scheme: `mongodb://` is read, `mongodb+srv://` refused with the way out, anything
//! else explained.

use super::error::UriError;

/// Removes `mongodb://` (any case), or says what is wrong with the scheme.
pub(super) fn strip_scheme(text: &str) -> Result<&str, UriError> {
    const SCHEME: &str = "mongodb://";
    const SRV: &str = "mongodb+srv://";
    if let Some(prefix) = text.get(..SCHEME.len()) {
        if prefix.eq_ignore_ascii_case(SCHEME) {
            return Ok(text.get(SCHEME.len()..).unwrap_or(""));
        }
    }
    if let Some(prefix) = text.get(..SRV.len()) {
        if prefix.eq_ignore_ascii_case(SRV) {
            let rest = text.get(SRV.len()..).unwrap_or("");
            return Err(UriError::SrvNotSupported {
                host: srv_host(rest),
            });
        }
    }
    match text.split_once("://") {
        Some((scheme, _))
            if !scheme.is_empty()
                && scheme.len() <= 20
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            Err(UriError::UnsupportedScheme {
                scheme: scheme.to_owned(),
            })
        }
        Some(_) => Err(UriError::MissingScheme),
        None => {
            let malformed = text
                .get(..8)
                .is_some_and(|p| p.eq_ignore_ascii_case("mongodb:"));
            Err(if malformed {
                UriError::MalformedScheme
            } else {
                UriError::MissingScheme
            })
        }
    }
}

/// The SRV name of a `mongodb+srv://` string, when it can be read without any chance of
/// quoting a password.
fn srv_host(rest: &str) -> Option<String> {
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = rest.get(..end)?;
    let host = match authority.rsplit_once('@') {
        Some((_, host)) => host,
        None if rest.contains('@') => return None,
        None => authority,
    };
    let plain = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    plain.then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::test_helpers::err;

    #[test]
    fn srv_is_refused_with_the_way_out() {
        let e = err("mongodb+srv://user:pw@Cluster0.abcde.mongodb.net/?retryWrites=true");
        assert_eq!(
            e.to_string(),
            "mongodb+srv:// URIs are not supported yet: resolve the SRV record \
             (dig SRV _mongodb._tcp.cluster0.abcde.mongodb.net) and pass the hosts as \
             mongodb://h1:p1,h2:p2/?tls=true"
        );
        let e = err("MONGODB+SRV://us:er/pw@host/");
        assert_eq!(e, UriError::SrvNotSupported { host: None });
        assert!(e.to_string().contains("_mongodb._tcp.HOST"), "{e}");
    }
}
