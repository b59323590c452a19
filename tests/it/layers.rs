//! The layers of `src/` run in one direction, and no module imports in a circle.
//!
//! Every file of `src/` belongs to the layer of its top-level module (the table below, which
//! CONTRIBUTING.md's architecture section mirrors). A file may use its own layer and the layers
//! below it; a path into a layer above (`use crate::report::…` from `probe.rs`, or
//! `crate::cli::…` written inline) fails this test, naming both files. Within a layer, the
//! top-level modules must not import each other in a circle, and neither may the files of one
//! directory (a `mod.rs` and its own submodules excepted: a parent declares its children, and
//! children use what their parent defines).
//!
//! The reader is deliberately simple: comments, string and character literals are removed,
//! then every path that starts with `crate::`, `super::`, `self::` or `mongotls::` (use trees
//! with braces included) is resolved against the module files that exist.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, from the bottom, with the top-level modules of each.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "vocabulary",
        &["findings", "duration", "dates", "escape", "i18n"],
    ),
    ("engines without sockets", &["pki", "wire", "uri", "files"]),
    ("network", &["net"]),
    (
        "per-member work",
        &["probe", "check", "bench", "sandbox", "driver", "wait"],
    ),
    ("report", &["report"]),
    ("the face", &["cli", "settings", "commands", "main"]),
];

/// The crate root: declares the modules and re-exports the face's entry points.
const ROOT_LAYER: usize = 5;

/// `#[macro_export]` macros live at the crate root's path but belong to the module that
/// defines them: `crate::tr!` (the catalog lookup, defined in `i18n`) is a use of `i18n`.
const EXPORTED_MACROS: &[(&str, &str)] = &[("tr", "i18n")];

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&top))
}

