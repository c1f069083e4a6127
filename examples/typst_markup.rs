//! Prints the Typst markup nianbao writes for a Markdown file, to see what the
//! PDF stage receives: `cargo run --example typst_markup -- out/2020.md`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: typst_markup FILE.md");
        std::process::exit(2);
    };
    match std::fs::read_to_string(&path) {
        Ok(markdown) => print!("{}", nianbao::typeset::writer::markdown_to_typst(&markdown)),
        Err(e) => {
            eprintln!("typst_markup: {path}: {e}");
            std::process::exit(1);
        }
    }
}
