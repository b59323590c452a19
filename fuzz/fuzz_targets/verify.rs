//! `verify_chain` on two certificate inputs cut from one: the first two bytes (little-endian)
//! give the length of the anchors input, the rest is the presented chain. Both go through
//! `parse_input` and `Cert::parse` as the CLI does.
//!
//! Properties: nothing panics, for any mix of certificates, with a host name and without.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mongotls::pki::bundle::parse_input;
use mongotls::pki::inspect::Cert;
use mongotls::pki::verify::{parse_host, verify_chain, VerifyOptions};
use time::macros::datetime;
use time::OffsetDateTime;

fn certs(name: &str, bytes: &[u8], now: OffsetDateTime) -> Vec<Cert> {
    parse_input(name, bytes)
        .certs
        .into_iter()
        .filter_map(|raw| Cert::parse(raw.der, now).ok())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((len, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let split = usize::from(u16::from_le_bytes(*len)).min(rest.len());
    let (anchor_bytes, chain_bytes) = rest.split_at(split);
    let now = datetime!(2020-06-01 00:00 UTC);
    let anchors = certs("ca", anchor_bytes, now);
    let presented = certs("chain", chain_bytes, now);
    if presented.is_empty() {
        return;
    }
    for host in [Some("mongo-0.example.internal"), Some("127.0.0.1"), None] {
        let opts = VerifyOptions {
            host: host.map(|h| parse_host(h).expect("fixed host parses")),
            now,
            warn_days: 30,
            hostnames_waived: false,
            // The conformance lint runs either way; strict only changes severities.
            strict: true,
        };
        let _ = verify_chain(&anchors, &presented, &opts);
    }
});
