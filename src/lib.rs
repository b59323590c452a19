//! mongotls: proves a MongoDB deployment's TLS is right, and explains exactly what is wrong
//! when it is not.

pub mod findings;
pub mod pki;
