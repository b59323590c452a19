//! Text rendering for people: certificates, path, findings with hints, and one verdict line
//! at the end.

use std::io::{self, Write};

use super::driver::DriverReport;
use super::summary::{CheckSummary, Counts, FindingsSummary};
use super::{
    CaReport, CertificateReport, CheckReport, ClientCertReport, MemberReport, Note, Report,
    SrvReport, VerifyReport,
};
use crate::dates::rfc3339;
use crate::driver::DriverVerdict;
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
    if let Some(srv) = &r.srv {
        srv_section(srv, out)?;
    }
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
    match r.ca.system_roots {
        Some(roots) => writeln!(
            out,
            "CA      the system trust store ({roots} root{}; no --ca or tlsCAFile given)",
            plural(roots)
        )?,
        None => writeln!(
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
        )?,
    }
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
    if let Some(c) = &r.client_cert {
        client_cert(c, out)?;
    }
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
    set_findings(&r.findings, out)?;
    writeln!(out)?;
    driver(&r.driver, out)?;
    check_summary(&CheckSummary::of(r), out)?;
    verdict_line(r.verdict, r.all_findings(), out)
}

/// The findings about the set and the inputs rather than one member: titled as such, and
/// saying so when there are none (the summary below counts everything).
fn set_findings(list: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    if list.is_empty() {
        return writeln!(out, "Replica set and inputs (set-level findings): none");
    }
    writeln!(out, "Replica set and inputs (set-level findings):")?;
    let mut sorted: Vec<&Finding> = list.iter().collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in sorted {
        finding_lines(f, "   ", out)?;
    }
    Ok(())
}

/// `Summary: 3 members, 1 failing · 1 failure, 3 warnings, 6 informational`, then each code
/// above `info` with where it was found.
fn check_summary(s: &CheckSummary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "Summary: {} member{}, {} failing · {}",
        s.members,
        plural(s.members),
        s.failing_members,
        counts(&s.counts)
    )?;
    for c in s.codes.iter().filter(|c| c.severity > Severity::Info) {
        let mut places = Vec::new();
        let hit: Vec<String> = c
            .member_addresses()
            .map(|a| printable(a).into_owned())
            .collect();
        if !hit.is_empty() {
            places.push(if hit.len() == s.members {
                format!("on {}/{} members", hit.len(), s.members)
            } else {
                format!(
                    "on {}/{} member{} ({})",
                    hit.len(),
                    s.members,
                    plural(s.members),
                    hit.join(", ")
                )
            });
        }
        if c.on_set() {
            places.push("on the set".into());
        }
        if c.in_driver() {
            places.push("in the driver".into());
        }
        writeln!(
            out,
            "   {:<4} {} {}",
            severity_label(c.severity),
            c.code,
            places.join(" and ")
        )?;
    }
    Ok(())
}

/// `Summary: 2 certificates · 1 failure, 0 warnings, 0 informational`, then each code above
/// `info` with the certificates it is about.
fn findings_summary(s: &FindingsSummary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "Summary: {} certificate{} · {}",
        s.certificates,
        plural(s.certificates),
        counts(&s.counts)
    )?;
    for c in s.codes.iter().filter(|c| c.severity > Severity::Info) {
        let on = match c.certificates.as_slice() {
            [] => String::new(),
            list => format!(
                " on #{}",
                list.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", #")
            ),
        };
        writeln!(out, "   {:<4} {}{on}", severity_label(c.severity), c.code)?;
    }
    Ok(())
}

/// `1 failure, 2 warnings, 0 informational`.
fn counts(c: &Counts) -> String {
    format!(
        "{} failure{}, {} warning{}, {} informational",
        c.fail,
        plural(c.fail),
        c.warn,
        plural(c.warn),
        c.info
    )
}

/// `FAIL`, `WARN`, `INFO`.
fn severity_label(s: Severity) -> String {
    s.as_str().to_uppercase()
}

