//! `mongotls serve`: a Prometheus exporter over HTTP (axum, on the tokio runtime the checks
//! already use).
//!
//! - `/probe?target=NAME` runs that target's `check` (the very [`super::check::run_check`]),
//!   bounded by `--probe-timeout` (and Prometheus's scrape timeout), and answers with
//!   blackbox_exporter's `probe_success` / `probe_duration_seconds` and the check report's
//!   families ([`crate::report::prometheus::render_probe`]). A result is served again for
//!   `--cache-ttl`, and scrapes of a target that arrive while its probe runs wait for that probe
//!   ([`probe::Slot`]): a scrape storm is one probe per target and TTL.
//! - `/metrics`: the exporter's own metrics ([`metrics::OwnMetrics`]).
//! - `/healthz`: `ok` while serving.
//!
//! A target whose entry cannot be checked answers `probe_success 0` with
//! `mongotls_probe_error{reason="target_invalid"}`; an unknown name is 404, a missing one 400,
//! with a text body saying which names exist. SIGINT and SIGTERM stop it gracefully.

mod metrics;
mod probe;

use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::output::ReadyFile;
use super::{block_on, Outcome, RunError};
use crate::escape::printable;
use crate::report::prometheus::{render_probe, ProbeOutcome};
use crate::report::serve::ServeReady;
use crate::sandbox::StopSignals;
use crate::settings::{CheckSettings, ServeSettings, UsageError};
use crate::tr;
use metrics::{EndpointLabel, OwnMetrics, StateLabel};
use probe::{ProbeResult, Slot};

/// The Prometheus text format's content type (version 0.0.4).
const CONTENT_TYPE: &str = prometheus_client::encoding::prometheus_text::CONTENT_TYPE;

/// Prometheus sends its scrape timeout in this header; a probe must end before it.
const SCRAPE_TIMEOUT_HEADER: &str = "x-prometheus-scrape-timeout-seconds";

/// Taken off Prometheus's scrape timeout, for the answer to travel back.
const SCRAPE_TIMEOUT_MARGIN: Duration = Duration::from_millis(500);

/// One target of the file, as serve uses it.
pub(super) struct ServeTarget {
    /// Its name.
    pub name: String,
    /// Its check, or why it cannot be checked (the message names the file, target and key).
    pub settings: Result<CheckSettings, String>,
}

/// After SIGINT/SIGTERM, how long past `--probe-timeout` answers in flight are waited for.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// What every request handler shares.
struct Shared {
    targets_file: PathBuf,
    slots: HashMap<String, Arc<Slot>>,
    names: Vec<String>,
    probe_timeout: Duration,
    cache_ttl: Duration,
    metrics: OwnMetrics,
}

/// `mongotls serve`: loads the targets file (exit 2 when it cannot be used as a whole), listens,
/// serves until SIGINT or SIGTERM.
pub(super) fn run(s: &ServeSettings) -> Result<Outcome, RunError> {
    let targets = load_targets(&s.targets, s)?;
    block_on(serve(s, targets))??;
    Ok(Outcome::Finished)
}

/// The targets file through the shared parser (`check --targets` reads the same).
fn load_targets(path: &Path, s: &ServeSettings) -> Result<Vec<ServeTarget>, UsageError> {
    let file = super::fleet::targets::load(path, &s.common)?;
    Ok(file
        .targets
        .into_iter()
        .map(|t| ServeTarget {
            name: t.name,
            settings: t.settings.map_err(|e| e.to_string()),
        })
        .collect())
}

async fn serve(s: &ServeSettings, targets: Vec<ServeTarget>) -> Result<(), RunError> {
    let mut stop = StopSignals::install()?;
    let shared = Arc::new(shared(s, targets));
    let listener = tokio::net::TcpListener::bind(s.listen)
        .await
        .map_err(|e| bind_failed(s.listen, &e))?;
    let local = listener
        .local_addr()
        .map_err(|e| bind_failed(s.listen, &e))?;
    say(&tr!(
        "serve-listening",
        url = format!("http://{local}"),
        count = shared.names.len()
    ));
    if !local.ip().is_loopback() {
        say(&tr!("serve-not-loopback", address = local.to_string()));
    }
    let ready = match &s.ready_file {
        Some(path) => {
            let ready = ServeReady {
                pid: std::process::id(),
                listen: local.to_string(),
                url: format!("http://{local}"),
                targets: shared.names.clone(),
            };
            Some(ReadyFile::write(path, &ready.to_json())?)
        }
        None => None,
    };
    let app = Router::new()
        .route("/metrics", get(own_metrics))
        .route("/probe", get(probe_target))
        .route("/healthz", get(healthz))
        .with_state(Arc::clone(&shared));
    let (stopped_tx, stopped_rx) = tokio::sync::oneshot::channel::<Result<(), RunError>>();
    let (signalled_tx, signalled_rx) = tokio::sync::oneshot::channel::<()>();
    let shutdown = async move {
        let result = stop.wait().await.map(|signal| {
            say(&tr!("serve-stopping", signal = signal));
        });
        let _ = stopped_tx.send(result.map_err(RunError::from));
        let _ = signalled_tx.send(());
    };
    // Answers in flight may finish after the signal, within a probe's bound; a client that
    // never finishes its request (hyper has no header timeout here) does not hold the exit
    // beyond that.
    let drain = s.probe_timeout + SHUTDOWN_GRACE;
    let drained = async move {
        match signalled_rx.await {
            Ok(()) => tokio::time::sleep(drain).await,
            Err(_) => std::future::pending().await,
        }
    };
    let server = axum::serve(listener, app).with_graceful_shutdown(shutdown);
    let served = tokio::select! {
        served = std::future::IntoFuture::into_future(server) => {
            served.map_err(|e| RunError::Serve(tr!("serve-failed", error = e.to_string())))
        }
        () = drained => Ok(()),
    };
    drop(ready);
    served?;
    match stopped_rx.await {
        Ok(result) => result,
        Err(_) => Ok(()),
    }
}

