//! How fast is `analyze` on real article text, and does its time grow linearly with the input?
//!
//! Input: the two seed articles (tests/fixtures/seeds) repeated as paragraphs to 100 KB, 1 MB and
//! 10 MB. Run with `cargo bench --bench analyze`; throughput is reported in bytes/s. The PolNeAR
//! dev split gives the same figure through `whosaid eval --polnear DIR` (time per MB).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use whosaid::engine::analyze;

const SEEDS: [&str; 2] = [
    include_str!("../tests/fixtures/seeds/000_aa45f71569c94b10.txt"),
    include_str!("../tests/fixtures/seeds/004_c516d1f4fd7c086b.txt"),
];

fn corpus(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 16 * 1024);
    while s.len() < bytes {
        for seed in SEEDS {
            s.push_str(seed);
            s.push_str("\n\n");
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for (label, size) in [("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] {
        let text = corpus(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if size >= 10_000_000 {
            group.sample_size(10);
        }
        group
            .bench_with_input(BenchmarkId::from_parameter(label), &text, |b, text| b.iter(|| analyze(black_box(text))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
