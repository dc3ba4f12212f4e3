//! Data-driven regression test of the name tagger through `analyze()`:
//! `tests/data/ner_regression.tsv` (format in the file's header).
//!
//! The tagger is statistical, so some cases fail; the test prints every
//! failing case and asserts a pass rate of at least 80%. Why not 100%: a
//! sentence passes only when all of its two to four names are exactly
//! right, and the tagger (exact-span F1 about 0.93 on CoNLL dev) knows the
//! world of its 1996 training news: places standing for institutions ("the
//! Kremlin"), title-case headlines ("Pfizer and Moderna Race to Ship
//! Vaccines Across Europe") and some one-word 2020 companies ("Alibaba",
//! "Slack") are its known weak spots. The printed failures are the list to
//! improve against; raise the bar as it improves.

use entity_lens::{analyze, Label, Options};

struct Case {
    line: usize,
    text: String,
    expected: Vec<(Label, String)>,
}

fn cases() -> Vec<Case> {
    let data = include_str!("data/ner_regression.tsv");
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let (text, names) = l.split_once('\t').unwrap_or((l, ""));
            let expected = names
                .split(" | ")
                .filter(|s| !s.trim().is_empty())
                .map(|s| {
                    let (label, name) = s
                        .split_once(':')
                        .unwrap_or_else(|| panic!("line {}: bad entry {s:?}", i + 1));
                    let label: Label = label
                        .parse()
                        .unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
                    (label, name.to_string())
                })
                .collect();
            Case {
                line: i + 1,
                text: text.to_string(),
                expected,
            }
        })
        .collect()
}

#[test]
fn regression_sentences() {
    let cases = cases();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let mut passed = 0;
    let mut fine_labels = (0, 0);
    for case in &cases {
        let analysis = analyze(&case.text, &Options::default());
        let found: Vec<(Label, &str)> = analysis
            .mentions
            .iter()
            .filter(|m| m.label.is_name())
            .map(|m| (m.label, m.text.as_str()))
            .collect();
        let mut problems = Vec::new();
        for (label, name) in &case.expected {
            match found.iter().find(|(_, t)| t == name) {
                Some((l, _)) if l.conll() == label.conll() => {
                    fine_labels.1 += 1;
                    if l == label {
                        fine_labels.0 += 1;
                    }
                }
                Some((l, _)) => problems.push(format!("{name:?}: {l}, expected {label}")),
                None => problems.push(format!("missed {label} {name:?}")),
            }
        }
        for (l, t) in &found {
            if !case.expected.iter().any(|(_, n)| n == t) {
                problems.push(format!("extra {l} {t:?}"));
            }
        }
        if problems.is_empty() {
            passed += 1;
        } else {
            println!(
                "line {}: {}\n    {}",
                case.line,
                case.text,
                problems.join("; ")
            );
        }
    }
    let rate = passed as f64 / cases.len() as f64;
    println!(
        "{passed}/{} sentences pass ({:.1}%); fine labels right for {}/{} names found",
        cases.len(),
        rate * 100.0,
        fine_labels.0,
        fine_labels.1
    );
    assert!(rate >= 0.80, "pass rate {rate:.3} below 0.80");
}
