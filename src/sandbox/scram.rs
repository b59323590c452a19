//! The server side of SCRAM-SHA-1 and SCRAM-SHA-256 (RFC 5802, RFC 7677) as mongod runs it:
//! stored credentials made from a password, and one conversation (client-first → server-first,
//! client-final → server-final). Pure apart from the random salt and nonce.
//!
//! MongoDB's twists: SCRAM-SHA-1 hashes `hex(md5("user:mongo:password"))` instead of the
//! password (and does not SASLprep it); SCRAM-SHA-256 SASLprep's the password (RFC 4013). No
//! crate serves both mechanisms on the server side, so this follows the RFCs with ring's HMAC,
//! PBKDF2 and digests, and the `stringprep` crate.

use std::fmt;
use std::num::NonZeroU32;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use md5::{Digest as _, Md5};
use ring::rand::{SecureRandom, SystemRandom};
use ring::{digest, hmac, pbkdf2};

/// A SCRAM mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScramMechanism {
    /// `SCRAM-SHA-1`, on MongoDB's password digest.
    Sha1,
    /// `SCRAM-SHA-256`, on the SASLprep'd password.
    Sha256,
}

impl ScramMechanism {
    /// Both, in the order mongod lists them in `saslSupportedMechs`.
    pub const ALL: [ScramMechanism; 2] = [ScramMechanism::Sha1, ScramMechanism::Sha256];

    /// The SASL name (`SCRAM-SHA-256`).
    pub fn name(self) -> &'static str {
        match self {
            ScramMechanism::Sha1 => "SCRAM-SHA-1",
            ScramMechanism::Sha256 => "SCRAM-SHA-256",
        }
    }

    /// The mechanism called `name`.
    pub fn from_name(name: &str) -> Option<ScramMechanism> {
        ScramMechanism::ALL.into_iter().find(|m| m.name() == name)
    }

    /// mongod's default iteration count (`scramIterationCount`, `scramSHA256IterationCount`).
    fn iterations(self) -> NonZeroU32 {
        match self {
            ScramMechanism::Sha1 => NonZeroU32::MIN.saturating_add(10_000 - 1),
            ScramMechanism::Sha256 => NonZeroU32::MIN.saturating_add(15_000 - 1),
        }
    }

    /// The salt length mongod uses (the hash length minus 4 bytes for SHA-256, 16 for SHA-1).
    fn salt_len(self) -> usize {
        match self {
            ScramMechanism::Sha1 => 16,
            ScramMechanism::Sha256 => 28,
        }
    }

    fn hmac(self) -> hmac::Algorithm {
        match self {
            ScramMechanism::Sha1 => hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
            ScramMechanism::Sha256 => hmac::HMAC_SHA256,
        }
    }

    fn pbkdf2(self) -> pbkdf2::Algorithm {
        match self {
            ScramMechanism::Sha1 => pbkdf2::PBKDF2_HMAC_SHA1,
            ScramMechanism::Sha256 => pbkdf2::PBKDF2_HMAC_SHA256,
        }
    }

    fn digest(self) -> &'static digest::Algorithm {
        match self {
            ScramMechanism::Sha1 => &digest::SHA1_FOR_LEGACY_USE_ONLY,
            ScramMechanism::Sha256 => &digest::SHA256,
        }
    }

    fn output_len(self) -> usize {
        self.digest().output_len()
    }
}

impl fmt::Display for ScramMechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What mongod stores for one user and mechanism: salt, iterations, StoredKey, ServerKey.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct StoredCredential {
    mechanism: ScramMechanism,
    salt: Vec<u8>,
    iterations: NonZeroU32,
    stored_key: Vec<u8>,
    server_key: Vec<u8>,
}

impl fmt::Debug for StoredCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredCredential")
            .field("mechanism", &self.mechanism)
            .field("iterations", &self.iterations)
            .finish_non_exhaustive()
    }
}

