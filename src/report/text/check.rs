//! The text of `check` (and `demo`): the header, each member, the set-level findings, the
//! driver, and the summary the verdict line closes.

use std::io::{self, Write};

use super::{
    finding_lines, findings_block, label, list_or_dash, plural, summary_line, verdict_line,
    HintsShown,
};
use crate::dates::rfc3339;
use crate::driver::DriverVerdict;
use crate::duration::{format_duration, millis};
use crate::escape::printable;
use crate::findings::{Code, Finding, Severity, Verdict};
use crate::report::driver::DriverReport;
use crate::report::style::{paint, Role, HANG};
use crate::report::summary::CheckSummary;
use crate::report::{CheckReport, ClientCertReport, MemberReport, SrvReport};

/// Width of the header's labels (`Target  `).
const HEAD: usize = 8;
/// Width of a member's labels (`certificate `).
const ROW: usize = 12;

pub(super) fn render_check(r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    header(r, out)?;
    let mut hints = HintsShown::default();
    for m in &r.members {
        writeln!(out)?;
        member(r, m, &mut hints, out)?;
    }
    writeln!(out)?;
    set_findings(&r.findings, &mut hints, out)?;
    writeln!(out)?;
    driver(&r.driver, &mut hints, out)?;
    check_summary(&CheckSummary::of(r), out)?;
    verdict_line(r.verdict, r.all_findings(), out)
}

/// What was checked, against what, and how.
fn header(r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}{HANG}{}", label("Target", HEAD), r.target.uri)?;
    if let Some(srv) = &r.srv {
        srv_section(srv, out)?;
    }
    writeln!(
        out,
        "{}{HANG}{}{}",
        label("Set", HEAD),
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
            "{}{HANG}the system trust store ({roots} root{}; no --ca or tlsCAFile given)",
            label("CA", HEAD),
            plural(roots)
        )?,
        None => writeln!(
            out,
            "{}{HANG}{} ({} certificate{}: {})",
            label("CA", HEAD),
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
        "{}{HANG}{} member{} in {:.0} ms; --timeout {}, --deadline {}, --max-connections {}{}{}",
        label("Run", HEAD),
        r.members.len(),
        plural(r.members.len()),
        millis(r.duration),
        format_duration(r.options.timeout),
        format_duration(r.options.deadline),
        r.options.max_connections,
        if r.options.discover {
            ""
        } else {
            ", --no-discover (seeds only)"
        },
        if r.options.plaintext_probe {
            ""
        } else {
            ", --no-plaintext-probe"
        },
    )?;
    if let Some(c) = &r.client_cert {
        client_cert(c, out)?;
    }
    if !r.options.insecure.is_empty() {
        writeln!(
            out,
            "{} {HANG}{} — verification is weakened for your clients; mongotls still reports every certificate problem",
            paint(Role::Warn, "INSECURE"),
            r.options.insecure.join(", ")
        )?;
    }
    Ok(())
}

/// The SRV section: the name, the server asked, every record, the TXT record and the seeds.
fn srv_section(srv: &SrvReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}{HANG}{} via {} in {:.0} ms: {} record{}",
        label("SRV", HEAD),
        srv.name,
        srv.dns_server.as_deref().unwrap_or("the system resolver"),
        millis(srv.duration),
        srv.records.len(),
        plural(srv.records.len()),
    )?;
    for rec in &srv.records {
        writeln!(
            out,
            "          {HANG}{}:{}  priority {} weight {}",
            printable(&rec.target),
            rec.port,
            rec.priority,
            rec.weight
        )?;
    }
    for txt in &srv.txt {
        writeln!(out, "        TXT {HANG}\"{}\"", printable(txt))?;
    }
    if let Some(error) = &srv.error {
        writeln!(out, "        no seeds: {HANG}{}", printable(error))?;
    }
    writeln!(
        out,
        "{}{HANG}{}",
        label("Seeds", HEAD),
        list_or_dash(&srv.seeds)
    )
}

