//! Feature extraction for the tagger, hashed into a fixed table.
//!
//! Each token is summarized once ([`TokenInfo`]: hashes of the word, its
//! case-folded form, its shape, suffixes, flags, gazetteer
//! matches); each feature is then a (template, value) pair hashed to a
//! bucket of the weight table. No string is allocated per token.
//!
//! Templates (after Ratinov & Roth 2009): the word and its case-folded form;
//! case-folded words at ±1, ±2; the word
//! shape (`Xx`, `XX`, `X.X.`, `dd`) at −1, 0, +1 and their conjunctions;
//! suffixes of 1–4 characters; flags (capitalized, all caps,
//! digits, hyphen, initial); position (first word of the sentence) and
//! ALL-CAPS sentence (headline) conjunctions; the parts of hyphenated words;
//! gazetteer categories at −1, 0, +1; and, in the second stage, document
//! features ([`DocFeat`]): how the first stage tagged the same word elsewhere
//! in the document and whether it occurs lower-cased there.
//!
//! Word bigrams, prefixes and the word × first-position conjunction are
//! left out on purpose: their many rare values let the perceptron memorize
//! training names and collide with better features in the hashed table;
//! dropping them raised dev F1 and shrank the model (`models/SOURCES.md`).

use super::gazetteer::{Mask, TokenGaz};

/// Bumped whenever templates change: a model records the version it was
/// trained with and is refused by code of another version.
pub const FEATURE_VERSION: u32 = 10;

/// The splitmix64 finalizer: a fast, well-mixing 64-bit hash step.
#[inline]
pub fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[inline]
fn step(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(0x0000_0100_0000_01b3)
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Maps the typographic apostrophe to the ASCII one so `Iran’s` and
/// `Iran's` look alike.
#[inline]
fn norm(c: char) -> char {
    match c {
        '’' | '‘' | '‚' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' => '"',
        '–' | '—' | '―' => '-',
        _ => c,
    }
}

/// Lower-case form of one character (the first of a multi-character
/// mapping), apostrophes normalized.
#[inline]
fn low(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        norm(c.to_lowercase().next().unwrap_or(c))
    }
}

/// Hash of the exact token (apostrophes normalized).
pub fn word_hash(s: &str) -> u64 {
    mix(s.chars().fold(SEED, |h, c| step(h, norm(c) as u64)))
}

/// Hash of the case-folded token with digits mapped to `0` and a final
/// `-ization(s)` spelled `-isation(s)`.
/// A final period of an abbreviation (`Mr.`, `Corp.`, `Gen.`) is ignored,
/// so Reuters-style `Mr` and modern `Mr.` look alike; dotted initials
/// (`U.S.`) keep theirs.
pub fn fold_hash(s: &str) -> u64 {
    let mut h = SEED;
    let s = match s.strip_suffix('.') {
        Some(stem)
            if stem.len() >= 2
                && !stem.contains('.')
                && stem.bytes().all(|b| b.is_ascii_alphabetic()) =>
        {
            stem
        }
        _ => s,
    };
    // US "-ization" folds like the British "-isation" of the 1996 training
    // news ("World Trade Organization", "privatization").
    let ends = |suffix: &str| {
        s.len() > suffix.len()
            && s.is_char_boundary(s.len() - suffix.len())
            && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    let z_at = if ends("ization") {
        s.len() - 6
    } else if ends("izations") {
        s.len() - 7
    } else {
        usize::MAX
    };
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            let b = if i == z_at {
                's'
            } else {
                c.to_ascii_lowercase()
            };
            let b = if b.is_ascii_digit() { '0' } else { b };
            h = step(h, b as u64);
        } else {
            for l in c.to_lowercase() {
                h = step(h, norm(l) as u64);
            }
        }
    }
    mix(h)
}

