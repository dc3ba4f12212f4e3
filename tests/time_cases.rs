//! Table-driven tests of temporal expressions: every row of
//! `tests/data/time_cases.tsv` runs through `entity_lens::analyze()` with
//! its document date; the DATE and TIME mentions must have exactly the
//! bracketed extents, values and types. Every failing row is printed.

mod common;

use common::{parse_text, rows, split_list};
use entity_lens::{analyze, Label, Options, Value};

/// One expected mention: extent text, TIMEX3 value, type.
type Expected = (String, String, String);

#[test]
fn time_cases() {
    let table = include_str!("data/time_cases.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (line, cols) in rows(table, 4) {
        count += 1;
        let date = chrono::NaiveDate::parse_from_str(cols[0], "%Y-%m-%d").ok();
        let (text, extents) = parse_text(cols[1]);
        let values = split_list(cols[2]);
        let kinds = split_list(cols[3]);
        assert!(
            extents.len() == values.len() && values.len() == kinds.len(),
            "line {}: {} extents, {} values, {} types",
            line,
            extents.len(),
            values.len(),
            kinds.len()
        );
        let expected: Vec<Expected> = extents
            .into_iter()
            .zip(values)
            .zip(kinds)
            .map(|((e, v), k)| (e, v, k))
            .collect();
        let a = analyze(
            &text,
            &Options {
                document_date: date,
            },
        );
        let got: Vec<Expected> = a
            .mentions
            .iter()
            .filter(|m| matches!(m.label, Label::Date | Label::Time))
            .map(|m| match &m.value {
                Some(Value::Time { timex, kind }) => {
                    (m.text.clone(), timex.clone(), kind.as_str().to_string())
                }
                _ => (m.text.clone(), String::new(), String::new()),
            })
            .collect();
        if got != expected {
            failures.push(format!(
                "line {}: {:?} ({})\n    expected {:?}\n    got      {:?}",
                line, text, cols[0], expected, got
            ));
        }
    }
    for f in &failures {
        println!("{f}");
    }
    assert!(count >= 200, "the table has {count} rows");
    assert!(
        failures.is_empty(),
        "{} of {count} time cases failed (listed above)",
        failures.len()
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use entity_lens::{analyze, Label, Options, Value};
    use proptest::prelude::*;

    /// Pieces of temporal text, numbers and odd characters, glued in any
    /// order with any separator.
    const VOCAB: &[&str] = &[
        "May",
        "may",
        "March",
        "Friday",
        "last",
        "next",
        "this",
        "week",
        "the",
        "past",
        "three",
        "months",
        "ago",
        "2024",
        "1990s",
        "'",
        "’",
        "s",
        "5",
        "31",
        "p.m.",
        "a.m",
        ":",
        "30",
        "Dec",
        ".",
        ",",
        "-",
        "/",
        "of",
        "early",
        "mid",
        "every",
        "Monday",
        "now",
        "day",
        "following",
        "that",
        "quarter",
        "first",
        "half",
        "an",
        "hour",
        "1/2",
        "é",
        "日本",
        "🙂",
        "\n",
        "\n\n",
        "GMT",
        "Christmas",
        "Easter",
        "$",
        "%",
        "twenty",
        "five",
        "o'clock",
        "noon",
    ];

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in any::<String>(), dated in any::<bool>()) {
            let doc = if dated { chrono::NaiveDate::from_ymd_opt(2024, 2, 29) } else { None };
            let a = analyze(&text, &Options { document_date: doc });
            for m in &a.mentions {
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            }
        }

        #[test]
        fn never_panics_and_spans_are_sound(
            words in prop::collection::vec(prop::sample::select(VOCAB), 0..40),
            seps in prop::collection::vec(prop::sample::select(&[" ", "", "  ", "\n", "-"][..]), 40),
            dated in any::<bool>(),
        ) {
            let text: String = words.iter().zip(seps.iter()).map(|(w, s)| format!("{w}{s}")).collect();
            let doc = if dated { chrono::NaiveDate::from_ymd_opt(2024, 1, 3) } else { None };
            let a = analyze(&text, &Options { document_date: doc });
            let mut last_end = 0;
            for m in &a.mentions {
                prop_assert!(m.span.start >= last_end && m.span.start < m.span.end);
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                last_end = m.span.end;
                if matches!(m.label, Label::Date | Label::Time) {
                    let ok = matches!(&m.value, Some(Value::Time { timex, .. }) if !timex.is_empty());
                    prop_assert!(ok, "temporal mention without value: {:?}", m);
                }
            }
        }
    }
}
