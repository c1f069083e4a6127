//! `nianbao completions SHELL` and `nianbao man`: the command line described
//! for shells and for man, generated from the same definition as `--help`
//! (clap_complete, clap_mangen); and the hidden `nianbao reference --out DIR`,
//! the guide's reference pages (`reference.rs`).

use std::io::Write as _;

use crate::cli;
use crate::error::Error;
use crate::locale::user_lang;

pub fn completions(shell: clap_complete::Shell) -> Result<(), Error> {
    let mut command = cli::command(user_lang());
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "nianbao", &mut out);
    write_stdout(&out)
}

pub fn man() -> Result<(), Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cli::command(user_lang()))
        .render(&mut out)
        .map_err(|e| Error::io(std::path::Path::new("<stdout>"), "write", e))?;
    write_stdout(&out)
}

/// Writes the guide's reference pages under `out`, all of them or none.
pub fn reference(out: &std::path::Path) -> Result<(), Error> {
    let mut staged = crate::output::Staged::default();
    for (path, text) in crate::reference::pages() {
        let path = out.join(path);
        crate::output::ensure_dir(path.parent().unwrap_or(out))?;
        staged.add(&path, text.as_bytes())?;
    }
    staged.commit().map(drop)
}

fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    std::io::stdout()
        .write_all(bytes)
        .map_err(|e| Error::io(std::path::Path::new("<stdout>"), "write", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// clap's own consistency checks of every argument and subcommand, in
    /// both languages.
    #[test]
    fn the_command_line_is_consistent() {
        cli::command(crate::model::Lang::Zh).debug_assert();
        cli::command(crate::model::Lang::En).debug_assert();
    }
}
