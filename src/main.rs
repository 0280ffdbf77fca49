fn main() -> std::process::ExitCode {
    nkread::cli::run()
}
