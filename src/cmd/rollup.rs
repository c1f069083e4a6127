//! `nianbao rollup`: the grassroots inputs' counts added up into a federation's
//! input, or a CSV table of every union's figures.

use crate::cli::{RollupArgs, RollupFormat};
use crate::cmd::Reporter;
use crate::diag::SourceFile;
use crate::error::Error;
use crate::load::{self, Loaded, Outcome};
use crate::output::write_atomic;
use crate::rollup;

pub fn run(args: &RollupArgs) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    let mut loaded: Vec<Loaded> = Vec::new();
    for input in &args.inputs {
        match load::load(input, None)? {
            Outcome::Loaded(l) => loaded.push(*l),
            Outcome::Invalid(files, diagnostics) => {
                reporter.report_all(&diagnostics, &files.iter().collect::<Vec<_>>());
            }
        }
    }
    if reporter.errors > 0 {
        return reporter.finish(args.inputs.len());
    }
    if args.output.exists() && !args.force {
        return Err(Error::Usage(format!(
            "`{}` exists; nianbao does not overwrite it (add --force to replace it)",
            args.output.display()
        )));
    }
    let rolled = match rollup::rollup(&loaded) {
        Ok(rolled) => rolled,
        Err(diagnostics) => {
            let files: Vec<&SourceFile> = loaded.iter().flat_map(|l| l.files.iter()).collect();
            reporter.report_all(&diagnostics, &files);
            return reporter.finish(args.inputs.len());
        }
    };
    for (name, lacking) in rolled.missing() {
        eprintln!(
            "note: count `{name}` is not in {} of {} inputs: {}",
            lacking.len(),
            rolled.unions.len(),
            lacking.join(", ")
        );
    }
    let text = match args.format {
        RollupFormat::Yaml => rolled.input(&args.organisation),
        RollupFormat::Csv => rolled.csv(),
    };
    write_atomic(&args.output, text.as_bytes())?;
    eprintln!(
        "wrote {} ({} counts from {} inputs)",
        args.output.display(),
        rolled.totals.len(),
        rolled.unions.len()
    );
    Ok(())
}
