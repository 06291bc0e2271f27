/*!
A short, readable summary of a certificate, one field per line, used as the
"source" that certificate diagnostics point into. Each field's value has a
byte range so a label can sit exactly under the offending value.
*/

use std::ops::Range;

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};
use unicode_width::UnicodeWidthStr;

use super::Certificate;
use crate::t;

/// A field of the summary that a diagnostic can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Subject,
    Issuer,
    Serial,
    San,
    Eku,
    Cdp,
    NotBefore,
    NotAfter,
    Key,
    SignatureAlgorithm,
    Ski,
    Aki,
}

impl Field {
    /// Every field, in summary order.
    pub const ALL: [Field; 12] = [
        Field::Subject,
        Field::Issuer,
        Field::Serial,
        Field::San,
        Field::Eku,
        Field::Cdp,
        Field::NotBefore,
        Field::NotAfter,
        Field::Key,
        Field::SignatureAlgorithm,
        Field::Ski,
        Field::Aki,
    ];

    /// The line label, without the colon, in the language of the run (the
    /// Windows certificate dialog's terms in Japanese).
    pub fn label(self) -> String {
        match self {
            Field::Subject => t!("report-field-subject"),
            Field::Issuer => t!("report-field-issuer"),
            Field::Serial => t!("report-field-serial"),
            Field::San => t!("report-field-san"),
            Field::Eku => t!("report-field-eku"),
            Field::Cdp => t!("report-field-cdp"),
            Field::NotBefore => t!("report-field-not-before"),
            Field::NotAfter => t!("report-field-not-after"),
            Field::Key => t!("report-field-key"),
            Field::SignatureAlgorithm => t!("report-field-signature-algorithm"),
            Field::Ski => t!("report-field-ski"),
            Field::Aki => t!("report-field-aki"),
        }
    }
}

/// Summary text and the byte range of each field's value in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub text: String,
    pub fields: Vec<(Field, Range<usize>)>,
}

impl Summary {
    /// Byte range of `f`'s value in [`Summary::text`].
    pub fn span_of(&self, f: Field) -> Option<Range<usize>> {
        self.fields
            .iter()
            .find(|(field, _)| *field == f)
            .map(|(_, r)| r.clone())
    }
}

/// The summary of `cert`, its labels in the language of the run. The label column
/// is as wide as the widest label and its colon, plus one column (21 in English:
/// "Signature Algorithm: "), measured in display columns.
pub fn summary(cert: &Certificate) -> Summary {
    let info = &cert.info;
    let labels = Field::ALL.map(|f| format!("{}:", f.label()));
    let label_width = labels
        .iter()
        .map(|l| UnicodeWidthStr::width(l.as_str()))
        .max()
        .unwrap_or(0)
        + 1;
    let mut text = String::with_capacity(512);
    let mut fields = Vec::with_capacity(Field::ALL.len());
    for (field, label) in Field::ALL.into_iter().zip(&labels) {
        let value = match field {
            Field::Subject => or_none(info.subject.clone()),
            Field::Issuer => or_none(info.issuer.clone()),
            Field::Serial => or_none(info.serial_hex.clone()),
            Field::San => {
                if !info.has_san {
                    t!("report-field-none")
                } else if info.dns_names.is_empty() {
                    t!("report-field-no-dns")
                } else {
                    let mut s = String::new();
                    for (i, name) in info.dns_names.iter().enumerate() {
                        if i > 0 {
                            s.push_str(", ");
                        }
                        s.push_str("DNS:");
                        s.push_str(name);
                    }
                    s
                }
            }
            Field::Eku => match &info.eku {
                None => t!("report-field-none"),
                Some(list) if list.is_empty() => t!("report-field-empty"),
                Some(list) => list.join(", "),
            },
            Field::Cdp => match &info.crl_distribution_points {
                None => t!("report-field-none"),
                Some(list) if list.is_empty() => t!("report-field-no-uri"),
                Some(list) => list.join(", "),
            },
            Field::NotBefore => timestamp(info.not_before),
            Field::NotAfter => timestamp(info.not_after),
            Field::Key => info.key.to_string(),
            Field::SignatureAlgorithm => info.signature_algorithm.to_string(),
            Field::Ski => key_id(info.ski.as_deref()),
            Field::Aki => key_id(info.aki.as_deref()),
        };
        text.push_str(label);
        let pad = label_width.saturating_sub(UnicodeWidthStr::width(label.as_str()));
        text.extend(std::iter::repeat_n(' ', pad));
        let start = text.len();
        // Keep one field per line whatever the certificate holds.
        text.extend(value.chars().map(|c| if c.is_control() { ' ' } else { c }));
        fields.push((field, start..text.len()));
        text.push('\n');
    }
    Summary { text, fields }
}

