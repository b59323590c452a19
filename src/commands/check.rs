//! `mongotls check`: probe every member, judge the set, report.

use std::sync::Arc;
use std::time::Instant;

mod line_breaks;
mod progress;

use super::inputs::{display_paths, read_client_cert, InputError, SystemStore, TrustCache};
use super::{block_on, Outcome, RunError};
use crate::check::{check_set, resolve_srv, srv_findings, SetExpectation};
use crate::driver::{
    explained_by_probe, verdict_differs, DriverOutcome, DriverSettings, DriverVerdict,
};
use crate::findings::{Code, Finding, Severity, Verdict};
use crate::net::dns::DnsResolver;
use crate::net::Target;
use crate::pki::ca_check::rejection_findings;
use crate::probe::progress::{Progress, ProgressEvent};
use crate::probe::ProbeSettings;
use crate::report::SCHEMA_VERSION;
use crate::report::{
    CertSummary, CheckCa, CheckOptions, CheckReport, CheckTarget, Report, SrvReport,
};
use crate::settings::CheckSettings;
use crate::tr;
use crate::uri::Secret;

/// `mongotls check`.
pub(super) fn run(s: &CheckSettings) -> Result<Outcome, RunError> {
    let report = block_on(run_check(s))??;
    Ok(Outcome::report(report, &s.common))
}

/// `mongotls check`: everything but the rendering.
pub(crate) async fn run_check(s: &CheckSettings) -> Result<Report, InputError> {
    let report = run_check_with(s, &TrustCache::none()).await?;
    Ok(Report::Check(Box::new(report)))
}

/// [`run_check`], with the CA file(s) read through `cache` (a fleet shares them).
pub(super) async fn run_check_with(
    s: &CheckSettings,
    cache: &TrustCache,
) -> Result<CheckReport, InputError> {
    let start = Instant::now();
    let now = s.common.now;
    let loaded = cache.load(&s.ca, now, s.common.warn_days)?;
    let (trust, driver_ca) = (&loaded.trust, &loaded.driver_ca);
    let password = super::credentials::password(s)?;
    let (ca_input, ca) = (&trust.input, &trust.analysis);
    let client_cert = match &s.client_cert {
        Some(source) => Some(read_client_cert(source, now, s.common.warn_days)?),
        None => None,
    };
    let (identity, client_cert, key_password) = match client_cert {
        Some(c) => (
            Some(Arc::new(c.identity)),
            Some(c.inspection),
            c.key_password,
        ),
        None => (None, None, None),
    };

    let mut findings = rejection_findings(&ca_input.rejected);
    if let Some(store) = &trust.system {
        findings.push(system_store_finding(store));
    }
    if let Some(c) = &client_cert {
        findings.extend(c.findings.iter().cloned());
    }
    findings.extend(option_findings(s));
    // From here on the run waits on the network: show it, on a terminal (after the password
    // prompt, which has the terminal to itself).
    let live = progress::Live::start(s.progress);
    let events = live
        .as_ref()
        .map_or_else(Progress::none, progress::Live::progress);
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
            events.emit(|| ProgressEvent::SrvStarted {
                name: seed.srv_name(),
            });
            let res = resolve_srv(seed, &s.uri.options, dns.as_deref(), bound).await;
            events.emit(|| ProgressEvent::SrvFinished {
                hosts: res.seeds.as_ref().map(|found| found.seeds.len()),
            });
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
        strict: s.common.strict,
        app_name: s.uri.options.app_name.clone(),
        max_message_bytes: crate::wire::header::DEFAULT_MAX_MESSAGE_BYTES,
        anchors: loaded.anchors.clone(),
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
    let outcome = check_set(seeds, &expect, settings, &events).await;
    findings.extend(outcome.findings);
    let mut driver =
        driver_stage(s, password, key_password, driver_ca.path(), start, &events).await;
    if let Some(live) = live {
        live.finish();
    }
    let probe_findings = || {
        findings
            .iter()
            .chain(outcome.members.iter().flat_map(|m| m.findings.iter()))
    };
    explained_by_probe(&mut driver, probe_findings());
    if let Some(differs) = verdict_differs(
        &driver,
        probe_findings(),
        s.uri.options.tls_allow_invalid_hostnames == Some(true),
    ) {
        driver.findings.push(differs);
    }

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
            strict: s.common.strict,
        },
        ca: CheckCa {
            files: display_paths(&s.ca),
            certificates: CertSummary::list(&ca.certificates),
            system_store: trust.system.is_some(),
            system_roots: trust.system.as_ref().map(|t| t.roots),
        },
        client_cert: client_cert.as_ref().map(Into::into),
        srv: srv.as_ref().map(SrvReport::from),
        members: outcome.members.iter().map(Into::into).collect(),
        driver: (&driver).into(),
        findings,
    };
    report.verdict = Verdict::from_findings(report.all_findings());
    Ok(report)
}

