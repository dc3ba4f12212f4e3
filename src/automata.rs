//! The regular expressions every analysis runs, compiled at build time.
//!
//! Natively a regex compiles in about a millisecond, but in the page the
//! compiler's code is cold: V8 compiles each of its functions on first call,
//! and compiling the start-up patterns was about a third of the first
//! analysis (`tests/e2e/perf.mjs`). So the patterns of the recognizers —
//! numbers, ordinals, fractions, URLs, phone numbers, the document-date
//! line, e-mail addresses, hashtags and handles — are compiled by
//!
//! ```text
//! cargo run --release --bin build-automata
//! ```
//!
//! into DFAs (a forward one for where a match ends and a reverse one for
//! where it starts, as `regex` does; dense, or sparse where
//! [`Pattern::is_sparse`]), stored in `models/automata.bin` and read in
//! place, without copying or compiling, by
//! [`regex_automata::dfa::dense::DFA::from_bytes`] (which validates every
//! transition). A library test fails when the file is stale against the
//! pattern sources.
//!
//! The matching rules are `regex`'s: leftmost-first, non-overlapping, UTF-8
//! (a match never splits a character). DFAs cannot capture groups or test
//! Unicode word boundaries, so these patterns use `(?-u:\b)` and their users
//! split a match by hand. The page compiles no regular expression at all
//! (markup debris is scanned by hand, [`crate::debris`]), so it links no
//! regex compiler: 0.3 MB less to download, gzipped.

use regex_automata::dfa::dense::DFA;
use regex_automata::dfa::regex::Regex;
use regex_automata::dfa::sparse::DFA as SparseDFA;
use regex_automata::util::wire::AlignAs;
use regex_automata::Input;
use std::sync::OnceLock;

/// The patterns compiled at build time, in their order in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// A number in digits or words ([`crate::recognize::numbers`]).
    Number,
    /// An ordinal: `3rd`, `twenty-first`.
    Ordinal,
    /// A fraction in words: `a third`, `two-thirds`.
    Fraction,
    /// A URL or bare domain ([`crate::recognize::contact`]).
    Url,
    /// An international or North American phone number.
    Phone,
    /// A date line near the top of a text ([`crate::time::document_date`]).
    DocumentDate,
    /// An e-mail address.
    Email,
    /// A #hashtag.
    Hashtag,
    /// An @handle.
    Handle,
}

impl Pattern {
    /// Every pattern, in file order.
    pub const ALL: [Pattern; 9] = [
        Pattern::Number,
        Pattern::Ordinal,
        Pattern::Fraction,
        Pattern::Url,
        Pattern::Phone,
        Pattern::DocumentDate,
        Pattern::Email,
        Pattern::Hashtag,
        Pattern::Handle,
    ];

    /// Whether the pattern is stored as a sparse DFA: 5 to 7 times smaller,
    /// and as many times slower to search, so only for patterns that are
    /// searched in a small part of the text (the date line, in the first
    /// 2 kB) or whose dense DFA is large and rarely needed (hashtags, with
    /// Unicode letter classes: 0.64 MB dense, 0.09 MB sparse).
    pub fn is_sparse(self) -> bool {
        matches!(self, Pattern::DocumentDate | Pattern::Hashtag)
    }

    /// The pattern's source, in `regex` syntax.
    pub fn source(self) -> String {
        use crate::recognize::{contact, numbers};
        match self {
            Pattern::Number => numbers::number_pattern(),
            Pattern::Ordinal => numbers::ordinal_pattern(),
            Pattern::Fraction => numbers::fraction_pattern(),
            Pattern::Url => contact::url_pattern(),
            Pattern::Phone => contact::phone_pattern().to_string(),
            Pattern::DocumentDate => crate::time::document_date::pattern_source(),
            Pattern::Email => contact::email_pattern().to_string(),
            Pattern::Hashtag => contact::hashtag_pattern().to_string(),
            Pattern::Handle => contact::handle_pattern().to_string(),
        }
    }
}

/// A match: its byte range in the searched text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    fn new(text: &'h str, m: regex_automata::Match) -> Found<'h> {
        Found {
            text,
            start: m.start(),
            end: m.end(),
        }
    }

    /// Byte offset of the first byte.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the last byte.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
}

/// One compiled pattern: a forward and a reverse DFA over the embedded file.
pub struct Automaton {
    engine: Engine,
}

