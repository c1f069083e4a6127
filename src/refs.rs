//! Count references inside text: `{name}` writes the count with its unit ("411人"),
//! `{name:cn}` in Chinese numerals ("九篇"), `{name:num}` the number alone.
//! `{{` and `}}` write literal braces; a brace that starts no reference stays as it is.

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
            b'{' => {
                if let Some(len) = reference_len(&text[i..]) {
                    push_literal(&mut pieces, &text[literal_start..i]);
                    let written = &text[i..i + len];
                    let inner = &written[1..len - 1];
                    let (name, format) = inner.split_once(':').unwrap_or((inner, ""));
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

/// The length of `{ident}` or `{ident:ident}` at the start of `text`, if it is one.
/// A name is letters of any script (`{困难教职工}` as well as `{visits}`), digits
/// after the first, `_` and `-`: a name in braces is always a reference, found
/// or reported (E0101), never printed as it stands.
fn reference_len(text: &str) -> Option<usize> {
    let close = text.find('}')?;
    let inner = &text[1..close];
    let is_ident = |s: &str| {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    };
    let ok = match inner.split_once(':') {
        Some((name, format)) => is_ident(name) && (format.is_empty() || is_ident(format)),
        None => is_ident(inner),
    };
    ok.then_some(close + 1)
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
