//! `nianbao explain CODE`: a diagnostic code's page from the catalogue.

use crate::cli::ExplainArgs;
use crate::error::Error;

pub fn run(args: &ExplainArgs) -> Result<(), Error> {
    print!("{}", crate::codes::explain_page(&args.code, args.lang)?);
    Ok(())
}
