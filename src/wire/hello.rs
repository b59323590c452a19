//! The `hello` handshake: the commands mongotls sends (`hello`/`isMaster`, `ping`,
//! `buildInfo`) and the typed `hello` reply with its SDAM server kind.

use bson::{doc, Bson, Document};
use serde::{de::Error as _, Deserialize, Deserializer};

use super::message::{check_command_ok, number_as_f64, number_as_i64};
use super::WireError;

/// A `hello` (or legacy `isMaster`) reply, as much of it as mongotls uses.
///
/// Field names follow the server's (`setName`, `isWritablePrimary`, the all-lower-case legacy
/// `ismaster`, ...). Everything but `ok` may be missing; unknown fields are ignored. Numbers are
/// accepted as int32, int64 or integral doubles, since servers and proxies differ.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HelloReply {
    /// 1 on success (sent as int or double; also accepted as boolean).
    #[serde(deserialize_with = "de_ok")]
    pub ok: f64,
    /// Error message, when `ok` is 0.
    #[serde(default)]
    pub errmsg: Option<String>,
    /// Numeric error code, when `ok` is 0.
    #[serde(default, deserialize_with = "de_opt_i32")]
    pub code: Option<i32>,
    /// Symbolic error code, when `ok` is 0.
    #[serde(default)]
    pub code_name: Option<String>,

    /// Replica set name; present on every replica-set member except ghosts.
    #[serde(default)]
    pub set_name: Option<String>,
    /// Version of the replica-set configuration.
    #[serde(default, deserialize_with = "de_opt_i64")]
    pub set_version: Option<i64>,
    /// Electable members (`host:port` as the configuration names them).
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Priority-0 members.
    #[serde(default)]
    pub passives: Vec<String>,
    /// Arbiters.
    #[serde(default)]
    pub arbiters: Vec<String>,
    /// The primary, as this member sees it.
    #[serde(default)]
    pub primary: Option<String>,
    /// This member's own name in the configuration.
    #[serde(default)]
    pub me: Option<String>,

    /// Primary (MongoDB 4.4.2+ and servers answering `hello`).
    #[serde(default)]
    pub is_writable_primary: bool,
    /// Primary, legacy spelling (answers to `isMaster`).
    #[serde(default, rename = "ismaster")]
    pub ismaster: Option<bool>,
    /// Secondary.
    #[serde(default)]
    pub secondary: Option<bool>,
    /// Arbiter.
    #[serde(default)]
    pub arbiter_only: Option<bool>,
    /// Hidden member.
    #[serde(default)]
    pub hidden: Option<bool>,
    /// Priority-0 member.
    #[serde(default)]
    pub passive: Option<bool>,
    /// Set by a replica-set member that has no configuration yet (an SDAM "ghost").
    #[serde(default, rename = "isreplicaset")]
    pub isreplicaset: Option<bool>,

    /// Oldest wire protocol version the server speaks.
    #[serde(default, deserialize_with = "de_opt_i32")]
    pub min_wire_version: Option<i32>,
    /// Newest wire protocol version the server speaks (6 = MongoDB 3.6, OP_MSG).
    #[serde(default, deserialize_with = "de_opt_i32")]
    pub max_wire_version: Option<i32>,
    /// Largest BSON document the server accepts.
    #[serde(default, deserialize_with = "de_opt_i64")]
    pub max_bson_object_size: Option<i64>,
    /// Largest message the server accepts (48,000,000 by default).
    #[serde(default, deserialize_with = "de_opt_i64")]
    pub max_message_size_bytes: Option<i64>,
    /// Largest write batch.
    #[serde(default, deserialize_with = "de_opt_i64")]
    pub max_write_batch_size: Option<i64>,
    /// `{ processId, counter }` for streaming monitoring (4.4+).
    #[serde(default)]
    pub topology_version: Option<Document>,
    /// The server accepts `hello` in place of `isMaster`.
    #[serde(default)]
    pub hello_ok: Option<bool>,
    /// `"isdbgrid"` on a mongos.
    #[serde(default)]
    pub msg: Option<String>,
    /// Session timeout; absent when sessions are not supported.
    #[serde(default, deserialize_with = "de_opt_i64")]
    pub logical_session_timeout_minutes: Option<i64>,
    /// Replica-set member tags.
    #[serde(default)]
    pub tags: Option<Document>,
}

