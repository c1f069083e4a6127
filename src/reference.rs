//! The guide's reference pages (`docs/src/reference/`), made from the code so
//! that they cannot drift from it: every command and option from clap's
//! definition (`cli::command`, the help of `--help` in both languages), every
//! input field from the model's schema (`schema.rs`, with the words of
//! `locales/*/fields.ftl`), and every diagnostic code from the catalogue, each
//! as `nianbao explain` prints it. `nianbao reference --out docs/src/reference`
//! writes them; a test fails when a committed page is not what this makes.

use crate::codes::CATALOGUE;
use crate::locale::{tr, try_words};
use crate::model::Lang;
use crate::schema::Shape;

/// Every page: its path under `docs/src/reference/` and its text.
pub fn pages() -> Vec<(String, String)> {
    let mut pages = vec![
        ("cli.md".to_string(), cli_index()),
        ("input.md".to_string(), input(Lang::Zh)),
        ("input-en.md".to_string(), input(Lang::En)),
        ("codes.md".to_string(), codes(Lang::Zh)),
        ("codes-en.md".to_string(), codes(Lang::En)),
    ];
    for name in command_names() {
        pages.push((format!("cli/{name}.md"), command_page(&name)));
    }
    pages
}

/// The command line in `lang`, built (so that each command knows its
/// whole name, `nianbao check`).
fn built(lang: Lang) -> clap::Command {
    let mut command = crate::cli::command(lang);
    command.build();
    command
}

/// The commands a user sees (not this one, hidden).
fn command_names() -> Vec<String> {
    built(Lang::Zh)
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect()
}

fn head(lang: Lang, title: &str) -> String {
    format!("<!-- {} -->\n\n# {title}\n\n", tr!(lang, "ref-generated"))
}

/// A text for a Markdown table's cell: one line, no column break, and no
/// `<` read as HTML outside its code spans (`<title>.yaml`).
fn cell(text: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for c in text.chars() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '<' if !in_code => out.push_str("&lt;"),
            '|' => out.push_str("\\|"),
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn cli_index() -> String {
    let lang = Lang::Zh;
    let mut page = head(lang, &tr!(lang, "ref-cli-title"));
    page.push_str(&tr!(lang, "ref-cli-intro"));
    page.push_str("\n\n");
    page.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        tr!(lang, "ref-col-command"),
        tr!(lang, "ref-col-help"),
        tr!(Lang::En, "ref-col-help")
    ));
    let (zh, en) = (built(Lang::Zh), built(Lang::En));
    for name in command_names() {
        let about = |c: &clap::Command| {
            c.find_subcommand(&name)
                .and_then(|s| s.get_about())
                .map(|a| cell(&a.to_string()))
                .unwrap_or_default()
        };
        page.push_str(&format!(
            "| [`nianbao {name}`](cli/{name}.md) | {} | {} |\n",
            about(&zh),
            about(&en)
        ));
    }
    for lang in [Lang::Zh, Lang::En] {
        page.push_str(&format!(
            "\n## {}\n\n```text\n{}```\n",
            tr!(lang, "ref-cli-help", command = "nianbao"),
            built(lang).render_long_help()
        ));
    }
    page
}

fn command_page(name: &str) -> String {
    let mut page = head(Lang::Zh, &format!("nianbao {name}"));
    for lang in [Lang::Zh, Lang::En] {
        let root = built(lang);
        let command = root.find_subcommand(name).expect("a command");
        if lang == Lang::En {
            page.push_str(&format!("\n## {}\n\n", tr!(lang, "ref-cli-english")));
        }
        describe(&mut page, command, lang);
    }
    page
}

/// A command's about, its options as a table and its whole `--help`, then
/// its subcommands' (`archive verify`) the same way.
fn describe(page: &mut String, command: &clap::Command, lang: Lang) {
    let whole = command
        .get_bin_name()
        .unwrap_or(command.get_name())
        .to_string();
    if let Some(about) = command.get_about() {
        page.push_str(&format!("{}\n\n", cell(&about.to_string())));
    }
    page.push_str(&format!(
        "| {} | {} | {} | {} |\n|---|---|---|---|\n",
        tr!(lang, "ref-col-option"),
        tr!(lang, "ref-col-default"),
        tr!(lang, "ref-col-values"),
        tr!(lang, "ref-col-help")
    ));
    for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
        let values = || {
            arg.get_value_names()
                .map(|names| {
                    names
                        .iter()
                        .map(|n| format!("<{n}>"))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_else(|| format!("<{}>", arg.get_id().as_str().to_uppercase()))
        };
        let flag = matches!(
            arg.get_action(),
            clap::ArgAction::SetTrue | clap::ArgAction::Help | clap::ArgAction::Version
        );
        let takes_value = arg.get_num_args().is_none_or(|n| n.takes_values());
        let written = if arg.is_positional() {
            values()
        } else {
            let mut names = Vec::new();
            if let Some(short) = arg.get_short() {
                names.push(format!("-{short}"));
            }
            if let Some(long) = arg.get_long() {
                names.push(format!("--{long}"));
            }
            let names = names.join(", ");
            if takes_value && !flag {
                format!("{names} {}", values())
            } else {
                names
            }
        };
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .filter(|_| !flag)
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let possible: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| format!("`{}`", v.get_name()))
            .collect();
        let help = crate::cli::summary(arg);
        page.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(&format!("`{written}`")),
            cell(&defaults.join(",")),
            possible.join(" "),
            cell(&help)
        ));
    }
    page.push_str(&format!(
        "\n### {}\n\n```text\n{}```\n\n",
        tr!(lang, "ref-cli-help", command = whole.as_str()),
        command.clone().render_long_help()
    ));
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        page.push_str(&format!(
            "### {}\n\n",
            sub.get_bin_name().unwrap_or(sub.get_name())
        ));
        describe(page, sub, lang);
    }
}

