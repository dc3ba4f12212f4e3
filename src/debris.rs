//! Template and markup debris that scraped articles carry.
//!
//! Text copied from web pages often keeps template placeholders
//! (`{{^adFree}} … {{/adFree}}`), stray HTML tags and character references
//! (`&nbsp;`), and sometimes a byte-order mark. They are never entities, and they confuse the tagger. Rather
//! than deleting them — which would shift every offset — [`blank`] replaces
//! each debris byte with a space: the cleaned text has exactly the same byte
//! offsets as the text the user pasted.
//!
//! Every form has bounded width, so scanning stays linear in the text:
//!
//! - template placeholders: `{{` up to 200 bytes other than `{`, `}` or a
//!   line break, then `}}`; `{%` up to 200 bytes other than `%` or a line
//!   break, then `%}`;
//! - HTML comments: `<!--`, at most 500 bytes, the first `-->`;
//! - tags: `<`, perhaps `/`, an ASCII letter and at most 15 more letters or
//!   digits, then perhaps a (Unicode) space and at most 500 bytes other
//!   than `<` and `>`, then `>` or `/>`;
//! - character references: `&`, then a letter and 1 to 30 letters or digits,
//!   `#` and 1 to 7 digits, or `#x` and 1 to 6 hex digits, then `;`;
//! - runs of byte-order marks (U+FEFF);
//! - terminal colour codes: ESC `[`, at most 20 digits or `;`, a letter.
//!
//! These are the matches of one regular expression (kept in the tests,
//! which check the two agree on random text), written out by hand: it was
//! the only pattern the page still compiled, and dropping the `regex` crate
//! from the page made it 0.3 MB smaller gzipped. Bounds count bytes. Every
//! match starts and ends on an ASCII byte (or a whole U+FEFF), so its span
//! is on character boundaries.

use crate::span::Span;

/// The debris spans of `text`, sorted and disjoint.
#[inline(never)] // a pipeline stage: see crate::analyze
pub fn find(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    // Every form starts with one of these bytes (0xEF: U+FEFF); the first
    // form that matches at the leftmost start wins.
    while let Some(at) = bytes[from..]
        .iter()
        .position(|b| matches!(b, b'{' | b'<' | b'&' | 0xEF | 0x1B))
        .map(|i| from + i)
    {
        let rest = &bytes[at..];
        let len = match rest[0] {
            b'{' => template(rest),
            b'<' => comment(rest).or_else(|| tag(text, at)),
            b'&' => reference(rest),
            0xEF => byte_order_marks(rest),
            _ => terminal_code(rest),
        };
        match len {
            Some(len) => {
                out.push(Span::new(at, at + len));
                from = at + len;
            }
            None => from = at + 1,
        }
    }
    out
}

/// How many of the first bytes of `s`, at most `max`, satisfy `ok`.
fn run(s: &[u8], max: usize, ok: impl Fn(u8) -> bool) -> usize {
    s.iter().take(max).take_while(|&&b| ok(b)).count()
}

/// `{{ ... }}` or `{% ... %}`: the match's length.
fn template(s: &[u8]) -> Option<usize> {
    let (end, stops): (u8, &[u8]) = match s.get(1)? {
        b'{' => (b'}', b"{}\n"),
        b'%' => (b'%', b"%\n"),
        _ => return None,
    };
    let body = run(&s[2..], 200, |b| !stops.contains(&b));
    let close = &s[2 + body..];
    (close.first() == Some(&end) && close.get(1) == Some(&b'}')).then_some(2 + body + 2)
}

/// `<!-- ... -->`, the first `-->` within 500 bytes.
fn comment(s: &[u8]) -> Option<usize> {
    let body = s.strip_prefix(b"<!--")?;
    let window = &body[..body.len().min(503)];
    let end = window.windows(3).position(|w| w == b"-->")?;
    Some(4 + end + 3)
}

