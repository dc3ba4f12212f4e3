//! Finding quotations: matching quote marks, one line (paragraph) at a time.
//!
//! Supported marks: “…”, "…", «…», „…“, ‘…’ (the single curly quote only
//! at a word start, so apostrophes are not taken for quotes). A quote that
//! is still open at the end of a paragraph continues only when the next
//! paragraph opens with a quote mark — the newswire convention for a quote
//! running over several paragraphs. Otherwise the unbalanced mark is
//! ignored: it never swallows the rest of the document. Quote marks inside
//! an open quote (nested quotes) are part of it.
//! One pass over the text: linear.

use crate::span::Span;

/// A quotation found in the text, before attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawQuote {
    /// From the opening mark to the closing mark, inclusive.
    pub span: Span,
    /// Where each paragraph's part starts (the first is `span.start`).
    pub parts: Vec<usize>,
}

/// The closing mark for an opening mark, if `c` opens a quote.
fn closer(c: char) -> Option<&'static [char]> {
    match c {
        '“' => Some(&['”', '"']),
        '"' => Some(&['"', '”']),
        '«' => Some(&['»']),
        '„' => Some(&['“', '”']),
        '‘' => Some(&['’']),
        _ => None,
    }
}

/// True when `c` at byte `i` of `line` may open a quote.
fn opens(line: &str, i: usize, c: char) -> bool {
    let prev = line[..i].chars().next_back();
    let next = line[i + c.len_utf8()..].chars().next();
    let after_ok = next.is_some_and(|n| !n.is_whitespace());
    match c {
        '‘' | '"' => after_ok && prev.is_none_or(|p| !p.is_alphanumeric()),
        _ => after_ok || c == '«',
    }
}

/// True when `c` at byte `i` of `line` may close a quote opened with `open`.
fn closes(line: &str, i: usize, c: char, open: char) -> bool {
    if !closer(open).is_some_and(|cl| cl.contains(&c)) {
        return false;
    }
    if c == '’' {
        // An apostrophe inside a word ("don’t") is not a closing quote.
        let next = line[i + c.len_utf8()..].chars().next();
        return next.is_none_or(|n| !n.is_alphanumeric());
    }
    true
}

/// The quotations of `text`, sorted and disjoint.
pub fn find(text: &str) -> Vec<RawQuote> {
    let mut out = Vec::new();
    // An open quote carried over a paragraph break: (start, open mark, parts).
    let mut carried: Option<(usize, char, Vec<usize>)> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let mut open: Option<(usize, char)> = None;
        let mut parts: Vec<usize> = Vec::new();
        let lead = line.len() - line.trim_start().len();
        if let Some((start, mark, p)) = carried.take() {
            // Continues only if this paragraph opens with a quote mark.
            let first = line[lead..].chars().next();
            if first.is_some_and(|f| closer(f).is_some()) {
                parts = p;
                parts.push(base + lead);
                open = Some((start, mark));
            }
        }
        let skip_first = open.is_some();
        for (i, c) in line.char_indices() {
            if skip_first && i == lead {
                continue; // the re-opening mark of a continued quote
            }
            match open {
                None => {
                    if closer(c).is_some() && opens(line, i, c) {
                        open = Some((base + i, c));
                        parts = vec![base + i];
                    }
                }
                Some((start, mark)) => {
                    if closes(line, i, c, mark) {
                        let span = Span::new(start, base + i + c.len_utf8());
                        // Marks with nothing said between them are no quote.
                        if span.slice(text).chars().any(char::is_alphanumeric) {
                            out.push(RawQuote {
                                span,
                                parts: std::mem::take(&mut parts),
                            });
                        }
                        open = None;
                    }
                }
            }
        }
        if let Some((start, mark)) = open {
            if parts.len() < 20 {
                carried = Some((start, mark, parts));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find(text).iter().map(|q| q.span.slice(text)).collect()
    }

    #[test]
    fn marks_of_every_kind() {
        assert_eq!(
            quotes(r#"He said "yes" and “no” and «non» and „ja“."#),
            vec!["\"yes\"", "“no”", "«non»", "„ja“"]
        );
        assert_eq!(
            quotes("She said ‘we won’t go’ today."),
            vec!["‘we won’t go’"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("Don’t touch Iran’s rock ’n’ roll, the ’90s").is_empty());
        assert!(quotes("a 6'2\" man").is_empty());
    }

    #[test]
    fn nested_quotes_belong_to_the_outer_one() {
        assert_eq!(
            quotes("“He told me ‘never’ twice,” she said."),
            vec!["“He told me ‘never’ twice,”"]
        );
    }

    #[test]
    fn across_paragraphs() {
        let t = "“We will go on.\n\n“And we will win,” he said.";
        let q = find(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.slice(t), t.trim_end_matches(" he said."));
        assert_eq!(q[0].parts.len(), 2);
    }

    #[test]
    fn unbalanced_never_swallows_the_rest() {
        let t = "He said “this never ends.\nNext paragraph is plain.\n“Real quote,” she said.";
        assert_eq!(quotes(t), vec!["“Real quote,”"]);
        assert!(quotes(&"\"".repeat(100_001)).is_empty());
        assert!(quotes("“").is_empty());
    }
}
