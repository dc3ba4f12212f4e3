//! `cargo bench --bench ner`: throughput of the name tagger in tokens per
//! second (tokenizing, features, both stages, decoding), on the sample
//! article repeated to ~100 KB, plus the tokenizer alone.

//!
//! Native only: on wasm32 (where criterion is not a dependency) it is an
//! empty program, so `cargo clippy --target wasm32-unknown-unknown
//! --all-targets` builds.

#[cfg(not(target_arch = "wasm32"))]
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
#[cfg(not(target_arch = "wasm32"))]
use entity_lens::ner;
#[cfg(not(target_arch = "wasm32"))]
use entity_lens::tokenize::tokenize;

#[cfg(not(target_arch = "wasm32"))]
fn bench(c: &mut Criterion) {
    let sample = include_str!("../static/sample.txt");
    let text = sample.repeat(100_000 / sample.len() + 1);
    let tokens = tokenize(&text).len() as u64;
    let Ok(tagger) = ner::embedded() else {
        panic!("no embedded model")
    };
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("tag_100k", |b| b.iter(|| tagger.names(&text)));
    g.bench_function("tokenize_100k", |b| b.iter(|| tokenize(&text)));
    g.finish();
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, bench);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