/// Hash of a crude stem of the case-folded word, so inflections share it
/// (`refuses`, `refused`, `refuse` → `refus`): one of `-ing`, `-ed`, `-es`,
/// `-s` is removed, then a final `e`. ASCII words only; others hash as
/// [`fold_hash`].
pub fn stem_hash(s: &str) -> u64 {
    if !s.is_ascii() || s.len() > 32 {
        return fold_hash(s);
    }
    let mut buf = [0u8; 32];
    let n = s.len();
    for (d, b) in buf.iter_mut().zip(s.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    let w = &buf[..n];
    let mut end = n;
    if w.ends_with(b"ing") && n > 5 {
        end -= 3;
    } else if (w.ends_with(b"ed") || w.ends_with(b"es")) && n > 4 {
        end -= 2;
    } else if w.ends_with(b"s") && !w.ends_with(b"ss") && n > 3 {
        end -= 1;
    }
    if end > 3 && w[end - 1] == b'e' {
        end -= 1;
    }
    let stem = std::str::from_utf8(&w[..end]).unwrap_or("");
    mix(fold_hash(stem) ^ 0x5737)
}

/// Token flags.
pub mod flag {
    /// First character is upper-case.
    pub const INIT_CAP: u32 = 1 << 0;
    /// Has letters, none lower-case, at least two.
    pub const ALL_CAPS: u32 = 1 << 1;
    /// Has letters, all lower-case.
    pub const ALL_LOWER: u32 = 1 << 2;
    /// Contains a digit.
    pub const HAS_DIGIT: u32 = 1 << 3;
    /// Only digits (and separators).
    pub const NUMBER: u32 = 1 << 4;
    /// Contains a hyphen.
    pub const HYPHEN: u32 = 1 << 5;
    /// Contains a period.
    pub const PERIOD: u32 = 1 << 6;
    /// No letter or digit.
    pub const PUNCT: u32 = 1 << 7;
    /// Upper-case after a lower-case letter (`McDonald`, `iPhone`).
    pub const MIXED: u32 = 1 << 8;
    /// One capital letter, optionally with a period (`J.`).
    pub const INITIAL: u32 = 1 << 9;
    /// First word of the sentence (after any opening punctuation).
    pub const FIRST: u32 = 1 << 10;
    /// The sentence is a headline: no lower-case letter, or every content
    /// word capitalized (title case).
    pub const CAPS_SENTENCE: u32 = 1 << 11;
    /// More than 12 characters.
    pub const LONG: u32 = 1 << 12;
    /// Contains letters outside ASCII.
    pub const NON_ASCII: u32 = 1 << 13;
    /// Contains a lower-case letter.
    pub const HAS_LOWER: u32 = 1 << 14;
    /// A function word ("the", "of", "and"...), any case.
    pub const FUNCTION: u32 = 1 << 15;
    /// The word's stem is that of a common lower-case word (the model's
    /// [`LowerVocab`](super::super::model::LowerVocab)): a capitalized
    /// one is probably capitalized for its position, not as a name.
    pub const COMMON: u32 = 1 << 16;
}

/// Words left lower-case inside title-case headlines.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "into", "over", "after", "vs", "v", "is", "are", "be", "its", "up",
];

fn function_word(fold: u64) -> bool {
    use std::sync::OnceLock;
    static HASHES: OnceLock<Vec<u64>> = OnceLock::new();
    HASHES
        .get_or_init(|| FUNCTION_WORDS.iter().map(|w| fold_hash(w)).collect())
        .contains(&fold)
}

/// What the tagger knows about one token, computed once.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokenInfo {
    /// Exact word hash.
    pub word: u64,
    /// Case-folded hash.
    pub fold: u64,
    /// Hash of the case-folded crude stem ([`stem_hash`]).
    pub stem: u64,
    /// Collapsed shape hash (`Xx`, `X.X.`, `d,d`).
    pub shape: u64,
    /// Case-folded suffixes of 1–4 characters (0 when shorter).
    pub suffix: [u64; 4],
    /// Case-folded first and last parts of a hyphenated word (0 if none).
    pub hyphen_parts: [u64; 2],
    /// [`flag`] bits.
    pub flags: u32,
    /// Gazetteer matches.
    pub gaz: TokenGaz,
}

