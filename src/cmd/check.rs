//! `nianbao check`: validate only.

use crate::cli::{CheckArgs, DiagnosticFormat};
use crate::cmd::{Reporter, load_checked};
use crate::error::Error;

pub fn run(args: &CheckArgs) -> Result<(), Error> {
    let mut reporter = match args.format {
        DiagnosticFormat::Human => Reporter::default(),
        DiagnosticFormat::Json => Reporter::json(),
    };
    for input in &args.inputs {
        load_checked(input, &mut reporter, &args.options, false)?;
    }
    reporter.finish(args.inputs.len())
}
