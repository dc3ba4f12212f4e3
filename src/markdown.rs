//! Markdown to readable text, for opening `.md` files: the words a reader
//! sees, without the syntax (headings' `#`, list markers, emphasis marks,
//! code fences, link targets, table rules). Line structure is kept, so
//! paragraphs and sentences stay apart. Pure and small on purpose: a
//! parser crate would be larger than the whole feature warrants.

/// The readable text of a Markdown document.
pub fn to_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut fence: Option<&str> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            } else {
                out.push_str(line);
                out.push('\n');
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            continue;
        }
        if is_rule(trimmed) || is_table_rule(trimmed) || is_link_definition(trimmed) {
            out.push('\n');
            continue;
        }
        let body = block_prefix_stripped(trimmed);
        let body = if body.starts_with('|') || body.ends_with('|') {
            body.trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("  ")
        } else {
            body.to_string()
        };
        out.push_str(&inline(&body));
        out.push('\n');
    }
    out
}

/// `---`, `***`, `___` (three or more, spaces allowed).
fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ["-", "*", "_"]
            .iter()
            .any(|m| marks.chars().all(|c| c.to_string() == *m))
}

/// A table's header rule: `|---|:--:|`.
fn is_table_rule(line: &str) -> bool {
    line.contains('-')
        && line.contains('|')
        && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// `[ref]: https://…`
fn is_link_definition(line: &str) -> bool {
    line.starts_with('[') && line.contains("]: ")
}

/// Drops block markers: `#` headings, `>` quotes, `-`/`*`/`+`/`1.` list
/// items and task boxes.
fn block_prefix_stripped(mut line: &str) -> &str {
    loop {
        let before = line;
        if let Some(rest) = line.strip_prefix('>') {
            line = rest.trim_start();
        }
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
            line = line[hashes..].trim_start().trim_end_matches([' ', '#']);
        }
        for marker in ["- ", "* ", "+ "] {
            if let Some(rest) = line.strip_prefix(marker) {
                line = rest.trim_start();
            }
        }
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") ")) {
            line = line[digits + 2..].trim_start();
        }
        for task in ["[ ] ", "[x] ", "[X] "] {
            if let Some(rest) = line.strip_prefix(task) {
                line = rest;
            }
        }
        if line == before {
            return line;
        }
    }
}

/// Inline syntax: escapes, code spans, images and links (their text),
/// autolinks, emphasis marks.
fn inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                let ticks = chars[i..].iter().take_while(|&&t| t == '`').count();
                let close = (i + ticks..chars.len())
                    .find(|&j| chars[j..].iter().take_while(|&&t| t == '`').count() == ticks);
                match close {
                    Some(j) => {
                        out.extend(&chars[i + ticks..j]);
                        i = j + ticks;
                    }
                    None => {
                        out.extend(&chars[i..i + ticks]);
                        i += ticks;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => i += 1,
            '[' => match link_end(&chars, i) {
                Some((label_end, next)) => {
                    out.push_str(&inline(&chars[i + 1..label_end].iter().collect::<String>()));
                    i = next;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '<' if autolink_end(&chars, i).is_some() => {
                let end = autolink_end(&chars, i).unwrap_or(i);
                out.extend(&chars[i + 1..end]);
                i = end + 1;
            }
            '*' | '_' | '~' => {
                let run = chars[i..].iter().take_while(|&&t| t == c).count();
                let before = i.checked_sub(1).and_then(|j| chars.get(j));
                let after = chars.get(i + run);
                let word = |x: Option<&char>| x.is_some_and(|x| x.is_alphanumeric());
                let space = |x: Option<&char>| x.is_none_or(|x| x.is_whitespace());
                // A delimiter touches text on one side only; `snake_case`,
                // `2 * 3` and a lone `~` stay.
                let flanked = (word(before) && word(after)) || (space(before) && space(after));
                let delimiter = !flanked && (c != '~' || run >= 2);
                if !delimiter {
                    out.extend(&chars[i..i + run]);
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// For `[text](url)`, `[text][ref]` and `[text]`-with-definition at `start`:
/// the index of `]` and where the text goes on.
fn link_end(chars: &[char], start: usize) -> Option<(usize, usize)> {
    let mut depth = 0;
    let close = (start..chars.len()).find(|&j| {
        match chars[j] {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ => {}
        }
        depth == 0
    })?;
    let (open, shut) = match chars.get(close + 1) {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0;
    let end = (close + 1..chars.len()).find(|&j| {
        if chars[j] == open {
            depth += 1;
        } else if chars[j] == shut {
            depth -= 1;
        }
        depth == 0
    })?;
    Some((close, end + 1))
}

/// For `<https://…>` or `<a@b.c>` at `start`: the index of `>`.
fn autolink_end(chars: &[char], start: usize) -> Option<usize> {
    let end = (start + 1..chars.len()).find(|&j| chars[j] == '>')?;
    let inner: String = chars[start + 1..end].iter().collect();
    let looks = (inner.starts_with("http://") || inner.starts_with("https://"))
        || (inner.contains('@') && !inner.contains(' '));
    (looks && !inner.contains(char::is_whitespace)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn strips_block_syntax() {
        let md = "# Talks in *Sochi*\n\n> Putin said:\n\n- first\n* second\n2. third\n- [x] done\n\n---\n";
        assert_eq!(
            to_text(md),
            "Talks in Sochi\n\nPutin said:\n\nfirst\nsecond\nthird\ndone\n\n\n"
        );
    }

    #[test]
    fn strips_inline_syntax() {
        assert_eq!(
            to_text("**Vladimir Putin** met _Rafael Grossi_ on `15 Dec`.\n"),
            "Vladimir Putin met Rafael Grossi on 15 Dec.\n"
        );
        assert_eq!(
            to_text("See [the IAEA](https://iaea.org \"t\") and ![logo](x.png) or <https://a.example/b>.\n"),
            "See the IAEA and logo or https://a.example/b.\n"
        );
        assert_eq!(
            to_text("[ref text][1]\n\n[1]: https://example.org\n"),
            "ref text\n\n\n"
        );
        assert_eq!(
            to_text("snake_case and 2 * 3 = 6, \\*not emphasis\\*, ~~gone~~ ~x\n"),
            "snake_case and 2 * 3 = 6, *not emphasis*, gone ~x\n"
        );
    }

    #[test]
    fn code_and_tables() {
        assert_eq!(
            to_text("```rust\nlet *x* = 1;\n```\n| Name | Born |\n|---|:-:|\n| Ada | 1815 |\n"),
            "let *x* = 1;\nName  Born\n\nAda  1815\n"
        );
    }

    #[test]
    fn markup_is_kept_as_text() {
        assert_eq!(
            to_text("<script>alert(1)</script>\n"),
            "<script>alert(1)</script>\n"
        );
    }
}
