/*!
A minimal BER reader: just enough to sniff a binary file and to walk PKCS#7
`SignedData`, including the indefinite lengths Windows writes.

x509-parser parses the certificates themselves; this module only finds their
bytes. It never allocates and never indexes out of range: every read is a
checked `get`.
*/

use super::t;

/// Nesting bound for indefinite-length constructed values. Real PKCS#7 files
/// nest five or six levels; anything much deeper is hostile or broken.
pub(crate) const MAX_DEPTH: usize = 16;

/// Tag class bits of the identifier octet.
pub(crate) const CLASS_UNIVERSAL: u8 = 0;
pub(crate) const CLASS_CONTEXT: u8 = 2;

/// Universal tag numbers used by the loaders.
pub(crate) const TAG_INTEGER: u32 = 2;
pub(crate) const TAG_OID: u32 = 6;
pub(crate) const TAG_SEQUENCE: u32 = 16;
pub(crate) const TAG_SET: u32 = 17;

/// Why a BER structure could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BerError {
    /// The data ends before the declared length: `needed` more bytes at least.
    Truncated { declared: usize, present: usize },
    /// The data is not well-formed BER: the id of the message saying why.
    Malformed(&'static str),
    /// Indefinite-length values nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl std::fmt::Display for BerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BerError::Truncated { declared, present } => f.write_str(&t!(
                "errors-ber-truncated",
                declared = *declared,
                present = *present
            )),
            BerError::Malformed(id) => f.write_str(&crate::i18n::message(id, None)),
            BerError::TooDeep => f.write_str(&t!("errors-ber-too-deep", max = MAX_DEPTH)),
        }
    }
}

/// One decoded header: identifier and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub class: u8,
    pub constructed: bool,
    pub tag: u32,
    /// `None` = indefinite length.
    pub length: Option<usize>,
    /// Bytes taken by identifier + length octets.
    pub header_len: usize,
}

impl Header {
    pub(crate) fn is(&self, class: u8, tag: u32) -> bool {
        self.class == class && self.tag == tag
    }
}

/// One value: its header, its content (without end-of-contents octets for an
/// indefinite length) and its whole encoding.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tlv<'a> {
    pub header: Header,
    pub content: &'a [u8],
    pub raw: &'a [u8],
}

/// Read the identifier and length octets at the start of `input`.
pub(crate) fn read_header(input: &[u8]) -> Result<Header, BerError> {
    let first = *input.first().ok_or(BerError::Truncated {
        declared: 1,
        present: 0,
    })?;
    let class = first >> 6;
    let constructed = first & 0x20 != 0;
    let mut pos = 1usize;
    let mut tag = u32::from(first & 0x1f);
    if tag == 0x1f {
        // High tag number form: base-128, at most four octets for a u32 here.
        tag = 0;
        loop {
            let b = *input.get(pos).ok_or(BerError::Truncated {
                declared: pos + 1,
                present: input.len(),
            })?;
            pos += 1;
            if pos > 5 {
                return Err(BerError::Malformed("errors-ber-tag-too-large"));
            }
            tag = (tag << 7) | u32::from(b & 0x7f);
            if b & 0x80 == 0 {
                break;
            }
        }
    }
    let len_byte = *input.get(pos).ok_or(BerError::Truncated {
        declared: pos + 1,
        present: input.len(),
    })?;
    pos += 1;
    let length = if len_byte < 0x80 {
        Some(usize::from(len_byte))
    } else if len_byte == 0x80 {
        if !constructed {
            return Err(BerError::Malformed("errors-ber-indefinite-primitive"));
        }
        None
    } else {
        let n = usize::from(len_byte & 0x7f);
        if n > std::mem::size_of::<usize>().min(8) || len_byte == 0xff {
            return Err(BerError::Malformed("errors-ber-length-too-large"));
        }
        let bytes = input.get(pos..pos + n).ok_or(BerError::Truncated {
            declared: pos + n,
            present: input.len(),
        })?;
        pos += n;
        let mut len = 0usize;
        for &b in bytes {
            len = len
                .checked_mul(256)
                .and_then(|l| l.checked_add(usize::from(b)))
                .ok_or(BerError::Malformed("errors-ber-length-too-large"))?;
        }
        Some(len)
    };
    Ok(Header {
        class,
        constructed,
        tag,
        length,
        header_len: pos,
    })
}

/// Read one complete value at the start of `input`; return it and the rest.
/// `depth` is the number of enclosing indefinite-length values already open.
pub(crate) fn read_tlv(input: &[u8], depth: usize) -> Result<(Tlv<'_>, &[u8]), BerError> {
    let header = read_header(input)?;
    let body = input.get(header.header_len..).unwrap_or_default();
    match header.length {
        Some(len) => {
            let content = body.get(..len).ok_or(BerError::Truncated {
                declared: header.header_len.saturating_add(len),
                present: input.len(),
            })?;
            let total = header.header_len + len;
            let raw = input.get(..total).unwrap_or_default();
            let rest = input.get(total..).unwrap_or_default();
            Ok((
                Tlv {
                    header,
                    content,
                    raw,
                },
                rest,
            ))
        }
        None => {
            if depth >= MAX_DEPTH {
                return Err(BerError::TooDeep);
            }
            // Children until the end-of-contents octets 00 00.
            let mut cursor = body;
            loop {
                if cursor.starts_with(&[0, 0]) {
                    let content_len = body.len() - cursor.len();
                    let content = body.get(..content_len).unwrap_or_default();
                    let total = header.header_len + content_len + 2;
                    let raw = input.get(..total).unwrap_or_default();
                    let rest = input.get(total..).unwrap_or_default();
                    return Ok((
                        Tlv {
                            header,
                            content,
                            raw,
                        },
                        rest,
                    ));
                }
                if cursor.is_empty() {
                    return Err(BerError::Malformed("errors-ber-no-end-of-contents"));
                }
                let (_, next) = read_tlv(cursor, depth + 1)?;
                cursor = next;
            }
        }
    }
}