/// The "Client certificate" section: what the servers are shown, and the user it logs in as.
fn client_cert(c: &ClientCertReport, out: &mut dyn Write) -> io::Result<()> {
    let row = |name: &str| format!("  {}", label(name, 13));
    writeln!(out)?;
    writeln!(
        out,
        "{}  {HANG}{}",
        paint(Role::Heading, "Client certificate"),
        printable(&c.file)
    )?;
    writeln!(out, "{}{HANG}{}", row("subject"), printable(&c.subject))?;
    writeln!(
        out,
        "{}{HANG}{} (on $external, for MONGODB-X509)",
        row("X.509 user"),
        printable(&c.x509_user)
    )?;
    writeln!(out, "{}{HANG}{}", row("issuer"), printable(&c.issuer))?;
    writeln!(
        out,
        "{}{HANG}{} to {} ({} days left)",
        row("valid"),
        rfc3339(c.not_before),
        rfc3339(c.not_after),
        c.days_left
    )?;
    writeln!(
        out,
        "{}{HANG}{}{}{}, {}",
        row("key"),
        c.key_algorithm,
        c.key_bits.map(|b| format!(" {b} bits")).unwrap_or_default(),
        if c.encrypted_key {
            ", encrypted (PKCS#8)"
        } else {
            ""
        },
        if c.key_matches {
            "matches the certificate".to_owned()
        } else {
            paint(Role::Fail, "DOES NOT match the certificate")
        }
    )?;
    writeln!(
        out,
        "{}{HANG}{}",
        row("clientAuth"),
        if c.eku_client_auth {
            "allowed by its Extended Key Usage".to_owned()
        } else {
            paint(Role::Fail, "NOT allowed by its Extended Key Usage")
        }
    )
}

/// A member's label column: `   tls         `.
fn row(name: &str) -> String {
    format!("   {}", label(name, ROW))
}

fn member(
    r: &CheckReport,
    m: &MemberReport,
    hints: &mut HintsShown,
    out: &mut dyn Write,
) -> io::Result<()> {
    member_heading(m, out)?;
    // Where it connected: on the tls line when the handshake completed, else on its own.
    let mut reached = Vec::new();
    if let Some(addr) = &m.connected_to {
        reached.push(addr.clone());
        let others: Vec<&str> = m
            .resolved
            .iter()
            .map(String::as_str)
            .filter(|a| a != addr)
            .collect();
        if !others.is_empty() {
            reached.push(format!("also resolved: {}", others.join(", ")));
        }
        let host = m.address.rsplit_once(':').map_or(&*m.address, |(h, _)| h);
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if m.server_name != host {
            reached.push(format!("server name {}", printable(&m.server_name)));
        }
    }
    match &m.tls {
        Some(t) => writeln!(
            out,
            "{}{HANG}{} {}{}{}",
            row("tls"),
            t.version,
            t.cipher_suite,
            t.key_exchange_group
                .as_deref()
                .map(|g| format!(" ({g})"))
                .unwrap_or_default(),
            if reached.is_empty() {
                String::new()
            } else {
                format!(" at {}", reached.join("; "))
            }
        )?,
        None if !reached.is_empty() => {
            writeln!(out, "{}{HANG}{}", row("address"), reached.join("; "))?
        }
        None => {}
    }
    member_certificate(m, out)?;
    if let Some(h) = &m.hello {
        let mut parts = Vec::new();
        if h.set_name != r.target.set_name || h.set_name.is_none() {
            parts.push(format!(
                "setName {}",
                printable(h.set_name.as_deref().unwrap_or("-"))
            ));
        }
        if h.me.as_deref() != Some(m.address.as_str()) {
            parts.push(format!("me {}", printable(h.me.as_deref().unwrap_or("-"))));
        }
        parts.push(format!(
            "wire {}..{}",
            h.min_wire_version.unwrap_or(0),
            h.max_wire_version.unwrap_or(0)
        ));
        if let Some(v) = &m.server_version {
            parts.push(format!("MongoDB {}", printable(v)));
        }
        writeln!(out, "{}{HANG}{}", row("hello"), parts.join(", "))?;
    }
    if let Some(p) = &m.plaintext {
        // An accepted plaintext hello is a finding below, which says so.
        let said = p.accepted
            && m.findings
                .iter()
                .any(|f| f.code == Code::TlsPlaintextAccepted);
        if !said {
            writeln!(out, "{}{HANG}{}", row("plaintext"), printable(&p.detail))?;
        }
    }
    member_timings(m, out)?;
    member_findings(&m.findings, Some(&m.address), hints, out)
}

/// `== host:port  WARN  primary  [tls_only]  (seed, in config)`.
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
    let verdict = Verdict::from_findings(&m.findings);
    writeln!(
        out,
        "{}  {HANG}{}  {role}  [{}]{}",
        paint(Role::Heading, &format!("== {}", printable(&m.address))),
        paint(Role::of_verdict(verdict), &verdict.as_str().to_uppercase()),
        m.tls_mode.as_str(),
        if tags.is_empty() {
            String::new()
        } else {
            format!("  ({tags})")
        }
    )
}

