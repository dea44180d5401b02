//! Every `.ftl` file parses, and every locale has every message of `en` with the same variables.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("locales")
}

/// message id → the variables its value and variants use.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    let dir = locales_dir().join(lang);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{lang} has .ftl files");
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable");
        let resource = parser::parse(source.as_str()).unwrap_or_else(|(_, errors)| {
            panic!("{} does not parse: {errors:?}", file.display());
        });
        for entry in resource.body {
            match entry {
                Entry::Message(message) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &message.value {
                        collect(value, &mut vars);
                    }
                    let previous = out.insert(message.id.name.to_owned(), vars);
                    assert!(
                        previous.is_none(),
                        "{} defines {} twice",
                        file.display(),
                        message.id.name
                    );
                }
                Entry::Junk { content } => panic!("{} has junk: {content}", file.display()),
                _ => {}
            }
        }
    }
    out
}

fn collect(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_vars(inline, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                collect(&variant.value, vars);
            }
        }
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_locale_has_every_english_message_with_the_same_variables() {
    let english = messages("en");
    let mut langs: Vec<String> = std::fs::read_dir(locales_dir())
        .expect("locales directory")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    langs.sort();
    for shipped in ["en", "ja", "ne", "vi", "bn", "ru", "uk"] {
        assert!(langs.iter().any(|l| l == shipped), "{shipped} is shipped");
    }
    for lang in langs.iter().filter(|l| *l != "en") {
        let translated = messages(lang);
        for (id, vars) in &english {
            let theirs = translated
                .get(id)
                .unwrap_or_else(|| panic!("{lang} lacks {id}"));
            assert_eq!(theirs, vars, "{lang} {id} uses other variables");
        }
        for id in translated.keys() {
            assert!(
                english.contains_key(id),
                "{lang} has {id}, which en does not"
            );
        }
    }
}

#[test]
fn translations_are_not_english_copies() {
    let english = messages_text("en");
    for lang in ["ja", "ne", "vi", "bn", "ru", "uk"] {
        let theirs = messages_text(lang);
        let same = english
            .iter()
            .filter(|(id, text)| {
                theirs.get(*id) == Some(text) && text.chars().any(char::is_alphabetic)
            })
            .map(|(id, _)| id.clone())
            .collect::<Vec<_>>();
        // Names that stay the same in every language (the product name) are allowed.
        let allowed = ["app-title"];
        let copied: Vec<_> = same
            .iter()
            .filter(|id| !allowed.contains(&id.as_str()))
            .collect();
        assert!(copied.is_empty(), "{lang} copies English for {copied:?}");
    }
}

/// message id → its source text (value only), for comparing translations.
fn messages_text(lang: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let dir = locales_dir().join(lang);
    for entry in std::fs::read_dir(dir)
        .expect("locale dir")
        .filter_map(|e| e.ok())
    {
        let source = std::fs::read_to_string(entry.path()).expect("readable");
        let mut current: Option<String> = None;
        for line in source.lines() {
            if let Some((id, rest)) = line
                .split_once(" = ")
                .filter(|(id, _)| !id.starts_with([' ', '#']))
            {
                current = Some(id.to_owned());
                out.insert(id.to_owned(), rest.to_owned());
            } else if let Some(text) = current.as_ref().and_then(|id| out.get_mut(id)) {
                text.push_str(line.trim());
            }
        }
    }
    out
}
