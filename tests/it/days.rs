//! A certificate's remaining validity reads the same wherever it is shown: a one-year
//! certificate is 365 days in `check` run a while after the sandbox issued it and in `demo`
//! (which judges as of its own start), and an expired one says how long ago, not "-30 days".

use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::support::run::mongotls;

async fn sandbox(scenario: Scenario) -> Sandbox {
    Sandbox::start(SandboxConfig {
        members: 1,
        scenario,
        tls_mode: None,
        handshake_delay: None,
    })
    .await
    .expect("start sandbox")
}

/// `check` against `sb`, judged `hours` after now, in `format`.
async fn check_later(sb: &Sandbox, hours: i64, format: &'static str) -> String {
    let uri = sb.uri();
    let ca = sb.ca_file().display().to_string();
    let at = (OffsetDateTime::now_utc() + time::Duration::hours(hours))
        .format(&Rfc3339)
        .expect("format --at");
    tokio::task::spawn_blocking(move || {
        let run = mongotls(&[
            "check",
            &uri,
            "--ca",
            &ca,
            "--at",
            &at,
            "--no-driver",
            "--timeout",
            "10s",
            "--lang",
            "en",
            "--format",
            format,
        ]);
        assert!(
            run.code == 0 || run.code == 1,
            "{}\n{}",
            run.stdout,
            run.stderr
        );
        run.stdout
    })
    .await
    .expect("check")
}

fn leaf_days(json: &str) -> i64 {
    let v: Value = serde_json::from_str(json).expect("check JSON");
    v["members"][0]["chain"]["path"][0]["days_remaining"]
        .as_i64()
        .unwrap_or_else(|| panic!("no days_remaining:\n{v:#}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_one_year_certificate_is_365_days_in_check_and_in_demo() {
    let sb = sandbox(Scenario::Good).await;
    // Later the same day, as a user runs check after starting the sandbox.
    let json = check_later(&sb, 3, "json").await;
    let text = check_later(&sb, 3, "text").await;
    sb.shutdown().await;
    assert_eq!(leaf_days(&json), 365);
    assert!(text.contains(" in 365 days, on "), "{text}");

    let demo = tokio::task::spawn_blocking(|| {
        mongotls(&["demo", "--members", "1", "--format", "json", "--lang", "en"])
    })
    .await
    .expect("demo");
    assert_eq!(leaf_days(&demo.stdout), 365);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_certificate_says_how_long_ago() {
    let sb = sandbox(Scenario::Expired).await;
    let json = check_later(&sb, 3, "json").await;
    let text = check_later(&sb, 3, "text").await;
    sb.shutdown().await;
    assert_eq!(leaf_days(&json), -30);
    assert!(text.contains("expired     30 days ago, on "), "{text}");
    // Not "-30 days" (the sandbox's temporary path in the Target line may hold "-30…": a PID).
    assert!(!text.contains("-30 day"), "{text}");
}
