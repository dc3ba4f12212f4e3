//! `analyze()` on any UTF-8 text: never panics, mentions sorted, disjoint,
//! on character boundaries, references valid, exports well-formed.
#![no_main]

use entity_lens::export::{formats, json};
use entity_lens::{analyze, OffsetIndex, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = analyze(text, &Options::default());
    let mut end = 0;
    for m in &a.mentions {
        assert!(m.span.start >= end && m.span.start < m.span.end);
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(m.entity.is_some_and(|e| e < a.entities.len()));
        end = m.span.end;
    }
    for q in &a.quotes {
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
    let index = OffsetIndex::new(text);
    for m in &a.mentions {
        let (s, e) = index.span_to_utf16(m.span);
        assert_eq!(index.span_from_utf16(s, e), m.span);
    }
    let written = serde_json::to_vec(&json::analysis(None, text, &a)).expect("serializable");
    assert!(serde_json::from_slice::<serde_json::Value>(&written).is_ok());
    let _ = formats::html(text, &a, "fuzz");
    let _ = formats::brat(text, &a);
    let _ = formats::conll(text, &a);
});
