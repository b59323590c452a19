use std::path::{Path, PathBuf};
use std::time::Duration;

use time::macros::datetime;

use super::*;
use crate::report::OutputFormat;

const SECRET: &str = "s3cr3t-Pa55word";

fn common() -> Common {
    Common {
        format: OutputFormat::Json,
        warn_days: 30,
        now: datetime!(2026-12-07 00:00 UTC),
        strict: false,
    }
}

fn env(name: &str) -> Option<String> {
    match name {
        "FLEET_TEST_PW" => Some(SECRET.to_string()),
        "FLEET_TEST_HOST" => Some("db.example.com".to_string()),
        "FLEET_TEST_EMPTY" => Some(String::new()),
        _ => None,
    }
}

fn parse(text: &str) -> Result<TargetsFile, UsageError> {
    parse_text(text, Path::new("conf/fleet.toml"), &common(), &env)
}

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/targets")
        .join(name)
}

fn load_testdata(name: &str) -> Result<TargetsFile, UsageError> {
    load_with(&testdata(name), &common(), &env)
}

fn ok(file: &TargetsFile, name: &str) -> CheckSettings {
    let entry = file.targets.iter().find(|t| t.name == name).unwrap();
    match &entry.settings {
        Ok(s) => s.clone(),
        Err(e) => panic!("{name}: {e}"),
    }
}

fn err(file: &TargetsFile, name: &str) -> TargetError {
    let entry = file.targets.iter().find(|t| t.name == name).unwrap();
    match &entry.settings {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => e.clone(),
    }
}

#[test]
fn defaults_apply_and_a_targets_own_key_wins() {
    let file = parse(
        r#"
        [defaults]
        timeout = "5s"
        no_driver = true
        max-connections = 4

        [[targets]]
        name = "a"
        uri = "mongodb://h1:1/?tls=true"

        [[targets]]
        name = "b"
        uri = "mongodb://h2:1/?tls=true"
        timeout = "2s"
        no-driver = false
        max_connections = 2
        "#,
    )
    .unwrap();
    assert_eq!(file.path, Path::new("conf/fleet.toml"));
    let names: Vec<_> = file.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["a", "b"]);
    let a = ok(&file, "a");
    assert_eq!(
        (a.timeout, a.driver, a.max_connections),
        (Duration::from_secs(5), false, 4)
    );
    let b = ok(&file, "b");
    assert_eq!(
        (b.timeout, b.driver, b.max_connections),
        (Duration::from_secs(2), true, 2)
    );
    // The fleet shows its own progress; the run's shared settings are the targets'.
    assert!(!a.progress);
    assert_eq!(a.common.format, OutputFormat::Json);
    assert_eq!(a.common.now, common().now);
    // check's own defaults for what nobody set.
    assert_eq!(a.deadline, Duration::from_secs(120));
    assert!(a.discover && a.plaintext_probe);
}

#[test]
fn paths_are_relative_to_the_file_and_ca_takes_a_list() {
    let file = parse(
        r#"
        [defaults]
        ca = "shared/root.pem"

        [[targets]]
        name = "one"
        uri = "mongodb://h1:1/?tls=true"

        [[targets]]
        name = "two"
        uri = "mongodb://h2:1/?tls=true"
        ca = ["a.pem", "/etc/ssl/b.pem"]
        client_cert = "client.pem"
        password_file = "secrets/pw"
        "#,
    )
    .unwrap();
    assert_eq!(ok(&file, "one").ca, [PathBuf::from("conf/shared/root.pem")]);
    let two = ok(&file, "two");
    assert_eq!(
        two.ca,
        [PathBuf::from("conf/a.pem"), PathBuf::from("/etc/ssl/b.pem")]
    );
    assert_eq!(
        two.client_cert.map(|c| c.file),
        Some(PathBuf::from("conf/client.pem"))
    );
    assert_eq!(
        two.password,
        Some(crate::settings::PasswordSource::File(PathBuf::from(
            "conf/secrets/pw"
        )))
    );
}

#[test]
fn variables_are_interpolated_in_every_string_and_never_shown() {
    let file = parse(
        r#"
        [defaults]
        server_name = "${FLEET_TEST_HOST}"

        [[targets]]
        name = "a"
        uri = "mongodb://root:${FLEET_TEST_PW}@${FLEET_TEST_HOST}:3717/admin?tls=true"
        "#,
    )
    .unwrap();
    let a = ok(&file, "a");
    assert_eq!(
        a.raw_uri.expose(),
        format!("mongodb://root:{SECRET}@db.example.com:3717/admin?tls=true")
    );
    assert_eq!(a.uri.hosts[0].to_string(), "db.example.com:3717");
    assert_eq!(
        a.server_name
            .as_ref()
            .map(|n| n.to_str().into_owned())
            .as_deref(),
        Some("db.example.com")
    );
    assert!(!a.uri.redacted().contains(SECRET));
    assert!(!format!("{a:?}").contains(SECRET));
}

