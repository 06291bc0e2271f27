/*!
PKCS#7 / CMS `SignedData` certificate bags (`.p7b`, `.p7c`).

Only the `certificates [0] IMPLICIT SET` is read; signatures, CRLs and signer
infos are ignored. The walk is done with [`super::ber`] because Windows writes
BER with indefinite lengths, which DER-only decoders (the `cms` crate) refuse.

```text
ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }
SignedData  ::= SEQUENCE { version INTEGER, digestAlgorithms SET,
                           encapContentInfo SEQUENCE,
                           certificates [0] IMPLICIT SET OF CertificateChoices OPTIONAL,
                           crls [1] IMPLICIT … OPTIONAL, signerInfos SET }
```
*/

use super::t;

use super::ber::{
    self, BerError, CLASS_CONTEXT, CLASS_UNIVERSAL, TAG_INTEGER, TAG_OID, TAG_SEQUENCE, TAG_SET,
};

/// 1.2.840.113549.1.7.2 (signedData), content octets.
pub(crate) const OID_SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

/// Why a PKCS#7 structure could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Pkcs7Error {
    Ber(BerError),
    /// The ContentInfo holds something else than signedData (dotted OID).
    NotSignedData(String),
    /// The id of the message saying what is malformed.
    Malformed(&'static str),
    NoCertificates,
}

impl From<BerError> for Pkcs7Error {
    fn from(e: BerError) -> Self {
        Pkcs7Error::Ber(e)
    }
}

impl std::fmt::Display for Pkcs7Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pkcs7Error::Ber(e) => e.fmt(f),
            Pkcs7Error::NotSignedData(oid) => {
                f.write_str(&t!("errors-pkcs7-not-signed-data", oid = oid.as_str()))
            }
            Pkcs7Error::Malformed(id) => f.write_str(&crate::i18n::message(id, None)),
            Pkcs7Error::NoCertificates => f.write_str(&t!("errors-pkcs-no-certificates")),
        }
    }
}

/// Whether the first element inside `data`'s outer SEQUENCE is an OID, i.e.
/// `data` is shaped like a ContentInfo (certificates start with a SEQUENCE,
/// PFX files with an INTEGER).
pub(crate) fn is_content_info(data: &[u8]) -> bool {
    ber::read_header(data)
        .ok()
        .and_then(|h| data.get(h.header_len..))
        .and_then(|inner| ber::read_header(inner).ok())
        .is_some_and(|h| h.is(CLASS_UNIVERSAL, TAG_OID))
}

/// The encodings of the X.509 certificates in a ContentInfo, in file order.
/// Other certificate choices (attribute certificates…) are skipped.
pub(crate) fn certificates(data: &[u8]) -> Result<Vec<&[u8]>, Pkcs7Error> {
    let (content_info, _trailing) = ber::read_tlv(data, 0)?;
    expect(
        &content_info,
        CLASS_UNIVERSAL,
        TAG_SEQUENCE,
        "errors-pkcs7-content-info-not-sequence",
    )?;
    let mut items = ber::children(content_info.content, 1);
    let oid = items
        .next()
        .ok_or(Pkcs7Error::Malformed("errors-pkcs7-content-info-empty"))??;
    expect(
        &oid,
        CLASS_UNIVERSAL,
        TAG_OID,
        "errors-pkcs7-content-info-no-oid",
    )?;
    if oid.content != OID_SIGNED_DATA {
        return Err(Pkcs7Error::NotSignedData(
            ber::oid_to_string(oid.content).unwrap_or_else(|| t!("errors-pkcs7-invalid-oid")),
        ));
    }
    let explicit = items.next().ok_or(Pkcs7Error::Malformed(
        "errors-pkcs7-content-info-no-content",
    ))??;
    expect(
        &explicit,
        CLASS_CONTEXT,
        0,
        "errors-pkcs7-content-not-tagged",
    )?;
    let signed_data = ber::children(explicit.content, 2)
        .next()
        .ok_or(Pkcs7Error::Malformed("errors-pkcs7-signed-data-missing"))??;
    expect(
        &signed_data,
        CLASS_UNIVERSAL,
        TAG_SEQUENCE,
        "errors-pkcs7-signed-data-not-sequence",
    )?;

    let mut fields = ber::children(signed_data.content, 3);
    let version = next_field(&mut fields, "errors-pkcs7-no-version")?;
    expect(
        &version,
        CLASS_UNIVERSAL,
        TAG_INTEGER,
        "errors-pkcs7-version-not-integer",
    )?;
    let digests = next_field(&mut fields, "errors-pkcs7-no-digest-algorithms")?;
    expect(
        &digests,
        CLASS_UNIVERSAL,
        TAG_SET,
        "errors-pkcs7-digest-algorithms-not-set",
    )?;
    let encap = next_field(&mut fields, "errors-pkcs7-no-encap-content-info")?;
    expect(
        &encap,
        CLASS_UNIVERSAL,
        TAG_SEQUENCE,
        "errors-pkcs7-encap-content-info-not-sequence",
    )?;
    let Some(certs) = fields.next() else {
        return Err(Pkcs7Error::NoCertificates);
    };
    let certs = certs?;
    if !(certs.header.is(CLASS_CONTEXT, 0) && certs.header.constructed) {
        return Err(Pkcs7Error::NoCertificates);
    }
    let mut out = Vec::new();
    for choice in ber::children(certs.content, 4) {
        let choice = choice?;
        if choice.header.is(CLASS_UNIVERSAL, TAG_SEQUENCE) {
            out.push(choice.raw);
        }
    }
    if out.is_empty() {
        return Err(Pkcs7Error::NoCertificates);
    }
    Ok(out)
}

