//! Reading a document's raw capture for the capture overlay: the loop's
//! I/O, kept apart. A bundled document's capture is built in; a user's is
//! looked for beside their documents, by the file name the document gives.

use crate::corpus::{bundled_capture, clean};
use std::io::Read;
use std::path::{Path, PathBuf};

/// A capture over this size is not read (the importer's own limit).
const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// The capture named `name`, cleaned for the screen: built in, else in one
/// of the corpus directories `dirs` (or a directory holding a corpus file),
/// or in a `sources/` directory inside one. A name that is not a plain
/// file name is refused, so a document cannot point the reader elsewhere.
pub fn read(dirs: &[PathBuf], name: &str) -> Result<String, String> {
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\'])
        && Path::new(name).file_name().is_some();
    if !plain {
        return Err(format!("the source “{name}” is not a file name"));
    }
    if let Some(text) = bundled_capture(name) {
        return Ok(clean(text));
    }
    for dir in dirs {
        let dir = match dir.is_file() {
            true => dir.parent().map(Path::to_path_buf).unwrap_or_default(),
            false => dir.clone(),
        };
        for path in [dir.join(name), dir.join("sources").join(name)] {
            if path.metadata().is_ok_and(|m| m.is_file()) {
                return read_file(&path);
            }
        }
    }
    Err(format!(
        "the capture “{name}” was not found: nkread looks for it in each corpus \
         directory and in a sources/ directory inside it"
    ))
}

fn read_file(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("{shown}: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{shown}: {e}"))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("{shown}: over 32 MB, not read"));
    }
    String::from_utf8(bytes)
        .map(|text| clean(&text))
        .map_err(|e| {
            format!(
                "{shown}: not UTF-8 text (at byte {})",
                e.utf8_error().valid_up_to()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundled_capture_is_built_in_and_a_path_is_refused() {
        let text = read(&[], "003_a4c01b9df4dd9a2f.txt").unwrap();
        assert!(text.contains("Co-signors include"));
        assert!(read(&[], "../Cargo.toml").is_err());
        assert!(read(&[], "..").is_err());
        assert!(read(&[], "nothing.txt").unwrap_err().contains("not found"));
    }

    #[test]
    fn a_user_capture_is_read_beside_the_documents_or_in_sources() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sources")).unwrap();
        std::fs::write(dir.path().join("sources/page.txt"), "a\u{1b}[31m line\n").unwrap();
        let dirs = [dir.path().to_path_buf()];
        assert_eq!(read(&dirs, "page.txt").unwrap(), "a[31m line\n");
        std::fs::write(dir.path().join("bad.txt"), [0xff, 0xfe]).unwrap();
        assert!(read(&dirs, "bad.txt").unwrap_err().contains("not UTF-8"));
    }
}
