//! Command-line definitions (clap): what the user typed, each value already parsed into what
//! it means by the value parsers in [`values`] (durations, counts in range, times, host names,
//! sizes, enums), so that `--help` lists the possible values and an error names its option
//! once. [`crate::settings`] adds the rules that span several options.

pub mod errors;
pub mod help_zh;
pub mod values;

pub use errors::{language_before_parsing, render_error, CliError};
pub use help_zh::localized_command;

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use rustls_pki_types::ServerName;
use time::OffsetDateTime;

use crate::report::OutputFormat;
use crate::sandbox::{ClientAuth, Scenario, TlsMode};
use values::PayloadSizes;

// Examples shown under `--help`. They never carry a password: the password comes from
// --password-env (or --password-file), so that it stays out of shell history and `ps`.

/// Under `mongotls --help`: the ApsaraDB flow, from the console's download to `check`.
const EXAMPLES: &str = "\
Examples:
  # What is in the CA bundle downloaded from the console (SSL > Download certificate)?
  mongotls ca ApsaraDB-CA-Chain.zip

  # Check every member of the replica set against it (the password is read from $MONGO_PW)
  URI='mongodb://root@dds-xxxx.mongodb.rds.aliyuncs.com:3717/admin?replicaSet=mgset-XXXX&tls=true'
  mongotls check \"$URI\" --ca ApsaraDB-CA-Chain.pem --password-env MONGO_PW

  # No server at hand: a loopback replica set with an expired certificate, checked
  mongotls demo --scenario expired

Run 'mongotls <COMMAND> --help' for the options and examples of each command.";

const CHECK_EXAMPLES: &str = "\
Examples:
  URI='mongodb://root@dds-xxxx.mongodb.rds.aliyuncs.com:3717/admin?replicaSet=mgset-XXXX&tls=true'
  mongotls check \"$URI\" --ca ApsaraDB-CA-Chain.pem --password-env MONGO_PW

  mongotls check \"mongodb://10.0.0.5:3717/?tls=true\" --ca ca.pem \\
      --server-name dds-xxxx.mongodb.rds.aliyuncs.com --no-driver --format json";

const WAIT_EXAMPLES: &str = "\
Examples:
  # After the certificate is renewed (SSL > Update certificate): follow the restarts until every member is back
  URI='mongodb://dds-xxxx.mongodb.rds.aliyuncs.com:3717/admin?replicaSet=mgset-XXXX&tls=true'
  mongotls wait \"$URI\" --ca ApsaraDB-CA-Chain.pem --expect-new-cert

  mongotls wait \"$URI\" --ca ca.pem --expect-not-after-later-than 2027-06-01 \\
      --timeout 30m --format json > wait.json";
/// `check` takes a URI, or a targets file (`--targets`, a fleet) instead.
const CHECK_USAGE: &str = "mongotls check [OPTIONS] <URI>
       mongotls check [OPTIONS] --targets <FILE>";

const CA_EXAMPLES: &str = "\
Examples:
  mongotls ca ApsaraDB-CA-Chain.zip
  mongotls ca root.pem intermediate.pem --format json";

const VERIFY_EXAMPLES: &str = "\
Examples:
  mongotls verify --ca ApsaraDB-CA-Chain.pem --chain server.pem \\
      --host dds-xxxx.mongodb.rds.aliyuncs.com
  mongotls verify --ca ca.pem --chain server.pem --host 10.0.0.5 --at 2027-01-01";

const BENCH_EXAMPLES: &str = "\
Examples:
  mongotls bench \"mongodb://dds-xxxx.mongodb.rds.aliyuncs.com:3717/?tls=true\" \\
      --ca ApsaraDB-CA-Chain.pem
  mongotls bench \"$URI\" --member host2:3717 --samples 100 --export-json bench.json";

const DEMO_EXAMPLES: &str = "\
Examples:
  mongotls demo --scenario hostname-mismatch
  mongotls demo --scenario wrong-ca --keep-ca . && mongotls ca mongotls-sandbox-ca.pem";

