//! Times each pipeline stage on a generated input: `cargo run --release
//! --example stages -- KIND` (news, nospace, quotes, digits), or on a file:
//! `-- FILE`. A profiling aid.

use entity_lens::merge::Candidate;
use entity_lens::{debris, entities, merge, quotes, recognize, time};
use std::time::Instant;

fn main() {
    let kind = std::env::args().nth(1).unwrap_or_else(|| "news".into());
    let text = match kind.as_str() {
        "nospace" => "a".repeat(1 << 20),
        "quotes" => "“".repeat(100_000),
        "digits" => "1".repeat(1 << 20),
        path if std::path::Path::new(path).is_file() => {
            std::fs::read_to_string(path).expect("a UTF-8 file")
        }
        _ => {
            let para =
                "On Friday, Peskov said the U.S. paid $3.5 billion (12%) to desk@example.com. \
                \"We are not in a hurry,\" he told reporters in Moscow at 10:30 GMT.\n\n";
            para.repeat(1_000_000 / para.len() + 1)
        }
    };
    let t = Instant::now();
    let d = debris::find(&text);
    let clean = debris::blank(&text, &d);
    println!("debris      {:?}", t.elapsed());
    let mut c: Vec<Candidate> = Vec::new();
    let t = Instant::now();
    recognize::contact::recognize(&clean, &mut c);
    println!("contact     {:?}", t.elapsed());
    let t = Instant::now();
    recognize::numbers::recognize(&clean, &mut c);
    println!("numbers     {:?}", t.elapsed());
    let t = Instant::now();
    time::recognize(&clean, None, &mut c);
    println!("time        {:?}", t.elapsed());
    let t = Instant::now();
    entity_lens::ner::recognize(&clean, &mut c);
    println!("names       {:?}", t.elapsed());
    let t = Instant::now();
    let mut m = merge::resolve(c);
    println!("merge       {:?} ({} mentions)", t.elapsed(), m.len());
    let t = Instant::now();
    let e = entities::group(&text, &mut m);
    println!("entities    {:?}", t.elapsed());
    let t = Instant::now();
    let q = quotes::find(&text, &m, &e);
    println!("quotes      {:?} ({} quotes)", t.elapsed(), q.len());
}
