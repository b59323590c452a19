//! Typed option values: the value parsers clap runs on what the user typed, so that every
//! option arrives as what it means (a `Duration`, a range-checked count, a time, a host name,
//! a list of sizes) or as an error that quotes the value and says what to write instead.
//!
//! Messages do not name the option: clap knows it, and [`super::render_error`] prints it once,
//! before the message (`--timeout 0s is out of range: …`, `--timeout: empty duration: …`).

use std::time::Duration;

use clap::builder::PossibleValue;
use clap::ValueEnum;
use rustls_pki_types::ServerName;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use crate::duration::{format_duration, parse_duration};
use crate::pki::verify::InvalidHost;
use crate::sandbox::{ClientAuth, Scenario, TlsMode};
use crate::tr;

/// Longest accepted `--timeout` (one network phase).
pub const MAX_TIMEOUT: Duration = Duration::from_secs(300);
/// Longest accepted `--deadline` (a whole `check` run).
pub const MAX_DEADLINE: Duration = Duration::from_secs(3600);
/// Largest accepted `--max-connections` and `--concurrency`.
pub const MAX_CONNECTIONS: usize = 256;
/// Largest payload: MongoDB's maxBsonObjectSize minus room for the command around it.
pub const MAX_PAYLOAD_BYTES: usize = 16 * 1024 * 1024 - 1024;

/// A duration above zero and at most `max`; `example` is what the message suggests.
fn bounded_duration(text: &str, max: Duration, example: &str) -> Result<Duration, String> {
    let d = parse_duration(text).map_err(|e| e.to_string())?;
    if d.is_zero() || d > max {
        return Err(tr!(
            "cli-value-duration-range",
            value = text.trim(),
            max = format_duration(max),
            example = example
        ));
    }
    Ok(d)
}

/// `--expect-fingerprint`: a SHA-256 fingerprint, 64 hex digits with or without colons.
pub fn fingerprint(text: &str) -> Result<crate::wait::timeline::Fingerprint, String> {
    crate::wait::timeline::parse_fingerprint(text).map_err(|e| e.to_string())
}

/// `--timeout`: the bound of each network phase, above 0 and at most 5m.
pub fn timeout(text: &str) -> Result<Duration, String> {
    bounded_duration(text, MAX_TIMEOUT, "10s")
}

/// `--deadline`: the bound of a whole `check` run, above 0 and at most 1h.
pub fn deadline(text: &str) -> Result<Duration, String> {
    bounded_duration(text, MAX_DEADLINE, "2m")
}

/// `--max-time`: the bound of a `bench` run, above 0 and at most 24h.
pub fn max_time(text: &str) -> Result<Duration, String> {
    bounded_duration(text, crate::duration::MAX_DURATION, "30s")
}

/// `--handshake-delay`: any duration up to 24h, zero included.
pub fn delay(text: &str) -> Result<Duration, String> {
    parse_duration(text).map_err(|e| e.to_string())
}

/// A whole number in `range`; `range_words` says the range in the message.
fn whole_number(text: &str, min: i128, max: i128, range_words: &str) -> Result<i128, String> {
    let trimmed = text.trim();
    let n: i128 = trimmed.parse().map_err(|_| {
        tr!(
            "cli-value-not-a-number",
            value = trimmed,
            range = range_words
        )
    })?;
    if n < min || n > max {
        return Err(tr!(
            "cli-value-out-of-range",
            value = trimmed,
            range = range_words
        ));
    }
    Ok(n)
}

/// The value of [`whole_number`] in the option's own type (the range is the type's subset).
fn cast<T: TryFrom<i128>>(n: i128, text: &str) -> Result<T, String> {
    T::try_from(n).map_err(|_| tr!("cli-value-out-of-range-bare", value = text.trim()))
}

/// `--dns-server`: `IP:PORT` or `[IPv6]:PORT`, or an IP address alone for port 53.
pub fn dns_server(text: &str) -> Result<std::net::SocketAddr, String> {
    let t = text.trim();
    let parsed = t.parse::<std::net::SocketAddr>().ok().or_else(|| {
        t.parse::<std::net::IpAddr>()
            .ok()
            .map(|ip| std::net::SocketAddr::new(ip, 53))
    });
    match parsed {
        Some(addr) if addr.port() != 0 => Ok(addr),
        Some(_) => Err(tr!(
            "cli-value-dns-port-zero",
            value = crate::escape::printable(t)
        )),
        None => Err(tr!(
            "cli-value-dns-not-an-address",
            value = crate::escape::printable(t)
        )),
    }
}

