//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "nianbao",
    version,
    about = "Turns YAML records of a year's work into the year-end work summary (年度工作总结) and next year's plan",
    long_about = "Turns YAML records of a year's work into the year-end work summary \
(年度工作总结) and next year's plan.\n\nThe facts are kept as data: counts are named \
figures referenced from the text, numbering (一、 （一） 一是) is generated, and `check` \
finds what offices get wrong before the document goes out.",
    after_help = "Examples:\n  nianbao check inputs/2020.yaml\n  nianbao build inputs/2020.yaml            # writes output/2020.md\n  nianbao build inputs/*.yaml -o out --templates my-templates\n\nExit codes: 0 success, 1 the input has errors, 2 usage or I/O failure."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate inputs and print diagnostics; writes nothing.
    #[command(
        after_help = "Exit codes: 0 no errors (warnings allowed), 1 errors in an input, 2 a file cannot be read."
    )]
    Check(CheckArgs),
    /// Validate inputs and write the documents to the output folder.
    #[command(
        after_help = "Writes DIR/<input stem>.md for each input (DIR is `output` unless -o says).\nWarnings are printed and do not stop a build; errors do, and then nothing is written.\n\nExample:\n  nianbao build inputs/2020.yaml -o output"
    )]
    Build(BuildArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Input YAML files.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Input YAML files.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Where the documents go.
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,
    /// What to write, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "md")]
    pub format: Vec<Format>,
    /// A folder of templates; a file named like a built-in one (report.md,
    /// summary.md, problems.md, plans.md, closing.md) replaces it.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown: DIR/<stem>.md
    Md,
}