/// Says that the platform's trust store is what chains were judged against.
fn system_store_finding(store: &SystemStore) -> Finding {
    let mut message = tr!("check-system-store", roots = store.roots.to_string());
    if store.unreadable > 0 {
        message.push_str(&tr!(
            "check-system-store-unreadable",
            count = store.unreadable.to_string()
        ));
    }
    if !store.errors.is_empty() {
        message.push_str(&tr!(
            "check-system-store-not-read",
            errors = store.errors.join("; ")
        ));
    }
    let severity = if store.unreadable > 0 || !store.errors.is_empty() {
        Severity::Warn
    } else {
        Severity::Info
    };
    Finding::new(
        Code::CaSystemStore,
        severity,
        message,
        tr!("check-system-store-hint"),
    )
}

/// The driver stage, unless `--no-driver`; bounded by `--timeout` and what is left of
/// `--deadline`.
async fn driver_stage(
    s: &CheckSettings,
    password: Option<Secret>,
    key_password: Option<Secret>,
    ca_file: Option<std::path::PathBuf>,
    start: Instant,
    events: &Progress,
) -> DriverOutcome {
    if !s.driver {
        return DriverOutcome::skipped("--no-driver");
    }
    if let Some(server) = s.dns_server {
        let what = if s.uri.srv.is_some() {
            tr!("check-driver-resolves-srv")
        } else {
            tr!("check-driver-resolves-members")
        };
        return DriverOutcome::skipped(tr!(
            "check-driver-skipped-dns-server",
            server = server.to_string(),
            what = what
        ));
    }
    let deadline = start + s.deadline;
    if Instant::now() >= deadline {
        let why = tr!(
            "check-driver-deadline",
            budget = crate::duration::format_duration(s.deadline)
        );
        // Cut short by the deadline, like any phase: a failure, not a choice.
        let mut outcome = DriverOutcome::skipped(why.clone());
        outcome.findings.push(Finding::new(
            Code::NetDeadlineExceeded,
            Severity::Fail,
            why,
            tr!("check-driver-deadline-hint"),
        ));
        return outcome;
    }
    events.emit(|| ProgressEvent::DriverStarted);
    let outcome = crate::driver::run(&DriverSettings {
        uri: s.raw_uri.clone(),
        ca_file,
        client_cert: s.client_cert.as_ref().map(|c| c.file.clone()),
        key_password,
        username: s.username.clone(),
        password,
        timeout: s.timeout,
        deadline,
    })
    .await;
    events.emit(|| ProgressEvent::DriverFinished {
        passed: match outcome.verdict {
            DriverVerdict::Pass => Some(true),
            DriverVerdict::Fail => Some(false),
            DriverVerdict::Skipped => None,
        },
    });
    outcome
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
            tr!("check-insecure-option", option = opt.as_str()),
            tr!("check-insecure-option-hint"),
        ));
    }
    if !s.uri.tls_enabled() {
        out.push(Finding::new(
            Code::UriWarning,
            Severity::Warn,
            tr!("check-uri-without-tls"),
            tr!("check-uri-without-tls-hint"),
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
            (Code::UriUnknownOption, tr!("check-unknown-option-hint"))
        } else {
            (Code::UriWarning, tr!("check-uri-warning-hint"))
        };
        out.push(Finding::new(code, Severity::Warn, w.clone(), hint));
    }
    out
}
