//! Spans and offset conversion.
//!
//! Inside the library every offset is a **byte** offset into the text exactly
//! as the user gave it (UTF-8), always on a character boundary. The outside
//! world counts differently: the CLI contract and spaCy count Unicode code
//! points, and the browser (JavaScript strings, DOM ranges) counts UTF-16 code
//! units. [`OffsetIndex`] converts between the three in O(1) per query after
//! one linear pass over the text, so converting every mention of a 10 MB text
//! stays linear.

use std::ops::Range;

/// A half-open range `[start, end)` of byte offsets into a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start <= end` is the caller's
    /// promise; an inverted span is treated as empty by [`Span::len`].
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True for a span of no bytes.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when `self` overlaps one of `sorted`, which must be sorted by
    /// start and pairwise disjoint. O(log n).
    pub fn overlaps_any(&self, sorted: &[Span]) -> bool {
        let k = sorted.partition_point(|d| d.end <= self.start);
        sorted.get(k).is_some_and(|d| d.overlaps(self))
    }

    /// The byte range, for slicing.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text the span covers, or `""` when it does not lie on character
    /// boundaries of `text` (never panics).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range()).unwrap_or("")
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// How many bytes share one checkpoint of [`OffsetIndex`]; a query scans at
/// most this many bytes.
const STRIDE: usize = 64;

/// Converts offsets between bytes, code points and UTF-16 code units for one
/// text.
///
/// It stores, every 64 bytes, how many code points and UTF-16 units precede
/// that byte, so memory is about an eighth of the text and each conversion
/// scans at most 64 bytes.
#[derive(Clone, Debug)]
pub struct OffsetIndex<'t> {
    text: &'t str,
    /// `(code points, utf16 units)` before byte `i * STRIDE` (rounded down to
    /// a character boundary).
    checkpoints: Vec<(usize, usize)>,
}

impl<'t> OffsetIndex<'t> {
    /// Builds the index in one pass over `text`.
    pub fn new(text: &'t str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let (mut chars, mut units) = (0usize, 0usize);
        let mut next = 0usize;
        for (i, c) in text.char_indices() {
            while next < i + c.len_utf8() {
                // A checkpoint inside a multi-byte character is recorded at
                // the character's start; `counts` scans from there.
                checkpoints.push((chars, units));
                next += STRIDE;
            }
            chars += 1;
            units += c.len_utf16();
        }
        while next <= text.len() {
            checkpoints.push((chars, units));
            next += STRIDE;
        }
        OffsetIndex { text, checkpoints }
    }

    /// The text this index was built over.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Code points and UTF-16 units before byte `byte` (clamped to the text,
    /// rounded down to a character boundary).
    fn counts(&self, byte: usize) -> (usize, usize) {
        let byte = floor_char_boundary(self.text, byte.min(self.text.len()));
        let slot = byte / STRIDE;
        let (mut chars, mut units) = self.checkpoints.get(slot).copied().unwrap_or((0, 0));
        let from = floor_char_boundary(self.text, slot * STRIDE);
        for c in self.text[from..byte].chars() {
            chars += 1;
            units += c.len_utf16();
        }
        (chars, units)
    }

    /// Code-point offset of byte offset `byte`.
    pub fn byte_to_char(&self, byte: usize) -> usize {
        self.counts(byte).0
    }

    /// UTF-16 offset of byte offset `byte`.
    pub fn byte_to_utf16(&self, byte: usize) -> usize {
        self.counts(byte).1
    }

    /// Byte offset of code-point offset `ch` (clamped to the text's end).
    pub fn char_to_byte(&self, ch: usize) -> usize {
        self.find_byte(ch, |(c, _)| c, |_| 1)
    }

    /// Byte offset of UTF-16 offset `unit` (clamped to the text's end; an
    /// offset inside a surrogate pair maps to the start of its character).
    pub fn utf16_to_byte(&self, unit: usize) -> usize {
        self.find_byte(unit, |(_, u)| u, char::len_utf16)
    }

