/*!
Deciding "issued by the same CA", the way Windows (CryptoAPI) builds a chain.

- A CA is known by its subject DN; its keys are the public keys of the certificates
  with that DN. A CA renewed with a new key keeps its name, so it stays one CA.
- The candidates for a certificate's issuer are every supplied CA certificate (from
  `--ca` and from the certificate files) whose subject DN is the certificate's issuer
  DN and, when both are present, whose subject key identifier is its authority key
  identifier. Each candidate's key must verify the signature; the walk continues from
  a candidate that does, up to an anchor.
- An anchor is a subject DN **and public key** given with `--ca` (or the inferred
  CA's). Never certificate bytes, never DN + key identifier: a re-issued CA
  certificate with the same key is the same anchor, and a root that copies the
  name and key identifier of the internal root but holds another key never is. A
  certificate found only in a server's file proves nothing by itself.
- Cross-certificates (a CA certificate whose subject also exists as a self-signed
  root, issued by another CA; or a renewed root's old-key/new-key links) are
  candidates like any other.

Cost: every CA certificate is resolved once (memoized), each verifies its signature
at most once per distinct candidate key, and at most [`MAX_KEYS`] keys and
[`MAX_PER_KEY`] certificates per key are tried per step, so the work is linear in
the number of supplied CA certificates.

Signature verification fails in the same way for a forged signature, an RSA key
under 2048 bits and RSASSA-PSS, so a failed step is classified before it is called
forged.
*/

use std::collections::{HashMap, HashSet};

use crate::certs::info::{KeyAlgorithm, hex};
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
        /// The roles of the certificates it issued, with how many of each, in
        /// order of first appearance.
        roles: Vec<(&'static str, usize)>,
        /// The CA's certificate was supplied, so signatures are verified.
        verified: bool,
        /// Distinct key identifiers of the CA the certificates name (more than one
        /// for a CA renewed with a new key).
        keys: usize,
    },
}

/// The CA every file-transfer server's certificate must chain to.
#[derive(Debug, Clone)]
pub struct ExpectedCa {
    pub source: CaSource,
    /// Trust anchors: `--ca` certificates, or the inferred CA's certificates when
    /// supplied. Only their subject DN and public key count.
    pub anchors: Vec<Certificate>,
    /// Subject DNs, for reports (each once).
    pub subjects: Vec<String>,
    /// When inferred without the CA's certificate: the issuer DN (DER) and the key
    /// identifiers the certificates name (empty when they carry none).
    pub name_only: Option<(Vec<u8>, Vec<Vec<u8>>)>,
    pub inference: Inference,
}

