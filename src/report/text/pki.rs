//! The text of `ca` and `verify`: each certificate with its facts, the path, the findings,
//! and the summary the verdict line closes.

use std::io::{self, Write};

use super::{
    findings_block, findings_summary, label, list_or_dash, plural, verdict_line, HintsShown,
};
use crate::dates::rfc3339;
use crate::pki::verify::PathSource;
use crate::report::style::{paint, Role, HANG};
use crate::report::summary::FindingsSummary;
use crate::report::{CaReport, CertificateReport, Note, VerifyReport};

pub(super) fn render_ca(r: &CaReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} {HANG}{} — {} certificate{} (evaluated at {})",
        paint(Role::Heading, "CA bundle"),
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
    let mut hints = HintsShown::default();
    writeln!(out)?;
    findings_block(
        &paint(Role::Heading, "Findings"),
        &r.findings,
        &mut hints,
        out,
    )?;
    findings_summary(&FindingsSummary::of_ca(r), out)?;
    verdict_line(r.verdict, &r.findings, out)
}

pub(super) fn render_verify(r: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} {HANG}{} ({} certificate{}) against CA {} ({} certificate{}), host {}, at {}",
        paint(Role::Heading, "Chain"),
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
        "{} ({}):",
        paint(Role::Heading, "Path"),
        if r.trusted {
            "ends at the CA file".to_owned()
        } else {
            paint(Role::Fail, "does NOT reach the CA file")
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
            "   [{pos}] {} {HANG}{}  ({source}; expires {}, {} days)",
            label(role, 13),
            p.subject,
            rfc3339(p.not_after),
            p.days_remaining
        )?;
    }
    let w = &r.rustls_webpki;
    writeln!(
        out,
        "rustls-webpki: {HANG}chain {}{}{}",
        if w.chain_accepted {
            "accepted".to_owned()
        } else {
            paint(Role::Fail, "rejected")
        },
        match w.name_accepted {
            Some(true) => ", name accepted".to_owned(),
            Some(false) => format!(", name {}", paint(Role::Fail, "rejected")),
            None => String::new(),
        },
        w.error
            .as_deref()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default()
    )?;
    writeln!(out)?;
    writeln!(out, "{}:", paint(Role::Heading, "Presented certificates"))?;
    for c in &r.chain {
        writeln!(out)?;
        certificate(c, out)?;
    }
    notes(&r.notes, out)?;
    let mut hints = HintsShown::default();
    writeln!(out)?;
    findings_block(
        &paint(Role::Heading, "Findings"),
        &r.findings,
        &mut hints,
        out,
    )?;
    findings_summary(&FindingsSummary::of_verify(r), out)?;
    verdict_line(r.verdict, &r.findings, out)
}

fn certificate(c: &CertificateReport, out: &mut dyn Write) -> io::Result<()> {
    let i = &c.info;
    writeln!(
        out,
        "{}",
        paint(Role::Heading, &format!("#{} {}", c.index, i.subject))
    )?;
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
                crate::report::days_left(i.days_remaining)
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
    for (name, value) in rows {
        writeln!(out, "   {} {HANG}{value}", label(name, 11))?;
    }
    for url in &i.ca_issuers_urls {
        writeln!(out, "   {} {HANG}{url}", label("CA issuers", 11))?;
    }
    Ok(())
}

fn notes(notes: &[Note], out: &mut dyn Write) -> io::Result<()> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}:", paint(Role::Heading, "Notes"))?;
    for n in notes {
        writeln!(out, "   - {HANG}{}: {}", n.source, n.message)?;
    }
    Ok(())
}
