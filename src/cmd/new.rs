//! `nianbao new`: a new document's skeleton, from options or, on a terminal,
//! from answers to questions.

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;
use dialoguer::{Input, Select};

use crate::cli::NewArgs;
use crate::cmd::refuse_existing;
use crate::error::Error;
use crate::load::{Outcome, parse};
use crate::locale::{tr, user_lang};
use crate::model::Lang;
use crate::output::write_atomic;
use crate::skeleton::{NewDocument, file_name};
use crate::source::SourceFile;
use crate::view::{Kind, title};

pub fn run(args: &NewArgs) -> Result<(), Error> {
    let lang = args.lang.unwrap_or_else(user_lang);
    let today = chrono::Local::now().date_naive();
    let asking = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let asked = if asking {
        ask(args, lang)?
    } else {
        from_options(args, lang)?
    };
    let yaml = asked.yaml(today);
    // The file is named after the document's title, as it will print.
    let source = SourceFile::new("new.yaml".into(), yaml.clone());
    let Outcome::Loaded(loaded) = parse(source, None) else {
        unreachable!("a skeleton loads (skeleton tests)");
    };
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(file_name(&title(&loaded.report, asked.kind))));
    refuse_existing(&output, args.force, lang)?;
    write_atomic(&output, yaml.as_bytes())?;
    eprintln!("{}", tr!(lang, "new-wrote", path = output.display()));
    eprintln!("{}", tr!(lang, "new-next", path = output.display()));
    Ok(())
}

