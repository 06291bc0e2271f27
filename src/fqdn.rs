/*!
Fully qualified domain names as the topology and certificates spell them: compared
case-insensitively, displayed as written.
*/

use std::fmt;
use std::hash::{Hash, Hasher};

/// A DNS name compared without regard to ASCII case (and a trailing dot).
#[derive(Debug, Clone)]
pub struct Fqdn {
    text: String,
    key: String,
}

impl Fqdn {
    /// The name `text`; the absolute form (`se01.litware.local.`, one final dot)
    /// names the same host and is kept without its dot.
    pub fn new(text: impl Into<String>) -> Self {
        let text: String = text.into();
        let text = match text.strip_suffix('.') {
            Some(rest) if !rest.is_empty() && !rest.ends_with('.') => rest.to_string(),
            _ => text,
        };
        let key = text.trim_end_matches('.').to_ascii_lowercase();
        Fqdn { text, key }
    }

    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The lowercase comparison key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The first label (`fe01` of `fe01.contoso.local`).
    pub fn host(&self) -> &str {
        self.key.split('.').next().unwrap_or(&self.key)
    }

    /// True when the name has no dot (a bare host name).
    pub fn is_bare(&self) -> bool {
        !self.key.contains('.')
    }

    /// Why this is not a usable DNS host name, if it is not.
    pub fn problem(&self) -> Option<String> {
        let t = self.text.trim();
        if t.is_empty() {
            return Some(crate::t!("rules-fqdn-empty"));
        }
        if t.contains('$') {
            return Some(crate::t!("rules-fqdn-variable", name = t));
        }
        if let Some(bad) = t
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.' || *c == '_'))
        {
            return Some(crate::t!(
                "rules-fqdn-character",
                name = t,
                char = bad.to_string()
            ));
        }
        if t.split('.').any(|l| l.is_empty() || l.len() > 63) || t.len() > 253 {
            return Some(crate::t!("rules-fqdn-label-length", name = t));
        }
        if let Some(l) = t
            .split('.')
            .find(|l| l.starts_with('-') || l.ends_with('-'))
        {
            return Some(crate::t!("rules-fqdn-hyphen", name = t, label = l));
        }
        None
    }

    /// Does the DNS name `pattern` (from a certificate) cover this name? The one
    /// matcher of the crate (pairing, the name rules and `plan --check` call it).
    /// Wildcards follow RFC 6125 §6.4.3: `*` only as the whole left-most label,
    /// matching exactly one non-empty label, and never over a single label (`*.local`)
    /// or a public suffix of the `co.uk` / `com.au` shape (a CA must not issue those).
    pub fn matched_by(&self, pattern: &str) -> bool {
        let pattern = pattern.trim().trim_end_matches('.');
        if let Some(rest) = pattern.strip_prefix("*.") {
            if rest.contains('*') || !rest.contains('.') || is_public_suffix_shape(rest) {
                return false;
            }
            match self.key.split_once('.') {
                Some((first, tail)) => !first.is_empty() && tail.eq_ignore_ascii_case(rest),
                None => false,
            }
        } else {
            pattern.eq_ignore_ascii_case(&self.key)
        }
    }
}

/// A two-label suffix made of a generic second-level label under a two-letter
/// country code (`co.uk`, `com.au`, `ac.jp`): registries sell names below these, so a
/// wildcard over one would cover unrelated organisations. Without the full public
/// suffix list this is the shape that matters for certificates seen in practice.
fn is_public_suffix_shape(suffix: &str) -> bool {
    let mut labels = suffix.split('.');
    match (labels.next(), labels.next(), labels.next()) {
        (Some(sld), Some(tld), None) => {
            tld.len() == 2
                && tld.chars().all(|c| c.is_ascii_alphabetic())
                && [
                    "co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go",
                ]
                .iter()
                .any(|g| sld.eq_ignore_ascii_case(g))
        }
        _ => false,
    }
}

impl PartialEq for Fqdn {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Fqdn {}

impl Hash for Fqdn {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

impl PartialOrd for Fqdn {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Fqdn {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

impl fmt::Display for Fqdn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_case_insensitively() {
        assert_eq!(
            Fqdn::new("FE01.Contoso.local"),
            Fqdn::new("fe01.contoso.LOCAL.")
        );
        assert_eq!(
            Fqdn::new("FE01.Contoso.local").to_string(),
            "FE01.Contoso.local"
        );
    }

    #[test]
    fn wildcard_matches_one_left_label_only() {
        let f = Fqdn::new("fe01.contoso.local");
        assert!(f.matched_by("*.CONTOSO.local"));
        assert!(!f.matched_by("*.local"));
        assert!(!Fqdn::new("a.fe01.contoso.local").matched_by("*.contoso.local"));
        assert!(!f.matched_by("f*.contoso.local"));
        assert!(!f.matched_by("*.*.local"));
        assert!(f.matched_by("fe01.contoso.local"));
        assert!(!Fqdn::new("contoso.co.uk").matched_by("*.co.uk"));
        assert!(!Fqdn::new("contoso.com.au").matched_by("*.COM.au"));
        assert!(Fqdn::new("meet.contoso.co.uk").matched_by("*.contoso.co.uk"));
        assert!(!Fqdn::new(".contoso.local").matched_by("*.contoso.local"));
    }

    #[test]
    fn problems_are_named() {
        assert!(
            Fqdn::new("$SkypeFQDN")
                .problem()
                .unwrap()
                .contains("script variable")
        );
        assert!(Fqdn::new("fe 01.x").problem().is_some());
        assert!(Fqdn::new("fe01..x").problem().is_some());
        assert!(Fqdn::new("fe01.contoso.local").problem().is_none());
        // The absolute form is the same name.
        let abs = Fqdn::new("se01.litware.local.");
        assert!(abs.problem().is_none());
        assert_eq!(abs.as_str(), "se01.litware.local");
        assert_eq!(abs, Fqdn::new("SE01.litware.local"));
        assert!(Fqdn::new("se01.litware.local..").problem().is_some());
        assert!(Fqdn::new(".").problem().is_some());
        for bad in [
            "-se01.litware.local",
            "se01-.litware.local",
            "se01.-x.local",
        ] {
            assert!(
                Fqdn::new(bad).problem().unwrap().contains("hyphen"),
                "{bad}"
            );
        }
        assert!(Fqdn::new("se-01.lit-ware.local").problem().is_none());
    }
}
