//! Authentication in the sandbox, as mongod with `security.authorization: enabled` answers it:
//! users ([`SandboxUser`]) with SCRAM credentials or on `$external` for MONGODB-X509, the state
//! of one connection ([`Session`]), and the commands `saslStart`, `saslContinue`,
//! `authenticate`, `logout`, `connectionStatus`, plus `hello`'s `saslSupportedMechs` and
//! `speculativeAuthenticate`. Pure apart from SCRAM's random salt and nonce.

use std::fmt;
use std::str::FromStr;

use bson::spec::BinarySubtype;
use bson::{doc, Binary, Bson, Document};

use super::commands::{self, MemberInfo, Protocol, Request};
use super::scram::{ClientFirst, ScramError, ScramMechanism, ServerConversation, StoredCredential};
use super::UnknownName;

/// The database of MONGODB-X509 users.
pub const EXTERNAL_DB: &str = "$external";
/// The mechanism name of certificate authentication.
pub const X509_MECHANISM: &str = "MONGODB-X509";
/// The `conversationId` mongod gives every SASL conversation.
const CONVERSATION_ID: i32 = 1;

/// Whether members ask TLS clients for a certificate, like mongod's
/// `net.tls.allowConnectionsWithoutCertificates` and `net.tls.CAFile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ClientAuth {
    /// No certificate is requested (mongod without `CAFile`).
    #[default]
    None,
    /// A certificate is requested and verified when given; clients without one are served
    /// (`allowConnectionsWithoutCertificates: true`).
    Optional,
    /// Clients without a certificate from the sandbox CA fail the handshake.
    Required,
}

impl ClientAuth {
    /// Every mode.
    pub const ALL: [ClientAuth; 3] = [ClientAuth::None, ClientAuth::Optional, ClientAuth::Required];

    /// The kebab-case name (`none`, `optional`, `required`), as accepted by [`FromStr`].
    pub fn name(self) -> &'static str {
        match self {
            ClientAuth::None => "none",
            ClientAuth::Optional => "optional",
            ClientAuth::Required => "required",
        }
    }
}

impl fmt::Display for ClientAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ClientAuth {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ClientAuth::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| UnknownName {
                kind: "client certificate mode",
                name: s.to_owned(),
                expected: ClientAuth::ALL.iter().map(|m| m.name()).collect(),
            })
    }
}

/// A role granted to a user (`{role, db}`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Role {
    /// The role's name (`readWrite`).
    pub role: String,
    /// The database it applies to.
    pub db: String,
}

impl Role {
    /// `role` on `db`.
    pub fn new(role: &str, db: &str) -> Role {
        Role {
            role: role.to_owned(),
            db: db.to_owned(),
        }
    }
}

/// A password. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Wraps `text`.
    pub fn new(text: impl Into<String>) -> Password {
        Password(text.into())
    }

    /// The password itself: for the password file and for tests, never for output.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// How a user proves who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserCredential {
    /// SCRAM with a password (`None`: one is generated when the sandbox starts) and the
    /// mechanisms the user has credentials for.
    Scram {
        /// The password, or `None` for a random one per run.
        password: Option<Password>,
        /// SCRAM-SHA-1, SCRAM-SHA-256 or both.
        mechanisms: Vec<ScramMechanism>,
    },
    /// MONGODB-X509: the user name is a certificate subject in RFC 2253; the db `$external`.
    X509,
}

/// A user of the sandbox, as `db.createUser` makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxUser {
    /// The user name (for X509: the certificate subject in RFC 2253).
    pub name: String,
    /// The authentication database (`admin`; `$external` for X509).
    pub db: String,
    /// Its roles.
    pub roles: Vec<Role>,
    /// How it authenticates.
    pub credential: UserCredential,
}

