/*!
The scale table: for each size, the median time (std::time::Instant over repeated
runs) of (a) the raw quick-xml scan, (b) parse + resolve and (c) the full `check`
with JSON rendering; the ratio (b)/(a); the growth per 10× step; the targets; and a
per-stage breakdown of (c), to show where its time goes.

`cargo bench --bench ratios` (sizes: `TOPOCERT_BENCH_SIZES=200,2000`); under
`cargo test --all-targets` it runs each workload once on a 50-machine set.

Every measurement records wall time and CPU time (all of the process's threads,
`CLOCK_PROCESS_CPUTIME_ID`). On a quiet machine they agree for the
single-threaded stages; on a busy one (other builds on the 2 cores) wall time
grows and CPU time does not, so the CPU table is the one to compare across runs.
The load average is printed for that reason.

Targets: (b)/(a) ≤ 1.5; (c) at 20,000 machines < 1 s (release, 2 cores); each 10×
step of N costs ≤ 11× the time.
*/

mod common;

use std::fs;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use topocert::certs::load_files;
use topocert::certs::{Certificate, LoadOptions};
use topocert::chain::{ExpectedCa, PoolCert, Source, Trust};
use topocert::check::{self, topology_findings};
use topocert::config::Config;
use topocert::source::SourceFile;

use common::DataSet;

/// Median wall and CPU time of one workload.
#[derive(Debug, Clone, Copy, Default)]
struct Timing {
    wall: Duration,
    cpu: Duration,
}

impl std::ops::Add for Timing {
    type Output = Timing;
    fn add(self, o: Timing) -> Timing {
        Timing {
            wall: self.wall + o.wall,
            cpu: self.cpu + o.cpu,
        }
    }
}

impl Timing {
    fn minus(self, o: Timing) -> Timing {
        Timing {
            wall: self.wall.saturating_sub(o.wall),
            cpu: self.cpu.saturating_sub(o.cpu),
        }
    }
}

/// CPU time of every thread of this process so far: `clock_gettime(
/// CLOCK_PROCESS_CPUTIME_ID)`, which (unlike `/proc` schedstat, updated only at
/// scheduler ticks) is exact. Zero where it is not available.
fn cpu_time() -> Duration {
    #[cfg(all(target_os = "linux", target_pointer_width = "64"))]
    {
        #[repr(C)]
        struct Timespec {
            tv_sec: i64,
            tv_nsec: i64,
        }
        const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
        unsafe extern "C" {
            fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
        }
        let mut ts = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec (64-bit Linux layout: two
        // 64-bit fields), and the clock id is a constant the kernel defines.
        if unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0 {
            return Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32);
        }
    }
    Duration::ZERO
}

/// Runs per measurement: at least `min`, then more until `budget` is spent (≤ 101).
#[derive(Clone, Copy)]
struct Plan {
    min: usize,
    budget: Duration,
}

/// Median wall and CPU time of `f`, after one warm-up run.
fn median<T>(plan: Plan, mut f: impl FnMut() -> T) -> Timing {
    median_with(plan, || (), |()| f())
}

/// Like [`median`], with an untimed `setup` before each timed `f`; `f`'s result
/// is dropped after the clock stops.
fn median_with<S, T>(
    plan: Plan,
    mut setup: impl FnMut() -> S,
    mut f: impl FnMut(S) -> T,
) -> Timing {
    black_box(f(setup()));
    let started = Instant::now();
    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    while walls.len() < plan.min || (started.elapsed() < plan.budget && walls.len() < 101) {
        let input = setup();
        let (c0, t0) = (cpu_time(), Instant::now());
        let out = black_box(f(input));
        walls.push(t0.elapsed());
        cpus.push(cpu_time().saturating_sub(c0));
        // Whatever `f` returns is dropped here, outside the measurement: a stage
        // is timed without freeing its result (freeing is timed on its own).
        drop(out);
    }
    walls.sort_unstable();
    cpus.sort_unstable();
    Timing {
        wall: walls[walls.len() / 2],
        cpu: cpus[cpus.len() / 2],
    }
}

/// The 1-minute load average, to tell a quiet machine from a busy one.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn ratio(p: Duration, q: Duration) -> f64 {
    p.as_secs_f64() / q.as_secs_f64().max(1e-12)
}

struct Row {
    n: usize,
    bytes: u64,
    certs: usize,
    a: Timing,
    b: Timing,
    c: Timing,
}