/// A start or end tag at byte `at` of `text`: the match's length.
fn tag(text: &str, at: usize) -> Option<usize> {
    let s = &text.as_bytes()[at..];
    let mut i = 1 + usize::from(s.get(1) == Some(&b'/'));
    if !s.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    i += 1;
    let name = run(&s[i..], 16, |b| b.is_ascii_alphanumeric());
    if name > 15 {
        return None;
    }
    i += name;
    let close = |i: usize| match s.get(i) {
        Some(b'>') => Some(i + 1),
        Some(b'/') if s.get(i + 1) == Some(&b'>') => Some(i + 2),
        _ => None,
    };
    if let Some(end) = close(i) {
        return Some(end);
    }
    // Attributes: a space (any Unicode space), then no `<` or `>`.
    let space = text[at + i..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace())?;
    i += space.len_utf8();
    close(i + run(&s[i..], 500, |b| b != b'<' && b != b'>'))
}

/// `&nbsp;`, `&#8217;`, `&#x2019;`: the match's length.
fn reference(s: &[u8]) -> Option<usize> {
    let len = match s.get(1)? {
        b'#' if matches!(s.get(2), Some(b'x' | b'X')) => {
            let n = run(&s[3..], 7, |b| b.is_ascii_hexdigit());
            (1..=6).contains(&n).then_some(3 + n)?
        }
        b'#' => {
            let n = run(&s[2..], 8, |b| b.is_ascii_digit());
            (1..=7).contains(&n).then_some(2 + n)?
        }
        b if b.is_ascii_alphabetic() => {
            let n = run(&s[2..], 31, |b| b.is_ascii_alphanumeric());
            (1..=30).contains(&n).then_some(2 + n)?
        }
        _ => return None,
    };
    (s.get(len) == Some(&b';')).then_some(len + 1)
}

/// A run of U+FEFF (EF BB BF in UTF-8).
fn byte_order_marks(s: &[u8]) -> Option<usize> {
    let n = s
        .chunks_exact(3)
        .take_while(|c| c == b"\xEF\xBB\xBF")
        .count();
    (n > 0).then_some(3 * n)
}

/// ESC `[` 31 `m`: the match's length.
fn terminal_code(s: &[u8]) -> Option<usize> {
    if s.get(1) != Some(&b'[') {
        return None;
    }
    let n = run(&s[2..], 21, |b| b.is_ascii_digit() || b == b';');
    (n <= 20 && s.get(2 + n).is_some_and(u8::is_ascii_alphabetic)).then_some(2 + n + 1)
}

