//! `evaluate-time FILE.jsonl [--errors]`: TempEval-3-style scores of the
//! DATE and TIME mentions of `entity_lens::analyze()` against TimeML gold
//! data (one JSON document per line: `id`, `date`, `text`, `timexes` with
//! code-point `start`/`end`, `type` and `value`).
//!
//! Prints strict and relaxed extent precision/recall/F1, value and type F1
//! (a relaxed match whose value or type equals the gold one), and the same
//! per TIMEX3 type. `--errors` lists every miss, false alarm and wrong
//! value.
//!
//! Development data: the AQUAINT part of the TempEval-3 training corpus
//! (TBAQ-cleaned; UzZaman et al., 2013), read from
//! `/work/shared/data/timeml/aquaint.jsonl`, never copied into the
//! repository.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use entity_lens::{analyze, Label, OffsetIndex, Options, Value};
    use std::process::exit;

    struct Gold {
        start: usize,
        end: usize,
        kind: String,
        value: String,
    }
    struct Sys {
        start: usize,
        end: usize,
        kind: String,
        value: String,
    }
    #[derive(Default)]
    /// Counts per TIMEX type: gold-side hits by the gold type (recall),
    /// system-side hits by the system type (precision).
    struct Count {
        gold: usize,
        sys: usize,
        strict: usize,
        strict_sys: usize,
        relaxed_gold: usize,
        relaxed_sys: usize,
        value: usize,
        value_sys: usize,
        kind: usize,
        kind_sys: usize,
    }
    fn prf(hit_p: usize, n_p: usize, hit_r: usize, n_r: usize) -> (f64, f64, f64) {
        let p = if n_p == 0 {
            0.0
        } else {
            hit_p as f64 / n_p as f64
        };
        let r = if n_r == 0 {
            0.0
        } else {
            hit_r as f64 / n_r as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: evaluate-time FILE.jsonl [--errors]");
        exit(2);
    };
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("evaluate-time: {path}: {e}");
        exit(1)
    });

    let mut total = Count::default();
    let mut by_type: std::collections::BTreeMap<String, Count> = Default::default();
    let mut errors = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("evaluate-time: line {}: {e}", n + 1);
                exit(1);
            }
        };
        let text = doc["text"].as_str().unwrap_or("");
        let id = doc["id"].as_str().unwrap_or("?").to_string();
        let date = doc["date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let gold: Vec<Gold> = doc["timexes"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|t| Gold {
                        start: t["start"].as_u64().unwrap_or(0) as usize,
                        end: t["end"].as_u64().unwrap_or(0) as usize,
                        kind: t["type"].as_str().unwrap_or("").to_string(),
                        value: t["value"].as_str().unwrap_or("").to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let analysis = analyze(
            text,
            &Options {
                document_date: date,
            },
        );
        let index = OffsetIndex::new(text);
        let sys: Vec<Sys> = analysis
            .mentions
            .iter()
            .filter(|m| matches!(m.label, Label::Date | Label::Time))
            .map(|m| {
                let (start, end) = index.span_to_chars(m.span);
                let (value, kind) = match &m.value {
                    Some(Value::Time { timex, kind }) => {
                        (timex.clone(), kind.as_str().to_ascii_uppercase())
                    }
                    _ => (String::new(), String::new()),
                };
                Sys {
                    start,
                    end,
                    kind,
                    value,
                }
            })
            .collect();
        let chars: Vec<char> = text.chars().collect();
        let snippet = |s: usize, e: usize| -> String {
            let a = s.saturating_sub(30);
            let b = (e + 30).min(chars.len());
            let pre: String = chars[a..s.min(chars.len())].iter().collect();
            let mid: String = chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect();
            let post: String = chars[e.min(chars.len())..b].iter().collect();
            format!("{pre}[{mid}]{post}").replace('\n', " ")
        };
        let overlaps = |g: &Gold, s: &Sys| g.start < s.end && s.start < g.end;
        for g in &gold {
            let c = by_type.entry(g.kind.clone()).or_default();
            c.gold += 1;
            total.gold += 1;
            let matched = sys.iter().find(|s| overlaps(g, s));
            match matched {
                None => errors.push(format!(
                    "MISS  {id} {} {}: {}",
                    g.kind,
                    g.value,
                    snippet(g.start, g.end)
                )),
                Some(s) => {
                    c.relaxed_gold += 1;
                    total.relaxed_gold += 1;
                    if s.start == g.start && s.end == g.end {
                        c.strict += 1;
                        total.strict += 1;
                    } else {
                        errors.push(format!(
                            "SPAN  {id} gold {} sys {}",
                            snippet(g.start, g.end),
                            snippet(s.start, s.end)
                        ));
                    }
                    if s.value == g.value {
                        c.value += 1;
                        total.value += 1;
                    } else {
                        errors.push(format!(
                            "VALUE {id} ({}) gold {} {} sys {} {}: {}",
                            date.map(|d| d.to_string()).unwrap_or_default(),
                            g.kind,
                            g.value,
                            s.kind,
                            s.value,
                            snippet(s.start, s.end)
                        ));
                    }
                    if s.kind == g.kind {
                        c.kind += 1;
                        total.kind += 1;
                    }
                }
            }
        }
        for s in &sys {
            let c = by_type.entry(s.kind.clone()).or_default();
            c.sys += 1;
            total.sys += 1;
            if let Some(g) = gold.iter().find(|g| overlaps(g, s)) {
                for c in [&mut *c, &mut total] {
                    c.relaxed_sys += 1;
                    c.strict_sys += usize::from(g.start == s.start && g.end == s.end);
                    c.value_sys += usize::from(g.value == s.value);
                    c.kind_sys += usize::from(g.kind == s.kind);
                }
            } else {
                errors.push(format!(
                    "FALSE {id} {} {}: {}",
                    s.kind,
                    s.value,
                    snippet(s.start, s.end)
                ));
            }
        }
    }

    if show_errors {
        errors.sort();
        for e in &errors {
            println!("{e}");
        }
        println!();
    }
    let row = |name: &str, c: &Count| {
        let (sp, sr, sf) = prf(c.strict_sys, c.sys, c.strict, c.gold);
        let (rp, rr, rf) = prf(c.relaxed_sys, c.sys, c.relaxed_gold, c.gold);
        let (vp, vr, vf) = prf(c.value_sys, c.sys, c.value, c.gold);
        let (_, _, tf) = prf(c.kind_sys, c.sys, c.kind, c.gold);
        println!(
            "{name:<9} {:>5} {:>5} | strict {sp:.3} {sr:.3} {sf:.3} | relaxed {rp:.3} {rr:.3} {rf:.3} | value {vp:.3} {vr:.3} {vf:.3} | type F1 {tf:.3}",
            c.gold, c.sys
        );
    };
    println!("type       gold   sys |        P     R     F1 |         P     R     F1 |       P     R     F1 |");
    for (k, c) in &by_type {
        row(k, c);
    }
    row("ALL", &total);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