const SERVE_EXAMPLES: &str = "\
Examples:
  mongotls serve --targets targets.toml   # Prometheus scrapes http://127.0.0.1:9716/probe?target=NAME

  # In Kubernetes (behind the Service): listen on every interface, said loudly on stderr
  mongotls serve --targets /etc/mongotls/targets.toml --listen 0.0.0.0:9716";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  mongotls completions bash > ~/.local/share/bash-completion/completions/mongotls
  mongotls completions zsh > \"${fpath[1]}/_mongotls\"
  mongotls completions fish > ~/.config/fish/completions/mongotls.fish";

const MAN_EXAMPLES: &str = "\
Examples:
  mongotls man > mongotls.1 && man ./mongotls.1
  for c in check ca verify bench demo sandbox; do mongotls man $c > mongotls-$c.1; done";

const SANDBOX_EXAMPLES: &str = "\
Examples:
  mongotls sandbox --scenario one-member-expired   # prints its URI and CA file; Ctrl-C stops it

  # In a script: fixed ports, wait for the ready file, use it, stop the sandbox
  mongotls sandbox --port 28017 --ready-file sb.json & until [ -s sb.json ]; do sleep 0.1; done
  mongotls check \"$(jq -r .uri sb.json)\"; kill -TERM \"$(jq -r .pid sb.json)\"";

/// Proves a MongoDB deployment's TLS is right, and explains exactly what is wrong when it is not.
#[derive(Debug, Parser)]
#[command(
    name = "mongotls",
    version,
    about,
    long_about = None,
    max_term_width = 100,
    arg_required_else_help = true,
    after_help = EXAMPLES
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Language of the text for people (headings, messages, hints, progress); default from
    /// LC_ALL, LC_MESSAGES, LANG (zh_* is Chinese). Finding codes, JSON keys and metric names
    /// are never translated.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangChoice>,
    /// When to colour text output: auto (stdout is a terminal and NO_COLOR is not set),
    /// always, never. A non-empty NO_COLOR turns colour off whatever this says.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorChoice,
}

/// `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangChoice {
    /// English.
    En,
    /// Simplified Chinese (简体中文), with the console's Chinese labels.
    Zh,
}

impl From<LangChoice> for crate::i18n::Lang {
    fn from(l: LangChoice) -> Self {
        match l {
            LangChoice::En => crate::i18n::Lang::En,
            LangChoice::Zh => crate::i18n::Lang::Zh,
        }
    }
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour (even into a pipe or file), unless NO_COLOR is set.
    Always,
    /// Never colour.
    Never,
}

/// Subcommands, in the order `--help` lists them: the one most users need first.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Connect to every replica-set member over TLS: handshake, presented chain against the CA,
    /// host name, expiry, the MongoDB handshake, plaintext still accepted or not.
    #[command(after_help = CHECK_EXAMPLES, override_usage = CHECK_USAGE)]
    Check(CheckArgs),
    /// Follow a rolling restart (SSL enabled, certificate renewed): poll every member until each
    /// one passes again, with a new certificate if asked; report each member's downtime and
    /// certificates.
    #[command(after_help = WAIT_EXAMPLES)]
    Wait(WaitArgs),
    /// Load a CA bundle (PEM, DER, PKCS#7, or the console's ZIP) and report what is in it and
    /// what is wrong with it.
    #[command(after_help = CA_EXAMPLES)]
    Ca(CaArgs),
    /// Judge a server's certificate chain against a CA bundle, offline, for a host name and a
    /// point in time, the way MongoDB clients will.
    #[command(after_help = VERIFY_EXAMPLES)]
    Verify(VerifyArgs),
    /// Measure how much latency TLS adds: connection set-up (full and resumed handshakes, to a
    /// usable connection), round trips on a warm connection, payload cost, throughput.
    #[command(after_help = BENCH_EXAMPLES)]
    Bench(BenchArgs),
    /// Start the sandbox, run `check` against it, print the report, stop (its files, the CA
    /// file too, are removed unless --keep-ca DIR).
    #[command(after_help = DEMO_EXAMPLES)]
    Demo(DemoArgs),
    /// Run a loopback replica set with a throwaway PKI (and a broken scenario if asked) until
    /// stopped; prints its URI and CA file. SIGINT (Ctrl-C), SIGTERM and SIGHUP stop it: it
    /// removes its files and exits 0.
    #[command(after_help = SANDBOX_EXAMPLES)]
    Sandbox(SandboxArgs),
    /// Serve Prometheus metrics over HTTP: `/probe?target=NAME` checks one target of the
    /// targets file on scrape (blackbox_exporter style, with a short cache), `/metrics` the
    /// exporter's own metrics, `/healthz`. SIGINT (Ctrl-C) and SIGTERM stop it.
    #[command(after_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, PowerShell) on stdout,
    /// generated from these very options.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) of mongotls, or of one of its commands, on stdout.
    #[command(after_help = MAN_EXAMPLES)]
    Man(ManArgs),
}

