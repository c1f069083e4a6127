//! `nianbao fonts`: which font serves each role.

use crate::cli::{CheckOptions, FontArgs};
use crate::cmd::{engine, fonts_of};
use crate::error::Error;
use crate::typeset::Role;
use crate::typeset::fonts::FALLBACK_FAMILY;

pub fn run(args: &FontArgs) -> Result<(), Error> {
    let engine = engine(None, args, &CheckOptions::default())?;
    let fonts = fonts_of(&engine)?;
    for role in Role::ALL {
        match fonts.serving(role) {
            Some((font, origin)) => {
                let info = font.info();
                println!(
                    "{:<40} {} ({:?}, weight {})\n{:<40}   from {origin}",
                    role.describe(),
                    info.family,
                    info.variant.style,
                    info.variant.weight.to_number(),
                    ""
                );
            }
            None => println!("{:<40} none", role.describe()),
        }
    }
    println!(
        "{:<40} {FALLBACK_FAMILY} (carried; loaded only for ideographs the role fonts lack)",
        "fallback"
    );
    let files = fonts.all().count();
    println!("\n{files} font faces loaded; chains, first installed name wins:");
    for role in Role::ALL {
        println!("  {}: {}", role.key(), fonts.chain(role).join(", "));
    }
    Ok(())
}