impl ExpectedCa {
    /// The `--ca` certificates.
    pub fn given(anchors: Vec<Certificate>) -> Self {
        let mut subjects: Vec<String> = Vec::new();
        for a in &anchors {
            if !subjects.contains(&a.info.subject) {
                subjects.push(a.info.subject.clone());
            }
        }
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

    /// Is `cert`'s key (with its subject DN) one of the anchors?
    pub fn is_anchor(&self, cert: &Certificate) -> bool {
        self.anchors.iter().any(|a| {
            a.info.subject_der == cert.info.subject_der && a.public_key() == cert.public_key()
        })
    }

    /// Infer the expected CA: the issuer (by DN: a renewed CA is one CA) of most of
    /// `leaves` (the certificates of the topology's internal servers, each file
    /// once, with the role of the server each covers). Its certificates are taken
    /// from `pool` when supplied (those whose key identifier the leaves name), so
    /// signatures can be verified.
    pub fn infer<'c>(
        leaves: impl IntoIterator<Item = (&'c Certificate, &'static str)>,
        pool: &[&Certificate],
    ) -> Self {
        let mut counts: Vec<IssuerCount> = Vec::new();
        let mut at: HashMap<&[u8], usize> = HashMap::new();
        for (leaf, role) in leaves {
            let i = &leaf.info;
            let n = *at.entry(i.issuer_der.as_slice()).or_insert_with(|| {
                counts.push(IssuerCount {
                    dn: i.issuer_der.clone(),
                    akis: Vec::new(),
                    name: i.issuer.clone(),
                    count: 0,
                    roles: Vec::new(),
                });
                counts.len() - 1
            });
            if let Some(c) = counts.get_mut(n) {
                c.count += 1;
                match c.roles.iter_mut().find(|(r, _)| *r == role) {
                    Some((_, k)) => *k += 1,
                    None => c.roles.push((role, 1)),
                }
                if let Some(aki) = &i.aki
                    && !c.akis.contains(aki)
                {
                    c.akis.push(aki.clone());
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
            akis,
            name: subject,
            count,
            roles,
        } = top.clone();
        let mut seen: HashSet<&[u8]> = HashSet::new();
        let anchors: Vec<Certificate> = pool
            .iter()
            .filter(|c| {
                c.info.subject_der == dn
                    && (akis.is_empty() || c.info.ski.as_ref().is_none_or(|s| akis.contains(s)))
            })
            .filter(|c| seen.insert(c.public_key()))
            .map(|c| (*c).clone())
            .collect();
        let total = counts.iter().map(|c| c.count).sum();
        let verified = !anchors.is_empty();
        ExpectedCa {
            source: CaSource::Inferred,
            anchors,
            subjects: vec![subject.clone()],
            name_only: (!verified).then_some((dn, akis.clone())),
            inference: Inference::Majority {
                subject,
                count,
                total,
                roles,
                verified,
                keys: akis.len().max(1),
            },
        }
    }
}

/// How many server certificates one issuer (DN) signed, and with which key ids.
#[derive(Clone)]
struct IssuerCount {
    dn: Vec<u8>,
    akis: Vec<Vec<u8>>,
    name: String,
    count: usize,
    roles: Vec<(&'static str, usize)>,
}

/// Longest chain followed from a server certificate to an anchor.
const MAX_CHAIN: usize = 8;
/// Most distinct issuer keys tried for one certificate.
pub const MAX_KEYS: usize = 8;
/// Most certificates carrying one issuer key tried for one certificate.
pub const MAX_PER_KEY: usize = 4;

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

/// What is known about a CA name whose key was not supplied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renewal {
    /// No certificate of that name was supplied at all.
    Unknown,
    /// Certificates of that CA name were supplied, with other keys: a renewed CA.
    Ca,
    /// The same for a root (self-signed) CA: a renewed root.
    Root,
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
    /// A complete chain that ends at a CA that is not the internal one.
    OtherCa {
        /// The server certificate's issuer.
        issuer: String,
        /// The root the chain ends at, when beyond the issuer.
        top: Option<String>,
        /// The root copies the name (and key id) of an internal CA but holds
        /// another key: the SHA-1 of that key.
        impostor: Option<String>,
    },
    /// A signature in the chain does not verify, or cannot be verified.
    Unverified {
        /// Subject of the certificate whose signature failed.
        subject: String,
        /// Subject of the CA whose key was used.
        signer: String,
        failure: StepFailure,
    },
    /// The certificate holding the key of `issuer` was not supplied: the chain
    /// stops at `subject` and cannot be proved.
    IssuerNotSupplied {
        /// The certificate whose issuer is missing.
        subject: String,
        /// Its issuer DN.
        issuer: String,
        /// The key identifier it names (hex), when it names one.
        key_id: Option<String>,
        renewal: Renewal,
    },
}

/// Where a certificate of the chain came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A `--ca` file.
    Given,
    /// The server certificate's own file.
    OwnFile,
    /// Another supplied file (index into the report's files).
    OtherFile(usize),
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Given => "--ca",
            Origin::OwnFile => "own-file",
            Origin::OtherFile(_) => "other-file",
        }
    }
}

/// One certificate of a chain, from the server certificate up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub subject: String,
    /// Key identifier, lowercase hex.
    pub key_id: String,
    pub origin: Origin,
    /// Its key is an anchor (given with `--ca`, or the inferred CA's).
    pub anchor: bool,
}

/// The verdict with the chain that led to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub verdict: Verdict,
    /// The chain built, server certificate first; empty without an expected CA.
    pub chain: Vec<Link>,
    /// The cross-certificate a trusted chain passes through (its subject and
    /// issuer), when the chain reaches the internal CA only through one.
    pub cross: Option<(String, String)>,
}

/// Where a supplied CA certificate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Given,
    File(usize),
}

/// One certificate of the pool, with where it came from.
#[derive(Debug, Clone, Copy)]
pub struct PoolCert<'a> {
    pub cert: &'a Certificate,
    pub source: Source,
}

/// A distinct CA certificate of the pool.
struct Node<'a> {
    cert: &'a Certificate,
    given: bool,
    /// Files that carry it, in file order.
    files: Vec<usize>,
    anchor: bool,
    /// A self-signed certificate with this subject and key was supplied: this
    /// certificate, when issued by another name, is a cross-certificate.
    root_key: bool,
}

