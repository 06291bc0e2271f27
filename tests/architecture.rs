//! The crate's shape: the stages import only stages to their left
//! (`docs/architecture.md`). Read from the `crate::` paths in `src/`, so a new
//! import that points backwards fails here, with the edge named.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Top-level modules in the order data flows; a module may import only modules
/// before it. Neutral helpers come first.
const LAYERS: &[&str] = &[
    "text", "i18n", "atomic", "paths", "fqdn", "source", "topology", "roles", "certs", "names",
    "chain", "probe", "pairing", "rules", "config", "error", "check", "plan", "report", "progress",
    "cli",
];

/// The top-level module `crate::` paths in `text` refer to, including the heads of
/// `crate::{a, b::c}` groups.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(head(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(ch);
            }
            out.insert(head(&item));
        } else {
            out.insert(head(rest));
        }
    }
    out.remove("");
    out
}

fn head(path: &str) -> String {
    let name: String = path
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    // `crate::t!` and `crate::t_in!` are i18n's macros (exported at the crate root).
    match name.as_str() {
        "t" | "t_in" => "i18n".to_string(),
        _ => name,
    }
}

fn module_of(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Module → modules it imports, from every file under `src/` (the crate root and
/// the binary excluded: they only declare and call).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    walk(Path::new("src"), &mut files);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix("src").unwrap();
        let m = module_of(rel);
        if m == "lib" || m == "main" {
            continue;
        }
        let text = fs::read_to_string(&f).unwrap();
        let refs = crate_refs(&text);
        let e = g.entry(m.clone()).or_default();
        for r in refs {
            if r != m {
                e.insert(r);
            }
        }
    }
    g
}

#[test]
fn every_module_has_a_layer() {
    for m in graph().keys() {
        assert!(
            LAYERS.contains(&m.as_str()),
            "src/{m}: add it to LAYERS (tests/architecture.rs) and docs/architecture.md"
        );
    }
}

#[test]
fn stages_import_only_stages_to_their_left() {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut backwards = Vec::new();
    for (m, deps) in graph() {
        let Some(rm) = rank(&m) else { continue };
        for d in deps {
            match rank(&d) {
                Some(rd) if rd < rm => {}
                Some(_) => backwards.push(format!("{m} -> {d}")),
                None => backwards.push(format!("{m} -> {d} (crate root or unknown)")),
            }
        }
    }
    assert!(
        backwards.is_empty(),
        "imports against the flow:\n{}",
        backwards.join("\n")
    );
}

#[test]
fn the_import_graph_has_no_cycle() {
    let g = graph();
    // Depth-first search with colours; report the first cycle found.
    fn visit<'a>(
        n: &'a str,
        g: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(1) => {
                let at = stack.iter().position(|s| *s == n).unwrap_or(0);
                let mut cycle: Vec<String> = stack[at..].iter().map(|s| s.to_string()).collect();
                cycle.push(n.to_string());
                return Some(cycle);
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(n, 1);
        stack.push(n);
        for d in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, g, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n, 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in g.keys() {
        let mut stack = Vec::new();
        if let Some(c) = visit(n, &g, &mut state, &mut stack) {
            panic!("import cycle: {}", c.join(" -> "));
        }
    }
}

#[test]
fn the_reader_finds_grouped_and_inline_imports() {
    let refs =
        crate_refs("use crate::{certs::{A, B}, chain};\nlet x = crate::rules::Code::Expired;");
    assert_eq!(
        refs.into_iter().collect::<Vec<_>>(),
        vec!["certs", "chain", "rules"]
    );
}
