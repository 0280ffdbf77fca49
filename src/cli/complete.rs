//! Shell completion that knows the corpus: document ids and the names of
//! organizations and people, read when the shell asks, from the documents
//! nkread itself reads (the bundled ones and the configured corpus). The
//! shell scripts `nkread completions SHELL` prints call nkread back with
//! `COMPLETE=SHELL` set.

use super::Output;
use crate::corpus::Corpus;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::Shells;

/// The variable that asks nkread for completions instead of running.
pub(super) const VAR: &str = "COMPLETE";

/// The script that makes `shell` complete nkread's arguments, on stdout.
pub(super) fn script(shell: clap_complete::Shell) -> Output {
    let name = shell.to_string();
    let mut out = Vec::new();
    if let Some(completer) = Shells::builtins().completer(&name) {
        // Writing into a Vec cannot fail.
        let _ = completer.write_registration(VAR, "nkread", "nkread", "nkread", &mut out);
    }
    String::from_utf8_lossy(&out).into_owned().into()
}

/// The corpus as `nkread` would read it with no `--corpus`: a broken
/// configuration or corpus file leaves the bundled documents, and never an
/// error in the middle of the user's command line.
fn corpus() -> Option<Corpus> {
    let paths = crate::config::load(None)
        .map(|loaded| loaded.corpus_paths())
        .unwrap_or_default();
    Corpus::load(&paths).ok().or_else(|| Corpus::load(&[]).ok())
}

/// Document ids, each with its title as help.
pub(super) fn documents() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        corpus().map_or_else(Vec::new, |corpus| {
            corpus
                .documents
                .iter()
                .map(|d| CompletionCandidate::new(&d.id).help(Some(d.title.clone().into())))
                .collect()
        })
    })
}

/// The names of organizations and people.
pub(super) fn entities() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        corpus().map_or_else(Vec::new, |corpus| {
            corpus
                .entities
                .all()
                .iter()
                .map(|e| CompletionCandidate::new(&e.name))
                .collect()
        })
    })
}
