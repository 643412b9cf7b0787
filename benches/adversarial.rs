//! How does `analyze` scale on inputs built to hurt it? Generated inputs (see
//! `benches/adversarial_inputs.rs`) at 256 KB, 1 MB and 4 MB for each pattern; throughput in
//! bytes/s. Linear code keeps the same throughput at every size.
//!
//! ```text
//! cargo bench --bench adversarial                      # everything
//! cargo bench --bench adversarial -- distinct-names    # one pattern (criterion filter)
//! WHOSAID_ADVERSARIAL_MAX_BYTES=1100000 cargo bench --bench adversarial   # skip the 4 MB inputs
//! ```
//! Ten samples per input, a short measurement time: a few minutes for the whole family once
//! every pattern is linear. `scripts/adversarial.sh` measures the same inputs with the native CLI
//! (wall time and peak RSS, with a time and memory limit per run) without criterion.

#[path = "adversarial_inputs.rs"]
mod adversarial_inputs;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use whosaid::engine::analyze;

const SIZES: [(&str, usize); 3] = [("256KB", 256 << 10), ("1MB", 1 << 20), ("4MB", 4 << 20)];

fn bench(c: &mut Criterion) {
    let max = std::env::var("WHOSAID_ADVERSARIAL_MAX_BYTES").ok().and_then(|v| v.parse::<usize>().ok());
    for pattern in adversarial_inputs::PATTERNS {
        let mut group = c.benchmark_group(format!("adversarial/{pattern}"));
        group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
        for (label, size) in SIZES {
            if max.is_some_and(|m| size > m) {
                continue;
            }
            let Some(text) = adversarial_inputs::generate(pattern, size) else { continue };
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, text| {
                b.iter(|| analyze(black_box(text)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