/// `serve --listen`: `IP:PORT` or `[IPv6]:PORT` (port 0: a free one).
pub fn listen(text: &str) -> Result<std::net::SocketAddr, String> {
    let t = text.trim();
    t.parse().map_err(|_| {
        tr!(
            "serve-listen-not-an-address",
            value = crate::escape::printable(t)
        )
    })
}

/// `--max-connections`: 1 to 256.
pub fn max_connections(text: &str) -> Result<usize, String> {
    let n = whole_number(
        text,
        1,
        MAX_CONNECTIONS as i128,
        &tr!("cli-range-max-connections"),
    )?;
    cast(n, text)
}

/// `--concurrency`: 1 to 256.
pub fn concurrency(text: &str) -> Result<usize, String> {
    let n = whole_number(
        text,
        1,
        MAX_CONNECTIONS as i128,
        &tr!("cli-range-concurrency"),
    )?;
    cast(n, text)
}

/// `--samples`: 1 to 1,000,000.
pub fn samples(text: &str) -> Result<usize, String> {
    let n = whole_number(text, 1, 1_000_000, &tr!("cli-range-samples"))?;
    cast(n, text)
}

/// `--warmup`: 0 to 1000.
pub fn warmup(text: &str) -> Result<usize, String> {
    let n = whole_number(text, 0, 1000, &tr!("cli-range-warmup"))?;
    cast(n, text)
}

/// `--warn-days`: 0 to 36,500.
pub fn warn_days(text: &str) -> Result<i64, String> {
    let n = whole_number(text, 0, 36_500, &tr!("cli-range-warn-days"))?;
    cast(n, text)
}

/// `--members`: 1 to 7.
pub fn members(text: &str) -> Result<usize, String> {
    let n = whole_number(text, 1, 7, &tr!("cli-range-members"))?;
    cast(n, text)
}

/// `--port`: the first of the sandbox's fixed ports, 1 to 65535.
pub fn port(text: &str) -> Result<u16, String> {
    let n = whole_number(text, 1, 65_535, &tr!("cli-range-port"))?;
    cast(n, text)
}

/// `--at`: RFC 3339 (`2027-01-01T00:00:00Z`, `2027-01-01T08:00:00+08:00`) or a bare date
/// (`2027-01-01`, midnight UTC).
pub fn time(text: &str) -> Result<OffsetDateTime, String> {
    if let Ok(t) = OffsetDateTime::parse(text, &Rfc3339) {
        return Ok(t);
    }
    let date_format = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(d) = Date::parse(text, &date_format) {
        return Ok(d.midnight().assume_utc());
    }
    Err(tr!("cli-value-not-a-time", value = text))
}

/// `--host`, `--server-name`: an IPv4/IPv6 address (IPv6 with or without brackets) or a DNS
/// name, read as member names from a server's `hello` are.
pub fn host(text: &str) -> Result<ServerName<'static>, InvalidHost> {
    crate::pki::verify::parse_host(text)
}

/// `--payload-sizes`: payload sizes in bytes, in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayloadSizes(pub Vec<usize>);

/// `--payload-sizes`: `1KiB,64KiB,1MiB,100` (KiB/MiB binary, KB/MB decimal, bare numbers are
/// bytes), each from 1 byte to 16 MiB minus 1 KiB.
pub fn payload_sizes(text: &str) -> Result<PayloadSizes, String> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        out.push(payload_size(part)?);
    }
    if out.is_empty() {
        return Err(tr!("cli-value-no-size", value = text));
    }
    Ok(PayloadSizes(out))
}

fn payload_size(part: &str) -> Result<usize, String> {
    let digits_end = part
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(part.len());
    let (number, unit) = part.split_at(digits_end);
    let n: usize = number
        .parse()
        .map_err(|_| tr!("cli-value-not-a-size", value = part))?;
    let factor = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kib" | "k" => 1024,
        "mib" | "m" => 1024 * 1024,
        "kb" => 1000,
        "mb" => 1_000_000,
        other => return Err(tr!("cli-value-unknown-unit", unit = other, value = part)),
    };
    let bytes = n.saturating_mul(factor);
    if bytes == 0 || bytes > MAX_PAYLOAD_BYTES {
        return Err(tr!("cli-value-size-range", value = part));
    }
    Ok(bytes)
}

/// `--scenario`: the sandbox's names and descriptions, so `--help` lists them.
impl ValueEnum for Scenario {
    fn value_variants<'a>() -> &'a [Self] {
        &Scenario::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.description()))
    }
}