#[test]
fn interpolation_rules() {
    let run = |raw: &str| interpolate(raw, &env).map(|i| i.value);
    assert_eq!(run("a${FLEET_TEST_HOST}b").unwrap(), "adb.example.comb");
    assert_eq!(run("$${FLEET_TEST_HOST}").unwrap(), "${FLEET_TEST_HOST}");
    assert_eq!(
        run("$$${FLEET_TEST_EMPTY}x").unwrap(),
        "$${FLEET_TEST_EMPTY}x"
    );
    assert_eq!(run("${FLEET_TEST_EMPTY}").unwrap(), "");
    assert_eq!(
        run("cost: $5, $ alone, $$").unwrap(),
        "cost: $5, $ alone, $$"
    );
    assert_eq!(
        run("${NOPE}"),
        Err(InterpolationError::Unset("NOPE".into()))
    );
    assert_eq!(
        run("x${FLEET_TEST_HOST"),
        Err(InterpolationError::Unterminated)
    );
    assert_eq!(run("${1X}"), Err(InterpolationError::BadName("1X".into())));
    assert_eq!(run("${}"), Err(InterpolationError::BadName(String::new())));
    let used = interpolate("${FLEET_TEST_PW}/${FLEET_TEST_HOST}", &env).unwrap();
    let names: Vec<_> = used.vars.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["FLEET_TEST_PW", "FLEET_TEST_HOST"]);
}

#[test]
fn every_bad_entry_is_its_own_error_and_the_good_one_is_checked() {
    let file = load_testdata("bad_entries.toml").unwrap();
    assert_eq!(file.targets.len(), 11);
    let good = ok(&file, "good");
    assert_eq!(good.timeout, Duration::from_secs(5));
    assert!(!good.driver);
    let dir = testdata("");
    assert_eq!(good.ca, [dir.join("ca/root.pem")]);

    let all: Vec<String> = file
        .targets
        .iter()
        .filter_map(|t| t.settings.as_ref().err())
        .map(|e| format!("{e}"))
        .collect();
    assert_eq!(all.len(), 10, "{all:#?}");
    for text in &all {
        assert!(!text.contains(SECRET), "{text}");
        assert!(text.contains("bad_entries.toml"), "names the file: {text}");
    }

    let e = err(&file, "unset-var");
    assert_eq!(e.key.as_deref(), Some("uri"));
    assert!(e.message().contains("${FLEET_TEST_UNSET}"), "{e}");
    assert!(e.hint().contains("FLEET_TEST_UNSET"), "{e}");

    let e = err(&file, "bad-timeout");
    assert_eq!(e.key.as_deref(), Some("timeout"));
    // check's own message for the option, as on the command line.
    assert!(e.message().contains("--timeout 0s"), "{e}");

    let e = err(&file, "interpolated-timeout");
    assert_eq!(e.key.as_deref(), Some("timeout"));
    assert!(e.message().contains("`${FLEET_TEST_PW}`"), "{e}");
    assert!(e.message().contains("--timeout"), "{e}");

    let e = err(&file, "run-wide");
    assert_eq!(e.key.as_deref(), Some("format"));
    assert!(e.hint().contains("--format"), "{e}");

    let e = err(&file, "unknown-key");
    assert_eq!(e.key.as_deref(), Some("tiemout"));
    assert!(e.message().contains("not an option"), "{e}");

    let e = err(&file, "no-uri");
    assert_eq!(e.key.as_deref(), Some("uri"));

    // No name: known by its position.
    let e = err(&file, "#8");
    assert_eq!(e.key.as_deref(), Some("name"));
    assert!(e.message().contains("target \"#8\""), "{e}");

    let e = err(&file, "flag-as-string");
    assert_eq!(e.key.as_deref(), Some("no_discover"));
    assert!(e.message().contains("true or false"), "{e}");

    let e = err(&file, "both-passwords");
    assert!(e.message().contains("--password-env"), "{e}");
    assert!(e.message().contains("--password-file"), "{e}");

    let e = err(&file, "bad-uri");
    assert!(e.message().contains("connection string"), "{e}");
}

#[test]
fn an_unset_variable_in_defaults_is_every_targets_error_naming_defaults() {
    let file = parse(
        r#"
        [defaults]
        server_name = "${NOT_SET_ANYWHERE}"
        [[targets]]
        name = "a"
        uri = "mongodb://h1:1/?tls=true"
        [[targets]]
        name = "b"
        uri = "mongodb://h2:1/?tls=true"
        server_name = "x.example.com"
        "#,
    )
    .unwrap();
    let e = err(&file, "a");
    assert_eq!(e.key.as_deref(), Some("[defaults] server_name"));
    assert!(e.message().contains("${NOT_SET_ANYWHERE}"), "{e}");
    ok(&file, "b");
}