/// `mongotls completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// The commands `mongotls man` has a page for, besides mongotls itself.
pub const MAN_PAGES: [&str; 10] = [
    "check",
    "wait",
    "ca",
    "verify",
    "bench",
    "demo",
    "sandbox",
    "serve",
    "completions",
    "man",
];

/// `mongotls man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (mongotls-check(1), ...); default: mongotls(1), which
    /// lists every command.
    #[arg(value_name = "COMMAND", value_parser = clap::builder::PossibleValuesParser::new(MAN_PAGES))]
    pub command: Option<String>,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable text ending in one verdict line.
    Text,
    /// One JSON object (see the README for the contract).
    Json,
    /// JUnit XML for CI test reporters: one test case per member, certificate or chain.
    Junit,
    /// Prometheus text exposition format, for node_exporter's textfile collector.
    Prometheus,
}

impl From<Format> for OutputFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => OutputFormat::Text,
            Format::Json => OutputFormat::Json,
            Format::Junit => OutputFormat::Junit,
            Format::Prometheus => OutputFormat::Prometheus,
        }
    }
}

impl From<BenchFormat> for OutputFormat {
    fn from(f: BenchFormat) -> Self {
        match f {
            BenchFormat::Text => OutputFormat::Text,
            BenchFormat::Json => OutputFormat::Json,
            BenchFormat::Markdown => OutputFormat::Markdown,
            BenchFormat::Csv => OutputFormat::Csv,
        }
    }
}

/// Output formats of `bench`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum BenchFormat {
    /// Tables and one sentence per member.
    Text,
    /// One JSON object with every raw sample.
    Json,
    /// Markdown tables.
    Markdown,
    /// One CSV row per series.
    Csv,
}