impl SandboxUser {
    /// A SCRAM user with both mechanisms; `password: None` generates one per run.
    pub fn scram(name: &str, db: &str, password: Option<Password>, roles: Vec<Role>) -> Self {
        SandboxUser {
            name: name.to_owned(),
            db: db.to_owned(),
            roles,
            credential: UserCredential::Scram {
                password,
                mechanisms: ScramMechanism::ALL.to_vec(),
            },
        }
    }

    /// A MONGODB-X509 user on `$external` named by `subject` (RFC 2253).
    pub fn x509(subject: &str, roles: Vec<Role>) -> Self {
        SandboxUser {
            name: subject.to_owned(),
            db: EXTERNAL_DB.to_owned(),
            roles,
            credential: UserCredential::X509,
        }
    }
}

/// A user as the running sandbox holds it: the stored SCRAM credentials, not the password.
#[derive(Debug, Clone)]
pub(crate) struct ActiveUser {
    pub name: String,
    pub db: String,
    pub roles: Vec<Role>,
    /// One per mechanism; empty for X509 users.
    pub scram: Vec<StoredCredential>,
    pub x509: bool,
}

impl ActiveUser {
    /// Derives the stored credentials of `user` with its (resolved) `password`.
    pub(crate) fn new(user: &SandboxUser, password: Option<&str>) -> Result<Self, ScramError> {
        let mut scram = Vec::new();
        let mut x509 = false;
        match &user.credential {
            UserCredential::Scram { mechanisms, .. } => {
                for m in mechanisms {
                    scram.push(StoredCredential::new(
                        *m,
                        &user.name,
                        password.unwrap_or(""),
                    )?);
                }
            }
            UserCredential::X509 => x509 = true,
        }
        Ok(ActiveUser {
            name: user.name.clone(),
            db: user.db.clone(),
            roles: user.roles.clone(),
            scram,
            x509,
        })
    }

    fn credential(&self, mechanism: ScramMechanism) -> Option<&StoredCredential> {
        self.scram.iter().find(|c| c.mechanism() == mechanism)
    }
}

/// The users of a member; authentication is on iff there is one.
#[derive(Debug, Clone, Default)]
pub(crate) struct Users {
    pub users: Vec<ActiveUser>,
}

impl Users {
    fn enabled(&self) -> bool {
        !self.users.is_empty()
    }

    fn find(&self, name: &str, db: &str) -> Option<&ActiveUser> {
        self.users.iter().find(|u| u.name == name && u.db == db)
    }
}

/// What one connection has established.
#[derive(Debug, Default)]
pub(crate) struct Session {
    /// The RFC 2253 subject of the verified client certificate on this connection.
    pub peer_subject: Option<String>,
    conversation: Option<Conversation>,
    /// `(name, db)` of the authenticated user.
    user: Option<(String, String)>,
}

impl Session {
    /// A session on a connection whose client presented a certificate with this subject.
    pub(crate) fn new(peer_subject: Option<String>) -> Session {
        Session {
            peer_subject,
            ..Session::default()
        }
    }
}

