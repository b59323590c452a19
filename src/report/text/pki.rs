//! The text of `ca` and `verify`: each certificate with its facts, the path, the findings,
//! and the summary the verdict line closes.

use std::io::{self, Write};

use super::{
    findings_block, findings_summary, hang, label, list_or_dash, verdict_line, HintsShown,
};
use crate::dates::rfc3339;
use crate::findings::{Finding, Verdict};
use crate::pki::verify::{PathSource, Role as PathRole};
use crate::report::style::{paint, Role};
use crate::report::summary::FindingsSummary;
use crate::report::{CaReport, CertificateReport, Note, VerifyReport};
use crate::tr;

pub(super) fn render_ca(r: &CaReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} {}",
        paint(Role::Heading, &tr!("report-ca-title")),
        hang(tr!(
            "report-ca-header",
            files = r.files.join(", "),
            count = r.certificates.len(),
            at = rfc3339(r.evaluated_at)
        ))
    )?;
    certificates_then_answer(
        &r.certificates,
        &r.notes,
        &r.findings,
        &FindingsSummary::of_ca(r),
        r.verdict,
        out,
    )
}

pub(super) fn render_verify(r: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    let host = match &r.host {
        Some(h) => h.clone(),
        None => tr!("report-verify-no-host"),
    };
    writeln!(
        out,
        "{} {}",
        paint(Role::Heading, &tr!("report-verify-title")),
        hang(tr!(
            "report-verify-header",
            file = r.chain_file.as_str(),
            count = r.chain.len(),
            ca = r.ca_files.join(", "),
            ca_count = r.ca.len(),
            host = host,
            at = rfc3339(r.evaluated_at)
        ))
    )?;
    if r.strict {
        writeln!(out, "{}", hang(tr!("pki-lint-strict-mode")))?;
    }
    writeln!(out)?;
    let state = if r.trusted {
        tr!("report-path-trusted")
    } else {
        paint(Role::Fail, &tr!("report-path-untrusted"))
    };
    writeln!(
        out,
        "{}",
        tr!(
            "report-path",
            title = paint(Role::Heading, &tr!("report-path-title")),
            state = state
        )
    )?;
    for (pos, p) in r.path.iter().enumerate() {
        let role = match p.role {
            PathRole::Leaf => tr!("report-role-leaf"),
            PathRole::Intermediate => tr!("report-role-intermediate"),
            PathRole::Anchor => tr!("report-role-anchor"),
            PathRole::Untrusted => tr!("report-role-untrusted"),
        };
        let source = match p.source {
            PathSource::Chain => tr!("report-path-source-chain", index = p.index.to_string()),
            PathSource::Ca => tr!("report-path-source-ca", index = p.index.to_string()),
        };
        let validity = if p.days_remaining < 0 {
            paint(
                Role::Fail,
                &tr!(
                    "report-path-expired",
                    days = -p.days_remaining,
                    date = rfc3339(p.not_after)
                ),
            )
        } else {
            tr!(
                "report-path-expires",
                days = p.days_remaining,
                date = rfc3339(p.not_after)
            )
        };
        let step = tr!(
            "report-path-step",
            subject = p.subject.as_str(),
            source = source,
            validity = validity
        );
        writeln!(out, "   [{pos}] {}{}", label(&role, 14), hang(step))?;
    }
    let w = &r.rustls_webpki;
    let chain = if w.chain_accepted {
        tr!("report-webpki-chain-accepted")
    } else {
        paint(Role::Fail, &tr!("report-webpki-chain-rejected"))
    };
    let name = match w.name_accepted {
        Some(true) => tr!("report-webpki-name-accepted"),
        Some(false) => paint(Role::Fail, &tr!("report-webpki-name-rejected")),
        None => String::new(),
    };
    let error = w
        .error
        .as_deref()
        .map(|e| format!(" ({e})"))
        .unwrap_or_default();
    writeln!(
        out,
        "rustls-webpki: {}",
        hang(format!("{chain}{name}{error}"))
    )?;
    for (engine, report) in [("OpenSSL:      ", &r.openssl), ("Node.js:      ", &r.node)] {
        writeln!(out, "{engine} {}", hang(engine_line(report)))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        tr!(
            "report-section",
            title = paint(Role::Heading, &tr!("report-verify-presented"))
        )
    )?;
    certificates_then_answer(
        &r.chain,
        &r.notes,
        &r.findings,
        &FindingsSummary::of_verify(r),
        r.verdict,
        out,
    )
}