/// `mongotls bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// The connection string (TLS side).
    #[arg(value_name = "URI")]
    pub uri: String,
    /// The CA file (overrides tlsCAFile; repeat for several files, trusted together). When one
    /// is given, each member's chain is checked once before measuring and any problem is noted
    /// (`check` gives the full verdict).
    #[arg(long, value_name = "FILE")]
    pub ca: Vec<PathBuf>,
    /// Measure only this member (host:port as in the URI); default: every seed.
    #[arg(long, value_name = "HOST:PORT")]
    pub member: Option<String>,
    /// Samples per series (1 to 1000000).
    #[arg(
        long,
        value_name = "N",
        default_value = "50",
        value_parser = values::samples,
        allow_hyphen_values = true
    )]
    pub samples: usize,
    /// Unrecorded runs before each series (at most 1000).
    #[arg(
        long,
        value_name = "N",
        default_value = "3",
        value_parser = values::warmup,
        allow_hyphen_values = true
    )]
    pub warmup: usize,
    /// Stop after this long, whatever the sample count.
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "30s",
        value_parser = values::max_time,
        allow_hyphen_values = true
    )]
    pub max_time: Duration,
    /// Bound of each network phase (at most 5m).
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "10s",
        value_parser = values::timeout,
        allow_hyphen_values = true
    )]
    pub timeout: Duration,
    /// Also measure throughput with N concurrent connections (1 to 256).
    #[arg(
        long,
        value_name = "N",
        value_parser = values::concurrency,
        allow_hyphen_values = true
    )]
    pub concurrency: Option<usize>,
    /// Payload sizes for the per-byte cost, e.g. 1KiB,64KiB,1MiB.
    #[arg(
        long,
        value_name = "LIST",
        value_parser = values::payload_sizes,
        allow_hyphen_values = true
    )]
    pub payload_sizes: Option<PayloadSizes>,
    /// A separate plaintext endpoint, for servers that force TLS.
    #[arg(long, value_name = "URI")]
    pub plain_uri: Option<String>,
    /// Name to send as SNI (for IP addresses and tunnels).
    #[arg(long, value_name = "NAME", value_parser = values::host)]
    pub server_name: Option<ServerName<'static>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BenchFormat::Text)]
    pub format: BenchFormat,
    /// Also write the JSON report to this file.
    #[arg(long, value_name = "FILE")]
    pub export_json: Option<PathBuf>,
    /// Draw the latency distributions, plaintext vs TLS per metric, to this SVG file.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
    /// The client certificate to present: a PEM file with the certificate and its private key
    /// (overrides tlsCertificateKeyFile in the URI).
    #[arg(long, value_name = "FILE")]
    pub client_cert: Option<PathBuf>,
    /// Read the password of an encrypted client key (PKCS#8) from this environment variable
    /// (overrides tlsCertificateKeyFilePassword in the URI).
    #[arg(long, value_name = "VAR")]
    pub client_key_password_env: Option<String>,
}

/// The options of `check` that belong to one target: with `--targets` they are written in
/// the targets file (in [defaults] or a target), not on the command line.
const TARGET_OPTIONS: [&str; 16] = [
    "uri",
    "ca",
    "timeout",
    "deadline",
    "max_connections",
    "server_name",
    "allow_invalid_hostnames",
    "no_discover",
    "no_plaintext_probe",
    "no_driver",
    "username",
    "password_env",
    "password_file",
    "client_cert",
    "client_key_password_env",
    "dns_server",
];

/// How `check` and `wait` reach and probe the members: the options they share.
#[derive(Debug, Args)]
pub struct MemberArgs {
    /// Most members probed at once (each holds one connection at a time; at most 256).
    #[arg(
        long,
        value_name = "N",
        default_value = "16",
        value_parser = values::max_connections,
        allow_hyphen_values = true
    )]
    pub max_connections: usize,
    /// Name to send as SNI and to check the certificates against, instead of each member's
    /// host (for connections through an IP address or a tunnel).
    #[arg(long, value_name = "NAME", value_parser = values::host)]
    pub server_name: Option<ServerName<'static>>,
    /// Report host-name mismatches but say that clients were told to ignore them (insecure;
    /// shown loudly in the report).
    #[arg(long)]
    pub allow_invalid_hostnames: bool,
    /// Probe the seeds only; do not follow `hello` to the other members.
    #[arg(long)]
    pub no_discover: bool,
    /// Do not try a plaintext `hello` on each member's port.
    #[arg(long)]
    pub no_plaintext_probe: bool,
    /// The client certificate to present: a PEM file with the certificate and its private key
    /// (overrides tlsCertificateKeyFile in the URI).
    #[arg(long, value_name = "FILE")]
    pub client_cert: Option<PathBuf>,
    /// Read the password of an encrypted client key (PKCS#8) from this environment variable
    /// (overrides tlsCertificateKeyFilePassword in the URI).
    #[arg(long, value_name = "VAR")]
    pub client_key_password_env: Option<String>,
    /// Send every DNS lookup of the run (SRV, TXT, the members' addresses) to this server,
    /// IP:PORT (UDP, then TCP), instead of the system's resolver: for split DNS and tests.
    #[arg(long, value_name = "HOST:PORT", value_parser = values::dns_server)]
    pub dns_server: Option<std::net::SocketAddr>,
}

