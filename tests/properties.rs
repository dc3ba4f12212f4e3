//! Properties that hold for every input: no panic, mentions sorted and
//! disjoint on character boundaries, references valid, offsets round-trip,
//! analysis deterministic.
//!
//! Native only: proptest is a native dev-dependency.

#![cfg(not(target_arch = "wasm32"))]

use entity_lens::{analyze, OffsetIndex, Options};
use proptest::prelude::*;

/// Text that looks like news, with the characters that break naive code:
/// quotes of every kind, digits and separators, emoji, CJK, RTL,
/// combining marks, CRLF, NUL and BOM.
fn newsish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "Putin",
        "said",
        "on",
        "Friday",
        "$3.5",
        "billion",
        "12%",
        "Dec.",
        "16,",
        "2023",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "(IAEA)",
        "U.S.",
        "a@b.com",
        "https://x.org/a",
        "#tag",
        "@me",
        "+44 20 7946 0958",
        "👍🏽",
        "東京",
        "שלום",
        "e\u{301}",
        "\r\n",
        "\n\n",
        "\0",
        "\u{feff}",
        "<b>",
        "{{x}}",
        "&nbsp;",
        "—",
        "-",
        ",",
        ".",
        " ",
        "  ",
        "10:30",
        "p.m.",
        "May",
        "may",
        "March",
        "third",
        "twenty-five",
        "km",
        "€",
        "percent",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let a = analyze(text, &Options::default());
    let mut last_end = 0;
    for m in &a.mentions {
        assert!(m.span.start < m.span.end, "empty mention {m:?}");
        assert!(m.span.start >= last_end, "overlap or unsorted at {m:?}");
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert_eq!(m.text, &text[m.span.range()]);
        let e = m.entity.expect("every mention has an entity");
        assert!(a.entities[e]
            .mentions
            .iter()
            .any(|&i| a.mentions[i].span == m.span));
        last_end = m.span.end;
    }
    for q in &a.quotes {
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(q.speaker.is_none_or(|s| s < a.entities.len()));
    }
    for d in &a.debris {
        assert!(
            !a.mentions.iter().any(|m| m.span.overlaps(d)),
            "mention in debris {d:?}"
        );
    }
    assert_eq!(a, analyze(text, &Options::default()), "deterministic");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn newsish_text_is_well_formed(text in newsish()) {
        check(&text);
    }

    #[test]
    fn offsets_round_trip(text in any::<String>()) {
        let idx = OffsetIndex::new(&text);
        let mut units = 0;
        for (chars, (b, c)) in text.char_indices().enumerate() {
            prop_assert_eq!(idx.byte_to_char(b), chars);
            prop_assert_eq!(idx.char_to_byte(chars), b);
            prop_assert_eq!(idx.byte_to_utf16(b), units);
            prop_assert_eq!(idx.utf16_to_byte(units), b);
            units += c.len_utf16();
        }
        prop_assert_eq!(idx.byte_to_char(text.len()), text.chars().count());
        prop_assert_eq!(idx.byte_to_utf16(text.len()), units);
    }
}
