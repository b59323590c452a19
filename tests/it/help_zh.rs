//! `--help` in Chinese: with `--lang zh` or a zh_* locale every command's description, every
//! option's help, the descriptions of possible values, clap's headings and the prose of the
//! examples are Chinese, while option names, value names, possible values, defaults and the
//! example command lines stay as typed. English help is unchanged (cli_face.rs and the
//! snapshots pin it).
//!
//! The completeness test walks the clap command itself: an option added later without a
//! translation fails here.

use clap::CommandFactory;

use crate::support::run::mongotls;
use mongotls::cli::Cli;

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn help(args: &[&str]) -> String {
    let run = mongotls(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

/// `mongotls ARGS` with LANG=zh_CN.UTF-8 and no --lang.
fn help_in_zh_locale(args: &[&str]) -> String {
    let out = std::process::Command::new(crate::support::run::MONGOTLS)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .env("COLUMNS", "100")
        .output()
        .expect("run mongotls");
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8 help")
}

/// The description of command `name` in the list of commands: on the line below the name.
fn about_of(list: &str, name: &str) -> Option<String> {
    let mut lines = list
        .lines()
        .skip_while(|l| l.trim_end() != format!("  {name}"));
    lines.next()?;
    let about: Vec<&str> = lines.take_while(|l| l.starts_with("          ")).collect();
    Some(flat(&about.join(" ")))
}

/// Display columns of a line (a Chinese character takes two).
fn columns(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

#[test]
fn chinese_help_is_wrapped_to_the_width_between_chinese_characters() {
    for width in [100usize, 72] {
        let out = std::process::Command::new(crate::support::run::MONGOTLS)
            .args(["check", "--help", "--lang", "zh"])
            .env("COLUMNS", width.to_string())
            .output()
            .expect("run mongotls");
        let text = String::from_utf8(out.stdout).expect("UTF-8 help");
        let too_wide: Vec<&str> = text
            .lines()
            .filter(|l| has_cjk(l) && columns(l) > width)
            .collect();
        assert!(
            too_wide.is_empty(),
            "wider than {width}:\n{}",
            too_wide.join("\n")
        );
        // Each help is below its option, indented.
        assert!(
            text.contains("      --ca <FILE>\n          客户端信任的"),
            "{text}"
        );
    }
}

#[test]
fn top_level_help_is_chinese_with_lang_zh_and_in_a_zh_locale() {
    for text in [
        help(&["--help", "--lang", "zh"]),
        help(&["-h", "--lang", "zh"]),
        help_in_zh_locale(&["--help"]),
    ] {
        for part in [
            "验证 MongoDB 部署的 TLS 配置是否正确",
            "用法: mongotls [OPTIONS] <COMMAND>",
            "命令:",
            "选项:",
            "示例:",
            "--lang <LANG>",
            "--color <WHEN>",
            "显示帮助",
            "显示版本号",
            // The examples' command lines are kept, their prose is translated.
            "mongotls ca ApsaraDB-CA-Chain.zip",
            "数据安全性 > SSL > 下载证书",
            "mongotls demo --scenario expired",
        ] {
            assert!(text.contains(part), "{part:?} missing:\n{text}");
        }
        for english in ["Usage:", "Commands:", "Options:", "Examples:", "Print help"] {
            assert!(!text.contains(english), "{english:?} left:\n{text}");
        }
        // The commands are listed in their order, each with a Chinese description.
        let commands = &text[text.find("命令:").expect("命令:")..];
        for name in ["check", "ca", "verify", "bench", "demo", "sandbox", "man"] {
            let about = about_of(commands, name).unwrap_or_else(|| panic!("{name}:\n{text}"));
            assert!(has_cjk(&about), "{name}: {about}");
        }
    }
}

#[test]
fn check_help_is_chinese_with_option_names_values_and_defaults_unchanged() {
    for text in [
        help(&["check", "--help", "--lang", "zh"]),
        help(&["--lang", "zh", "check", "-h"]),
        help_in_zh_locale(&["check", "--help"]),
        help_in_zh_locale(&["help", "check"]),
    ] {
        let flat = flat(&text);
        for part in [
            "通过 TLS 连接副本集的每个成员",
            "用法: mongotls check [OPTIONS] <URI>",
            "参数:",
            "选项:",
            "<URI>",
            "--ca <FILE>",
            "客户端信任的 CA 证书文件",
            "--timeout <DURATION>",
            "超时时间",
            "10s",
            "--format <FORMAT>",
            "输出格式",
            "text",
            "json",
            "junit",
            "prometheus",
            "--password-env <VAR>",
            "mongotls check \"$URI\" --ca ApsaraDB-CA-Chain.pem --password-env MONGO_PW",
        ] {
            assert!(flat.contains(part), "{part:?} missing:\n{text}");
        }
        assert!(!text.contains("The CA file clients trust"), "{text}");
        assert!(!text.contains("Bound of each network phase"), "{text}");
    }
    // The long help lists the possible values with Chinese descriptions.
    let text = help(&["check", "--help", "--lang", "zh"]);
    assert!(
        flat(&text).contains("- text: 便于阅读的文本"),
        "possible values:\n{text}"
    );
}

#[test]
fn english_help_stays_english() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["--lang", "en", "-h"],
    ] {
        let text = help(args);
        assert!(!has_cjk(&text.replace("简体中文", "")), "{args:?}:\n{text}");
        assert!(text.contains("Usage: mongotls"), "{text}");
    }
}

#[test]
fn sandbox_examples_keep_their_commands_and_translate_the_comments() {
    let text = help(&["sandbox", "--help", "--lang", "zh"]);
    for part in [
        "mongotls sandbox --scenario one-member-expired   # 输出连接串和 CA 证书文件；按 Ctrl-C 停止",
        "# 在脚本中：",
        "mongotls sandbox --port 28017 --ready-file sb.json & until [ -s sb.json ]; do sleep 0.1; done",
        "- expired:",
    ] {
        assert!(text.contains(part), "{part:?} missing:\n{text}");
    }
}

/// The lines of the help entry of the argument whose header line is `header` (`--ca <FILE>`,
/// `<URI>`), up to the next entry or heading.
fn entry<'a>(text: &'a str, header: &str) -> Option<Vec<&'a str>> {
    let is_header = |t: &str| {
        let t = t
            .strip_prefix("-h, ")
            .or(t.strip_prefix("-V, "))
            .unwrap_or(t);
        t == header
            || t.starts_with(&format!("{header} "))
            || t.starts_with(&format!("{header}..."))
    };
    let mut lines = text.lines().skip_while(|l| !is_header(l.trim_start()));
    let first = lines.next()?;
    let mut out = vec![first];
    for l in lines {
        let indent = l.len() - l.trim_start().len();
        let t = l.trim_start();
        let next_entry = (2..=6).contains(&indent) && t.starts_with(['-', '<', '[']);
        if next_entry || (indent == 0 && !t.is_empty()) {
            break;
        }
        out.push(l);
    }
    Some(out)
}

