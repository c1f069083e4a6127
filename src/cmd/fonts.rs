//! `nianbao fonts`: which font serves each role.

use crate::cli::{CheckOptions, FontArgs};
use crate::cmd::{engine, fonts_of};
use crate::error::Error;
use crate::locale::{tr, user_lang};
use crate::typeset::Role;
use crate::typeset::fonts::FALLBACK_FAMILY;

pub fn run(args: &FontArgs) -> Result<(), Error> {
    let engine = engine(None, args, &CheckOptions::default())?;
    let fonts = fonts_of(&engine)?;
    let lang = user_lang();
    for role in Role::ALL {
        match fonts.serving(role) {
            Some((font, origin)) => {
                let info = font.info();
                let face = tr!(
                    lang,
                    "fonts-face",
                    family = info.family,
                    style = format!("{:?}", info.variant.style),
                    weight = info.variant.weight.to_number()
                );
                println!("{} {face}", padded(role.describe()));
                println!(
                    "{}   {}",
                    padded(""),
                    tr!(lang, "fonts-from", origin = origin)
                );
            }
            None => println!("{} {}", padded(role.describe()), tr!(lang, "fonts-none")),
        }
    }
    println!(
        "{} {FALLBACK_FAMILY} {}",
        padded(&tr!(lang, "fonts-fallback-role")),
        tr!(lang, "fonts-fallback")
    );
    let files = fonts.all().count();
    println!("\n{}", tr!(lang, "fonts-loaded", count = files));
    for role in Role::ALL {
        println!("  {}: {}", role.key(), fonts.chain(role).join(", "));
    }
    Ok(())
}

/// `text` and spaces to 40 columns as a terminal shows them (a Chinese
/// character takes two).
fn padded(text: &str) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(40usize.saturating_sub(width)))
}
