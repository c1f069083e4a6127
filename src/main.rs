use clap::Parser;

/// mimalloc: the PDF writer's font subsetter grows many small vectors a glyph
/// at a time, and glibc's realloc made that about a sixth of a build (one
/// report: 77 ms with glibc, 64 ms with mimalloc, benches/build.py).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `arena_eager_commit` (index 4 of `mi_option_e` in mimalloc 2 and 3).
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// mimalloc's `purge_delay` (index 15 of `mi_option_e` in mimalloc 2 and 3).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// For a batch, arenas committed as they are used, not whole, so that memory
/// given back goes back to the system: 200 reports with two workers peaked at
/// 175 MB, now 130 MB, in the same time. A single report keeps eager commits:
/// lazy ones cost it 11 ms of 75 (benches/batch.py). The option must be set
/// before mimalloc starts (its constructor reads the options, and Rust's
/// runtime allocates before `main`), so this runs from `.init_array` at a
/// priority before the default constructors', where glibc passes the command
/// line: two or more `.yaml`/`.yml` arguments make a batch.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[used]
#[unsafe(link_section = ".init_array.00100")]
static SET_ALLOCATOR_OPTIONS: extern "C" fn(
    std::ffi::c_int,
    *const *const std::ffi::c_char,
    *const *const std::ffi::c_char,
) = {
    extern "C" fn set(
        argc: std::ffi::c_int,
        argv: *const *const std::ffi::c_char,
        _envp: *const *const std::ffi::c_char,
    ) {
        if argv.is_null() {
            return;
        }
        let yaml = (0..usize::try_from(argc).unwrap_or(0))
            .filter(|&i| {
                // SAFETY: glibc passes argc valid, NUL-terminated arguments.
                let arg = unsafe { std::ffi::CStr::from_ptr(*argv.add(i)) }.to_bytes();
                arg.ends_with(b".yaml") || arg.ends_with(b".yml")
            })
            .count();
        if yaml >= 2 {
            // SAFETY: writes one option of the allocator, before anything else runs.
            unsafe { libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0) };
        }
    }
    set
};

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
    let cli = nianbao::cli::Cli::parse();
    if matches!(cli.command, nianbao::cli::Command::Import(_)) {
        // Import builds a few strings as large as the document (its lines,
        // the YAML) and drops them: memory given back to the system and
        // taken again is zeroed anew by the kernel. A run of one command keeps
        // what it freed instead: importing 10 MB took 0.91 s, now 0.80 s
        // (medians of 7).
        // SAFETY: sets one option of the allocator; it is read as it runs.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
    }
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
    sigpipe::reset();
}
