//! `parse_hello` on any BSON document the input decodes to.
//!
//! Properties: nothing panics; `all_hosts()` has no repeats and only names from
//! hosts/passives/arbiters; `kind()` and the role helpers never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mongotls::wire::hello::parse_hello;
use mongotls::wire::message::check_command_ok;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = bson::Document::from_reader(data) else {
        return;
    };
    let _ = check_command_ok(&doc);
    let Ok(reply) = parse_hello(&doc) else {
        return;
    };
    let hosts = reply.all_hosts();
    for (i, h) in hosts.iter().enumerate() {
        assert!(!hosts[..i].contains(h), "all_hosts() repeats {h:?}");
        assert!(
            reply.hosts.contains(h) || reply.passives.contains(h) || reply.arbiters.contains(h),
            "all_hosts() invents {h:?}"
        );
    }
    let kind = reply.kind();
    let _ = kind.as_str();
    let _ = reply.is_primary();
    let _ = reply.is_replica_set_member();
    let _ = reply.is_mongos();
});
