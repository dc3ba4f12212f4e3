//! Shared by the table-driven tests (`time_cases`, `number_cases`): the
//! row format `text with [bracketed] extents<TAB>value | value ...`.

/// The data rows of a tab-separated table — `#` comments and blank lines
/// skipped — as `(1-based line number, columns)`, each checked to have
/// exactly `columns` columns.
pub fn rows(table: &str, columns: usize) -> impl Iterator<Item = (usize, Vec<&str>)> {
    table
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .map(move |(n, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                cols.len(),
                columns,
                "line {}: {columns} tab-separated columns",
                n + 1
            );
            (n + 1, cols)
        })
}

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