/// Iterate the children of a constructed value's content.
pub(crate) fn children(content: &[u8], depth: usize) -> Children<'_> {
    Children {
        rest: content,
        depth,
        failed: false,
    }
}

pub(crate) struct Children<'a> {
    rest: &'a [u8],
    depth: usize,
    failed: bool,
}

impl<'a> Iterator for Children<'a> {
    type Item = Result<Tlv<'a>, BerError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.rest.is_empty() {
            return None;
        }
        match read_tlv(self.rest, self.depth) {
            Ok((tlv, rest)) => {
                self.rest = rest;
                Some(Ok(tlv))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

/// Dotted form of an OBJECT IDENTIFIER's content octets, e.g. "1.2.840.113549.1.7.2".
pub(crate) fn oid_to_string(content: &[u8]) -> Option<String> {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(content.len() * 3);
    let mut value: u64 = 0;
    let mut first = true;
    if content.is_empty() || content.last().is_some_and(|b| b & 0x80 != 0) {
        return None;
    }
    for &b in content {
        if value == 0 && b == 0x80 {
            // Non-minimal encoding (leading 0x80 octet).
            return None;
        }
        value = value.checked_mul(128)? | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if first {
                let (a, rest) = match value {
                    0..=39 => (0, value),
                    40..=79 => (1, value - 40),
                    _ => (2, value - 80),
                };
                let _ = write!(out, "{a}.{rest}");
                first = false;
            } else {
                let _ = write!(out, ".{value}");
            }
            value = 0;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_lengths() {
        let h = read_header(&[0x30, 0x03, 1, 2, 3]).unwrap();
        assert_eq!(h.length, Some(3));
        assert_eq!(h.header_len, 2);
        assert!(h.constructed);
        assert_eq!(h.tag, TAG_SEQUENCE);
        let h = read_header(&[0x30, 0x82, 0x01, 0x00]).unwrap();
        assert_eq!(h.length, Some(256));
        assert_eq!(h.header_len, 4);
    }

    #[test]
    fn truncated_values_are_errors() {
        assert!(matches!(
            read_tlv(&[0x30, 0x05, 1, 2], 0),
            Err(BerError::Truncated { .. })
        ));
        assert!(read_header(&[]).is_err());
        assert!(read_header(&[0x30]).is_err());
        assert!(read_header(&[0x30, 0x82, 0x01]).is_err());
        assert!(read_header(&[0x1f, 0x81]).is_err());
    }

    #[test]
    fn indefinite_lengths_nest() {
        // SEQUENCE(indef) { [0](indef) { INTEGER 5 } }  rest: 0xAA
        let data = [0x30, 0x80, 0xa0, 0x80, 0x02, 0x01, 0x05, 0, 0, 0, 0, 0xaa];
        let (tlv, rest) = read_tlv(&data, 0).unwrap();
        assert_eq!(rest, &[0xaa]);
        assert_eq!(tlv.raw.len(), 11);
        assert_eq!(tlv.content, &[0xa0, 0x80, 0x02, 0x01, 0x05, 0, 0]);
        let inner: Vec<_> = children(tlv.content, 1).collect();
        assert_eq!(inner.len(), 1);
        let inner = inner[0].as_ref().unwrap();
        assert!(inner.header.is(CLASS_CONTEXT, 0));
        assert_eq!(inner.content, &[0x02, 0x01, 0x05]);
    }

    #[test]
    fn missing_end_of_contents_is_an_error() {
        assert!(read_tlv(&[0x30, 0x80, 0x02, 0x01, 0x05], 0).is_err());
        assert!(read_tlv(&[0x04, 0x80, 0, 0], 0).is_err());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let mut data = Vec::new();
        for _ in 0..40 {
            data.extend_from_slice(&[0x30, 0x80]);
        }
        for _ in 0..40 {
            data.extend_from_slice(&[0, 0]);
        }
        assert_eq!(read_tlv(&data, 0).unwrap_err(), BerError::TooDeep);
        // Within the bound it is fine.
        let ok = [0x30, 0x80, 0x30, 0x80, 0, 0, 0, 0];
        assert!(read_tlv(&ok, 0).is_ok());
    }

    #[test]
    fn oid_strings() {
        let signed_data = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
        assert_eq!(
            oid_to_string(&signed_data).as_deref(),
            Some("1.2.840.113549.1.7.2")
        );
        assert_eq!(
            oid_to_string(&[0x55, 0x1d, 0x25]).as_deref(),
            Some("2.5.29.37")
        );
        assert_eq!(oid_to_string(&[]), None);
        assert_eq!(oid_to_string(&[0x2a, 0x86]), None);
    }
}