/// What a server is, by the rules of the Server Discovery and Monitoring specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServerKind {
    /// A mongod outside any replica set.
    Standalone,
    /// A mongos router (`msg: "isdbgrid"`).
    Mongos,
    /// The replica set's primary.
    RsPrimary,
    /// A secondary.
    RsSecondary,
    /// An arbiter.
    RsArbiter,
    /// A member that is none of the above (hidden, starting up, recovering, ...).
    RsOther,
    /// A replica-set member without a configuration (`isreplicaset: true`, no `setName`).
    RsGhost,
}

impl ServerKind {
    /// The specification's name: "Standalone", "Mongos", "RSPrimary", ...
    pub fn as_str(self) -> &'static str {
        match self {
            ServerKind::Standalone => "Standalone",
            ServerKind::Mongos => "Mongos",
            ServerKind::RsPrimary => "RSPrimary",
            ServerKind::RsSecondary => "RSSecondary",
            ServerKind::RsArbiter => "RSArbiter",
            ServerKind::RsOther => "RSOther",
            ServerKind::RsGhost => "RSGhost",
        }
    }
}

impl std::fmt::Display for ServerKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl HelloReply {
    /// The member accepts writes: `isWritablePrimary`, or legacy `ismaster`.
    pub fn is_primary(&self) -> bool {
        self.is_writable_primary || self.ismaster == Some(true)
    }

    /// The member belongs to a configured replica set (`setName` present).
    pub fn is_replica_set_member(&self) -> bool {
        self.set_name.is_some()
    }

    /// A mongos router.
    pub fn is_mongos(&self) -> bool {
        self.msg.as_deref() == Some("isdbgrid")
    }

    /// Every member the reply names: `hosts`, then `passives`, then `arbiters`, without
    /// repeats, in first-seen order (names compared exactly as sent).
    pub fn all_hosts(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for h in self
            .hosts
            .iter()
            .chain(&self.passives)
            .chain(&self.arbiters)
        {
            if !out.contains(h) {
                out.push(h.clone());
            }
        }
        out
    }

    /// The server kind, following SDAM: mongos, then (with `setName`) hidden → other,
    /// primary, secondary, arbiter, other; without `setName`, ghost or standalone.
    pub fn kind(&self) -> ServerKind {
        if self.is_mongos() {
            ServerKind::Mongos
        } else if self.set_name.is_some() {
            if self.hidden == Some(true) {
                ServerKind::RsOther
            } else if self.is_primary() {
                ServerKind::RsPrimary
            } else if self.secondary == Some(true) {
                ServerKind::RsSecondary
            } else if self.arbiter_only == Some(true) {
                ServerKind::RsArbiter
            } else {
                ServerKind::RsOther
            }
        } else if self.isreplicaset == Some(true) {
            ServerKind::RsGhost
        } else {
            ServerKind::Standalone
        }
    }
}

/// Parses a `hello`/`isMaster` reply document. `ok: 0` (or a legacy `$err`) becomes
/// [`WireError::CommandFailed`]; a document that is not a hello reply becomes
/// [`WireError::InvalidReply`] naming the offending field's problem.
pub fn parse_hello(doc: &Document) -> Result<HelloReply, WireError> {
    check_command_ok(doc)?;
    bson::from_document(doc.clone()).map_err(|e| WireError::InvalidReply {
        message: crate::tr!("uri-wire-hello-does-not-parse", error = e.to_string()),
    })
}

