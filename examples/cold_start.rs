//! Times the first `analyze()` call, which builds the embedded model,
//! gazetteers and pattern automata, against a second call on the same text:
//! `cargo run --release --example cold_start`. A profiling aid for the
//! page's time to first highlight.

use entity_lens::{analyze, Options};
use std::time::Instant;

fn main() {
    let text = "Russian President Vladimir Putin met Dmitry Peskov in Moscow on Friday, \
                December 15, 2023, and paid $3.5 billion to press@example.com.";
    use entity_lens::ner::gazetteer::Gazetteer;
    let t = Instant::now();
    let g = Gazetteer::parse(entity_lens::ner::embedded_gazetteer_text());
    println!(
        "gazetteer text parsed (tools): {:?} ({} names)",
        t.elapsed(),
        g.len()
    );
    let t = Instant::now();
    let loaded = Gazetteer::from_bytes(include_bytes!("../models/gazetteer.bin"));
    println!(
        "gazetteer binary loaded (page, CLI): {:?} ({:?} names)",
        t.elapsed(),
        loaded.map(|g| g.len())
    );
    let t = Instant::now();
    let _ = entity_lens::ner::embedded();
    println!("name model and gazetteer: {:?}", t.elapsed());
    let t = Instant::now();
    let _ = analyze(text, &Options::default());
    println!("first analyze (patterns, lists): {:?}", t.elapsed());
    let t = Instant::now();
    let _ = analyze(text, &Options::default());
    println!("second analyze: {:?}", t.elapsed());
}
