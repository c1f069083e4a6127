//! The command line in the user's language: clap's own words — the headings,
//! the usage line, "[default: …]", "Possible values:", its error messages —
//! are replaced by the words of `locales/*/help.ftl`, so that a Chinese user
//! reads no English in `--help` or in a mistake's report.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::locale::{self, tr};
use crate::model::Lang;

/// `command` with its words in `lang`; `path` names its keys (`help`,
/// `help-build`, `help-archive-verify`).
pub fn localize(command: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let bin = command.get_name().to_string();
    localize_in(command, path, &bin, lang)
}

/// `localize` of a command called as `bin` (`nianbao archive verify`).
fn localize_in(command: clap::Command, path: &str, bin: &str, lang: Lang) -> clap::Command {
    let words = |key: &str| locale::try_words(lang, key);
    let mut command = command
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(words("help-flag-help").unwrap_or_default()),
        );
    if path == "help" {
        command = command.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(words("help-flag-version").unwrap_or_default()),
        );
    }
    if let Some(about) = words(path) {
        command = command.about(about);
    }
    if let Some(long) = words(&format!("{path}.long")) {
        command = command.long_about(long);
    }
    if let Some(after) = words(&format!("{path}.after")) {
        command = command.after_help(after);
    }
    if path == "help-check" {
        command = command.after_long_help(format!(
            "{}\n{}",
            crate::codes::help_table(lang),
            words("help-check.exit").unwrap_or_default()
        ));
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = words(&format!("{path}--{id}"))
            .or_else(|| words(&format!("help-arg-{id}")))
            .or_else(|| words(&format!("help-flag-{id}")));
        command = command.mut_arg(&id, |arg| argument(arg, help, lang));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let inner = format!("{path}-{name}");
        let called = format!("{bin} {name}");
        command = command.mut_subcommand(&name, |c| localize_in(c, &inner, &called, lang));
    }
    let usage = usage(&command, bin, lang);
    let template = template(&command, lang);
    command.override_usage(usage).help_template(template)
}

/// An option or argument with its help, its value's name, the values it
/// takes and its default, all in `lang` (clap's own "[default: …]" and
/// "Possible values:" hidden).
fn argument(arg: clap::Arg, help: Option<String>, lang: Lang) -> clap::Arg {
    let takes_values = arg.get_action().takes_values();
    let id = arg.get_id().as_str().replace('_', "-");
    // clap names a value after its option (`--year` → YEAR) when it is
    // given no name.
    let given: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(|n| n.to_string()).collect(),
        None if takes_values => vec![arg.get_id().as_str().to_uppercase()],
        None => Vec::new(),
    };
    let names: Vec<String> = given
        .iter()
        .map(|name| {
            let key = format!("help-value-name-{}", name.replace('.', "-"));
            locale::try_words(lang, &key).unwrap_or_else(|| name.clone())
        })
        .collect();
    let values: Vec<clap::builder::PossibleValue> =
        if takes_values && !arg.is_hide_possible_values_set() {
            arg.get_possible_values()
                .into_iter()
                .filter(|v| !v.is_hide_set())
                .collect()
        } else {
            Vec::new()
        };
    let defaults: Vec<String> = if takes_values && !arg.is_hide_default_value_set() {
        arg.get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect()
    } else {
        Vec::new()
    };
    let list = tr!(lang, "help-list-separator");
    let help = help.unwrap_or_default();
    let mut short = help.clone();
    let mut long = help.clone();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        let _ = write!(
            short,
            " {}",
            tr!(lang, "help-possible", values = names.join(&list))
        );
        if values.iter().any(|v| v.get_help().is_some()) {
            let _ = write!(long, "\n\n{}", tr!(lang, "help-possible-heading"));
            let items: Vec<String> = names
                .iter()
                .map(|name| tr!(lang, "help-possible-item", value = name))
                .collect();
            let width = items.iter().map(|i| i.chars().count()).max().unwrap_or(0);
            for (item, value) in items.iter().zip(&values) {
                let _ = write!(long, "\n- {item:width$}");
                // In `lang`, whatever language the value was made in.
                let key = format!("help-value-{id}-{}", value.get_name());
                let help = locale::try_words(lang, &key)
                    .or_else(|| value.get_help().map(|h| h.to_string()));
                if let Some(help) = help {
                    let _ = write!(long, " {help}");
                }
            }
        } else {
            let _ = write!(
                long,
                "\n\n{}",
                tr!(lang, "help-possible", values = names.join(&list))
            );
        }
    }
    if !defaults.is_empty() {
        let default = tr!(lang, "help-default", value = defaults.join(","));
        let _ = write!(short, " {default}");
        let _ = write!(long, "\n\n{default}");
    }
    let mut arg = arg.help(short).long_help(long);
    if takes_values {
        arg = arg.hide_possible_values(true).hide_default_value(true);
    }
    if !names.is_empty() {
        arg = arg.value_names(names);
    }
    arg
}

