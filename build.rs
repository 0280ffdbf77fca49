//! Embeds the bundled corpus: every data/corpus/*.toml becomes an entry of
//! `BUNDLED_CORPUS`, and every capture of data/sources/ one of
//! `BUNDLED_CAPTURES`, so adding a curated document needs no code change.

use std::{env, fs, path::PathBuf};

fn main() {
    let dir =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("data/corpus");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("data/corpus exists")
        .map(|e| e.expect("readable data/corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut code = String::from("pub const BUNDLED_CORPUS: &[(&str, &str)] = &[\n");
    for path in files {
        let name = path.file_name().expect("a file").to_string_lossy();
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    (\"data/corpus/{name}\", include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    // The raw captures the documents were curated from, by file name, for
    // the reader's view of a document's source.
    let sources =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("data/sources");
    println!("cargo:rerun-if-changed={}", sources.display());
    let mut captures: Vec<PathBuf> = fs::read_dir(&sources)
        .expect("data/sources exists")
        .map(|e| e.expect("readable data/sources entry").path())
        .filter(|p| p.is_file())
        .collect();
    captures.sort();
    code.push_str("pub const BUNDLED_CAPTURES: &[(&str, &str)] = &[\n");
    for path in captures {
        let name = path.file_name().expect("a file").to_string_lossy();
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("bundled.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
