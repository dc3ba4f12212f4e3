//! Writes `models/gazetteer.bin`, the binary form of `models/gazetteer.txt`
//! that the tagger loads (see `src/ner/gazetteer.rs`):
//!
//! ```text
//! cargo run --release --bin build-gazetteer [LIST [OUT]]
//! ```
//!
//! The output depends only on the list, so the build is reproducible; a
//! library test fails when the shipped binary is stale.

use entity_lens::ner::gazetteer::Gazetteer;
use std::process::exit;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") || args.len() > 2 {
        eprintln!(
            "usage: build-gazetteer [LIST (models/gazetteer.txt) [OUT (models/gazetteer.bin)]]"
        );
        exit(2);
    }
    let list = args.first().map_or("models/gazetteer.txt", String::as_str);
    let out = args.get(1).map_or("models/gazetteer.bin", String::as_str);
    let text = std::fs::read_to_string(list).unwrap_or_else(|e| {
        eprintln!("build-gazetteer: {list}: {e}");
        exit(1)
    });
    let gazetteer = Gazetteer::parse(&text);
    let bytes = gazetteer.to_bytes();
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("build-gazetteer: {out}: {e}");
        exit(1);
    }
    eprintln!(
        "build-gazetteer: {} names, {} bytes -> {out}",
        gazetteer.len(),
        bytes.len()
    );
}
