//! The editing page, with its words: `page.html` holds no sentence; the words
//! of `locales/*/page.ftl` are put into it as JSON (`page-KEY` → `words[lang][KEY]`,
//! `label-FIELD` → `labels[FIELD]`, Chinese then English), with the 文种
//! a 公文 may be (`kinds`).

use std::sync::LazyLock;

use serde_json::{Map, Value, json};

use crate::locale;
use crate::model::{DocKind, Lang};

const HTML: &str = include_str!("page.html");
const PLACE: &str = "/*WORDS*/";

/// The page, its words in.
pub static PAGE: LazyLock<String> = LazyLock::new(|| HTML.replacen(PLACE, &words_json(), 1));

/// The page's words as JSON that can stand inside a `<script>` element.
fn words_json() -> String {
    let mut words = Map::new();
    let mut labels = Map::new();
    for lang in [Lang::Zh, Lang::En] {
        let mut own = Map::new();
        for (file, key, _) in locale::keys(locale::files(lang)) {
            // The page's own words and the fields' labels; not how a
            // diagnostic names a field in a place (`label-FIELD.place`).
            if file != "page.ftl" || key.contains('.') {
                continue;
            }
            let text = locale::words(lang, &key, &[]);
            if let Some(name) = key.strip_prefix("page-") {
                own.insert(name.to_string(), Value::String(text));
            } else if let Some(field) = key.strip_prefix("label-") {
                let pair = labels
                    .entry(field.to_string())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(pair) = pair {
                    pair.push(Value::String(text));
                }
            }
        }
        words.insert(lang.code().to_string(), Value::Object(own));
    }
    // `<` written as an escape: no text can close the element.
    let kinds = [
        DocKind::Report,
        DocKind::Request,
        DocKind::Notice,
        DocKind::Letter,
        DocKind::Minutes,
    ]
    .map(DocKind::name);
    json!({ "words": words, "labels": labels, "kinds": kinds })
        .to_string()
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_carries_its_words_in_both_languages() {
        assert!(!PAGE.contains(PLACE));
        let start = PAGE
            .find(r#"<script type="application/json" id="words">"#)
            .unwrap();
        let json = &PAGE[start..];
        let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
        let value: Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["words"]["zh"]["save"], "保存");
        assert_eq!(value["words"]["en"]["save"], "Save");
        assert_eq!(
            value["words"]["zh"]["status"],
            "{errors} 处错误，{warnings} 处警告"
        );
        assert_eq!(
            value["words"]["en"]["last-good"],
            " (last version without errors)"
        );
        assert_eq!(value["words"]["zh"]["page"], "第{n}页");
        assert_eq!(value["labels"]["part_of"], json!(["属于", "Part of"]));
        // Every word of one language is in the other.
        let keys = |lang: &str| {
            value["words"][lang]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(keys("zh"), keys("en"));
        assert!(
            value["labels"]
                .as_object()
                .unwrap()
                .values()
                .all(|p| p.as_array().unwrap().len() == 2)
        );
    }
}
