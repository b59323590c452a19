//! How typed values become JSON: one serializer per kind of value, used through
//! `#[serde(serialize_with = "…")]` by the report structs. Times become RFC 3339 text
//! ([`crate::dates::rfc3339`]), measured durations milliseconds rounded to the microsecond
//! ([`crate::duration::millis`]), configured durations whole milliseconds, and the engines'
//! enums their lower-case names. The text renderers use the same functions, so each kind of
//! value is written one way.

use std::time::Duration;

use serde::{Serialize, Serializer};
use time::OffsetDateTime;

use crate::bench::Transport;
use crate::driver::DriverVerdict;
use crate::pki::bundle::{InputFormat, Origin};
use crate::pki::inspect::SignatureHash;
use crate::pki::verify::{PathSource, Role};
use crate::probe::{PhaseTimings, TlsMode};

/// A time as RFC 3339 text.
pub fn time<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::dates::rfc3339(*t))
}

/// A measured duration in milliseconds, to the microsecond.
pub fn millis<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(crate::duration::millis(*d))
}

/// A measured duration in milliseconds, exactly (`bench`'s throughput window).
pub fn exact_millis<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(crate::duration::as_ms(*d))
}

/// A value by its `Display` form (`bench` metrics: `connect_full`, `payload_1024`).
pub fn display<T: std::fmt::Display, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// A member's phase timings as `{"dns": 0.123, "tcp_connect": null, …}`, in the order the
/// phases run.
pub fn timings<S: Serializer>(t: &PhaseTimings, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let phases = t.phases();
    let mut map = s.serialize_map(Some(phases.len()))?;
    for (name, d) in phases {
        map.serialize_entry(name, &d.map(crate::duration::millis))?;
    }
    map.end()
}

/// A configured duration (`--timeout`) in whole milliseconds.
pub fn whole_millis<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Where an entry was read from: `{"file", "zip_member", "format", "block", "line",
/// "index"}`, the parts that do not apply left out.
pub fn origin<S: Serializer>(o: &Origin, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Source<'a> {
        file: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        zip_member: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        block: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        line: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    }
    Source {
        file: &o.file,
        zip_member: o.zip_member.as_deref(),
        format: o.format.map(InputFormat::as_str),
        block: o.block,
        line: o.line,
        index: o.index,
    }
    .serialize(s)
}

/// The engines' enums as their lower-case names (`tls_only`, `leaf`, `sha1`, `plain`).
macro_rules! names {
    ($($name:ident: $ty:ty),* $(,)?) => {
        $(
            #[doc = concat!("A [`", stringify!($ty), "`] by its name.")]
            pub fn $name<S: Serializer>(v: &$ty, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(v.as_str())
            }
        )*
    };
}

names! {
    driver_verdict: DriverVerdict,
    tls_mode: TlsMode,
    role: Role,
    path_source: PathSource,
    signature_hash: SignatureHash,
    transport: Transport,
}
