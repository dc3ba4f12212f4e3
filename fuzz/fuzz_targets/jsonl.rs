//! The CLI's JSONL reader on any bytes: never panics, one output line per
//! non-blank input line, each a JSON object with an id and either entities
//! or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    entity_lens::cli::run_jsonl(data, &mut out, None).expect("in-memory I/O cannot fail");
    let expected = data
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    let text = String::from_utf8(out).expect("output is UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), expected);
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).expect("output line is JSON");
        assert!(v.get("id").is_some());
        assert!(v.get("entities").is_some() != v.get("error").is_some());
    }
});
