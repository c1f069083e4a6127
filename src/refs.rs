//! Count references inside text: `{name}` writes the count with its unit ("411人"),
//! `{name:cn}` in Chinese numerals ("九篇"), `{name:num}` the number alone.
//! `{{` and `}}` write literal braces; a brace that starts no reference stays as it is.
//! The full-width braces and colon a Chinese input method types (`｛name｝`,
//! `｛name：cn｝`) make a reference as well: typed so, a name is never printed
//! as it stands.

use crate::facts::Figure;
use crate::locale::tr;
use crate::model::Lang;
use crate::numerals;

/// The formats a reference may ask for.
pub const FORMATS: [&str; 4] = ["", "cn", "num", "change"];

#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Literal(&'a str),
    Ref {
        name: &'a str,
        format: &'a str,
        /// The whole reference as written, `{name:fmt}`, for locating it in the source.
        written: &'a str,
    },
}

/// Splits text into literal runs and count references.
pub fn parse(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut literal_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'}' if bytes.get(i + 1) == Some(&bytes[i]) => {
                push_literal(&mut pieces, &text[literal_start..=i]);
                i += 2;
                literal_start = i;
            }
            b'{' | 0xEF => {
                if let Some(len) = reference_len(&text[i..]) {
                    push_literal(&mut pieces, &text[literal_start..i]);
                    let written = &text[i..i + len];
                    let (name, format) = name_and_format(written);
                    pieces.push(Piece::Ref {
                        name,
                        format,
                        written,
                    });
                    i += len;
                    literal_start = i;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    push_literal(&mut pieces, &text[literal_start..]);
    pieces
}

fn push_literal<'a>(pieces: &mut Vec<Piece<'a>>, text: &'a str) {
    if !text.is_empty() {
        pieces.push(Piece::Literal(text));
    }
}

/// The braces that open and close a reference: ASCII, or the full-width
/// ones of a Chinese input method.
const OPEN: [char; 2] = ['{', '｛'];
const CLOSE: [char; 2] = ['}', '｝'];
/// The colon before a format, ASCII or full-width.
const COLON: [char; 2] = [':', '：'];

/// Whether `name` can be a count's name referenced from the text: letters of
/// any script (`困难教职工` as well as `visits`), digits after the first, `_`
/// and `-`.
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// The length of `{ident}` or `{ident:ident}` at the start of `text` (with
/// ASCII or full-width braces and colon), if it is one. A name in braces is
/// always a reference, found or reported (E0101), never printed as it stands.
fn reference_len(text: &str) -> Option<usize> {
    let open = text.chars().next().filter(|c| OPEN.contains(c))?;
    let inner_start = open.len_utf8();
    // The close is looked for past the characters a reference may hold only:
    // a text of many braces is read in linear time.
    let (close, _) = text[inner_start..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-') || COLON.contains(&c)))
        .filter(|(_, c)| CLOSE.contains(c))?;
    let close = close + inner_start;
    let inner = &text[inner_start..close];
    // Typed with the input method, a format is a word of ASCII letters (cn,
    // num, change): text such as "｛注：见附件｝" is no reference.
    let typed = open != '{' || text[close..].starts_with('｝') || inner.contains('：');
    let ok = match inner.split_once(COLON) {
        Some((name, format)) => {
            is_name(name) && (format.is_empty() || is_name(format) && (!typed || format.is_ascii()))
        }
        None => is_name(inner),
    };
    let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
    ok.then_some(close + close_len)
}

/// The name and the format of a reference as written (`{name:fmt}`, `｛name｝`).
fn name_and_format(written: &str) -> (&str, &str) {
    let inner = written
        .strip_prefix(OPEN)
        .and_then(|w| w.strip_suffix(CLOSE))
        .unwrap_or(written);
    inner.split_once(COLON).unwrap_or((inner, ""))
}

/// A reference as written with another name: the braces and the format as
/// they were (`｛old：cn｝` → `｛new：cn｝`).
pub fn renamed(written: &str, name: &str) -> String {
    let (old, _) = name_and_format(written);
    let start = written.find(old).unwrap_or(0);
    format!(
        "{}{name}{}",
        &written[..start],
        &written[start + old.len()..]
    )
}

/// Braces around a name with spaces in them (`{生日慰问 }`, `｛ 困难职工｝`), as
/// an input method may type it: no reference, but surely meant as one. Each
/// as written, with its offset in `text` and the reference without the spaces.
pub fn spaced(text: &str) -> Vec<(usize, &str, String)> {
    let mut found = Vec::new();
    for piece in parse(text) {
        let Piece::Literal(literal) = piece else {
            continue;
        };
        let base = literal.as_ptr() as usize - text.as_ptr() as usize;
        for (at, _) in literal.match_indices(OPEN) {
            let rest = &literal[at..];
            // A name is short: the close is looked for a few characters on,
            // so that a text of many `{` is read in linear time.
            let Some((close, _)) = rest
                .char_indices()
                .take(48)
                .find(|(_, c)| CLOSE.contains(c))
            else {
                continue;
            };
            let close_len = rest[close..].chars().next().map_or(1, char::len_utf8);
            let written = &rest[..close + close_len];
            let inner = &written[rest.chars().next().map_or(1, char::len_utf8)..close];
            let squeezed: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
            if squeezed.len() == inner.len() || squeezed.chars().count() > 40 {
                continue;
            }
            let fixed = format!("{{{squeezed}}}");
            if reference_len(&fixed) == Some(fixed.len()) {
                found.push((base + at, written, fixed));
            }
        }
    }
    found
}

/// The references of a text, each with the byte where it starts: name,
/// format and as written.
pub fn placed(text: &str) -> Vec<(usize, &str, &str, &str)> {
    parse(text)
        .into_iter()
        .filter_map(|piece| match piece {
            // `written` is a slice of the text: its offset is where it starts.
            Piece::Ref {
                name,
                format,
                written,
            } => Some((
                written.as_ptr() as usize - text.as_ptr() as usize,
                name,
                format,
                written,
            )),
            Piece::Literal(_) => None,
        })
        .collect()
}

/// Text where no count is referenced (a title, a unit, a label) with its
/// literal braces written out: `{{` → `{`, as in the body's text.
pub fn literal(text: &str) -> String {
    if !text.contains("{{") && !text.contains("}}") {
        return text.to_string();
    }
    parse(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Literal(s) => s,
            Piece::Ref { written, .. } => written,
        })
        .collect()
}

/// What a count writes when it has no value yet.
pub const MISSING_VALUE: &str = "（待统计）";

/// The change against last period: "较上年增加12人，增长3.0%", "up 12 members
/// (3.0%) on last year"; a note when last period's figure is unknown.
pub fn change_text(figure: &Figure, en: bool) -> String {
    let lang = if en { Lang::En } else { Lang::Zh };
    let count = figure.count;
    let unit = literal(&count.unit);
    let (Some(now), Some(last)) = (figure.value, figure.previous) else {
        return tr!(lang, "change-unknown");
    };
    let diff = now - last;
    let amount = format!("{}{}", numerals::arabic(diff.abs()), unit);
    let percent = (last != 0.0).then(|| format!("{:.1}%", diff.abs() / last.abs() * 100.0));
    let key = match diff.partial_cmp(&0.0) {
        Some(std::cmp::Ordering::Equal) | None => return tr!(lang, "change-none"),
        Some(std::cmp::Ordering::Greater) => "change-up",
        Some(std::cmp::Ordering::Less) => "change-down",
    };
    match percent {
        Some(p) => tr!(
            lang,
            &format!("{key}-percent"),
            amount = amount,
            percent = p
        ),
        None => tr!(lang, key, amount = amount),
    }
}

/// Writes a count in the given format. Unknown formats are caught by validation;
/// here they fall back to the default. `en`: an English document, where a unit
/// that is a word stands a space after the number ("14 new members").
pub fn format_count(figure: &Figure, format: &str, en: bool) -> String {
    let count = figure.count;
    let unit = literal(&count.unit);
    let Some(value) = figure.value else {
        return MISSING_VALUE.to_string();
    };
    let currency = count
        .currency
        .as_ref()
        .map_or(String::new(), |c| literal(c.value.trim()));
    let decimals = count.decimals.as_ref().map(|d| d.value);
    let number = match format {
        "num" => return numerals::arabic_with(value, decimals, count.grouping),
        "cn" if value >= 0.0 && value.fract() == 0.0 && !en => {
            let n = value as u64;
            if count.unit.is_empty() || count.approx.is_approx() {
                numerals::chinese(n)
            } else {
                numerals::chinese_before_measure(n)
            }
        }
        _ => numerals::arabic_with(value, decimals, count.grouping),
    };
    let space = if en && unit.chars().next().is_some_and(char::is_alphabetic) {
        " "
    } else {
        ""
    };
    let unit = match &count.approx {
        // As written, when it is this unit with 余 in it.
        crate::model::Approx::Written(written) if written.replacen('余', "", 1) == count.unit => {
            literal(written)
        }
        approx => with_approx(&unit, approx.is_approx()),
    };
    format!("{currency}{number}{space}{unit}")
}

/// The unit of an approximate figure: 余 before it ("1000余份"), or after the
/// magnitude of a compound unit ("3万余元", not "3余万元").
fn with_approx(unit: &str, approx: bool) -> String {
    if !approx {
        return unit.to_string();
    }
    let mut chars = unit.chars();
    match chars.next() {
        Some(m @ ('十' | '百' | '千' | '万' | '亿')) if !chars.as_str().is_empty() => {
            format!("{m}余{}", chars.as_str())
        }
        _ => format!("余{unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approximate_compound_units_put_yu_after_the_magnitude() {
        assert_eq!(with_approx("万元", true), "万余元");
        assert_eq!(with_approx("份", true), "余份");
        assert_eq!(with_approx("万", true), "余万");
        assert_eq!(with_approx("人", false), "人");
    }

    #[test]
    fn literal_braces_are_written_out_where_nothing_is_referenced() {
        assert_eq!(literal("工会{{2020}}总结"), "工会{2020}总结");
        assert_eq!(literal("{name} {{x}}"), "{name} {x}");
        assert_eq!(literal("人"), "人");
    }

    #[test]
    fn a_chinese_name_is_a_reference() {
        assert_eq!(
            parse("走访{困难教职工}，{人数:cn}；{2020}"),
            vec![
                Piece::Literal("走访"),
                Piece::Ref {
                    name: "困难教职工",
                    format: "",
                    written: "{困难教职工}"
                },
                Piece::Literal("，"),
                Piece::Ref {
                    name: "人数",
                    format: "cn",
                    written: "{人数:cn}"
                },
                Piece::Literal("；{2020}"),
            ]
        );
    }

    /// A reference as `parse` gives it.
    fn reference<'a>(name: &'a str, format: &'a str, written: &'a str) -> Piece<'a> {
        Piece::Ref {
            name,
            format,
            written,
        }
    }

    #[test]
    fn full_width_braces_of_an_input_method_make_a_reference() {
        assert_eq!(
            parse("生日慰问｛生日慰问｝，发放｛gifts：cn｝；{a｝；｛注：见附件｝"),
            vec![
                Piece::Literal("生日慰问"),
                reference("生日慰问", "", "｛生日慰问｝"),
                Piece::Literal("，发放"),
                reference("gifts", "cn", "｛gifts：cn｝"),
                Piece::Literal("；"),
                reference("a", "", "{a｝"),
                Piece::Literal("；｛注：见附件｝"),
            ]
        );
        // An unknown format in ASCII is still a reference (E0102 says so).
        assert_eq!(parse("{a:中文}"), vec![reference("a", "中文", "{a:中文}")]);
    }

    #[test]
    fn braces_around_a_name_with_spaces_are_found() {
        assert_eq!(
            spaced("慰问{生日慰问 }，｛ 困难职工：cn｝；{a b c}{ }{{x }}"),
            vec![
                (6, "{生日慰问 }", "{生日慰问}".to_string()),
                (24, "｛ 困难职工：cn｝", "{困难职工：cn}".to_string()),
                (51, "{a b c}", "{abc}".to_string()),
            ]
        );
    }

    #[test]
    fn a_renamed_reference_keeps_its_braces_and_format() {
        assert_eq!(renamed("{visits}", "慰问"), "{慰问}");
        assert_eq!(renamed("｛visits：cn｝", "慰问"), "｛慰问：cn｝");
        assert_eq!(renamed("{a:a}", "b"), "{b:a}");
        assert!(is_name("生日慰问") && is_name("_x-2") && !is_name("2020年") && !is_name("a b"));
    }

    #[test]
    fn splits_references_and_literals() {
        let pieces = parse("生日慰问{birthday}；{{x}} {not a ref} {a:cn}");
        assert_eq!(
            pieces,
            vec![
                Piece::Literal("生日慰问"),
                Piece::Ref {
                    name: "birthday",
                    format: "",
                    written: "{birthday}"
                },
                Piece::Literal("；{"),
                Piece::Literal("x}"),
                Piece::Literal(" {not a ref} "),
                Piece::Ref {
                    name: "a",
                    format: "cn",
                    written: "{a:cn}"
                },
            ]
        );
    }
}
