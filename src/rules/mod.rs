/*!
The rule registry: every finding topocert can report has a stable kebab-case code,
a default severity, a one-line summary and a long explanation (`topocert explain`),
declared next to the check in its own file.
*/

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::Serialize;

use crate::certs::summary::Field;
use crate::topology::Topology;

/// Declares a rule: its code and default severity. Its summary and explanation are
/// the catalogue's `explain-<code>` message (`locales/*/explain.ftl`).
macro_rules! declare_rule {
    ($konst:ident, $code:literal, $sev:ident) => {
        #[doc = concat!("The `", $code, "` rule; explained by `explain-", $code, "` in locales/*/explain.ftl.")]
        pub const $konst: crate::rules::RuleInfo = crate::rules::RuleInfo {
            code: $code,
            default_severity: crate::rules::Severity::$sev,
        };
    };
}

/// `t!` for every rule module (textual scope): the crate's [`crate::t!`].
macro_rules! t {
    ($($arg:tt)*) => { crate::t!($($arg)*) };
}

pub mod ambiguous_certificate;
pub mod bare_host_name;
pub mod ca_inferred;
pub mod ca_mismatch;
pub mod cross_certified_chain;
pub mod duplicate_fqdn;
pub mod expired;
pub mod expires_soon;
pub mod invalid_fqdn;
pub mod issuer_not_supplied;
pub mod missing_certificate;
pub mod missing_crl_distribution_point;
pub mod missing_fqdn;
pub mod missing_server_auth;
pub mod missing_web_name;
pub mod name_mismatch;
pub mod no_persistent_chat_pool;
pub mod not_yet_valid;
pub mod orphan_certificate;
pub mod persistent_chat_unsupported;
pub mod probe_differs;
pub mod probe_failed;
pub mod sha1_signature;
pub mod unreadable_certificate;
pub mod unresolved_reference;
pub mod unsupported_signature_algorithm;
pub mod unused_ignore;
pub mod unverified_signature;
pub mod weak_key;

mod context;
mod sink;

pub use context::{FilesCx, ServerCx, TopologyCx, server_subject};
pub use sink::{Ignore, Level, Settings, Target};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Static facts of one rule (its texts are in the catalogue: [`Code::summary`],
/// [`Code::explanation`]).
#[derive(Debug)]
pub struct RuleInfo {
    pub code: &'static str,
    pub default_severity: Severity,
}

/// The four sections of a rule's explanation, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    What,
    Why,
    Fix,
    Example,
}

impl Section {
    pub const ALL: [Section; 4] = [Section::What, Section::Why, Section::Fix, Section::Example];

    fn attr(self) -> &'static str {
        match self {
            Section::What => "what",
            Section::Why => "why",
            Section::Fix => "fix",
            Section::Example => "example",
        }
    }

    /// The section's heading in the language of the run ("What it does").
    pub fn heading(self) -> String {
        crate::i18n::message(&format!("core-heading-{}", self.attr()), None)
    }
}

macro_rules! codes {
    ($($variant:ident => $module:ident :: $konst:ident,)*) => {
        /// Every finding code, in alphabetical order of the code string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn info(self) -> &'static RuleInfo {
                match self { $(Code::$variant => &$module::$konst,)* }
            }
        }
    };
}

codes! {
    AmbiguousCertificate => ambiguous_certificate::AMBIGUOUS_CERTIFICATE,
    BareHostName => bare_host_name::BARE_HOST_NAME,
    CaInferred => ca_inferred::CA_INFERRED,
    CaMismatch => ca_mismatch::CA_MISMATCH,
    CrossCertifiedChain => cross_certified_chain::CROSS_CERTIFIED_CHAIN,
    DuplicateFqdn => duplicate_fqdn::DUPLICATE_FQDN,
    Expired => expired::EXPIRED,
    ExpiresSoon => expires_soon::EXPIRES_SOON,
    InvalidFqdn => invalid_fqdn::INVALID_FQDN,
    IssuerNotSupplied => issuer_not_supplied::ISSUER_NOT_SUPPLIED,
    MissingCertificate => missing_certificate::MISSING_CERTIFICATE,
    MissingCrlDistributionPoint => missing_crl_distribution_point::MISSING_CRL_DISTRIBUTION_POINT,
    MissingFqdn => missing_fqdn::MISSING_FQDN,
    MissingServerAuth => missing_server_auth::MISSING_SERVER_AUTH,
    MissingWebName => missing_web_name::MISSING_WEB_NAME,
    NameMismatch => name_mismatch::NAME_MISMATCH,
    NoPersistentChatPool => no_persistent_chat_pool::NO_PERSISTENT_CHAT_POOL,
    NotYetValid => not_yet_valid::NOT_YET_VALID,
    OrphanCertificate => orphan_certificate::ORPHAN_CERTIFICATE,
    PersistentChatUnsupported => persistent_chat_unsupported::PERSISTENT_CHAT_UNSUPPORTED,
    ProbeDiffers => probe_differs::PROBE_DIFFERS,
    ProbeFailed => probe_failed::PROBE_FAILED,
    Sha1Signature => sha1_signature::SHA1_SIGNATURE,
    UnreadableCertificate => unreadable_certificate::UNREADABLE_CERTIFICATE,
    UnresolvedReference => unresolved_reference::UNRESOLVED_REFERENCE,
    UnsupportedSignatureAlgorithm => unsupported_signature_algorithm::UNSUPPORTED_SIGNATURE_ALGORITHM,
    UnusedIgnore => unused_ignore::UNUSED_IGNORE,
    UnverifiedSignature => unverified_signature::UNVERIFIED_SIGNATURE,
    WeakKey => weak_key::WEAK_KEY,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        self.info().code
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl FromStr for Code {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| t!("rules-unknown-code", code = s))
    }
}

