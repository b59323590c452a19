//! The text of `check` (and `demo`): the header, each member, the set-level findings, the
//! driver, and the summary the verdict line closes.

use std::io::{self, Write};

use super::{
    finding_lines, findings_block, hang, join_clauses, join_items, label, list_or_dash,
    summary_line, verdict_line, verdict_word, HintsShown,
};
use crate::dates::rfc3339;
use crate::driver::DriverVerdict;
use crate::duration::{format_duration, millis};
use crate::escape::printable;
use crate::findings::{Code, Finding, Severity, Verdict};
use crate::report::driver::DriverReport;
use crate::report::style::{paint, Role};
use crate::report::summary::CheckSummary;
use crate::report::{CheckReport, ClientCertReport, MemberReport, SrvReport};
use crate::tr;

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
    findings_block(&tr!("report-set-title"), &r.findings, &mut hints, out)?;
    writeln!(out)?;
    driver(&r.driver, &mut hints, out)?;
    check_summary(&CheckSummary::of(r), out)?;
    verdict_line(r.verdict, r.all_findings(), out)
}

/// A header line: `Target  value`.
fn head(name: &str, value: impl std::fmt::Display) -> String {
    format!("{}{}", label(name, HEAD), hang(value))
}

/// What was checked, against what, and how.
fn header(r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", head(&tr!("report-label-target"), &r.target.uri))?;
    if let Some(srv) = &r.srv {
        srv_section(srv, out)?;
    }
    let set = match &r.target.set_name {
        Some(name) => printable(name).into_owned(),
        None => tr!("report-set-none"),
    };
    let uri_set = r
        .target
        .replica_set
        .as_deref()
        .map(|want| format!("  {}", tr!("report-set-uri", name = want)))
        .unwrap_or_default();
    writeln!(
        out,
        "{}",
        head(&tr!("report-label-set"), format!("{set}{uri_set}"))
    )?;
    let ca = match r.ca.system_roots {
        Some(roots) => tr!("report-ca-system", count = roots),
        None => tr!(
            "report-ca-files",
            files = r.ca.files.join(", "),
            count = r.ca.certificates.len(),
            list = join_clauses(
                r.ca.certificates
                    .iter()
                    .map(|c| {
                        tr!(
                            "report-ca-until",
                            subject = c.subject.as_str(),
                            date = rfc3339(c.not_after)
                        )
                    })
                    .collect()
            )
        ),
    };
    writeln!(out, "{}", head(&tr!("report-label-ca"), ca))?;
    let mut run = tr!(
        "report-run",
        count = r.members.len(),
        ms = format!("{:.0}", millis(r.duration)),
        timeout = format_duration(r.options.timeout),
        deadline = format_duration(r.options.deadline),
        max = r.options.max_connections.to_string()
    );
    if !r.options.discover {
        run.push_str(&tr!("report-run-no-discover"));
    }
    if !r.options.plaintext_probe {
        run.push_str(&tr!("report-run-no-plaintext"));
    }
    if r.options.strict {
        run.push_str(&tr!("pki-lint-strict-run"));
    }
    writeln!(out, "{}", head(&tr!("report-label-run"), run))?;
    if let Some(c) = &r.client_cert {
        client_cert(c, out)?;
    }
    if !r.options.insecure.is_empty() {
        writeln!(
            out,
            "{} {}",
            paint(Role::Warn, &tr!("report-insecure-label")),
            tr!(
                "report-insecure",
                options = hang(r.options.insecure.join(", "))
            )
        )?;
    }
    Ok(())
}

/// The SRV section: the name, the server asked, every record, the TXT record and the seeds.
fn srv_section(srv: &SrvReport, out: &mut dyn Write) -> io::Result<()> {
    let server = match &srv.dns_server {
        Some(s) => s.clone(),
        None => tr!("report-srv-system-resolver"),
    };
    let line = tr!(
        "report-srv",
        name = srv.name.as_str(),
        server = server,
        ms = format!("{:.0}", millis(srv.duration)),
        count = srv.records.len()
    );
    writeln!(out, "{}", head(&tr!("report-label-srv"), line))?;
    for rec in &srv.records {
        let record = tr!(
            "report-srv-record",
            target = printable(&rec.target).into_owned(),
            port = rec.port.to_string(),
            priority = rec.priority.to_string(),
            weight = rec.weight.to_string()
        );
        writeln!(out, "          {}", hang(record))?;
    }
    for txt in &srv.txt {
        writeln!(
            out,
            "        TXT {}",
            hang(format!("\"{}\"", printable(txt)))
        )?;
    }
    if let Some(error) = &srv.error {
        writeln!(
            out,
            "        {}",
            tr!("report-srv-no-seeds", error = hang(printable(error)))
        )?;
    }
    writeln!(
        out,
        "{}",
        head(&tr!("report-label-seeds"), list_or_dash(&srv.seeds))
    )
}

