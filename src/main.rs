fn main() -> std::process::ExitCode {
    // A file-size limit (ulimit -f) must fail a save as a full disk does,
    // not kill nkread with the terminal raw and a bookmark unsaved.
    nkread::bookmarks::ignore_file_size_signal();
    nkread::cli::run()
}