/// `--tls-mode`: like mongod's `net.tls.mode`.
impl ValueEnum for TlsMode {
    fn value_variants<'a>() -> &'a [Self] {
        &TlsMode::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            TlsMode::Require => "TLS only (requireTLS, \"force SSL\")",
            TlsMode::Allow => "TLS and plaintext on the same port (as right after SSL was enabled)",
            TlsMode::Disabled => "plaintext only",
        };
        Some(PossibleValue::new(self.name()).help(help))
    }
}

/// `--client-auth`: whether sandbox members ask TLS clients for a certificate.
impl ValueEnum for ClientAuth {
    fn value_variants<'a>() -> &'a [Self] {
        &ClientAuth::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            ClientAuth::None => "no client certificate is requested",
            ClientAuth::Optional => "a client certificate is verified when given",
            ClientAuth::Required => "clients without a certificate from the sandbox CA are refused",
        };
        Some(PossibleValue::new(self.name()).help(help))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn payload_sizes_parse_and_an_empty_list_is_refused() {
        assert_eq!(
            payload_sizes("1KiB, 2,1MiB"),
            Ok(PayloadSizes(vec![1024, 2, 1 << 20]))
        );
        for empty in ["", ",,,", " , "] {
            let e = payload_sizes(empty).unwrap_err();
            assert!(e.contains("names no size"), "{empty:?}: {e}");
        }
        assert!(payload_sizes("0").is_err() && payload_sizes("-1").is_err());
        assert!(payload_sizes("16MiB").unwrap_err().contains("out of range"));
    }

    #[test]
    fn dns_server_is_an_address_and_port() {
        assert_eq!(
            dns_server("127.0.0.1:5353").unwrap().to_string(),
            "127.0.0.1:5353"
        );
        assert_eq!(dns_server("[::1]:53").unwrap().to_string(), "[::1]:53");
        assert_eq!(dns_server("10.0.0.2").unwrap().to_string(), "10.0.0.2:53");
        assert!(dns_server("dns.example:53")
            .unwrap_err()
            .contains("not an IP address and port"));
        assert!(dns_server("127.0.0.1:0").unwrap_err().contains("port 0"));
        assert!(dns_server("127.0.0.1:99999").is_err());
    }

    #[test]
    fn parses_rfc3339_and_dates() {
        assert_eq!(
            time("2027-01-01T08:00:00+08:00"),
            Ok(datetime!(2027-01-01 00:00 UTC))
        );
        assert_eq!(time("2027-01-01"), Ok(datetime!(2027-01-01 00:00 UTC)));
        let err = time("yesterday").unwrap_err();
        assert!(err.contains("RFC 3339"), "{err}");
    }

    #[test]
    fn durations_are_bounded_with_one_rule() {
        assert_eq!(timeout("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(timeout("5m"), Ok(MAX_TIMEOUT));
        for (text, says) in [
            (
                "0s",
                "0s is out of range: give a duration above 0 and at most 5m",
            ),
            ("6m", "6m is out of range"),
            ("-1s", "negative"),
            ("10", "no unit"),
        ] {
            let e = timeout(text).unwrap_err();
            assert!(e.contains(says), "{text}: {e}");
        }
        assert!(deadline("1h").is_ok() && deadline("61m").is_err());
        assert!(max_time("24h").is_ok() && max_time("0s").is_err());
        assert_eq!(delay("0s"), Ok(Duration::ZERO));
    }

    #[test]
    fn counts_are_range_checked_without_overflow() {
        assert_eq!(max_connections("16"), Ok(16));
        assert!(max_connections("0")
            .unwrap_err()
            .starts_with("0 is out of range"));
        assert!(max_connections("-1")
            .unwrap_err()
            .starts_with("-1 is out of range"));
        assert!(samples("99999999999999999999999")
            .unwrap_err()
            .contains("out of range"));
        assert!(samples("123456789012345678901234567890123456789012")
            .unwrap_err()
            .contains("not a whole number"));
        assert!(warmup("1001").unwrap_err().contains("at most 1000"));
        assert_eq!(warn_days("0"), Ok(0));
        assert!(warn_days("abc")
            .unwrap_err()
            .contains("'abc' is not a whole number"));
        assert!(members("8").unwrap_err().contains("1 to 7 members"));
    }

    #[test]
    fn hosts_are_names_or_addresses() {
        assert!(matches!(host("10.0.0.5"), Ok(ServerName::IpAddress(_))));
        assert!(matches!(host("[::1]"), Ok(ServerName::IpAddress(_))));
        assert!(matches!(host("db.example"), Ok(ServerName::DnsName(_))));
        assert!(host("db.example:27017").is_err());
        assert!(host("a..b").unwrap_err().to_string().contains("'a..b'"));
    }
}
