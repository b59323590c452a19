//! The scheme: `mongodb://` and `mongodb+srv://` are read, anything else explained.

use super::error::UriError;

/// Which of the two schemes a connection string uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scheme {
    /// `mongodb://`: a host list.
    Mongodb,
    /// `mongodb+srv://`: one host name whose SRV record lists the hosts.
    Srv,
}

/// Removes `mongodb://` or `mongodb+srv://` (any case), or says what is wrong with the
/// scheme.
pub(super) fn strip_scheme(text: &str) -> Result<(Scheme, &str), UriError> {
    for (scheme, prefix) in [
        (Scheme::Mongodb, "mongodb://"),
        (Scheme::Srv, "mongodb+srv://"),
    ] {
        if text
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        {
            return Ok((scheme, text.get(prefix.len()..).unwrap_or("")));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_schemes_in_any_case() {
        assert_eq!(strip_scheme("MongoDB://h/"), Ok((Scheme::Mongodb, "h/")));
        assert_eq!(
            strip_scheme("MONGODB+SRV://u:p@h/"),
            Ok((Scheme::Srv, "u:p@h/"))
        );
        assert!(matches!(
            strip_scheme("mongodb+srvx://h/"),
            Err(UriError::UnsupportedScheme { .. })
        ));
    }
}
