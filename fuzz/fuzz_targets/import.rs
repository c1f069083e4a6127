//! Any bytes as a document to import: decoding and import never panic or hang,
//! and every input that import writes loads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::diag::SourceFile;
use nianbao::load::{self, Outcome};

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = nianbao::import::decode(data) else {
        return;
    };
    for markdown in [false, true] {
        let imported = nianbao::import::import(&text, markdown);
        if imported.yaml.is_empty() {
            continue;
        }
        let source = SourceFile::new("imported.yaml".into(), imported.yaml.clone());
        if let Outcome::Invalid(_, diagnostics) = load::parse(source, None) {
            panic!(
                "import wrote an input that does not load: {:?}\n{}",
                diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>(),
                imported.yaml
            );
        }
    }
});
