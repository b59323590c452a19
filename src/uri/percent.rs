//! Percent-encoding (RFC 3986) of the parts of a connection string: decoding what was
//! written, encoding what [`ConnectionString::redacted`](super::ConnectionString::redacted)
//! renders.

use std::fmt;

/// What is wrong with a percent-encoded part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodingProblem {
    /// A `%` not followed by two hex digits; `position` counts characters from 1 in the part
    /// as written.
    BadEscape {
        /// Where the `%` is (1-based, in characters).
        position: usize,
    },
    /// The escapes decode to bytes that are not UTF-8.
    NotUtf8,
}

impl fmt::Display for EncodingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodingProblem::BadEscape { position } => f.write_str(&crate::tr!(
                "uri-encoding-bad-escape",
                position = position.to_string()
            )),
            EncodingProblem::NotUtf8 => f.write_str(&crate::tr!("uri-encoding-not-utf8")),
        }
    }
}

/// A percent-decoding failure, before we know whether the text may be quoted.
pub(super) struct DecodeError {
    /// The offending escape (`%zz`), or the whole text for bad UTF-8.
    pub(super) snippet: String,
    pub(super) problem: EncodingProblem,
}

/// RFC 3986 percent-decoding (`+` stays `+`).
pub(super) fn decode(text: &str) -> Result<String, DecodeError> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut chars = text.char_indices().enumerate();
    while let Some((index, (offset, c))) = chars.next() {
        if c != '%' {
            let mut buf = [0u8; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        let hex = text.get(offset + 1..offset + 3);
        let byte = hex
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match byte {
            Some(byte) => {
                bytes.push(byte);
                chars.next();
                chars.next();
            }
            None => {
                let snippet: String = text.get(offset..).unwrap_or("").chars().take(3).collect();
                return Err(DecodeError {
                    snippet,
                    problem: EncodingProblem::BadEscape {
                        position: index + 1,
                    },
                });
            }
        }
    }
    String::from_utf8(bytes).map_err(|_| DecodeError {
        snippet: text.to_owned(),
        problem: EncodingProblem::NotUtf8,
    })
}

/// Characters left as they are in rendered option values, besides the unreserved ones.
pub(super) const VALUE_SAFE: &str = "/:,";

/// Percent-encodes all but RFC 3986 unreserved characters and `keep`.
pub(super) fn encode(text: &str, keep: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "-._~".contains(c) || keep.contains(c) {
            out.push(c);
        } else {
            out.push_str(&percent_escape(c));
        }
    }
    out
}

/// `c` as the percent-escapes of its UTF-8 bytes (`%40` for `@`).
pub(super) fn percent_escape(c: char) -> String {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf)
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::uri::test_helpers::ok;

    #[test]
    fn percent_encoding_is_decoded() {
        let cs = ok("mongodb://us%40er%3A1:p%40ss%3Aw%2Fd%25%C3%A9@h/my%2Ddb\
                     ?appName=my%20app%26co&tlsCAFile=%2Fetc%2Fssl%2Fca.pem");
        assert_eq!(cs.username.as_deref(), Some("us@er:1"));
        assert_eq!(cs.password.as_ref().map(|s| s.expose()), Some("p@ss:w/d%é"));
        assert_eq!(cs.database.as_deref(), Some("my-db"));
        assert_eq!(cs.options.app_name.as_deref(), Some("my app&co"));
        assert_eq!(
            cs.options.tls_ca_file,
            Some(PathBuf::from("/etc/ssl/ca.pem"))
        );
        // '+' is not a space (RFC 3986, not form encoding).
        let cs = ok("mongodb://u:a+b@h/?appName=a+b");
        assert_eq!(cs.password.as_ref().map(|s| s.expose()), Some("a+b"));
        assert_eq!(cs.options.app_name.as_deref(), Some("a+b"));
        // A password may hold reserved characters other than '@', ':' and '/' unescaped.
        let cs = ok("mongodb://u:p?q!$@h/");
        assert_eq!(cs.password.as_ref().map(|s| s.expose()), Some("p?q!$"));
    }
}