impl TokenInfo {
    /// Summarizes token text `s` (no sentence flags, no gazetteer yet).
    pub fn new(s: &str) -> TokenInfo {
        let mut info = TokenInfo {
            word: word_hash(s),
            fold: fold_hash(s),
            stem: stem_hash(s),
            ..TokenInfo::default()
        };
        let (mut upper, mut lower, mut digit, mut other, mut letters) = (0, 0, 0, 0, 0);
        let mut shape = SEED;
        let mut last_class = 0u64;
        let mut shape_len = 0;
        let mut n = 0usize;
        let mut mixed = false;
        let mut non_ascii = false;
        let mut first_upper = false;
        for (k, c) in s.chars().enumerate() {
            n += 1;
            let class = if c.is_uppercase() {
                upper += 1;
                letters += 1;
                if k == 0 {
                    first_upper = true;
                } else if lower > 0 {
                    mixed = true;
                }
                'X' as u64
            } else if c.is_lowercase() {
                lower += 1;
                letters += 1;
                'x' as u64
            } else if c.is_numeric() {
                digit += 1;
                'd' as u64
            } else if c.is_alphabetic() {
                letters += 1;
                'a' as u64
            } else {
                other += 1;
                norm(c) as u64
            };
            if !c.is_ascii() && c.is_alphabetic() {
                non_ascii = true;
            }
            if class != last_class && shape_len < 12 {
                shape = step(shape, class);
                shape_len += 1;
                last_class = class;
            }
        }
        info.shape = mix(shape);
        // Suffixes: the last four characters, case-folded, hashed forwards.
        let mut tail = ['\0'; 4];
        let mut m = 0;
        for c in s.chars().rev().take(4) {
            tail[3 - m] = c;
            m += 1;
        }
        for len in 1..=m {
            let mut h = SEED;
            for &c in &tail[4 - len..] {
                h = step(h, low(c) as u64);
            }
            info.suffix[len - 1] = mix(h ^ 0x73);
        }
        if s.contains('-') {
            info.flags |= flag::HYPHEN;
            let mut parts = s.split('-').filter(|p| !p.is_empty());
            if let (Some(a), Some(b)) = (parts.next(), s.rsplit('-').find(|p| !p.is_empty())) {
                info.hyphen_parts = [fold_hash(a), fold_hash(b)];
            }
        }
        let f = &mut info.flags;
        if first_upper {
            *f |= flag::INIT_CAP;
        }
        if letters >= 2 && lower == 0 && upper >= 2 {
            *f |= flag::ALL_CAPS;
        }
        if letters > 0 && upper == 0 && lower > 0 {
            *f |= flag::ALL_LOWER;
        }
        if digit > 0 {
            *f |= flag::HAS_DIGIT;
            if letters == 0 {
                *f |= flag::NUMBER;
            }
        }
        if s.contains('.') {
            *f |= flag::PERIOD;
        }
        if letters == 0 && digit == 0 {
            *f |= flag::PUNCT;
        }
        if lower > 0 {
            *f |= flag::HAS_LOWER;
        }
        if mixed {
            *f |= flag::MIXED;
        }
        if upper == 1 && letters == 1 && (n == 1 || n == 2 && s.ends_with('.')) {
            *f |= flag::INITIAL;
        }
        if n > 12 {
            *f |= flag::LONG;
        }
        if n <= 5 && letters == n && function_word(info.fold) {
            *f |= flag::FUNCTION;
        }
        if non_ascii {
            *f |= flag::NON_ASCII;
        }
        let _ = other;
        info
    }

    /// True when the token starts with an upper-case letter.
    pub fn capitalized(&self) -> bool {
        self.flags & flag::INIT_CAP != 0
    }
}

/// Sets the sentence-level flags ([`flag::FIRST`], [`flag::CAPS_SENTENCE`])
/// on one sentence's tokens.
pub fn mark_sentence(infos: &mut [TokenInfo]) {
    let caps = !infos.iter().any(|t| t.flags & flag::HAS_LOWER != 0)
        && infos.iter().any(|t| t.flags & flag::ALL_CAPS != 0);
    if let Some(first) = infos.iter_mut().find(|t| t.flags & flag::PUNCT == 0) {
        first.flags |= flag::FIRST;
    }
    // Title case: at least three content words, all capitalized.
    let content = |t: &&mut TokenInfo| t.flags & (flag::PUNCT | flag::NUMBER | flag::FUNCTION) == 0;
    let (mut words, mut capitalized) = (0, 0);
    for t in infos.iter_mut().filter(|t| content(t)) {
        words += 1;
        if t.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0 {
            capitalized += 1;
        }
    }
    let title = !caps && words >= 3 && capitalized == words;
    if caps || title {
        for t in infos.iter_mut() {
            t.flags |= flag::CAPS_SENTENCE;
        }
    }
}

