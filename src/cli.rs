//! The command line. clap stays here: the domain's types (a document's kind,
//! a language, the DOCX's fonts) know nothing of it, and are named and
//! explained to clap below.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::docx::FontChoice;
use crate::locale;
use crate::model::Lang;
use crate::view::Kind;

/// Lets clap take a domain type as an option's value: its variants, each
/// with its name on the command line and, when `help-value-NAME-VALUE` has
/// words, what it means.
macro_rules! value_enum {
    ($type:ident $prefix:literal { $($variant:ident => $name:literal,)* }) => {
        impl ValueEnum for $type {
            fn value_variants<'a>() -> &'a [Self] {
                &[$($type::$variant),*]
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                let name = match self {
                    $($type::$variant => $name,)*
                };
                let key = format!("help-value-{}-{name}", $prefix);
                let value = PossibleValue::new(name);
                Some(match locale::try_words(locale::user_lang(), &key) {
                    Some(help) => value.help(help),
                    None => value,
                })
            }
        }
    };
}

value_enum!(Kind "kind" {
    Combined => "combined",
    Summary => "summary",
    Plan => "plan",
});

value_enum!(Lang "lang" {
    Zh => "zh",
    En => "en",
});

value_enum!(FontChoice "docx-fonts" {
    Windows => "windows",
    Gb2312 => "gb2312",
    Free => "free",
});

mod words;

pub use words::summary;

/// Parses the command line, its help in the user's language (`--lang`'s
/// when it is given, else the locale's; see [`locale::user_lang`]); a
/// mistake on it is told in that language too, and ends the program.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Read before clap (whose values' help is in the language chosen here).
    let asked = args
        .windows(2)
        .find_map(|w| match (w[0].to_str(), w[1].to_str()) {
            (Some("--lang"), Some("zh")) => Some(Lang::Zh),
            (Some("--lang"), Some("en")) => Some(Lang::En),
            _ => None,
        });
    if let Some(lang) = asked {
        locale::speak(lang);
    }
    let lang = locale::user_lang();
    let command = command(lang);
    let called = words::called(&command, &args);
    command
        .clone()
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .unwrap_or_else(|error| words::exit(&error, &command, &called, lang))
}

/// The command line with every help text in `lang`, from
/// `locales/*/help.ftl`: `help-COMMAND` (with `.long` and `.after`),
/// `help-COMMAND--ARG`, else `help-arg-ARG`; the headings, the usage line,
/// the values an option takes and its default in `lang` too.
pub fn command(lang: Lang) -> clap::Command {
    words::localize(Cli::command(), "help", lang)
}

#[derive(Debug, Parser)]
#[command(name = "nianbao", version)]
pub struct Cli {
    // None: no arguments (a double-click): `serve` on the working folder.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(CheckArgs),
    Build(BuildArgs),
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Archive(ArchiveArgs),
    Import(ImportArgs),
    New(NewArgs),
    Next(NextArgs),
    Rollup(RollupArgs),
    Serve(ServeArgs),
    Watch(BuildArgs),
    Fonts(FontArgs),
    Explain(ExplainArgs),
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    Man,
    /// The guide's reference pages, written into a folder (for the guide's
    /// maintainers: hidden from the help).
    #[command(hide = true)]
    Reference {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    pub code: String,
    #[arg(long, value_enum)]
    pub lang: Option<crate::model::Lang>,
}

#[derive(Clone, Debug, Args)]
pub struct FontArgs {
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_paths: Vec<PathBuf>,
    #[arg(long)]
    pub no_system_fonts: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagnosticFormat,
    #[command(flatten)]
    pub options: CheckOptions,
    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Clone, Debug, Default, Args)]
pub struct CheckOptions {
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Vec<Deny>,
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(
        short,
        long,
        value_name = "OUT.yaml",
        required_unless_present = "dry_run"
    )]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_name = "PATH")]
    pub soffice: Option<PathBuf>,
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<crate::model::Lang>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[arg(value_name = "PATH")]
    pub input: Option<PathBuf>,
    #[arg(long, value_name = "N", default_value_t = 8017)]
    pub port: u16,
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Debug, Args)]
pub struct RollupArgs {
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    #[arg(long, value_name = "NAME", default_value = "总工会")]
    pub organisation: String,
    #[arg(long, value_enum, default_value = "yaml")]
    pub format: RollupFormat,
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RollupFormat {
    Yaml,
    Csv,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[arg(long, value_name = "NAME")]
    pub org: Option<String>,
    #[arg(long)]
    pub year: Option<i32>,
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub half: Option<u8>,
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    #[arg(long, value_name = "LIST")]
    pub areas: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub signature: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct NextArgs {
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    #[arg(short, long, value_name = "NEW.yaml")]
    pub output: PathBuf,
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    Human,
    Json,
}

#[derive(Clone, Debug, Args)]
pub struct BuildArgs {
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value = "combined")]
    pub kind: Kind,
    #[arg(long, value_enum, value_delimiter = ',', default_value = "md,pdf")]
    pub format: Vec<Format>,
    #[arg(long, value_enum, default_value = "windows", value_name = "FONTS")]
    pub docx_fonts: FontChoice,
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub options: CheckOptions,
    #[arg(long)]
    pub timings: bool,
    #[arg(long)]
    pub keep_going: bool,
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ArchiveArgs {
    #[command(subcommand)]
    pub action: Option<ArchiveAction>,
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    #[arg(long)]
    pub docx: bool,
    #[arg(long, value_enum, default_value = "windows", value_name = "FONTS")]
    pub docx_fonts: FontChoice,
    #[arg(long, value_name = "DIR", default_value = DEFAULT_ARCHIVE)]
    pub dir: PathBuf,
    #[arg(long)]
    pub replace: bool,
    #[arg(long, value_enum, default_value = "combined")]
    pub kind: Kind,
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub options: CheckOptions,
}

pub const DEFAULT_ARCHIVE: &str = "output/archive";

#[derive(Debug, Subcommand)]
pub enum ArchiveAction {
    Verify {
        #[arg(long, value_name = "DIR", default_value = DEFAULT_ARCHIVE)]
        dir: PathBuf,
    },
    List {
        #[arg(long, value_name = "DIR", default_value = DEFAULT_ARCHIVE)]
        dir: PathBuf,
    },
    Migrate {
        #[arg(long, value_name = "DIR", default_value = DEFAULT_ARCHIVE)]
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Pdf,
    Docx,
}

value_enum!(Format "format" {
    Md => "md",
    Pdf => "pdf",
    Docx => "docx",
});

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every option has its words in both languages: a
    /// new option without them fails here.
    #[test]
    fn every_command_and_option_has_its_help_in_both_languages() {
        fn missing(command: &clap::Command, path: &str, out: &mut Vec<String>) {
            if command.get_about().is_none() {
                out.push(path.to_string());
            }
            for arg in command.get_arguments() {
                if arg.get_help().is_none() {
                    out.push(format!("{path} --{}", arg.get_id()));
                }
            }
            for sub in command.get_subcommands() {
                missing(sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
        for lang in [Lang::Zh, Lang::En] {
            let mut out = Vec::new();
            missing(&command(lang), "nianbao", &mut out);
            assert!(out.is_empty(), "{lang:?}: no help for {out:?}");
        }
        let zh = command(Lang::Zh).render_long_help().to_string();
        assert!(zh.starts_with("把一年工作的记录（YAML）"), "{zh}");
        let en = command(Lang::En).render_long_help().to_string();
        assert!(
            en.starts_with("Turns YAML records of a year's work"),
            "{en}"
        );
    }
}
