/// mimalloc: the PDF writer's font subsetter grows many small vectors a glyph
/// at a time, which glibc's realloc does slowly (figures in benches/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    reset_sigpipe();
    // The bounded trial of a user's style file (see typeset::bounded), not a
    // command of the manual.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == nianbao::typeset::bounded::TRIAL_COMMAND)
    {
        std::process::exit(match nianbao::typeset::bounded::run_trial() {
            Ok(()) => 0,
            Err(code) => code,
        });
    }
    let cli = nianbao::cli::parse();
    if let Err(error) = nianbao::run(cli) {
        nianbao::print_error(&error);
        std::process::exit(error.exit_code());
    }
}

/// `nianbao check … | head` ends quietly instead of panicking on a closed pipe.
fn reset_sigpipe() {
    sigpipe::reset();
}
