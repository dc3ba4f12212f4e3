//! `evaluate-who [tests/data/who_said.jsonl]`: how well EntityLens groups
//! mentions into entities and attributes quotes to speakers, on news-style
//! paragraphs written for the project.
//!
//! Each line: `{"text", "quotes": [{"quote": substring, "speaker": name|null}],
//! "groups": [[form, ...], ...]}`. Prints attribution accuracy (a quote is
//! right when it is found and its speaker's name or alias matches), quotes
//! found that the set does not list, and pairwise precision/recall of
//! grouping over the mentions whose text is one of the listed forms.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use entity_lens::entities::display_name;
    use entity_lens::{analyze, Options};
    use serde_json::Value;

    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/data/who_said.jsonl".into());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("evaluate-who: {path}: {e}");
        std::process::exit(1)
    });
    let verbose = std::env::args().any(|a| a == "--errors");
    let (mut expected, mut correct, mut found, mut extra) = (0usize, 0usize, 0usize, 0usize);
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let doc: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("evaluate-who: line {}: {e}", n + 1);
                std::process::exit(1)
            }
        };
        let text = doc["text"].as_str().unwrap_or("");
        let a = analyze(text, &Options::default());
        let name_of = |e: Option<usize>| e.and_then(|e| a.entities.get(e));
        let mut matched = vec![false; a.quotes.len()];
        for q in doc["quotes"].as_array().into_iter().flatten() {
            expected += 1;
            let want = q["quote"].as_str().unwrap_or("");
            let speaker = q["speaker"].as_str();
            let hit = a
                .quotes
                .iter()
                .position(|p| p.span.slice(text).contains(want));
            let Some(k) = hit else {
                if verbose {
                    println!("MISSED line {}: {want:?}", n + 1);
                }
                continue;
            };
            found += 1;
            matched[k] = true;
            let got = name_of(a.quotes[k].speaker);
            let ok = match (speaker, got) {
                (None, None) => true,
                (Some(s), Some(e)) => e.name == s || e.aliases.iter().any(|x| x == s),
                _ => false,
            };
            if ok {
                correct += 1;
            } else if verbose {
                println!(
                    "WRONG line {}: {want:?} want {speaker:?} got {:?}",
                    n + 1,
                    got.map(|e| &e.name)
                );
            }
        }
        for (k, m) in matched.iter().enumerate() {
            if !m {
                extra += 1;
                if verbose {
                    println!("EXTRA line {}: {:?}", n + 1, a.quotes[k].span.slice(text));
                }
            }
        }
        // Grouping, pairwise over mentions whose text is a listed form
        // (forms listed in two groups are ambiguous and skipped).
        let groups: Vec<Vec<&str>> = doc["groups"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|g| {
                g.as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect()
            })
            .collect();
        let group_of = |form: &str| {
            let hits: Vec<usize> = (0..groups.len())
                .filter(|&g| groups[g].contains(&form))
                .collect();
            (hits.len() == 1).then(|| hits[0])
        };
        let members: Vec<(usize, Option<usize>)> = a
            .mentions
            .iter()
            .filter_map(|m| group_of(display_name(&m.text)).map(|g| (g, m.entity)))
            .collect();
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                let same_gold = members[i].0 == members[j].0;
                let same_pred = members[i].1.is_some() && members[i].1 == members[j].1;
                match (same_gold, same_pred) {
                    (true, true) => tp += 1,
                    (false, true) => {
                        fp += 1;
                        if verbose {
                            println!(
                                "MERGED line {}: groups {} and {}",
                                n + 1,
                                members[i].0,
                                members[j].0
                            );
                        }
                    }
                    (true, false) => fneg += 1,
                    (false, false) => {}
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!("quotes: {expected} expected, {found} found, {extra} extra");
    println!(
        "attribution: {correct}/{expected} correct = {:.3} (of found: {:.3}); quote precision {:.3}",
        ratio(correct, expected),
        ratio(correct, found),
        ratio(found, found + extra)
    );
    println!(
        "grouping (pairwise): precision {:.3} recall {:.3} ({tp} right pairs, {fp} wrongly merged, {fneg} missed)",
        ratio(tp, tp + fp),
        ratio(tp, tp + fneg)
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