fn or_none(s: String) -> String {
    if s.is_empty() {
        t!("report-field-empty")
    } else {
        s
    }
}

fn timestamp(t: OffsetDateTime) -> String {
    t.to_offset(UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

fn key_id(id: Option<&[u8]>) -> String {
    match id {
        None => t!("report-field-none"),
        Some([]) => t!("report-field-empty"),
        Some(bytes) => {
            let hex = super::info::hex(bytes);
            let mut out = String::with_capacity(hex.len() * 3 / 2);
            for (i, c) in hex.chars().enumerate() {
                if i > 0 && i % 2 == 0 {
                    out.push(':');
                }
                out.push(c);
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certs::{LoadOptions, load_bytes, testdata};

    #[test]
    fn every_field_has_a_span_on_its_own_line() {
        let file = load_bytes(
            "leaf.pem",
            testdata::LEAF_PEM.as_bytes(),
            &LoadOptions::default(),
        )
        .unwrap();
        let s = summary(&file.certs[file.leaf]);
        assert_eq!(s.fields.len(), 12);
        assert_eq!(s.text.lines().count(), 12);
        for (field, range) in &s.fields {
            let value = &s.text[range.clone()];
            assert!(!value.is_empty(), "{field:?}");
            assert!(!value.contains('\n'));
            let line_start = s.text[..range.start].rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(
                &s.text[line_start..range.start],
                format!("{:<21}", format!("{}:", field.label()))
            );
            assert_eq!(s.text.as_bytes().get(range.end), Some(&b'\n'));
        }
        let span = s.span_of(Field::San).unwrap();
        assert_eq!(
            &s.text[span],
            "DNS:pool01.contoso.local, DNS:fe01.contoso.local"
        );
        let span = s.span_of(Field::Key).unwrap();
        assert_eq!(&s.text[span], "RSA 2048 bits");
        let span = s.span_of(Field::NotBefore).unwrap();
        assert_eq!(&s.text[span], "2025-01-01T00:00:00Z");
        let span = s.span_of(Field::SignatureAlgorithm).unwrap();
        assert_eq!(&s.text[span], "sha256WithRSAEncryption");
        assert!(
            s.text
                .starts_with("Subject:             CN=pool01.contoso.local\n")
        );
        let ski = &s.text[s.span_of(Field::Ski).unwrap()];
        assert_eq!(ski.len(), 20 * 3 - 1);
        assert!(ski.split(':').all(|b| b.len() == 2));
    }

    #[test]
    fn absent_fields_say_none() {
        let file = load_bytes(
            "issuing.pem",
            testdata::ISSUING_PEM.as_bytes(),
            &LoadOptions::default(),
        )
        .unwrap();
        let s = summary(&file.certs[0]);
        assert_eq!(&s.text[s.span_of(Field::San).unwrap()], "(none)");
        assert_eq!(&s.text[s.span_of(Field::Eku).unwrap()], "(none)");
    }

    #[test]
    fn key_ids_are_colon_separated() {
        assert_eq!(key_id(Some(&[0xab, 0xcd, 0x01])), "ab:cd:01");
        assert_eq!(key_id(None), "(none)");
    }
}