/// Document-level evidence for one token, from the first stage's output
/// over the whole document (the token's own tag left out where noted).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocFeat {
    /// The first stage's tag of this token.
    pub tag: u8,
    /// Most frequent entity type (1–4) given to other occurrences of the
    /// same case-folded word; 0 when none was tagged.
    pub major: u8,
    /// Entity types (bit `t`) given to other occurrences.
    pub types: u8,
    /// Other occurrences exist and none was tagged.
    pub only_outside: bool,
    /// The word occurs all lower-case elsewhere in the document.
    pub lower_elsewhere: bool,
    /// The word occurs capitalized elsewhere, not first in its sentence.
    pub cap_elsewhere: bool,
    /// Context aggregation: hashed neighbours (previous and next word) of
    /// up to four other occurrences of the word; 0 for none.
    pub contexts: [u32; 8],
}

/// Template identifiers.
mod t {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const FOLD: u64 = 3;
    pub const FOLD_M1: u64 = 4;
    pub const FOLD_P1: u64 = 5;
    pub const FOLD_M2: u64 = 6;
    pub const FOLD_P2: u64 = 7;
    pub const SHAPE: u64 = 10;
    pub const SHAPE_M1: u64 = 11;
    pub const SHAPE_P1: u64 = 12;
    pub const SHAPE_M1_0: u64 = 13;
    pub const SHAPE_0_P1: u64 = 14;
    pub const SHAPE_3: u64 = 15;
    pub const SUFFIX: u64 = 20;
    pub const FLAG: u64 = 24;
    pub const FLAG_FIRST: u64 = 25;
    pub const FLAG_CAPS: u64 = 26;
    pub const CAPS_FOLD: u64 = 27;
    pub const HYPHEN_A: u64 = 29;
    pub const HYPHEN_B: u64 = 30;
    pub const GAZ: u64 = 31;
    pub const GAZ_M1: u64 = 32;
    pub const GAZ_P1: u64 = 33;
    pub const FLAGS_M1: u64 = 34;
    pub const FLAGS_P1: u64 = 35;
    pub const DOC_TAG: u64 = 40;
    pub const DOC_TAG_M1: u64 = 41;
    pub const DOC_TAG_P1: u64 = 42;
    pub const DOC_MAJOR: u64 = 43;
    pub const DOC_TYPES: u64 = 44;
    pub const DOC_ONLY_O: u64 = 45;
    pub const DOC_LOWER: u64 = 46;
    pub const DOC_CAP: u64 = 47;
    pub const DOC_MAJOR_FOLD: u64 = 48;
    pub const DOC_TAG_SHAPE: u64 = 49;
    pub const DOC_CONTEXT: u64 = 50;
}

/// Hashes features into a table of `2^bits` rows.
#[derive(Clone, Copy, Debug)]
pub struct Hasher {
    shift: u32,
}

impl Hasher {
    /// A hasher for a table of `2^bits` rows (`bits` in 8..=30).
    pub fn new(bits: u32) -> Hasher {
        Hasher {
            shift: 64 - bits.clamp(8, 30),
        }
    }

    #[inline]
    fn bucket(&self, template: u64, value: u64) -> u32 {
        (mix(value ^ template.wrapping_mul(0xa076_1d64_78bd_642f)) >> self.shift) as u32
    }

    #[inline]
    fn bucket2(&self, template: u64, a: u64, b: u64) -> u32 {
        self.bucket(template, mix(a) ^ b.rotate_left(23))
    }
}

const BOS: u64 = 0x5eed_0001;
const EOS: u64 = 0x5eed_0002;

/// Gazetteer mask features of one token at offset `template`.
#[inline]
fn gaz_feats(h: &Hasher, template: u64, g: &TokenGaz, out: &mut Vec<u32>) {
    let mut emit = |mask: Mask, kind: u64| {
        let mut m = mask;
        while m != 0 {
            let bit = m.trailing_zeros() as u64;
            m &= m - 1;
            out.push(h.bucket(template, bit << 4 | kind));
        }
    };
    emit(g.begin & !g.single, 1);
    emit(g.inside, 2);
    emit(g.single, 3);
}

