//! What a sandbox member answers: the command of a request (OP_MSG or OP_QUERY on `$cmd`) and
//! its reply document — `hello`/`isMaster`, `ping`, `buildInfo`, `endSessions`, authentication
//! failures, and the errors a modern mongod gives for everything else. Pure: the clock and the
//! connection id are parameters.

use std::time::Duration;

use bson::oid::ObjectId;
use bson::{doc, Bson, DateTime, Document, Timestamp};

use crate::wire::Message;

/// `maxWireVersion` advertised: MongoDB 7.0 (drivers accept 9..=29 today).
pub(crate) const MAX_WIRE_VERSION: i32 = 21;
/// The server version `buildInfo` reports.
pub(crate) const VERSION: &str = "7.0.14";
const VERSION_ARRAY: [i32; 4] = [7, 0, 14, 0];
const MAX_BSON_OBJECT_SIZE: i32 = 16 * 1024 * 1024;
const MAX_MESSAGE_SIZE_BYTES: i32 = 48_000_000;
const MAX_WRITE_BATCH_SIZE: i32 = 100_000;
const LOGICAL_SESSION_TIMEOUT_MINUTES: i32 = 30;
/// The longest an awaitable `hello` is held, whatever `maxAwaitTimeMS` says.
pub(crate) const MAX_AWAIT: Duration = Duration::from_secs(10);
/// The primary's `electionId` (constant: the sandbox never holds an election).
const ELECTION_ID: [u8; 12] = [0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 1];

/// What a member says about itself and its replica set.
#[derive(Debug, Clone)]
pub(crate) struct MemberInfo {
    /// `localhost:<port>`: `me`, and this member's entry in `hosts`.
    pub name: String,
    /// Every member, in order.
    pub hosts: Vec<String>,
    /// The primary's name (`None`: no primary).
    pub primary: Option<String>,
    /// Whether this member is the primary.
    pub is_primary: bool,
    /// `topologyVersion.processId`, fixed for the life of the member.
    pub process_id: ObjectId,
    /// The replica-set name.
    pub set_name: String,
}

/// How the request arrived, and so how the reply goes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Protocol {
    /// OP_QUERY on `<db>.$cmd`: answered with OP_REPLY.
    OpQuery,
    /// OP_MSG: answered with OP_MSG (unless `moreToCome`).
    OpMsg,
}

/// A command request.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Request {
    /// How it arrived.
    pub protocol: Protocol,
    /// The command document (an OP_QUERY `$query` wrapper removed).
    pub command: Document,
    /// The OP_QUERY collection (`admin.$cmd`); `None` for OP_MSG.
    pub collection: Option<String>,
    /// False for OP_MSG with `moreToCome`: the client wants no reply.
    pub reply_expected: bool,
}

impl Request {
    /// The request carried by `message`; `None` for a message a client never sends to a server
    /// (OP_REPLY).
    pub(crate) fn from_message(message: &Message) -> Option<Request> {
        match message {
            Message::Msg { body, .. } => Some(Request {
                protocol: Protocol::OpMsg,
                command: body.clone(),
                collection: None,
                reply_expected: !message.more_to_come(),
            }),
            Message::Query {
                collection, query, ..
            } => {
                let command = match query.iter().next() {
                    Some((key, Bson::Document(inner))) if key == "$query" || key == "query" => {
                        inner.clone()
                    }
                    _ => query.clone(),
                };
                Some(Request {
                    protocol: Protocol::OpQuery,
                    command,
                    collection: Some(collection.clone()),
                    reply_expected: true,
                })
            }
            Message::Reply { .. } => None,
        }
    }

    /// The command name: the first key of the command document ("" for an empty one).
    pub(crate) fn name(&self) -> &str {
        self.command.keys().next().map_or("", String::as_str)
    }

    fn is_handshake(&self) -> bool {
        is_handshake(self.name())
    }
}

/// Whether `name` is the handshake command (`hello`, or the legacy `isMaster`).
pub(crate) fn is_handshake(name: &str) -> bool {
    matches!(name, "hello" | "isMaster" | "ismaster")
}

/// How long to hold an awaitable `hello` before answering: the request carries
/// `topologyVersion` equal to this member's and `maxAwaitTimeMS` (what drivers' monitors send),
/// and nothing will change, so a real server waits the whole time. Capped at [`MAX_AWAIT`].
pub(crate) fn await_time(request: &Request, member: &MemberInfo) -> Option<Duration> {
    if !request.is_handshake() {
        return None;
    }
    let Some(Bson::Document(tv)) = request.command.get("topologyVersion") else {
        return None;
    };
    let same_process =
        matches!(tv.get("processId"), Some(Bson::ObjectId(id)) if *id == member.process_id);
    let same_counter = tv.get("counter").and_then(as_i64) == Some(0);
    if !(same_process && same_counter) {
        // The client's view is stale: answer at once, as a server does.
        return None;
    }
    let ms = request.command.get("maxAwaitTimeMS").and_then(as_i64)?;
    let ms = u64::try_from(ms.max(0)).unwrap_or(0);
    Some(Duration::from_millis(ms).min(MAX_AWAIT))
}

