//! The TLS client of the probe: rustls, configured to complete the handshake whatever the
//! certificate, so that the chain is captured exactly as presented and judged afterwards by the
//! PKI engine (with every finding, not rustls' first error).
//!
//! Why accepting any certificate is safe here: the probe never sends a secret over this
//! connection (no authentication, only `hello`, `ping` and `buildInfo`), and the verdict on the
//! chain comes from [`crate::pki::verify`], which is never skipped. The handshake signature
//! (CertificateVerify) is still checked, so the server has to hold the key of the certificate
//! it presents.

use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::ResolvesClientCert;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::sign::CertifiedKey;
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};

/// What the handshake revealed, filled in as it progresses, so a failed handshake still tells
/// what the server presented and asked for.
#[derive(Debug, Default)]
pub struct Observed {
    /// The certificates the server presented, in order, as DER.
    pub chain: Vec<Vec<u8>>,
    /// The server sent a CertificateRequest (it wants a client certificate).
    pub client_cert_requested: bool,
    /// We had a client certificate to offer.
    pub client_cert_offered: bool,
}

/// Shared handle to what the verifier and the certificate resolver observed.
pub type ObservedHandle = Arc<Mutex<Observed>>;

#[derive(Debug)]
struct CapturingVerifier {
    provider: Arc<CryptoProvider>,
    observed: ObservedHandle,
}

impl ServerCertVerifier for CapturingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut o) = self.observed.lock() {
            o.chain = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|c| c.as_ref().to_vec())
                .collect();
        }
        // Judged later by crate::pki::verify, with every finding.
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// Offers the configured client certificate (if any) and records that the server asked.
#[derive(Debug)]
struct RecordingClientCert {
    key: Option<Arc<CertifiedKey>>,
    observed: ObservedHandle,
}

impl ResolvesClientCert for RecordingClientCert {
    fn resolve(
        &self,
        _root_hint_subjects: &[&[u8]],
        _sigschemes: &[SignatureScheme],
    ) -> Option<Arc<CertifiedKey>> {
        if let Ok(mut o) = self.observed.lock() {
            o.client_cert_requested = true;
            o.client_cert_offered = self.key.is_some();
        }
        self.key.clone()
    }

    fn has_certs(&self) -> bool {
        true
    }
}

/// A client certificate and key (from `tlsCertificateKeyFile`).
#[derive(Debug)]
pub struct ClientIdentity {
    /// The certificate chain, leaf first.
    pub chain: Vec<CertificateDer<'static>>,
    /// The private key.
    pub key: PrivateKeyDer<'static>,
}

/// The crypto provider used everywhere: rustls with ring.
pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A client configuration for one probe connection, and the handle its callbacks fill in.
pub fn client_config(
    identity: Option<&ClientIdentity>,
) -> Result<(Arc<ClientConfig>, ObservedHandle), rustls::Error> {
    client_config_with(identity, false)
}

/// Like [`client_config`]; with `resumption` the configuration keeps session tickets (TLS 1.3
/// PSK, TLS 1.2 tickets and IDs) so that later connections made with it can resume, otherwise
/// every handshake is a full one.
pub fn client_config_with(
    identity: Option<&ClientIdentity>,
    resumption: bool,
) -> Result<(Arc<ClientConfig>, ObservedHandle), rustls::Error> {
    let provider = provider();
    let observed: ObservedHandle = Arc::default();
    let key = match identity {
        Some(id) => {
            let signing = provider.key_provider.load_private_key(id.key.clone_key())?;
            Some(Arc::new(CertifiedKey::new(id.chain.clone(), signing)))
        }
        None => None,
    };
    let mut config = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(CapturingVerifier {
            provider,
            observed: observed.clone(),
        }))
        .with_client_cert_resolver(Arc::new(RecordingClientCert {
            key,
            observed: observed.clone(),
        }));
    config.resumption = if resumption {
        rustls::client::Resumption::in_memory_sessions(64)
    } else {
        rustls::client::Resumption::disabled()
    };
    Ok((Arc::new(config), observed))
}