/// The driver stage: its verdict, who we are, what it said of each server, its findings.
fn driver(d: &DriverReport, out: &mut dyn Write) -> io::Result<()> {
    let verdict = match d.verdict {
        DriverVerdict::Pass => "PASS",
        DriverVerdict::Fail => "FAIL",
        DriverVerdict::Skipped => "SKIPPED",
    };
    writeln!(
        out,
        "Driver: {verdict}  {} {}{}",
        d.name,
        d.version,
        if d.verdict == DriverVerdict::Skipped {
            String::new()
        } else {
            format!(", {:.0} ms", millis(d.duration))
        }
    )?;
    if let Some(reason) = &d.reason {
        writeln!(out, "   skipped: {}", printable(reason))?;
    }
    if let Some(trust) = &d.trust {
        writeln!(out, "   trusts {}", printable(trust))?;
    }
    if d.verdict == DriverVerdict::Pass {
        match &d.authenticated {
            Some(a) => writeln!(
                out,
                "   server selection and ping OK; authenticated as {} on {} with {}; roles: {}",
                printable(&a.user),
                printable(&a.db),
                a.mechanism,
                list_or_dash(&a.roles)
            )?,
            None => writeln!(out, "   server selection and ping OK (no credentials)")?,
        }
    }
    // On failure every server, so "no primary" shows what the driver saw instead.
    let shown = d
        .servers
        .iter()
        .filter(|s| s.error.is_some() || d.verdict == DriverVerdict::Fail);
    for s in shown {
        writeln!(
            out,
            "   {} ({}){}",
            printable(&s.address),
            s.server_type,
            s.error
                .as_deref()
                .map(|e| format!(": {}", printable(e)))
                .unwrap_or_default()
        )?;
    }
    member_findings(&d.findings, out)
}

/// The "Client certificate" section: what the servers are shown, and the user it logs in as.
fn client_cert(c: &ClientCertReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "Client certificate  {}", printable(&c.file))?;
    writeln!(out, "  subject      {}", printable(&c.subject))?;
    writeln!(
        out,
        "  X.509 user   {} (on $external, for MONGODB-X509)",
        printable(&c.x509_user)
    )?;
    writeln!(out, "  issuer       {}", printable(&c.issuer))?;
    writeln!(
        out,
        "  valid        {} to {} ({} days left)",
        rfc3339(c.not_before),
        rfc3339(c.not_after),
        c.days_left
    )?;
    writeln!(
        out,
        "  key          {}{}{}, {}",
        c.key_algorithm,
        c.key_bits.map(|b| format!(" {b} bits")).unwrap_or_default(),
        if c.encrypted_key {
            ", encrypted (PKCS#8)"
        } else {
            ""
        },
        if c.key_matches {
            "matches the certificate"
        } else {
            "DOES NOT match the certificate"
        }
    )?;
    writeln!(
        out,
        "  clientAuth   {}",
        if c.eku_client_auth {
            "allowed by its Extended Key Usage"
        } else {
            "NOT allowed by its Extended Key Usage"
        }
    )
}

/// The SRV section: the name, the server asked, every record, the TXT record and the seeds.
fn srv_section(srv: &SrvReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "SRV     {} via {} in {:.0} ms: {} record{}",
        srv.name,
        srv.dns_server.as_deref().unwrap_or("the system resolver"),
        millis(srv.duration),
        srv.records.len(),
        plural(srv.records.len()),
    )?;
    for rec in &srv.records {
        writeln!(
            out,
            "          {}:{}  priority {} weight {}",
            printable(&rec.target),
            rec.port,
            rec.priority,
            rec.weight
        )?;
    }
    for txt in &srv.txt {
        writeln!(out, "        TXT \"{}\"", printable(txt))?;
    }
    if let Some(error) = &srv.error {
        writeln!(out, "        no seeds: {}", printable(error))?;
    }
    writeln!(out, "Seeds   {}", list_or_dash(&srv.seeds))
}

fn member(m: &MemberReport, out: &mut dyn Write) -> io::Result<()> {
    member_heading(m, out)?;
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
    member_certificate(m, out)?;
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
    member_timings(m, out)?;
    member_findings(&m.findings, out)
}

/// `== host:port  [tls_only]  primary  (seed, in config)`.
fn member_heading(m: &MemberReport, out: &mut dyn Write) -> io::Result<()> {
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
    )
}

/// The presented leaf: subject, expiry, and whether it chains to the CA file.
fn member_certificate(m: &MemberReport, out: &mut dyn Write) -> io::Result<()> {
    let Some((c, leaf)) = m
        .chain
        .as_ref()
        .and_then(|c| c.path.first().map(|l| (c, l)))
    else {
        return Ok(());
    };
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
    )
}

