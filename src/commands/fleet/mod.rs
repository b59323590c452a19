//! `mongotls check --targets FILE`: many deployments, each checked exactly as `check` checks
//! one.

// Used by `check --targets` (next) and `serve --targets`.
#[allow(dead_code)]
pub(crate) mod targets;
