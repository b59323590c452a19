//! Text rendering for people: what was checked, each member or certificate with its
//! findings and hints, then the answer: a summary of every finding and one verdict line,
//! last. Renderers only paint ([`super::style`]) and mark hanging indents; the text sink
//! ([`super::sink`]) decides colour, width and characters. Every word comes from the
//! catalogs (`src/i18n/*/report.ftl`); codes, option names and values do not.

mod check;
mod fleet;
mod pki;
mod wait;

use std::collections::HashSet;
use std::io::{self, Write};

use textwrap::core::display_width;

use super::style::{paint, Role, HANG};
use super::summary::{Counts, FindingsSummary};
use super::Report;
use crate::escape::printable;
use crate::findings::{ClientAction, Finding, Severity, Verdict};
use crate::tr;

/// Writes the report as text.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match report {
        Report::Ca(r) => pki::render_ca(r, out),
        Report::Verify(r) => pki::render_verify(r, out),
        Report::Check(r) => check::render_check(r, out),
        Report::Bench(r) => super::bench_text::render(r, out),
        Report::Wait(r) => wait::render_wait(r, out),
        Report::Fleet(r) => fleet::render_fleet(r, out),
    }
}

/// `name` padded with spaces to `columns` display columns (CJK labels count 2 a character),
/// and at least one space after it.
fn label(name: &str, columns: usize) -> String {
    let pad = columns.saturating_sub(display_width(name)).max(1);
    format!("{name}{}", " ".repeat(pad))
}

/// `value` with the hanging-indent mark before it: continuation lines start where it does.
fn hang(value: impl std::fmt::Display) -> String {
    format!("{HANG}{value}")
}

/// The hints already shown in this report: the same advice under every member is shown once.
#[derive(Default)]
struct HintsShown(HashSet<String>);

/// `FAIL`, `WARN`, `INFO`, painted.
fn severity(s: Severity) -> String {
    let word = match s {
        Severity::Fail => tr!("report-severity-fail"),
        Severity::Warn => tr!("report-severity-warn"),
        Severity::Info => tr!("report-severity-info"),
    };
    paint(Role::of_severity(s), &word)
}

/// `PASS`, `WARN`, `FAIL`, painted.
fn verdict_word(v: Verdict) -> String {
    let word = match v {
        Verdict::Pass => tr!("report-verdict-pass"),
        Verdict::Warn => tr!("report-verdict-warn"),
        Verdict::Fail => tr!("report-verdict-fail"),
    };
    paint(Role::of_verdict(v), &word)
}

/// `a; b; c` (`a；b；c` in Chinese): clauses joined.
fn join_clauses(parts: Vec<String>) -> String {
    fold(parts, |left, right| {
        tr!("report-join-clauses", left = left, right = right)
    })
}

/// `a, b, c` (`a、b、c`): items joined.
fn join_items(parts: Vec<String>) -> String {
    fold(parts, |left, right| {
        tr!("report-join-items", left = left, right = right)
    })
}

fn fold(parts: Vec<String>, join: impl Fn(String, String) -> String) -> String {
    parts.into_iter().reduce(join).unwrap_or_default()
}