/// Every phase that ran, in milliseconds.
fn member_timings(m: &MemberReport, out: &mut dyn Write) -> io::Result<()> {
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
    writeln!(out, "   timings ms  {}", phases.join(" · "))
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
    findings_summary(&FindingsSummary::of_ca(r), out)?;
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
    findings_summary(&FindingsSummary::of_verify(r), out)?;
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
        severity_label(f.severity),
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

/// `verdict: FAIL (1 failure, 2 warnings)`, counted over every finding of the run.
fn verdict_line<'a>(
    verdict: Verdict,
    findings: impl IntoIterator<Item = &'a Finding>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (mut fails, mut warns) = (0, 0);
    for f in findings {
        match f.severity {
            Severity::Fail => fails += 1,
            Severity::Warn => warns += 1,
            Severity::Info => {}
        }
    }
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
    use crate::report::fixtures;

    fn text(report: &Report) -> String {
        let mut out = Vec::new();
        report
            .render(crate::report::OutputFormat::Text, &mut out)
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
                    "plain too",
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
        a.timings.tls_handshake = Some(Duration::from_micros(2500));
        a.plaintext = Some(PlaintextReport {
            accepted: true,
            detail: "the server answered a plaintext hello".into(),
        });
        // A name a hostile server chose, with a line break that must not start a new line.
        let b = fixtures::member("b:2\nverdict: PASS", vec![]);
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
    fn check_shows_each_member_then_the_set_then_one_verdict_over_everything() {
        let out = text(&check_report());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "Target  mongodb://root:****@a:1/");
        assert!(
            lines[3].starts_with(
                "Run     2 members in 1234 ms, timeout 1s per phase, deadline 1m, 16 connections at once"
            ),
            "{}",
            lines[3]
        );
        assert!(
            lines[4].starts_with("INSECURE tlsInsecure=true"),
            "{}",
            lines[4]
        );
        assert!(out.contains("== a:1  [tls_only]  no hello  (seed, in config)"));
        assert!(out.contains("   plaintext   the server answered a plaintext hello"));
        assert!(out.contains("   timings ms  dns 1.23 · tls 2.50"), "{out}");
        // Worst first; the informational finding is counted, not shown.
        let fail = out.find("   FAIL cert.expired [#0]: leaf expired").unwrap();
        let warn = out
            .find("   WARN tls.plaintext_accepted: plain too")
            .unwrap();
        assert!(fail < warn);
        assert!(out.contains("        hint: renew it"));
        assert!(out.contains("        clients: refused by openssl, node, rustls, go, java"));
        assert!(out.contains("   (1 informational finding in --format json)"));
        assert!(!out.contains("no version"));
        // The server's line break is shown, not obeyed.
        assert!(out.contains("== b:2\\nverdict: PASS"), "{out}");
        assert!(!lines.iter().any(|l| l.starts_with("verdict: PASS")));
        assert!(out.contains(
            "Replica set and inputs (set-level findings):\n   WARN rs.inconsistent_certificates"
        ));
        // The summary ends the report and agrees with the verdict under it.
        let summary = out.find("\nSummary: ").unwrap();
        assert_eq!(
            &out[summary + 1..],
            "Summary: 2 members, 1 failing · 1 failure, 2 warnings, 1 informational\n   \
             FAIL cert.expired on 1/2 members (a:1)\n   \
             WARN rs.inconsistent_certificates on the set\n   \
             WARN tls.plaintext_accepted on 1/2 members (a:1)\n\
             verdict: FAIL (1 failure, 2 warnings)\n"
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

    /// A CA and a leaf it issued, made at run time.
    fn pem_pair() -> (String, String) {
        let now = datetime!(2026-06-01 00:00 UTC);
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca = rcgen::CertificateParams::default();
        ca.distinguished_name
            .push(rcgen::DnType::CommonName, "Test Root");
        ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Constrained(1));
        ca.not_before = now - time::Duration::days(10);
        ca.not_after = now + time::Duration::days(20);
        let ca_cert = ca.self_signed(&ca_key).unwrap();
        let leaf_key = rcgen::KeyPair::generate().unwrap();
        let mut leaf = rcgen::CertificateParams::new(vec!["db.example".to_string()]).unwrap();
        leaf.distinguished_name
            .push(rcgen::DnType::CommonName, "db.example");
        leaf.not_before = now - time::Duration::days(400);
        leaf.not_after = now - time::Duration::days(3);
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
        assert!(out.contains("WARN ca.expiring_soon [#0]"), "{out}");
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
        };
        let v = verify_chain(&ca.certs, &chain.certs, &opts);
        let inputs = crate::report::verify::VerifyInputs {
            evaluated_at: now,
            warn_days: 0,
            host: Some("db.example".into()),
            ca_files: vec!["ca.pem".into()],
            chain_file: "leaf.pem".into(),
        };
        let report = Report::Verify(VerifyReport::new(inputs, &ca, &chain, &v, Vec::new()));
        let out = text(&report);
        assert!(out.starts_with("Chain leaf.pem (1 certificate) against CA ca.pem (1 certificate), host db.example, at 2026-06-01T00:00:00Z\n"));
        assert!(out.contains("Path (ends at the CA file):\n  [0] leaf         CN=db.example  (chain #0; expires 2026-05-29T00:00:00Z, -3 days)\n  [1] anchor       CN=Test Root  (CA file #0; "), "{out}");
        assert!(
            out.contains("rustls-webpki: chain rejected, name accepted (CertExpired {"),
            "{out}"
        );
        assert!(
            out.contains(
                "   valid       2025-04-27T00:00:00Z → 2026-05-29T00:00:00Z (EXPIRED 3 days ago)"
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
