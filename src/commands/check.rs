//! `mongotls check`: probe every member, judge the set, report.

use std::sync::Arc;

use super::inputs::{display_paths, load_ca, read_client_identity, InputError};
use super::{block_on, Outcome, RunError};
use crate::check::{check_set, resolve_srv, srv_findings, SetExpectation};
use crate::findings::{Code, Finding, Severity, Verdict};
use crate::net::dns::DnsResolver;
use crate::net::Target;
use crate::pki::ca_check::rejection_findings;
use crate::probe::ProbeSettings;
use crate::report::SCHEMA_VERSION;
use crate::report::{
    CertSummary, CheckCa, CheckOptions, CheckReport, CheckTarget, Report, SrvReport,
};
use crate::settings::CheckSettings;

/// `mongotls check`.
pub(super) fn run(s: &CheckSettings) -> Result<Outcome, RunError> {
    let report = block_on(run_check(s))??;
    Ok(Outcome::report(report, &s.common))
}

/// `mongotls check`: everything but the rendering.
pub(super) async fn run_check(s: &CheckSettings) -> Result<Report, InputError> {
    let start = std::time::Instant::now();
    let now = s.common.now;
    let (ca_input, ca) = load_ca(&s.ca, now, s.common.warn_days)?;
    let identity = match &s.uri.options.tls_certificate_key_file {
        Some(path) => Some(Arc::new(read_client_identity(path)?)),
        None => None,
    };

    let mut findings = rejection_findings(&ca_input.rejected);
    findings.extend(option_findings(s));
    // --dns-server: every lookup of the run, the members' addresses included.
    let dns = match s.dns_server {
        Some(addr) => Some(Arc::new(
            DnsResolver::with_server(addr, s.timeout)
                .map_err(|e| InputError::Dns(e.to_string()))?,
        )),
        None => None,
    };
    let srv = match &s.uri.srv {
        Some(seed) => {
            // Bounded like every phase: by --timeout, and never past --deadline.
            let bound = s.timeout.min(s.deadline);
            let res = resolve_srv(seed, &s.uri.options, dns.as_deref(), bound).await;
            findings.extend(srv_findings(&res));
            Some(res)
        }
        None => None,
    };
    let settings = Arc::new(ProbeSettings {
        timeout: s.timeout,
        deadline: start + s.deadline,
        run_budget: s.deadline,
        server_name: s.server_name.clone(),
        identity,
        plaintext_probe: s.plaintext_probe,
        allow_invalid_hostnames: s.allow_invalid_hostnames,
        now,
        warn_days: s.common.warn_days,
        app_name: s.uri.options.app_name.clone(),
        max_message_bytes: crate::wire::header::DEFAULT_MAX_MESSAGE_BYTES,
        anchors: Arc::new(ca.certs.clone()),
        dns,
    });
    let srv_seeds = srv.as_ref().and_then(|r| r.seeds.as_ref());
    let seed_list = srv_seeds.map_or(&s.uri.hosts, |found| &found.seeds);
    let seeds: Vec<Target> = seed_list.iter().map(Target::from).collect();
    // The connection string's replicaSet, else the TXT record's.
    let replica_set = s
        .uri
        .options
        .replica_set
        .clone()
        .or_else(|| srv_seeds.and_then(|found| found.txt_options.replica_set.clone()));
    let expect = SetExpectation {
        replica_set: replica_set.clone(),
        discover: s.discover,
        max_connections: s.max_connections,
    };
    let outcome = check_set(seeds, &expect, settings).await;
    findings.extend(outcome.findings);

    let mut report = CheckReport {
        schema_version: SCHEMA_VERSION,
        command: "check",
        // Derived from every finding once the report holds them all, below.
        verdict: Verdict::Pass,
        evaluated_at: now,
        duration: start.elapsed(),
        target: CheckTarget {
            uri: s.uri.redacted(),
            seeds: seed_list.iter().map(ToString::to_string).collect(),
            replica_set,
            set_name: outcome.set_name,
        },
        options: CheckOptions {
            timeout: s.timeout,
            deadline: s.deadline,
            max_connections: s.max_connections,
            discover: s.discover,
            plaintext_probe: s.plaintext_probe,
            server_name: s.server_name.as_ref().map(|n| n.to_str().into_owned()),
            insecure: insecure_options(s),
        },
        ca: CheckCa {
            files: display_paths(&s.ca),
            certificates: CertSummary::list(&ca.certificates),
        },
        srv: srv.as_ref().map(SrvReport::from),
        members: outcome.members.iter().map(Into::into).collect(),
        findings,
    };
    report.verdict = Verdict::from_findings(report.all_findings());
    Ok(Report::Check(report))
}

fn insecure_options(s: &CheckSettings) -> Vec<String> {
    let o = &s.uri.options;
    let mut out = Vec::new();
    if o.tls_insecure == Some(true) {
        out.push("tlsInsecure=true".to_string());
    }
    if o.tls_allow_invalid_certificates == Some(true) {
        out.push("tlsAllowInvalidCertificates=true".to_string());
    }
    if o.tls_allow_invalid_hostnames == Some(true) {
        out.push("tlsAllowInvalidHostnames=true".to_string());
    }
    if s.allow_invalid_hostnames
        && o.tls_allow_invalid_hostnames != Some(true)
        && o.tls_insecure != Some(true)
    {
        out.push("--allow-invalid-hostnames".to_string());
    }
    out
}

/// Findings about the connection string and the options in effect.
fn option_findings(s: &CheckSettings) -> Vec<Finding> {
    let mut out = Vec::new();
    for opt in insecure_options(s) {
        out.push(Finding::new(
            Code::TlsInsecureOption,
            Severity::Warn,
            format!("{opt} is in effect: clients configured like this accept certificates they should refuse"),
            "remove it once the certificates are right; mongotls still reports every certificate problem below",
        ));
    }
    if !s.uri.tls_enabled() {
        out.push(Finding::new(
            Code::UriWarning,
            Severity::Warn,
            "the connection string does not ask for TLS (no tls=true): clients using it connect in plaintext; mongotls probes TLS anyway",
            "add tls=true (and tlsCAFile=...) to the connection string your applications use",
        ));
    }
    // The parser words one warning per unknown option (with a spelling suggestion) and lists
    // the names in `unknown_options`; each warning is reported once, under the right code.
    for w in &s.uri.warnings {
        let unknown = s
            .uri
            .unknown_options
            .iter()
            .any(|name| w.contains(&format!("'{name}'")));
        let (code, hint) = if unknown {
            (
                Code::UriUnknownOption,
                "check its spelling against the MongoDB connection string options",
            )
        } else {
            (
                Code::UriWarning,
                "see the MongoDB connection string documentation",
            )
        };
        out.push(Finding::new(code, Severity::Warn, w.clone(), hint));
    }
    out
}
