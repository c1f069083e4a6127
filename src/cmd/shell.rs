//! `nianbao completions SHELL` and `nianbao man`: the command line described
//! for shells and for man, generated from the same definition as `--help`
//! (clap_complete, clap_mangen).

use std::io::Write as _;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;

pub fn completions(shell: clap_complete::Shell) -> Result<(), Error> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "nianbao", &mut out);
    write_stdout(&out)
}

pub fn man() -> Result<(), Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Error::io(std::path::Path::new("<stdout>"), "write", e))?;
    write_stdout(&out)
}

fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    std::io::stdout()
        .write_all(bytes)
        .map_err(|e| Error::io(std::path::Path::new("<stdout>"), "write", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// clap's own consistency checks of every argument and subcommand.
    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
