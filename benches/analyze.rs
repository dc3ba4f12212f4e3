//! `cargo bench --bench analyze`: throughput of `analyze()` on a long
//! news-like text (the sample article repeated to ~100 KB), in words/s.
//!
//! Native only: on wasm32 (where criterion is not a dependency) it is an
//! empty program, so `cargo clippy --target wasm32-unknown-unknown
//! --all-targets` builds.

#[cfg(not(target_arch = "wasm32"))]
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
#[cfg(not(target_arch = "wasm32"))]
use entity_lens::{analyze, Options};

#[cfg(not(target_arch = "wasm32"))]
fn bench(c: &mut Criterion) {
    let sample = include_str!("../static/sample.txt");
    let text = sample.repeat(100_000 / sample.len() + 1);
    let words = text.split_whitespace().count() as u64;
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Elements(words));
    g.bench_function("news_100k", |b| {
        b.iter(|| analyze(&text, &Options::default()))
    });
    g.finish();
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, bench);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
