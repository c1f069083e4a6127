//! The command line. clap stays here: the domain's types (a document's kind,
//! a language, the DOCX's fonts) know nothing of it, and are named and
//! explained to clap below.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::docx::FontChoice;
use crate::model::Lang;
use crate::view::Kind;

/// Lets clap take a domain type as an option's value: its variants, each with
/// its name on the command line and what it means.
macro_rules! value_enum {
    ($type:ident { $($variant:ident => $name:literal $(: $help:literal)?,)* }) => {
        impl ValueEnum for $type {
            fn value_variants<'a>() -> &'a [Self] {
                &[$($type::$variant),*]
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(match self {
                    $($type::$variant => PossibleValue::new($name)$(.help($help))?,)*
                })
            }
        }
    };
}

value_enum!(Kind {
    Combined => "combined": "Summary, problems and plan, like the seed.",
    Summary => "summary": "The summary and problems only.",
    Plan => "plan": "A standalone plan for the next period.",
});

value_enum!(Lang {
    Zh => "zh",
    En => "en",
});

value_enum!(FontChoice {
    Windows => "windows": "仿宋, 黑体, 楷体, 宋体: on every Chinese Windows and in WPS.",
    Gb2312 => "gb2312": "仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体: what many offices install for 公文.",
    Free => "free": "The free Fandol fonts nianbao carries (FandolFang, FandolHei, FandolKai, FandolSong): install them where the DOCX is opened.",
});

#[derive(Debug, Parser)]
#[command(
    name = "nianbao",
    version,
    about = "Turns YAML records of a year's work into the year-end work summary (年度工作总结) and next year's plan",
    long_about = "Turns YAML records of a year's work into the year-end work summary \
(年度工作总结) and next year's plan.\n\nThe facts are kept as data: counts are named \
figures referenced from the text, numbering (一、 （一） 一是) is generated, and `check` \
finds what offices get wrong before the document goes out.",
    after_help = "Examples:\n  nianbao check inputs/2020.yaml\n  nianbao build inputs/2020.yaml            # writes output/2020.md and output/2020.pdf\n  nianbao build inputs/2020.yaml --format md\n  nianbao fonts                             # which font serves each role\n  nianbao build inputs/*.yaml -o out --templates my-templates\n\nExit codes: 0 success, 1 the input has errors, 2 usage or I/O failure."
)]
pub struct Cli {
    /// None: no arguments (a double-click): `serve` on the working folder.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate inputs and print diagnostics; writes nothing.
    #[command(
        after_help = "Exit codes: 0 no errors (warnings allowed), 1 errors in an input, 2 a file cannot be read.\n`nianbao check --help` lists every diagnostic code.",
        after_long_help = format!(
            "{}\nExit codes: 0 no errors (warnings allowed), 1 errors in an input, 2 a file cannot be read.",
            crate::codes::help_table()
        )
    )]
    Check(CheckArgs),
    /// Validate inputs and write the documents to the output folder.
    #[command(
        after_help = "Writes DIR/<input stem>.md and DIR/<input stem>.pdf for each input (DIR is `output`\nunless -o says). The PDF is typeset from that Markdown in the style of a 公文 (GB/T 9704).\nWarnings are printed and do not stop a build; errors do, and then nothing is written.\n\nExamples:\n  nianbao build inputs/2020.yaml\n  nianbao build inputs/2020.yaml -o out --format pdf --font-path ~/fonts"
    )]
    Build(BuildArgs),
    /// Archive final documents as PDF/A-2b in an OCFL storage root; `archive verify`, `list`, `migrate`.
    #[command(
        args_conflicts_with_subcommands = true,
        subcommand_negates_reqs = true,
        after_help = "DIR is an OCFL 1.1 storage root (https://ocfl.io): each document is an object at\nDIR/<year>/<organisation>-<kind>, whose version v1 holds the PDF/A-2b, its Markdown, a\ncopy of its input and nianbao.json (what the document is), each with its sha512 in the\nobject's inventory. Only final documents are archived: errors, placeholders such as\n（统计具体数字） and counts without values are refused. Nothing archived is changed;\n--replace adds a version (v2, v3…) and keeps the earlier ones. Writers take a lock, and a\nversion is committed by one rename: a crash leaves the last committed state.\n\nExamples:\n  nianbao archive inputs/2020.yaml\n  nianbao archive inputs/2020.yaml --replace\n  nianbao archive verify\n  nianbao archive list --dir output/archive\n  nianbao archive migrate --dir old-archive"
    )]
    Archive(ArchiveArgs),
    /// Read last year's document (plain text or Markdown) into a YAML input.
    #[command(
        after_help = "Reads UTF-8 or GB18030/GBK text, or Markdown (.md). Recognises the title, the opening,\nthe parts and headings (一、 （一） 1. 1、 （1）), 一是/二是 points, run-in headings, the\nproblems, the next period's plan, attachments, the signature and the date. Joins lines\nbroken by page breaks, drops the spaces PDF extraction puts around digits, and turns\nfigures with units (411人, 17项, 8.5万元) into named counts. What it cannot place is kept\nas a paragraph and reported.\n\nExample:\n  nianbao import 2020年工作总结.txt -o inputs/2020.yaml && nianbao check inputs/2020.yaml"
    )]
    Import(ImportArgs),
    /// Start a new document: its skeleton, with a section for each area of work.
    #[command(
        after_help = "Writes <title>.yaml (e.g. 某某学院工会2026年工作总结及2027年工作计划.yaml): meta, an opening,\na summary section and a plan item for each area of work, problems, each with a placeholder\nto replace. `nianbao check` accepts it and lists what is left. On a terminal, what is not\ngiven as an option is asked; in a script, --org and --year are required.\n\nExamples:\n  nianbao new\n  nianbao new --org 某某学院工会 --year 2026 --areas 思想引领、服务职工、自身建设\n  nianbao new --org \"Riverside Tenants' Club\" --year 2026 --lang en --kind summary"
    )]
    New(NewArgs),
    /// Start the next period's input from this one's plans.
    #[command(
        after_help = "Writes NEW.yaml: the period advanced, a summary section for each of this period's\nplans (its title and `fulfils: <plan id>`, points left to fill), the counts without\nvalues, no problems. `nianbao check NEW.yaml` accepts it and lists what is left.\n\nExample:\n  nianbao next inputs/2020.yaml -o inputs/2021.yaml"
    )]
    Next(NextArgs),
    /// Add up grassroots unions' inputs into a federation's input (or a CSV table).
    #[command(
        after_help = "Counts of the same name are added up (a name given different units or labels in two