/// `mongotls check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The connection string, e.g.
    /// mongodb://root@host1:3717,host2:3717/admin?replicaSet=mgset-123&tls=true (quote it in
    /// the shell; give the password with --password-env or --password-file, not in the string)
    #[arg(value_name = "URI", required_unless_present = "targets")]
    pub uri: Option<String>,
    /// Check every deployment of this TOML file instead of one URI, concurrently: one
    /// [[targets]] table per deployment (name, uri, ca, and any option of check by its long
    /// name), an optional [defaults] table; ${VAR} is read from the environment.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = TARGET_OPTIONS
    )]
    pub targets: Option<PathBuf>,
    /// With --targets: most targets checked at once (1 to 256, default 8; each target's own
    /// --max-connections bounds its members).
    #[arg(
        long,
        value_name = "N",
        value_parser = values::concurrency,
        allow_hyphen_values = true
    )]
    pub concurrency: Option<usize>,
    /// The CA file clients trust (overrides tlsCAFile in the URI; repeat for several files,
    /// trusted together as one bundle, as `verify` does). Without it and without tlsCAFile,
    /// chains are judged against the system's trust store.
    #[arg(long, value_name = "FILE")]
    pub ca: Vec<PathBuf>,
    /// Bound of each network phase (DNS, TCP, TLS, each command): 500ms, 3s, 2m (at most 5m).
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "10s",
        value_parser = values::timeout,
        allow_hyphen_values = true
    )]
    pub timeout: Duration,
    /// Bound of the whole run (at most 1h): phases are cut short at it, and whatever was not
    /// checked by then is reported as `net.deadline_exceeded`.
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "2m",
        value_parser = values::deadline,
        allow_hyphen_values = true
    )]
    pub deadline: Duration,
    /// How the members are reached and probed (shared with `wait`).
    #[command(flatten)]
    pub members: MemberArgs,
    /// Skip the driver stage (the official Rust driver: server selection, `ping`, and with
    /// credentials authentication and `connectionStatus`).
    #[arg(long)]
    pub no_driver: bool,
    /// Do not show the live progress on stderr (shown only when stderr is a terminal).
    #[arg(long)]
    pub no_progress: bool,
    /// User to authenticate as in the driver stage (replaces the connection string's).
    #[arg(long, value_name = "USER")]
    pub username: Option<String>,
    /// Read the password from this environment variable (never from the command line).
    #[arg(long, value_name = "VAR", conflicts_with = "password_file")]
    pub password_env: Option<String>,
    /// Read the password from this file (its first line; keep it private).
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Output formats of `wait`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum WaitFormat {
    /// Each member's timeline and downtime, the findings, one verdict line.
    Text,
    /// One JSON object (see the README for the contract).
    Json,
    /// JUnit XML: one test case per member.
    Junit,
}

impl From<WaitFormat> for OutputFormat {
    fn from(f: WaitFormat) -> Self {
        match f {
            WaitFormat::Text => OutputFormat::Text,
            WaitFormat::Json => OutputFormat::Json,
            WaitFormat::Junit => OutputFormat::Junit,
        }
    }
}