/// Why a credential could not be made or a conversation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ScramError {
    /// The password is not valid under SASLprep (SCRAM-SHA-256).
    #[error("the password is not valid under SASLprep (RFC 4013)")]
    Saslprep,
    /// The system random generator failed.
    #[error("the system random number generator failed")]
    Random,
    /// A SCRAM message does not follow RFC 5802.
    #[error("malformed SCRAM message: {0}")]
    Malformed(&'static str),
    /// The proof does not match: wrong password.
    #[error("the client proof does not match")]
    BadProof,
}

/// SaltedPassword (RFC 5802 §3): PBKDF2 over the mechanism's password text (MongoDB's digest
/// for SCRAM-SHA-1, SASLprep for SCRAM-SHA-256).
fn salted_password(
    mechanism: ScramMechanism,
    user: &str,
    password: &str,
    salt: &[u8],
    iterations: NonZeroU32,
) -> Result<Vec<u8>, ScramError> {
    let hashed = hashed_password(mechanism, user, password)?;
    let mut salted = vec![0u8; mechanism.output_len()];
    pbkdf2::derive(
        mechanism.pbkdf2(),
        iterations,
        salt,
        hashed.as_bytes(),
        &mut salted,
    );
    Ok(salted)
}

/// The text SCRAM hashes for `user`'s `password` under `mechanism`.
fn hashed_password(
    mechanism: ScramMechanism,
    user: &str,
    password: &str,
) -> Result<String, ScramError> {
    match mechanism {
        ScramMechanism::Sha1 => {
            let digest = Md5::digest(format!("{user}:mongo:{password}").as_bytes());
            Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
        }
        ScramMechanism::Sha256 => stringprep::saslprep(password)
            .map(|p| p.into_owned())
            .map_err(|_| ScramError::Saslprep),
    }
}

fn random_bytes(len: usize) -> Result<Vec<u8>, ScramError> {
    let mut bytes = vec![0u8; len];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| ScramError::Random)?;
    Ok(bytes)
}

fn hmac_of(mechanism: ScramMechanism, key: &[u8], data: &[u8]) -> Vec<u8> {
    let key = hmac::Key::new(mechanism.hmac(), key);
    hmac::sign(&key, data).as_ref().to_vec()
}

impl StoredCredential {
    /// The mechanism this credential serves.
    pub(crate) fn mechanism(&self) -> ScramMechanism {
        self.mechanism
    }

    /// The credential of `user` with `password`, with a fresh random salt.
    pub(crate) fn new(
        mechanism: ScramMechanism,
        user: &str,
        password: &str,
    ) -> Result<StoredCredential, ScramError> {
        let salt = random_bytes(mechanism.salt_len())?;
        StoredCredential::with_salt(mechanism, user, password, salt, mechanism.iterations())
    }

    fn with_salt(
        mechanism: ScramMechanism,
        user: &str,
        password: &str,
        salt: Vec<u8>,
        iterations: NonZeroU32,
    ) -> Result<StoredCredential, ScramError> {
        let salted = salted_password(mechanism, user, password, &salt, iterations)?;
        let client_key = hmac_of(mechanism, &salted, b"Client Key");
        let stored_key = digest::digest(mechanism.digest(), &client_key)
            .as_ref()
            .to_vec();
        let server_key = hmac_of(mechanism, &salted, b"Server Key");
        Ok(StoredCredential {
            mechanism,
            salt,
            iterations,
            stored_key,
            server_key,
        })
    }
}

/// The user name and nonce of a client-first message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClientFirst {
    /// The user name, `=2C`/`=3D` decoded.
    pub user: String,
    gs2_header: String,
    bare: String,
    nonce: String,
}

