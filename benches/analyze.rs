//! `cargo bench --bench analyze`: throughput of `analyze()` on a long
//! news-like text (the sample article repeated to ~100 KB).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entity_lens::{analyze, Options};

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

criterion_group!(benches, bench);
criterion_main!(benches);
