//! `train-ner`: trains the name tagger on CoNLL-2003 data rebuilt as
//! natural text and writes the model file.
//!
//! ```text
//! cargo run --release --bin train-ner -- TRAIN.txt OUT.bin \
//!     [--bits 16] [--epochs 12] [--stages 2] [--folds 8] [--runs 5] [--seed 20031] \
//!     [--swap-every 2] [--dev VALID.txt]
//! ```
//!
//! The gazetteer is the one embedded in the library (`models/gazetteer.txt`).
//! With `--dev`, the trained tagger alone is scored on the rebuilt dev set.
//! Besides the augmented documents of `conll::read_augmented`, a copy of
//! every `--swap-every`-th document (0: none) has its one-word
//! organizations replaced by names from the gazetteer's company section
//! (`conll::read_swapped`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use entity_lens::ner::gazetteer::Gazetteer;
    use entity_lens::ner::train::{evaluate, prepare, train, Config};
    use entity_lens::ner::{conll, embedded_gazetteer_text, Tagger};
    use std::process::exit;
    use std::time::Instant;

    let usage = "usage: train-ner TRAIN.txt OUT.bin [--bits N] [--epochs N] [--stages 1|2] [--folds N] [--runs N] [--seed N] [--swap-every N] [--dev VALID.txt]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut cfg = Config::default();
    let mut positional = Vec::new();
    let mut dev = None;
    let mut swap_every = 2usize;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let value = args.get(i + 1);
        let num = |v: Option<&String>| -> u64 {
            v.and_then(|s| s.parse().ok()).unwrap_or_else(|| {
                eprintln!("train-ner: {a} needs a number\n{usage}");
                exit(2)
            })
        };
        match a {
            "--bits" => cfg.bits = num(value) as u32,
            "--epochs" => cfg.epochs = num(value) as usize,
            "--stages" => cfg.stages = num(value) as usize,
            "--folds" => cfg.folds = num(value) as usize,
            "--runs" => cfg.runs = num(value) as usize,
            "--seed" => cfg.seed = num(value),
            "--dev" => dev = value.cloned(),
            "--swap-every" => swap_every = num(value) as usize,
            "-h" | "--help" => {
                println!("{usage}");
                return;
            }
            _ => {
                positional.push(a.to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    let [train_path, out_path] = positional.as_slice() else {
        eprintln!("{usage}");
        exit(2)
    };
    let read = |path: &str| {
        std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("train-ner: {path}: {e}");
            exit(1)
        })
    };
    let t0 = Instant::now();
    let gazetteer = Gazetteer::parse(embedded_gazetteer_text());
    // Wire datelines and title-case headlines, as modern news writes them.
    let text = read(train_path);
    let mut docs = conll::read_augmented(&text);
    // Company-name swaps and title-case sentences (see conll::read_swapped).
    let companies: Vec<&str> = gazetteer_section(embedded_gazetteer_text(), "company")
        .filter(|w| {
            w.len() >= 3
                && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().skip(1).all(|c| c.is_ascii_lowercase())
        })
        .collect();
    if swap_every > 0 {
        docs.extend(conll::read_swapped(&text, &companies, swap_every, cfg.seed));
    }
    let (mut prepared, misaligned) = prepare(&docs, &gazetteer);
    let names: usize = docs.iter().map(|d| d.names.len()).sum();
    let tokens: usize = prepared.iter().map(|p| p.doc.tokens.len()).sum();
    eprintln!(
        "{} documents, {tokens} tokens, {names} names ({misaligned} not on token boundaries), {} gazetteer names; {cfg:?}",
        docs.len(),
        gazetteer.len()
    );
    let model = train(&mut prepared, &cfg, &mut |line| eprintln!("{line}"));
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(out_path, &bytes) {
        eprintln!("train-ner: {out_path}: {e}");
        exit(1);
    }
    eprintln!(
        "wrote {out_path}: {} bytes in {:.1}s",
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    if let Some(dev) = dev {
        let docs = conll::read(&read(&dev));
        let tagger = Tagger::new(model, gazetteer);
        let scores = evaluate(&tagger, &docs);
        print!("{}", scores.report());
    }
}

/// The names of one `# section` of the gazetteer text.
#[cfg(not(target_arch = "wasm32"))]
fn gazetteer_section<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> {
    text.lines()
        .skip_while(move |l| l.strip_prefix("# ") != Some(name))
        .skip(1)
        .take_while(|l| !l.starts_with("# "))
}

#[cfg(target_arch = "wasm32")]
fn main() {}
