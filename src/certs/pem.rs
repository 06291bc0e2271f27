/*!
PEM scanning: every `-----BEGIN LABEL-----` … `-----END LABEL-----` block of a
text, with arbitrary text before, between and after blocks, CRLF or LF line
ends and RFC 1421 header lines (`Proc-Type:`) inside a block.

Written here rather than taken from x509-parser's `Pem::iter_from_buffer`
because that one skips a first block preceded by a UTF-8 BOM, cannot say which
block was bad, and allocates a `String` per line.
*/

use super::t;

/// One PEM block as found in the text (not yet base64-decoded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block<'a> {
    /// 1-based position among all blocks of the text, whatever their label.
    pub index: usize,
    /// The label between `BEGIN ` and the closing dashes, e.g. `CERTIFICATE`.
    pub label: &'a str,
    /// The lines between the BEGIN and END lines.
    pub body: &'a [u8],
}

/// A block whose framing is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FramingError {
    pub index: usize,
    pub reason: String,
}

const BEGIN: &[u8] = b"-----BEGIN ";
const END: &[u8] = b"-----END ";
const DASHES: &[u8] = b"-----";

/// Whether `text` contains a PEM BEGIN line marker at all.
pub(crate) fn has_begin_marker(text: &[u8]) -> bool {
    find(text, BEGIN).is_some()
}

/// All blocks of `text`, in order. Stops at the first block whose framing is
/// broken (no END line, END label differs, bad BEGIN line).
pub(crate) fn blocks(text: &[u8]) -> Result<Vec<Block<'_>>, FramingError> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut index = 0usize;
    while let Some(at) = find(rest, BEGIN) {
        index += 1;
        let after_begin = rest.get(at + BEGIN.len()..).unwrap_or_default();
        let (label_line, after_line) = split_line(after_begin);
        let label = label_line
            .strip_suffix(DASHES)
            .and_then(|l| std::str::from_utf8(l).ok())
            .filter(|l| !l.trim().is_empty() && !l.contains('-'))
            .ok_or_else(|| FramingError {
                index,
                reason: t!("errors-pem-bad-begin"),
            })?;
        let label = label.trim();
        // The next dashes after the BEGIN line must start this block's END line
        // (base64 has no '-'; one scan finds both the END line and a missing one).
        let end_at = find(after_line, DASHES)
            .filter(|&at| after_line.get(at..).is_some_and(|t| t.starts_with(END)))
            .ok_or_else(|| FramingError {
                index,
                reason: t!("errors-pem-no-end", label = label),
            })?;
        let body = after_line.get(..end_at).unwrap_or_default();
        let after_end = after_line.get(end_at + END.len()..).unwrap_or_default();
        let (end_line, after_end_line) = split_line(after_end);
        let end_label = end_line
            .strip_suffix(DASHES)
            .and_then(|l| std::str::from_utf8(l).ok())
            .map(str::trim);
        if end_label != Some(label) {
            return Err(FramingError {
                index,
                reason: t!("errors-pem-end-mismatch", label = label),
            });
        }
        out.push(Block { index, label, body });
        rest = after_end_line;
    }
    Ok(out)
}

/// Decode a block body: skip RFC 1421 header lines (`Name: value`) and the
/// blank line after them, then base64 with whitespace ignored.
pub(crate) fn decode_body(body: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut data = body;
    // Header lines contain a colon; base64 never does.
    let mut saw_header = false;
    loop {
        let (line, next) = split_line(data);
        if line.contains(&b':') {
            saw_header = true;
            data = next;
        } else if saw_header && line.iter().all(u8::is_ascii_whitespace) && !next.is_empty() {
            data = next;
            break;
        } else {
            break;
        }
    }
    decode_base64(data)
}

/// Table values: 0..=63 symbol value, then the special classes below.
const B64_INVALID: u8 = 0xff;
const B64_SPACE: u8 = 0xfe;
const B64_PAD: u8 = 0xfd;