/// The result of resolving one certificate, without its chain.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Res {
    Trusted {
        weak: Option<(String, String, StepFailure)>,
    },
    NamedOnly,
    Other {
        top: usize,
    },
    Missing {
        subject: String,
        issuer: String,
        aki: Option<Vec<u8>>,
        renewal: Renewal,
    },
    Forged {
        subject: String,
        signer: String,
    },
}

impl Res {
    fn rank(&self) -> u8 {
        match self {
            Res::Trusted { weak: None } => 0,
            Res::Trusted { weak: Some(_) } => 1,
            Res::NamedOnly => 2,
            Res::Other { .. } => 3,
            Res::Missing { .. } => 4,
            Res::Forged { .. } => 5,
        }
    }
}

#[derive(Clone)]
enum Memo {
    Pending,
    Done(Res, Option<usize>),
}

/// Every CA certificate known to the run, resolved once.
pub struct Trust<'a> {
    ca: &'a ExpectedCa,
    nodes: Vec<Node<'a>>,
    by_subject: HashMap<&'a [u8], Vec<usize>>,
    memo: Vec<Memo>,
}

impl<'a> Trust<'a> {
    pub fn new(ca: &'a ExpectedCa, pool: &[PoolCert<'a>]) -> Self {
        let mut nodes: Vec<Node<'a>> = Vec::new();
        let mut at: HashMap<&[u8], usize> = HashMap::new();
        let given = ca.anchors.iter().map(|c| PoolCert {
            cert: c,
            source: Source::Given,
        });
        for p in given.chain(pool.iter().copied()) {
            let c = p.cert;
            // Only certificates that can issue others (every server file carries
            // its own copy of the issuing CA: one node, many files).
            if !(c.info.is_ca || c.is_self_issued()) && p.source != Source::Given {
                continue;
            }
            let n = *at.entry(&c.der).or_insert_with(|| {
                nodes.push(Node {
                    cert: c,
                    given: false,
                    files: Vec::new(),
                    anchor: ca.is_anchor(c),
                    root_key: false,
                });
                nodes.len() - 1
            });
            if let Some(node) = nodes.get_mut(n) {
                match p.source {
                    Source::Given => node.given = true,
                    Source::File(f) => {
                        if node.files.last() != Some(&f) {
                            node.files.push(f);
                        }
                    }
                }
            }
        }
        let roots: HashSet<(&[u8], &[u8])> = nodes
            .iter()
            .filter(|n| n.cert.is_self_issued())
            .map(|n| (n.cert.info.subject_der.as_slice(), n.cert.public_key()))
            .collect();
        let mut by_subject: HashMap<&'a [u8], Vec<usize>> = HashMap::new();
        for (i, n) in nodes.iter_mut().enumerate() {
            n.root_key = !n.cert.is_self_issued()
                && roots.contains(&(n.cert.info.subject_der.as_slice(), n.cert.public_key()));
            by_subject
                .entry(n.cert.info.subject_der.as_slice())
                .or_default()
                .push(i);
        }
        let count = nodes.len();
        let mut trust = Trust {
            ca,
            nodes,
            by_subject,
            memo: Vec::new(),
        };
        let mut memo = vec![None; count];
        for i in 0..count {
            trust.resolve_node(i, 0, &mut memo);
        }
        trust.memo = memo
            .into_iter()
            .map(|m| m.unwrap_or(Memo::Pending))
            .collect();
        trust
    }

    /// The expected CA this index was built for.
    pub fn expected(&self) -> &'a ExpectedCa {
        self.ca
    }

    fn resolve_node(&self, i: usize, depth: usize, memo: &mut [Option<Memo>]) -> Memo {
        if let Some(m) = memo.get(i).cloned().flatten() {
            return m;
        }
        let Some(node) = self.nodes.get(i) else {
            return Memo::Pending;
        };
        if let Some(slot) = memo.get_mut(i) {
            *slot = Some(Memo::Pending);
        }
        let done = if node.anchor {
            Memo::Done(Res::Trusted { weak: None }, None)
        } else if node.cert.is_self_issued()
            && (node.cert.info.aki.is_none() || node.cert.info.aki == node.cert.info.ski)
        {
            // A self-signed root that is not an anchor: the chain is complete
            // and ends here.
            Memo::Done(Res::Other { top: i }, None)
        } else {
            let (res, next) = self.resolve(node.cert, Some(i), depth, &mut Some(&mut *memo));
            Memo::Done(res, next)
        };
        if let Some(slot) = memo.get_mut(i) {
            *slot = Some(done.clone());
        }
        done
    }

    /// The best issuer of `cert` (a node, or the server certificate when `me` is
    /// `None`). With `memo`, unresolved candidates are resolved; without it (after
    /// `new`), every node is already resolved.
    fn resolve(
        &self,
        cert: &Certificate,
        me: Option<usize>,
        depth: usize,
        memo: &mut Option<&mut [Option<Memo>]>,
    ) -> (Res, Option<usize>) {
        let info = &cert.info;
        if let Some((dn, akis)) = &self.ca.name_only
            && info.issuer_der == *dn
            && (akis.is_empty() || info.aki.as_ref().is_none_or(|a| akis.contains(a)))
        {
            return (Res::NamedOnly, None);
        }
        let same_name = self
            .by_subject
            .get(info.issuer_der.as_slice())
            .map(Vec::as_slice)
            .unwrap_or_default();
        // Candidates grouped by key: a signature is verified once per key.
        let mut keys: Vec<(&[u8], Vec<usize>)> = Vec::new();
        for &n in same_name {
            let Some(node) = self.nodes.get(n) else {
                continue;
            };
            if Some(n) == me || !certs::names_issuer(info, &node.cert.info) {
                continue;
            }
            let key = node.cert.public_key();
            match keys.iter().position(|(k, _)| *k == key) {
                Some(at) => {
                    if let Some((_, v)) = keys.get_mut(at)
                        && v.len() < MAX_PER_KEY
                    {
                        v.push(n);
                    }
                }
                None if keys.len() < MAX_KEYS => keys.push((key, vec![n])),
                None => {}
            }
        }
        // Anchored keys first.
        keys.sort_by_key(|(_, v)| {
            !v.iter()
                .any(|&n| self.nodes.get(n).is_some_and(|x| x.anchor))
        });
        if keys.is_empty() {
            let renewal = if same_name.is_empty() {
                Renewal::Unknown
            } else if same_name
                .iter()
                .any(|&n| self.nodes.get(n).is_some_and(|x| x.cert.is_self_issued()))
            {
                Renewal::Root
            } else {
                Renewal::Ca
            };
            return (
                Res::Missing {
                    subject: info.subject.clone(),
                    issuer: info.issuer.clone(),
                    aki: info.aki.clone(),
                    renewal,
                },
                None,
            );
        }
        let mut best: Option<(Res, Option<usize>)> = None;
        let mut consider = |res: Res, next: Option<usize>| {
            if best.as_ref().is_none_or(|(b, _)| res.rank() < b.rank()) {
                best = Some((res, next));
            }
        };
        for (_, group) in &keys {
            let Some(first) = group.first().and_then(|&n| self.nodes.get(n)) else {
                continue;
            };
            let failure = match certs::verify_signature(cert, first.cert) {
                Ok(()) => None,
                Err(_) => Some(classify(cert, first.cert)),
            };
            if failure == Some(StepFailure::Forged) {
                consider(
                    Res::Forged {
                        subject: info.subject.clone(),
                        signer: first.cert.info.subject.clone(),
                    },
                    group.first().copied(),
                );
                continue;
            }
            for &n in group {
                let above = if depth >= MAX_CHAIN {
                    Memo::Pending
                } else {
                    match memo {
                        Some(m) => self.resolve_node(n, depth + 1, m),
                        None => self.memo.get(n).cloned().unwrap_or(Memo::Pending),
                    }
                };
                let Memo::Done(res, _) = above else {
                    // A loop, or a chain too long to follow.
                    continue;
                };
                let res = match (res, &failure) {
                    (Res::Trusted { weak: None }, Some(f)) => Res::Trusted {
                        weak: Some((
                            info.subject.clone(),
                            first.cert.info.subject.clone(),
                            f.clone(),
                        )),
                    },
                    (r, _) => r,
                };
                consider(res, Some(n));
            }
        }
        best.unwrap_or_else(|| {
            (
                Res::Missing {
                    subject: info.subject.clone(),
                    issuer: info.issuer.clone(),
                    aki: info.aki.clone(),
                    renewal: Renewal::Unknown,
                },
                None,
            )
        })
    }

    /// The verdict on `leaf`, found in file `file`, with its chain.
    pub fn walk(&self, leaf: &Certificate, file: Option<usize>) -> Outcome {
        if self.ca.source == CaSource::Unknown {
            return Outcome {
                verdict: Verdict::NoExpectedCa,
                chain: Vec::new(),
                cross: None,
            };
        }
        let (res, mut next) = if self.ca.is_anchor(leaf) {
            (Res::Trusted { weak: None }, None)
        } else {
            self.resolve(leaf, None, 0, &mut None)
        };
        let mut chain = vec![Link {
            subject: leaf.info.subject.clone(),
            key_id: hex(&leaf.key_id()),
            origin: Origin::OwnFile,
            anchor: self.ca.is_anchor(leaf),
        }];
        let mut cross = None;
        let mut seen = HashSet::new();
        while let Some(n) = next {
            let Some(node) = self.nodes.get(n) else { break };
            if !seen.insert(n) || chain.len() > MAX_CHAIN + 1 {
                break;
            }
            let origin = if node.given {
                Origin::Given
            } else if file.is_some_and(|f| node.files.contains(&f)) {
                Origin::OwnFile
            } else {
                node.files
                    .first()
                    .map_or(Origin::Given, |&f| Origin::OtherFile(f))
            };
            if node.root_key && cross.is_none() {
                cross = Some((
                    node.cert.info.subject.clone(),
                    node.cert.info.issuer.clone(),
                ));
            }
            chain.push(Link {
                subject: node.cert.info.subject.clone(),
                key_id: hex(&node.cert.key_id()),
                origin,
                anchor: node.anchor,
            });
            next = match self.memo.get(n) {
                Some(Memo::Done(_, nx)) => *nx,
                _ => None,
            };
        }
        let verdict = match res {
            Res::Trusted { weak: None } => Verdict::Trusted,
            Res::Trusted {
                weak: Some((subject, signer, failure)),
            } => Verdict::Unverified {
                subject,
                signer,
                failure,
            },
            Res::NamedOnly => Verdict::NamedOnly,
            Res::Forged { subject, signer } => Verdict::Unverified {
                subject,
                signer,
                failure: StepFailure::Forged,
            },
            Res::Missing {
                subject,
                issuer,
                aki,
                renewal,
            } => {
                if self.ca.source == CaSource::Inferred
                    && !self.ca.subjects.contains(&issuer)
                    && subject == leaf.info.subject
                {
                    // The inferred CA is known by its name only: another name
                    // is another CA.
                    Verdict::OtherCa {
                        issuer,
                        top: None,
                        impostor: None,
                    }
                } else {
                    Verdict::IssuerNotSupplied {
                        subject,
                        issuer,
                        key_id: aki.as_deref().map(hex),
                        renewal,
                    }
                }
            }
            Res::Other { top } => self.other_ca(leaf, top),
        };
        if verdict != Verdict::Trusted {
            cross = None;
        }
        Outcome {
            verdict,
            chain,
            cross,
        }
    }

    /// A complete chain ending at the self-signed `top` that is not an anchor.
    fn other_ca(&self, leaf: &Certificate, top: usize) -> Verdict {
        let Some(root) = self.nodes.get(top).map(|n| n.cert) else {
            return Verdict::OtherCa {
                issuer: leaf.info.issuer.clone(),
                top: None,
                impostor: None,
            };
        };
        let internal_name = self
            .ca
            .anchors
            .iter()
            .filter(|a| a.info.subject_der == root.info.subject_der)
            .collect::<Vec<_>>();
        if internal_name.is_empty() {
            return Verdict::OtherCa {
                issuer: leaf.info.issuer.clone(),
                top: (root.info.subject != leaf.info.issuer).then(|| root.info.subject.clone()),
                impostor: None,
            };
        }
        let copied_id =
            root.info.ski.is_some() && internal_name.iter().any(|a| a.info.ski == root.info.ski);
        if copied_id {
            // The name and the key identifier of an internal CA, another key.
            Verdict::OtherCa {
                issuer: leaf.info.issuer.clone(),
                top: Some(root.info.subject.clone()),
                impostor: Some(hex(&root.key_hash())),
            }
        } else {
            // The internal root's name with another key identifier: the root was
            // renewed and the chain ends at a key that was not supplied with --ca.
            Verdict::IssuerNotSupplied {
                subject: root.info.subject.clone(),
                issuer: root.info.subject.clone(),
                key_id: Some(hex(&root.key_id())),
                renewal: Renewal::Root,
            }
        }
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