fn main() {
    let plan = if common::bench_mode() {
        Plan {
            min: 7,
            budget: Duration::from_secs(3),
        }
    } else {
        Plan {
            min: 1,
            budget: Duration::ZERO,
        }
    };
    let load_before = load_average();
    let mut rows = Vec::new();
    let mut breakdowns = Vec::new();
    for n in common::sizes() {
        let d = common::ensure(n);
        common::assert_clean(&d);
        let src = d.decoded();
        let opts = d.check_options();
        let a = median(plan, || common::raw_scan(src.text()));
        let b = median(plan, || common::parse_resolve(&src));
        let c = median(plan, || common::check_json(&d, &opts));
        rows.push(Row {
            n,
            bytes: d.bytes,
            certs: d.cert_files,
            a,
            b,
            c,
        });
        breakdowns.push((n, breakdown(&d, plan)));
    }

    println!();
    println!(
        "{} cores; 1-minute load average {load_before} before, {} after",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        load_average()
    );
    for (title, pick) in [
        (
            "Wall time (median)",
            (|t: Timing| t.wall) as fn(Timing) -> Duration,
        ),
        (
            "CPU time, all threads (median; robust to other load)",
            |t: Timing| t.cpu,
        ),
    ] {
        println!();
        println!("{title}:");
        println!();
        println!(
            "| N machines | XML bytes | cert files | (a) raw scan ms | (b) parse+resolve ms | (c) check+json ms | (b)/(a) | (a) MB/s | (b) MB/s |"
        );
        println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for r in &rows {
            let mb = r.bytes as f64 / 1e6;
            let (a, b, c) = (pick(r.a), pick(r.b), pick(r.c));
            println!(
                "| {} | {} | {} | {:.2} | {:.2} | {:.1} | {:.2} | {:.0} | {:.0} |",
                r.n,
                r.bytes,
                r.certs,
                ms(a),
                ms(b),
                ms(c),
                ratio(b, a),
                mb / a.as_secs_f64().max(1e-12),
                mb / b.as_secs_f64().max(1e-12),
            );
        }
    }

    let steps: Vec<(&Row, &Row)> = rows
        .windows(2)
        .filter_map(|w| match w {
            [x, y] if y.n == x.n * 10 => Some((x, y)),
            _ => None,
        })
        .collect();
    if !steps.is_empty() {
        println!();
        println!("Growth per 10× step of N (wall / CPU):");
        println!();
        println!("| step | bytes × | (a) × | (b) × | (c) × |");
        println!("|---|---:|---:|---:|---:|");
        for (x, y) in &steps {
            let f = |p: Timing, q: Timing| {
                format!("{:.2} / {:.2}", ratio(q.wall, p.wall), ratio(q.cpu, p.cpu))
            };
            println!(
                "| {} → {} | {:.2} | {} | {} | {} |",
                x.n,
                y.n,
                y.bytes as f64 / x.bytes as f64,
                f(x.a, y.a),
                f(x.b, y.b),
                f(x.c, y.c)
            );
        }
    }

    println!();
    println!("Targets (judged on wall time; CPU time in brackets):");
    for r in &rows {
        let (w, c) = (ratio(r.b.wall, r.a.wall), ratio(r.b.cpu, r.a.cpu));
        println!(
            "  N={:<6} (b)/(a) = {w:.2} [{c:.2}] (≤ 1.5): {}",
            r.n,
            verdict(w <= 1.5)
        );
    }
    if let Some(r) = rows.iter().find(|r| r.n == 20_000) {
        println!(
            "  N=20000  (c) = {:.0} ms [{:.0} ms CPU on {} cores] (< 1000 ms): {}",
            ms(r.c.wall),
            ms(r.c.cpu),
            std::thread::available_parallelism().map_or(1, |n| n.get()),
            verdict(r.c.wall < Duration::from_secs(1))
        );
    }
    for (x, y) in &steps {
        for (name, p, q) in [("a", x.a, y.a), ("b", x.b, y.b), ("c", x.c, y.c)] {
            let (w, c) = (ratio(q.wall, p.wall), ratio(q.cpu, p.cpu));
            println!(
                "  {}→{} ({name}) × {w:.2} [{c:.2}] (≤ 11): {}",
                x.n,
                y.n,
                verdict(w <= 11.0)
            );
        }
    }

    for (n, stages) in &breakdowns {
        println!();
        println!("Breakdown of (c) at N={n} (medians; each stage re-run on its own):");
        println!();
        println!("| stage | wall ms | CPU ms |");
        println!("|---|---:|---:|");
        for (name, t) in stages {
            println!("| {name} | {:.2} | {:.2} |", ms(t.wall), ms(t.cpu));
        }
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "MISSED" }
}

