//! `/metrics`: the exporter's own metrics (build, targets, probes by target and result, the
//! cache, probe durations, probes in flight), kept by the official client crate's live
//! counters, gauges and histograms.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::{Registry, Unit};

/// `target` (the name in the targets file).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(super) struct TargetLabel {
    pub target: String,
}

/// `target` and `result` (`success`, `failure`: the check failed, `error`: it could not run).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(super) struct ResultLabels {
    pub target: String,
    pub result: &'static str,
}

/// `state`: `valid` or `invalid` entries of the targets file.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(super) struct StateLabel {
    pub state: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct VersionLabel {
    version: &'static str,
}

/// The live metrics and the registry that writes them.
#[derive(Debug)]
pub(super) struct OwnMetrics {
    registry: Registry,
    pub targets: Family<StateLabel, Gauge>,
    pub probes: Family<ResultLabels, Counter>,
    pub cache_hits: Family<TargetLabel, Counter>,
    pub cache_misses: Family<TargetLabel, Counter>,
    pub duration: Family<TargetLabel, Histogram>,
    pub in_flight: Gauge<i64, std::sync::atomic::AtomicI64>,
    pub scrapes: Family<EndpointLabel, Counter>,
}

/// `endpoint`: `/metrics`, `/probe`, `/healthz`.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(super) struct EndpointLabel {
    pub endpoint: &'static str,
}

/// Probe duration buckets, in seconds: from a cached loopback answer to a probe timeout.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

impl OwnMetrics {
    pub fn new() -> OwnMetrics {
        let mut registry = Registry::with_prefix(crate::report::prometheus::PREFIX);
        registry.register(
            "build",
            "The mongotls version serving these metrics; always 1",
            Info::new(VersionLabel {
                version: env!("CARGO_PKG_VERSION"),
            }),
        );
        let targets = Family::<StateLabel, Gauge>::default();
        registry.register(
            "serve_targets",
            "Entries of the targets file, by state (valid, invalid: answered with probe_success 0)",
            targets.clone(),
        );
        let probes = Family::<ResultLabels, Counter>::default();
        registry.register(
            "serve_probes",
            "Probes run (not cache hits), by target and result (success, failure, error)",
            probes.clone(),
        );
        let cache_hits = Family::<TargetLabel, Counter>::default();
        registry.register(
            "serve_probe_cache_hits",
            "/probe scrapes answered from the cache (or from a probe another scrape was waiting on), by target",
            cache_hits.clone(),
        );
        let cache_misses = Family::<TargetLabel, Counter>::default();
        registry.register(
            "serve_probe_cache_misses",
            "/probe scrapes that ran a probe, by target",
            cache_misses.clone(),
        );
        let duration = Family::<TargetLabel, Histogram>::new_with_constructor(
            (|| Histogram::new(BUCKETS)) as fn() -> Histogram,
        );
        registry.register_with_unit(
            "serve_probe_duration",
            "Wall time of the probes run, by target",
            Unit::Seconds,
            duration.clone(),
        );
        let in_flight = Gauge::<i64, std::sync::atomic::AtomicI64>::default();
        registry.register(
            "serve_probes_in_flight",
            "Probes running now",
            in_flight.clone(),
        );
        let scrapes = Family::<EndpointLabel, Counter>::default();
        registry.register(
            "serve_http_requests",
            "HTTP requests answered, by endpoint",
            scrapes.clone(),
        );
        OwnMetrics {
            registry,
            targets,
            probes,
            cache_hits,
            cache_misses,
            duration,
            in_flight,
            scrapes,
        }
    }

    /// The exposition (text format 0.0.4).
    pub fn render(&self) -> Result<String, std::fmt::Error> {
        let mut text = String::new();
        prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}
