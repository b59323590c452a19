//! The certificate engine: loading CA bundles and chains, inspecting certificates, verifying
//! presented chains. Everything here except [`load`] is pure: no I/O, and the current time is a
//! parameter.

pub mod bundle;
pub mod ca_check;
pub mod client_cert;
pub mod clients;
pub mod dn;
pub mod inspect;
pub mod load;
pub mod signature;
pub mod verify;
