//! The certificate engine's messages in Chinese, through the binary as users run it
//! (`--lang zh`): the text is Chinese and names the console's Chinese labels, while finding
//! codes, JSON keys and the exit code stay what they are in English.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use mongotls::i18n::{message_in, Args, Lang};

use crate::support::run::{mongotls, path_str};

const ROOT: &str = "testdata/fixed/root.pem";
const CHAIN: &str = "testdata/fixed/chain.pem";
const ZIP: &str = "testdata/fixed/ApsaraDB-CA-Chain.zip";
/// The fixture root expired on 2030-01-01.
const ROOT_EXPIRED_TIME: &str = "2031-01-01T00:00:00Z";
const GOOD_TIME: &str = "2020-06-01T00:00:00Z";

/// Chinese text: at least one CJK character.
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn an_expired_ca_reads_in_chinese_with_the_console_label_and_keeps_its_code() {
    let run = mongotls(&[
        "ca",
        ROOT,
        "--at",
        ROOT_EXPIRED_TIME,
        "--lang",
        "zh",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "ca.expired");
    assert_eq!(finding["severity"], "fail");
    let message = finding["message"].as_str().unwrap();
    assert_eq!(
        message,
        "证书 #0 \"mongotls Fixture Root CA\" 已于 2030-01-01T00:00:00Z 过期（365 天前）"
    );
    let hint = finding["hint"].as_str().unwrap();
    assert!(hint.contains("数据安全性 > SSL > 下载证书"), "{hint}");
    // Where the certificate came from, in Chinese too; the JSON keys do not change.
    assert_eq!(
        report["certificates"][0]["chain"].as_str(),
        Some("自签名根证书")
    );

    let text = mongotls(&["ca", ROOT, "--at", ROOT_EXPIRED_TIME, "--lang", "zh"]);
    assert_eq!(text.code, 1);
    assert!(
        text.stdout.contains("失败 ca.expired [#0]：证书 #0"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("testdata/fixed/root.pem 第 1 块（第 1 行）"),
        "{}",
        text.stdout
    );

    // The same run in English is unchanged.
    let english = mongotls(&["ca", ROOT, "--at", ROOT_EXPIRED_TIME, "--lang", "en"]);
    assert!(
        english.stdout.contains(
            "FAIL ca.expired [#0]: certificate #0 \"mongotls Fixture Root CA\" expired on 2030-01-01T00:00:00Z (365 days ago)"
        ),
        "{}",
        english.stdout
    );
    assert!(!has_chinese(&english.stdout), "{}", english.stdout);
}

#[test]
fn verify_in_chinese_explains_a_missing_intermediate_and_names_the_ca_file_issuer() {
    let dir = tempfile::tempdir().unwrap();
    // The server's certificate alone, without the intermediate the fixture chain holds.
    let chain = std::fs::read_to_string(CHAIN).unwrap();
    let leaf_end = chain.find("-----END CERTIFICATE-----").unwrap() + 26;
    let leaf = dir.path().join("leaf.pem");
    std::fs::write(&leaf, &chain[..leaf_end]).unwrap();

    let run = mongotls(&[
        "verify",
        "--ca",
        ROOT,
        "--chain",
        path_str(&leaf),
        "--at",
        GOOD_TIME,
        "--lang",
        "zh",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    let unknown = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "cert.unknown_issuer")
        .expect("cert.unknown_issuer");
    let message = unknown["message"].as_str().unwrap();
    assert!(
        message.starts_with("服务器只发送了自己的证书 \"mongo-0.example.internal\""),
        "{message}"
    );
    assert!(unknown["hint"].as_str().unwrap().contains("下载证书"));
    assert_eq!(
        report["chain"][0]["chain"].as_str(),
        Some("签发者 \"CN=mongotls Fixture Intermediate CA, O=mongotls fixture\" 既不在证书链中，也不在 CA 证书文件中")
    );

    // The whole chain: the intermediate's issuer is the CA file's root, said so in Chinese.
    let good = mongotls(&[
        "verify", "--ca", ROOT, "--chain", CHAIN, "--at", GOOD_TIME, "--lang", "zh",
    ]);
    assert_eq!(good.code, 0, "{}{}", good.stdout, good.stderr);
    assert!(
        good.stdout
            .contains("由 CA 证书文件中的 #0 签发；签发了 #0"),
        "{}",
        good.stdout
    );
}

#[test]
fn zip_notes_and_load_errors_are_chinese() {
    let run = mongotls(&["ca", ZIP, "--at", GOOD_TIME, "--lang", "zh"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "未使用：PKCS#7 证书包（DER）；同样的 2 张证书已从 ApsaraDB-CA-Chain.pem 读取"
        ),
        "{}",
        run.stdout
    );

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("ca.pem");
    let run = mongotls(&["ca", path_str(&missing), "--lang", "zh"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains(&format!("{}：文件不存在；请检查拼写", path_str(&missing))),
        "{}",
        run.stderr
    );
}

#[test]
fn counts_of_one_are_singular_in_english_and_plain_in_chinese() {
    let mut args = Args::new();
    args.set("index", "0");
    args.set("name", "\"Root\"");
    args.set("not_after", "2030-01-01T00:00:00Z");
    args.set("days", 1);
    assert_eq!(
        message_in(Lang::En, "pki-ca-expired", Some(&args)),
        "certificate #0 \"Root\" expired on 2030-01-01T00:00:00Z (1 day ago)"
    );
    assert_eq!(
        message_in(Lang::Zh, "pki-ca-expired", Some(&args)),
        "证书 #0 \"Root\" 已于 2030-01-01T00:00:00Z 过期（1 天前）"
    );
    args.set("days", 2);
    assert!(message_in(Lang::En, "pki-ca-expired", Some(&args)).ends_with("(2 days ago)"));
}
