//! `nianbao next`: the next period's input, started from this one's plans.

use crate::carry;
use crate::cli::NextArgs;
use crate::cmd::refuse_existing;
use crate::error::Error;
use crate::load::{self, Outcome};
use crate::locale::{tr, user_lang};
use crate::messages::language_of_text;
use crate::output::write_atomic;

pub fn run(args: &NextArgs) -> Result<(), Error> {
    let loaded = match load::load(&args.input, None)? {
        Outcome::Loaded(loaded) => loaded,
        Outcome::Invalid(files, _) => {
            let lang = files
                .first()
                .map_or_else(user_lang, |f| language_of_text(&f.text));
            return Err(Error::Refused(tr!(
                lang,
                "next-has-errors",
                path = args.input.display()
            )));
        }
    };
    let lang = loaded.report.meta.language();
    refuse_existing(&args.output, args.force, lang)?;
    write_atomic(&args.output, carry::next_input(&loaded.report).as_bytes())?;
    eprintln!("{}", tr!(lang, "wrote", path = args.output.display()));
    Ok(())
}