/// The "Client certificate" section: what the servers are shown, and the user it logs in as.
fn client_cert(c: &ClientCertReport, out: &mut dyn Write) -> io::Result<()> {
    let line = |name: String, value: String| format!("  {}{}", label(&name, 13), hang(value));
    writeln!(out)?;
    writeln!(
        out,
        "{}  {}",
        paint(Role::Heading, &tr!("report-client-title")),
        hang(printable(&c.file))
    )?;
    writeln!(
        out,
        "{}",
        line(
            tr!("report-client-subject"),
            printable(&c.subject).into_owned()
        )
    )?;
    writeln!(
        out,
        "{}",
        line(
            tr!("report-client-user"),
            tr!(
                "report-client-user-value",
                user = printable(&c.x509_user).into_owned()
            )
        )
    )?;
    writeln!(
        out,
        "{}",
        line(
            tr!("report-client-issuer"),
            printable(&c.issuer).into_owned()
        )
    )?;
    writeln!(
        out,
        "{}",
        line(
            tr!("report-client-valid"),
            tr!(
                "report-client-valid-value",
                from = rfc3339(c.not_before),
                to = rfc3339(c.not_after),
                left = super::days_left(c.days_left)
            )
        )
    )?;
    let key = format!(
        "{}{}{}",
        c.key_algorithm,
        c.key_bits
            .map(|b| format!(" {}", tr!("report-key-bits", bits = b.to_string())))
            .unwrap_or_default(),
        if c.encrypted_key {
            tr!("report-client-key-encrypted")
        } else {
            String::new()
        },
    );
    let matches = if c.key_matches {
        tr!("report-client-key-matches")
    } else {
        paint(Role::Fail, &tr!("report-client-key-mismatch"))
    };
    writeln!(
        out,
        "{}",
        line(
            tr!("report-client-key"),
            tr!("report-client-key-value", key = key, matches = matches)
        )
    )?;
    let eku = if c.eku_client_auth {
        tr!("report-client-eku-allowed")
    } else {
        paint(Role::Fail, &tr!("report-client-eku-refused"))
    };
    writeln!(out, "{}", line(tr!("report-client-auth"), eku))
}

/// A member's line: `   tls         value`.
fn row(name: &str, value: impl std::fmt::Display) -> String {
    format!("   {}{}", label(name, ROW), hang(value))
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
            reached.push(tr!(
                "report-member-also-resolved",
                addresses = others.join(", ")
            ));
        }
        let host = m.address.rsplit_once(':').map_or(&*m.address, |(h, _)| h);
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if m.server_name != host {
            reached.push(tr!(
                "report-member-server-name",
                name = printable(&m.server_name).into_owned()
            ));
        }
    }
    match &m.tls {
        Some(t) => {
            let tls = format!(
                "{} {}{}",
                t.version,
                t.cipher_suite,
                t.key_exchange_group
                    .as_deref()
                    .map(|g| format!(" ({g})"))
                    .unwrap_or_default()
            );
            let value = if reached.is_empty() {
                tls
            } else {
                tr!(
                    "report-member-tls-at",
                    tls = tls,
                    address = join_clauses(reached)
                )
            };
            writeln!(out, "{}", row(&tr!("report-member-tls"), value))?;
        }
        None if !reached.is_empty() => writeln!(
            out,
            "{}",
            row(&tr!("report-member-address"), join_clauses(reached))
        )?,
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
        parts.push(tr!(
            "report-member-wire",
            min = h.min_wire_version.unwrap_or(0).to_string(),
            max = h.max_wire_version.unwrap_or(0).to_string()
        ));
        if let Some(v) = &m.server_version {
            parts.push(format!("MongoDB {}", printable(v)));
        }
        writeln!(
            out,
            "{}",
            row(&tr!("report-member-hello"), join_items(parts))
        )?;
    }
    if let Some(p) = &m.plaintext {
        // An accepted plaintext hello is a finding below, which says so.
        let said = p.accepted
            && m.findings
                .iter()
                .any(|f| f.code == Code::TlsPlaintextAccepted);
        if !said {
            writeln!(
                out,
                "{}",
                row(&tr!("report-member-plaintext"), printable(&p.detail))
            )?;
        }
    }
    member_timings(m, out)?;
    member_findings(&m.findings, Some(&m.address), hints, out)
}