inputs is an error naming both places); inputs that lack a count are listed. The YAML
written has the totals as counts (each with `from:` the unions it adds up), a part that
references every total, and an attachment with every union's figures and a total row;
it checks and builds like any input. --format csv writes the table alone.

Example:
  nianbao rollup unions/*.yaml --organisation 某某市总工会 -o federation-2021.yaml"
    )]
    Rollup(RollupArgs),
    /// Edit an input in a form in the browser, checked as you type, its pages beside it.
    #[command(
        after_help = "Serves a page on http://127.0.0.1:PORT/ (this computer only). The form holds the whole
input (a folder input: one file at a time, chosen above the form); the YAML tab shows
the file itself. Every change is checked as in `nianbao check`
(each diagnostic beside its field) and the pages are typeset again when typing stops.
Save writes the file in place: comments, blank lines and the order of keys are kept.
When the file is changed by another program, the page reloads it (or, with unsaved
edits, says so). Downloads: Markdown, PDF, DOCX of what the form holds.

Example:
  nianbao serve inputs/2020.yaml --open"
    )]
    Serve(ServeArgs),
    /// Build the inputs, then again whenever one changes (the same options as build).
    #[command(
        after_help = "Builds every input as `nianbao build` does, then watches them: when an input file\n(or a file of a folder input) changes, that input is checked and built again and its\ndiagnostics printed. An edit with errors writes nothing, so the last good output stays.\nCtrl-C stops.\n\nExample:\n  nianbao watch inputs/2020.yaml -o output"
    )]
    Watch(BuildArgs),
    /// List the font that serves each role (title, Song, FangSong, Hei, Kai, serif).
    #[command(
        after_help = "Installed fonts under the customary names (仿宋_GB2312, SimSun, SimHei, KaiTi,\n方正小标宋 …) are preferred; otherwise the free fonts nianbao carries serve."
    )]
    Fonts(FontArgs),
    /// Explain a diagnostic code: what it means, an input that shows it, how to fix it.
    #[command(
        after_help = "CODE is a code (E0608) or a rule name (invalid-figure); `nianbao check --help` lists them.\nWithout --lang the page is printed in Chinese, then in English.\n\nExamples:\n  nianbao explain E0608\n  nianbao explain placeholder --lang en"
    )]
    Explain(ExplainArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Examples:\n  nianbao completions bash > ~/.local/share/bash-completion/completions/nianbao\n  nianbao completions zsh > ~/.zfunc/_nianbao\n  nianbao completions fish > ~/.config/fish/completions/nianbao.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on standard output.
    #[command(
        after_help = "Example:\n  nianbao man > ~/.local/share/man/man1/nianbao.1 && man nianbao"
    )]
    Man,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code (E0608) or rule name (invalid-figure).
    pub code: String,
    /// The page's language (default: Chinese, then English).
    #[arg(long, value_enum)]
    pub lang: Option<crate::model::Lang>,
}

/// Where fonts come from.
#[derive(Clone, Debug, Args)]
pub struct FontArgs {
    /// Also use the fonts in this folder (repeatable); they come before installed ones.
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_paths: Vec<PathBuf>,
    /// Do not look for installed fonts; use only --font-path and the carried fonts.
    #[arg(long)]
    pub no_system_fonts: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Input YAML files.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// How to print diagnostics: human text on stderr, or one JSON document on stdout.
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagnosticFormat,
    #[command(flatten)]
    pub options: CheckOptions,
    /// The fonts a build would use, for E0401 (a character no font has).
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// How strict and in which language validation speaks.
#[derive(Clone, Debug, Default, Args)]
pub struct CheckOptions {
    /// The language of the messages (default: the document's, `meta.lang`).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// `--deny warnings` turns every warning into an error.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Vec<Deny>,
    /// Last period's input, to check that its plans are fulfilled (default:
    /// `<previous period>.yaml` beside the input, e.g. 2019.yaml, 2022-H1.yaml).
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The document: .txt (UTF-8 or GB18030/GBK), .md, .docx, .pdf, or with
    /// LibreOffice .doc, .wps, .odt, .rtf.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Where to write the YAML input.
    #[arg(
        short,
        long,
        value_name = "OUT.yaml",
        required_unless_present = "dry_run"
    )]
    pub output: Option<PathBuf>,
    /// Replace OUT.yaml if it exists.
    #[arg(long)]
    pub force: bool,
    /// Write nothing: print the structure found (parts with their roles and
    /// headings, what each holds, the counts) on standard output.
    #[arg(long)]
    pub dry_run: bool,
    /// The LibreOffice program (soffice) that converts .doc, .wps, .odt and
    /// .rtf (default: found on PATH or in the usual install folders).
    #[arg(long, value_name = "PATH")]
    pub soffice: Option<PathBuf>,
    /// The language of the messages (default: the document's; Chinese).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<crate::model::Lang>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The input to edit: a YAML file, or a folder input (each file edited and saved on its own);
    /// another folder, or none: the start page of that folder (none: this one, or 年报 in Documents).
    #[arg(value_name = "PATH")]
    pub input: Option<PathBuf>,
    /// The port on 127.0.0.1 (0: any free port).
    #[arg(long, value_name = "N", default_value_t = 8017)]
    pub port: u16,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Debug, Args)]
pub struct RollupArgs {
    /// The grassroots inputs (files or folders), all of one period.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Where to write the federation's input (or the CSV table).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// The federation's name, for its input's meta and signature.
    #[arg(long, value_name = "NAME", default_value = "总工会")]
    pub organisation: String,
    /// yaml: the federation's input; csv: the per-union table for a spreadsheet.
    #[arg(long, value_enum, default_value = "yaml")]
    pub format: RollupFormat,
    /// Replace OUT if it exists.
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
    /// The organisation (单位名称).
    #[arg(long, value_name = "NAME")]
    pub org: Option<String>,
    /// The year the document covers (a plan: the year planned).
    #[arg(long)]
    pub year: Option<i32>,
    /// A half-year document: 1 (上半年) or 2 (下半年).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub half: Option<u8>,
    /// Which document.
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// The main areas of work, separated by commas or 、 (the summary's sections and the plan's items).
    #[arg(long, value_name = "LIST")]
    pub areas: Option<String>,
    /// The name under the text (default: the organisation).
    #[arg(long, value_name = "NAME")]
    pub signature: Option<String>,
    /// The document date, YYYY-MM-DD (default: today, or the period's end).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The document's language: zh (default) or en.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// Where to write (default: <title>.yaml in the current folder).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct NextArgs {
    /// This period's input.
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// Where to write the next period's input.
    #[arg(short, long, value_name = "NEW.yaml")]
    pub output: PathBuf,
    /// Replace NEW.yaml if it exists.
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
    /// Input YAML files.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Where the documents go.
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,
    /// Which document: the summary with problems and plan (like the seed), the
    /// summary only, or the plan only.
    #[arg(long, value_enum, default_value = "combined")]
    pub kind: Kind,
    /// What to write, comma-separated: md, pdf, docx (md,pdf,docx for all).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "md,pdf")]
    pub format: Vec<Format>,
    /// The East-Asian font names the DOCX asks for: windows (仿宋, 黑体, 楷体,
    /// 宋体), gb2312 (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体) or free (the
    /// Fandol fonts nianbao carries).
    #[arg(long, value_enum, default_value = "windows", value_name = "FONTS")]
    pub docx_fonts: FontChoice,
    /// A folder of templates; a file named like a built-in one (report.md,
    /// part.md, block.md, closing.md, attachments.md, appendix.md, style.typ,
    /// style-en.typ) replaces it.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub options: CheckOptions,
    /// Print how long each stage took.
    #[arg(long)]
    pub timings: bool,
    /// Make the documents of the inputs without errors even when others have
    /// some, or cannot be read at all; the failed inputs are listed at the end
    /// (exit 1; 2 when one could not be read or written).
    #[arg(long)]
    pub keep_going: bool,
    /// How many documents to make at once (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ArchiveArgs {
    #[command(subcommand)]
    pub action: Option<ArchiveAction>,
    /// Input YAML files of final documents.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Keep a DOCX beside the PDF/A, in the same version.
    #[arg(long)]
    pub docx: bool,
    /// The DOCX's East-Asian font names: windows, gb2312 or free.
    #[arg(long, value_enum, default_value = "windows", value_name = "FONTS")]
    pub docx_fonts: FontChoice,
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_ARCHIVE)]
    pub dir: PathBuf,
    /// Archive again what is archived already, as its next version (the earlier ones are kept).
    #[arg(long)]
    pub replace: bool,
    /// Which document, as for `build`.
    #[arg(long, value_enum, default_value = "combined")]
    pub kind: Kind,
    /// A folder of templates, as for `build`.
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
    /// Validate the storage root (OCFL 1.1, every sha512) and check each record against its
    /// files: the PDF's title, author, date and PDF/A identification, the input read again
    /// (exit 1 on any problem).
    Verify {
        #[arg(long, value_name = "DIR", default_value = DEFAULT_ARCHIVE)]
        dir: PathBuf,
    },
    /// Print the archive as a table: year, organisation, kind, date, version, file.
    List {
        #[arg(long, value_name = "DIR", default_value = DEFAULT_ARCHIVE)]
        dir: PathBuf,
    },
    /// Turn an archive of nianbao's earlier format (manifest.json) into the OCFL storage root,
    /// after checking every file against the manifest; an interrupted migration goes on.
    Migrate {
        #[arg(long, value_name = "DIR", default_value = DEFAULT_ARCHIVE)]
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown: DIR/<stem>.md
    Md,
    /// PDF: DIR/<stem>.pdf
    Pdf,
    /// DOCX for WPS and Word: DIR/<stem>.docx
    Docx,
}
