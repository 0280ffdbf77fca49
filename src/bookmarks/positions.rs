//! Where the reader was: the last open document and the paragraph under the
//! reading cursor in each, kept in `positions.json` beside the bookmarks.

use super::durable;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Positions {
    pub version: u32,
    /// The id of the document open last.
    pub last: Option<String>,
    /// Document id to the paragraph under the cursor, from 1.
    pub paragraphs: BTreeMap<String, usize>,
}

const FILE: &str = "positions.json";

impl Positions {
    /// The positions saved in `dir`. They are a convenience: a file that
    /// cannot be read means starting at the top, and is left for `save`.
    pub fn load(dir: &Path) -> Positions {
        durable::read(&dir.join(FILE))
            .ok()
            .flatten()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Saves these positions over those on disk, which another nkread may
    /// have added to since: theirs are kept for the documents not read here.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        durable::ensure_dir(dir)?;
        let _lock = durable::lock(dir)?;
        let path = dir.join(FILE);
        durable::remove_stale_temps(&path);
        // A FIFO or a device where the file should be is not ours to
        // replace: the error says what was found.
        let mut merged: Positions = durable::read(&path)?
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        merged.version = 1;
        merged.last.clone_from(&self.last);
        merged
            .paragraphs
            .extend(self.paragraphs.iter().map(|(k, v)| (k.clone(), *v)));
        let mut json = serde_json::to_vec_pretty(&merged).map_err(std::io::Error::other)?;
        json.push(b'\n');
        durable::write_atomic(&path, &json, durable::PRIVATE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_merge_with_another_process() {
        let dir = tempfile::tempdir().unwrap();
        let mut one = Positions::default();
        one.paragraphs.insert("a".into(), 3);
        one.last = Some("a".into());
        one.save(dir.path()).unwrap();
        let mut two = Positions::default();
        two.paragraphs.insert("b".into(), 7);
        two.last = Some("b".into());
        two.save(dir.path()).unwrap();
        let read = Positions::load(dir.path());
        assert_eq!(read.last.as_deref(), Some("b"));
        assert_eq!(read.paragraphs.len(), 2);
        assert_eq!(read.paragraphs["a"], 3);
    }

    #[test]
    fn an_unreadable_file_means_the_top() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), b"{").unwrap();
        assert_eq!(Positions::load(dir.path()), Positions::default());
    }

    #[test]
    fn a_fifo_means_the_top_and_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        crate::bookmarks::durable::mkfifo(&path);
        assert_eq!(Positions::load(dir.path()), Positions::default());
        let error = Positions::default().save(dir.path()).unwrap_err();
        assert!(error.to_string().contains("FIFO"), "{error}");
        let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
        assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
    }
}
