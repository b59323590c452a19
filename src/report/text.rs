//! Text rendering for people: certificates, path, findings with hints, and one verdict line
//! at the end.

use std::io::{self, Write};

use super::{CaReport, CertificateReport, CheckReport, MemberReport, Note, Report, VerifyReport};
use crate::dates::rfc3339;
use crate::duration::{format_duration, millis};
use crate::escape::printable;
use crate::findings::{ClientAction, Finding, Severity, Verdict};
use crate::pki::verify::PathSource;

/// Writes the report as text.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match report {
        Report::Ca(r) => render_ca(r, out),
        Report::Verify(r) => render_verify(r, out),
        Report::Check(r) => render_check(r, out),
        Report::Bench(r) => super::bench_text::render(r, out),
    }
}

fn render_check(r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "Target  {}", r.target.uri)?;
    writeln!(
        out,
        "Set     {}{}",
        printable(
            r.target
                .set_name
                .as_deref()
                .unwrap_or("(no replica set reported)")
        ),
        r.target
            .replica_set
            .as_deref()
            .map(|want| format!("  (URI replicaSet={want})"))
            .unwrap_or_default()
    )?;
    writeln!(
        out,
        "CA      {} ({} certificate{}: {})",
        r.ca.files.join(", "),
        r.ca.certificates.len(),
        plural(r.ca.certificates.len()),
        r.ca.certificates
            .iter()
            .map(|c| format!("{} until {}", c.subject, rfc3339(c.not_after)))
            .collect::<Vec<_>>()
            .join("; ")
    )?;
    writeln!(
        out,
        "Run     {} member{} in {:.0} ms, timeout {} per phase, deadline {}, {} connection{} at once{}{}",
        r.members.len(),
        plural(r.members.len()),
        millis(r.duration),
        format_duration(r.options.timeout),
        format_duration(r.options.deadline),
        r.options.max_connections,
        plural(r.options.max_connections),
        if r.options.discover {
            ""
        } else {
            ", seeds only (--no-discover)"
        },
        if r.options.plaintext_probe {
            ""
        } else {
            ", no plaintext probe"
        },
    )?;
    if !r.options.insecure.is_empty() {
        writeln!(
            out,
            "INSECURE {} — verification is weakened for your clients; mongotls still reports every certificate problem",
            r.options.insecure.join(", ")
        )?;
    }
    for m in &r.members {
        writeln!(out)?;
        member(m, out)?;
    }
    writeln!(out)?;
    writeln!(out, "Replica set:")?;
    findings(&r.findings, out)?;
    let all: Vec<Finding> = r
        .findings
        .iter()
        .chain(r.members.iter().flat_map(|m| m.findings.iter()))
        .cloned()
        .collect();
    verdict_line(r.verdict, &all, out)
}

