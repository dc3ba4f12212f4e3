//! Template and markup debris that scraped articles carry.
//!
//! Text copied from web pages often keeps template placeholders
//! (`{{^adFree}} … {{/adFree}}`), stray HTML tags and character references
//! (`&nbsp;`), and sometimes a byte-order mark. They are never entities, and they confuse the tagger. Rather
//! than deleting them — which would shift every offset — [`blank`] replaces
//! each debris byte with a space: the cleaned text has exactly the same byte
//! offsets as the text the user pasted.
//!
//! Every pattern has bounded width, so scanning stays linear in the text.
//! The bounded runs are byte classes (`(?-u)`, on a `bytes::Regex`): as
//! Unicode classes, `{0,500}` of them compiled to an automaton that took
//! 10 ms to build at start-up. Their bounds therefore count bytes, not
//! characters. Every match starts and ends on an ASCII byte (or a whole
//! U+FEFF), so its span is on character boundaries.

use crate::span::Span;
use regex::bytes::Regex;
use std::sync::OnceLock;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            // Mustache / Handlebars / Jinja placeholders.
            r"(?-u:\{\{[^{}\n]{0,200}\}\}|\{%[^%\n]{0,200}%\})",
            // HTML comments.
            r"|(?s-u:<!--.{0,500}?-->)",
            // Tags: <p>, </div>, <img src="x" />, <br/>.
            r#"|(?-u:</?[A-Za-z][A-Za-z0-9]{0,15}(?:(?u:\s)[^<>]{0,500})?/?>)"#,
            // Character references: &nbsp; &#8217; &#x2019;
            r"|&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});",
            // Byte-order marks and zero-width no-break spaces.
            r"|\x{FEFF}+",
            // Terminal colour codes in pasted logs: ESC [ 31 m.
            r"|\x1B\[[0-9;]{0,20}[A-Za-z]",
        ))
        .expect("debris pattern is valid")
    })
}

/// The debris spans of `text`, sorted and disjoint.
pub fn find(text: &str) -> Vec<Span> {
    // Every match starts with one of these bytes (0xEF: U+FEFF). Most text
    // has none, and then the pattern is never compiled (start-up).
    if !text
        .bytes()
        .any(|b| matches!(b, b'{' | b'<' | b'&' | 0xEF | 0x1B))
    {
        return Vec::new();
    }
    pattern()
        .find_iter(text.as_bytes())
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}

/// `text` with every byte of every debris span replaced by an ASCII space.
/// The result has the same length and the same character boundaries outside
/// the debris, so offsets carry over unchanged.
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
