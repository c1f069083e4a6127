//! Import last year's document: plain text (UTF-8 or GB18030/GBK) or Markdown in,
//! a YAML input out that rebuilds the same text. `lines` cleans and joins the
//! lines, `structure` reads the parts and sections, `figures` turns figures
//! into counts, `write` makes the input; whatever cannot be placed is kept as
//! a paragraph and reported.

mod figures;
mod lines;
mod structure;
mod write;

pub use lines::decode;

/// What importing produced: the YAML, and warnings with the source line.
pub struct Imported {
    pub yaml: String,
    pub warnings: Vec<(usize, String)>,
}

/// Imports a document's text as a YAML input.
pub fn import(text: &str, markdown: bool) -> Imported {
    let mut warnings = Vec::new();
    let Some(document) = structure::read(text, markdown, &mut warnings) else {
        return Imported {
            yaml: String::new(),
            warnings: vec![(1, "the file holds no text".into())],
        };
    };
    let yaml = write::write(document, &mut warnings);
    Imported { yaml, warnings }
}