/// `mongotls wait`.
#[derive(Debug, Args)]
pub struct WaitArgs {
    /// The connection string, e.g.
    /// mongodb://host1:3717,host2:3717/admin?replicaSet=mgset-123&tls=true (no password is
    /// needed: only TLS and `hello` are used)
    #[arg(value_name = "URI")]
    pub uri: String,
    /// The CA file clients trust (overrides tlsCAFile in the URI; repeat for several files).
    /// Without it and without tlsCAFile, chains are judged against the system's trust store.
    #[arg(long, value_name = "FILE")]
    pub ca: Vec<PathBuf>,
    /// Give up after this long (at most 24h): exit 1 with what is still wrong.
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "15m",
        value_parser = values::max_time,
        allow_hyphen_values = true
    )]
    pub timeout: Duration,
    /// Time from the start of one poll round to the start of the next (at most 5m).
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "2s",
        value_parser = values::timeout,
        allow_hyphen_values = true
    )]
    pub interval: Duration,
    /// Bound of each network phase of one member's probe (TCP, TLS, each command; at most
    /// 5m): a member that does not answer in time counts as down for that round.
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "5s",
        value_parser = values::timeout,
        allow_hyphen_values = true
    )]
    pub probe_timeout: Duration,
    /// Also wait until every member presents a leaf certificate other than the one it
    /// presented when first polled (a member down at the start counts as renewed when it
    /// comes back).
    #[arg(
        long,
        conflicts_with_all = ["expect_fingerprint", "expect_not_after_later_than"]
    )]
    pub expect_new_cert: bool,
    /// Also wait until every member presents the leaf certificate with this SHA-256
    /// fingerprint (64 hex digits, with or without colons, any case).
    #[arg(
        long,
        value_name = "SHA256",
        value_parser = values::fingerprint,
        conflicts_with = "expect_not_after_later_than"
    )]
    pub expect_fingerprint: Option<crate::wait::timeline::Fingerprint>,
    /// Also wait until every member presents a leaf certificate valid until after this time
    /// (RFC 3339, or a date).
    #[arg(long, value_name = "TIME", value_parser = values::time)]
    pub expect_not_after_later_than: Option<OffsetDateTime>,
    /// How the members are reached and probed (as for `check`).
    #[command(flatten)]
    pub members: MemberArgs,
    /// Do not show the live status on stderr (one line per member on a terminal, else one
    /// timestamped line per event).
    #[arg(long)]
    pub no_progress: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = WaitFormat::Text)]
    pub format: WaitFormat,
    /// Warn when a certificate expires within this many days (0 to 36500).
    #[arg(
        long,
        value_name = "N",
        default_value = "30",
        value_parser = values::warn_days,
        allow_hyphen_values = true
    )]
    pub warn_days: i64,
    /// Exit 1 on warnings too; a member whose probe has a warning made a failure by --strict
    /// (a `lint.*` finding) does not count as passing.
    #[arg(long)]
    pub strict: bool,
}

/// What the sandbox runs.
#[derive(Debug, Args)]
pub struct SandboxSpec {
    /// Number of members (1 to 7).
    #[arg(
        long,
        value_name = "N",
        default_value = "3",
        value_parser = values::members,
        allow_hyphen_values = true
    )]
    pub members: usize,
    /// What is wrong with it.
    #[arg(long, value_name = "NAME", value_enum, default_value_t = Scenario::Good)]
    pub scenario: Scenario,
    /// TLS mode of every member (default: the scenario's; `allow` like a managed service
    /// right after SSL was enabled).
    #[arg(long, value_name = "MODE", value_enum)]
    pub tls_mode: Option<TlsMode>,
    /// Sleep this long before each TLS handshake (to check what `bench` measures).
    #[arg(long, value_name = "DURATION", value_parser = values::delay)]
    pub handshake_delay: Option<Duration>,
    /// Turn authentication on with the default users (`app` on `admin` with SCRAM, its
    /// password in a 0600 file; the MONGODB-X509 user of the sandbox's client certificate),
    /// whatever the scenario; client certificates become `optional` unless `--client-auth`
    /// says otherwise.
    #[arg(long)]
    pub auth: bool,
    /// Whether members ask TLS clients for a certificate (default: the scenario's; `none`
    /// except for `wrong-password` and `client-cert-required`).
    #[arg(long, value_name = "MODE", value_enum)]
    pub client_auth: Option<ClientAuth>,
    /// Listen on fixed ports: BASE for the first member, BASE+1 for the next, … (default:
    /// free ports chosen by the system). A port already taken is an error.
    #[arg(long, value_name = "BASE", value_parser = values::port, allow_hyphen_values = true)]
    pub port: Option<u16>,
}

/// `mongotls sandbox`.
#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// The sandbox.
    #[command(flatten)]
    pub spec: SandboxSpec,
    /// Once every member listens, write JSON {pid, uri, ca, members, …} to this file (written
    /// whole, then renamed into place, so a script that sees the file can read it at once);
    /// removed again when the sandbox stops.
    #[arg(long, value_name = "FILE")]
    pub ready_file: Option<PathBuf>,
}

