//! `nkread cache status` and `nkread cache clear`.

use super::args::CacheCommand;
use super::{Failure, Output};
use crate::corpus::cache::Cache;
use crate::search::SearchIndex;
use std::path::PathBuf;

pub fn run(
    command: &CacheCommand,
    cache: Option<&Cache>,
    on: bool,
    paths: &[PathBuf],
) -> Result<Output, Failure> {
    let Some(cache) = cache else {
        return Err(Failure {
            code: 1,
            message: "nkread: no cache directory: neither XDG_CACHE_HOME nor HOME is set".into(),
        });
    };
    match command {
        CacheCommand::Status => Ok(status(cache, on, paths).into()),
        CacheCommand::Clear => {
            let (files, bytes) = cache.clear().map_err(|e| Failure {
                code: 1,
                message: format!(
                    "nkread: cannot clear the cache in {}: {e}",
                    cache.dir().display()
                ),
            })?;
            Ok(format!(
                "removed {files} cache file{} ({}) from {}\n",
                if files == 1 { "" } else { "s" },
                size(bytes),
                cache.dir().display()
            )
            .into())
        }
    }
}

fn status(cache: &Cache, on: bool, paths: &[PathBuf]) -> String {
    let status = cache.status(paths, |corpus, bytes| {
        SearchIndex::decode(bytes).is_ok_and(|index| index.fits(corpus))
    });
    let mut out = format!("directory: {}\n", status.dir.display());
    if !on {
        out.push_str("in use: no (--no-cache, or cache = false in the config file)\n");
    }
    match (&status.file, status.size) {
        (None, _) => out.push_str("this corpus: the bundled corpus alone, which needs no cache\n"),
        (Some(file), None) => out.push_str(&format!(
            "this corpus: {}, not written yet\n",
            file.display()
        )),
        (Some(file), Some(bytes)) => out.push_str(&format!(
            "this corpus: {}, {}, {}\n",
            file.display(),
            size(bytes),
            match &status.current {
                Ok(()) => "current".to_string(),
                Err(why) => why.to_string(),
            }
        )),
    }
    if let Some(file) = &status.index_file {
        let state = match (&status.current, status.index_size, &status.index_current) {
            (_, None, _) => "not written yet".to_string(),
            (Err(_), Some(_), _) | (_, _, None) => {
                "not read while the corpus copy is not current".to_string()
            }
            (Ok(()), Some(_), Some(Ok(()))) => "current".to_string(),
            (Ok(()), Some(_), Some(Err(why))) => why.to_string(),
        };
        let bytes = status.index_size.map(|b| format!("{}, ", size(b)));
        out.push_str(&format!(
            "its search index (kept by the reader): {}, {}{state}\n",
            file.display(),
            bytes.unwrap_or_default()
        ));
    }
    out.push_str(&format!(
        "all cache files: {}, {}\n",
        status.files,
        size(status.bytes)
    ));
    out
}

/// Bytes as a person reads them: "612.3 MB".
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{:.1} kB", b as f64 / 1e3),
        b if b < 1_000_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b => format!("{:.2} GB", b as f64 / 1e9),
    }
}
