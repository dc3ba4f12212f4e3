//! Export formats other tools read: spaCy/displaCy JSON, CSV of mentions
//! and of entities, brat standoff, CoNLL-style BIO and a self-contained
//! annotated HTML page.
//!
//! Offsets in every format count Unicode code points, as spaCy and brat do.
//! Every format escapes what it must: CSV quotes fields (and defuses
//! spreadsheet formulas), HTML escapes all text and carries no script.

use crate::analysis::Analysis;
use crate::span::OffsetIndex;
use serde_json::json;
use std::fmt::Write;
use unicode_segmentation::UnicodeSegmentation;

/// displaCy's manual format: `{"text", "ents": [{"start", "end", "label"}]}`.
pub fn displacy(text: &str, a: &Analysis) -> String {
    let index = OffsetIndex::new(text);
    let ents: Vec<_> = a
        .mentions
        .iter()
        .map(|m| {
            let (start, end) = index.span_to_chars(m.span);
            json!({"start": start, "end": end, "label": m.label.as_str()})
        })
        .collect();
    json!({"text": text, "ents": ents, "title": null}).to_string()
}

/// One CSV field, quoted when needed; a leading `=`, `+`, `-` or `@` is
/// prefixed with `'` so spreadsheets do not run it as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// CSV of mentions: `start,end,label,text,value,entity,entity_name`.
pub fn mentions_csv(text: &str, a: &Analysis) -> String {
    let index = OffsetIndex::new(text);
    let mut out = String::new();
    csv_row(
        &mut out,
        &[
            "start",
            "end",
            "label",
            "text",
            "value",
            "entity",
            "entity_name",
        ],
    );
    for m in &a.mentions {
        let (s, e) = index.span_to_chars(m.span);
        let value = m
            .value
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let entity = m.entity.map(|e| e.to_string()).unwrap_or_default();
        let name = m
            .entity
            .and_then(|e| a.entities.get(e))
            .map_or("", |e| e.name.as_str());
        csv_row(
            &mut out,
            &[
                &s.to_string(),
                &e.to_string(),
                m.label.as_str(),
                &m.text,
                &value,
                &entity,
                name,
            ],
        );
    }
    out
}

/// CSV of entities: `ref,label,name,count,aliases,roles` (lists joined
/// with `; `).
pub fn entities_csv(a: &Analysis) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &["ref", "label", "name", "count", "aliases", "roles"],
    );
    for (i, e) in a.entities.iter().enumerate() {
        csv_row(
            &mut out,
            &[
                &i.to_string(),
                e.label.as_str(),
                &e.name,
                &e.mentions.len().to_string(),
                &e.aliases.join("; "),
                &e.roles.join("; "),
            ],
        );
    }
    out
}

/// brat standoff: the `.ann` file for the text saved as `.txt`. One `T`
/// line per mention; a mention spanning a line break is written as
/// discontinuous fragments, as brat requires.
pub fn brat(text: &str, a: &Analysis) -> String {
    let index = OffsetIndex::new(text);
    let mut out = String::new();
    for (n, m) in a.mentions.iter().enumerate() {
        let mut fragments = Vec::new();
        let mut at = m.span.start;
        for piece in m.text.split('\n') {
            let start = at;
            let end = start + piece.len();
            if !piece.is_empty() {
                fragments.push((index.byte_to_char(start), index.byte_to_char(end)));
            }
            at = end + 1;
        }
        let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let shown = m.text.replace('\n', " ");
        let _ = writeln!(
            out,
            "T{}\t{} {}\t{}",
            n + 1,
            m.label.as_str(),
            offsets.join(";"),
            shown
        );
    }
    out
}