/// One finding: `WARN code [#0]: message`, its hint (once per report) and what each client
/// family does. `address` is the member whose section it is in: a message starting with it
/// does not repeat it.
fn finding_lines(
    f: &Finding,
    indent: &str,
    address: Option<&str>,
    hints: &mut HintsShown,
    out: &mut dyn Write,
) -> io::Result<()> {
    let certificate = f
        .certificate
        .map(|c| format!(" [#{c}]"))
        .unwrap_or_default();
    let message = printable(&f.message);
    // The member's own section already names it: "host:port: " (or the Chinese "host:port：")
    // at the start of its message is left out.
    let message = address
        .and_then(|a| {
            let a = printable(a);
            message
                .strip_prefix(&format!("{a}: "))
                .or_else(|| message.strip_prefix(&format!("{a}：")))
        })
        .unwrap_or(&message)
        .to_owned();
    let hint = printable(&f.hint).into_owned();
    let repeated = hints.0.contains(&hint);
    let line = if repeated {
        tr!(
            "report-finding-repeated",
            severity = severity(f.severity),
            code = hang(f.code),
            certificate = certificate,
            message = message
        )
    } else {
        tr!(
            "report-finding",
            severity = severity(f.severity),
            code = hang(f.code),
            certificate = certificate,
            message = message
        )
    };
    writeln!(out, "{indent}{line}")?;
    if !repeated {
        writeln!(
            out,
            "{indent}     {}",
            tr!("report-finding-hint", hint = hang(&hint))
        )?;
        hints.0.insert(hint);
    }
    if let Some(clients) = &f.clients {
        let names = |want: ClientAction| {
            clients
                .iter()
                .into_iter()
                .filter(|(_, a)| *a == want)
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        for want in [
            ClientAction::Reject,
            ClientAction::Accept,
            ClientAction::Unknown,
        ] {
            let names = names(want);
            if names.is_empty() {
                continue;
            }
            parts.push(match want {
                ClientAction::Reject => tr!("report-clients-refused", names = names),
                ClientAction::Accept => tr!("report-clients-accepted", names = names),
                ClientAction::Unknown => tr!("report-clients-unknown", names = names),
            });
        }
        writeln!(
            out,
            "{indent}     {}",
            tr!(
                "report-finding-clients",
                clients = hang(join_clauses(parts))
            )
        )?;
    }
    Ok(())
}

/// `title: none`, or `title:` and every finding, worst first.
fn findings_block(
    title: &str,
    list: &[Finding],
    hints: &mut HintsShown,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = paint(Role::Heading, title);
    if list.is_empty() {
        return writeln!(out, "{}", tr!("report-section-none", title = title));
    }
    writeln!(out, "{}", tr!("report-section", title = title))?;
    let mut sorted: Vec<&Finding> = list.iter().collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in sorted {
        finding_lines(f, "   ", None, hints, out)?;
    }
    Ok(())
}

/// `Summary: WHAT · 1 failure, 2 warnings, 0 informational`.
fn summary_line(what: &str, c: &Counts, out: &mut dyn Write) -> io::Result<()> {
    let counts = tr!(
        "report-summary-counts",
        fail = c.fail,
        warn = c.warn,
        info = c.info
    );
    writeln!(
        out,
        "{}",
        tr!(
            "report-summary",
            title = paint(Role::Heading, &tr!("report-summary-title")),
            what = hang(what),
            counts = counts
        )
    )
}

/// `Summary: 2 certificates · 1 failure, 0 warnings, 0 informational`, then each code above
/// `info` with the certificates it is about.
fn findings_summary(s: &FindingsSummary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    summary_line(
        &tr!("report-summary-certificates", count = s.certificates),
        &s.counts,
        out,
    )?;
    for c in s.codes.iter().filter(|c| c.severity > Severity::Info) {
        let line = if c.certificates.is_empty() {
            tr!(
                "report-summary-code",
                severity = severity(c.severity),
                code = hang(c.code)
            )
        } else {
            tr!(
                "report-summary-code-certificates",
                severity = severity(c.severity),
                code = hang(c.code),
                certificates = join_items(c.certificates.iter().map(|i| format!("#{i}")).collect())
            )
        };
        writeln!(out, "   {line}")?;
    }
    Ok(())
}

/// `verdict: FAIL (1 failure, 2 warnings)`, counted over every finding of the run.
fn verdict_line<'a>(
    verdict: Verdict,
    findings: impl IntoIterator<Item = &'a Finding>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let c = Counts::of(findings);
    writeln!(
        out,
        "{}",
        tr!(
            "report-verdict",
            verdict = verdict_word(verdict),
            fail = c.fail,
            warn = c.warn
        )
    )
}

/// `20 days left`, `expired 3 days ago` (painted): a certificate's remaining validity.
fn days_left(days: i64) -> String {
    if days < 0 {
        paint(Role::Fail, &tr!("report-cert-expired-ago", days = -days))
    } else {
        tr!("report-cert-days-left", days = days)
    }
}

fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".into()
    } else {
        items.join(", ")
    }
}

/// Text for people (`--format text`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Text;