/// The areas of work as written on one line: separated by 、，, ; or ；.
fn areas(list: &str) -> Vec<String> {
    list.split(['、', '，', ',', '；', ';', '\n'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect()
}

fn date(text: &str, lang: Lang) -> Result<NaiveDate, Error> {
    crate::period::parse_date(text.trim())
        .ok_or_else(|| Error::Usage(tr!(lang, "new-bad-date", date = text)))
}

fn year(year: i32, lang: Lang) -> Result<i32, Error> {
    if (1900..=2100).contains(&year) {
        Ok(year)
    } else {
        Err(Error::Usage(tr!(lang, "new-bad-year", year = year)))
    }
}

/// Without a terminal: what the options say; the organisation and the year
/// are required.
fn from_options(args: &NewArgs, lang: Lang) -> Result<NewDocument, Error> {
    let (Some(organisation), Some(y)) = (&args.org, args.year) else {
        let mut what = Vec::new();
        let mut flags = Vec::new();
        if args.org.is_none() {
            what.push(tr!(lang, "new-ask-organisation"));
            flags.push("--org".to_string());
        }
        if args.year.is_none() {
            what.push(tr!(lang, "new-ask-year"));
            flags.push("--year".to_string());
        }
        return Err(Error::Usage(tr!(
            lang,
            "new-missing",
            what = crate::cmd::list(lang, &what),
            flags = crate::cmd::list(lang, &flags)
        )));
    };
    Ok(NewDocument {
        organisation: organisation.clone(),
        year: year(y, lang)?,
        half: args.half,
        kind: args.kind.unwrap_or_default(),
        lang,
        areas: args.areas.as_deref().map(areas).unwrap_or_default(),
        signature: args.signature.clone(),
        date: args.date.as_deref().map(|d| date(d, lang)).transpose()?,
    })
}

/// A year as a person types it: 2026, ２０２６ or 二〇二六; else why not, in
/// `lang`.
fn typed_year(text: &str, lang: Lang) -> Result<i32, String> {
    let digits: String = text
        .trim()
        .trim_end_matches('年')
        .chars()
        .map(|c| {
            crate::numerals::digit(c)
                .and_then(|d| char::from_digit(d, 10))
                .unwrap_or(c)
        })
        .collect();
    let y: i32 = digits
        .parse()
        .map_err(|_| tr!(lang, "new-year-not-a-number", year = text.trim()))?;
    year(y, lang).map_err(|e| e.to_string())
}

/// On a terminal: each answer not given as an option is asked.
fn ask(args: &NewArgs, lang: Lang) -> Result<NewDocument, Error> {
    let failed = |e: dialoguer::Error| Error::Usage(e.to_string());
    let organisation = match &args.org {
        Some(org) => org.clone(),
        None => Input::<String>::with_theme(&Asking(lang))
            .with_prompt(tr!(lang, "new-ask-organisation"))
            // An empty answer is told why it is asked again.
            .allow_empty(true)
            .validate_with(|s: &String| {
                if s.trim().is_empty() {
                    Err(tr!(lang, "serve-new-no-organisation"))
                } else {
                    Ok(())
                }
            })
            .interact_text()
            .map_err(failed)?,
    };
    let this_year = chrono::Datelike::year(&chrono::Local::now().date_naive());
    let y = match args.year {
        Some(y) => y,
        None => {
            let answer = Input::<String>::with_theme(&Asking(lang))
                .with_prompt(tr!(lang, "new-ask-year"))
                .default(this_year.to_string())
                .validate_with(|y: &String| typed_year(y, lang).map(|_| ()))
                .interact_text()
                .map_err(failed)?;
            typed_year(&answer, lang).map_err(Error::Usage)?
        }
    };
    let half = match (args.half, args.year) {
        (Some(half), _) => Some(half),
        // Given a year as an option, the whole year is meant.
        (None, Some(_)) => None,
        (None, None) => {
            let choice = Select::with_theme(&Asking(lang))
                .with_prompt(tr!(lang, "new-ask-period"))
                .items([
                    tr!(lang, "new-period-year"),
                    tr!(lang, "new-period-first-half"),
                    tr!(lang, "new-period-second-half"),
                ])
                .default(0)
                .interact()
                .map_err(failed)?;
            [None, Some(1), Some(2)][choice]
        }
    };
    let (kind, half) = match args.kind {
        Some(kind) => (kind, half),
        None => {
            // The combined document named for its period; over a whole
            // year, 半年总结和下半年计划 offered too.
            let (combined, summary) = match half {
                None => ("new-kind-combined", "new-kind-summary"),
                Some(1) => (
                    "new-kind-combined-first-half",
                    "new-kind-summary-first-half",
                ),
                Some(_) => (
                    "new-kind-combined-second-half",
                    "new-kind-summary-second-half",
                ),
            };
            let mut items = vec![
                tr!(lang, combined),
                tr!(lang, summary),
                tr!(lang, "new-kind-plan"),
            ];
            if half.is_none() {
                items.push(tr!(lang, "new-kind-half"));
            }
            let choice = Select::with_theme(&Asking(lang))
                .with_prompt(tr!(lang, "new-ask-kind"))
                .items(&items)
                .default(0)
                .interact()
                .map_err(failed)?;
            match choice {
                0 => (Kind::Combined, half),
                1 => (Kind::Summary, half),
                2 => (Kind::Plan, half),
                _ => (Kind::Combined, Some(1)),
            }
        }
    };
    let listed = match &args.areas {
        Some(list) => list.clone(),
        None => Input::<String>::with_theme(&Asking(lang))
            .with_prompt(tr!(lang, "new-ask-areas"))
            .allow_empty(true)
            .interact_text()
            .map_err(failed)?,
    };
    let signature = match &args.signature {
        Some(signature) => signature.clone(),
        None => Input::<String>::with_theme(&Asking(lang))
            .with_prompt(tr!(lang, "new-ask-signature"))
            .default(organisation.clone())
            .interact_text()
            .map_err(failed)?,
    };
    let mut asked = NewDocument {
        organisation,
        year: y,
        half,
        kind,
        lang,
        areas: areas(&listed),
        signature: Some(signature),
        date: args.date.as_deref().map(|d| date(d, lang)).transpose()?,
    };
    if asked.date.is_none() {
        let proposed = asked.date(chrono::Local::now().date_naive());
        let answer = Input::<String>::with_theme(&Asking(lang))
            .with_prompt(tr!(lang, "new-ask-date"))
            .default(proposed.to_string())
            .validate_with(|d: &String| date(d, lang).map(|_| ()).map_err(|e| e.to_string()))
            .interact_text()
            .map_err(failed)?;
        asked.date = Some(date(&answer, lang)?);
    }
    Ok(asked)
}

/// The questions of `nianbao new` in the user's language: dialoguer's own
/// punctuation (an ASCII colon, "error: ") replaced by the locale's.
struct Asking(Lang);

impl dialoguer::theme::Theme for Asking {
    fn format_prompt(&self, f: &mut dyn std::fmt::Write, prompt: &str) -> std::fmt::Result {
        f.write_str(&tr!(self.0, "new-prompt", prompt = prompt))
    }

    fn format_select_prompt(&self, f: &mut dyn std::fmt::Write, prompt: &str) -> std::fmt::Result {
        f.write_str(&tr!(self.0, "new-prompt-choose", prompt = prompt))
    }

    fn format_error(&self, f: &mut dyn std::fmt::Write, err: &str) -> std::fmt::Result {
        write!(f, "{}{err}", tr!(self.0, "error-prefix"))
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> std::fmt::Result {
        let line = match default {
            Some(default) => tr!(
                self.0,
                "new-prompt-default",
                prompt = prompt,
                default = default
            ),
            None => tr!(self.0, "new-prompt", prompt = prompt),
        };
        f.write_str(&line)
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> std::fmt::Result {
        write!(f, "{}{sel}", tr!(self.0, "new-prompt", prompt = prompt))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;

    /// A year typed in digits, full-width digits or Chinese numerals; other
    /// text told why, in the user's language.
    #[test]
    fn a_year_is_read_as_people_type_it() {
        for typed in ["2026", " 2026 ", "２０２６", "二〇二六", "二〇二六年"] {
            assert_eq!(super::typed_year(typed, Lang::Zh), Ok(2026), "{typed}");
        }
        assert_eq!(
            super::typed_year("明年", Lang::Zh),
            Err("年份 `明年` 要写成数字，如 2026".to_string())
        );
        assert_eq!(
            super::typed_year("1800", Lang::En),
            Err("the year `1800` is not within 1900–2100".to_string())
        );
    }

    #[test]
    fn areas_are_split_as_people_list_them() {
        assert_eq!(
            super::areas("思想引领、服务职工，自身建设; 财务 ;"),
            ["思想引领", "服务职工", "自身建设", "财务"]
        );
    }
}
