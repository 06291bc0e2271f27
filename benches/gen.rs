/*!
Generate (or reuse) the synthetic bench data sets; see `benches/common/mod.rs` for
their shape. `scripts/gen-large.sh` runs this as `cargo bench --bench gen -- N…`.

Under `cargo bench` it generates every size given as an argument (default 200,
2000 and 20000) and prints where each set is. Under `cargo test --all-targets` it
is a self-test of the generator: it builds the small set and checks that
`topocert check` passes it clean, with every signature verified.
*/

mod common;

fn main() {
    let mut sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    if sizes.is_empty() {
        sizes = common::sizes();
    }
    for n in sizes {
        let d = common::ensure(n);
        if !common::bench_mode() {
            common::assert_clean(&d);
        }
        println!(
            "n={n}\tbytes={}\tcertificates={}\t{}",
            d.bytes,
            d.cert_files,
            d.dir.display()
        );
    }
}