/// Appends the features of every token of one sentence to `out`;
/// `offsets` gets one start per token plus the end. `doc` (second stage)
/// has one entry per token of the sentence.
pub fn extract(
    h: &Hasher,
    infos: &[TokenInfo],
    doc: Option<&[DocFeat]>,
    out: &mut Vec<u32>,
    offsets: &mut Vec<u32>,
) {
    let n = infos.len();
    let fold = |i: isize| -> u64 {
        if i < 0 {
            BOS
        } else if i as usize >= n {
            EOS
        } else {
            infos[i as usize].fold
        }
    };
    let shape = |i: isize| -> u64 {
        if i < 0 {
            BOS
        } else if i as usize >= n {
            EOS
        } else {
            infos[i as usize].shape
        }
    };
    for (i, tok) in infos.iter().enumerate() {
        offsets.push(out.len() as u32);
        let k = i as isize;
        out.push(h.bucket(t::BIAS, 0));
        out.push(h.bucket(t::WORD, tok.word));
        out.push(h.bucket(t::FOLD, tok.fold));
        out.push(h.bucket(t::FOLD_M1, fold(k - 1)));
        out.push(h.bucket(t::FOLD_P1, fold(k + 1)));
        out.push(h.bucket(t::FOLD_M2, fold(k - 2)));
        out.push(h.bucket(t::FOLD_P2, fold(k + 2)));
        out.push(h.bucket(t::SHAPE, tok.shape));
        out.push(h.bucket(t::SHAPE_M1, shape(k - 1)));
        out.push(h.bucket(t::SHAPE_P1, shape(k + 1)));
        out.push(h.bucket2(t::SHAPE_M1_0, shape(k - 1), tok.shape));
        out.push(h.bucket2(t::SHAPE_0_P1, tok.shape, shape(k + 1)));
        out.push(h.bucket2(t::SHAPE_3, mix(shape(k - 1)) ^ tok.shape, shape(k + 1)));
        for (j, &s) in tok.suffix.iter().enumerate() {
            if s != 0 {
                out.push(h.bucket(t::SUFFIX + j as u64, s));
            }
        }
        let f = tok.flags;
        let mut bits = f & !(flag::FIRST | flag::CAPS_SENTENCE | flag::HAS_LOWER | flag::FUNCTION);
        while bits != 0 {
            let b = bits.trailing_zeros() as u64;
            bits &= bits - 1;
            out.push(h.bucket(t::FLAG, b));
            if f & flag::FIRST != 0 {
                out.push(h.bucket(t::FLAG_FIRST, b));
            }
            if f & flag::CAPS_SENTENCE != 0 {
                out.push(h.bucket(t::FLAG_CAPS, b));
            }
        }
        if f & flag::CAPS_SENTENCE != 0 {
            out.push(h.bucket(t::CAPS_FOLD, tok.fold));
        }
        let flags_at = |i: isize| -> u64 {
            if i < 0 || i as usize >= n {
                0xffff
            } else {
                (infos[i as usize].flags
                    & (flag::INIT_CAP | flag::ALL_CAPS | flag::PUNCT | flag::NUMBER))
                    as u64
            }
        };
        out.push(h.bucket2(t::FLAGS_M1, flags_at(k - 1), f as u64 & 0x3));
        out.push(h.bucket2(t::FLAGS_P1, flags_at(k + 1), f as u64 & 0x3));
        if tok.hyphen_parts[0] != 0 {
            out.push(h.bucket(t::HYPHEN_A, tok.hyphen_parts[0]));
            out.push(h.bucket(t::HYPHEN_B, tok.hyphen_parts[1]));
        }
        gaz_feats(h, t::GAZ, &tok.gaz, out);
        if i > 0 {
            gaz_feats(h, t::GAZ_M1, &infos[i - 1].gaz, out);
        }
        if i + 1 < n {
            gaz_feats(h, t::GAZ_P1, &infos[i + 1].gaz, out);
        }
        if let Some(doc) = doc {
            doc_token(h, infos, doc, i, out);
        }
    }
    offsets.push(out.len() as u32);
}

/// Appends only the document features of every token of one sentence
/// (the second stage adds them to the first stage's features).
pub fn extract_doc(
    h: &Hasher,
    infos: &[TokenInfo],
    doc: &[DocFeat],
    out: &mut Vec<u32>,
    offsets: &mut Vec<u32>,
) {
    for i in 0..infos.len() {
        offsets.push(out.len() as u32);
        doc_token(h, infos, doc, i, out);
    }
    offsets.push(out.len() as u32);
}