/// The reply document to `request`.
pub(crate) fn respond(
    request: &Request,
    member: &MemberInfo,
    connection_id: i64,
    now: DateTime,
) -> Document {
    let name = request.name();
    match request.protocol {
        Protocol::OpQuery => {
            let on_cmd = request
                .collection
                .as_deref()
                .is_some_and(|c| c.ends_with(".$cmd"));
            if !on_cmd || !request.is_handshake() {
                return error(
                    352,
                    "UnsupportedOpQueryCommand",
                    format!(
                        "Unsupported OP_QUERY command: {name}. The client driver may require an \
                         upgrade. For more details see \
                         https://dochub.mongodb.org/core/legacy-opcode-removal"
                    ),
                );
            }
        }
        Protocol::OpMsg => {
            if !request.command.contains_key("$db") {
                return error(
                    40571,
                    "Location40571",
                    "OP_MSG requests require a $db argument".to_owned(),
                );
            }
        }
    }
    match name {
        "hello" | "isMaster" | "ismaster" => hello(request, member, connection_id, now),
        "ping" | "endSessions" => doc! { "ok": 1.0 },
        "buildInfo" | "buildinfo" => build_info(),
        "saslStart" | "saslContinue" | "authenticate" => error(
            18,
            "AuthenticationFailed",
            "Authentication failed.".to_owned(),
        ),
        other => error(59, "CommandNotFound", format!("no such command: '{other}'")),
    }
}

fn hello(request: &Request, member: &MemberInfo, connection_id: i64, now: DateTime) -> Document {
    let legacy = request.name() != "hello";
    let mut reply = doc! {
        "topologyVersion": { "processId": member.process_id, "counter": 0i64 },
        "hosts": member.hosts.clone(),
        "setName": member.set_name.clone(),
        "setVersion": 1i32,
    };
    reply.insert(
        if legacy {
            "ismaster"
        } else {
            "isWritablePrimary"
        },
        member.is_primary,
    );
    reply.insert("secondary", !member.is_primary);
    if let Some(primary) = &member.primary {
        reply.insert("primary", primary.clone());
    }
    reply.insert("me", member.name.clone());
    if member.is_primary {
        reply.insert("electionId", ObjectId::from_bytes(ELECTION_ID));
    }
    let seconds = u32::try_from(now.timestamp_millis() / 1000).unwrap_or(0);
    let op_time = doc! {
        "ts": Timestamp { time: seconds, increment: 1 },
        "t": 1i64,
    };
    reply.insert(
        "lastWrite",
        doc! {
            "opTime": op_time.clone(),
            "lastWriteDate": now,
            "majorityOpTime": op_time,
            "majorityWriteDate": now,
        },
    );
    reply.insert("maxBsonObjectSize", MAX_BSON_OBJECT_SIZE);
    reply.insert("maxMessageSizeBytes", MAX_MESSAGE_SIZE_BYTES);
    reply.insert("maxWriteBatchSize", MAX_WRITE_BATCH_SIZE);
    reply.insert("localTime", now);
    reply.insert(
        "logicalSessionTimeoutMinutes",
        LOGICAL_SESSION_TIMEOUT_MINUTES,
    );
    reply.insert("connectionId", connection_id);
    reply.insert("minWireVersion", 0i32);
    reply.insert("maxWireVersion", MAX_WIRE_VERSION);
    reply.insert("readOnly", false);
    if matches!(request.command.get("helloOk"), Some(Bson::Boolean(true))) {
        reply.insert("helloOk", true);
    }
    reply.insert("ok", 1.0);
    reply
}

fn build_info() -> Document {
    doc! {
        "version": VERSION,
        "gitVersion": "0000000000000000000000000000000000000000",
        "modules": [],
        "allocator": "system",
        "javascriptEngine": "none",
        "sysInfo": "deprecated",
        "versionArray": VERSION_ARRAY.to_vec(),
        "openssl": { "running": "rustls (mongotls sandbox)", "compiled": "rustls (mongotls sandbox)" },
        "bits": 64i32,
        "debug": false,
        "maxBsonObjectSize": MAX_BSON_OBJECT_SIZE,
        "ok": 1.0,
    }
}

