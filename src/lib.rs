//! mongotls: proves a MongoDB deployment's TLS is right, and explains exactly what is wrong
//! when it is not.
//!
//! The modules form layers; each imports only from its own layer and the ones below it, and
//! `tests/it/layers.rs` fails on any other import. From the bottom:
//!
//! 1. vocabulary: [`findings`] (codes, severities, verdicts), [`duration`] (`500ms`, `2m`, and
//!    milliseconds for reports), [`dates`] (RFC 3339, whole days), [`escape`] (server-chosen
//!    text kept harmless), [`i18n`] (every human-readable string, English and Chinese);
//! 2. engines without sockets: [`pki`] (CA bundles, certificates, chain verification; file
//!    reading in [`pki::load`] only), [`wire`] (MongoDB messages on byte slices), [`uri`]
//!    (connection strings), [`files`] (opening inputs and outputs without hanging on a pipe);
//! 3. [`net`]: DNS, TCP and TLS with a timeout and a duration per phase;
//! 4. per-member work: [`probe`] (one member), [`check`] (the replica set), [`bench`]
//!    (latency), [`sandbox`] (a loopback replica set with a throwaway PKI), [`wait`] (polling
//!    a set through a rolling restart; its timeline logic is pure);
//! 5. [`report`]: the structs of the output contract and their renderers;
//! 6. the face: [`cli`] (what the user typed), [`settings`] (validated), [`commands`] (read
//!    inputs, run the engines, build the report), and `main`.

pub mod bench;
pub mod check;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod driver;
pub mod duration;
pub mod escape;
pub mod files;
pub mod findings;
pub mod i18n;
pub mod net;
pub mod pki;
pub mod probe;
pub mod report;
pub mod sandbox;
pub mod settings;
pub mod uri;
pub mod wait;
pub mod wire;

pub use commands::{run, run_at, Outcome, RunError, EXIT_FAIL, EXIT_OK, EXIT_USAGE};
