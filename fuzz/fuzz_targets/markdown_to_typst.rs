//! Any Markdown through the Typst writer: no panic, the markup it writes always
//! parses without a syntax error, and the only code in it is calls of the
//! functions the writer uses (escaping holds for every input).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::typeset::writer::markdown_to_typst;
use typst_syntax::{SyntaxKind, SyntaxNode};

const ALLOWED: [&str; 17] = [
    "nianbao-par",
    "nianbao-chart",
    "nianbao-attachment-label",
    "nianbao-table",
    "pagebreak",
    "nianbao-title",
    "nianbao-closing",
    "nianbao-item",
    "heading",
    "strong",
    "emph",
    "strike",
    "quote",
    "raw",
    "link",
    "line",
    "table",
];

/// Every embedded expression (`#…` in markup) is a call of an allowed function.
fn only_allowed_code(node: &SyntaxNode, markup: &str) {
    let children: Vec<&SyntaxNode> = node.children().collect();
    for (i, child) in children.iter().enumerate() {
        if child.kind() == SyntaxKind::Hash {
            let expr = children.get(i + 1).expect("an expression after #");
            assert_eq!(expr.kind(), SyntaxKind::FuncCall, "code that is not a call in {markup:?}");
            let callee = expr.children().next().unwrap();
            assert!(
                callee.kind() == SyntaxKind::Ident && ALLOWED.contains(&callee.leaf_text().as_str()),
                "a call of {:?} in {markup:?}",
                callee.leaf_text()
            );
        }
        only_allowed_code(child, markup);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else {
        return;
    };
    let typst = markdown_to_typst(markdown);
    let root = typst_syntax::parse(&typst);
    let (errors, _warnings) = root.errors_and_warnings();
    assert!(
        errors.is_empty(),
        "the writer made invalid Typst markup: {errors:?}\nfrom {markdown:?}\nmarkup {typst:?}"
    );
    only_allowed_code(&root, &typst);
});