/// Time the stages of `check` one by one through the public API, and the rest as
/// the remainder of the whole.
fn breakdown(d: &DataSet, plan: Plan) -> Vec<(&'static str, Timing)> {
    let opts = d.check_options();
    let load = LoadOptions::default();
    let config = Config::default();
    let certs_dir: Vec<PathBuf> = vec![d.certs.clone()];

    let src = d.decoded();
    let t_raw = median(plan, || common::raw_scan(src.text()));
    let t_full = median(plan, || common::full_scan(src.text()));

    let bytes = fs::read(&d.topology).unwrap_or_else(|e| panic!("{e}"));
    let t_read = median(plan, || fs::read(&d.topology));
    let t_decode = median(plan, || SourceFile::decode("topology.xml", &bytes));
    let t_parse = median(plan, || topocert::topology::parse(&src));
    let topology = topocert::topology::parse(&src).unwrap_or_else(|e| panic!("{e}"));
    let t_resolve = median(plan, || topocert::roles::resolve(&topology));
    let roles = topocert::roles::resolve(&topology);
    let t_topo_rules = median(plan, || topology_findings(&topology, &roles));
    let t_collect = median(plan, || topocert::certs::collect(&certs_dir));
    let t_load = median(plan, || load_files(&certs_dir, &load, usize::MAX));
    let files = load_files(&certs_dir, &load, usize::MAX).unwrap_or_default();
    let t_pair = median_with(
        plan,
        || load_files(&certs_dir, &load, usize::MAX).unwrap_or_default(),
        |mut f| {
            let p = topocert::pairing::pair(&roles, &mut f, &config.certificates);
            (f, p)
        },
    );
    let mut files = files;
    let pairing = topocert::pairing::pair(&roles, &mut files, &config.certificates);

    let anchors: Vec<Certificate> = opts
        .ca
        .iter()
        .flat_map(|p| {
            topocert::certs::load_file(p, &load)
                .unwrap_or_else(|e| panic!("{e}"))
                .certs
        })
        .collect();
    let expected = ExpectedCa::given(anchors);
    let pool: Vec<PoolCert<'_>> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.loaded.as_ref().ok()?)))
        .flat_map(|(i, l)| {
            l.certs.iter().map(move |cert| PoolCert {
                cert,
                source: Source::File(i),
            })
        })
        .collect();
    let t_trust = median(plan, || {
        Trust::new(&expected, &pool).walk(pool[0].cert, Some(0))
    });
    let trust = Trust::new(&expected, &pool);
    let t_rules = median(plan, || {
        check::server_findings(
            &topology,
            &config.web,
            &roles.servers,
            &pairing.assigned,
            &files,
            &trust,
            opts.valid_at,
            &config.settings,
        )
    });

    let t_check = median(plan, || check::check(&d.topology, &opts));
    let report = check::check(&d.topology, &opts).unwrap_or_else(|e| panic!("{e}"));
    let t_render = median(plan, || topocert::report::json::render_check(&report));
    drop(report);
    // Dropping a Report (every certificate's DER and parsed fields) is part of the
    // CLI's wall time but not of check().
    let t_drop = median_with(
        plan,
        || check::check(&d.topology, &opts).unwrap_or_else(|e| panic!("{e}")),
        drop,
    );

    let known = t_read
        + t_decode
        + t_parse
        + t_resolve
        + t_topo_rules
        + t_load
        + t_pair
        + t_trust
        + t_rules;
    vec![
        ("reference: (a) raw scan, Machine attributes only", t_raw),
        (
            "reference: scan reading every attribute + tag stack",
            t_full,
        ),
        ("read topology file", t_read),
        ("decode (SourceFile::decode, line index)", t_decode),
        ("topology::parse", t_parse),
        ("roles::resolve", t_resolve),
        ("topology rules (check::topology_findings)", t_topo_rules),
        ("certs::collect (walk the --certs folder)", t_collect),
        ("check::load_files (collect + read + parse, rayon)", t_load),
        ("pairing::pair", t_pair),
        ("Trust::new (CA index)", t_trust),
        ("server rules incl. RSA verify (rayon)", t_rules),
        ("sum of the stages from read to server rules", known),
        ("check() whole", t_check),
        (
            "check() minus that sum (--ca load, expected CA, config.apply, per-server worst)",
            t_check.minus(known),
        ),
        ("report::json::render_check", t_render),
        ("drop the Report (after check(), not in it)", t_drop),
    ]
}