/// What an option or argument of a [`localize`]d command does, without the
/// values it takes or its default: the first paragraph of its long help.
pub fn summary(arg: &clap::Arg) -> String {
    let long = arg
        .get_long_help()
        .or_else(|| arg.get_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    long.split("\n\n").next().unwrap_or_default().to_string()
}

/// The usage line, as clap would write it but with the words in `lang`:
/// `nianbao build [选项] <输入>...`.
fn usage(command: &clap::Command, bin: &str, lang: Lang) -> String {
    let mut line = bin.to_string();
    let options = command
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set());
    if options {
        let _ = write!(line, " {}", tr!(lang, "help-usage-options"));
    }
    for arg in command.get_positionals().filter(|a| !a.is_hide_set()) {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map(|n| n.to_string())
            .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        let dots = if many { "..." } else { "" };
        if arg.is_required_set() {
            let _ = write!(line, " <{name}>{dots}");
        } else {
            let _ = write!(line, " [{name}]{dots}");
        }
    }
    if command.has_subcommands() {
        let name = tr!(lang, "help-usage-command");
        if command.is_subcommand_required_set() {
            let _ = write!(line, " <{name}>");
        } else {
            let _ = write!(line, " [{name}]");
        }
    }
    line
}

/// The help's layout, with headings in `lang` (clap writes its own headings
/// with an ASCII colon, and "Usage:").
fn template(command: &clap::Command, lang: Lang) -> String {
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}",
        tr!(lang, "help-heading-usage")
    );
    if command.get_subcommands().any(|c| !c.is_hide_set()) {
        let _ = write!(
            template,
            "\n\n{}\n{{subcommands}}",
            tr!(lang, "help-heading-commands")
        );
    }
    if command.get_positionals().any(|a| !a.is_hide_set()) {
        let _ = write!(
            template,
            "\n\n{}\n{{positionals}}",
            tr!(lang, "help-heading-arguments")
        );
    }
    let _ = write!(
        template,
        "\n\n{}\n{{options}}{{after-help}}",
        tr!(lang, "help-heading-options")
    );
    template
}

/// Ends the program on `error`: help and version as clap prints them (they
/// are already in `lang`), a mistake told in `lang` on standard error.
pub fn exit(error: &clap::Error, command: &clap::Command, called: &str, lang: Lang) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
        _ => match message(error, command, called, lang) {
            Some(text) => {
                eprint!("{text}");
                std::process::exit(error.exit_code());
            }
            None => error.exit(),
        },
    }
}

