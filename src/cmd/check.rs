//! `nianbao check`: validate only.

use crate::cli::CheckArgs;
use crate::cmd::{Reporter, load_checked};
use crate::error::Error;

pub fn run(args: &CheckArgs) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    for input in &args.inputs {
        load_checked(input, &mut reporter)?;
    }
    reporter.finish(args.inputs.len())
}
