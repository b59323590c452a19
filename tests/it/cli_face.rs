//! The face of the binary: `--help` (order, examples, possible values, no password in any
//! example), command-line errors in mongotls' own style, `completions` and `man`.

use clap::CommandFactory;

use crate::support::run::mongotls;
use mongotls::cli::Cli;

/// The subcommands in the order `--help` must list them.
const ORDER: [&str; 10] = [
    "check",
    "wait",
    "ca",
    "verify",
    "bench",
    "demo",
    "sandbox",
    "serve",
    "completions",
    "man",
];

/// Whitespace runs collapsed to one space, so that a check does not depend on where clap
/// wrapped a line.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every `scheme://user:password@` in `text`.
fn urls_with_passwords(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("://") {
        let authority: String = text[at + 3..]
            .chars()
            .take_while(|c| !matches!(c, '/' | '?' | '"' | '\'' | ' ' | '\n'))
            .collect();
        if let Some((userinfo, _)) = authority.rsplit_once('@') {
            if userinfo.contains(':') {
                found.push(authority);
            }
        }
    }
    found
}

fn help(args: &[&str]) -> String {
    let run = mongotls(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

#[test]
fn top_level_help_lists_check_first_and_shows_the_apsaradb_flow() {
    for flag in ["-h", "--help"] {
        let text = help(&[flag]);
        let commands = &text[text.find("Commands:").expect("Commands:")..];
        let positions: Vec<usize> = ORDER
            .iter()
            .map(|c| {
                commands
                    .find(&format!("\n  {c} "))
                    .unwrap_or_else(|| panic!("{c} not listed:\n{text}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "order {ORDER:?} expected:\n{text}"
        );
        let examples = &text[text.find("Examples:").expect("Examples:")..];
        assert!(
            examples.contains("mongotls ca ApsaraDB-CA-Chain.zip"),
            "{text}"
        );
        assert!(
            examples.contains(
                "mongodb://root@dds-xxxx.mongodb.rds.aliyuncs.com:3717/admin?replicaSet=mgset-XXXX&tls=true"
            ),
            "{text}"
        );
        assert!(
            flat(examples).contains("--ca ApsaraDB-CA-Chain.pem --password-env MONGO_PW"),
            "{text}"
        );
    }
}

#[test]
fn mongotls_alone_shows_the_help() {
    let run = mongotls::<&str>(&[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("Commands:"), "{}", run.stderr);
    assert!(run.stderr.contains("Examples:"), "{}", run.stderr);
}

#[test]
fn every_subcommand_has_examples_that_clap_did_not_rewrap() {
    for sub in ORDER {
        for flag in ["-h", "--help"] {
            let text = help(&[sub, flag]);
            let examples = text
                .split_once("\nExamples:\n")
                .unwrap_or_else(|| panic!("{sub} {flag}: no examples:\n{text}"))
                .1;
            let lines: Vec<&str> = examples.lines().filter(|l| !l.is_empty()).collect();
            let commands = lines
                .iter()
                .filter(|l| l.starts_with(&format!("  mongotls {sub}")))
                .count();
            assert!(
                (1..=3).contains(&commands),
                "{sub} {flag}: {commands} examples:\n{examples}"
            );
            // An example line clap wrapped starts at column 0.
            for line in lines {
                assert!(
                    line.starts_with("  "),
                    "{sub} {flag}: wrapped example line {line:?}:\n{examples}"
                );
            }
        }
    }
}

#[test]
fn no_help_text_carries_a_password() {
    let mut texts = vec![help(&["--help"]), help(&["-h"])];
    for sub in ORDER {
        texts.push(help(&[sub, "--help"]));
        texts.push(help(&[sub, "-h"]));
    }
    for text in texts {
        assert!(!text.contains("****"), "{text}");
        assert!(urls_with_passwords(&text).is_empty(), "{text}");
    }
    assert_eq!(
        urls_with_passwords("x mongodb://root:pw@h/ y mongodb://root@h/"),
        ["root:pw@h"]
    );
}

#[test]
fn every_option_with_values_lists_them_in_short_and_long_help() {
    let cli = Cli::command();
    let mut checked = 0;
    let mut commands: Vec<(Vec<&str>, &clap::Command)> = vec![(vec![], &cli)];
    commands.extend(
        cli.get_subcommands()
            .map(|s| (vec![s.get_name()], s))
            .collect::<Vec<_>>(),
    );
    for (path, command) in commands {
        let short = flat(&help(&[path.as_slice(), &["-h"]].concat()));
        let long = flat(&help(&[path.as_slice(), &["--help"]].concat()));
        for arg in command.get_arguments() {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if values.is_empty() || !arg.get_action().takes_values() {
                continue;
            }
            let list = format!("[possible values: {}]", values.join(", "));
            assert!(
                short.contains(&list),
                "{path:?} -h: --{} lacks {list}:\n{short}",
                arg.get_id()
            );
            for v in &values {
                assert!(
                    long.contains(&format!("- {v}")) || long.contains(&list),
                    "{path:?} --help: --{} lacks value {v}",
                    arg.get_id()
                );
            }
            checked += 1;
        }
    }
    // --lang, --color, --format (4 commands), --scenario, --tls-mode, --client-auth (2),
    // the shell of completions...
    assert!(checked >= 12, "only {checked} options with values");
}

// ------------------------------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------------------------------

#[test]
fn clap_errors_have_the_mongotls_prefix_and_uri_options_point_to_the_flag() {
    let run = mongotls(&[
        "check",
        "--tlsCAFile",
        "ca.pem",
        "mongodb://db1:3717/?tls=true",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .starts_with("mongotls: error: unexpected argument '--tlsCAFile' found"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("use --ca FILE instead"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("-- --tlsCAFile"), "{}", run.stderr);

    let run = mongotls(&["bench", "--tlsCertificateKeyFile=c.pem", "mongodb://db1/"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("use --client-cert FILE instead"),
        "{}",
        run.stderr
    );

    // Every kind of clap error, one style.
    for args in [
        vec!["chek"],
        vec!["check"],
        vec!["check", "u", "--format", "yaml"],
        vec!["verify", "--ca", "a", "--chain", "b", "--chain", "c"],
        vec!["check", "u", "--timeout", "0s"],
        vec!["sandbox", "--frobnicate"],
    ] {
        let run = mongotls(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.starts_with("mongotls: error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn clap_errors_follow_the_language_asked_for() {
    let run = mongotls(&["--lang", "zh", "check", "--tlsCAFile", "ca.pem", "u"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("mongotls: 错误："), "{}", run.stderr);
    assert!(run.stderr.contains("--ca FILE"), "{}", run.stderr);
    let out = std::process::Command::new(crate::support::run::MONGOTLS)
        .args(["chek"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("无法识别的命令 'chek'"), "{stderr}");
    // A value the option's parser refused is worded in the language too (the parser runs
    // while clap parses, before the rest of the command line is known).
    let run = mongotls(&["check", "u", "--timeout", "0s", "--lang", "zh"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("mongotls: 错误：--timeout 0s 超出范围"),
        "{}",
        run.stderr
    );
    let run = mongotls(&[
        "--lang",
        "zh",
        "check",
        "mongodb://h/",
        "--client-key-password-env",
        "V",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("没有客户端证书"), "{}", run.stderr);
}

// ------------------------------------------------------------------------------------------
// Several CA files: check and bench take --ca more than once, as verify does
// ------------------------------------------------------------------------------------------

/// A root CA that signed nothing of the sandbox's.
fn other_root() -> String {
    format!("{}/testdata/fixed/root.pem", env!("CARGO_MANIFEST_DIR"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_and_bench_trust_every_ca_file_given() {
    use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};
    let sb = Sandbox::start(SandboxConfig {
        members: 1,
        scenario: Scenario::Good,
        tls_mode: Some(TlsMode::Require),
        handshake_delay: None,
    })
    .await
    .expect("sandbox");
    // Without tlsCAFile: what the command trusts comes from --ca only.
    let uri = format!(
        "mongodb://{}/?tls=true&replicaSet={}",
        sb.members()[0],
        sb.set_name()
    );
    let right = sb.ca_file().display().to_string();
    let run_with = |args: Vec<String>| tokio::task::spawn_blocking(move || mongotls(&args));

    // The sandbox's root second: a command that used the first file only would refuse it.
    let check = |cas: &[&str]| {
        let mut args: Vec<String> = vec!["check".into(), uri.clone()];
        for ca in cas {
            args.extend(["--ca".to_string(), ca.to_string()]);
        }
        args.extend(["--format", "json", "--timeout", "20s"].map(String::from));
        run_with(args)
    };
    let both = check(&[&other_root(), &right]).await.unwrap();
    let only_other = check(&[&other_root()]).await.unwrap();

    let bench = |cas: &[&str]| {
        let mut args: Vec<String> = vec!["bench".into(), uri.clone()];
        for ca in cas {
            args.extend(["--ca".to_string(), ca.to_string()]);
        }
        args.extend(
            [
                "--samples",
                "2",
                "--warmup",
                "0",
                "--max-time",
                "60s",
                "--format",
                "json",
            ]
            .map(String::from),
        );
        run_with(args)
    };
    let bench_both = bench(&[&other_root(), &right]).await.unwrap();
    let bench_other = bench(&[&other_root()]).await.unwrap();
    sb.shutdown().await;

    assert_eq!(both.code, 0, "{}\n{}", both.stdout, both.stderr);
    let r = both.json();
    assert_eq!(r["verdict"], "pass", "{r:#}");
    assert_eq!(r["ca"]["files"].as_array().unwrap().len(), 2, "{r:#}");
    // The driver reads one PEM file: the two, merged.
    assert_eq!(r["driver"]["verdict"], "pass", "{:#}", r["driver"]);
    assert!(
        r["driver"]["trust"]
            .as_str()
            .unwrap()
            .contains("mongotls-merged-ca-"),
        "{:#}",
        r["driver"]
    );
    assert_eq!(only_other.code, 1, "{}", only_other.stdout);
    assert!(only_other.stdout.contains("cert.unknown_issuer"));

    assert_eq!(bench_both.code, 0, "{}", bench_both.stderr);
    assert!(
        !bench_both.json()["notes"]
            .to_string()
            .contains("cert.unknown_issuer"),
        "{}",
        bench_both.stdout
    );
    assert_eq!(bench_other.code, 0, "{}", bench_other.stderr);
    assert!(
        bench_other.json()["notes"]
            .to_string()
            .contains("cert.unknown_issuer"),
        "{}",
        bench_other.stdout
    );
}

// ------------------------------------------------------------------------------------------
// Completions and the man page, generated from the clap definitions
// ------------------------------------------------------------------------------------------

#[test]
fn completion_scripts_know_the_commands_and_options() {
    let bash = mongotls(&["completions", "bash"]);
    assert_eq!(bash.code, 0, "{}", bash.stderr);
    assert!(bash.stdout.contains("check"), "{}", bash.stdout);
    assert!(bash.stdout.contains("--ca"), "{}", bash.stdout);
    assert!(bash.stdout.contains("complete -F"), "{}", bash.stdout);
    for shell in ["zsh", "fish"] {
        let run = mongotls(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains("mongotls"), "{shell}");
        assert!(run.stdout.contains("tls-mode"), "{shell}");
    }
    let run = mongotls(&["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("possible values: bash"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_man_page_is_roff_and_names_every_command() {
    let run = mongotls(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(".TH \"mongotls\" 1 "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(".SH NAME"), "{}", run.stdout);
    let cli = Cli::command();
    let subcommands: Vec<&str> = cli
        .get_subcommands()
        .map(clap::Command::get_name)
        .filter(|n| *n != "help")
        .collect();
    assert_eq!(subcommands, ORDER);
    for sub in subcommands {
        assert!(
            run.stdout.contains(&format!("mongotls\\-{sub}(1)")),
            "{sub} missing:\n{}",
            run.stdout
        );
        let page = mongotls(&["man", sub]);
        assert_eq!(page.code, 0, "{sub}: {}", page.stderr);
        assert!(
            page.stdout
                .starts_with(&format!(".TH \"mongotls-{sub}\" 1 ")),
            "{}",
            page.stdout
        );
    }
    let check = mongotls(&["man", "check"]).stdout;
    assert!(check.contains("\\-\\-ca"), "{check}");
    assert!(check.contains(r"ApsaraDB\-CA\-Chain.pem"), "{check}");
}