/// The address `serve` listens on unless told otherwise: loopback only.
pub const SERVE_DEFAULT_LISTEN: &str = "127.0.0.1:9716";

/// `mongotls serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The targets file (TOML, as `check --targets` reads it): the targets `/probe?target=NAME`
    /// can check, by name.
    #[arg(long, value_name = "FILE")]
    pub targets: PathBuf,
    /// Address and port to listen on (IP:PORT; port 0 picks a free one). Anything but a
    /// loopback address is allowed (containers need it) and said loudly on stderr.
    #[arg(long, value_name = "ADDR", default_value = SERVE_DEFAULT_LISTEN, value_parser = values::listen)]
    pub listen: std::net::SocketAddr,
    /// How long a target's result is served again before the next scrape probes it anew (0s:
    /// never cached; at most 24h). Scrapes arriving while a probe runs wait for it either way.
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "30s",
        value_parser = values::delay,
        allow_hyphen_values = true
    )]
    pub cache_ttl: Duration,
    /// Bound of each probe (at most 5m); Prometheus's scrape timeout, when shorter, bounds it
    /// too.
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "15s",
        value_parser = values::timeout,
        allow_hyphen_values = true
    )]
    pub probe_timeout: Duration,
    /// Warn when a certificate expires within this many days (0 to 36500).
    #[arg(
        long,
        value_name = "N",
        default_value = "30",
        value_parser = values::warn_days,
        allow_hyphen_values = true
    )]
    pub warn_days: i64,
    /// Once listening, write JSON {pid, listen, url, targets} to this file (written whole,
    /// then renamed into place); removed again when serve stops.
    #[arg(long, value_name = "FILE")]
    pub ready_file: Option<PathBuf>,
}

/// `mongotls demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The sandbox.
    #[command(flatten)]
    pub spec: SandboxSpec,
    /// Output format of the check report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Keep the sandbox's CA file in this directory (created if missing) as
    /// mongotls-sandbox-ca.pem; the report names that copy. Without it, the CA file is removed
    /// with the sandbox when the demo ends.
    #[arg(long, value_name = "DIR")]
    pub keep_ca: Option<PathBuf>,
    /// Do not show the live progress of the check on stderr (shown only when stderr is a
    /// terminal).
    #[arg(long)]
    pub no_progress: bool,
}

/// Options every command shares.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Warn when a certificate expires within this many days (0 to 36500).
    #[arg(
        long,
        value_name = "N",
        default_value = "30",
        value_parser = values::warn_days,
        allow_hyphen_values = true
    )]
    pub warn_days: i64,
    /// Judge as of this time instead of now (RFC 3339, e.g. 2027-01-01T00:00:00Z, or a date).
    #[arg(long, value_name = "TIME", value_parser = values::time)]
    pub at: Option<OffsetDateTime>,
    /// Exit 1 on warnings too, not only on failures; `verify` and `check` also fail on
    /// deviations from RFC 5280 and the CA/Browser Forum Baseline Requirements that clients
    /// tolerate (the `lint.*` findings).
    #[arg(long)]
    pub strict: bool,
}

/// `mongotls ca`.
#[derive(Debug, Args)]
pub struct CaArgs {
    /// CA bundle file(s): PEM, DER, PKCS#7 (.p7b) or the ZIP downloaded from the console.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `mongotls verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The CA bundle clients will trust (repeat for several files).
    #[arg(long, required = true, value_name = "FILE")]
    pub ca: Vec<PathBuf>,
    /// The chain the server presents: its certificate first, then intermediates (a MongoDB
    /// PEMKeyFile with the private key in it is fine: the key is ignored and never shown).
    #[arg(long, value_name = "FILE")]
    pub chain: PathBuf,
    /// The host name or IP address clients connect to.
    #[arg(long, value_name = "NAME", value_parser = values::host)]
    pub host: Option<ServerName<'static>>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}
