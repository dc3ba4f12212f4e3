//! Writes `models/automata.bin`, the start-up patterns compiled to DFAs
//! (see `src/automata.rs`):
//!
//! ```text
//! cargo run --release --bin build-automata [OUT]
//! ```
//!
//! The output depends only on the pattern sources, so the build is
//! reproducible; a library test fails when the shipped file is stale.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::process::exit;

    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") || args.len() > 1 {
        eprintln!("usage: build-automata [OUT (models/automata.bin)]");
        exit(2);
    }
    let out = args.first().map_or("models/automata.bin", String::as_str);
    let bytes = entity_lens::automata::build().unwrap_or_else(|e| {
        eprintln!("build-automata: {e}");
        exit(1)
    });
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("build-automata: {out}: {e}");
        exit(1);
    }
    eprintln!("build-automata: {} bytes -> {out}", bytes.len());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
