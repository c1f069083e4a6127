//! Any bytes as an input file: loading, validation and the Markdown must never
//! panic or hang, whatever the YAML.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::diag::SourceFile;
use nianbao::load::{self, Outcome};
use nianbao::render::Templates;
use nianbao::view::{Kind, View};
use nianbao::validate;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::new("fuzz.yaml".into(), text.to_string());
    if let Outcome::Loaded(loaded) = load::parse(source, None) {
        let facts = nianbao::facts::Facts::derive(&loaded.report, None);
        let diagnostics = validate::validate(&loaded, &facts, None, validate::Options::default());
        for d in &diagnostics {
            let _ = nianbao::diag::render(d, &loaded.sources());
        }
        if !diagnostics.iter().any(|d| d.is_error()) {
            let templates = Templates::load(None).expect("built-in templates load");
            for kind in [Kind::Combined, Kind::Summary, Kind::Plan] {
                let _ = templates.render(&View::new(&loaded.report, &facts, kind));
            }
        }
    }
});