/// What a finding is about, by index into the run's data (never by a display
/// string): the renderers and the summary table resolve it the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A machine of the topology (file-transfer servers are machines too): index of
    /// its cluster in `Topology::clusters` and of the machine in that cluster.
    Machine { cluster: usize, machine: usize },
    /// A pool: index in `Topology::clusters`.
    Pool(usize),
    /// A supplied certificate file: index into the report's files.
    File(usize),
    /// An `[[ignore]]` entry of the config: index into `Settings::ignores`.
    Ignore(usize),
}

impl Subject {
    /// The server (or pool) this subject names, as reports show it: a machine's
    /// FQDN (or "machine N of POOL" when it has none), a pool's FQDN.
    pub fn server_name(self, t: &Topology) -> Option<String> {
        match self {
            Subject::Machine { cluster, machine } => t.machine_name(cluster, machine),
            Subject::Pool(cluster) => t
                .clusters
                .get(cluster)?
                .fqdn
                .as_ref()
                .map(|f| f.to_string()),
            Subject::File(_) | Subject::Ignore(_) => None,
        }
    }
}

/// Where a label points. Each variant names its source: the topology, the config
/// file, or the summary of one certificate file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A byte range of the topology's decoded text.
    Topology(Range<usize>),
    /// A byte range of the config file's text.
    Config(Range<usize>),
    /// A field of the summary of certificate file `file`.
    Certificate { file: usize, field: Field },
}

/// A labelled place; a finding's first label is its primary location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub place: Place,
    pub text: String,
}

impl Code {
    /// The one-line summary, in the language of the run.
    pub fn summary(self) -> String {
        crate::i18n::message(&format!("explain-{}", self.as_str()), None)
    }

    /// One section of the explanation (markdown: paragraphs, `- ` lists, `code`).
    pub fn section(self, section: Section) -> String {
        crate::i18n::message(
            &format!("explain-{}.{}", self.as_str(), section.attr()),
            None,
        )
    }

    /// The explanation: the four sections under `## ` headings.
    pub fn explanation(self) -> String {
        Section::ALL
            .iter()
            .map(|s| format!("## {}\n{}", s.heading(), self.section(*s)))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// One reported problem (or note), located in the topology, the config and/or a
/// certificate.
#[derive(Debug, Clone)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// What the finding is about.
    pub subject: Option<Subject>,
    /// The certificate file concerned: index into the report's certificate files.
    pub certificate: Option<usize>,
    /// The first is the primary location.
    pub labels: Vec<Label>,
}

impl Finding {
    /// A finding with the rule's default severity; fill in the rest with the builders.
    pub fn new(code: Code, message: impl Into<String>, help: impl Into<String>) -> Self {
        Finding {
            code,
            severity: code.info().default_severity,
            message: message.into(),
            help: help.into(),
            subject: None,
            certificate: None,
            labels: Vec::new(),
        }
    }

    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }

    pub fn subject(mut self, s: Subject) -> Self {
        self.subject = Some(s);
        self
    }

    pub fn certificate(mut self, index: usize) -> Self {
        self.certificate = Some(index);
        self
    }

    /// Label a range of the topology.
    pub fn at(self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.label(Place::Topology(span), label)
    }

    /// Label a field of the summary of the finding's certificate file (set with
    /// [`Finding::certificate`] first).
    pub fn field(self, field: Field, label: impl Into<String>) -> Self {
        match self.certificate {
            Some(file) => self.label(Place::Certificate { file, field }, label),
            None => self,
        }
    }

    pub fn label(mut self, place: Place, text: impl Into<String>) -> Self {
        self.labels.push(Label {
            place,
            text: text.into(),
        });
        self
    }

    /// The first label in the topology: its span and text.
    pub fn topology_label(&self) -> Option<(&Range<usize>, &str)> {
        self.labels.iter().find_map(|l| match &l.place {
            Place::Topology(r) => Some((r, l.text.as_str())),
            _ => None,
        })
    }

    /// The label on the certificate summary: its field and text.
    pub fn certificate_label(&self) -> Option<(Field, &str)> {
        self.labels.iter().find_map(|l| match &l.place {
            Place::Certificate { field, .. } => Some((*field, l.text.as_str())),
            _ => None,
        })
    }

