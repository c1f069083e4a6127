//! `nianbao check`: validate only, and find the characters no font has (E0401)
//! as a build would.

use crate::cli::{CheckArgs, DiagnosticFormat};
use crate::cmd::{Reporter, check_input, engine};
use crate::diag;
use crate::error::Error;

pub fn run(args: &CheckArgs) -> Result<(), Error> {
    let mut reporter = match args.format {
        DiagnosticFormat::Human => Reporter::default(),
        DiagnosticFormat::Json => Reporter::json(),
    };
    let engine = engine(None, &args.fonts, &args.options)?;
    for input in &args.inputs {
        if let Some(checked) = check_input(&engine, input, &mut reporter, false)? {
            let missing = engine.missing_glyphs(&checked).map_err(|d| {
                eprint!("{}", diag::render(&d, &[]));
                Error::Reported
            })?;
            reporter.report_all(&missing, &checked.loaded.sources());
        }
    }
    reporter.finish(args.inputs.len())
}
