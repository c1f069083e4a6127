//! Writes the document of an input as a folder that typst-cli compiles, to
//! compare nianbao with typst-cli on the same document (benches/batch.py):
//!
//!     cargo run --release --example typst_project -- inputs/2020.yaml /tmp/project
//!     typst compile /tmp/project/main.typ --font-path fonts --ignore-system-fonts

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out] = args.as_slice() else {
        eprintln!("usage: typst_project INPUT.yaml OUTPUT-FOLDER");
        std::process::exit(2);
    };
    if let Err(e) = nianbao::write_typst_project(input.as_ref(), out.as_ref()) {
        eprintln!("typst_project: {e}");
        std::process::exit(e.exit_code());
    }
}
