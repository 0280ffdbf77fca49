//! nkread run as a user of its own: HOME and every XDG directory point into
//! one directory, so that no test reads or writes the developer's files, or
//! another test's.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Duration;

/// A fresh, empty home under the target directory.
pub fn fresh_home() -> PathBuf {
    tempfile::Builder::new()
        .prefix("home-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a home")
        .keep()
}

/// `program` with its environment in `home`, and no NO_COLOR, TERM or
/// NKREAD_LINEAR from outside: TERM=dumb or NKREAD_LINEAR=1 in the caller's
/// shell or CI would turn the reader into the linear mode. A test that wants
/// that mode sets them itself.
pub fn in_home(home: &Path, program: impl AsRef<std::ffi::OsStr>) -> Process {
    let mut command = Process::new(program);
    command
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("NO_COLOR")
        .env_remove("TERM")
        .env_remove("NKREAD_LINEAR");
    command
}

/// The nkread binary with its environment in `home`.
pub fn process_in(home: &Path) -> Process {
    in_home(home, assert_cmd::cargo::cargo_bin!("nkread"))
}

/// nkread in `home`; a hang fails the test after 20 s rather than stall it.
pub fn nkread_in(home: &Path) -> Command {
    let mut command = Command::from_std(process_in(home));
    command.timeout(Duration::from_secs(20));
    command
}

/// nkread in a fresh home of its own.
pub fn nkread() -> Command {
    nkread_in(&fresh_home())
}
