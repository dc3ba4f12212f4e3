//! The visible text of an HTML document, for opening `.html` files. A
//! small pure tokenizer, not the browser's parser: the document is never
//! handed to the DOM, so nothing in it can run, load or even be checked
//! against the page's Content-Security-Policy. The content of `script`,
//! `style`, `template`, `noscript`, `head` (but the title), `iframe`,
//! `object`, `svg`, `canvas` and `textarea` is dropped, comments too;
//! block elements start new lines; whitespace collapses as a browser shows
//! it; character references are decoded.

/// Elements whose content is never shown.
const HIDDEN: [&str; 11] = [
    "script", "style", "template", "noscript", "head", "iframe", "object", "svg", "canvas",
    "textarea", "math",
];

/// Elements that start a new line.
const BLOCKS: [&str; 33] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "address",
    "title",
    "body",
    "html",
];

/// The visible text of `html` (with the title, if any, as its first line).
pub fn visible_text(html: &str) -> String {
    let mut title = String::new();
    let mut body = String::new();
    let mut hidden: Option<String> = None; // the hidden element we are inside
    let mut in_title = false;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text(rest, hidden.is_some(), in_title, &mut title, &mut body);
            break;
        };
        let (before, after) = rest.split_at(lt);
        text(before, hidden.is_some(), in_title, &mut title, &mut body);
        rest = after;
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let Some(tag) = Tag::parse(rest) else {
            // A lone `<` is text.
            text("<", hidden.is_some(), in_title, &mut title, &mut body);
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        if let Some(h) = &hidden {
            if tag.closing && tag.name == *h {
                hidden = None;
            }
            continue;
        }
        if tag.name == "title" {
            in_title = !tag.closing;
            continue;
        }
        if !tag.closing && HIDDEN.contains(&tag.name.as_str()) {
            if !tag.self_closing && tag.name != "head" {
                hidden = Some(tag.name);
            }
            continue;
        }
        if BLOCKS.contains(&tag.name.as_str()) && !body.ends_with('\n') {
            body.push('\n');
        }
    }
    let mut out = String::new();
    let title = title.trim();
    if !title.is_empty() {
        out.push_str(title);
        out.push_str("\n\n");
    }
    out.push_str(&tidy(&body));
    out
}

/// A tag at the start of the input.
struct Tag {
    /// Lower-case name.
    name: String,
    /// `</name>`.
    closing: bool,
    /// `<name/>`.
    self_closing: bool,
    /// Bytes it spans, through `>`.
    len: usize,
}

impl Tag {
    /// Parses `<name ...>`, `</name>` or `<!...>` (doctype: an empty name).
    fn parse(s: &str) -> Option<Tag> {
        let inner = s.strip_prefix('<')?;
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, inner),
        };
        let first = inner.chars().next()?;
        if !(first.is_ascii_alphabetic() || (!closing && (first == '!' || first == '?'))) {
            return None;
        }
        let name: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        // The end: the first `>` outside a quoted attribute value.
        let mut quote = None;
        let mut end = None;
        for (i, c) in s.char_indices().skip(1) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end?;
        Some(Tag {
            self_closing: s[..end].ends_with('/'),
            name,
            closing,
            len: end + 1,
        })
    }
}

/// Appends text (decoded, whitespace collapsed) to the title or the body.
fn text(raw: &str, hidden: bool, in_title: bool, title: &mut String, body: &mut String) {
    if hidden || raw.is_empty() {
        return;
    }
    let out = if in_title { title } else { body };
    let decoded = decode_references(raw);
    let mut last_space = out.is_empty() || out.ends_with([' ', '\n']);
    for c in decoded.chars() {
        // HTML whitespace is ASCII; a no-break space stays.
        if c.is_ascii_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

/// Decodes `&#NN;`, `&#xHH;` and common named references; anything else
/// stays as written.
pub fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 32);
        let decoded = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                };
                char::from_u32(code).filter(|c| *c != '\0')?
            } else {
                named(name)?
            };
            Some((c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The common named character references.
fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        _ => return None,
    })
}

/// Trims each line and keeps at most one blank line between paragraphs.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_only() {
        let html = "<!doctype html><html><head><title>IAEA &amp; talks</title>\
            <style>p{color:red}</style><script>var a = '<p>no</p>';</script></head>\
            <body onload=\"x()\"><h1>Talks in Sochi</h1>\
            <p>Vladimir Putin met <b>Rafael Grossi</b> on 15&nbsp;December&#x20;2023.</p>\
            <!-- <p>comment</p> --><template><p>template</p></template><noscript>no js</noscript>\
            <img src=x onerror=\"alert(1)\"><ul><li>a &lt;b&gt; &unknown; &#0;</li><li title='x>y'>c</li></ul></body></html>";
        assert_eq!(
            visible_text(html),
            "IAEA & talks\n\nTalks in Sochi\nVladimir Putin met Rafael Grossi on 15\u{a0}December 2023.\na <b> &unknown; &#0;\nc\n"
        );
    }

    #[test]
    fn broken_markup_is_text_or_dropped() {
        assert_eq!(visible_text("2 < 3 and 5 > 4"), "2 < 3 and 5 > 4\n");
        assert_eq!(visible_text("a <script>never closed"), "a\n");
        assert_eq!(visible_text("x <b unterminated"), "x <b unterminated\n");
        assert_eq!(visible_text(""), "");
    }
}
