//! The integration tests: one test crate (one build, one link) whose modules each cover one
//! side of mongotls through the binary or the library, with one shared `support` module (the
//! test PKI, fixture servers, independent peers, the bounded binary runner).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

mod support;

mod bench;
mod check;
mod cli;
mod cli_face;
mod client_cert;
mod days;
mod driver;
mod first_hour;
mod fleet;
mod formats;
mod fuzz_targets;
mod help_zh;
mod hostile;
mod hostile_inputs;
mod i18n;
mod independent_auth_server;
mod independent_bench;
mod independent_hostile;
mod independent_server;
mod layers;
mod limbo;
mod limbo_clients;
mod openssl_acceptance;
mod openssl_engine;
mod pki_i18n;
mod pki_support_selftest;
mod progress;
mod prometheus_real;
mod readme;
mod redaction;
mod sandbox_auth;
mod sandbox_script;
mod serve;
mod snapshots;
mod srv;
mod terminal;
mod uri_i18n;
mod wait;