/// A mistake on the command line, told in `lang`: what is wrong, a
/// suggestion when clap has one, the usage line and where the help is.
/// `called`: the command it was made in (`nianbao build`). None: a kind of
/// error this does not know (clap's own words are kept).
pub fn message(
    error: &clap::Error,
    command: &clap::Command,
    called: &str,
    lang: Lang,
) -> Option<String> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let list = |kind| match error.get(kind) {
        Some(ContextValue::Strings(v)) => Some(v.clone()),
        Some(ContextValue::String(s)) => Some(vec![s.clone()]),
        _ => None,
    };
    let separator = tr!(lang, "help-list-separator");
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut out = String::new();
    let headline = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => tr!(lang, "cli-error-no-value", arg = arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            tr!(lang, "cli-error-bad-value", arg = arg, value = value)
        }
        ErrorKind::UnknownArgument => tr!(lang, "cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!(
            lang,
            "cli-error-unknown-command",
            command = text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::NoEquals => tr!(lang, "cli-error-no-equals", arg = arg),
        ErrorKind::TooManyValues => tr!(lang, "cli-error-too-many", arg = arg, value = value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            tr!(lang, "cli-error-number-of-values", arg = arg)
        }
        ErrorKind::ArgumentConflict => {
            let prior = list(ContextKind::PriorArg).unwrap_or_default();
            if prior.first() == Some(&arg) {
                tr!(lang, "cli-error-repeated", arg = arg)
            } else {
                tr!(
                    lang,
                    "cli-error-conflict",
                    arg = arg,
                    other = prior.join(&separator)
                )
            }
        }
        ErrorKind::MissingRequiredArgument => tr!(
            lang,
            "cli-error-missing",
            args = list(ContextKind::InvalidArg)
                .unwrap_or_default()
                .join(&separator)
        ),
        ErrorKind::MissingSubcommand => tr!(
            lang,
            "cli-error-missing-command",
            command = text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidUtf8 => tr!(lang, "cli-error-not-utf8"),
        _ => return None,
    };
    let _ = write!(out, "{}{headline}", tr!(lang, "cli-error"));
    if let Some(values) = list(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        let _ = write!(
            out,
            "\n  {}",
            tr!(lang, "help-possible", values = values.join(&separator))
        );
    } else if error.kind() == ErrorKind::ValueValidation {
        // What the option takes, in the user's words (clap's reason, such
        // as "3 is not in 1..=2", is English).
        if let Some(help) = help_of(command, called, &arg, lang) {
            let _ = write!(out, "\n  {help}");
        }
    }
    for (kind, key) in [
        (
            ContextKind::SuggestedSubcommand,
            "cli-error-did-you-mean-command",
        ),
        (ContextKind::SuggestedArg, "cli-error-did-you-mean-argument"),
        (ContextKind::SuggestedValue, "cli-error-did-you-mean-value"),
    ] {
        if let Some(names) = list(kind) {
            let _ = write!(
                out,
                "\n\n  {}",
                tr!(lang, key, names = names.join(&separator))
            );
        }
    }
    if error.kind() == ErrorKind::UnknownArgument
        && arg.starts_with('-')
        && error.get(ContextKind::Suggested).is_some()
    {
        let _ = write!(out, "\n\n  {}", tr!(lang, "cli-error-dash-dash", arg = arg));
    }
    let usage = text(ContextKind::Usage).map(|u| {
        // clap's "Usage: " before the line this module made.
        match u.split_once(": ") {
            Some((_, line)) => line.to_string(),
            None => u,
        }
    });
    if let Some(usage) = &usage {
        let _ = write!(out, "\n\n{}{usage}", tr!(lang, "help-heading-usage"));
    }
    let _ = writeln!(out, "\n\n{}", tr!(lang, "cli-error-more", command = called));
    Some(out)
}

/// The command `args` call (`nianbao archive verify`): the program's name
/// and each subcommand named, in order, up to the first that is not one.
pub fn called(command: &clap::Command, args: &[std::ffi::OsString]) -> String {
    let mut called = command.get_name().to_string();
    let mut current = command;
    for arg in args.iter().skip(1) {
        let Some(sub) = arg.to_str().and_then(|a| current.find_subcommand(a)) else {
            continue;
        };
        called.push(' ');
        called.push_str(sub.get_name());
        current = sub;
    }
    called
}

/// The help of the option `shown` (`--half <半年>`, as an error names it)
/// of the command `called` (`nianbao new`): its first line.
fn help_of(command: &clap::Command, called: &str, shown: &str, lang: Lang) -> Option<String> {
    let mut current = command;
    for name in called.split(' ').skip(1) {
        current = current.find_subcommand(name)?;
    }
    let long = shown.split(' ').next()?.strip_prefix("--")?;
    let arg = current
        .get_arguments()
        .find(|a| a.get_long() == Some(long))?;
    let help = arg.get_help()?.to_string();
    let help = help.lines().next().unwrap_or_default();
    Some(tr!(
        lang,
        "cli-error-option-help",
        option = long,
        help = help
    ))
}
