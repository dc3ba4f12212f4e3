//! Hostile and degenerate inputs: each must finish, never panic, and keep
//! the analysis well-formed. Sizes are large enough to expose quadratic
//! behaviour (which would time out CI), not to measure speed.

use entity_lens::{analyze, Analysis, Options};

fn well_formed(text: &str, a: &Analysis) {
    let mut end = 0;
    for m in &a.mentions {
        assert!(m.span.start >= end && m.span.start < m.span.end);
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        end = m.span.end;
    }
}

fn run(text: &str) -> Analysis {
    let a = analyze(text, &Options::default());
    well_formed(text, &a);
    a
}

#[test]
fn empty_and_whitespace() {
    assert!(run("").mentions.is_empty());
    assert!(run(" \n\t\r\n \u{a0}\u{2003}").mentions.is_empty());
}

#[test]
fn ten_megabytes_of_news() {
    let para = "On Friday, Peskov said the U.S. paid $3.5 billion (12%) to desk@example.com. \
                \"We are not in a hurry,\" he told reporters in Moscow at 10:30 GMT.\n\n";
    let text = para.repeat(10_000_000 / para.len() + 1);
    let a = run(&text);
    assert!(a.mentions.len() > 100_000);
}

#[test]
fn four_megabytes_dense_in_every_kind_of_name() {
    // Nationalities, events and organizations on every line: once made the
    // name refiner quadratic (it lower-cased the rest of the document for
    // every MISC name: 16 s for 1 MB, now 0.4 s).
    let para = "MOSCOW (Reuters) - Russian President Vladimir Putin met Dmitry Peskov \
                before the Olympics. The International Atomic Energy Agency (IAEA) said \
                French and German officials joined the Geneva Convention talks. \
                \u{201c}We are not in a hurry,\u{201d} Peskov told NBC.\n\n";
    let text = para.repeat(4_000_000 / para.len() + 1);
    let a = run(&text);
    assert!(a.mentions.len() > 100_000);
    assert!(a.entities.len() < 100, "{} entities", a.entities.len());
    // The same without a line break: a backwards search for the start of
    // the line, once unbounded, made every "(Reuters)" scan to the start
    // of the text.
    let text = text.replace('\n', " ");
    let a = run(&text);
    assert!(a.mentions.len() > 100_000);
}

#[test]
fn one_megabyte_without_space_or_newline() {
    let text = "a".repeat(1 << 20);
    assert!(run(&text).mentions.is_empty());
    let text = "東京👍".repeat(1 << 17);
    run(&text);
    let text = "1".repeat(1 << 20);
    run(&text);
    let text = "a.".repeat(1 << 19);
    run(&text);
}

#[test]
fn a_hundred_thousand_quote_marks() {
    for mark in ["\"", "“", "”", "‘", "’", "«", "„"] {
        let text = mark.repeat(100_000);
        assert!(run(&text).quotes.is_empty());
        let text = format!("{}x ", mark).repeat(50_000);
        run(&text);
    }
    // Unbalanced quotes over many paragraphs never swallow the document.
    let text = "“Open and never closed\n\n".repeat(20_000);
    assert!(run(&text).quotes.is_empty());
}

#[test]
fn inputs_built_to_trip_backtracking() {
    let cases = [
        format!("{}@", "a.".repeat(100_000)),
        format!("http://{}", "a".repeat(200_000)),
        format!("+{}", "1 ".repeat(100_000)),
        "1,".repeat(100_000),
        format!("{}!", "<a ".repeat(50_000)),
        "{{".repeat(100_000),
        "&#".repeat(100_000),
        "<!--".repeat(50_000),
        "Dec. ".repeat(100_000),
        "twenty-".repeat(100_000),
        "$".repeat(100_000),
        "#".repeat(100_000),
        "@".repeat(100_000),
        "A. ".repeat(100_000),
    ];
    for text in &cases {
        run(text);
    }
}

#[test]
fn control_characters_bom_crlf() {
    let text = "\u{feff}date 2023-12-16\r\nPay $5\0 to a@b.com\u{7}\r\n\u{1b}[31m12%\u{1b}[0m";
    let a = run(text);
    assert_eq!(
        a.document_date.map(|d| d.date.to_string()).as_deref(),
        Some("2023-12-16")
    );
    let labels: Vec<&str> = a.mentions.iter().map(|m| m.label.as_str()).collect();
    assert!(
        labels.contains(&"MONEY") && labels.contains(&"EMAIL") && labels.contains(&"PERCENT"),
        "{labels:?}"
    );
}

#[test]
fn scripts_of_the_world() {
    let text = "مرحبا بالعالم 12% שלום $5 東京で会議 👨‍👩‍👧‍👦 e\u{301}\u{301} Ελλάδα 2023-12-16 Привет";
    let a = run(text);
    let found: Vec<&str> = a.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(
        found.contains(&"12%") && found.contains(&"$5") && found.contains(&"2023-12-16"),
        "{found:?}"
    );
}
