/*!
Deciding "issued by the same CA": issuer DN equal to the CA's subject, AKI equal to
its SKI when both exist, and every signature on the way verifying with the issuer's
key, up to a trust anchor (a `--ca` certificate, or the inferred CA).

Signature verification fails in the same way for a forged signature, an RSA key
under 2048 bits and RSASSA-PSS, so a failed step is classified before it is called
forged.
*/

use std::collections::{HashMap, HashSet};

use crate::certs::info::KeyAlgorithm;
use crate::certs::{self, Certificate};

/// Where the expected internal CA came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaSource {
    /// `--ca` files.
    Given,
    /// The most common issuer of the internal servers' certificates.
    Inferred,
    /// Neither given nor inferable (no certificate of an internal server).
    Unknown,
}

impl CaSource {
    pub fn as_str(self) -> &'static str {
        match self {
            CaSource::Given => "given",
            CaSource::Inferred => "inferred",
            CaSource::Unknown => "unknown",
        }
    }
}

/// How the expected CA was inferred, for the `ca-inferred` note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inference {
    /// `--ca` was given, or there was nothing to infer from.
    NotInferred,
    /// Several issuers each issued the most certificates: no CA can be inferred.
    Tied {
        /// Certificates each of them issued.
        count: usize,
        issuers: Vec<String>,
    },
    /// One issuer issued most of the certificates.
    Majority {
        subject: String,
        count: usize,
        total: usize,
        /// The CA's certificate was supplied, so signatures are verified.
        verified: bool,
    },
}

/// The CA every file-transfer server's certificate must chain to.
#[derive(Debug, Clone)]
pub struct ExpectedCa {
    pub source: CaSource,
    /// Trust anchors: `--ca` certificates, or the inferred CA's certificate when supplied.
    pub anchors: Vec<Certificate>,
    /// Subject DNs, for reports.
    pub subjects: Vec<String>,
    /// When inferred without the CA's certificate: the issuer DN (DER) and AKI to compare.
    pub name_only: Option<(Vec<u8>, Option<Vec<u8>>)>,
    pub inference: Inference,
}

impl ExpectedCa {
    /// The `--ca` certificates.
    pub fn given(anchors: Vec<Certificate>) -> Self {
        let subjects = anchors.iter().map(|c| c.info.subject.clone()).collect();
        ExpectedCa {
            source: CaSource::Given,
            anchors,
            subjects,
            name_only: None,
            inference: Inference::NotInferred,
        }
    }

    fn unknown(inference: Inference) -> Self {
        ExpectedCa {
            source: CaSource::Unknown,
            anchors: Vec::new(),
            subjects: Vec::new(),
            name_only: None,
            inference,
        }
    }

    /// Is `cert` itself one of the anchors?
    pub fn is_anchor(&self, cert: &Certificate) -> bool {
        self.anchors.iter().any(|a| {
            a.der == cert.der
                || (a.info.subject_der == cert.info.subject_der
                    && a.info.ski.is_some()
                    && a.info.ski == cert.info.ski)
        })
    }