/// A command error as mongod sends it.
pub(crate) fn error(code: i32, code_name: &str, errmsg: String) -> Document {
    doc! { "ok": 0.0, "errmsg": errmsg, "code": code, "codeName": code_name }
}

fn as_i64(value: &Bson) -> Option<i64> {
    match value {
        Bson::Int32(v) => Some(i64::from(*v)),
        Bson::Int64(v) => Some(*v),
        // Saturating float-to-int conversion; fractions of a millisecond do not matter.
        Bson::Double(v) if v.is_finite() => Some(*v as i64),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(is_primary: bool) -> MemberInfo {
        MemberInfo {
            name: "localhost:1001".into(),
            hosts: vec!["localhost:1000".into(), "localhost:1001".into()],
            primary: Some("localhost:1000".into()),
            is_primary,
            process_id: ObjectId::from_bytes([1; 12]),
            set_name: "rs".into(),
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

    fn query(command: Document) -> Request {
        Request {
            protocol: Protocol::OpQuery,
            command,
            collection: Some("admin.$cmd".into()),
            reply_expected: true,
        }
    }

    fn now() -> DateTime {
        DateTime::from_millis(1_800_000_000_000)
    }

    #[test]
    fn hello_and_is_master_name_their_primary_field() {
        let m = member(false);
        let r = respond(&msg(doc! {"hello": 1, "$db": "admin"}), &m, 7, now());
        assert!(!r.get_bool("isWritablePrimary").unwrap());
        assert!(!r.contains_key("ismaster"));
        assert!(!r.contains_key("helloOk"));
        assert!(r.get_bool("secondary").unwrap());
        assert_eq!(r.get_str("me").unwrap(), "localhost:1001");
        assert_eq!(r.get_str("primary").unwrap(), "localhost:1000");
        assert_eq!(r.get_i64("connectionId").unwrap(), 7);
        assert_eq!(r.get_i32("maxWireVersion").unwrap(), MAX_WIRE_VERSION);
        assert!(!r.contains_key("electionId"));

        let r = respond(
            &query(doc! {"isMaster": 1, "helloOk": true}),
            &member(true),
            1,
            now(),
        );
        assert!(r.get_bool("ismaster").unwrap());
        assert!(!r.contains_key("isWritablePrimary"));
        assert!(r.get_bool("helloOk").unwrap());
        assert!(r.contains_key("electionId"));
    }

    #[test]
    fn errors_are_the_servers() {
        let m = member(true);
        let r = respond(&query(doc! {"ping": 1}), &m, 1, now());
        assert_eq!(r.get_i32("code").unwrap(), 352);
        let r = respond(&msg(doc! {"ping": 1}), &m, 1, now());
        assert_eq!(r.get_i32("code").unwrap(), 40571);
        let r = respond(&msg(doc! {"find": "x", "$db": "test"}), &m, 1, now());
        assert_eq!(r.get_i32("code").unwrap(), 59);
        assert_eq!(r.get_str("errmsg").unwrap(), "no such command: 'find'");
        let r = respond(&msg(doc! {"saslStart": 1, "$db": "admin"}), &m, 1, now());
        assert_eq!(r.get_str("codeName").unwrap(), "AuthenticationFailed");
        let r = respond(&msg(doc! {"buildinfo": 1, "$db": "admin"}), &m, 1, now());
        assert_eq!(r.get_str("version").unwrap(), VERSION);
    }

    #[test]
    fn awaitable_hello_waits_only_for_its_own_topology() {
        let m = member(true);
        let tv = doc! {"processId": m.process_id, "counter": 0i64};
        let r = msg(
            doc! {"hello": 1, "topologyVersion": tv.clone(), "maxAwaitTimeMS": 500, "$db": "admin"},
        );
        assert_eq!(await_time(&r, &m), Some(Duration::from_millis(500)));
        let r = msg(
            doc! {"hello": 1, "topologyVersion": tv.clone(), "maxAwaitTimeMS": 600_000i64, "$db": "admin"},
        );
        assert_eq!(await_time(&r, &m), Some(MAX_AWAIT));
        let r = msg(doc! {"hello": 1, "topologyVersion": tv, "$db": "admin"});
        assert_eq!(await_time(&r, &m), None);
        let stale = doc! {"processId": ObjectId::from_bytes([2; 12]), "counter": 0i64};
        let r =
            msg(doc! {"hello": 1, "topologyVersion": stale, "maxAwaitTimeMS": 500, "$db": "admin"});
        assert_eq!(await_time(&r, &m), None);
    }
}
