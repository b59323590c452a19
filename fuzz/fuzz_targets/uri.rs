//! `mongotls::uri::parse` on arbitrary text (lossy UTF-8).
//!
//! Properties: nothing panics; when it parses, `redacted()` parses again to the same hosts;
//! a password of 8+ bytes never shows in `redacted()`, `Display`, `Debug` or the warnings.
//!
//! The leak check is differential, so that a password that also happens to be part of the
//! public text (user name == password, a password equal to a host name, ...) is no false
//! alarm: the same URI is parsed again with the password replaced by an unrelated one, and a
//! leak is reported only when the real password shows in an output of the first parse but not
//! in the same output of the second.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mongotls::uri::{parse, ConnectionString};

/// Byte range of the raw (still percent-encoded) password in `text`, mirroring how `parse`
/// splits: scheme, authority up to the first '/', user info before the last '@' of it,
/// password after the first ':' of the user info.
fn raw_password_range(text: &str) -> Option<std::ops::Range<usize>> {
    let scheme_end = text.find("://")? + 3;
    let rest = &text[scheme_end..];
    let authority = rest.split('/').next().unwrap_or(rest);
    let at = authority.rfind('@')?;
    let userinfo = &authority[..at];
    let colon = userinfo.find(':')?;
    Some(scheme_end + colon + 1..scheme_end + at)
}

fn outputs(cs: &ConnectionString) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("redacted()", cs.redacted()),
        ("Display", cs.to_string()),
        ("Debug", format!("{cs:?}")),
    ];
    for w in &cs.warnings {
        out.push(("a warning", w.clone()));
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let text = input.trim();
    let Ok(cs) = parse(&input) else {
        return;
    };

    // redacted() reads back to the same hosts.
    let redacted = cs.redacted();
    match parse(&redacted) {
        Ok(again) => assert_eq!(
            again.hosts, cs.hosts,
            "redacted() {redacted:?} parses to other hosts"
        ),
        Err(e) => panic!("redacted() {redacted:?} of {text:?} does not parse: {e}"),
    }

    // The password never shows.
    let Some(password) = cs.password.as_ref().map(|p| p.expose().to_string()) else {
        return;
    };
    if password.len() < 8 {
        return;
    }
    let Some(range) = raw_password_range(text) else {
        return;
    };
    let mut alt_text = text.to_string();
    alt_text.replace_range(range, "Zq9Xw7Vy");
    let alt = parse(&alt_text).ok();
    let alt_outputs = alt.as_ref().map(outputs);
    for (i, (what, shown)) in outputs(&cs).iter().enumerate() {
        if !shown.contains(&password) {
            continue;
        }
        let explained = alt_outputs
            .as_ref()
            .and_then(|o| o.get(i))
            .is_some_and(|(alt_what, alt_shown)| {
                alt_what == what && alt_shown.contains(&password)
            });
        assert!(
            explained,
            "the password shows in {what}: {shown:?} (input {text:?})"
        );
    }
});