    /// Infer the expected CA: the issuer (DN and key id) of most of `leaves` (the
    /// certificates paired with servers, each file once). Its certificate is taken
    /// from `pool` when supplied, so signatures can be verified.
    pub fn infer<'c>(
        leaves: impl IntoIterator<Item = &'c Certificate>,
        pool: &[&Certificate],
    ) -> Self {
        let mut counts: Vec<IssuerCount> = Vec::new();
        let mut at: HashMap<(&[u8], Option<&[u8]>), usize> = HashMap::new();
        for leaf in leaves {
            let i = &leaf.info;
            let key = (i.issuer_der.as_slice(), i.aki.as_deref());
            match at.get(&key) {
                Some(&n) => {
                    if let Some(c) = counts.get_mut(n) {
                        c.count += 1;
                    }
                }
                None => {
                    at.insert(key, counts.len());
                    counts.push(IssuerCount {
                        dn: i.issuer_der.clone(),
                        aki: i.aki.clone(),
                        name: i.issuer.clone(),
                        count: 1,
                    });
                }
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.count));
        let Some(top) = counts.first() else {
            return ExpectedCa::unknown(Inference::NotInferred);
        };
        let tied: Vec<String> = counts
            .iter()
            .filter(|c| c.count == top.count)
            .map(|c| c.name.clone())
            .collect();
        if tied.len() > 1 {
            return ExpectedCa::unknown(Inference::Tied {
                count: top.count,
                issuers: tied,
            });
        }
        let IssuerCount {
            dn,
            aki,
            name: subject,
            count,
        } = top.clone();
        let anchors: Vec<Certificate> = pool
            .iter()
            .filter(|c| {
                c.info.subject_der == dn
                    && (aki.is_none() || c.info.ski.is_none() || c.info.ski == aki)
            })
            .map(|c| (*c).clone())
            .take(1)
            .collect();
        let total = counts.iter().map(|c| c.count).sum();
        let verified = !anchors.is_empty();
        ExpectedCa {
            source: CaSource::Inferred,
            anchors,
            subjects: vec![subject.clone()],
            name_only: (!verified).then_some((dn, aki)),
            inference: Inference::Majority {
                subject,
                count,
                total,
                verified,
            },
        }
    }
}

/// How many server certificates one issuer (DN and key id) signed.
#[derive(Clone)]
struct IssuerCount {
    dn: Vec<u8>,
    aki: Option<Vec<u8>>,
    name: String,
    count: usize,
}

/// Longest chain followed from a server certificate to an anchor.
const MAX_CHAIN: usize = 8;

/// Why one signature in the chain did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepFailure {
    /// The signature does not verify with the named issuer's key: forged or corrupt.
    Forged,
    /// The issuer's RSA key is shorter than 2048 bits; not verified.
    WeakSigner { bits: u32 },
    /// The signature algorithm cannot be verified (RSASSA-PSS, MD5, …).
    Unsupported,
}

/// The verdict on one server certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Chains to the expected CA with every signature verified.
    Trusted,
    /// Names the inferred CA (DN and key id) whose certificate was not supplied.
    NamedOnly,
    /// No expected CA to compare with.
    NoExpectedCa,
    /// Does not chain to the expected CA by name: another CA issued it.
    OtherCa {
        /// The server certificate's issuer.
        issuer: String,
        /// Where the chain of supplied certificates ends, when beyond the issuer.
        top: Option<String>,
    },
    /// Names the expected CA (or a CA under it) but a signature does not verify.
    Unverified {
        /// Subject of the certificate whose signature failed.
        subject: String,
        /// Subject of the CA whose key was used.
        signer: String,
        failure: StepFailure,
    },
    /// Names a CA certificate of the expected CA's hierarchy, but its key identifier
    /// differs and no certificate with that key was supplied.
    KeyIdMismatch { issuer: String },
}

/// Index of every CA certificate known to the run, by subject DN.
pub struct Trust<'a> {
    ca: &'a ExpectedCa,
    by_subject: HashMap<&'a [u8], Vec<&'a Certificate>>,
    /// Subjects of the anchors and of CA certificates that chain to them.
    trusted_subjects: HashSet<&'a [u8]>,
}