/// One source file and the module it is.
struct Source {
    path: PathBuf,
    /// `["report", "text"]` for `src/report/text.rs`; `[]` for `lib.rs`; `["main"]`.
    module: Vec<String>,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src/") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let rel = path.strip_prefix(&root).expect("under src/");
            let mut module: Vec<String> = rel
                .iter()
                .map(|c| c.to_string_lossy().trim_end_matches(".rs").to_string())
                .collect();
            let last = module.last().cloned().unwrap_or_default();
            if last == "mod" || (module.len() == 1 && last == "lib") {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("read source");
            out.push(Source {
                path: PathBuf::from("src").join(rel),
                module,
                text,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The source without comments and without the content of string and character literals.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
            continue;
        }
        // Raw strings: r"…", r#"…"#, br"…".
        if c == 'r' && matches!(next, Some('"') | Some('#')) {
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) == Some(&'"') {
                j += 1;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
                continue;
            }
        }
        if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
            continue;
        }
        // Character literals ('"', '\'', '\u{1b}'); a lifetime ('a) has no closing quote.
        if c == '\'' {
            if next == Some('\\') {
                let mut j = i + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
                out.push_str("' '");
                continue;
            }
            if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Every path starting with `crate`, `super`, `self` or `mongotls`, use trees expanded, with
/// the inline modules (`mod tests { … }`) it was written in: their `super` is the file's module.
fn paths(code: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let tokens = tokenize(code);
    let mut out = Vec::new();
    let mut depth = 0usize;
    // (name, depth inside its braces)
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        match t {
            "{" => {
                depth += 1;
                if i >= 2 && tokens[i - 2] == "mod" {
                    inline.push((tokens[i - 1].clone(), depth));
                }
            }
            "}" => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        let starts = matches!(t, "crate" | "super" | "self" | "mongotls")
            && tokens.get(i + 1).map(String::as_str) == Some("::")
            && (i == 0 || tokens[i - 1] != "::");
        if starts {
            let (found, next) = tree(&tokens, i, vec![]);
            let within: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
            out.extend(found.into_iter().map(|p| (within.clone(), p)));
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push("::".into());
            i += 2;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            tokens.push(c.to_string());
            i += 1;
        }
    }
    tokens
}

/// Reads a path (or a use tree) at `tokens[i]`, prefixed by `prefix`; returns every full path
/// and the index after it.
fn tree(tokens: &[String], mut i: usize, prefix: Vec<String>) -> (Vec<Vec<String>>, usize) {
    let mut path = prefix;
    loop {
        match tokens.get(i).map(String::as_str) {
            Some("{") => {
                let mut found = Vec::new();
                i += 1;
                loop {
                    match tokens.get(i).map(String::as_str) {
                        Some("}") => return (found, i + 1),
                        Some(",") => i += 1,
                        None => return (found, i),
                        _ => {
                            let (sub, next) = tree(tokens, i, path.clone());
                            found.extend(sub);
                            i = next;
                        }
                    }
                }
            }
            Some(t) if t.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                path.push(t.to_string());
                i += 1;
                if tokens.get(i).map(String::as_str) == Some("::") {
                    i += 1;
                    continue;
                }
                return (vec![path], i);
            }
            Some("*") => return (vec![path], i + 1),
            _ => return (vec![path], i),
        }
    }
}

/// The module a path points into: the longest prefix of it that is a module file.
fn resolve(
    source: &Source,
    within: &[String],
    path: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    // The module the path is written in: the file's, then its inline modules. `super` of a
    // file `a/b.rs` (module a::b) is `a`, of `a/mod.rs` (module a) the crate root: both drop
    // one component.
    let mut here = source.module.clone();
    here.extend(within.iter().cloned());
    // `tr!` lives at the crate root only because `#[macro_export]` puts it there: it is i18n's.
    if let [root, name] = path {
        if (root == "crate" || root == "mongotls") && name == "tr" {
            return Some(vec!["i18n".to_owned()]);
        }
    }
    let (mut base, rest) = match path.first().map(String::as_str) {
        Some("crate") | Some("mongotls") => (Vec::new(), &path[1..]),
        Some("self") => (here, &path[1..]),
        Some("super") => {
            let mut base = here;
            let mut rest = path;
            while rest.first().map(String::as_str) == Some("super") {
                base.pop()?;
                rest = &rest[1..];
            }
            (base, rest)
        }
        _ => return None,
    };
    if base.is_empty() {
        if let [name] = rest {
            if let Some((_, home)) = EXPORTED_MACROS.iter().find(|(m, _)| m == name) {
                return Some(vec![(*home).to_string()]);
            }
        }
    }
    // Inline modules are not files: resolve from the file's own module.
    while !base.is_empty() && !modules.contains(&base) {
        base.pop();
    }
    let mut best = base.clone();
    for part in rest {
        base.push(part.clone());
        if modules.contains(&base) {
            best = base.clone();
        } else {
            break;
        }
    }
    Some(best)
}

fn layer_of_module(module: &[String]) -> Option<usize> {
    match module.first() {
        None => Some(ROOT_LAYER),
        Some(top) => layer_of(top),
    }
}

fn describe(module: &[String]) -> String {
    if module.is_empty() {
        "the crate root".into()
    } else {
        format!("crate::{}", module.join("::"))
    }
}

/// Strongly connected groups of more than one node (Tarjan), each sorted.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on_stack: BTreeSet<String>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit(s: &mut State<'_>, v: &str) {
        s.index.insert(v.into(), s.next);
        s.low.insert(v.into(), s.next);
        s.next += 1;
        s.stack.push(v.into());
        s.on_stack.insert(v.into());
        let targets: Vec<String> = s.edges.get(v).into_iter().flatten().cloned().collect();
        for w in targets {
            if !s.index.contains_key(&w) {
                visit(s, &w);
                let low = s.low[v].min(s.low[&w]);
                s.low.insert(v.into(), low);
            } else if s.on_stack.contains(&w) {
                let low = s.low[v].min(s.index[&w]);
                s.low.insert(v.into(), low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(&w);
                let done = w == v;
                group.push(w);
                if done {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.out.push(group);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    let nodes: Vec<String> = edges.keys().cloned().collect();
    for v in nodes {
        if !s.index.contains_key(&v) {
            visit(&mut s, &v);
        }
    }
    s.out
}

struct Import {
    from: PathBuf,
    from_module: Vec<String>,
    to_module: Vec<String>,
}

fn imports() -> (Vec<Source>, Vec<Import>) {
    let sources = sources();
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let mut out = Vec::new();
    for s in &sources {
        for (within, path) in paths(&code_only(&s.text)) {
            if let Some(to) = resolve(s, &within, &path, &modules) {
                out.push(Import {
                    from: s.path.clone(),
                    from_module: s.module.clone(),
                    to_module: to,
                });
            }
        }
    }
    (sources, out)
}

fn file_of(sources: &[Source], module: &[String]) -> String {
    sources
        .iter()
        .find(|s| s.module == module)
        .map(|s| s.path.display().to_string())
        .unwrap_or_else(|| describe(module))
}

#[test]
fn every_module_has_a_layer() {
    let missing: Vec<String> = sources()
        .iter()
        .filter(|s| !s.module.is_empty() && layer_of(&s.module[0]).is_none())
        .map(|s| format!("{} (module {})", s.path.display(), s.module[0]))
        .collect();
    assert!(
        missing.is_empty(),
        "modules in no layer: {missing:?}; add them to LAYERS here and to CONTRIBUTING.md"
    );
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let (sources, imports) = imports();
    let mut upward = BTreeSet::new();
    for i in &imports {
        let (Some(from), Some(to)) = (
            layer_of_module(&i.from_module),
            layer_of_module(&i.to_module),
        ) else {
            continue;
        };
        if to > from {
            upward.insert(format!(
                "{} ({}) imports {} ({}: {})",
                i.from.display(),
                LAYERS[from].0,
                describe(&i.to_module),
                LAYERS[to].0,
                file_of(&sources, &i.to_module),
            ));
        }
    }
    assert!(
        upward.is_empty(),
        "imports into a higher layer:\n{}",
        upward.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn no_import_cycles() {
    let (sources, imports) = imports();
    // Between top-level modules.
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // Between sibling files of one directory (the parent's own mod.rs excluded).
    let mut siblings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for i in &imports {
        let (Some(a), Some(b)) = (i.from_module.first(), i.to_module.first()) else {
            continue;
        };
        if a != b {
            top.entry(a.clone()).or_default().insert(b.clone());
            continue;
        }
        let (f, t) = (&i.from_module, &i.to_module);
        let common = f.iter().zip(t).take_while(|(x, y)| x == y).count();
        // Only when neither is an ancestor of the other: x::a and x::b (or below them).
        if common < f.len() && common < t.len() {
            let key = |m: &[String]| m[..=common].join("::");
            siblings.entry(key(f)).or_default().insert(key(t));
        }
    }
    let mut found: Vec<String> = cycles(&top)
        .into_iter()
        .chain(cycles(&siblings))
        .map(|group| {
            let files: Vec<String> = group
                .iter()
                .map(|m| {
                    let module: Vec<String> = m.split("::").map(String::from).collect();
                    file_of(&sources, &module)
                })
                .collect();
            files.join(" <-> ")
        })
        .collect();
    found.sort();
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn the_reader_finds_paths_in_use_trees_and_code() {
    let code = code_only(
        "use crate::{a::{b, c::D}, e};\n// use crate::commented;\nlet x = super::f::g(\"crate::in_string\");\nlet y = '\"'; crate::h::i();",
    );
    let found: Vec<String> = paths(&code).iter().map(|(_, p)| p.join("::")).collect();
    assert_eq!(
        found,
        vec![
            "crate::a::b",
            "crate::a::c::D",
            "crate::e",
            "super::f::g",
            "crate::h::i"
        ]
    );
}

/// The JSON contract lives in one layer: only `report/` (and the findings every report
/// carries as they are) derive or implement `Serialize`; engines keep typed values.
#[test]
fn only_the_report_layer_serializes() {
    let offenders: Vec<String> = sources()
        .iter()
        .filter(|s| {
            !matches!(
                s.module.first().map(String::as_str),
                Some("report" | "findings")
            )
        })
        .filter(|s| {
            let code = code_only(&s.text);
            code.contains("Serialize,")
                || code.contains("Serialize)")
                || code.contains("impl Serialize")
                || code.contains("serde::Serialize")
        })
        .map(|s| s.path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "Serialize outside report/: {offenders:?}; put the JSON shape in a report struct"
    );
}

/// No source file holds more than 1,000 lines before its `#[cfg(test)]` module: past that a
/// file has more than one purpose, and is split along its seams.
#[test]
fn no_source_file_over_1000_non_test_lines() {
    let too_long: Vec<String> = sources()
        .iter()
        .filter_map(|s| {
            let non_test = s
                .text
                .lines()
                .take_while(|l| l.trim() != "#[cfg(test)]")
                .count();
            (non_test > 1000).then(|| format!("{} ({non_test} lines)", s.path.display()))
        })
        .collect();
    assert!(
        too_long.is_empty(),
        "files over 1,000 non-test lines: {too_long:?}"
    );
}

/// CONTRIBUTING.md's architecture table names the same layers, in the same order, with the same
/// modules as [`LAYERS`]: the documentation of the structure cannot drift from the test that
/// enforces it.
#[test]
fn the_readme_documents_these_layers() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("CONTRIBUTING.md"))
            .expect("read CONTRIBUTING.md");
    let rows: Vec<(String, Vec<String>)> = readme
        .lines()
        .filter(|l| {
            l.starts_with("| ") && l[2..].chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let name = cells.get(1)?.split_once(". ")?.1.to_string();
            let modules = cells
                .get(2)?
                .split(',')
                .map(|m| m.trim().trim_matches('`').to_string())
                .collect();
            Some((name, modules))
        })
        .collect();
    let expected: Vec<(String, Vec<String>)> = LAYERS
        .iter()
        .map(|(name, mods)| {
            (
                name.to_string(),
                mods.iter().map(|m| m.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows, expected,
        "CONTRIBUTING.md's layer table and LAYERS differ"
    );
}
