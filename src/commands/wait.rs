//! `mongotls wait`: read the CA and the client certificate, poll the set until every member is
//! ready (or `--timeout`, or Ctrl-C), report the timeline.

mod live;

use std::sync::Arc;

use time::OffsetDateTime;

use super::inputs::{load_trust, read_client_cert, InputError};
use super::{block_on, Outcome, RunError};
use crate::check::{resolve_srv, srv_findings, SetExpectation};
use crate::net::dns::DnsResolver;
use crate::net::Target;
use crate::pki::ca_check::rejection_findings;
use crate::probe::ProbeSettings;
use crate::report::{Report, WaitReport};
use crate::settings::WaitRun;
use crate::wait::WaitSettings;

/// `mongotls wait`.
pub(super) fn run(s: &WaitRun) -> Result<Outcome, RunError> {
    let report = block_on(run_wait(s))??;
    Ok(Outcome::Report {
        report: Box::new(report),
        format: s.common.format,
        strict: s.common.strict,
    })
}

/// The wall clock to the millisecond: the timeline's times, as JSON shows them.
fn clock() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    let ms = u32::from(t.millisecond()) * 1_000_000;
    t.replace_nanosecond(ms).unwrap_or(t)
}

/// Resolves when the user presses Ctrl-C; never, when the signal cannot be caught.
async fn interrupted() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}

async fn run_wait(s: &WaitRun) -> Result<Report, InputError> {
    let now = s.common.now;
    let warn_days = s.common.warn_days;
    let trust = load_trust(&s.ca, now, warn_days)?;
    let client_cert = match &s.client_cert {
        Some(source) => Some(read_client_cert(source, now, warn_days)?),
        None => None,
    };
    let mut findings = rejection_findings(&trust.input.rejected);
    let identity = match client_cert {
        Some(c) => {
            findings.extend(c.inspection.findings.iter().cloned());
            Some(Arc::new(c.identity))
        }
        None => None,
    };
    let dns = match s.dns_server {
        Some(addr) => Some(Arc::new(
            DnsResolver::with_server(addr, s.probe_timeout)
                .map_err(|e| InputError::Dns(e.to_string()))?,
        )),
        None => None,
    };
    // A mongodb+srv:// string is resolved once, at the start.
    let (seed_list, txt_set) = match &s.uri.srv {
        Some(seed) => {
            let res = resolve_srv(seed, &s.uri.options, dns.as_deref(), s.probe_timeout).await;
            findings.extend(srv_findings(&res));
            match res.seeds {
                Some(found) => (found.seeds, found.txt_options.replica_set),
                None => (Vec::new(), None),
            }
        }
        None => (s.uri.hosts.clone(), None),
    };
    let seeds: Vec<Target> = seed_list.iter().map(Target::from).collect();
    let base = ProbeSettings {
        timeout: s.probe_timeout,
        deadline: std::time::Instant::now() + s.timeout,
        run_budget: s.timeout,
        server_name: s.server_name.clone(),
        identity,
        plaintext_probe: s.plaintext_probe,
        allow_invalid_hostnames: s.allow_invalid_hostnames,
        now,
        warn_days,
        strict: s.common.strict,
        app_name: s.uri.options.app_name.clone(),
        max_message_bytes: crate::wire::header::DEFAULT_MAX_MESSAGE_BYTES,
        anchors: Arc::new(trust.analysis.certs.clone()),
        dns,
    };
    let settings = WaitSettings {
        seeds,
        set: SetExpectation {
            replica_set: s.uri.options.replica_set.clone().or(txt_set),
            discover: s.discover,
            max_connections: s.max_connections,
        },
        expectation: s.expectation,
        interval: s.interval,
        timeout: s.timeout,
        probe_timeout: s.probe_timeout,
    };
    let mut status = live::Status::start(s.progress);
    let outcome = crate::wait::wait(
        &settings,
        &base,
        clock,
        |t, update, at| status.round(t, update, at),
        interrupted(),
    )
    .await;
    status.finish(&outcome);
    findings.extend(crate::wait::findings(&outcome));
    Ok(Report::Wait(Box::new(WaitReport::new(
        &outcome.timeline,
        outcome.ending,
        outcome.started_at,
        outcome.ended_at,
        outcome.duration,
        findings,
    ))))
}
