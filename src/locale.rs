//! Every word a person reads, Chinese and English: the Fluent files under
//! `locales/zh` and `locales/en`, built into the binary and parsed once. Code
//! names a message by its key (`"undefined-count"`, or `"undefined-count.hint"`
//! for an attribute) and gives its arguments; it writes no words of its own.
//!
//! Arguments are handed to Fluent as text, formatted by the caller, so that a
//! figure reads exactly as Rust writes it (Fluent's own number formatting is not
//! used), and Unicode isolation marks are off: the output is plain text, compared
//! whole by the tests.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::model::Lang;

/// The locale files of one language: name and text.
pub type Files = [(&'static str, &'static str)];

/// Chinese, the default of documents.
pub const ZH: &Files = &[
    (
        "diagnostics.ftl",
        include_str!("../locales/zh/diagnostics.ftl"),
    ),
    ("codes.ftl", include_str!("../locales/zh/codes.ftl")),
    ("words.ftl", include_str!("../locales/zh/words.ftl")),
    ("page.ftl", include_str!("../locales/zh/page.ftl")),
    ("commands.ftl", include_str!("../locales/zh/commands.ftl")),
    ("help.ftl", include_str!("../locales/zh/help.ftl")),
    ("places.ftl", include_str!("../locales/zh/places.ftl")),
    ("import.ftl", include_str!("../locales/zh/import.ftl")),
    ("archive.ftl", include_str!("../locales/zh/archive.ftl")),
    ("errors.ftl", include_str!("../locales/zh/errors.ftl")),
    ("fields.ftl", include_str!("../locales/zh/fields.ftl")),
    ("reference.ftl", include_str!("../locales/zh/reference.ftl")),
];

/// English, file for file the keys of [`ZH`] (a test compares them).
pub const EN: &Files = &[
    (
        "diagnostics.ftl",
        include_str!("../locales/en/diagnostics.ftl"),
    ),
    ("codes.ftl", include_str!("../locales/en/codes.ftl")),
    ("words.ftl", include_str!("../locales/en/words.ftl")),
    ("page.ftl", include_str!("../locales/en/page.ftl")),
    ("commands.ftl", include_str!("../locales/en/commands.ftl")),
    ("help.ftl", include_str!("../locales/en/help.ftl")),
    ("places.ftl", include_str!("../locales/en/places.ftl")),
    ("import.ftl", include_str!("../locales/en/import.ftl")),
    ("archive.ftl", include_str!("../locales/en/archive.ftl")),
    ("errors.ftl", include_str!("../locales/en/errors.ftl")),
    ("fields.ftl", include_str!("../locales/en/fields.ftl")),
    ("reference.ftl", include_str!("../locales/en/reference.ftl")),
];

/// The files of a language.
pub fn files(lang: Lang) -> &'static Files {
    match lang {
        Lang::Zh => ZH,
        Lang::En => EN,
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().expect("a language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    for (name, text) in files(lang) {
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{}/{name}: {errors:?}", lang.code()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("locales/{}/{name}: {errors:?}", lang.code()));
    }
    bundle
}

static ZH_BUNDLE: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::Zh));
static EN_BUNDLE: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::En));

fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Zh => &ZH_BUNDLE,
        Lang::En => &EN_BUNDLE,
    }
}

/// Whether `key` (`message` or `message.attribute`) exists in `lang`.
#[cfg(test)]
pub fn has(lang: Lang, key: &str) -> bool {
    let (id, attribute) = split(key);
    bundle_of(lang)
        .get_message(id)
        .is_some_and(|m| match attribute {
            None => m.value().is_some(),
            Some(a) => m.get_attribute(a).is_some(),
        })
}

fn split(key: &str) -> (&str, Option<&str>) {
    match key.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (key, None),
    }
}

/// The text of `key` in `lang` when it has one (the command line's help,
/// where some options have no words of their own).
pub fn try_words(lang: Lang, key: &str) -> Option<String> {
    let (id, attribute) = split(key);
    let message = bundle_of(lang).get_message(id)?;
    match attribute {
        None => message.value()?,
        Some(a) => message.get_attribute(a)?.value(),
    };
    Some(words(lang, key, &[]))
}