fn member(m: &MemberReport, out: &mut dyn Write) -> io::Result<()> {
    let role = match &m.hello {
        Some(h) if h.is_writable_primary => "primary",
        Some(h) if h.arbiter_only => "arbiter",
        Some(h) if h.secondary => "secondary",
        Some(h) if h.hidden => "hidden",
        Some(_) => "other",
        None => "no hello",
    };
    let tags = [(m.seed, "seed"), (m.in_config, "in config")]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join(", ");
    writeln!(
        out,
        "== {}  [{}]  {}  ({tags})",
        printable(&m.address),
        m.tls_mode.as_str(),
        role
    )?;
    if let Some(addr) = &m.connected_to {
        writeln!(
            out,
            "   address     {addr} (resolved: {}); server name {}",
            m.resolved.join(", "),
            printable(&m.server_name)
        )?;
    }
    if let Some(t) = &m.tls {
        writeln!(
            out,
            "   tls         {} {}{}",
            t.version,
            t.cipher_suite,
            t.key_exchange_group
                .as_deref()
                .map(|g| format!(" ({g})"))
                .unwrap_or_default()
        )?;
    }
    if let Some(c) = &m.chain {
        if let Some(leaf) = c.path.first() {
            writeln!(
                out,
                "   certificate {}  expires {} ({} days){}",
                printable(&leaf.subject),
                rfc3339(leaf.not_after),
                leaf.days_remaining,
                if c.trusted {
                    "  — chains to the CA file"
                } else {
                    "  — does NOT chain to the CA file"
                }
            )?;
        }
    }
    if let Some(h) = &m.hello {
        writeln!(
            out,
            "   hello       setName {}, me {}, wire {}..{}{}",
            printable(h.set_name.as_deref().unwrap_or("-")),
            printable(h.me.as_deref().unwrap_or("-")),
            h.min_wire_version.unwrap_or(0),
            h.max_wire_version.unwrap_or(0),
            m.server_version
                .as_deref()
                .map(|v| format!(", MongoDB {}", printable(v)))
                .unwrap_or_default()
        )?;
    }
    if let Some(p) = &m.plaintext {
        writeln!(out, "   plaintext   {}", printable(&p.detail))?;
    }
    let t = &m.timings;
    let phases: Vec<String> = [
        ("dns", t.dns),
        ("tcp", t.tcp_connect),
        ("tls", t.tls_handshake),
        ("hello", t.hello),
        ("ping", t.ping),
        ("buildInfo", t.build_info),
        ("plain hello", t.plaintext_hello),
    ]
    .iter()
    .filter_map(|(name, d)| d.map(|d| format!("{name} {:.2}", millis(d))))
    .collect();
    writeln!(out, "   timings ms  {}", phases.join(" · "))?;
    member_findings(&m.findings, out)
}

fn member_findings(list: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    let mut sorted: Vec<&Finding> = list
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in sorted {
        finding_lines(f, "   ", out)?;
    }
    let infos = list.iter().filter(|f| f.severity == Severity::Info).count();
    if infos > 0 {
        writeln!(
            out,
            "   ({infos} informational finding{} in --format json)",
            plural(infos)
        )?;
    }
    Ok(())
}

fn render_ca(r: &CaReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "CA bundle {} — {} certificate{} (evaluated at {})",
        r.files.join(", "),
        r.certificates.len(),
        plural(r.certificates.len()),
        rfc3339(r.evaluated_at)
    )?;
    for c in &r.certificates {
        writeln!(out)?;
        certificate(c, out)?;
    }
    notes(&r.notes, out)?;
    findings(&r.findings, out)?;
    verdict_line(r.verdict, &r.findings, out)
}

fn render_verify(r: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "Chain {} ({} certificate{}) against CA {} ({} certificate{}), host {}, at {}",
        r.chain_file,
        r.chain.len(),
        plural(r.chain.len()),
        r.ca_files.join(", "),
        r.ca.len(),
        plural(r.ca.len()),
        r.host.as_deref().unwrap_or("(not checked)"),
        rfc3339(r.evaluated_at)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "Path ({}):",
        if r.trusted {
            "ends at the CA file"
        } else {
            "does NOT reach the CA file"
        }
    )?;
    for (pos, p) in r.path.iter().enumerate() {
        let role = p.role.as_str();
        let source = match p.source {
            PathSource::Chain => format!("chain #{}", p.index),
            PathSource::Ca => format!("CA file #{}", p.index),
        };
        writeln!(
            out,
            "  [{pos}] {role:<12} {}  ({source}; expires {}, {} days)",
            p.subject,
            rfc3339(p.not_after),
            p.days_remaining
        )?;
    }
    let w = &r.rustls_webpki;
    writeln!(
        out,
        "rustls-webpki: chain {}{}{}",
        if w.chain_accepted {
            "accepted"
        } else {
            "rejected"
        },
        match w.name_accepted {
            Some(true) => ", name accepted",
            Some(false) => ", name rejected",
            None => "",
        },
        w.error
            .as_deref()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default()
    )?;
    writeln!(out)?;
    writeln!(out, "Presented certificates:")?;
    for c in &r.chain {
        writeln!(out)?;
        certificate(c, out)?;
    }
    notes(&r.notes, out)?;
    findings(&r.findings, out)?;
    verdict_line(r.verdict, &r.findings, out)
}