#[test]
fn value_shapes_are_checked() {
    let file = parse(
        r#"
        [[targets]]
        name = "list"
        uri = "mongodb://h1:1/?tls=true"
        timeout = ["1s", "2s"]
        [[targets]]
        name = "table"
        uri = "mongodb://h1:1/?tls=true"
        timeout = { s = 1 }
        [[targets]]
        name = "numbers"
        uri = "mongodb://h1:1/?tls=true"
        max_connections = 3
        warn_days = 10
        strict = true
        at = 2027-01-01T00:00:00Z
        [[targets]]
        name = "twice"
        uri = "mongodb://h1:1/?tls=true"
        no_driver = true
        no-driver = true
        [[targets]]
        name = "uri-number"
        uri = 5
        "#,
    )
    .unwrap();
    assert!(err(&file, "list").message().contains("one value"));
    assert!(err(&file, "table").message().contains("string or a number"));
    let n = ok(&file, "numbers");
    assert_eq!(n.max_connections, 3);
    assert_eq!(n.common.warn_days, 10);
    assert!(n.common.strict);
    assert_eq!(n.common.now, datetime!(2027-01-01 00:00 UTC));
    assert!(err(&file, "twice").message().contains("twice"));
    assert!(err(&file, "uri-number")
        .message()
        .contains("must be a string"));
}

#[test]
fn the_runs_warn_days_and_strict_hold_unless_a_target_says_otherwise() {
    let mut shared = common();
    shared.warn_days = 60;
    shared.strict = true;
    let file = parse_text(
        r#"
        [[targets]]
        name = "a"
        uri = "mongodb://h1:1/?tls=true"
        [[targets]]
        name = "b"
        uri = "mongodb://h1:1/?tls=true"
        warn_days = 5
        strict = false
        "#,
        Path::new("f.toml"),
        &shared,
        &env,
    )
    .unwrap();
    let a = ok(&file, "a");
    assert_eq!((a.common.warn_days, a.common.strict), (60, true));
    let b = ok(&file, "b");
    assert_eq!((b.common.warn_days, b.common.strict), (5, false));
}

#[test]
fn whole_file_errors_are_usage_errors() {
    let e = load_testdata("not_toml.toml").unwrap_err().0;
    assert!(e.contains("not_toml.toml") && e.contains("line 4"), "{e}");
    assert!(!e.contains("mongodb://h:1"), "the line is not quoted: {e}");

    let e = load_testdata("no_targets.toml").unwrap_err().0;
    assert!(e.contains("no target") && e.contains("[[targets]]"), "{e}");

    let e = load_testdata("duplicate_names.toml").unwrap_err().0;
    assert!(e.contains("\"orders\"") && e.contains("unique"), "{e}");

    let e = load_testdata("defaults_with_uri.toml").unwrap_err().0;
    assert!(e.contains("[defaults] uri"), "{e}");

    let e = load_testdata("single_bracket.toml").unwrap_err().0;
    assert!(e.contains("`target`") && e.contains("[[targets]]"), "{e}");

    let e = load_testdata("does_not_exist.toml").unwrap_err().0;
    assert!(
        e.contains("cannot read") && e.contains("does_not_exist.toml"),
        "{e}"
    );

    let e = parse("targets = 3").unwrap_err().0;
    assert!(e.contains("array of tables"), "{e}");
    let e = parse("defaults = 3\n[[targets]]\nname='a'\nuri='mongodb://h'")
        .unwrap_err()
        .0;
    assert!(e.contains("must be a table"), "{e}");
    let e = parse("[defaults]\nconcurrency = 3\n[[targets]]\nname='a'\nuri='mongodb://h'")
        .unwrap_err()
        .0;
    assert!(e.contains("whole run"), "{e}");
    let e = parse("[defaults]\nbogus = 3\n[[targets]]\nname='a'\nuri='mongodb://h'")
        .unwrap_err()
        .0;
    assert!(e.contains("`bogus`"), "{e}");
}

#[test]
fn a_secret_written_in_the_file_is_not_quoted_by_a_toml_error() {
    let e = parse("[[targets]]\nname = \"a\"\nuri = \"mongodb://root:hunter2@h\"\nx = = 1\n")
        .unwrap_err()
        .0;
    assert!(!e.contains("hunter2"), "{e}");
    assert!(e.contains("line 4"), "{e}");
}

#[test]
fn every_option_of_check_is_known_and_run_wide_ones_are_refused() {
    let options = CheckOptions::of_check();
    for key in [
        "timeout",
        "no_driver",
        "ca",
        "server-name",
        "password_env",
        "warn_days",
        "at",
        "strict",
        "dns_server",
    ] {
        assert_eq!(options.refuse_option(key), None, "{key}");
    }
    assert_eq!(options.shapes.get("ca"), Some(&Shape::Many));
    assert_eq!(options.shapes.get("no-driver"), Some(&Shape::Flag));
    assert_eq!(options.shapes.get("timeout"), Some(&Shape::One));
    for key in ["format", "lang", "color", "no_progress"] {
        let refused = options.refuse_option(key).unwrap();
        assert!(refused.contains("whole run"), "{key}: {refused}");
    }
    assert!(options.refuse_option("help").is_some());
}

#[test]
fn scrub_replaces_long_values_only() {
    let secrets = vec![
        ("PW".to_string(), SECRET.to_string()),
        ("N".to_string(), "5".to_string()),
    ];
    assert_eq!(
        scrub(&format!("pw {SECRET} and 5"), &secrets),
        "pw ${PW} and 5"
    );
}