enum Engine {
    Dense(Regex<DFA<&'static [u32]>>),
    Sparse(Regex<SparseDFA<&'static [u8]>>),
}

impl Automaton {
    /// The pattern, loaded from `models/automata.bin` on its first use.
    pub fn get(pattern: Pattern) -> &'static Automaton {
        static LOADED: [OnceLock<Automaton>; Pattern::ALL.len()] =
            [const { OnceLock::new() }; Pattern::ALL.len()];
        LOADED[pattern as usize].get_or_init(|| {
            load(&FILE.bytes, pattern, Check::Header)
                .expect("models/automata.bin is checked by a library test")
        })
    }

    /// Every non-overlapping match, leftmost-first, as `regex::Regex::find_iter`.
    pub fn find_iter<'h>(&'h self, text: &'h str) -> impl Iterator<Item = Found<'h>> + 'h {
        let (dense, sparse) = match &self.engine {
            Engine::Dense(r) => (Some(r.find_iter(text)), None),
            Engine::Sparse(r) => (None, Some(r.find_iter(text))),
        };
        dense
            .into_iter()
            .flatten()
            .chain(sparse.into_iter().flatten())
            .map(move |m| Found::new(text, m))
    }

    /// The first match, as `regex::Regex::find`.
    pub fn find<'h>(&self, text: &'h str) -> Option<Found<'h>> {
        let m = match &self.engine {
            Engine::Dense(r) => r.find(Input::new(text)),
            Engine::Sparse(r) => r.find(Input::new(text)),
        }?;
        Some(Found::new(text, m))
    }
}

/// `models/automata.bin`, aligned as the DFAs' `u32` tables need.
static FILE: &AlignAs<[u8], u64> = &AlignAs {
    _align: [],
    bytes: *include_bytes!("../models/automata.bin"),
};

/// The file starts with this, then a `u32` count of patterns, then per
/// pattern the offset and length of its forward and reverse DFA (four
/// `u32`s, little-endian); each DFA starts on an 8-byte boundary.
const MAGIC: &[u8; 8] = b"ELDFA\x00\x00\x01";

/// How much of a file [`load`] checks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    /// The header and every DFA's every transition: for bytes from
    /// anywhere. Only the tests read such bytes; the program reads only
    /// [`FILE`].
    #[cfg(test)]
    All,
    /// The header only, trusting the DFAs: only for [`FILE`], which is
    /// compiled into this binary and which `shipped_file_is_current`
    /// loads with [`Check::All`]. Validating its 0.8 MB of transitions
    /// took the page's first analysis a few milliseconds of baseline code,
    /// and then Chromium spent 0.2 s of a core optimizing the validation
    /// loops, which run only once, while the first highlights were drawn.
    Header,
}

/// Reads one automaton from `bytes` (the file's layout, above).
fn load(bytes: &'static [u8], pattern: Pattern, check: Check) -> Result<Automaton, String> {
    let word = |at: usize| -> Result<usize, String> {
        let b = bytes.get(at..at + 4).ok_or("truncated header")?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    if bytes.get(..8) != Some(&MAGIC[..]) {
        return Err("not an automata file".into());
    }
    let count = word(8)?;
    if count != Pattern::ALL.len() {
        return Err(format!("{count} patterns, expected {}", Pattern::ALL.len()));
    }
    let slice = |at: usize| -> Result<&'static [u8], String> {
        let (offset, len) = (word(at)?, word(at + 4)?);
        let end = offset.checked_add(len).ok_or("DFA out of bounds")?;
        Ok(bytes.get(offset..end).ok_or("DFA out of bounds")?)
    };
    let at = 12 + 16 * pattern as usize;
    let (forward, reverse) = (slice(at)?, slice(at + 8)?);
    let engine = if pattern.is_sparse() {
        let dfa = |b| {
            match check {
                #[cfg(test)]
                Check::All => SparseDFA::from_bytes(b),
                // SAFETY: `b` is part of FILE, written by `build` with this
                // version of regex-automata (Cargo.lock) and checked whole
                // by `shipped_file_is_current`; the target is little-endian
                // like the machine that wrote it.
                Check::Header => unsafe { SparseDFA::from_bytes_unchecked(b) },
            }
            .map(|(dfa, _)| dfa)
            .map_err(|e| e.to_string())
        };
        Engine::Sparse(Regex::builder().build_from_dfas(dfa(forward)?, dfa(reverse)?))
    } else {
        let dfa = |b| {
            match check {
                #[cfg(test)]
                Check::All => DFA::from_bytes(b),
                // SAFETY: as for the sparse DFAs above.
                Check::Header => unsafe { DFA::from_bytes_unchecked(b) },
            }
            .map(|(dfa, _)| dfa)
            .map_err(|e| e.to_string())
        };
        Engine::Dense(Regex::builder().build_from_dfas(dfa(forward)?, dfa(reverse)?))
    };
    Ok(Automaton { engine })
}

