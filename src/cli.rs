//! Command-line definitions (clap) and nothing else: what the user typed, before validation.
//! [`crate::settings`] turns these into validated settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::report::Format;

/// Proves a MongoDB deployment's TLS is right, and explains exactly what is wrong when it is not.
#[derive(Debug, Parser)]
#[command(name = "mongotls", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a CA bundle (PEM, DER, PKCS#7, or the console's ZIP) and report what is in it and
    /// what is wrong with it.
    Ca(CaArgs),
    /// Judge a server's certificate chain against a CA bundle, offline, for a host name and a
    /// point in time, the way MongoDB clients will.
    Verify(VerifyArgs),
}

/// Options every command shares.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Warn when a certificate expires within this many days.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub warn_days: i64,
    /// Judge as of this time instead of now (RFC 3339, e.g. 2027-01-01T00:00:00Z, or a date).
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Exit 1 on warnings too, not only on failures.
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
    #[arg(long, value_name = "NAME")]
    pub host: Option<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}