fn shared(s: &ServeSettings, targets: Vec<ServeTarget>) -> Shared {
    let metrics = OwnMetrics::new();
    let mut slots = HashMap::new();
    let mut names = Vec::new();
    let (mut valid, mut invalid) = (0, 0);
    for t in targets {
        match &t.settings {
            Ok(_) => valid += 1,
            Err(e) => {
                invalid += 1;
                say(&tr!(
                    "serve-target-invalid",
                    name = printable(&t.name),
                    error = e.clone()
                ));
            }
        }
        names.push(t.name.clone());
        slots.insert(t.name.clone(), Arc::new(Slot::new(t)));
    }
    metrics
        .targets
        .get_or_create(&StateLabel { state: "valid" })
        .set(valid);
    metrics
        .targets
        .get_or_create(&StateLabel { state: "invalid" })
        .set(invalid);
    Shared {
        targets_file: s.targets.clone(),
        slots,
        names,
        probe_timeout: s.probe_timeout,
        cache_ttl: s.cache_ttl,
        metrics,
    }
}

/// One line on stderr, for the operator (not part of any answer).
fn say(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

fn bind_failed(address: SocketAddr, e: &std::io::Error) -> RunError {
    RunError::Serve(tr!(
        "serve-bind-failed",
        address = address.to_string(),
        error = e.to_string()
    ))
}

fn text(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

fn exposition(body: String) -> Response {
    (StatusCode::OK, [(header::CONTENT_TYPE, CONTENT_TYPE)], body).into_response()
}

fn count(shared: &Shared, endpoint: &'static str) {
    shared
        .metrics
        .scrapes
        .get_or_create(&EndpointLabel { endpoint })
        .inc();
}

async fn healthz(State(shared): State<Arc<Shared>>) -> Response {
    count(&shared, "/healthz");
    text(StatusCode::OK, "ok\n".into())
}

async fn own_metrics(State(shared): State<Arc<Shared>>) -> Response {
    count(&shared, "/metrics");
    match shared.metrics.render() {
        Ok(body) => exposition(body),
        Err(_) => text(
            StatusCode::INTERNAL_SERVER_ERROR,
            tr!("serve-encode-failed"),
        ),
    }
}

async fn probe_target(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    count(&shared, "/probe");
    let file = shared.targets_file.display().to_string();
    let known = shared
        .names
        .iter()
        .map(|n| printable(n).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    let Some(name) = query.get("target").filter(|n| !n.is_empty()) else {
        return text(
            StatusCode::BAD_REQUEST,
            format!(
                "{}\n",
                tr!("serve-probe-missing-target", file = file, names = known)
            ),
        );
    };
    let Some(slot) = shared.slots.get(name) else {
        return text(
            StatusCode::NOT_FOUND,
            format!(
                "{}\n",
                tr!(
                    "serve-probe-unknown-target",
                    name = printable(name),
                    file = file,
                    names = known
                )
            ),
        );
    };
    let bound =
        scrape_timeout(&headers).map_or(shared.probe_timeout, |t| t.min(shared.probe_timeout));
    let (result, age) = slot.result(&shared.metrics, bound, shared.cache_ttl).await;
    body_of(name, &result, age)
}

/// Prometheus's scrape timeout, less a margin for the answer (at least a tenth of a second).
fn scrape_timeout(headers: &HeaderMap) -> Option<Duration> {
    let seconds: f64 = headers
        .get(SCRAPE_TIMEOUT_HEADER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let timeout = Duration::try_from_secs_f64(seconds).ok()?;
    Some(
        timeout
            .saturating_sub(SCRAPE_TIMEOUT_MARGIN)
            .max(Duration::from_millis(100)),
    )
}

fn body_of(name: &str, result: &ProbeResult, age: Duration) -> Response {
    let outcome = ProbeOutcome {
        target: name,
        report: result.report.as_ref(),
        error: result.error,
        duration: result.duration,
        age,
    };
    match render_probe(&outcome) {
        Ok(body) => exposition(body),
        Err(_) => text(
            StatusCode::INTERNAL_SERVER_ERROR,
            tr!("serve-encode-failed"),
        ),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn scrape_timeout_header_less_a_margin() {
        let mut h = HeaderMap::new();
        assert_eq!(scrape_timeout(&h), None);
        h.insert(SCRAPE_TIMEOUT_HEADER, "10".parse().unwrap());
        assert_eq!(scrape_timeout(&h), Some(Duration::from_millis(9500)));
        h.insert(SCRAPE_TIMEOUT_HEADER, "0.2".parse().unwrap());
        assert_eq!(scrape_timeout(&h), Some(Duration::from_millis(100)));
        h.insert(SCRAPE_TIMEOUT_HEADER, "nonsense".parse().unwrap());
        assert_eq!(scrape_timeout(&h), None);
        h.insert(SCRAPE_TIMEOUT_HEADER, "-3".parse().unwrap());
        assert_eq!(scrape_timeout(&h), None);
    }
}