impl ClientFirst {
    /// Parses `gs2-header client-first-message-bare` (`n,,n=user,r=nonce`).
    pub(crate) fn parse(message: &[u8]) -> Result<ClientFirst, ScramError> {
        let text = std::str::from_utf8(message).map_err(|_| ScramError::Malformed("not UTF-8"))?;
        let mut parts = text.splitn(3, ',');
        let cbind = parts.next().unwrap_or("");
        let authzid = parts.next().ok_or(ScramError::Malformed("no GS2 header"))?;
        let bare = parts.next().ok_or(ScramError::Malformed("no GS2 header"))?;
        if cbind != "n" && cbind != "y" {
            // `p=...`: channel binding, which mongod does not offer.
            return Err(ScramError::Malformed("channel binding is not supported"));
        }
        if !(authzid.is_empty() || authzid.starts_with("a=")) {
            return Err(ScramError::Malformed("bad authzid in the GS2 header"));
        }
        let mut attrs = bare.split(',');
        let user = attrs
            .next()
            .and_then(|a| a.strip_prefix("n="))
            .ok_or(ScramError::Malformed("client-first does not start with n="))?;
        let nonce = attrs
            .next()
            .and_then(|a| a.strip_prefix("r="))
            .ok_or(ScramError::Malformed("client-first has no r= after n="))?;
        if nonce.is_empty() || !nonce.bytes().all(|b| b.is_ascii_graphic() && b != b',') {
            return Err(ScramError::Malformed("bad client nonce"));
        }
        if attrs.any(|a| a.starts_with("m=")) {
            return Err(ScramError::Malformed(
                "mandatory extensions are not supported",
            ));
        }
        Ok(ClientFirst {
            user: decode_user(user)?,
            gs2_header: format!("{cbind},{authzid},"),
            bare: bare.to_owned(),
            nonce: nonce.to_owned(),
        })
    }
}

