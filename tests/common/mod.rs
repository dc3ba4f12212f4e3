//! Shared by the table-driven tests (`time_cases`, `number_cases`): the
//! row format `text with [bracketed] extents<TAB>value | value ...`.

/// Splits a text with `[bracketed]` extents into the plain text and the
/// bracketed pieces; `\n` (backslash, n) stands for a line break.
pub fn parse_text(marked: &str) -> (String, Vec<String>) {
    let marked = marked.replace("\\n", "\n");
    let mut plain = String::new();
    let mut pieces = Vec::new();
    let mut current: Option<String> = None;
    for c in marked.chars() {
        match (c, current.as_mut()) {
            ('[', None) => current = Some(String::new()),
            (']', Some(_)) => pieces.extend(current.take()),
            (c, Some(p)) => {
                p.push(c);
                plain.push(c);
            }
            (c, None) => plain.push(c),
        }
    }
    (plain, pieces)
}

/// A ` | `-separated column; `-` is the empty list.
pub fn split_list(s: &str) -> Vec<String> {
    if s.trim() == "-" {
        return Vec::new();
    }
    s.split(" | ").map(|x| x.trim().to_string()).collect()
}