impl super::Renderer for Text {
    /// Plain text: painted spans and hanging-indent marks removed, nothing wrapped.
    fn render(&self, report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
        let mut sink = super::TextSink::new(out, super::Layout::PLAIN);
        render(report, &mut sink)?;
        sink.finish()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use time::macros::datetime;

    use super::*;
    use crate::findings::Code;
    use crate::pki::ca_check::analyse_bundle;
    use crate::pki::clients::{verdicts_for, Condition};
    use crate::pki::verify::{verify_chain, VerifyOptions};
    use crate::report::check::PlaintextReport;
    use crate::report::{fixtures, CaReport, Layout, OutputFormat, VerifyReport};

    fn text(report: &Report) -> String {
        let mut out = Vec::new();
        report.render(OutputFormat::Text, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn laid_out(report: &Report, layout: Layout) -> String {
        let mut out = Vec::new();
        report
            .render_laid_out(OutputFormat::Text, &layout, &mut out)
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    fn check_report() -> Report {
        let mut a = fixtures::member(
            "a:1",
            vec![
                Finding::new(
                    Code::MongoBuildInfoUnavailable,
                    Severity::Info,
                    "no version",
                    "none",
                ),
                Finding::new(
                    Code::TlsPlaintextAccepted,
                    Severity::Warn,
                    "a:1: plain too",
                    "force TLS",
                ),
                Finding::new(
                    Code::CertExpired,
                    Severity::Fail,
                    "leaf expired",
                    "renew it",
                )
                .with_certificate(0)
                .with_clients(verdicts_for(Condition::LeafExpired)),
            ],
        );
        a.timings.dns = Some(Duration::from_micros(1234));
        a.timings.tls_handshake = Some(Duration::from_micros(12_600));
        a.plaintext = Some(PlaintextReport {
            accepted: true,
            detail: "the server answered a plaintext hello".into(),
        });
        // A name a hostile server chose, with a line break that must not start a new line.
        let b = fixtures::member(
            "b:2\nverdict: PASS",
            vec![Finding::new(
                Code::TlsPlaintextAccepted,
                Severity::Warn,
                "plain too",
                "force TLS",
            )],
        );
        let mut r = fixtures::check_report(
            &["a:1"],
            vec![a, b],
            vec![Finding::new(
                Code::RsInconsistentCertificates,
                Severity::Warn,
                "different issuers",
                "renew",
            )],
            Duration::from_millis(1234),
        );
        if let Report::Check(c) = &mut r {
            c.options.insecure = vec!["tlsInsecure=true".into()];
        }
        r
    }

    #[test]
    fn check_in_strict_mode_says_so_on_its_run_line() {
        let mut r = check_report();
        if let Report::Check(c) = &mut r {
            c.options.strict = true;
        }
        let out = text(&r);
        assert_eq!(
            out.lines().nth(3),
            Some("Run     2 members in 1234 ms; --timeout 1s, --deadline 1m, --max-connections 16, --strict (lint.* findings fail)"),
            "{out}"
        );
    }

    #[test]
    fn check_shows_each_member_then_the_set_then_the_summary_and_one_verdict() {
        let out = text(&check_report());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "Target  mongodb://root:****@a:1/");
        assert_eq!(
            lines[3],
            "Run     2 members in 1234 ms; --timeout 1s, --deadline 1m, --max-connections 16"
        );
        assert!(
            lines[4].starts_with("INSECURE tlsInsecure=true"),
            "{}",
            lines[4]
        );
        assert!(out.contains("== a:1  FAIL  no hello  [tls_only]  (seed, in config)"));
        // The finding says plaintext is accepted: no plaintext line beside it.
        assert!(!out.contains("   plaintext "), "{out}");
        assert!(out.contains("   timings ms  dns=1.2 tls=13\n"), "{out}");
        // Worst first; the informational finding is counted, not shown; the member's own
        // address does not start its messages.
        let fail = out.find("   FAIL cert.expired [#0]: leaf expired").unwrap();
        let warn = out
            .find("   WARN tls.plaintext_accepted: plain too\n")
            .unwrap();
        assert!(fail < warn);
        assert!(out.contains("        hint: renew it"));
        assert!(out.contains("        clients: refused by openssl, node, rustls, go, java"));
        assert!(out.contains("   (1 informational finding in --format json)"));
        assert!(!out.contains("no version"));
        // The same hint under the next member is not repeated.
        assert_eq!(out.matches("hint: force TLS").count(), 1, "{out}");
        assert!(out.contains("plain too (hint as above)\n"), "{out}");
        // The server's line break is shown, not obeyed.
        assert!(out.contains("== b:2\\nverdict: PASS  WARN"), "{out}");
        assert!(!lines.iter().any(|l| l.starts_with("verdict: PASS")));
        assert!(out.contains(
            "Replica set and inputs (set-level findings):\n   WARN rs.inconsistent_certificates"
        ));
        // The summary ends the report and agrees with the verdict under it.
        let summary = out.find("\nSummary: ").unwrap();
        assert_eq!(
            &out[summary + 1..],
            "Summary: 2 members, 1 failing · 1 failure, 3 warnings, 1 informational\n   \
             FAIL cert.expired on 1/2 members (a:1)\n   \
             WARN rs.inconsistent_certificates on the set\n   \
             WARN tls.plaintext_accepted on 2/2 members\n\
             verdict: FAIL (1 failure, 3 warnings)\n"
        );
    }

    #[test]
    fn an_empty_set_level_section_says_so_and_the_summary_names_the_driver() {
        let Report::Check(mut r) = fixtures::check_report(
            &["a:1"],
            vec![fixtures::member("a:1", vec![])],
            vec![],
            Duration::ZERO,
        ) else {
            unreachable!()
        };
        r.driver.findings = vec![Finding::new(
            Code::DriverServerSelectionFailed,
            Severity::Fail,
            "no server",
            "fix",
        )];
        let out = text(&Report::Check(r));
        assert!(
            out.contains("\nReplica set and inputs (set-level findings): none\n"),
            "{out}"
        );
        assert!(out.contains("== a:1  PASS  no hello"), "{out}");
        assert!(!out.contains("Findings: none"), "{out}");
        assert!(
            out.ends_with(
                "Summary: 1 member, 0 failing · 1 failure, 0 warnings, 0 informational\n   \
                 FAIL driver.server_selection_failed in the driver\n\
                 verdict: FAIL (1 failure, 0 warnings)\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn laid_out_text_is_painted_and_wrapped_plain_text_is_neither() {
        let report = check_report();
        let plain = text(&report);
        assert!(
            !plain.contains('\u{1b}') && !plain.contains(HANG),
            "{plain:?}"
        );
        let coloured = laid_out(
            &report,
            Layout {
                color: true,
                width: Some(60),
                ascii: false,
            },
        );
        let red_fail = paint(Role::Fail, "FAIL");
        assert!(
            coloured.contains(&format!("verdict: {red_fail} (")),
            "{coloured}"
        );
        assert!(coloured.contains(&format!("   {red_fail} cert.expired")));
        assert!(coloured.contains(&paint(Role::Warn, "WARN")));
        for line in coloured.lines() {
            assert!(display_width(line) <= 60, "{line:?}");
        }
        // The INSECURE line hangs under its text.
        assert!(coloured.contains("\n         your clients;"), "{coloured}");
    }

    /// A CA and a leaf it issued, made at run time.
    fn pem_pair() -> (String, String) {
        let now = datetime!(2026-06-01 00:00 UTC);
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca = rcgen::CertificateParams::default();
        ca.distinguished_name
            .push(rcgen::DnType::CommonName, "Test Root");
        ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Constrained(1));
        ca.key_usages = vec![rcgen::KeyUsagePurpose::KeyCertSign];
        ca.not_before = now - time::Duration::days(10);
        ca.not_after = now + time::Duration::days(20);
        let ca_cert = ca.self_signed(&ca_key).unwrap();
        let leaf_key = rcgen::KeyPair::generate().unwrap();
        let mut leaf = rcgen::CertificateParams::new(vec!["db.example".to_string()]).unwrap();
        leaf.distinguished_name
            .push(rcgen::DnType::CommonName, "db.example");
        leaf.not_before = now - time::Duration::days(400);
        leaf.not_after = now - time::Duration::days(3);
        leaf.use_authority_key_identifier_extension = true;
        let leaf_cert = leaf.signed_by(&leaf_key, &ca_cert, &ca_key).unwrap();
        (ca_cert.pem(), leaf_cert.pem())
    }

    #[test]
    fn ca_lists_each_certificate_with_its_facts() {
        let now = datetime!(2026-06-01 00:00 UTC);
        let (ca, _) = pem_pair();
        let input = crate::pki::bundle::parse_input("ca.pem", ca.as_bytes());
        let analysis = analyse_bundle(&input, now, 30);
        let out = text(&Report::Ca(CaReport::new(
            vec!["ca.pem".into()],
            &analysis,
            now,
            30,
        )));
        assert!(out.starts_with(
            "CA bundle ca.pem — 1 certificate (evaluated at 2026-06-01T00:00:00Z)\n\n#0 CN=Test Root\n"
        ));
        assert!(out.contains("   chain       self-signed root\n"), "{out}");
        assert!(out
            .contains("   valid       2026-05-22T00:00:00Z → 2026-06-21T00:00:00Z (20 days left)"));
        assert!(out.contains("   CA          yes, path length ≤ 1"));
        assert!(
            out.contains("   source      ca.pem block 1 (line 1)"),
            "{out}"
        );
        assert!(
            out.contains("\nFindings:\n   WARN ca.expiring_soon [#0]"),
            "{out}"
        );
        assert!(
            out.ends_with(
                "\nSummary: 1 certificate · 0 failures, 1 warning, 0 informational\n   \
                 WARN ca.expiring_soon on #0\n\
                 verdict: WARN (0 failures, 1 warning)\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn verify_shows_the_path_webpki_and_the_presented_certificates() {
        let now = datetime!(2026-06-01 00:00 UTC);
        let (ca, leaf) = pem_pair();
        let ca = analyse_bundle(
            &crate::pki::bundle::parse_input("ca.pem", ca.as_bytes()),
            now,
            0,
        );
        let chain = analyse_bundle(
            &crate::pki::bundle::parse_input("leaf.pem", leaf.as_bytes()),
            now,
            0,
        );
        let opts = VerifyOptions {
            host: Some(crate::pki::verify::parse_host("db.example").unwrap()),
            now,
            warn_days: 0,
            hostnames_waived: false,
            strict: false,
        };
        let v = verify_chain(&ca.certs, &chain.certs, &opts);
        let inputs = crate::report::verify::VerifyInputs {
            evaluated_at: now,
            warn_days: 0,
            host: Some("db.example".into()),
            strict: false,
            ca_files: vec!["ca.pem".into()],
            chain_file: "leaf.pem".into(),
        };
        let report = Report::Verify(VerifyReport::new(inputs, &ca, &chain, &v, Vec::new()));
        let out = text(&report);
        assert!(out.starts_with("Chain leaf.pem (1 certificate) against CA ca.pem (1 certificate), host db.example, at 2026-06-01T00:00:00Z\n"));
        assert!(out.contains("Path (ends at the CA file):\n   [0] leaf          CN=db.example  (chain #0; expired 3 days ago, on 2026-05-29T00:00:00Z)\n   [1] anchor        CN=Test Root  (CA file #0; "), "{out}");
        assert!(
            out.contains("rustls-webpki: chain rejected, name accepted (CertExpired {"),
            "{out}"
        );
        assert!(
            out.contains(
                "   valid       2025-04-27T00:00:00Z → 2026-05-29T00:00:00Z (expired 3 days ago)"
            ),
            "{out}"
        );
        assert!(out.contains("FAIL cert.expired [#0]: the server's certificate \"db.example\" expired on 2026-05-29T00:00:00Z (3 days before 2026-06-01T00:00:00Z)"), "{out}");
        assert!(
            out.ends_with(
                "Summary: 1 certificate · 1 failure, 0 warnings, 0 informational\n   \
                 FAIL cert.expired on #0\n\
                 verdict: FAIL (1 failure, 0 warnings)\n"
            ),
            "{out}"
        );
    }
}