/// The text of `key` in `lang` with its arguments, each already written out.
/// A key that does not exist gives the key itself (and fails debug builds: a
/// test shows every key of the code exists).
pub fn words(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let bundle = bundle_of(lang);
    let (id, attribute) = split(key);
    let pattern = bundle.get_message(id).and_then(|m| match attribute {
        None => m.value(),
        Some(a) => m.get_attribute(a).map(|a| a.value()),
    });
    let Some(pattern) = pattern else {
        debug_assert!(false, "no message {key} in locales/{}", lang.code());
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        // A whole number is handed over as one, so that a selector can pick
        // its plural form (`[one] 1 file *[other] { $n } files`); Fluent
        // writes it back unchanged. Anything else stays text, as written.
        let whole = !value.is_empty()
            && value.len() <= 15
            && value.bytes().all(|b| b.is_ascii_digit())
            && (value == "0" || !value.starts_with('0'));
        let value = match value.parse::<u64>() {
            Ok(n) if whole => FluentValue::from(n),
            _ => FluentValue::from(value.as_str()),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(
        errors.is_empty(),
        "{key} in locales/{}: {errors:?}",
        lang.code()
    );
    text.into_owned()
}

/// The user's language, for what is said when no document or `--lang` tells
/// (an archive's problems, a file that cannot be read, the closing line of a
/// failed run): the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
/// and not empty decides, Chinese when it starts with `zh` (zh_CN.UTF-8,
/// zh_TW), English otherwise (en_US.UTF-8, and C or POSIX, which servers and
/// CI machines use). When none is set (Windows and macOS desktops) the
/// system's UI language (sys-locale: GetUserDefaultLocaleName, the macOS
/// preferred language), and when that cannot be told Chinese, the language of
/// nianbao's users and documents.
///
/// Unit tests speak English whatever the machine's locale; the rule itself is
/// tested through [`lang_of_env`], and the suite runs the binary with a set
/// `LANG`.
pub fn user_lang() -> Lang {
    if cfg!(test) {
        return Lang::En;
    }
    *USER_LANG.get_or_init(|| lang_of_env(|name| std::env::var(name).ok(), sys_locale::get_locale))
}

/// The user's language, read once (or set once by [`speak`]).
static USER_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Makes `lang` the user's language for the rest of the process, unless it
/// was read or set already: the server speaks the language of the document
/// it serves, whatever the locale.
pub fn speak(lang: Lang) {
    USER_LANG.get_or_init(|| lang);
}

fn lang_of_env(
    var: impl Fn(&str) -> Option<String>,
    system: impl FnOnce() -> Option<String>,
) -> Lang {
    let set = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .or_else(system);
    match set {
        Some(v) if !v.to_ascii_lowercase().starts_with("zh") => Lang::En,
        _ => Lang::Zh,
    }
}

/// `tr!(lang, "key")`, `tr!(lang, "key", name = value, …)`: the words of a
/// key, each argument written with `Display`.
macro_rules! tr {
    ($lang:expr, $key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::locale::words($lang, $key, &[$((stringify!($name), ($value).to_string())),*])
    };
}
pub(crate) use tr;

/// The keys of one language's files: every `message` and `message.attribute`,
/// with the file each stands in and the arguments (`$name`) its text uses.
pub fn keys(files: &Files) -> Vec<(&'static str, String, Vec<String>)> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn variables(pattern: &Pattern<&str>, out: &mut Vec<String>) {
        fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
            match e {
                InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
                InlineExpression::Placeable { expression } => expression_of(expression, out),
                _ => {}
            }
        }
        fn expression_of(e: &Expression<&str>, out: &mut Vec<String>) {
            match e {
                Expression::Inline(e) => inline(e, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
            }
        }
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_of(expression, out);
            }
        }
    }
    let mut out = Vec::new();
    for (name, text) in files {
        let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(_, e)| {
            panic!("{name}: {e:?}");
        });
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                if let Some(value) = &m.value {
                    let mut vars = Vec::new();
                    variables(value, &mut vars);
                    out.push((*name, m.id.name.to_string(), vars));
                }
                for a in &m.attributes {
                    let mut vars = Vec::new();
                    variables(&a.value, &mut vars);
                    out.push((*name, format!("{}.{}", m.id.name, a.id.name), vars));
                }
            }
        }
    }
    for entry in &mut out {
        entry.2.sort();
        entry.2.dedup();
    }
    out
}