/// The handshake command, as drivers send it.
///
/// - `legacy == true` (sent over OP_QUERY on `admin.$cmd`, which every server accepts for the
///   handshake): `{ isMaster: 1, helloOk: true, client: {...} }`.
/// - `legacy == false` (OP_MSG): `{ hello: 1, $db: "admin", helloOk: true, client: {...} }`.
///
/// `client` is `{ driver: { name: "mongotls", version }, os: { type, architecture },
/// application: { name } }`, the last only with an `app_name` (servers reject names over
/// 128 bytes; the caller validates).
pub fn hello_command(app_name: Option<&str>, legacy: bool) -> Document {
    let mut client = doc! {
        "driver": { "name": "mongotls", "version": env!("CARGO_PKG_VERSION") },
        "os": { "type": std::env::consts::OS, "architecture": std::env::consts::ARCH },
    };
    if let Some(name) = app_name {
        client.insert("application", doc! { "name": name });
    }
    if legacy {
        doc! { "isMaster": 1, "helloOk": true, "client": client }
    } else {
        doc! { "hello": 1, "$db": "admin", "helloOk": true, "client": client }
    }
}

/// `{ ping: 1, $db: "admin" }`.
pub fn ping_command() -> Document {
    doc! { "ping": 1, "$db": "admin" }
}

/// `{ buildInfo: 1, $db: "admin" }` (the reply's `version` is the server version).
pub fn build_info_command() -> Document {
    doc! { "buildInfo": 1, "$db": "admin" }
}

fn de_ok<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let b = Bson::deserialize(d)?;
    number_as_f64(&b).ok_or_else(|| {
        D::Error::custom(crate::tr!(
            "uri-wire-ok-must-be-number",
            bson_type = format!("{:?}", b.element_type()),
            value = b.to_string(),
        ))
    })
}

fn de_opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match Option::<Bson>::deserialize(d)? {
        None | Some(Bson::Null) => Ok(None),
        Some(b) => number_as_i64(&b).map(Some).ok_or_else(|| {
            D::Error::custom(crate::tr!(
                "uri-wire-expected-integer",
                value = b.to_string()
            ))
        }),
    }
}

