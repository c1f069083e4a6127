//! `nianbao check`: validate only, and find the characters no font has (E0401)
//! as a build would.

use crate::cli::{CheckArgs, DiagnosticFormat, FontArgs};
use crate::cmd::{Checked, Reporter, load_checked, load_fonts, load_templates};
use crate::diag::Diagnostic;
use crate::error::Error;
use crate::pipeline;
use crate::render::Templates;
use crate::typeset::{self, FontOptions, FontSet, TypesetError};
use crate::view::Kind;

pub fn run(args: &CheckArgs) -> Result<(), Error> {
    let mut reporter = match args.format {
        DiagnosticFormat::Human => Reporter::default(),
        DiagnosticFormat::Json => Reporter::json(),
    };
    let mut glyphs = Glyphs::new(&args.fonts);
    for input in &args.inputs {
        if let Some(checked) = load_checked(input, &mut reporter, &args.options, false)? {
            let missing = glyphs.missing(&checked)?;
            reporter.report_all(&missing, &checked.loaded.sources());
        }
    }
    reporter.finish(args.inputs.len())
}

/// What finding missing glyphs needs, each made when first needed: the
/// built-in templates, the carried fonts (about 1.5 ms), and only when the
/// document has a character they lack, the fonts of the run (installed ones
/// included, which takes longer to look for).
struct Glyphs<'a> {
    args: &'a FontArgs,
    templates: Option<Templates>,
    carried: Option<FontSet>,
    run: Option<FontSet>,
}

impl<'a> Glyphs<'a> {
    fn new(args: &'a FontArgs) -> Self {
        Glyphs {
            args,
            templates: None,
            carried: None,
            run: None,
        }
    }

    /// E0401 for each character of the document (as `build` renders it) that
    /// no font has, at its first place in the input.
    fn missing(&mut self, checked: &Checked) -> Result<Vec<Diagnostic>, Error> {
        // The templates' own text is covered; a document made of such input
        // text is too.
        let plain = checked
            .loaded
            .files
            .iter()
            .all(|f| f.text.chars().all(typeset::surely_covered));
        if plain {
            return Ok(Vec::new());
        }
        let templates = match &mut self.templates {
            Some(templates) => templates,
            slot => slot.insert(load_templates(None, &mut Reporter::silent())?),
        };
        // A document the built-in templates cannot render is reported by `build`.
        let Ok((markdown, _)) =
            pipeline::rendered(&checked.loaded, &checked.facts, templates, Kind::Combined)
        else {
            return Ok(Vec::new());
        };
        let carried = match &mut self.carried {
            Some(fonts) => fonts,
            slot => slot.insert(
                FontSet::load(&FontOptions {
                    font_paths: Vec::new(),
                    system_fonts: false,
                })
                .map_err(|d| Error::Usage(d.message.clone()))?,
            ),
        };
        if typeset::check_coverage(&markdown, carried).is_ok() {
            return Ok(Vec::new());
        }
        let run = match &mut self.run {
            Some(fonts) => fonts,
            slot => slot.insert(load_fonts(self.args)?),
        };
        Ok(match typeset::check_coverage(&markdown, run) {
            Err(TypesetError::MissingGlyphs(chars)) => chars
                .into_iter()
                .map(|c| pipeline::missing_glyph(&checked.loaded, c))
                .collect(),
            _ => Vec::new(),
        })
    }
}