    /// The server (or pool) the finding is about, as reports name it.
    pub fn server_name(&self, t: &Topology) -> Option<String> {
        self.subject.and_then(|s| s.server_name(t))
    }

    /// The primary label.
    pub fn primary(&self) -> Option<&Label> {
        self.labels.first()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_sorted_and_documented() {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            codes, sorted,
            "codes must be unique and listed alphabetically"
        );
        for c in Code::ALL {
            let info = c.info();
            assert!(
                info.code
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
                    && !info.code.starts_with('-')
                    && !info.code.ends_with('-'),
                "{} is not kebab-case",
                info.code
            );
            let summary = c.summary();
            assert!(!summary.is_empty() && !summary.ends_with('.'));
            assert!(summary.chars().next().is_some_and(|ch| ch.is_lowercase()));
            for section in Section::ALL {
                let text = c.section(section);
                assert!(
                    !text.trim().is_empty() && !text.contains("explain-"),
                    "{}: missing {section:?}",
                    info.code
                );
            }
            assert_eq!(Code::from_str(c.as_str()), Ok(*c));
        }
    }

    /// The variants the fire cases of tests/codes.rs do not reach read as the
    /// English the code assembled before the catalogue.
    #[test]
    fn english_variants_read_as_before() {
        // Unit tests run in English (nothing sets the language).
        assert_eq!(
            t!(
                "rules-ambiguous-certificate",
                count = 25usize,
                fqdn = "a.x",
                others = 1usize,
                paths = "p, q",
                more = 5usize
            ),
            "25 certificates claim a.x (and 1 other server): p, q and 5 more"
        );
        assert_eq!(
            t!(
                "rules-ambiguous-certificate",
                count = 2usize,
                fqdn = "a.x",
                others = 3usize,
                paths = "p, q",
                more = 0usize
            ),
            "2 certificates claim a.x (and 3 other servers): p, q"
        );
        assert_eq!(
            t!(
                "rules-ca-inferred-majority",
                subject = "CN=I",
                keys = 2usize,
                count = 3usize,
                total = 4usize,
                roles = "r: 3",
                verified = "yes"
            ),
            "expected CA inferred as CN=I (one CA with 2 keys: it was renewed): it issued 3 of the 4 certificates of the topology's internal servers (r: 3)"
        );
        assert_eq!(
            t!(
                "rules-issuer-not-supplied",
                path = "p",
                fqdn = "f",
                subject = "CN=S",
                issuer = "CN=I",
                keyed = "no",
                key = ""
            ),
            "the chain of p for f stops at CN=S: the certificate of its issuer CN=I was not supplied"
        );
        assert_eq!(
            t!(
                "rules-issuer-not-supplied-help",
                issuing = "yes",
                issuer = "CN=I",
                keyed = "yes",
                key = "ab"
            ),
            "pass the issuing CA certificate, CN=I, key id ab, with --ca (or bundle it in the certificate file) so the chain can be checked; if it is not a CA of the internal PKI, request the certificate from the internal CA"
        );
        assert_eq!(
            t!(
                "rules-issuer-not-supplied-help",
                issuing = "no",
                issuer = "CN=I",
                keyed = "no",
                key = ""
            ),
            "pass the CA certificate, CN=I with --ca (or bundle it in the certificate file) so the chain can be checked; if it is not a CA of the internal PKI, request the certificate from the internal CA"
        );
        assert_eq!(
            t!(
                "rules-issuer-not-supplied-root-self",
                path = "p",
                fqdn = "f",
                issuer = "CN=R",
                keyed = "yes",
                key = "ab"
            ),
            "the chain of p for f ends at the root CN=R (key id ab), a key of that root that was not given with --ca"
        );
        assert_eq!(
            t!(
                "rules-issuer-not-supplied-root-help",
                issuer = "CN=R",
                keyed = "no",
                key = ""
            ),
            "the root CN=R was renewed: supply its certificate with --ca, or the cross-certificate that links that key to the new one"
        );
        assert_eq!(
            t!(
                "rules-name-mismatch",
                path = "p",
                fqdn = "f",
                missing = "m (w)",
                field = "cn",
                empty = "yes",
                shown = ""
            ),
            "certificate p for f does not cover m (w): its subject CN (it has no SAN extension) name nothing"
        );
        assert_eq!(
            t!(
                "rules-missing-certificate-help-many",
                names = "a, b",
                last = "c",
                fqdn = "a"
            ),
            "request a certificate from the internal CA with SAN a, b and c and pass it with --certs; run `topocert plan TOPOLOGY` for a's request"
        );
        assert_eq!(
            t!(
                "rules-unused-ignore-server",
                code = "expired",
                server = "fe01.x"
            ),
            "the suppression of expired for server fe01.x matched no finding"
        );
        assert_eq!(
            Code::from_str("nope"),
            Err("unknown rule code `nope` (see `topocert explain --all`)".to_string())
        );
    }

    #[test]
    fn code_set_is_stable() {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        insta::assert_snapshot!(codes.join("\n"));
    }
}