/// The end both `ca` and `verify` share: each certificate in full, the notes, the findings,
/// then the answer (summary and verdict).
fn certificates_then_answer(
    certificates: &[CertificateReport],
    notes_of_run: &[Note],
    findings: &[Finding],
    summary: &FindingsSummary,
    verdict: Verdict,
    out: &mut dyn Write,
) -> io::Result<()> {
    for c in certificates {
        writeln!(out)?;
        certificate(c, out)?;
    }
    notes(notes_of_run, out)?;
    let mut hints = HintsShown::default();
    writeln!(out)?;
    findings_block(&tr!("report-section-findings"), findings, &mut hints, out)?;
    findings_summary(summary, out)?;
    verdict_line(verdict, findings, out)
}

fn certificate(c: &CertificateReport, out: &mut dyn Write) -> io::Result<()> {
    let i = &c.info;
    writeln!(
        out,
        "{}",
        paint(Role::Heading, &format!("#{} {}", c.index, i.subject))
    )?;
    let key = format!(
        "{}{}{}",
        i.key.algorithm,
        i.key
            .bits
            .map(|b| format!(" {}", tr!("report-key-bits", bits = b.to_string())))
            .unwrap_or_default(),
        i.key
            .curve
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default()
    );
    let ca = match (i.is_ca, i.path_len) {
        (true, Some(n)) => tr!("report-cert-ca-path-length", length = n.to_string()),
        (true, None) => tr!("report-cert-ca-yes"),
        (false, _) if i.basic_constraints => tr!("report-cert-ca-false"),
        (false, _) => tr!("report-cert-ca-absent"),
    };
    let rows: Vec<(String, String)> = vec![
        (tr!("report-cert-chain"), c.chain.clone()),
        (tr!("report-cert-issuer"), i.issuer.clone()),
        (tr!("report-cert-serial"), i.serial.clone()),
        (tr!("report-cert-sha256"), i.sha256_fingerprint.clone()),
        (
            tr!("report-cert-valid"),
            tr!(
                "report-cert-valid-value",
                from = rfc3339(i.not_before),
                to = rfc3339(i.not_after),
                left = super::days_left(i.days_remaining)
            ),
        ),
        (tr!("report-cert-key"), key),
        (tr!("report-cert-signature"), i.signature_algorithm.clone()),
        (tr!("report-cert-ca"), ca),
        (tr!("report-cert-key-usage"), list_or_dash(&i.key_usage)),
        (
            tr!("report-cert-ext-usage"),
            i.extended_key_usage
                .as_deref()
                .map(list_or_dash)
                .unwrap_or_else(|| tr!("report-cert-eku-absent")),
        ),
        (
            tr!("report-cert-ski"),
            i.subject_key_id.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            tr!("report-cert-aki"),
            i.authority_key_id.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            tr!("report-cert-san"),
            i.subject_alt_names
                .as_deref()
                .map(list_or_dash)
                .unwrap_or_else(|| tr!("report-cert-san-absent")),
        ),
        (tr!("report-cert-source"), c.source.to_string()),
    ];
    for (name, value) in rows {
        writeln!(out, "   {}{}", label(&name, 12), hang(value))?;
    }
    for url in &i.ca_issuers_urls {
        writeln!(
            out,
            "   {}{}",
            label(&tr!("report-cert-ca-issuers"), 12),
            hang(url)
        )?;
    }
    Ok(())
}

fn notes(notes: &[Note], out: &mut dyn Write) -> io::Result<()> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        tr!(
            "report-section",
            title = paint(Role::Heading, &tr!("report-section-notes"))
        )
    )?;
    for n in notes {
        writeln!(out, "   - {}", hang(format!("{}: {}", n.source, n.message)))?;
    }
    Ok(())
}

/// One real engine's verdict and its errors, as the engine names them (`X509_V_ERR_…`).
fn engine_line(report: &crate::report::verify::EngineReport) -> String {
    if report.accepted {
        return tr!("report-engine-accepted");
    }
    let errors: Vec<String> = report
        .errors
        .iter()
        .map(|e| match e.depth {
            Some(depth) => tr!(
                "report-engine-error-at",
                code = e.code.as_str(),
                depth = depth.to_string()
            ),
            None => e.code.clone(),
        })
        .collect();
    tr!(
        "report-engine-rejected-errors",
        verdict = paint(Role::Fail, &tr!("report-engine-rejected")),
        errors = errors.join(", ")
    )
}
