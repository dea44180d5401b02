//! Embeds the Fluent files (`locales/<lang>/*.ftl`) and the web client (`client-web/static/`) into the binary, so
//! that one file runs a complete node. Adding a language is adding a folder: this script finds it.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("..");
    let locales = root.join("locales");
    let web = root.join("client-web").join("static");
    println!("cargo:rerun-if-changed={}", locales.display());
    println!("cargo:rerun-if-changed={}", web.display());

    let mut code =
        String::from("/// (language, file name, contents) of every embedded Fluent file.\n");
    code.push_str("pub static LOCALE_FILES: &[(&str, &str, &str)] = &[\n");
    let mut langs: Vec<_> = read_dir(&locales)
        .into_iter()
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for lang_dir in langs {
        println!("cargo:rerun-if-changed={}", lang_dir.display());
        let lang = name(&lang_dir);
        let mut files: Vec<_> = read_dir(&lang_dir)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            writeln!(
                code,
                "    ({lang:?}, {:?}, include_str!({:?})),",
                name(&file),
                file.display()
            )
            .expect("writing to a String cannot fail");
        }
    }
    code.push_str("];\n\n/// (path under /, contents) of every embedded web client file.\n");
    code.push_str("pub static WEB_FILES: &[(&str, &[u8])] = &[\n");
    let mut web_files = Vec::new();
    walk(&web, &mut web_files);
    web_files.sort();
    for file in web_files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = file
            .strip_prefix(&web)
            .expect("walked files are under the web root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(code, "    ({rel:?}, include_bytes!({:?})),", file.display())
            .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

fn read_dir(dir: &Path) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => Vec::new(),
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for path in read_dir(dir) {
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn name(path: &Path) -> String {
    path.file_name()
        .expect("directory entries have names")
        .to_string_lossy()
        .into_owned()
}