/// `saslname` → user name (RFC 5802 §5.1: `=2C` is `,`, `=3D` is `=`, no other `=`).
fn decode_user(name: &str) -> Result<String, ScramError> {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find('=') {
        out.push_str(&rest[..at]);
        let escape = rest.get(at..at + 3);
        match escape {
            Some("=2C") => out.push(','),
            Some("=3D") => out.push('='),
            _ => return Err(ScramError::Malformed("bad '=' escape in the user name")),
        }
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    if out.is_empty() {
        return Err(ScramError::Malformed("empty user name"));
    }
    Ok(out)
}

/// A conversation after the server-first message, waiting for client-final.
#[derive(Debug, Clone)]
pub(crate) struct ServerConversation {
    credential: StoredCredential,
    gs2_header: String,
    nonce: String,
    client_first_bare: String,
    server_first: String,
}

impl ServerConversation {
    /// Answers `first` for `credential`: the conversation and the server-first message
    /// (`r=nonce,s=salt,i=iterations`).
    pub(crate) fn start(
        first: ClientFirst,
        credential: &StoredCredential,
    ) -> Result<(ServerConversation, String), ScramError> {
        let server_nonce = BASE64.encode(random_bytes(24)?);
        let nonce = format!("{}{}", first.nonce, server_nonce);
        let server_first = format!(
            "r={nonce},s={},i={}",
            BASE64.encode(&credential.salt),
            credential.iterations
        );
        let conversation = ServerConversation {
            credential: credential.clone(),
            gs2_header: first.gs2_header,
            nonce,
            client_first_bare: first.bare,
            server_first: server_first.clone(),
        };
        Ok((conversation, server_first))
    }

    /// Checks client-final (`c=...,r=...,p=proof`) and returns server-final (`v=signature`).
    pub(crate) fn finish(&self, message: &[u8]) -> Result<String, ScramError> {
        let text = std::str::from_utf8(message).map_err(|_| ScramError::Malformed("not UTF-8"))?;
        let (without_proof, proof) = text
            .rsplit_once(",p=")
            .ok_or(ScramError::Malformed("client-final has no proof"))?;
        let mut attrs = without_proof.split(',');
        let binding = attrs
            .next()
            .and_then(|a| a.strip_prefix("c="))
            .ok_or(ScramError::Malformed("client-final does not start with c="))?;
        let nonce = attrs
            .next()
            .and_then(|a| a.strip_prefix("r="))
            .ok_or(ScramError::Malformed("client-final has no r= after c="))?;
        if BASE64.decode(binding).ok().as_deref() != Some(self.gs2_header.as_bytes()) {
            return Err(ScramError::Malformed("channel binding does not match"));
        }
        if nonce != self.nonce {
            return Err(ScramError::Malformed("nonce does not match"));
        }
        let proof = BASE64
            .decode(proof)
            .map_err(|_| ScramError::Malformed("proof is not base64"))?;
        let mechanism = self.credential.mechanism;
        if proof.len() != mechanism.output_len() {
            return Err(ScramError::BadProof);
        }
        let auth_message = format!(
            "{},{},{}",
            self.client_first_bare, self.server_first, without_proof
        );
        let signature = hmac_of(
            mechanism,
            &self.credential.stored_key,
            auth_message.as_bytes(),
        );
        let client_key: Vec<u8> = proof.iter().zip(&signature).map(|(p, s)| p ^ s).collect();
        let stored = digest::digest(mechanism.digest(), &client_key);
        if !constant_time_eq(stored.as_ref(), &self.credential.stored_key) {
            return Err(ScramError::BadProof);
        }
        let server_signature = hmac_of(
            mechanism,
            &self.credential.server_key,
            auth_message.as_bytes(),
        );
        Ok(format!("v={}", BASE64.encode(server_signature)))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A SCRAM client for tests: client-final for `server_first` and the server-final it expects.
/// Written from RFC 5802 apart from the server code above.
#[cfg(test)]
pub(crate) fn test_client_final(
    mechanism: ScramMechanism,
    user: &str,
    password: &str,
    client_first_bare: &str,
    server_first: &str,
) -> (String, String) {
    tests::client_final(mechanism, user, password, client_first_bare, server_first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client, written from RFC 5802 independently of the server code above.
    pub(super) fn client_final(
        mechanism: ScramMechanism,
        user: &str,
        password: &str,
        client_first_bare: &str,
        server_first: &str,
    ) -> (String, String) {
        let attrs: Vec<&str> = server_first.split(',').collect();
        let nonce = attrs[0].strip_prefix("r=").unwrap();
        let salt = BASE64.decode(attrs[1].strip_prefix("s=").unwrap()).unwrap();
        let iterations: NonZeroU32 = attrs[2].strip_prefix("i=").unwrap().parse().unwrap();
        let salted = salted_password(mechanism, user, password, &salt, iterations).unwrap();
        let client_key = hmac_of(mechanism, &salted, b"Client Key");
        let stored_key = digest::digest(mechanism.digest(), &client_key);
        let without_proof = format!("c=biws,r={nonce}");
        let auth = format!("{client_first_bare},{server_first},{without_proof}");
        let sig = hmac_of(mechanism, stored_key.as_ref(), auth.as_bytes());
        let proof: Vec<u8> = client_key.iter().zip(&sig).map(|(a, b)| a ^ b).collect();
        let server_key = hmac_of(mechanism, &salted, b"Server Key");
        let v = format!(
            "v={}",
            BASE64.encode(hmac_of(mechanism, &server_key, auth.as_bytes()))
        );
        (format!("{without_proof},p={}", BASE64.encode(proof)), v)
    }

    #[test]
    fn right_password_passes_and_wrong_fails_for_both_mechanisms() {
        for mechanism in ScramMechanism::ALL {
            let cred = StoredCredential::new(mechanism, "app", "pencil").unwrap();
            let first = ClientFirst::parse(b"n,,n=app,r=fyko+d2lbbFgONRv9qkxdawL").unwrap();
            assert_eq!(first.user, "app");
            let bare = first.bare.clone();
            let (conv, server_first) = ServerConversation::start(first, &cred).unwrap();
            assert!(server_first.starts_with("r=fyko+d2lbbFgONRv9qkxdawL"));
            let (good, expected_v) = client_final(mechanism, "app", "pencil", &bare, &server_first);
            assert_eq!(conv.finish(good.as_bytes()).unwrap(), expected_v);
            let (bad, _) = client_final(mechanism, "app", "pen", &bare, &server_first);
            assert_eq!(conv.finish(bad.as_bytes()), Err(ScramError::BadProof));
        }
    }

    /// RFC 7677 §3's example: user "user", password "pencil", its salt and nonces.
    #[test]
    fn rfc7677_example_server_signature() {
        let salt = BASE64.decode("W22ZaJ0SNY7soEsUEjb6gQ==").unwrap();
        let cred = StoredCredential::with_salt(
            ScramMechanism::Sha256,
            "user",
            "pencil",
            salt,
            NonZeroU32::new(4096).unwrap(),
        )
        .unwrap();
        let conv = ServerConversation {
            credential: cred,
            gs2_header: "n,,".into(),
            nonce: "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0".into(),
            client_first_bare: "n=user,r=rOprNGfwEbeRWgbNEkqO".into(),
            server_first: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,\
                           s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
                .into(),
        };
        let v = conv
            .finish(
                b"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,\
                  p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            )
            .unwrap();
        assert_eq!(v, "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    /// MongoDB's SCRAM-SHA-1 digest: hex(md5("user:mongo:pencil")).
    #[test]
    fn sha1_hashes_mongodbs_password_digest() {
        assert_eq!(
            hashed_password(ScramMechanism::Sha1, "user", "pencil").unwrap(),
            "1c33006ec1ffd90f9cadcbcc0e118200"
        );
        assert_eq!(
            hashed_password(ScramMechanism::Sha256, "u", "I\u{00AD}X").unwrap(),
            "IX"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 256,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Any bytes a client sends are an answer, never a panic.
        #[test]
        fn arbitrary_client_messages_never_panic(
            first in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            last in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..96),
            text in "[nyp,=a-z0-9+/]{0,40}",
        ) {
            let _ = ClientFirst::parse(&first);
            let _ = ClientFirst::parse(text.as_bytes());
            let conv = fixed_conversation();
            let _ = conv.finish(&last);
            let _ = conv.finish(text.as_bytes());
            let _ = conv.finish(format!("c=biws,r={},p={text}", conv.nonce).as_bytes());
        }
    }

    /// A conversation with a fixed credential (no PBKDF2 per case).
    fn fixed_conversation() -> ServerConversation {
        use std::sync::OnceLock;
        static CRED: OnceLock<StoredCredential> = OnceLock::new();
        let cred = CRED.get_or_init(|| {
            StoredCredential::with_salt(
                ScramMechanism::Sha256,
                "a",
                "b",
                vec![1; 16],
                NonZeroU32::new(4096).unwrap(),
            )
            .unwrap()
        });
        let first = ClientFirst::parse(b"n,,n=a,r=x").unwrap();
        ServerConversation::start(first, cred).unwrap().0
    }

    #[test]
    fn malformed_messages_are_errors_not_panics() {
        for bad in [
            &b""[..],
            b"n,,",
            b"p=tls-unique,,n=a,r=b",
            b"n,,r=b",
            b"n,,n=a",
            b"n,,n=a=2,r=b",
            b"n,,n=,r=b",
            b"n,,n=a,r=b,m=x",
            b"\xff",
        ] {
            assert!(ClientFirst::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            ClientFirst::parse(b"n,,n=a=2Cb=3Dc,r=x").unwrap().user,
            "a,b=c"
        );
        let cred = StoredCredential::new(ScramMechanism::Sha256, "a", "b").unwrap();
        let first = ClientFirst::parse(b"n,,n=a,r=x").unwrap();
        let (conv, _) = ServerConversation::start(first, &cred).unwrap();
        for bad in [
            &b""[..],
            b"c=biws",
            b"c=eSws,r=x,p=AAAA",
            b"c=biws,r=x,p=!!",
        ] {
            assert!(conv.finish(bad).is_err(), "{bad:?}");
        }
    }
}
