//! `nianbao explain CODE`: a diagnostic code's page from the catalogue.

use crate::cli::ExplainArgs;
use crate::codes::{CATALOGUE, Code, lookup};
use crate::error::Error;
use crate::locale::tr;
use crate::model::Lang;

pub fn run(args: &ExplainArgs) -> Result<(), Error> {
    print!("{}", explain_page(&args.code, args.lang)?);
    Ok(())
}

/// What `nianbao explain CODE` prints: the page in `lang`, or without one in
/// the user's language (a Chinese user reads no English page after the
/// Chinese). An unknown code is a usage error, with the closest code or rule
/// name.
pub fn explain_page(code: &str, lang: Option<Lang>) -> Result<String, Error> {
    let lang = lang.unwrap_or_else(crate::locale::user_lang);
    let Some(entry) = lookup(code.trim()) else {
        let best =
            crate::messages::suggest(&code.to_ascii_uppercase(), CATALOGUE.iter().map(|e| e.id))
                .or_else(|| crate::messages::suggest(code, Code::names()));
        let hint = match best {
            Some(best) => crate::messages::did_you_mean(lang, best, crate::messages::Quote::Code),
            None => tr!(lang, "explain-unknown.hint"),
        };
        return Err(Error::Usage(format!(
            "{}\n  = help: {hint}",
            tr!(lang, "explain-unknown", code = code)
        )));
    };
    Ok(entry.explain(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_code_suggests_the_closest() {
        let Err(Error::Usage(said)) = explain_page("E068", Some(Lang::En)) else {
            panic!("E068 is no code");
        };
        assert_eq!(
            said,
            "no diagnostic code or rule name `E068`\n  = help: did you mean `E0608`?"
        );
    }
}
