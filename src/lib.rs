//! nianbao turns YAML records of a year's work into the year-end work summary
//! (年度工作总结) and next year's plan, as Markdown and as a typeset PDF.
//!
//! The pipeline, one module a stage, each looking only forward: [`load`] (YAML →
//! [`model`], with places in [`source`]) → [`facts`] (what the input implies) →
//! [`validate`] (located [`diag`]nostics, words from one catalogue) → [`view`] →
//! [`render`] (tera → Markdown) → [`typeset`] (Markdown → Typst markup → PDF)
//! and [`docx`]. The [`engine`] drives the stages; the commands (`cmd`) and
//! the server ([`serve`]) are its clients, and [`cli`] only parses arguments.

mod archive;
pub mod blocks;
mod carry;
mod cjk;
pub mod cli;
mod cmd;
mod codes;
pub mod diag;
pub mod docx;
mod draft;
mod edit;
pub mod engine;
mod error;
pub mod facts;
mod figures;
mod gongwen;
pub mod import;
pub mod load;
pub mod locale;
mod messages;
pub mod model;
mod numerals;
mod output;
mod period;
mod reference;
mod refs;
pub mod render;
mod rollup;
mod schema;
pub mod serve;
pub mod skeleton;
pub mod source;
mod title;
pub mod typeset;
pub mod validate;
pub mod view;

pub use cmd::write_typst_project;
pub use error::Error;

/// Runs one command line. The binary only parses arguments and reports the result.
pub fn run(cli: cli::Cli) -> Result<(), Error> {
    let Some(command) = cli.command else {
        return cmd::serve::start();
    };
    match command {
        cli::Command::Check(args) => cmd::check::run(&args),
        cli::Command::Reference { out } => cmd::shell::reference(&out),
        cli::Command::Build(args) => cmd::build::run(&args),
        cli::Command::Fonts(args) => cmd::fonts::run(&args),
        cli::Command::Archive(args) => cmd::archive::run(&args),
        cli::Command::New(args) => cmd::new::run(&args),
        cli::Command::Next(args) => cmd::next::run(&args),
        cli::Command::Rollup(args) => cmd::rollup::run(&args),
        cli::Command::Serve(args) => cmd::serve::run(&args),
        cli::Command::Watch(args) => cmd::watch::run(&args),
        cli::Command::Import(args) => cmd::import::run(&args),
        cli::Command::Explain(args) => cmd::explain::run(&args),
        cli::Command::Completions { shell } => cmd::shell::completions(shell),
        cli::Command::Man => cmd::shell::man(),
    }
}

/// Prints why a run failed, unless its diagnostics said so already.
pub fn print_error(error: &Error) {
    if !matches!(error, Error::InvalidInput { .. } | Error::Reported) {
        eprintln!("{}", error.line());
    }
}