impl<'a> Trust<'a> {
    pub fn new(ca: &'a ExpectedCa, pool: &[&'a Certificate]) -> Self {
        let mut seen: HashSet<&[u8]> = HashSet::new();
        let mut by_subject: HashMap<&'a [u8], Vec<&'a Certificate>> = HashMap::new();
        for c in pool.iter().copied().chain(ca.anchors.iter()) {
            // Only certificates that can issue others, once each (every server file
            // carries its own copy of the issuing CA).
            if !(c.info.is_ca || c.info.subject_der == c.info.issuer_der) || !seen.insert(&c.der) {
                continue;
            }
            by_subject
                .entry(c.info.subject_der.as_slice())
                .or_default()
                .push(c);
        }
        let mut trust = Trust {
            ca,
            by_subject,
            trusted_subjects: HashSet::new(),
        };
        let mut trusted: HashSet<&'a [u8]> = ca
            .anchors
            .iter()
            .map(|a| a.info.subject_der.as_slice())
            .collect();
        if let Some((dn, _)) = &ca.name_only {
            trusted.insert(dn.as_slice());
        }
        let cas: Vec<&'a Certificate> = trust.by_subject.values().flatten().copied().collect();
        for c in cas {
            if trust.walk(c) == Verdict::Trusted {
                trusted.insert(c.info.subject_der.as_slice());
            }
        }
        trust.trusted_subjects = trusted;
        trust
    }

    /// The expected CA this index was built for.
    pub fn expected(&self) -> &'a ExpectedCa {
        self.ca
    }

    /// Follow `leaf` up to an anchor, verifying each signature.
    pub fn walk(&self, leaf: &Certificate) -> Verdict {
        if self.ca.source == CaSource::Unknown {
            return Verdict::NoExpectedCa;
        }
        let mut current = leaf;
        let mut failed: Option<Verdict> = None;
        let mut named_only = false;
        let mut reached = false;
        for _ in 0..MAX_CHAIN {
            if self.ca.is_anchor(current) {
                reached = true;
                break;
            }
            if let Some((dn, aki)) = &self.ca.name_only
                && current.info.issuer_der == *dn
                && (aki.is_none() || current.info.aki.is_none() || current.info.aki == *aki)
            {
                reached = true;
                named_only = true;
                break;
            }
            let candidates: Vec<&Certificate> = self
                .by_subject
                .get(current.info.issuer_der.as_slice())
                .into_iter()
                .flatten()
                .copied()
                .filter(|c| c.der != current.der && certs::names_issuer(&current.info, &c.info))
                .collect();
            let Some(first) = candidates.first().copied() else {
                break;
            };
            let next = match candidates
                .iter()
                .copied()
                .find(|c| certs::verify_signature(current, c).is_ok())
            {
                Some(ok) => ok,
                None => {
                    if failed.is_none() {
                        failed = Some(Verdict::Unverified {
                            subject: current.info.subject.clone(),
                            signer: first.info.subject.clone(),
                            failure: classify(current, first),
                        });
                    }
                    first
                }
            };
            if next.der == current.der {
                break;
            }
            current = next;
        }
        match (reached, failed) {
            (true, None) if named_only => Verdict::NamedOnly,
            (true, None) => Verdict::Trusted,
            (true, Some(f)) => f,
            (false, Some(f)) if self.names_trusted(current) => f,
            (false, _) if self.names_trusted(current) => Verdict::KeyIdMismatch {
                issuer: current.info.issuer.clone(),
            },
            (false, _) => Verdict::OtherCa {
                issuer: leaf.info.issuer.clone(),
                top: (current.der != leaf.der).then(|| current.info.issuer.clone()),
            },
        }
    }

    /// Does `cert`'s issuer DN name the expected CA or a CA that chains to it?
    fn names_trusted(&self, cert: &Certificate) -> bool {
        self.trusted_subjects
            .contains(cert.info.issuer_der.as_slice())
    }
}

/// Why `cert`'s signature by `signer` did not verify.
fn classify(cert: &Certificate, signer: &Certificate) -> StepFailure {
    if !cert.info.signature_algorithm.accepted_by_lync() {
        return StepFailure::Unsupported;
    }
    match (&signer.info.key.algorithm, signer.info.key.bits) {
        (KeyAlgorithm::Rsa, Some(bits)) if bits < 2048 => StepFailure::WeakSigner { bits },
        _ => StepFailure::Forged,
    }
}
