use clap::Parser;

fn main() {
    reset_sigpipe();
    let cli = nianbao::cli::Cli::parse();
    if let Err(error) = nianbao::run(cli) {
        if !matches!(
            error,
            nianbao::Error::InvalidInput { .. } | nianbao::Error::Reported
        ) {
            eprintln!("error: {error}");
        }
        std::process::exit(error.exit_code());
    }
}

/// `nianbao check … | head` ends quietly instead of panicking on a closed pipe.
fn reset_sigpipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default action of a signal, before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
