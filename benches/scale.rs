/*!
How `topocert` scales with the size of the topology: for N = 200, 2,000 and 20,000
machines (0.17, 1.5 and 15 MB of XML) it measures

- `raw_scan`: the floor, a bare quick-xml event scan of the same decoded text;
- `parse_resolve`: `topology::parse` + `roles::resolve`;
- `check_json`: `topocert check --certs … --ca … --valid-at 2026-06-01 --format json`
  end to end (read, decode, parse, load and verify one RSA-2048 certificate per
  file-transfer server, pair, run the rules, render JSON), in-process.

Run: `cargo bench --bench scale` (sizes: `TOPOCERT_BENCH_SIZES=200,2000`).
The ratio table (b)/(a) and per-10× scaling: `cargo bench --bench ratios`.
Under `cargo test --all-targets` every benchmark runs once on a 50-machine set.
*/

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let sets: Vec<common::DataSet> = common::sizes().into_iter().map(common::ensure).collect();
    for d in &sets {
        // Fail before timing anything if a set would not check clean: a benchmark of
        // a failure path would measure the wrong thing.
        common::assert_clean(d);
    }

    let mut g = c.benchmark_group("raw_scan");
    for d in &sets {
        let src = d.decoded();
        g.throughput(Throughput::Bytes(d.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(d.machines), &src, |b, src| {
            b.iter(|| common::raw_scan(black_box(src.text())))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("parse_resolve");
    // ~0.1 s per iteration at 20,000 machines: flat sampling (10 equal samples)
    // fits in the 3 s where criterion's 1, 2, …, 10 ramp (55 iterations) would not.
    g.sampling_mode(SamplingMode::Flat);
    for d in &sets {
        let src = d.decoded();
        g.throughput(Throughput::Bytes(d.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(d.machines), &src, |b, src| {
            b.iter(|| common::parse_resolve(black_box(src)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("check_json");
    // Up to ~1 s per iteration: flat sampling, and at 20,000 machines enough time
    // for 10 single-iteration samples on a busy machine.
    g.sampling_mode(SamplingMode::Flat);
    for d in &sets {
        if d.machines >= 20_000 {
            g.measurement_time(Duration::from_secs(16));
        }
        let opts = d.check_options();
        g.throughput(Throughput::Bytes(d.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(d.machines), &opts, |b, opts| {
            b.iter(|| common::check_json(d, black_box(opts)))
        });
    }
    g.finish();

    c.final_summary();
}
