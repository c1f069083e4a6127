//! `nianbao next`: the next period's input, started from this one's plans.

use crate::carry;
use crate::cli::NextArgs;
use crate::error::Error;
use crate::load::{self, Outcome};
use crate::output::write_atomic;

pub fn run(args: &NextArgs) -> Result<(), Error> {
    let loaded = match load::load(&args.input, None)? {
        Outcome::Loaded(loaded) => loaded,
        Outcome::Invalid(..) => {
            return Err(Error::Refused(format!(
                "`{}` has errors; run `nianbao check {}` first",
                args.input.display(),
                args.input.display()
            )));
        }
    };
    if args.output.exists() && !args.force {
        return Err(Error::Usage(format!(
            "`{}` exists; nianbao does not overwrite it (add --force to replace it)",
            args.output.display()
        )));
    }
    write_atomic(&args.output, carry::next_input(&loaded.report).as_bytes())?;
    eprintln!("wrote {}", args.output.display());
    Ok(())
}
