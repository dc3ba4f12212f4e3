//! `evaluate-ner`: exact-span CoNLL scores of the full pipeline on CoNLL
//! data rebuilt as natural text.
//!
//! ```text
//! cargo run --release --bin evaluate-ner -- VALID.txt [--tagger-only] [--errors N]
//! ```
//!
//! By default every document goes through `entity_lens::analyze()`, so the
//! pattern recognizers interact with the tagger as in the product; name
//! labels map back with `Label::conll()`. `--tagger-only` scores the
//! embedded tagger alone; `--errors N` prints up to N wrong spans.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use entity_lens::ner::conll::{self, Scores};
    use entity_lens::{analyze, Options};
    use std::collections::HashSet;
    use std::process::exit;
    use std::time::Instant;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: evaluate-ner VALID.txt [--tagger-only] [--errors N]";
    let mut path = None;
    let mut tagger_only = false;
    let mut errors = 0usize;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--tagger-only" => tagger_only = true,
            "--errors" => {
                i += 1;
                errors = args.get(i).and_then(|s| s.parse().ok()).unwrap_or(50);
            }
            "-h" | "--help" => {
                println!("{usage}");
                return;
            }
            p => path = Some(p.to_string()),
        }
        i += 1;
    }
    let Some(path) = path else {
        eprintln!("{usage}");
        exit(2)
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("evaluate-ner: {path}: {e}");
        exit(1)
    });
    let tagger = match entity_lens::ner::embedded() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("evaluate-ner: embedded model: {e}");
            exit(1)
        }
    };
    let docs = conll::read(&text);
    let mut scores = Scores::default();
    let mut shown = 0;
    let t0 = Instant::now();
    let mut words = 0;
    for d in &docs {
        words += d.text.split_whitespace().count();
        let gold: Vec<_> = d.names.iter().map(|n| (n.span, n.kind.conll())).collect();
        let pred: Vec<_> = if tagger_only {
            tagger
                .names(&d.text)
                .iter()
                .map(|n| (n.span, n.kind.conll()))
                .collect()
        } else {
            analyze(&d.text, &Options::default())
                .mentions
                .iter()
                .filter_map(|m| Some((m.span, m.label.conll()?)))
                .collect()
        };
        if shown < errors {
            let g: HashSet<_> = gold.iter().collect();
            let p: HashSet<_> = pred.iter().collect();
            for (s, t) in gold.iter().filter(|x| !p.contains(x)) {
                if shown < errors {
                    println!("MISS {t:<4} {:?}", s.slice(&d.text));
                    shown += 1;
                }
            }
            for (s, t) in pred.iter().filter(|x| !g.contains(x)) {
                if shown < errors {
                    let lo =
                        entity_lens::span::floor_char_boundary(&d.text, s.start.saturating_sub(30));
                    let hi = entity_lens::span::floor_char_boundary(
                        &d.text,
                        (s.end + 30).min(d.text.len()),
                    );
                    println!(
                        "FALSE {t:<4} {:?} in {:?}",
                        s.slice(&d.text),
                        d.text.get(lo..hi).unwrap_or("")
                    );
                    shown += 1;
                }
            }
        }
        scores.add(&gold, &pred);
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{} documents, {words} words, {} ({:.0} words/s)",
        docs.len(),
        if tagger_only {
            "tagger only"
        } else {
            "full analyze()"
        },
        words as f64 / secs.max(1e-9)
    );
    print!("{}", scores.report());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