fn certificate(c: &CertificateReport, out: &mut dyn Write) -> io::Result<()> {
    let i = &c.info;
    writeln!(out, "#{} {}", c.index, i.subject)?;
    let rows: Vec<(&str, String)> = vec![
        ("chain", c.chain.clone()),
        ("issuer", i.issuer.clone()),
        ("serial", i.serial.clone()),
        ("sha256", i.sha256_fingerprint.clone()),
        (
            "valid",
            format!(
                "{} → {} ({})",
                rfc3339(i.not_before),
                rfc3339(i.not_after),
                super::days_left(i.days_remaining)
            ),
        ),
        (
            "key",
            format!(
                "{}{}{}",
                i.key.algorithm,
                i.key.bits.map(|b| format!(" {b} bits")).unwrap_or_default(),
                i.key
                    .curve
                    .as_deref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default()
            ),
        ),
        ("signature", i.signature_algorithm.clone()),
        (
            "CA",
            match (i.is_ca, i.path_len) {
                (true, Some(n)) => format!("yes, path length ≤ {n}"),
                (true, None) => "yes".into(),
                (false, _) if i.basic_constraints => "no (CA:FALSE)".into(),
                (false, _) => "no (no basicConstraints)".into(),
            },
        ),
        ("key usage", list_or_dash(&i.key_usage)),
        (
            "ext. usage",
            i.extended_key_usage
                .as_deref()
                .map(list_or_dash)
                .unwrap_or_else(|| "(absent: any)".into()),
        ),
        (
            "SKI",
            i.subject_key_id.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "AKI",
            i.authority_key_id.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "SAN",
            i.subject_alt_names
                .as_deref()
                .map(list_or_dash)
                .unwrap_or_else(|| "(no subjectAltName extension)".into()),
        ),
        ("source", c.source.to_string()),
    ];
    for (label, value) in rows {
        writeln!(out, "   {label:<11} {value}")?;
    }
    for url in &i.ca_issuers_urls {
        writeln!(out, "   {:<11} {url}", "CA issuers")?;
    }
    Ok(())
}

fn notes(notes: &[Note], out: &mut dyn Write) -> io::Result<()> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "Notes:")?;
    for n in notes {
        writeln!(out, "  - {}: {}", n.source, n.message)?;
    }
    Ok(())
}

fn findings(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    if findings.is_empty() {
        writeln!(out, "Findings: none")?;
        return Ok(());
    }
    writeln!(out, "Findings:")?;
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in sorted {
        finding_lines(f, "  ", out)?;
    }
    Ok(())
}

fn finding_lines(f: &Finding, indent: &str, out: &mut dyn Write) -> io::Result<()> {
    let cert = f
        .certificate
        .map(|c| format!(" [#{c}]"))
        .unwrap_or_default();
    writeln!(
        out,
        "{indent}{:<4} {}{cert}: {}",
        f.severity.as_str().to_uppercase(),
        f.code,
        printable(&f.message)
    )?;
    writeln!(out, "{indent}     hint: {}", printable(&f.hint))?;
    if let Some(clients) = &f.clients {
        let describe = |want: ClientAction| {
            clients
                .iter()
                .into_iter()
                .filter(|(_, a)| *a == want)
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        for (want, label) in [
            (ClientAction::Reject, "refused by"),
            (ClientAction::Accept, "accepted by"),
            (ClientAction::Unknown, "unknown for"),
        ] {
            let names = describe(want);
            if !names.is_empty() {
                parts.push(format!("{label} {names}"));
            }
        }
        writeln!(out, "{indent}     clients: {}", parts.join("; "))?;
    }
    Ok(())
}

fn verdict_line(verdict: Verdict, findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (fails, warns) = (count(Severity::Fail), count(Severity::Warn));
    writeln!(out)?;
    writeln!(
        out,
        "verdict: {} ({fails} failure{}, {warns} warning{})",
        verdict.as_str().to_uppercase(),
        plural(fails),
        plural(warns)
    )
}

fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".into()
    } else {
        items.join(", ")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Text for people (`--format text`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Text;

impl super::Renderer for Text {
    fn render(&self, report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
        render(report, out)
    }
}