/// Every command (and the `help` command) and every argument of each: in Chinese, its help
/// text differs from the English and holds Chinese; every described possible value too.
#[test]
fn every_command_and_argument_has_a_chinese_help() {
    let mut root = Cli::command();
    root.build();
    let mut problems = Vec::new();
    let top = help(&["--help", "--lang", "zh"]);
    let commands: Vec<clap::Command> = root.get_subcommands().cloned().collect();
    let mut paths: Vec<(Vec<String>, clap::Command)> = vec![(vec![], root.clone())];
    for sub in commands {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        match about_of(&top, sub.get_name()) {
            Some(l) if has_cjk(&l) && !flat(&top).contains(&flat(&about)) => {}
            _ => problems.push(format!("command {}: about not translated", sub.get_name())),
        }
        if sub.get_name() != "help" {
            paths.push((vec![sub.get_name().to_owned()], sub));
        }
    }
    for (path, command) in paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.extend(["--help", "--lang", "zh"]);
        let text = help(&args);
        let shown = format!("mongotls {}", path.join(" "));
        if let Some(after) = command.get_after_help() {
            for line in after.to_string().lines() {
                let prose = line.trim_start().starts_with('#')
                    || line.contains("   # ")
                    || line.starts_with("Examples:")
                    || line.starts_with("Run ");
                if prose && text.contains(line) {
                    problems.push(format!("{shown}: example prose left in English: {line}"));
                }
            }
        }
        for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
            let header = match (arg.get_long(), arg.get_value_names()) {
                (Some(long), _) => format!("--{long}"),
                (None, Some(names)) if arg.is_required_set() => format!("<{}>", names[0]),
                (None, Some(names)) => format!("[{}]", names[0]),
                (None, None) => format!("<{}>", arg.get_id().as_str().to_uppercase()),
            };
            let Some(lines) = entry(&text, &header) else {
                problems.push(format!("{shown} {header}: not listed"));
                continue;
            };
            let english = arg
                .get_long_help()
                .or(arg.get_help())
                .map(|h| h.to_string())
                .unwrap_or_default();
            let body: Vec<&str> = lines[1..]
                .iter()
                .copied()
                .take_while(|l| !l.trim().is_empty())
                .collect();
            let chinese = flat(&body.join(" "));
            if !has_cjk(&chinese) || chinese == flat(&english) {
                problems.push(format!("{shown} {header}: help not translated: {chinese}"));
            }
            for value in arg.get_possible_values() {
                let Some(english) = value.get_help() else {
                    continue;
                };
                let marker = format!("- {}:", value.get_name());
                let described = lines.iter().find(|l| l.trim_start().starts_with(&marker));
                match described {
                    Some(l) if has_cjk(l) && !l.contains(&english.to_string()) => {}
                    _ => problems.push(format!(
                        "{shown} {header} {}: possible value not translated",
                        value.get_name()
                    )),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