const fn base64_table() -> [u8; 256] {
    let mut t = [B64_INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        t[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    t[b' ' as usize] = B64_SPACE;
    t[b'\t' as usize] = B64_SPACE;
    t[b'\r' as usize] = B64_SPACE;
    t[b'\n' as usize] = B64_SPACE;
    t[0x0b] = B64_SPACE;
    t[0x0c] = B64_SPACE;
    t[b'=' as usize] = B64_PAD;
    t
}

static BASE64: [u8; 256] = base64_table();

/// Standard base64 (RFC 4648 alphabet, `=` padding), ASCII whitespace ignored.
/// The error is the id of the message saying why.
pub(crate) fn decode_base64(text: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    let mut quad: u32 = 0;
    let mut n = 0u32;
    let mut padding = 0usize;
    for &c in text {
        // A u8 always indexes a 256-entry table; `get` keeps the rule of no
        // indexing on input and compiles to the same load.
        let v = BASE64.get(usize::from(c)).copied().unwrap_or(B64_INVALID);
        if v < 64 {
            if padding > 0 {
                return Err("errors-base64-after-padding");
            }
            quad = (quad << 6) | u32::from(v);
            n += 1;
            if n == 4 {
                let [_, a, b, c] = quad.to_be_bytes();
                out.extend_from_slice(&[a, b, c]);
                quad = 0;
                n = 0;
            }
        } else if v == B64_SPACE {
            continue;
        } else if v == B64_PAD {
            padding += 1;
            if padding > 2 {
                return Err("errors-base64-padding");
            }
        } else {
            return Err("errors-base64-character");
        }
    }
    match n {
        0 if padding == 0 => {}
        2 if padding == 0 || padding == 2 => {
            let [_, _, _, a] = (quad >> 4).to_be_bytes();
            out.push(a);
        }
        3 if padding <= 1 => {
            let [_, _, a, b] = (quad >> 2).to_be_bytes();
            out.extend_from_slice(&[a, b]);
        }
        1 => return Err("errors-base64-truncated"),
        _ => return Err("errors-base64-padding"),
    }
    Ok(out)
}

/// Whether `text` looks like bare base64 (no PEM lines): at least one full
/// quantum, only base64 characters and whitespace.
pub(crate) fn looks_like_bare_base64(text: &[u8]) -> bool {
    let mut symbols = 0usize;
    for &c in text {
        match c {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' | b'=' => symbols += 1,
            b' ' | b'\t' | b'\r' | b'\n' => {}
            _ => return false,
        }
    }
    symbols >= 64
}

/// Split at the first LF: (line without CR/LF, rest after the LF).
fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(nl) => {
            let line = data.get(..nl).unwrap_or_default();
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            (line, data.get(nl + 1..).unwrap_or_default())
        }
        None => (data.strip_suffix(b"\r").unwrap_or(data), &[]),
    }
}

/// Position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut from = 0usize;
    while let Some(rel) = haystack.get(from..)?.iter().position(|&b| b == first) {
        let at = from + rel;
        if haystack.get(at..)?.starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_known_vectors() {
        assert_eq!(decode_base64(b"").unwrap(), b"");
        assert_eq!(decode_base64(b"Zg==").unwrap(), b"f");
        assert_eq!(decode_base64(b"Zm8=").unwrap(), b"fo");
        assert_eq!(decode_base64(b"Zm9v").unwrap(), b"foo");
        assert_eq!(decode_base64(b"Zm9v\r\nYmFy").unwrap(), b"foobar");
        assert_eq!(decode_base64(b"Zm9vYg").unwrap(), b"foob");
    }

    #[test]
    fn base64_errors() {
        assert!(decode_base64(b"Zm9v!").is_err());
        assert!(decode_base64(b"Zg==Zg==").is_err());
        assert!(decode_base64(b"Z").is_err());
        assert!(decode_base64(b"Zg===").is_err());
        assert!(decode_base64(b"Zm9=").is_ok());
        assert!(decode_base64(b"Zm=").is_err());
    }

    #[test]
    fn blocks_with_text_crlf_and_headers() {
        let text = b"Bag Attributes\r\n  friendlyName: x\r\n-----BEGIN CERTIFICATE-----\r\nZm9v\r\n-----END CERTIFICATE-----\r\nsome text\n-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nYmFy\n-----END RSA PRIVATE KEY-----";
        let b = blocks(text).unwrap();
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].index, 1);
        assert_eq!(b[0].label, "CERTIFICATE");
        assert_eq!(decode_body(b[0].body).unwrap(), b"foo");
        assert_eq!(b[1].label, "RSA PRIVATE KEY");
        assert_eq!(decode_body(b[1].body).unwrap(), b"bar");
    }

    #[test]
    fn framing_errors_name_the_block() {
        let missing_end = b"-----BEGIN CERTIFICATE-----\nZm9v\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nZm9v\n";
        let e = blocks(missing_end).unwrap_err();
        assert_eq!(e.index, 2);
        let mismatch = b"-----BEGIN CERTIFICATE-----\nZm9v\n-----END PKCS7-----\n";
        assert_eq!(blocks(mismatch).unwrap_err().index, 1);
        let two_begins = b"-----BEGIN CERTIFICATE-----\nZm9v\n-----BEGIN CERTIFICATE-----\nZm9v\n-----END CERTIFICATE-----\n";
        assert_eq!(blocks(two_begins).unwrap_err().index, 1);
        let bad_begin = b"-----BEGIN CERTIFICATE\nZm9v\n-----END CERTIFICATE-----\n";
        assert_eq!(blocks(bad_begin).unwrap_err().index, 1);
    }

    #[test]
    fn no_blocks_in_plain_text() {
        assert!(blocks(b"hello\nworld\n").unwrap().is_empty());
        assert!(!has_begin_marker(b"hello"));
        assert!(has_begin_marker(b"x-----BEGIN CERTIFICATE-----"));
    }

    #[test]
    fn bare_base64_detection() {
        assert!(looks_like_bare_base64(&[b'A'; 100]));
        assert!(!looks_like_bare_base64(b"MIIB"));
        assert!(!looks_like_bare_base64(
            b"hello world, this is prose and not base64 at all......."
        ));
    }
}
