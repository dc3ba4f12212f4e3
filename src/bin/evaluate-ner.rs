//! `evaluate-ner`: exact-span CoNLL scores of the full pipeline on CoNLL
//! data rebuilt as natural text.
//!
//! ```text
//! cargo run --release --bin evaluate-ner -- VALID.txt [--tagger-only] [--errors N] [--error-kinds] [--diff]
//! cargo run --release --bin evaluate-ner -- VALID.txt --show TEXT
//! cargo run --release --bin evaluate-ner -- --sentences tests/data/ner_regression.tsv
//! ```
//!
//! By default every document goes through `entity_lens::analyze()`, so the
//! pattern recognizers interact with the tagger as in the product; name
//! labels map back with `Label::conll()`. `--tagger-only` scores the
//! embedded tagger alone; `--errors N` prints up to N wrong spans;
//! `--error-kinds` counts the errors by kind: a wrong type on the right
//! span (`ORG as PER`), a wrong boundary (a gold name overlapped by
//! predictions of other extents), a name missed entirely, a spurious one;
//! `--speed` times the tagger alone over the documents (5 passes after the
//! model is loaded) in tokens per second of wall and of CPU time (the CPU
//! figure is the one to trust on a busy machine). `--model FILE` scores a
//! model file (with the embedded gazetteer) instead of the embedded model,
//! tagger only, so a freshly trained model can be compared without a
//! rebuild. `--sentences TSV` runs the tagger over the regression sentences
//! (`tests/data/ner_regression.tsv` format) and prints each failing one
//! with what was found, then the number passed (CoNLL types, tagger only).
//! `--diff` lists, for the full pipeline, the names the tagger alone got
//! right that the pipeline gets wrong (`LOST`, with what it predicted
//! instead as `ADDED-WRONG`) and the ones it gets right that the tagger
//! did not (`GAINED`). `--show TEXT` prints the rebuilt text of every
//! document containing TEXT (to run `entity-lens analyze` on it).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use entity_lens::ner::conll::{self, Scores};
    use entity_lens::{analyze, Options};
    use std::collections::HashSet;
    use std::process::exit;
    use std::time::Instant;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: evaluate-ner VALID.txt [--tagger-only] [--errors N] [--error-kinds] [--diff] [--speed] [--model FILE]\n       evaluate-ner VALID.txt --show TEXT\n       evaluate-ner --sentences TSV [--model FILE]";
    let mut path = None;
    let mut model_path = None;
    let mut sentences_path = None;
    let mut tagger_only = false;
    let mut errors = 0usize;
    let mut speed = false;
    let mut kinds = false;
    let mut diff = false;
    let mut show = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--tagger-only" => tagger_only = true,
            "--speed" => speed = true,
            "--error-kinds" => kinds = true,
            "--diff" => diff = true,
            "--model" => {
                i += 1;
                model_path = args.get(i).cloned();
                tagger_only = true;
            }
            "--show" => {
                i += 1;
                show = args.get(i).cloned();
            }
            "--sentences" => {
                i += 1;
                sentences_path = args.get(i).cloned();
            }
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
    let read = |path: &str| {
        std::fs::read(path).unwrap_or_else(|e| {
            eprintln!("evaluate-ner: {path}: {e}");
            exit(1)
        })
    };
    let loaded;
    let tagger = match &model_path {
        Some(p) => {
            let bytes = read(p);
            loaded = entity_lens::ner::Tagger::from_bytes(
                &bytes,
                entity_lens::ner::embedded_gazetteer_text(),
            )
            .unwrap_or_else(|e| {
                eprintln!("evaluate-ner: {p}: {e}");
                exit(1)
            });
            &loaded
        }
        None => match entity_lens::ner::embedded() {
            Ok(t) => t,
            Err(e) => {
                eprintln!("evaluate-ner: embedded model: {e}");
                exit(1)
            }
        },
    };
    if let Some(p) = sentences_path {
        let text = String::from_utf8_lossy(&read(&p)).into_owned();
        sentences(tagger, &text);
        return;
    }
    let Some(path) = path else {
        eprintln!("{usage}");
        exit(2)
    };
    let text = String::from_utf8_lossy(&read(&path)).into_owned();
    let docs = conll::read(&text);
    if let Some(needle) = &show {
        for d in docs.iter().filter(|d| d.text.contains(needle.as_str())) {
            println!("{}\n", d.text);
        }
        return;
    }
    if speed {
        let tokens: usize = docs
            .iter()
            .map(|d| entity_lens::tokenize::tokenize(&d.text).len())
            .sum::<usize>()
            * 5;
        let (wall0, cpu0) = (Instant::now(), cpu_seconds());
        let mut names = 0;
        for _ in 0..5 {
            for d in &docs {
                names += tagger.names(&d.text).len();
            }
        }
        let (wall, cpu) = (wall0.elapsed().as_secs_f64(), cpu_seconds() - cpu0);
        println!(
            "{tokens} tokens, {names} names: {:.0} tokens/s wall, {:.0} tokens/s CPU",
            tokens as f64 / wall.max(1e-9),
            tokens as f64 / cpu.max(1e-9)
        );
        return;
    }
    let mut scores = Scores::default();
    let mut by_kind: std::collections::BTreeMap<String, usize> = Default::default();
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
        if diff {
            let tagged: HashSet<_> = tagger
                .names(&d.text)
                .iter()
                .map(|n| (n.span, n.kind.conll()))
                .collect();
            let g: HashSet<_> = gold.iter().collect();
            let p: HashSet<_> = pred.iter().collect();
            let context = |s: entity_lens::span::Span| {
                let lo =
                    entity_lens::span::floor_char_boundary(&d.text, s.start.saturating_sub(30));
                let hi =
                    entity_lens::span::floor_char_boundary(&d.text, (s.end + 30).min(d.text.len()));
                d.text.get(lo..hi).unwrap_or("").replace('\n', " ")
            };
            let lost = tagged.iter().filter(|x| g.contains(x) && !p.contains(x));
            let added_wrong = pred
                .iter()
                .filter(|x| !g.contains(x) && !tagged.contains(x));
            let gained = pred.iter().filter(|x| g.contains(x) && !tagged.contains(x));
            let kinds: [(&str, Vec<_>); 3] = [
                ("LOST", lost.collect()),
                ("ADDED-WRONG", added_wrong.collect()),
                ("GAINED", gained.collect()),
            ];
            for (kind, names) in kinds {
                for x in names {
                    println!(
                        "{kind} {:<4} {:?} in {:?}",
                        x.1,
                        x.0.slice(&d.text),
                        context(x.0)
                    );
                }
            }
        }
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
        if kinds {
            for k in error_kinds(&gold, &pred) {
                *by_kind.entry(k).or_default() += 1;
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
    if kinds {
        let mut rows: Vec<_> = by_kind.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("errors by kind:");
        for (k, n) in rows {
            println!("{n:>5}  {k}");
        }
    }
}

/// One line per error of a document: `ORG as PER` (right span, wrong
/// type), `boundary LOC` (a gold name overlapped by predictions of other
/// extents), `missed MISC`, `spurious ORG` (a prediction overlapping no
/// gold name).
#[cfg(not(target_arch = "wasm32"))]
fn error_kinds(
    gold: &[(entity_lens::span::Span, &str)],
    pred: &[(entity_lens::span::Span, &str)],
) -> Vec<String> {
    let overlaps =
        |a: entity_lens::span::Span, b: entity_lens::span::Span| a.start < b.end && b.start < a.end;
    let mut out = Vec::new();
    for &(g, gt) in gold {
        if pred.contains(&(g, gt)) {
            continue;
        }
        if let Some(&(_, pt)) = pred.iter().find(|(p, _)| *p == g) {
            out.push(format!("{gt} as {pt}"));
        } else if pred.iter().any(|&(p, _)| overlaps(p, g)) {
            out.push(format!("boundary {gt}"));
        } else {
            out.push(format!("missed {gt}"));
        }
    }
    for &(p, pt) in pred {
        if !gold.iter().any(|&(g, _)| overlaps(p, g)) {
            out.push(format!("spurious {pt}"));
        }
    }
    out
}

/// Runs the tagger over regression sentences (`text<TAB>LABEL:name | ...`)
/// and prints the failing ones and the pass count.
#[cfg(not(target_arch = "wasm32"))]
fn sentences(tagger: &entity_lens::ner::Tagger, data: &str) {
    use entity_lens::Label;
    let (mut total, mut passed) = (0, 0);
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        total += 1;
        let (text, names) = line.split_once('\t').unwrap_or((line, ""));
        let mut expected: Vec<(String, &str)> = names
            .split(" | ")
            .filter_map(|e| {
                let (label, name) = e.split_once(':')?;
                let conll = label.parse::<Label>().ok()?.conll()?;
                Some((name.to_string(), conll))
            })
            .collect();
        let mut found: Vec<(String, &str)> = tagger
            .names(text)
            .iter()
            .map(|m| (m.span.slice(text).to_string(), m.kind.conll()))
            .collect();
        expected.sort();
        found.sort();
        if expected == found {
            passed += 1;
        } else {
            println!("line {}: {text}", n + 1);
            println!("  expected {expected:?}");
            println!("  found    {found:?}");
        }
    }
    println!("{passed} of {total} sentences right (tagger only, CoNLL types)");
}

/// CPU time of this process in seconds (Linux `/proc/self/stat`; 0 where
/// unavailable).
#[cfg(not(target_arch = "wasm32"))]
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesized command name; utime and stime are the
    // 14th and 15th fields overall, in clock ticks (100 per second).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

#[cfg(target_arch = "wasm32")]
fn main() {}
