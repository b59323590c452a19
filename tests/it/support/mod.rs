pub mod auth_peers;
pub mod hostile;
pub mod inputs;
pub mod openssl;
pub mod peers;
pub mod pki;
pub mod report;
pub mod run;
