//! Table-driven tests of numbers, money, percentages and quantities: every
//! row of `tests/data/number_cases.tsv` runs through
//! `entity_lens::analyze()`; the CARDINAL, ORDINAL, MONEY, PERCENT and
//! QUANTITY mentions must have exactly the bracketed extents, labels and
//! values. Every failing row is printed.

mod common;

use common::{parse_text, rows, split_list};
use entity_lens::{analyze, Label, Options, Value};

/// Values match when equal as text or, for plain numbers, within 1e-9.
fn same_value(expected: &str, got: &Option<Value>) -> bool {
    match got {
        Some(Value::Number(n)) => expected
            .parse::<f64>()
            .is_ok_and(|e| (e - n).abs() <= 1e-9 * e.abs().max(1.0)),
        Some(v) => v.to_string() == expected,
        None => expected.is_empty(),
    }
}

#[test]
fn number_cases() {
    let table = include_str!("data/number_cases.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (line, cols) in rows(table, 3) {
        count += 1;
        let (text, extents) = parse_text(cols[0]);
        let labels = split_list(cols[1]);
        let values = split_list(cols[2]);
        assert!(
            extents.len() == labels.len() && labels.len() == values.len(),
            "line {}: {} extents, {} labels, {} values",
            line,
            extents.len(),
            labels.len(),
            values.len()
        );
        let a = analyze(&text, &Options::default());
        let got: Vec<_> = a
            .mentions
            .iter()
            .filter(|m| {
                matches!(
                    m.label,
                    Label::Cardinal
                        | Label::Ordinal
                        | Label::Money
                        | Label::Percent
                        | Label::Quantity
                )
            })
            .collect();
        let ok = got.len() == extents.len()
            && got
                .iter()
                .zip(&extents)
                .zip(&labels)
                .zip(&values)
                .all(|(((m, e), l), v)| {
                    m.text == *e && m.label.as_str() == l && same_value(v, &m.value)
                });
        if !ok {
            let shown: Vec<_> = got
                .iter()
                .map(|m| {
                    (
                        m.text.clone(),
                        m.label.as_str(),
                        m.value.as_ref().map(|v| v.to_string()).unwrap_or_default(),
                    )
                })
                .collect();
            failures.push(format!(
                "line {}: {text:?}\n    expected {extents:?} {labels:?} {values:?}\n    got      {shown:?}",
                line
            ));
        }
    }
    for f in &failures {
        println!("{f}");
    }
    assert!(count >= 90, "the table has {count} rows");
    assert!(
        failures.is_empty(),
        "{} of {count} number cases failed (listed above)",
        failures.len()
    );
}