fn de_opt_i32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    match de_opt_i64(d)? {
        None => Ok(None),
        Some(v) => i32::try_from(v).map(Some).map_err(|_| {
            D::Error::custom(crate::tr!("uri-wire-not-32-bit", value = v.to_string()))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bson::oid::ObjectId;

    fn primary_doc() -> Document {
        doc! {
            "topologyVersion": { "processId": ObjectId::new(), "counter": 6_i64 },
            "hosts": ["mongo-0.example.internal:27017", "mongo-1.example.internal:27017"],
            "passives": ["mongo-2.example.internal:27017"],
            "arbiters": ["mongo-arb.example.internal:27017"],
            "setName": "mgset-12345678",
            "setVersion": 3,
            "isWritablePrimary": true,
            "secondary": false,
            "primary": "mongo-0.example.internal:27017",
            "me": "mongo-0.example.internal:27017",
            "electionId": ObjectId::new(),
            "lastWrite": { "opTime": { "ts": Bson::Timestamp(bson::Timestamp { time: 1, increment: 1 }), "t": 1_i64 } },
            "maxBsonObjectSize": 16_777_216,
            "maxMessageSizeBytes": 48_000_000,
            "maxWriteBatchSize": 100_000,
            "localTime": bson::DateTime::now(),
            "logicalSessionTimeoutMinutes": 30,
            "connectionId": 42,
            "minWireVersion": 0,
            "maxWireVersion": 21,
            "readOnly": false,
            "helloOk": true,
            "tags": { "region": "cn-hangzhou" },
            "ok": 1.0,
            "$clusterTime": { "clusterTime": Bson::Timestamp(bson::Timestamp { time: 1, increment: 1 }) },
            "operationTime": Bson::Timestamp(bson::Timestamp { time: 1, increment: 1 }),
        }
    }

    #[test]
    fn primary_reply_parses_every_field() {
        let h = parse_hello(&primary_doc()).unwrap();
        assert_eq!(h.ok, 1.0);
        assert_eq!(h.set_name.as_deref(), Some("mgset-12345678"));
        assert_eq!(h.set_version, Some(3));
        assert!(h.is_writable_primary);
        assert!(h.is_primary());
        assert!(h.is_replica_set_member());
        assert_eq!(h.kind(), ServerKind::RsPrimary);
        assert_eq!(h.min_wire_version, Some(0));
        assert_eq!(h.max_wire_version, Some(21));
        assert_eq!(h.max_bson_object_size, Some(16_777_216));
        assert_eq!(h.max_message_size_bytes, Some(48_000_000));
        assert_eq!(h.max_write_batch_size, Some(100_000));
        assert_eq!(h.logical_session_timeout_minutes, Some(30));
        assert_eq!(h.hello_ok, Some(true));
        assert_eq!(h.me.as_deref(), Some("mongo-0.example.internal:27017"));
        assert_eq!(h.primary.as_deref(), Some("mongo-0.example.internal:27017"));
        assert_eq!(h.topology_version.unwrap().get_i64("counter").unwrap(), 6);
        assert_eq!(h.tags.unwrap().get_str("region").unwrap(), "cn-hangzhou");
        assert_eq!(h.errmsg, None);
    }

    #[test]
    fn all_hosts_in_order_without_repeats() {
        let mut d = primary_doc();
        d.insert(
            "passives",
            vec![
                "mongo-2.example.internal:27017",
                "mongo-0.example.internal:27017",
            ],
        );
        let h = parse_hello(&d).unwrap();
        assert_eq!(
            h.all_hosts(),
            vec![
                "mongo-0.example.internal:27017",
                "mongo-1.example.internal:27017",
                "mongo-2.example.internal:27017",
                "mongo-arb.example.internal:27017",
            ]
        );
    }

    #[test]
    fn legacy_secondary_reply() {
        // A 3.4 server answering isMaster: `ismaster`, no isWritablePrimary.
        let h = parse_hello(&doc! {
            "ismaster": false, "secondary": true, "setName": "rs0",
            "hosts": ["a:27017", "b:27017"], "me": "b:27017",
            "maxWireVersion": 5, "minWireVersion": 0, "ok": 1.0,
        })
        .unwrap();
        assert!(!h.is_primary());
        assert_eq!(h.secondary, Some(true));
        assert_eq!(h.kind(), ServerKind::RsSecondary);
        assert_eq!(h.kind().to_string(), "RSSecondary");
    }

    #[test]
    fn legacy_primary_via_ismaster() {
        let h = parse_hello(&doc! { "ismaster": true, "setName": "rs0", "ok": 1 }).unwrap();
        assert!(h.is_primary());
        assert!(!h.is_writable_primary);
        assert_eq!(h.kind(), ServerKind::RsPrimary);
    }

    #[test]
    fn arbiter_hidden_other_ghost_standalone_mongos() {
        let kind = |d: Document| parse_hello(&d).unwrap().kind();
        assert_eq!(
            kind(doc! { "setName": "rs0", "arbiterOnly": true, "secondary": false, "ok": 1 }),
            ServerKind::RsArbiter
        );
        assert_eq!(
            kind(doc! { "setName": "rs0", "secondary": true, "hidden": true, "ok": 1 }),
            ServerKind::RsOther
        );
        assert_eq!(
            kind(doc! { "setName": "rs0", "secondary": false, "ok": 1 }),
            ServerKind::RsOther
        );
        assert_eq!(
            kind(doc! { "isreplicaset": true, "isWritablePrimary": false, "ok": 1 }),
            ServerKind::RsGhost
        );
        let standalone = parse_hello(&doc! {
            "isWritablePrimary": true, "maxWireVersion": 21, "ok": 1.0
        })
        .unwrap();
        assert_eq!(standalone.kind(), ServerKind::Standalone);
        assert!(!standalone.is_replica_set_member());
        assert!(standalone.all_hosts().is_empty());
        let mongos = parse_hello(&doc! {
            "isWritablePrimary": true, "msg": "isdbgrid", "maxWireVersion": 21, "ok": 1.0
        })
        .unwrap();
        assert!(mongos.is_mongos());
        assert_eq!(mongos.kind(), ServerKind::Mongos);
    }

    #[test]
    fn ok_as_int32_int64_double() {
        for ok in [Bson::Int32(1), Bson::Int64(1), Bson::Double(1.0)] {
            let h = parse_hello(&doc! { "ok": ok.clone(), "isWritablePrimary": true }).unwrap();
            assert_eq!(h.ok, 1.0, "{ok}");
        }
    }

    #[test]
    fn numbers_in_other_widths_are_accepted() {
        let h = parse_hello(&doc! {
            "ok": 1, "maxWireVersion": 21_i64, "maxBsonObjectSize": 16_777_216.0,
            "setVersion": Bson::Null,
        })
        .unwrap();
        assert_eq!(h.max_wire_version, Some(21));
        assert_eq!(h.max_bson_object_size, Some(16_777_216));
        assert_eq!(h.set_version, None);
    }

    #[test]
    fn ok_zero_is_command_failed() {
        for ok in [Bson::Int32(0), Bson::Int64(0), Bson::Double(0.0)] {
            let err = parse_hello(&doc! {
                "ok": ok, "errmsg": "not authorized", "code": 13, "codeName": "Unauthorized"
            })
            .unwrap_err();
            match err {
                WireError::CommandFailed {
                    code,
                    code_name,
                    errmsg,
                } => {
                    assert_eq!(code, Some(13));
                    assert_eq!(code_name.as_deref(), Some("Unauthorized"));
                    assert_eq!(errmsg, "not authorized");
                }
                other => panic!("{other}"),
            }
        }
    }

    #[test]
    fn wrong_shapes_are_invalid_reply() {
        let err = parse_hello(&doc! { "ok": 1, "hosts": "a:1" }).unwrap_err();
        assert!(matches!(err, WireError::InvalidReply { .. }), "{err}");
        let err = parse_hello(&doc! { "ok": 1, "maxWireVersion": 3.5 }).unwrap_err();
        assert!(err.to_string().contains("expected an integer"), "{err}");
        let err = parse_hello(&doc! { "ok": 1, "maxWireVersion": 1_i64 << 40 }).unwrap_err();
        assert!(err.to_string().contains("does not fit"), "{err}");
        assert!(matches!(
            parse_hello(&doc! { "isWritablePrimary": true }),
            Err(WireError::InvalidReply { .. })
        ));
    }

    #[test]
    fn hello_command_shapes() {
        let legacy = hello_command(Some("ci-check"), true);
        assert_eq!(legacy.keys().next().map(String::as_str), Some("isMaster"));
        assert_eq!(legacy.get_i32("isMaster").unwrap(), 1);
        assert!(legacy.get_bool("helloOk").unwrap());
        assert!(!legacy.contains_key("$db"));
        let client = legacy.get_document("client").unwrap();
        let driver = client.get_document("driver").unwrap();
        assert_eq!(driver.get_str("name").unwrap(), "mongotls");
        assert_eq!(
            driver.get_str("version").unwrap(),
            env!("CARGO_PKG_VERSION")
        );
        assert_eq!(
            client.get_document("os").unwrap().get_str("type").unwrap(),
            std::env::consts::OS
        );
        assert_eq!(
            client
                .get_document("application")
                .unwrap()
                .get_str("name")
                .unwrap(),
            "ci-check"
        );

        let msg = hello_command(None, false);
        assert_eq!(msg.keys().next().map(String::as_str), Some("hello"));
        assert_eq!(msg.get_str("$db").unwrap(), "admin");
        assert!(!msg
            .get_document("client")
            .unwrap()
            .contains_key("application"));
    }

    #[test]
    fn ping_and_build_info() {
        assert_eq!(ping_command(), doc! { "ping": 1, "$db": "admin" });
        assert_eq!(
            build_info_command(),
            doc! { "buildInfo": 1, "$db": "admin" }
        );
    }
}