#[cfg(test)]
mod scan;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every key exists in both languages, in the same file, with the same
    /// arguments (one that a language forgot would print as `{$name}`).
    #[test]
    fn every_key_exists_in_both_languages() {
        // Where a language rightly leaves an argument out: Chinese drops the
        // year of a half-year that follows one of the same year ("下半年"),
        // and compares with "上年" (the year before) without naming it.
        const FEWER_ARGUMENTS: [&str; 4] = [
            "period-first-half-same-year",
            "period-second-half-same-year",
            "comparison-title",
            // English says "both" or "all" by the number of inputs; Chinese 都.
            "outputs-shared",
        ];
        // The arguments of a message: of its value and its attributes together
        // (a language may say a figure in the message, the other in the hint).
        let keys_of = |files| -> BTreeSet<_> {
            let keys = keys(files);
            keys.iter()
                .map(|(file, key, _)| {
                    let id = key.split('.').next().unwrap();
                    let mut args: Vec<&String> = keys
                        .iter()
                        .filter(|(_, other, _)| other.split('.').next() == Some(id))
                        .flat_map(|(_, _, args)| args)
                        .collect();
                    args.sort();
                    args.dedup();
                    if FEWER_ARGUMENTS.contains(&id) {
                        args.clear();
                    }
                    (
                        *file,
                        key.clone(),
                        args.into_iter().cloned().collect::<Vec<_>>(),
                    )
                })
                .collect()
        };
        let (zh, en) = (keys_of(ZH), keys_of(EN));
        let only_zh: Vec<_> = zh.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&zh).collect();
        assert!(
            only_zh.is_empty() && only_en.is_empty(),
            "only in Chinese: {only_zh:?}\nonly in English: {only_en:?}"
        );
        assert_eq!(
            ZH.iter().map(|f| f.0).collect::<Vec<_>>(),
            EN.iter().map(|f| f.0).collect::<Vec<_>>()
        );
        // And the bundles load: no syntax error, no key defined twice.
        for (_, key, _) in &zh {
            assert!(has(Lang::Zh, key) && has(Lang::En, key), "{key}");
        }
    }

    #[test]
    fn the_users_language_is_read_from_the_locale_variables() {
        let of = |vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> = vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            lang_of_env(
                |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()),
                || None,
            )
        };
        assert_eq!(of(&[]), Lang::Zh);
        assert_eq!(of(&[("LANG", "zh_CN.UTF-8")]), Lang::Zh);
        assert_eq!(of(&[("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(of(&[("LANG", "en_GB.UTF-8")]), Lang::En);
        // LC_ALL, then LC_MESSAGES, then LANG; an empty one is not set.
        assert_eq!(of(&[("LANG", "en_US"), ("LC_MESSAGES", "zh_TW")]), Lang::Zh);
        assert_eq!(of(&[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN")]), Lang::En);
        assert_eq!(of(&[("LC_ALL", ""), ("LANG", "zh_CN")]), Lang::Zh);
        // No variable set: the system's language (Windows, macOS).
        let none = |_: &str| None;
        assert_eq!(lang_of_env(none, || Some("en-US".into())), Lang::En);
        assert_eq!(lang_of_env(none, || Some("zh-Hans-CN".into())), Lang::Zh);
        assert_eq!(lang_of_env(none, || None), Lang::Zh);
    }

    #[test]
    fn words_have_their_arguments_and_no_isolation_marks() {
        assert_eq!(
            tr!(Lang::Zh, "undefined-count", name = "visits"),
            "引用了未定义的数字 `visits`"
        );
        assert_eq!(
            tr!(Lang::En, "undefined-count.hint", name = "visits"),
            "define it under `counts:`, e.g. `visits: { value: 1, unit: 人 }`"
        );
        // A hint that refers to another's.
        assert_eq!(
            tr!(Lang::En, "period-mixed.hint"),
            "e.g. from: 2022-03-01 and to: 2022-08-31"
        );
        assert_eq!(
            tr!(Lang::En, "unfinished-prefix"),
            "unfinished for the archive: "
        );
    }
}