    /// Binary search over checkpoints, then a scan of at most one stride.
    fn find_byte(
        &self,
        target: usize,
        key: impl Fn((usize, usize)) -> usize,
        width: impl Fn(char) -> usize,
    ) -> usize {
        let slot = self
            .checkpoints
            .partition_point(|&cp| key(cp) <= target)
            .saturating_sub(1);
        let mut pos = self.checkpoints.get(slot).map_or(0, |&cp| key(cp));
        let from = floor_char_boundary(self.text, slot * STRIDE);
        for (i, c) in self.text[from..].char_indices() {
            let w = width(c);
            if pos + w > target {
                return from + i;
            }
            pos += w;
        }
        self.text.len()
    }

    /// A span in code points: `(start, end)`.
    pub fn span_to_chars(&self, span: Span) -> (usize, usize) {
        (self.byte_to_char(span.start), self.byte_to_char(span.end))
    }

    /// A span in UTF-16 units: `(start, end)`.
    pub fn span_to_utf16(&self, span: Span) -> (usize, usize) {
        (self.byte_to_utf16(span.start), self.byte_to_utf16(span.end))
    }

    /// A byte span from code-point offsets.
    pub fn span_from_chars(&self, start: usize, end: usize) -> Span {
        Span::new(self.char_to_byte(start), self.char_to_byte(end))
    }

    /// A byte span from UTF-16 offsets.
    pub fn span_from_utf16(&self, start: usize, end: usize) -> Span {
        Span::new(self.utf16_to_byte(start), self.utf16_to_byte(end))
    }
}

/// The largest character boundary `<= i` (`str::floor_char_boundary` is
/// not stable yet).
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let mut i = i;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(text: &str) {
        let idx = OffsetIndex::new(text);
        let mut units = 0;
        let ends = text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')));
        for (chars, (b, c)) in ends.enumerate() {
            assert_eq!(idx.byte_to_char(b), chars, "byte {b} in {text:?}");
            assert_eq!(idx.byte_to_utf16(b), units, "byte {b} in {text:?}");
            assert_eq!(idx.char_to_byte(chars), b);
            assert_eq!(idx.utf16_to_byte(units), b);
            units += c.len_utf16();
        }
    }

    #[test]
    fn ascii() {
        check_all("");
        check_all("Putin said on Friday.");
        check_all(&"abc ".repeat(100));
    }

    #[test]
    fn emoji_cjk_combining_crlf() {
        check_all("Hi 👋🏽 from 東京 — café (cafe\u{301}) \r\nnext 👨‍👩‍👧 line");
        check_all(&"東京👍e\u{301}\r\n".repeat(50));
        check_all("مرحبا بالعالم Cairo שלום");
    }

    #[test]
    fn surrogate_middle_maps_to_char_start() {
        let text = "a👍b";
        let idx = OffsetIndex::new(text);
        assert_eq!(idx.utf16_to_byte(2), 1); // inside the surrogate pair
        assert_eq!(idx.utf16_to_byte(3), 5);
    }

    #[test]
    fn clamps_out_of_range() {
        let idx = OffsetIndex::new("héllo");
        assert_eq!(idx.byte_to_char(999), 5);
        assert_eq!(idx.char_to_byte(999), 6);
        assert_eq!(idx.byte_to_char(2), 1); // inside 'é' rounds down
    }

    #[test]
    fn overlap_lookup() {
        let sorted = [Span::new(3, 6), Span::new(10, 12)];
        assert!(Span::new(0, 4).overlaps_any(&sorted));
        assert!(Span::new(11, 20).overlaps_any(&sorted));
        assert!(!Span::new(6, 10).overlaps_any(&sorted));
        assert!(!Span::new(12, 13).overlaps_any(&sorted));
        assert!(!Span::new(0, 1).overlaps_any(&[]));
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert!(s.overlaps(&Span::new(4, 9)));
        assert!(!s.overlaps(&Span::new(5, 9)));
        assert!(Span::new(0, 10).contains(&s));
        assert_eq!(Span::new(1, 2).slice("héllo"), "");
        let text = "x 東京 y";
        let idx = OffsetIndex::new(text);
        let sp = idx.span_from_chars(2, 4);
        assert_eq!(sp.slice(text), "東京");
        assert_eq!(idx.span_to_utf16(sp), (2, 4));
    }
}