/// CoNLL-style BIO: one token per line, `token<TAB>tag`, a blank line
/// between lines of the text. Tokens are Unicode words and punctuation.
pub fn conll(text: &str, a: &Analysis) -> String {
    let mut out = String::new();
    let mut k = 0; // next mention that may cover a token
    let mut line_has_tokens = false;
    for (start, tok) in text.split_word_bound_indices() {
        if tok.contains('\n') {
            if line_has_tokens {
                out.push('\n');
                line_has_tokens = false;
            }
            continue;
        }
        if tok.trim().is_empty() {
            continue;
        }
        while k < a.mentions.len() && a.mentions[k].span.end <= start {
            k += 1;
        }
        let tag = match a.mentions.get(k) {
            Some(m) if m.span.start <= start && start < m.span.end => {
                let prefix = if m.span.start == start { "B" } else { "I" };
                format!("{prefix}-{}", m.label.as_str())
            }
            _ => "O".to_string(),
        };
        let _ = writeln!(out, "{tok}\t{tag}");
        line_has_tokens = true;
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped_html(&mut out, s);
    out
}

/// Appends `s` to `out` escaped for HTML element content and attribute
/// values. A carriage return is written as a character reference, so the
/// HTML parser keeps it (it turns a raw one into a line feed) and the text
/// reads back exactly; NUL, which HTML cannot carry, becomes U+FFFD.
pub fn push_escaped_html(out: &mut String, s: &str) {
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\r' => "&#13;",
            b'\0' => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        out.push_str(rep);
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
}

/// A self-contained HTML page with the text and its highlighted mentions:
/// inline CSS, no script, everything escaped.
pub fn html(text: &str, a: &Analysis, title: &str) -> String {
    let mut body = String::new();
    let mut at = 0;
    for m in &a.mentions {
        body.push_str(&escape_html(&text[at..m.span.start]));
        let tip = match &m.value {
            Some(v) => format!("{} — {v}", m.label.description()),
            None => m.label.description().to_string(),
        };
        let _ = write!(
            body,
            "<mark data-label=\"{l}\" title=\"{t}\">{x}<small>{l}</small></mark>",
            l = m.label.as_str(),
            t = escape_html(&tip),
            x = escape_html(&m.text)
        );
        at = m.span.end;
    }
    body.push_str(&escape_html(&text[at..]));
    format!(
        concat!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
            "<title>{title}</title>\n<style>\n",
            "body{{font:16px/1.6 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}}\n",
            "article{{white-space:pre-wrap}}mark{{background:#e8eefc;border-radius:3px;padding:0 2px}}\n",
            "mark small{{font-size:.65em;font-weight:600;margin-left:3px;color:#333}}\n",
            "</style></head><body>\n<h1>{title}</h1>\n<article>{body}</article>\n</body></html>\n"
        ),
        title = escape_html(title),
        body = body
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    const TEXT: &str = "東京: mail a@b.com, \"=cmd\" <script>x</script>\nsaid 12%.";

    fn analysis() -> Analysis {
        analyze(TEXT, &Options::default())
    }

    #[test]
    fn displacy_uses_code_points() {
        let v: serde_json::Value =
            serde_json::from_str(&displacy(TEXT, &analysis())).expect("json");
        assert_eq!(v["text"], TEXT);
        let e = &v["ents"][0];
        assert_eq!(e["label"], "EMAIL");
        let chars: Vec<char> = TEXT.chars().collect();
        let (s, t) = (
            e["start"].as_u64().unwrap_or(0) as usize,
            e["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(chars[s..t].iter().collect::<String>(), "a@b.com");
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        let csv = mentions_csv(TEXT, &analysis());
        assert!(csv.starts_with("start,end,label,text,value,entity,entity_name\r\n"));
        assert!(csv.contains(",EMAIL,a@b.com,a@b.com,"));
        let ecsv = entities_csv(&analysis());
        assert!(ecsv.lines().count() >= 3);
    }

    #[test]
    fn brat_lines() {
        let ann = brat(TEXT, &analysis());
        let first = ann.lines().next().unwrap_or("");
        let cols: Vec<&str> = first.split('\t').collect();
        assert_eq!(cols[0], "T1");
        assert_eq!(cols[2], "a@b.com");
        let offs: Vec<usize> = cols[1]
            .split(' ')
            .skip(1)
            .filter_map(|x| x.parse().ok())
            .collect();
        let chars: Vec<char> = TEXT.chars().collect();
        assert_eq!(
            chars[offs[0]..offs[1]].iter().collect::<String>(),
            "a@b.com"
        );
    }

    #[test]
    fn conll_bio_tags() {
        let out = conll(TEXT, &analysis());
        assert!(out.contains("12\tB-PERCENT\n%\tI-PERCENT\n"), "{out}");
        assert!(out.contains("mail\tO\n"));
        assert!(
            out.contains("\n\nsaid\tO"),
            "line break makes a blank line: {out}"
        );
    }

    #[test]
    fn escapes_markup_quotes_and_what_the_parser_would_alter() {
        assert_eq!(
            escape_html("<a href=\"x\">'&'</a>\r\n\0é"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;&#13;\n\u{FFFD}é"
        );
        assert_eq!(escape_html("plain"), "plain");
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn html_is_escaped_and_scriptless() {
        let page = html(TEXT, &analysis(), "<Report>");
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;x&lt;/script&gt;"));
        assert!(page.contains("<title>&lt;Report&gt;</title>"));
        assert!(page.contains("<mark data-label=\"EMAIL\""));
        assert!(page.contains("default-src 'none'"));
    }
}
