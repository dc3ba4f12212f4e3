//! Regression guard for who-is-who and who-said-what: runs `evaluate-who`
//! on `tests/data/who_said.jsonl` (news-style paragraphs written for the
//! project) and holds the goals: at least 95% of quotes attributed
//! correctly and no mention merged into the wrong entity.

use std::process::Command;

fn number_after<'a>(s: &'a str, key: &str) -> &'a str {
    s.split(key)
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or_else(|| panic!("no {key:?} in {s}"))
}

#[test]
fn attribution_and_grouping_meet_their_goals() {
    let out = Command::new(env!("CARGO_BIN_EXE_evaluate-who"))
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/who_said.jsonl"
        ))
        .output()
        .expect("evaluate-who runs");
    assert!(out.status.success());
    let report = String::from_utf8_lossy(&out.stdout);
    let correct: f64 = number_after(&report, "correct = ").parse().expect("ratio");
    assert!(correct >= 0.95, "attribution {correct} < 0.95\n{report}");
    let merged: usize = number_after(&report, "right pairs, ")
        .parse()
        .expect("count");
    assert_eq!(merged, 0, "mentions merged into the wrong entity\n{report}");
    let extra: usize = number_after(&report, "found, ").parse().expect("count");
    assert_eq!(
        extra, 0,
        "scare quotes or titles taken for speech\n{report}"
    );
}