/// A field's words at a shape: `field-SHAPE-NAME`, else `field-NAME`.
fn field_words(lang: Lang, shape: Shape, name: &str, attribute: &str) -> Option<String> {
    let at = |key: String| try_words(lang, &format!("{key}{attribute}"));
    at(format!("field-{}-{name}", shape.key())).or_else(|| at(format!("field-{name}")))
}

/// Every field without its words in `lang`, as `SHAPE.NAME` (none: the
/// input page is whole).
#[cfg(test)]
fn fields_without_words(lang: Lang) -> Vec<String> {
    let mut missing = Vec::new();
    for shape in Shape::ALL {
        for name in shape.names() {
            for attribute in ["", ".type", ".default", ".example"] {
                if field_words(lang, shape, &name, attribute).is_none() {
                    missing.push(format!("{}.{name}{attribute}", shape.key()));
                }
            }
        }
    }
    missing
}

fn input(lang: Lang) -> String {
    let mut page = head(lang, &tr!(lang, "ref-input-title"));
    page.push_str(&format!(
        "{}\n\n{}\n",
        tr!(lang, "ref-input-intro"),
        tr!(lang, "ref-input-other")
    ));
    for shape in Shape::ALL {
        let key = shape.key();
        page.push_str(&format!(
            "\n## {} {{#{key}}}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
            tr!(lang, &format!("shape-{key}")),
            tr!(lang, "ref-col-field"),
            tr!(lang, "ref-col-type"),
            tr!(lang, "ref-col-default"),
            tr!(lang, "ref-col-example"),
            tr!(lang, "ref-col-help"),
        ));
        for name in shape.names() {
            let words = |attribute: &str| {
                cell(&field_words(lang, shape, &name, attribute).unwrap_or_default())
            };
            let field = match shape.child(&name) {
                Some(child) => format!("[`{name}`](#{})", child.key()),
                None => format!("`{name}`"),
            };
            page.push_str(&format!(
                "| {field} {} | {} | {} | `{}` | {} |\n",
                cell(&try_words(lang, &format!("label-{name}")).unwrap_or_default()),
                words(".type"),
                words(".default"),
                words(".example"),
                words(""),
            ));
        }
    }
    page
}

fn codes(lang: Lang) -> String {
    let mut page = head(lang, &tr!(lang, "ref-codes-title"));
    page.push_str(&format!(
        "{}\n\n{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
        tr!(lang, "ref-codes-intro"),
        tr!(lang, "ref-codes-other"),
        tr!(lang, "ref-col-code"),
        tr!(lang, "ref-col-rule"),
        tr!(lang, "ref-col-level"),
        tr!(lang, "ref-col-what"),
    ));
    for e in &CATALOGUE {
        page.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} |\n",
            e.id,
            e.id.to_ascii_lowercase(),
            e.name,
            tr!(
                lang,
                match e.level {
                    crate::diag::Severity::Error => "explain-error",
                    crate::diag::Severity::Warning => "explain-warning",
                }
            ),
            cell(&e.what(lang))
        ));
    }
    for e in &CATALOGUE {
        page.push_str(&format!(
            "\n## {} {} {{#{}}}\n\n```text\n{}```\n",
            e.id,
            e.name,
            e.id.to_ascii_lowercase(),
            e.explain(lang)
        ));
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cell keeps code as written and shows the rest as text, on one line.
    #[test]
    fn a_cell_escapes_html_outside_code_only() {
        assert_eq!(
            cell("`--org <NAME>` <标题>.yaml | a\nb"),
            "`--org <NAME>` &lt;标题>.yaml \\| a b"
        );
    }

    #[test]
    fn every_field_has_its_words_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let missing = fields_without_words(lang);
            assert!(
                missing.is_empty(),
                "{lang:?}: no field-… words in locales/*/fields.ftl for {missing:?}"
            );
        }
    }

    /// Each code's section is the page `nianbao explain CODE --lang …` prints.
    #[test]
    fn each_codes_section_is_its_explain_page() {
        for lang in [Lang::Zh, Lang::En] {
            let page = codes(lang);
            for e in &CATALOGUE {
                let explained = crate::cmd::explain::explain_page(e.id, Some(lang)).unwrap();
                let section = format!(
                    "## {} {} {{#{}}}\n\n```text\n{explained}```\n",
                    e.id,
                    e.name,
                    e.id.to_ascii_lowercase()
                );
                assert!(page.contains(&section), "{lang:?} {}", e.id);
            }
        }
    }
}
