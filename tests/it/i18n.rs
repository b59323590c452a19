//! The message catalogs: both languages load cleanly, hold the same ids with the same
//! placeholders, and every `tr!` call in `src/` names an id that exists, passing exactly the
//! placeholders its English message uses. A message no code uses is dead text and fails too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use mongotls::i18n::{Catalog, Lang};

type Vars = BTreeSet<String>;

/// Each message of one language's catalog with the variables it references (through selectors,
/// function arguments and references to other messages too).
fn messages(lang: Lang) -> BTreeMap<String, Vars> {
    let mut patterns: BTreeMap<String, ast::Pattern<String>> = BTreeMap::new();
    for (file, text) in lang.catalog() {
        let resource = fluent_syntax::parser::parse((*text).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{}/{file}: {errors:?}", lang.tag()));
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                if let Some(value) = m.value {
                    patterns.insert(m.id.name, value);
                }
            }
        }
    }
    patterns
        .keys()
        .map(|id| {
            let mut vars = Vars::new();
            let mut seen = BTreeSet::new();
            collect(&patterns[id], &patterns, &mut vars, &mut seen);
            (id.clone(), vars)
        })
        .collect()
}

fn collect(
    p: &ast::Pattern<String>,
    all: &BTreeMap<String, ast::Pattern<String>>,
    vars: &mut Vars,
    seen: &mut BTreeSet<String>,
) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expr(expression, all, vars, seen);
        }
    }
}

fn expr(
    e: &ast::Expression<String>,
    all: &BTreeMap<String, ast::Pattern<String>>,
    vars: &mut Vars,
    seen: &mut BTreeSet<String>,
) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline(selector, all, vars, seen);
            for v in variants {
                collect(&v.value, all, vars, seen);
            }
        }
        ast::Expression::Inline(i) => inline(i, all, vars, seen),
    }
}

fn inline(
    i: &ast::InlineExpression<String>,
    all: &BTreeMap<String, ast::Pattern<String>>,
    vars: &mut Vars,
    seen: &mut BTreeSet<String>,
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.clone());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline(a, all, vars, seen);
            }
            for a in &arguments.named {
                inline(&a.value, all, vars, seen);
            }
        }
        ast::InlineExpression::MessageReference { id, .. } if seen.insert(id.name.clone()) => {
            if let Some(p) = all.get(&id.name) {
                collect(p, all, vars, seen);
            }
        }
        ast::InlineExpression::Placeable { expression } => expr(expression, all, vars, seen),
        _ => {}
    }
}

#[test]
fn both_catalogs_load_without_problems() {
    for lang in Lang::ALL {
        let catalog = Catalog::load(lang);
        assert!(
            catalog.problems.is_empty(),
            "{}: {:#?}",
            lang.tag(),
            catalog.problems
        );
    }
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_placeholders() {
    let en = messages(Lang::En);
    let zh = messages(Lang::Zh);
    let mut problems = Vec::new();
    for (id, vars) in &en {
        match zh.get(id) {
            None => problems.push(format!("{id}: missing in zh")),
            Some(z) if z != vars => problems.push(format!("{id}: en uses {vars:?}, zh uses {z:?}")),
            Some(_) => {}
        }
    }
    for id in zh.keys().filter(|id| !en.contains_key(*id)) {
        problems.push(format!("{id}: in zh only"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// One `tr!` call found in the sources: where, the id, the argument names.
struct Call {
    at: String,
    id: String,
    args: Vars,
}

/// Finds `tr!("id", name = value, …)` calls by a small scanner that splits the arguments at
/// top-level commas (values may hold calls, closures, strings with commas).
fn calls_in(path: &Path, text: &str, out: &mut Vec<Call>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("tr!(") {
        let start = from + found;
        from = start + 4;
        // `ctr!(` or `attr!(` are other macros.
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        let line = text[..start].matches('\n').count() + 1;
        let at = format!("{}:{line}", path.display());
        // The arguments up to the matching parenthesis.
        let (mut depth, mut i, mut in_str) = (1usize, from, false);
        let mut parts = vec![String::new()];
        while i < bytes.len() && depth > 0 {
            let c = bytes[i] as char;
            if in_str {
                if c == '\\' {
                    i += 1;
                } else if c == '"' {
                    in_str = false;
                }
            } else {
                match c {
                    '"' => in_str = true,
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    ',' if depth == 1 => {
                        parts.push(String::new());
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            if depth > 0 {
                if let Some(p) = parts.last_mut() {
                    p.push(c);
                }
            }
            i += 1;
        }
        let id = parts[0].trim();
        let Some(id) = id.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
            // The macro's own definition (`$id:literal`) and doc examples are not calls.
            continue;
        };
        let args = parts[1..]
            .iter()
            .filter_map(|p| p.split_once('=').map(|(name, _)| name.trim().to_owned()))
            .filter(|n| !n.is_empty())
            .collect();
        out.push(Call {
            at,
            id: id.to_owned(),
            args,
        });
    }
}

fn sources() -> Vec<(std::path::PathBuf, String)> {
    let mut files = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read source");
                files.push((path, text));
            }
        }
    }
    files
}

#[test]
fn every_call_names_a_message_with_the_placeholders_it_passes() {
    let en = messages(Lang::En);
    let zh = messages(Lang::Zh);
    let mut calls = Vec::new();
    for (path, text) in sources() {
        calls_in(&path, &text, &mut calls);
    }
    let mut problems = Vec::new();
    for c in &calls {
        match en.get(&c.id) {
            None => problems.push(format!(
                "{}: `{}` is not in the English catalog",
                c.at, c.id
            )),
            Some(vars) if *vars != c.args => problems.push(format!(
                "{}: `{}` passes {:?}, the message uses {:?}",
                c.at, c.id, c.args, vars
            )),
            Some(_) => {}
        }
        if !zh.contains_key(&c.id) {
            problems.push(format!(
                "{}: `{}` is not in the Chinese catalog",
                c.at, c.id
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_is_used_by_the_code() {
    let all_source: String = sources().into_iter().map(|(_, t)| t).collect();
    let unused: Vec<_> = messages(Lang::En)
        .into_keys()
        .filter(|id| !all_source.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn the_scanner_finds_calls_and_their_argument_names() {
    let mut calls = Vec::new();
    calls_in(
        Path::new("x.rs"),
        r#"let a = tr!("a-b"); let b = crate::tr!("c-d", when = f(x, y), who = "p, q",);"#,
        &mut calls,
    );
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].id, "a-b");
    assert!(calls[0].args.is_empty());
    assert_eq!(calls[1].id, "c-d");
    assert_eq!(
        calls[1].args,
        ["when", "who"].iter().map(|s| s.to_string()).collect()
    );
}
