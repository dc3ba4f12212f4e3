//! The share-link codec: a text packed into a URL fragment `#z=…` as raw
//! DEFLATE ([`miniz_oxide`]) then base64url without padding (RFC 4648 §5).
//! A fragment never reaches a server.
//!
//! Decoding is strict — any character outside the base64url alphabet, a
//! impossible length, non-zero padding bits, a corrupt stream, trailing
//! bytes or text that is not UTF-8 is an error that says which — and
//! bounded: inflation stops at [`MAX_INFLATED`] bytes, so a crafted link
//! (a "zip bomb") cannot exhaust memory.

use std::fmt;

/// The longest text a link may inflate to (bytes).
pub const MAX_INFLATED: usize = 4 * 1024 * 1024;

/// The base64url alphabet.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a `#z=` fragment could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// A character outside base64url at this character offset.
    BadCharacter(usize),
    /// A length no base64url encoding has (one character left over).
    BadLength,
    /// The last character carries bits that must be zero.
    NonCanonical,
    /// The compressed data is corrupt or truncated.
    Corrupt,
    /// It would inflate to more than [`MAX_INFLATED`] bytes.
    TooLarge,
    /// The inflated bytes are not UTF-8 from this byte on.
    NotUtf8(usize),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::BadCharacter(at) => write!(
                f,
                "the link's #z= has a character that is not base64url at position {at}"
            ),
            LinkError::BadLength => f.write_str("the link's #z= is cut short (impossible length)"),
            LinkError::NonCanonical => {
                f.write_str("the link's #z= is damaged (its last character is not canonical)")
            }
            LinkError::Corrupt => {
                f.write_str("the link's #z= is damaged or cut short (corrupt compressed data)")
            }
            LinkError::TooLarge => write!(
                f,
                "the link's #z= would expand to more than {MAX_INFLATED} bytes; refused"
            ),
            LinkError::NotUtf8(at) => write!(
                f,
                "the link's #z= text is not valid UTF-8 (invalid byte at offset {at})"
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// base64url without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            let sextet = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[sextet as usize]));
        }
    }
    out
}

/// The value of one base64url character.
fn sextet(c: u8) -> Option<u32> {
    Some(u32::from(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    }))
}

/// Strict base64url decoding without padding.
pub fn base64url_decode(encoded: &str) -> Result<Vec<u8>, LinkError> {
    let bytes = encoded.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(LinkError::BadLength);
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for (k, chunk) in bytes.chunks(4).enumerate() {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = sextet(c).ok_or(LinkError::BadCharacter(k * 4 + i))?;
            n |= v << (18 - 6 * i);
        }
        let take = chunk.len() - 1;
        let all = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // Bits beyond the last whole byte must be zero (one encoding only).
        if take < 3 && n & (0xFF_FFFF >> (8 * take)) != 0 {
            return Err(LinkError::NonCanonical);
        }
        out.extend_from_slice(&all[..take]);
    }
    Ok(out)
}

/// The fragment value for `text`: raw DEFLATE (best compression), base64url.
pub fn encode(text: &str) -> String {
    base64url_encode(&miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9))
}

/// The text of a fragment value made by [`encode`].
pub fn decode(encoded: &str) -> Result<String, LinkError> {
    let packed = base64url_decode(encoded)?;
    let bytes = inflate(&packed, MAX_INFLATED)?;
    String::from_utf8(bytes).map_err(|e| LinkError::NotUtf8(e.utf8_error().valid_up_to()))
}

/// Inflates raw DEFLATE data to at most `limit` bytes.
fn inflate(packed: &[u8], limit: usize) -> Result<Vec<u8>, LinkError> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    // Decompress into a buffer one byte longer than the limit: filling it
    // means the stream is larger than allowed.
    let mut out = vec![0u8; limit.saturating_add(1)];
    let mut state = DecompressorOxide::new();
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let (status, read, written) = decompress(&mut state, packed, &mut out, 0, flags);
    match status {
        TINFLStatus::Done if written <= limit => {
            if read != packed.len() {
                return Err(LinkError::Corrupt);
            }
            out.truncate(written);
            Ok(out)
        }
        TINFLStatus::Done | TINFLStatus::HasMoreOutput => Err(LinkError::TooLarge),
        _ => Err(LinkError::Corrupt),
    }
}

/// The text a location hash's `z=` parameter carries: `None` when there is
/// none. The hash may start with `#` and hold other `&`-separated
/// parameters.
pub fn fragment_text(hash: &str) -> Option<Result<String, LinkError>> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&')
        .find_map(|param| param.strip_prefix("z="))
        .map(decode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(raw.as_bytes()), enc);
            assert_eq!(base64url_decode(enc).unwrap(), raw.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn strict_base64url() {
        assert_eq!(base64url_decode("Zm9v+"), Err(LinkError::BadLength));
        assert_eq!(base64url_decode("Zm+v"), Err(LinkError::BadCharacter(2)));
        assert_eq!(base64url_decode("Zm9v="), Err(LinkError::BadLength));
        assert_eq!(base64url_decode("Zm8="), Err(LinkError::BadCharacter(3)));
        assert_eq!(base64url_decode("Zh"), Err(LinkError::NonCanonical));
        assert_eq!(base64url_decode("Zm9"), Err(LinkError::NonCanonical));
    }

    #[test]
    fn round_trips_any_text() {
        for text in [
            "",
            "a",
            "Putin met Grossi on 15 December 2023. <script>alert(1)</script>",
            "👋 東京 مرحبا e\u{301} \u{0}\r\n",
            &"long text ".repeat(10_000),
        ] {
            let z = encode(text);
            assert!(z.bytes().all(|b| ALPHABET.contains(&b)));
            assert_eq!(decode(&z).as_deref(), Ok(text));
        }
        assert!(encode(&"x".repeat(100_000)).len() < 400, "compresses");
    }

    #[test]
    fn damaged_links_are_errors() {
        let z = encode("Vladimir Putin met Rafael Grossi in Sochi.");
        assert_eq!(decode(&z[..z.len() / 2]), Err(LinkError::Corrupt));
        assert_eq!(decode("AAAA"), Err(LinkError::Corrupt));
        assert_eq!(decode("a b"), Err(LinkError::BadCharacter(1)));
        let mut trailing = miniz_oxide::deflate::compress_to_vec(b"abc", 9);
        trailing.push(0);
        assert_eq!(
            decode(&base64url_encode(&trailing)),
            Err(LinkError::Corrupt)
        );
        let latin1 = miniz_oxide::deflate::compress_to_vec(b"caf\xe9", 9);
        assert_eq!(
            decode(&base64url_encode(&latin1)),
            Err(LinkError::NotUtf8(3))
        );
    }

    #[test]
    fn zip_bombs_are_refused() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; MAX_INFLATED + 1], 9);
        assert!(bomb.len() < 10_000);
        assert_eq!(decode(&base64url_encode(&bomb)), Err(LinkError::TooLarge));
        let fits = miniz_oxide::deflate::compress_to_vec(&vec![b'a'; MAX_INFLATED], 9);
        assert_eq!(
            decode(&base64url_encode(&fits)).map(|t| t.len()),
            Ok(MAX_INFLATED)
        );
    }

    #[test]
    fn fragment_parameter() {
        let z = encode("hi");
        assert_eq!(fragment_text(&format!("#a=1&z={z}")), Some(Ok("hi".into())));
        assert_eq!(fragment_text("#text=hi"), None);
        assert!(fragment_text("#z=%%").is_some_and(|r| r.is_err()));
    }
}