/// `text` with every byte of every debris span replaced by an ASCII space.
/// The result has the same length and the same character boundaries outside
/// the debris, so offsets carry over unchanged.
#[inline(never)] // a pipeline stage: see crate::analyze
pub fn blank(text: &str, debris: &[Span]) -> String {
    if debris.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in debris {
        out.push_str(&text[at..span.start]);
        out.extend(std::iter::repeat_n(' ', span.len()));
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scanner against the regular expression it implements (native
    /// only: `regex` and `proptest` are native dev-dependencies).
    #[cfg(not(target_arch = "wasm32"))]
    mod against_the_pattern {
        use super::*;
        use proptest::prelude::*;

        /// The forms of the module doc as one regular expression: the
        /// reference the scanner is checked against.
        const REFERENCE: &str = concat!(
            r"(?-u:\{\{[^{}\n]{0,200}\}\}|\{%[^%\n]{0,200}%\})",
            r"|(?s-u:<!--.{0,500}?-->)",
            r#"|(?-u:</?[A-Za-z][A-Za-z0-9]{0,15}(?:(?u:\s)[^<>]{0,500})?/?>)"#,
            r"|&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});",
            r"|\x{FEFF}+",
            r"|\x1B\[[0-9;]{0,20}[A-Za-z]",
        );

        fn by_reference(text: &str) -> Vec<Span> {
            let re = regex::bytes::Regex::new(REFERENCE).expect("reference pattern");
            re.find_iter(text.as_bytes())
                .map(|m| Span::new(m.start(), m.end()))
                .collect()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]
            #[test]
            fn scanner_agrees_with_the_pattern(
                text in r"([{}%<>!/&#;xX\[\x1b\u{feff}\u{a0} \n=a-fA-F0-9é-]|<!--|-->|\{\{|\}\}){0,80}"
            ) {
                prop_assert_eq!(find(&text), by_reference(&text));
            }
        }

        #[test]
        fn bounds_agree_with_the_pattern() {
            let texts = [
                format!("{{{{{}}}}}", "a".repeat(200)),
                format!("{{{{{}}}}}", "a".repeat(201)),
                format!("{{%{}%}}", "a".repeat(200)),
                format!("{{%{}%}}", "a".repeat(201)),
                format!("<!--{}-->", "a".repeat(500)),
                format!("<!--{}-->", "a".repeat(501)),
                format!("<!--{}--->", "a".repeat(499)),
                format!("<a{}>", "b".repeat(15)),
                format!("<a{}>", "b".repeat(16)),
                format!("<a {}>", "b".repeat(500)),
                format!("<a {}>", "b".repeat(501)),
                format!("<a {}/>", "b".repeat(500)),
                format!("<a {}/>", "b".repeat(499)),
                format!("&a{};", "b".repeat(30)),
                format!("&a{};", "b".repeat(31)),
                format!("&#{};", "1".repeat(7)),
                format!("&#{};", "1".repeat(8)),
                format!("&#x{};", "f".repeat(6)),
                format!("&#x{};", "f".repeat(7)),
                format!("\u{1b}[{}m", "1".repeat(20)),
                format!("\u{1b}[{}m", "1".repeat(21)),
                "\u{feff}\u{feff}x\u{feff}".to_string(),
                "<p\u{2003}id=x> </ p> <1> <a/ > &#; &#x; &a; {{}} {%%}".to_string(),
            ];
            for text in &texts {
                assert_eq!(find(text), by_reference(text), "{text:?}");
            }
        }
    }

    #[test]
    fn non_ascii_inside_markup_keeps_spans_on_char_boundaries() {
        let text =
            "Zoë <a title=\"café — ünïcode\">Łódź</a> {{ é }} <!-- ß --> <p\u{a0}class=\"x\">done";
        let found: Vec<&str> = find(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            found,
            vec![
                "<a title=\"café — ünïcode\">",
                "</a>",
                "{{ é }}",
                "<!-- ß -->",
                // A Unicode space after the tag name, as before byte classes.
                "<p\u{a0}class=\"x\">",
            ]
        );
        for s in find(text) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }

    #[test]
    fn finds_templates_tags_and_references() {
        let text =
            "{{^adFree}} Ad {{/adFree}} <p class=\"x\">Putin&nbsp;said</p> &#8217;ok <!-- c -->";
        let found: Vec<&str> = find(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            found,
            vec![
                "{{^adFree}}",
                "{{/adFree}}",
                "<p class=\"x\">",
                "&nbsp;",
                "</p>",
                "&#8217;",
                "<!-- c -->"
            ]
        );
    }

    #[test]
    fn byte_order_marks_and_terminal_codes() {
        let text = "\u{feff}date \u{1b}[31m12%\u{1b}[0m";
        let found: Vec<&str> = find(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(found, vec!["\u{feff}", "\u{1b}[31m", "\u{1b}[0m"]);
    }

    #[test]
    fn leaves_comparisons_alone() {
        assert!(find("if x < y and y > z, 3 & 4").is_empty());
        assert!(find("AT&T rose").is_empty());
    }

    #[test]
    fn blank_keeps_offsets() {
        let text = "Ré<b>sumé</b> 東京";
        let debris = find(text);
        let clean = blank(text, &debris);
        assert_eq!(clean.len(), text.len());
        assert_eq!(clean, "Ré   sumé     東京");
    }
}