/// `== host:port  WARN  primary  [tls_only]  (seed, in config)`.
fn member_heading(m: &MemberReport, out: &mut dyn Write) -> io::Result<()> {
    let role = match &m.hello {
        Some(h) if h.is_writable_primary => tr!("report-member-primary"),
        Some(h) if h.arbiter_only => tr!("report-member-arbiter"),
        Some(h) if h.secondary => tr!("report-member-secondary"),
        Some(h) if h.hidden => tr!("report-member-hidden"),
        Some(_) => tr!("report-member-other"),
        None => tr!("report-member-no-hello"),
    };
    let mut tags = Vec::new();
    if m.seed {
        tags.push(tr!("report-member-seed"));
    }
    if m.in_config {
        tags.push(tr!("report-member-in-config"));
    }
    let tags = if tags.is_empty() {
        String::new()
    } else {
        format!("  {}", tr!("report-member-tags", tags = join_items(tags)))
    };
    writeln!(
        out,
        "{}  {}  {role}  [{}]{tags}",
        paint(Role::Heading, &format!("== {}", printable(&m.address))),
        hang(verdict_word(Verdict::from_findings(&m.findings))),
        m.tls_mode.as_str(),
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
    let trust = if c.trusted {
        tr!("report-member-chains")
    } else {
        paint(Role::Fail, &tr!("report-member-does-not-chain"))
    };
    let certificate = tr!(
        "report-member-certificate-value",
        subject = printable(&leaf.subject).into_owned(),
        trust = trust
    );
    writeln!(
        out,
        "{}",
        row(&tr!("report-member-certificate"), certificate)
    )?;
    // Expired means negative, never 0 (crate::dates::days_between).
    let date = rfc3339(leaf.not_after);
    if leaf.days_remaining < 0 {
        let ago = tr!(
            "report-member-expired-ago",
            days = -leaf.days_remaining,
            date = date
        );
        writeln!(
            out,
            "{}",
            row(&tr!("report-member-expired"), paint(Role::Fail, &ago))
        )
    } else {
        let left = tr!(
            "report-member-expires-in",
            days = leaf.days_remaining,
            date = date
        );
        writeln!(out, "{}", row(&tr!("report-member-expires"), left))
    }
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
    writeln!(
        out,
        "{}",
        row(&tr!("report-member-timings"), phases.join(" "))
    )
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
            "   {}",
            hang(tr!("report-member-infos", count = infos))
        )?;
    }
    Ok(())
}

/// The driver stage: its verdict, who we are, what it said of each server, its findings.
fn driver(d: &DriverReport, hints: &mut HintsShown, out: &mut dyn Write) -> io::Result<()> {
    let verdict = match d.verdict {
        DriverVerdict::Pass => paint(Role::Pass, &tr!("report-driver-pass")),
        DriverVerdict::Fail => paint(Role::Fail, &tr!("report-driver-fail")),
        DriverVerdict::Skipped => paint(Role::Dim, &tr!("report-driver-skipped")),
    };
    writeln!(
        out,
        "{}{verdict}  {}",
        paint(Role::Heading, &label(&tr!("report-label-driver"), HEAD)),
        hang(format!(
            "{} {}{}",
            d.name,
            d.version,
            if d.verdict == DriverVerdict::Skipped {
                String::new()
            } else {
                tr!(
                    "report-driver-duration",
                    ms = format!("{:.0}", millis(d.duration))
                )
            }
        ))
    )?;
    if let Some(reason) = &d.reason {
        writeln!(
            out,
            "   {}",
            tr!(
                "report-driver-skipped-because",
                reason = hang(printable(reason))
            )
        )?;
    }
    if let Some(trust) = &d.trust {
        writeln!(
            out,
            "   {}",
            tr!("report-driver-trusts", trust = hang(printable(trust)))
        )?;
    }
    if d.verdict == DriverVerdict::Pass {
        let ok = match &d.authenticated {
            Some(a) => tr!(
                "report-driver-authenticated",
                user = printable(&a.user).into_owned(),
                db = printable(&a.db).into_owned(),
                mechanism = a.mechanism.as_str(),
                roles = list_or_dash(&a.roles)
            ),
            None => tr!("report-driver-anonymous"),
        };
        writeln!(out, "   {}", hang(ok))?;
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
        &tr!(
            "report-summary-members",
            count = s.members,
            failing = s.failing_members
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
        if hit.len() == s.members && !hit.is_empty() {
            places.push(tr!(
                "report-summary-on-members",
                hit = hit.len(),
                total = s.members
            ));
        } else if !hit.is_empty() {
            places.push(tr!(
                "report-summary-on-some-members",
                hit = hit.len(),
                total = s.members,
                members = hit.join(", ")
            ));
        }
        if c.on_set() {
            places.push(tr!("report-summary-on-set"));
        }
        if c.in_driver() {
            places.push(tr!("report-summary-in-driver"));
        }
        let places = places
            .into_iter()
            .reduce(|left, right| tr!("report-join-places", left = left, right = right))
            .unwrap_or_default();
        writeln!(
            out,
            "   {}",
            tr!(
                "report-summary-code-on",
                severity = super::severity(c.severity),
                code = hang(c.code),
                places = places
            )
        )?;
    }
    Ok(())
}
