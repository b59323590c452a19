//! The face of the binary: `--help` (order, examples, possible values, no password in any
//! example), command-line errors in mongotls' own style, `completions` and `man`.

use clap::CommandFactory;

use crate::support::run::mongotls;
use mongotls::cli::Cli;

/// The subcommands in the order `--help` must list them.
const ORDER: [&str; 6] = ["check", "ca", "verify", "bench", "demo", "sandbox"];

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
