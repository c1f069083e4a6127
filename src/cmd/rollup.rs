//! `nianbao rollup`: the grassroots inputs' counts added up into a federation's
//! input, or a CSV table of every union's figures.

use crate::cli::{RollupArgs, RollupFormat};
use crate::cmd::{Reporter, refuse_existing};
use crate::diag::SourceFile;
use crate::error::Error;
use crate::load::{self, Loaded, Outcome};
use crate::locale::tr;
use crate::output::write_atomic;
use crate::rollup;

pub fn run(args: &RollupArgs) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    let mut loaded: Vec<Loaded> = Vec::new();
    for input in &args.inputs {
        match load::load(input, None)? {
            Outcome::Loaded(l) => {
                reporter.speak(l.report.meta.language());
                loaded.push(*l);
            }
            Outcome::Invalid(files, diagnostics) => {
                reporter.report_all(&diagnostics, &files.iter().collect::<Vec<_>>());
            }
        }
    }
    if reporter.errors > 0 {
        return reporter.finish(args.inputs.len());
    }
    let lang = reporter.lang();
    refuse_existing(&args.output, args.force, lang)?;
    let rolled = match rollup::rollup(&loaded) {
        Ok(rolled) => rolled,
        Err(diagnostics) => {
            let files: Vec<&SourceFile> = loaded.iter().flat_map(|l| l.files.iter()).collect();
            reporter.report_all(&diagnostics, &files);
            return reporter.finish(args.inputs.len());
        }
    };
    for (count, lacking) in rolled.missing() {
        eprintln!(
            "{}",
            tr!(
                lang,
                "rollup-missing-count",
                count = count,
                missing = lacking.len(),
                total = rolled.unions.len(),
                names = lacking.join(&tr!(lang, "list-separator"))
            )
        );
    }
    let text = match args.format {
        RollupFormat::Yaml => rolled.input(&args.organisation),
        RollupFormat::Csv => rolled.csv(),
    };
    write_atomic(&args.output, text.as_bytes())?;
    eprintln!(
        "{}",
        tr!(
            lang,
            "rollup-wrote",
            path = args.output.display(),
            counts = rolled.totals.len(),
            inputs = rolled.unions.len()
        )
    );
    Ok(())
}
