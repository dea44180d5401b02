//! Embeds the Fluent files (`locales/<lang>/*.ftl`) and the web client into the binary, so that one file runs a
//! complete node. Adding a language is adding a folder: this script finds it.
//!
//! The web client (`client-web/`, TypeScript) is built here with its own tools: `npm ci` when its packages are
//! missing or older than its lock file, then `vite build` into this build's `OUT_DIR`. Nothing built is committed.
//! It needs Node.js and npm on the PATH.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("..");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let locales = root.join("locales");
    println!("cargo:rerun-if-changed={}", locales.display());

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

    let web = build_web_client(&root.join("client-web"), &out.join("web"));
    code.push_str("];\n\n/// (path under /, contents) of every embedded web client file.\n");
    code.push_str("pub static WEB_FILES: &[(&str, &[u8])] = &[\n");
    let mut web_files = Vec::new();
    walk(&web, &mut web_files);
    web_files.sort();
    for file in web_files {
        let rel = file
            .strip_prefix(&web)
            .expect("walked files are under the web root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(code, "    ({rel:?}, include_bytes!({:?})),", file.display())
            .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    fs::write(out.join("embedded.rs"), code).expect("OUT_DIR is writable");
}

/// Builds the web client into `dest` and returns it.
fn build_web_client(client: &Path, dest: &Path) -> PathBuf {
    for input in [
        "src",
        "index.html",
        "public",
        "package.json",
        "package-lock.json",
        "vite.config.ts",
        "tsconfig.json",
    ] {
        // Cargo counts a path that does not exist as changed on every build: only name those that do.
        let path = client.join(input);
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    let lock = client.join("package-lock.json");
    let installed = client.join("node_modules").join(".package-lock.json");
    let stale = match (modified(&lock), modified(&installed)) {
        (Some(lock), Some(installed)) => lock > installed,
        _ => true,
    };
    if stale {
        npm(client, &["ci", "--no-audit", "--no-fund"], dest);
    }
    npm(client, &["run", "build"], dest);
    dest.to_path_buf()
}

fn npm(dir: &Path, args: &[&str], dest: &Path) {
    let status = Command::new("npm")
        .args(args)
        .current_dir(dir)
        .env("ENGAWA_WEB_OUT", dest)
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "the web client is built with Node.js and npm, and `npm` could not be started ({e}); \
                 install Node.js 20 or later (https://nodejs.org) and build again"
            )
        });
    assert!(
        status.success(),
        "`npm {}` failed in {} (its output is above)",
        args.join(" "),
        dir.display()
    );
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
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
