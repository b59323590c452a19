//! Connection strings in Chinese, through the binary (`--lang zh`): a string that cannot be used
//! is refused in Chinese, still naming the option or the part as written, with exit code 2; a
//! misspelt option's warning is Chinese and suggests the option meant. The English stays as it
//! was.

use serde_json::Value;

use crate::support::run::mongotls;

/// The text holds Chinese (CJK unified ideographs).
fn chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn a_bad_connection_string_is_refused_in_chinese_naming_the_option() {
    // (connection string, what the message must still quote, the English it must not hold)
    let cases = [
        (
            "mongodb://h/?tls=yes",
            &["'tls'", "'yes'", "tls=true", "tls=false"][..],
            "needs true or false",
        ),
        (
            "mongodb://h/?tsl=true&connectTimeoutMS=10s",
            &["'connectTimeoutMS'", "'10s'", "connectTimeoutMS=10000"][..],
            "non-negative integer",
        ),
        (
            "mongodb://h:99999/",
            &["'h:99999'", "65535"][..],
            "out of range",
        ),
        (
            "mongodb://h/?tls=true&ssl=false",
            &["'tls=true'", "'ssl=false'"][..],
            "conflicts with",
        ),
        (
            "mongodb://u:pw%zz@h/",
            &["%25"][..],
            "not followed by two hex digits",
        ),
    ];
    for (uri, quoted, english) in cases {
        let run = mongotls(&["check", uri, "--lang", "zh"]);
        assert_eq!(run.code, 2, "{uri}: {}\n{}", run.stdout, run.stderr);
        assert!(chinese(&run.stderr), "{uri}: {}", run.stderr);
        for q in quoted {
            assert!(run.stderr.contains(q), "{uri}: lacks {q}: {}", run.stderr);
        }
        assert!(!run.stderr.contains(english), "{uri}: {}", run.stderr);
    }
    // The password is never quoted, in any language.
    let run = mongotls(&["check", "mongodb://u:s3cr%zzet@h/", "--lang", "zh"]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains("s3cr") && !run.stdout.contains("s3cr"));
}

#[test]
fn english_errors_stay_as_they_were() {
    let run = mongotls(&["check", "mongodb://h/?tls=yes", "--lang", "en"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("option 'tls' needs true or false, got 'yes': write tls=true or tls=false"),
        "{}",
        run.stderr
    );
    assert!(!chinese(&run.stderr), "{}", run.stderr);
}

/// Every finding anywhere in a report with this code.
fn findings_with<'a>(v: &'a Value, code: &str, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(map) => {
            if map.get("code").and_then(Value::as_str) == Some(code) {
                out.push(v);
            }
            // The summary names codes too; only findings count.
            map.iter()
                .filter(|(k, _)| *k != "summary")
                .for_each(|(_, v)| findings_with(v, code, out));
        }
        Value::Array(items) => items.iter().for_each(|v| findings_with(v, code, out)),
        _ => {}
    }
}

#[test]
fn a_misspelt_option_is_warned_about_in_chinese_with_the_option_meant() {
    // Nothing listens on port 1: the run fails fast, after the connection string's warnings.
    let run = mongotls(&[
        "check",
        "mongodb://127.0.0.1:1/?tsl=true",
        "--lang",
        "zh",
        "--no-driver",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let report = run.json();
    let mut found = Vec::new();
    findings_with(&report, "uri.unknown_option", &mut found);
    assert_eq!(found.len(), 1, "{}", run.stdout);
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(chinese(message), "{message}");
    // tsl is tls with two letters swapped, not ssl.
    assert!(
        message.contains("'tsl'") && message.contains("'tls'") && !message.contains("'ssl'"),
        "{message}"
    );
}