/// The document features of token `i`.
#[inline]
fn doc_token(h: &Hasher, infos: &[TokenInfo], doc: &[DocFeat], i: usize, out: &mut Vec<u32>) {
    let n = infos.len().min(doc.len());
    if i >= n {
        return;
    }
    let tok = &infos[i];
    let k = i as isize;
    let d = &doc[i];
    let tag_at = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            0xff
        } else {
            doc[i as usize].tag as u64
        }
    };
    out.push(h.bucket(t::DOC_TAG, d.tag as u64));
    out.push(h.bucket2(t::DOC_TAG_M1, tag_at(k - 1), d.tag as u64));
    out.push(h.bucket2(t::DOC_TAG_P1, d.tag as u64, tag_at(k + 1)));
    out.push(h.bucket2(t::DOC_TAG_SHAPE, d.tag as u64, tok.shape));
    out.push(h.bucket(t::DOC_MAJOR, d.major as u64));
    if d.major != 0 {
        out.push(h.bucket2(t::DOC_MAJOR_FOLD, d.major as u64, tok.fold));
    }
    let mut ty = d.types;
    while ty != 0 {
        let b = ty.trailing_zeros() as u64;
        ty &= ty - 1;
        out.push(h.bucket(t::DOC_TYPES, b));
    }
    if d.only_outside {
        out.push(h.bucket(t::DOC_ONLY_O, tok.flags as u64 & 0x3));
    }
    if d.lower_elsewhere {
        out.push(h.bucket(t::DOC_LOWER, tok.flags as u64 & 0x3));
    }
    if d.cap_elsewhere {
        out.push(h.bucket(t::DOC_CAP, tok.flags as u64 & 0x3));
    }
    for &c in d.contexts.iter().take_while(|&&c| c != 0) {
        out.push(h.bucket(t::DOC_CONTEXT, c as u64));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_fold_case_and_apostrophes() {
        assert_eq!(fold_hash("PARIS"), fold_hash("Paris"));
        assert_eq!(fold_hash("Über"), fold_hash("über"));
        assert_eq!(fold_hash("1996"), fold_hash("2020"));
        assert_eq!(fold_hash("Organization"), fold_hash("organisation"));
        assert_eq!(fold_hash("privatizations"), fold_hash("Privatisations"));
        assert_ne!(fold_hash("Ization"), fold_hash("isation"));
        assert_eq!(word_hash("’s"), word_hash("'s"));
        assert_ne!(word_hash("Paris"), word_hash("paris"));
    }

    #[test]
    fn stems_join_inflections() {
        assert_eq!(stem_hash("refuses"), stem_hash("refused"));
        assert_eq!(stem_hash("Refuse"), stem_hash("refusing"));
        assert_eq!(stem_hash("Unveils"), stem_hash("unveiled"));
        assert_ne!(stem_hash("warns"), stem_hash("wars"));
        assert_eq!(stem_hash("Ünver"), fold_hash("ünver"));
    }

    #[test]
    fn flags_describe_the_token() {
        let f = |s: &str| TokenInfo::new(s).flags;
        assert_ne!(f("Paris") & flag::INIT_CAP, 0);
        assert_ne!(f("NATO") & flag::ALL_CAPS, 0);
        assert_ne!(f("said") & flag::ALL_LOWER, 0);
        assert_ne!(f("1,000") & flag::NUMBER, 0);
        assert_ne!(f("J.") & flag::INITIAL, 0);
        assert_ne!(f("McDonald") & flag::MIXED, 0);
        assert_ne!(f(",") & flag::PUNCT, 0);
        assert_ne!(f("Sino-U.S.") & flag::HYPHEN, 0);
        assert_eq!(TokenInfo::new("Xx").shape, TokenInfo::new("Paris").shape);
        assert_ne!(TokenInfo::new("XX").shape, TokenInfo::new("Paris").shape);
    }

    #[test]
    fn extract_is_deterministic_and_bounded() {
        let h = Hasher::new(16);
        let infos: Vec<TokenInfo> = ["Peter", "Blackburn", "said", "."]
            .iter()
            .map(|w| TokenInfo::new(w))
            .collect();
        let (mut a, mut oa, mut b, mut ob) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        extract(&h, &infos, None, &mut a, &mut oa);
        extract(&h, &infos, None, &mut b, &mut ob);
        assert_eq!(a, b);
        assert_eq!(oa.len(), infos.len() + 1);
        assert!(a.iter().all(|&x| x < 1 << 16));
        let docs = vec![DocFeat::default(); infos.len()];
        let (mut c, mut oc) = (Vec::new(), Vec::new());
        extract(&h, &infos, Some(&docs), &mut c, &mut oc);
        assert!(c.len() > a.len());
    }
}