fn next_field<'a>(
    fields: &mut ber::Children<'a>,
    what: &'static str,
) -> Result<ber::Tlv<'a>, Pkcs7Error> {
    Ok(fields.next().ok_or(Pkcs7Error::Malformed(what))??)
}

fn expect(tlv: &ber::Tlv<'_>, class: u8, tag: u32, what: &'static str) -> Result<(), Pkcs7Error> {
    if tlv.header.is(class, tag) && (tlv.header.constructed || tag == TAG_OID || tag == TAG_INTEGER)
    {
        Ok(())
    } else {
        Err(Pkcs7Error::Malformed(what))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// DER TLV with a definite length.
    pub(crate) fn der(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let len = content.len();
        if len < 0x80 {
            out.push(len as u8);
        } else if len < 0x100 {
            out.extend_from_slice(&[0x81, len as u8]);
        } else {
            out.extend_from_slice(&[0x82, (len >> 8) as u8, len as u8]);
        }
        out.extend_from_slice(content);
        out
    }

    /// BER TLV with an indefinite length.
    pub(crate) fn indef(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag, 0x80];
        out.extend_from_slice(content);
        out.extend_from_slice(&[0, 0]);
        out
    }

    /// A certs-only SignedData around `certs`; `wrap` chooses the length form
    /// of every constructed value (what Windows does: all indefinite).
    pub(crate) fn signed_data(certs: &[&[u8]], wrap: fn(u8, &[u8]) -> Vec<u8>) -> Vec<u8> {
        let mut body = der(0x02, &[1]);
        body.extend(wrap(0x31, &[]));
        body.extend(wrap(
            0x30,
            &der(
                0x06,
                &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01],
            ),
        ));
        body.extend(wrap(0xa0, &certs.concat()));
        body.extend(wrap(0x31, &[]));
        let mut ci = der(0x06, OID_SIGNED_DATA);
        ci.extend(wrap(0xa0, &wrap(0x30, &body)));
        wrap(0x30, &ci)
    }

    #[test]
    fn definite_and_indefinite_forms_give_the_same_certificates() {
        let a = der(0x30, &[0x02, 0x01, 0x01]);
        let b = der(0x30, &[0x02, 0x01, 0x02]);
        for wrap in [der as fn(u8, &[u8]) -> Vec<u8>, indef] {
            let p7 = signed_data(&[&a, &b], wrap);
            assert!(is_content_info(&p7));
            let certs = certificates(&p7).unwrap();
            assert_eq!(certs, vec![&a[..], &b[..]]);
        }
    }

    #[test]
    fn no_certificates_is_an_error() {
        let p7 = signed_data(&[], indef);
        assert_eq!(certificates(&p7).unwrap_err(), Pkcs7Error::NoCertificates);
    }

    #[test]
    fn other_content_types_are_named() {
        let mut ci = der(
            0x06,
            &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01],
        );
        ci.extend(der(0xa0, &der(0x04, b"x")));
        let e = certificates(&der(0x30, &ci)).unwrap_err();
        assert_eq!(
            e,
            Pkcs7Error::NotSignedData("1.2.840.113549.1.7.1".to_owned())
        );
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let a = der(0x30, &[0x02, 0x01, 0x01]);
        for wrap in [der as fn(u8, &[u8]) -> Vec<u8>, indef] {
            let p7 = signed_data(&[&a], wrap);
            for n in 0..p7.len() {
                assert!(certificates(&p7[..n]).is_err(), "prefix {n}");
            }
        }
    }
}