/// Compiles every pattern and lays them out as `models/automata.bin`.
/// Deterministic: the same sources give the same bytes. Native only: the
/// page links no DFA compiler.
#[cfg(not(target_arch = "wasm32"))]
pub fn build() -> Result<Vec<u8>, String> {
    use regex_automata::dfa::{dense, regex::Builder};
    let mut dfas = Vec::new();
    for pattern in Pattern::ALL {
        let regex = Builder::new()
            .dense(dense::Config::new().minimize(true))
            .build(&pattern.source())
            .map_err(|e| format!("{pattern:?}: {e}"))?;
        if pattern.is_sparse() {
            for dfa in [regex.forward(), regex.reverse()] {
                let sparse = dfa.to_sparse().map_err(|e| format!("{pattern:?}: {e}"))?;
                dfas.push((sparse.to_bytes_little_endian(), 0));
            }
        } else {
            dfas.push(regex.forward().to_bytes_little_endian());
            dfas.push(regex.reverse().to_bytes_little_endian());
        }
    }
    let align = |n: usize| n.div_ceil(8) * 8;
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(Pattern::ALL.len() as u32).to_le_bytes());
    let mut offset = align(out.len() + 8 * dfas.len());
    let mut header = Vec::new();
    for (buf, pad) in &dfas {
        let len = buf.len() - pad;
        header.push((offset, len));
        offset = align(offset + len);
    }
    for (offset, len) in &header {
        out.extend_from_slice(&(*offset as u32).to_le_bytes());
        out.extend_from_slice(&(*len as u32).to_le_bytes());
    }
    for ((buf, pad), (offset, _)) in dfas.iter().zip(&header) {
        out.resize(*offset, 0);
        out.extend_from_slice(&buf[*pad..]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn shipped_file_is_current() {
        let built = build().expect("every pattern compiles to a DFA");
        assert!(
            built == FILE.bytes,
            "models/automata.bin is stale: run `cargo run --release --bin build-automata`"
        );
        for pattern in Pattern::ALL {
            assert!(
                load(&FILE.bytes, pattern, Check::All).is_ok(),
                "{pattern:?}"
            );
        }
    }

    #[test]
    fn damaged_files_are_rejected() {
        let bytes: &'static [u8] = Box::leak(FILE.bytes.to_vec().into_boxed_slice());
        let last = Pattern::Handle;
        assert!(load(&bytes[..4], last, Check::All).is_err());
        assert!(load(&bytes[..40], last, Check::All).is_err());
        assert!(load(&bytes[..bytes.len() - 8], last, Check::All).is_err());
        let mut bad = bytes.to_vec();
        bad[0] = b'X';
        assert!(load(Box::leak(bad.into_boxed_slice()), last, Check::All).is_err());
        // A damaged transition table.
        let mut bad = bytes.to_vec();
        let at = bad.len() - 64;
        bad[at..].fill(0xff);
        assert!(load(Box::leak(bad.into_boxed_slice()), last, Check::All).is_err());
    }

    /// Each automaton finds what the same pattern compiled by `regex` finds.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn same_matches_as_regex() {
        let text = "On 16 December 2023, 1,200 people (a third of them) paid $3.5 billion \
                    and the twenty-first caller rang +44 20 7946 0958 or (202) 555-0143; \
                    see https://example.com/a?b=1 or www.example.org. Über 12 Straßen, \
                    ٣ عشرة, 東京 2023年, two hundred and five, the 3rd of May.\n\
                    date 2023-12-16\nWASHINGTON, Dec. 16, 2023 (Reuters) - Fifth. \
                    Mail desk@example.com, #Wahl2024 #東京 @Reuters_1.";
        for pattern in Pattern::ALL {
            let regex = regex::Regex::new(&pattern.source()).expect("pattern compiles");
            let expected: Vec<(usize, usize)> = regex
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            let got: Vec<(usize, usize)> = Automaton::get(pattern)
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert!(
                !expected.is_empty(),
                "{pattern:?} finds nothing in the sample"
            );
            assert_eq!(got, expected, "{pattern:?}");
        }
    }
}