#[derive(Debug)]
struct Conversation {
    user: (String, String),
    scram: ServerConversation,
    skip_empty_exchange: bool,
    state: ConversationState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConversationState {
    /// server-first sent; client-final expected.
    ClientFinal,
    /// server-final sent with `done: false`; an empty message expected.
    Empty,
}

/// The reply to `request` on a connection with `session`, for a member with `users`:
/// authentication commands here, access control for the rest, everything else as
/// [`commands::respond`] answers it.
pub(crate) fn respond(
    request: &Request,
    member: &MemberInfo,
    users: &Users,
    session: &mut Session,
    connection_id: i64,
    now: bson::DateTime,
) -> Document {
    let name = request.name();
    let mut reply = commands::respond(request, member, connection_id, now);
    if request.protocol == Protocol::OpQuery || !request.command.contains_key("$db") {
        // Only the handshake gets here without an error (OP_QUERY, or no `$db`).
        if commands::is_handshake(name) && reply.get_f64("ok") == Ok(1.0) {
            augment_hello(&request.command, &mut reply, users, session);
        }
        return reply;
    }
    let db = request.command.get_str("$db").unwrap_or("");
    match name {
        "hello" | "isMaster" | "ismaster" => {
            augment_hello(&request.command, &mut reply, users, session);
            reply
        }
        "connectionStatus" => connection_status(users, session),
        "logout" => {
            session.user = None;
            session.conversation = None;
            doc! { "ok": 1.0 }
        }
        "saslStart" if users.enabled() => sasl_start(&request.command, db, users, session),
        "saslContinue" if users.enabled() => sasl_continue(&request.command, session),
        "authenticate" if users.enabled() => authenticate(&request.command, db, users, session),
        "saslStart" | "saslContinue" | "authenticate" | "ping" | "buildInfo" | "buildinfo"
        | "endSessions" => reply,
        _ if users.enabled() && session.user.is_none() => commands::error(
            13,
            "Unauthorized",
            format!("Command {name} requires authentication"),
        ),
        _ => reply,
    }
}

/// `saslSupportedMechs` and `speculativeAuthenticate` in a `hello` reply.
fn augment_hello(command: &Document, reply: &mut Document, users: &Users, session: &mut Session) {
    if !users.enabled() {
        return;
    }
    if let Ok(wanted) = command.get_str("saslSupportedMechs") {
        if let Some((db, user)) = wanted.split_once('.') {
            if let Some(user) = users.find(user, db) {
                let mechs: Vec<&str> = user.scram.iter().map(|c| c.mechanism().name()).collect();
                if !mechs.is_empty() {
                    insert_before_ok(reply, "saslSupportedMechs", Bson::from(mechs));
                }
            }
        }
    }
    if let Ok(spec) = command.get_document("speculativeAuthenticate") {
        let db = spec.get_str("db").unwrap_or("");
        let answer = if spec.contains_key("saslStart") {
            sasl_start(spec, db, users, session)
        } else if spec.contains_key("authenticate") {
            authenticate(spec, db, users, session)
        } else {
            return;
        };
        // A failed speculative attempt is left out; the driver then authenticates normally and
        // gets the error there.
        if answer.get_f64("ok") == Ok(1.0) {
            let mut answer = answer;
            answer.remove("ok");
            insert_before_ok(reply, "speculativeAuthenticate", Bson::Document(answer));
        }
    }
}

fn insert_before_ok(reply: &mut Document, key: &str, value: Bson) {
    let ok = reply.remove("ok");
    reply.insert(key, value);
    if let Some(ok) = ok {
        reply.insert("ok", ok);
    }
}

fn auth_failed() -> Document {
    commands::error(
        18,
        "AuthenticationFailed",
        "Authentication failed.".to_owned(),
    )
}

fn malformed(why: &str) -> Document {
    commands::error(17, "ProtocolError", format!("SCRAM: {why}"))
}

/// The SASL payload (binary, or a string as the legacy shell sent it).
fn payload(command: &Document) -> Option<Vec<u8>> {
    match command.get("payload") {
        Some(Bson::Binary(b)) => Some(b.bytes.clone()),
        Some(Bson::String(s)) => Some(s.clone().into_bytes()),
        _ => None,
    }
}

fn binary(text: String) -> Bson {
    Bson::Binary(Binary {
        subtype: BinarySubtype::Generic,
        bytes: text.into_bytes(),
    })
}

fn sasl_start(command: &Document, db: &str, users: &Users, session: &mut Session) -> Document {
    session.conversation = None;
    let mechanism_name = command.get_str("mechanism").unwrap_or("");
    let Some(mechanism) = ScramMechanism::from_name(mechanism_name) else {
        return commands::error(
            334,
            "MechanismUnavailable",
            format!("Received authentication for mechanism {mechanism_name} which is not enabled"),
        );
    };
    let Some(bytes) = payload(command) else {
        return commands::error(2, "BadValue", "saslStart requires a payload".to_owned());
    };
    let first = match ClientFirst::parse(&bytes) {
        Ok(first) => first,
        Err(e) => return malformed(&e.to_string()),
    };
    let Some(credential) = users
        .find(&first.user, db)
        .and_then(|u| u.credential(mechanism))
    else {
        return auth_failed();
    };
    let user = (first.user.clone(), db.to_owned());
    let (scram, server_first) = match ServerConversation::start(first, credential) {
        Ok(started) => started,
        Err(_) => return auth_failed(),
    };
    let skip_empty_exchange = matches!(
        command
            .get_document("options")
            .map(|o| o.get("skipEmptyExchange")),
        Ok(Some(Bson::Boolean(true)))
    );
    session.conversation = Some(Conversation {
        user,
        scram,
        skip_empty_exchange,
        state: ConversationState::ClientFinal,
    });
    doc! {
        "conversationId": CONVERSATION_ID,
        "done": false,
        "payload": binary(server_first),
        "ok": 1.0,
    }
}

fn sasl_continue(command: &Document, session: &mut Session) -> Document {
    let id = command.get("conversationId").and_then(|v| match v {
        Bson::Int32(i) => Some(i64::from(*i)),
        Bson::Int64(i) => Some(*i),
        _ => None,
    });
    let Some(conversation) = session.conversation.take() else {
        return commands::error(
            17,
            "ProtocolError",
            "No SASL session state found".to_owned(),
        );
    };
    if id != Some(i64::from(CONVERSATION_ID)) {
        return commands::error(
            17,
            "ProtocolError",
            "sasl: Mismatched conversation id".to_owned(),
        );
    }
    let bytes = payload(command).unwrap_or_default();
    match conversation.state {
        ConversationState::ClientFinal => match conversation.scram.finish(&bytes) {
            Ok(server_final) => {
                let done = conversation.skip_empty_exchange;
                if done {
                    session.user = Some(conversation.user);
                } else {
                    session.conversation = Some(Conversation {
                        state: ConversationState::Empty,
                        ..conversation
                    });
                }
                doc! {
                    "conversationId": CONVERSATION_ID,
                    "done": done,
                    "payload": binary(server_final),
                    "ok": 1.0,
                }
            }
            Err(ScramError::Malformed(why)) => malformed(why),
            Err(_) => auth_failed(),
        },
        ConversationState::Empty => {
            if !bytes.is_empty() {
                return malformed("expected an empty final message");
            }
            session.user = Some(conversation.user);
            doc! {
                "conversationId": CONVERSATION_ID,
                "done": true,
                "payload": binary(String::new()),
                "ok": 1.0,
            }
        }
    }
}

fn authenticate(command: &Document, db: &str, users: &Users, session: &mut Session) -> Document {
    let mechanism = command.get_str("mechanism").unwrap_or("");
    if mechanism != X509_MECHANISM {
        return commands::error(
            334,
            "MechanismUnavailable",
            format!("Received authentication for mechanism {mechanism} which is not enabled"),
        );
    }
    if db != EXTERNAL_DB {
        return auth_failed();
    }
    let Some(subject) = session.peer_subject.clone() else {
        return auth_failed();
    };
    if let Ok(claimed) = command.get_str("user") {
        if claimed != subject {
            return auth_failed();
        }
    }
    match users.find(&subject, EXTERNAL_DB) {
        Some(user) if user.x509 => {
            session.user = Some((subject.clone(), EXTERNAL_DB.to_owned()));
            doc! { "dbname": EXTERNAL_DB, "user": subject, "ok": 1.0 }
        }
        _ => auth_failed(),
    }
}

fn connection_status(users: &Users, session: &Session) -> Document {
    let (users_doc, roles_doc): (Vec<Bson>, Vec<Bson>) = match &session.user {
        Some((name, db)) => {
            let roles = users
                .find(name, db)
                .map(|u| {
                    u.roles
                        .iter()
                        .map(|r| {
                            Bson::Document(doc! { "role": r.role.clone(), "db": r.db.clone() })
                        })
                        .collect()
                })
                .unwrap_or_default();
            (
                vec![Bson::Document(
                    doc! { "user": name.clone(), "db": db.clone() },
                )],
                roles,
            )
        }
        None => (Vec::new(), Vec::new()),
    };
    doc! {
        "authInfo": {
            "authenticatedUsers": users_doc,
            "authenticatedUserRoles": roles_doc,
        },
        "ok": 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bson::oid::ObjectId;

    fn member() -> MemberInfo {
        MemberInfo {
            name: "localhost:1".into(),
            hosts: vec!["localhost:1".into()],
            primary: Some("localhost:1".into()),
            is_primary: true,
            process_id: ObjectId::new(),
            set_name: "rs".into(),
        }
    }

    fn users() -> Users {
        let scram = SandboxUser::scram("app", "admin", None, vec![Role::new("readWrite", "app")]);
        let x509 = SandboxUser::x509("CN=c,O=o", vec![Role::new("read", "app")]);
        Users {
            users: vec![
                ActiveUser::new(&scram, Some("pw")).unwrap(),
                ActiveUser::new(&x509, None).unwrap(),
            ],
        }
    }

    fn msg(command: Document) -> Request {
        Request {
            protocol: Protocol::OpMsg,
            command,
            collection: None,
            reply_expected: true,
        }
    }

    fn run(users: &Users, session: &mut Session, command: Document) -> Document {
        respond(
            &msg(command),
            &member(),
            users,
            session,
            1,
            bson::DateTime::now(),
        )
    }

    fn sasl_payload(reply: &Document) -> String {
        match reply.get("payload") {
            Some(Bson::Binary(b)) => String::from_utf8(b.bytes.clone()).unwrap(),
            other => panic!("no payload: {other:?} in {reply}"),
        }
    }

    /// A whole SCRAM conversation through `respond`: saslStart (or speculative in hello),
    /// saslContinue, and the empty exchange unless skipped.
    fn converse(mechanism: ScramMechanism, password: &str, skip: bool, speculative: bool) -> bool {
        let u = users();
        let mut s = Session::default();
        let bare = "n=app,r=clientnonce123";
        let start = doc! {
            "saslStart": 1,
            "mechanism": mechanism.name(),
            "payload": binary(format!("n,,{bare}")),
            "options": {"skipEmptyExchange": skip},
        };
        let first = if speculative {
            let mut spec = start.clone();
            spec.insert("db", "admin");
            let hello = run(
                &u,
                &mut s,
                doc! {"hello": 1, "speculativeAuthenticate": spec, "$db": "admin"},
            );
            hello
                .get_document("speculativeAuthenticate")
                .unwrap()
                .clone()
        } else {
            let mut start = start;
            start.insert("$db", "admin");
            run(&u, &mut s, start)
        };
        assert_eq!(first.get_i32("conversationId").unwrap(), 1, "{first}");
        assert!(!first.get_bool("done").unwrap());
        let server_first = sasl_payload(&first);
        let (final_msg, expected_v) = crate::sandbox::scram::test_client_final(
            mechanism,
            "app",
            password,
            bare,
            &server_first,
        );
        let second = run(
            &u,
            &mut s,
            doc! {"saslContinue": 1, "conversationId": 1, "payload": binary(final_msg), "$db": "admin"},
        );
        if second.get_f64("ok") != Ok(1.0) {
            assert_eq!(second.get_i32("code").unwrap(), 18, "{second}");
            assert!(s.user.is_none());
            return false;
        }
        assert_eq!(sasl_payload(&second), expected_v);
        assert_eq!(second.get_bool("done").unwrap(), skip);
        if !skip {
            assert!(s.user.is_none(), "not before the empty exchange");
            let third = run(
                &u,
                &mut s,
                doc! {"saslContinue": 1, "conversationId": 1, "payload": binary(String::new()), "$db": "admin"},
            );
            assert!(third.get_bool("done").unwrap(), "{third}");
        }
        assert_eq!(s.user, Some(("app".to_owned(), "admin".to_owned())));
        true
    }

    #[test]
    fn scram_conversations_with_and_without_the_empty_exchange_and_speculative() {
        for mechanism in ScramMechanism::ALL {
            for skip in [true, false] {
                for speculative in [true, false] {
                    assert!(converse(mechanism, "pw", skip, speculative));
                    assert!(!converse(mechanism, "not-pw", skip, speculative));
                }
            }
        }
    }

    #[test]
    fn hello_lists_the_users_mechanisms() {
        let u = users();
        let mut s = Session::default();
        let r = run(
            &u,
            &mut s,
            doc! {"hello": 1, "saslSupportedMechs": "admin.app", "$db": "admin"},
        );
        let mechs = r.get_array("saslSupportedMechs").unwrap();
        assert_eq!(mechs.len(), 2);
        let r = run(
            &u,
            &mut s,
            doc! {"hello": 1, "saslSupportedMechs": "admin.nobody", "$db": "admin"},
        );
        assert!(!r.contains_key("saslSupportedMechs"));
    }

    #[test]
    fn access_control_and_x509() {
        let u = users();
        let mut s = Session::new(Some("CN=c,O=o".into()));
        let r = run(&u, &mut s, doc! {"find": "x", "$db": "app"});
        assert_eq!(r.get_i32("code").unwrap(), 13);
        let r = run(&u, &mut s, doc! {"ping": 1, "$db": "admin"});
        assert_eq!(r.get_f64("ok").unwrap(), 1.0);
        let r = run(&u, &mut s, doc! {"connectionStatus": 1, "$db": "admin"});
        let info = r.get_document("authInfo").unwrap();
        assert!(info.get_array("authenticatedUsers").unwrap().is_empty());
        let r = run(
            &u,
            &mut s,
            doc! {"authenticate": 1, "mechanism": "MONGODB-X509", "$db": "$external"},
        );
        assert_eq!(r.get_str("user").unwrap(), "CN=c,O=o");
        let r = run(&u, &mut s, doc! {"connectionStatus": 1, "$db": "admin"});
        let info = r.get_document("authInfo").unwrap();
        assert_eq!(info.get_array("authenticatedUsers").unwrap().len(), 1);
        assert_eq!(info.get_array("authenticatedUserRoles").unwrap().len(), 1);
        let r = run(&u, &mut s, doc! {"find": "x", "$db": "app"});
        assert_eq!(r.get_i32("code").unwrap(), 59);

        let mut none = Session::default();
        let r = run(
            &u,
            &mut none,
            doc! {"authenticate": 1, "mechanism": "MONGODB-X509", "$db": "$external"},
        );
        assert_eq!(r.get_i32("code").unwrap(), 18);
        let r = run(
            &u,
            &mut none,
            doc! {"saslStart": 1, "mechanism": "PLAIN", "payload": binary("x".into()), "$db": "$external"},
        );
        assert_eq!(r.get_i32("code").unwrap(), 334);
        let r = run(
            &u,
            &mut none,
            doc! {"saslStart": 1, "mechanism": "SCRAM-SHA-256", "payload": binary("n,,n=nobody,r=abc".into()), "$db": "admin"},
        );
        assert_eq!(r.get_i32("code").unwrap(), 18);
        assert_eq!(r.get_str("errmsg").unwrap(), "Authentication failed.");
        let r = run(
            &u,
            &mut none,
            doc! {"saslContinue": 1, "conversationId": 1, "payload": binary(String::new()), "$db": "admin"},
        );
        assert_eq!(r.get_i32("code").unwrap(), 17);
    }
}