/// The presented leaf: subject, whether it chains to the CA file, expiry.
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
        "{}{HANG}{} — {}",
        row("certificate"),
        printable(&leaf.subject),
        if c.trusted {
            "chains to the CA file".to_owned()
        } else {
            paint(Role::Fail, "does NOT chain to the CA file")
        }
    )?;
    writeln!(
        out,
        "{}{HANG}{} ({} days)",
        row("expires"),
        rfc3339(leaf.not_after),
        leaf.days_remaining,
    )
}

/// Every phase that ran, in milliseconds: `dns=0.4 tcp=0.1 tls=2.0 … build=12`, a tenth of
/// a millisecond below 10 ms, whole milliseconds above (JSON has microseconds).
fn member_timings(m: &MemberReport, out: &mut dyn Write) -> io::Result<()> {
    let t = &m.timings;
    let phases: Vec<String> = [
        ("dns", t.dns),
        ("tcp", t.tcp_connect),
        ("tls", t.tls_handshake),
        ("hello", t.hello),
        ("ping", t.ping),
        ("build", t.build_info),
        ("plain", t.plaintext_hello),
    ]
    .iter()
    .filter_map(|(name, d)| {
        d.map(|d| match millis(d) {
            ms if ms < 9.95 => format!("{name}={ms:.1}"),
            ms => format!("{name}={ms:.0}"),
        })
    })
    .collect();
    if phases.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}{HANG}{}", row("timings ms"), phases.join(" "))
}

/// A member's (or the driver's) findings above `info`, worst first; `info` only counted.
fn member_findings(
    list: &[Finding],
    address: Option<&str>,
    hints: &mut HintsShown,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut sorted: Vec<&Finding> = list
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in sorted {
        finding_lines(f, "   ", address, hints, out)?;
    }
    let infos = list.iter().filter(|f| f.severity == Severity::Info).count();
    if infos > 0 {
        writeln!(
            out,
            "   {HANG}({infos} informational finding{} in --format json)",
            plural(infos)
        )?;
    }
    Ok(())
}

/// The findings about the set and the inputs rather than one member: titled as such, and
/// saying so when there are none (the summary below counts everything).
fn set_findings(list: &[Finding], hints: &mut HintsShown, out: &mut dyn Write) -> io::Result<()> {
    let title = paint(Role::Heading, "Replica set and inputs (set-level findings)");
    findings_block(&title, list, hints, out)
}

/// The driver stage: its verdict, who we are, what it said of each server, its findings.
fn driver(d: &DriverReport, hints: &mut HintsShown, out: &mut dyn Write) -> io::Result<()> {
    let verdict = match d.verdict {
        DriverVerdict::Pass => paint(Role::Pass, "PASS"),
        DriverVerdict::Fail => paint(Role::Fail, "FAIL"),
        DriverVerdict::Skipped => paint(Role::Dim, "SKIPPED"),
    };
    writeln!(
        out,
        "{}{verdict}  {HANG}{} {}{}",
        paint(Role::Heading, &label("Driver", HEAD)),
        d.name,
        d.version,
        if d.verdict == DriverVerdict::Skipped {
            String::new()
        } else {
            format!(", {:.0} ms", millis(d.duration))
        }
    )?;
    if let Some(reason) = &d.reason {
        writeln!(out, "   skipped: {HANG}{}", printable(reason))?;
    }
    if let Some(trust) = &d.trust {
        writeln!(out, "   trusts {HANG}{}", printable(trust))?;
    }
    if d.verdict == DriverVerdict::Pass {
        match &d.authenticated {
            Some(a) => writeln!(
                out,
                "   {HANG}server selection and ping OK; authenticated as {} on {} with {}; roles: {}",
                printable(&a.user),
                printable(&a.db),
                a.mechanism,
                list_or_dash(&a.roles)
            )?,
            None => writeln!(out, "   {HANG}server selection and ping OK (no credentials)")?,
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
    member_findings(&d.findings, None, hints, out)
}

/// `Summary: 3 members, 1 failing · 1 failure, 3 warnings, 6 informational`, then each code
/// above `info` with where it was found.
fn check_summary(s: &CheckSummary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    summary_line(
        &format!(
            "{} member{}, {} failing",
            s.members,
            plural(s.members),
            s.failing_members
        ),
        &s.counts,
        out,
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
            "   {} {HANG}{} {}",
            super::severity(c.severity),
            c.code,
            places.join(" and ")
        )?;
    }
    Ok(())
}
