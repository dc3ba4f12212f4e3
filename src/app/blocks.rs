//! Cutting a long analyzed text into blocks that the highlighted view
//! renders one at a time (see
//! [`crate::app::components::highlighted_view`]).
//!
//! A block ends just after a line break, so rendering blocks as separate
//! `<div>`s looks exactly like one run of `pre-wrap` text. A cut never
//! falls inside a mention, debris or a quotation, so each block's marks are
//! whole. A text with no line break for a long stretch is cut after a
//! space instead (the only case where a block shows an extra line break).

use crate::{Analysis, Span};

/// The size a block aims at, in bytes (cut at the next line break after),
/// in texts up to [`SHORT_TEXT`]: small enough that an edit re-renders
/// about one paragraph's markup (a keystroke replaces only the blocks
/// whose markup changed).
pub const BLOCK_BYTES: usize = 1024;

/// Texts longer than this are cut into [`LONG_BLOCK_BYTES`] blocks: they
/// are analyzed in the worker, where a keystroke is not re-rendered at
/// once anyway, and a quarter as many blocks are quicker to put on the
/// page (a 1 MB text is about 250).
pub const SHORT_TEXT: usize = 64 * 1024;

/// The size a block of a long text aims at, in bytes.
pub const LONG_BLOCK_BYTES: usize = 4096;

/// How far past [`BLOCK_BYTES`] a line break is looked for before a block
/// is cut after a space.
const LINE_SEARCH: usize = 16 * 1024;

/// The blocks of `text`, in order, covering it exactly once (none for an
/// empty text).
pub fn blocks(text: &str, analysis: &Analysis) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut marked: Vec<Span> = analysis
        .mentions
        .iter()
        .map(|m| m.span)
        .chain(analysis.debris.iter().copied())
        .chain(analysis.quotes.iter().map(|q| q.span))
        .filter(|s| !s.is_empty())
        .collect();
    marked.sort_unstable();
    // The furthest end among spans starting at or before each one, so a
    // cut position's enclosing span is found by one binary search.
    let mut reach = Vec::with_capacity(marked.len());
    let mut furthest = 0;
    for s in &marked {
        furthest = furthest.max(s.end);
        reach.push(furthest);
    }
    // The end of the marked span that `pos` falls strictly inside, if any.
    let inside = |pos: usize| -> Option<usize> {
        let k = marked.partition_point(|s| s.start < pos);
        (k > 0 && reach[k - 1] > pos).then(|| reach[k - 1])
    };
    // The first cut at or after `from` (just after a `sep` byte) that no
    // marked span straddles, before `limit`.
    let find = |mut from: usize, sep: u8, limit: usize| -> Option<usize> {
        while from < limit {
            let at = bytes[from..limit].iter().position(|&b| b == sep)? + from + 1;
            match inside(at) {
                Some(end) => from = end,
                None => return Some(at),
            }
        }
        None
    };

    let size = if text.len() > SHORT_TEXT {
        LONG_BLOCK_BYTES
    } else {
        BLOCK_BYTES
    };
    let mut out = Vec::with_capacity(text.len() / size + 1);
    let mut start = 0;
    while start < text.len() {
        let target = start + size;
        if target >= text.len() {
            out.push(Span::new(start, text.len()));
            break;
        }
        let limit = text.len().min(target + LINE_SEARCH);
        let cut = find(target, b'\n', limit)
            .or_else(|| find(target, b' ', limit))
            .or_else(|| find(limit, b' ', text.len()))
            .filter(|&c| c < text.len())
            .unwrap_or(text.len());
        out.push(Span::new(start, cut));
        start = cut;
    }
    out
}

/// The index of the block holding byte `pos` (the last block for a
/// position past the end; 0 when there are no blocks).
pub fn block_of(blocks: &[Span], pos: usize) -> usize {
    blocks
        .partition_point(|b| b.end <= pos)
        .min(blocks.len().saturating_sub(1))
}
