//! The slips of people who type YAML without knowing it (a full-width colon
//! after a key, a tab in the indentation, a number typed with its unit…),
//! recognised where the YAML fails and named with their fix.
//!
//! A slip of the form of a line is looked for on the lines around the place
//! where the parser stopped (it often stops a line early or late), and is
//! taken for the cause only when the text with that line fixed reads further:
//! a line that merely looks like a slip is never blamed.

use serde_saphyr::Error as E;

use crate::diag::{Diagnostic, SourceFile, Span};
use crate::locale;
use crate::messages::{Message, NumberProblem, Slip};
use crate::model::{Lang, PartialReport};

/// The largest text in which slips of form are looked for: each fix tried
/// reads the whole text again (a year's report is some 50 kB).
const MAX_TEXT: usize = 300_000;

/// How many fixes are tried at most.
const MAX_TRIES: usize = 40;

/// Dashes that are not the hyphen-minus YAML reads.
const WIDE_DASHES: [char; 6] = ['－', '—', '–', '−', '﹣', '‐'];

/// The slip that explains a YAML error, as a diagnostic, when there is one.
/// `error`: the parser's error, unwrapped of its snippet.
pub(super) fn diagnose(error: &E, file: &SourceFile, lang: Lang) -> Option<Diagnostic> {
    if let E::SerdeUnknownField {
        field, expected, ..
    } = error
        && let Some(d) = label_as_key(error, field, expected, file, lang)
    {
        return Some(d);
    }
    // An unclosed bracket or quote swallows the lines after it: no line of
    // those is to blame.
    if file.text.len() > MAX_TEXT
        || matches!(error, E::Budget { .. })
        || super::syntax_error(&file.text).is_some()
    {
        return None;
    }
    let lines = lines(&file.text);
    let found = Reading::of(error)?;
    // Whether the error can come from a line of the wrong form: a key the
    // schema does not know, or one that is missing, comes from a key (only a
    // wrongly indented line makes one).
    let of_form = !matches!(
        error,
        E::SerdeUnknownField { .. }
            | E::SerdeMissingField { .. }
            | E::DuplicateMappingKey { .. }
            | E::SerdeUnknownVariant { .. }
            | E::Budget { .. }
            | E::MultipleDocuments { .. }
    );
    let tab_error = error.to_string().contains("tab");
    let mut tries = 0;
    let mut tried = |line: &Line, fixed: &str| {
        tries += 1;
        tries <= MAX_TRIES && reads_further(&file.text, line, fixed, &found)
    };
    let place = |line: &Line, at: usize, len: usize| {
        let start = file.base + line.start + at;
        Span::new(start, start + len)
    };
    // The lines near the error first: its own, the next (the parser reports
    // some slips at the end of the line before), the two before.
    let near: Vec<usize> = [0isize, 1, -1, -2]
        .iter()
        .filter_map(|d| found.line.checked_add_signed(*d))
        .filter(|&n| n >= 1 && n <= lines.len())
        .map(|n| n - 1)
        .collect();
    // Indentation: near lines first, then any line of the text (a
    // full-width space makes a key of its own, missed far away).
    let mut indented: Vec<usize> = near.clone();
    let mut others: Vec<usize> = (0..lines.len()).filter(|i| !near.contains(i)).collect();
    others.sort_by_key(|&i| (i as isize + 1 - found.line as isize).unsigned_abs());
    indented.extend(others);
    for &i in indented
        .iter()
        .filter(|&&i| bad_indent(lines[i].text).is_some())
        .take(6)
    {
        let line = &lines[i];
        let (at, c) = bad_indent(line.text).expect("filtered");
        let tab = c == '\t';
        let spaces = indent_choices(&lines, i)
            .into_iter()
            .find(|&n| tried(line, &format!("{}{}", " ".repeat(n), content(line.text))));
        if spaces.is_some() || (tab && tab_error) {
            let slip = Slip::Indent { tab, spaces };
            return Some(
                Message::Slip { slip }
                    .diagnostic(lang)
                    .at(place(line, at, c.len_utf8())),
            );
        }
    }
    if !of_form {
        return None;
    }
    for &i in &near {
        let line = &lines[i];
        for candidate in form_slips(&lines, i) {
            if tried(line, &candidate.line) {
                let kind = std::mem::discriminant(&candidate.slip);
                let mut d = Message::Slip {
                    slip: candidate.slip,
                }
                .diagnostic(lang)
                .at(place(line, candidate.at, candidate.len));
                // The items of a list are typed alike: the others with the
                // same slip are shown too (one fixed alone may join the next
                // into one text without an error).
                if kind_is_item(kind) {
                    for j in block_of(&lines, i) {
                        if let Some(other) = form_slips(&lines, j)
                            .into_iter()
                            .find(|c| std::mem::discriminant(&c.slip) == kind)
                        {
                            let here_too = locale::words(lang, "slip-here-too", &[]);
                            d = d.label(place(&lines[j], other.at, other.len), here_too);
                        }
                    }
                }
                return Some(d);
            }
        }
    }
    None
}

/// Whether a slip is one of a list item's start (typed alike on every item).
fn kind_is_item(kind: std::mem::Discriminant<Slip>) -> bool {
    let fixed = String::new;
    [
        Slip::NoSpaceAfterDash { fixed: fixed() },
        Slip::FullWidthDash {
            dash: '－',
            fixed: fixed(),
        },
        Slip::MissingDash { fixed: fixed() },
    ]
    .iter()
    .any(|s| std::mem::discriminant(s) == kind)
}

/// The other lines of the block of line `i`: those at its indentation, up
/// and down, until a line indented less.
fn block_of(lines: &[Line], i: usize) -> Vec<usize> {
    let own = indent(lines[i].text);
    let mut out = Vec::new();
    for range in [
        (0..i).rev().collect::<Vec<_>>(),
        (i + 1..lines.len()).collect(),
    ] {
        for j in range {
            let text = lines[j].text;
            if silent(text) {
                continue;
            }
            match indent(text) {
                n if n < own => break,
                n if n == own => out.push(j),
                _ => {}
            }
        }
    }
    out.sort_unstable();
    out
}

/// A value where a number belongs, as written at `at` (a byte offset in the
/// file's text), and why it is not one: typed with its unit, in full-width
/// digits, or no number. `ty`: the type serde-saphyr wanted. Returns the
/// message and the length of the value.
pub(super) fn number(file: &SourceFile, at: usize, ty: &str) -> Option<(Message, usize)> {
    let text = &file.text;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let before = &text[line_start..at];
    let rest = text[at..line_end].trim_end_matches('\r');
    let in_flow = before.contains(['{', '[']);
    let (written, len) = match rest.chars().next()? {
        q @ ('"' | '\'') => {
            let close = rest[1..].find(q)? + 1;
            (&rest[1..close], close + 1)
        }
        _ => {
            let mut end = rest.len();
            if in_flow && let Some(i) = rest.find([',', '}', ']']) {
                end = i;
            }
            if let Some(i) = rest[..end].find(" #") {
                end = i;
            }
            let written = rest[..end].trim_end();
            (written, written.len())
        }
    };
    if written.is_empty() {
        return None;
    }
    let key: String = {
        let b = before.trim_end().trim_end_matches(':').trim_end();
        let start = b
            .char_indices()
            .rev()
            .take_while(|(_, c)| key_char(*c))
            .last()
            .map_or(b.len(), |(i, _)| i);
        b[start..].to_string()
    };
    let narrow: String = written.chars().map(narrow_digit).collect();
    let numeral = |c: char| c.is_ascii_digit() || matches!(c, '.' | '+' | '-');
    let count = narrow.chars().take_while(|&c| numeral(c)).count();
    let number: String = narrow.chars().take(count).collect();
    let unit: String = written.chars().skip(count).collect::<String>();
    let unit = unit.trim();
    let is_number = number.parse::<f64>().is_ok_and(f64::is_finite);
    let whole = !ty.contains("float");
    let message = if is_number && !unit.is_empty() && !unit.contains(|c: char| c.is_numeric()) {
        let number = if whole {
            number.split('.').next().unwrap_or(&number).to_string()
        } else {
            number
        };
        Message::Slip {
            slip: Slip::NumberWithUnit {
                key,
                written: written.to_string(),
                number,
                unit: unit.to_string(),
            },
        }
    } else if is_number && unit.is_empty() && narrow != written && number.parse::<i128>().is_ok() {
        Message::Slip {
            slip: Slip::FullWidthDigits {
                key,
                written: written.to_string(),
                digits: narrow,
            },
        }
    } else {
        let problem = if !whole || !unit.is_empty() || !is_number {
            NumberProblem::NotANumber
        } else if number.contains('.') {
            NumberProblem::NotWhole
        } else {
            NumberProblem::TooLarge
        };
        let zero = |c: char| if c == '〇' { '零' } else { c };
        let digits = crate::numerals::parse_chinese(&written.chars().map(zero).collect::<String>())
            .filter(|_| written.chars().all(|c| !c.is_ascii()))
            .map(|n| n.to_string());
        Message::NotANumber {
            key,
            written: written.to_string(),
            problem,
            digits,
        }
    };
    Some((message, len))
}

/// `０`–`９` and the full-width point as ASCII.
fn narrow_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        other => other,
    }
}

/// A label of the editing page (`locales/*/page.ftl`, `label-FIELD`) typed as
/// a key where its field belongs.
fn label_as_key(
    error: &E,
    key: &str,
    expected: &[&str],
    file: &SourceFile,
    lang: Lang,
) -> Option<Diagnostic> {
    if key.trim() != key || key.contains('\u{3000}') {
        return None;
    }
    let wanted = key.trim_end_matches([':', '：']);
    let field = [Lang::Zh, Lang::En].into_iter().find_map(|l| {
        locale::keys(locale::files(l))
            .into_iter()
            .filter(|(file, _, _)| *file == "page.ftl")
            .find_map(|(_, key, _)| {
                let field = key.strip_prefix("label-")?;
                let named = expected.iter().find(|f| **f == field)?;
                locale::words(l, &key, &[])
                    .eq_ignore_ascii_case(wanted)
                    .then_some(*named)
            })
    })?;
    let location = error.location().filter(|l| l.line() > 0)?;
    let start = match location.span().byte_offset() {
        Some(offset) => file.base + offset as usize,
        None => file.position(location.line() as usize, location.column() as usize)?,
    };
    let slip = Slip::LabelAsKey {
        key: key.to_string(),
        field: field.to_string(),
    };
    Some(
        Message::Slip { slip }
            .diagnostic(lang)
            .at(Span::new(start, start + key.len())),
    )
}

/// The field whose label on the editing page (`label-FIELD` in
/// `locales/*/page.ftl`) is `key`, when one field has it.
fn label_field(key: &str) -> Option<String> {
    if key.is_ascii() {
        return None;
    }
    let mut fields: Vec<String> = [Lang::Zh, Lang::En]
        .into_iter()
        .flat_map(|l| {
            locale::keys(locale::files(l))
                .into_iter()
                .filter(|(file, key, _)| *file == "page.ftl" && key.starts_with("label-"))
                .filter(move |(_, k, _)| locale::words(l, k, &[]) == key)
                .map(|(_, k, _)| k["label-".len()..].to_string())
        })
        .collect();
    fields.sort();
    fields.dedup();
    match fields.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// A line of the text: its number, its first byte, its text without the line end.
struct Line<'a> {
    number: usize,
    start: usize,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut start = 0;
    text.split('\n')
        .enumerate()
        .map(|(i, l)| {
            let line = Line {
                number: i + 1,
                start,
                text: l.trim_end_matches('\r'),
            };
            start += l.len() + 1;
            line
        })
        .collect()
}

/// Blank characters a person may indent with.
fn blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

/// A line without its indentation.
fn content(text: &str) -> &str {
    text.trim_start_matches(blank)
}

/// The indentation of a line in bytes.
fn indent(text: &str) -> usize {
    text.len() - content(text).len()
}

/// The first tab or full-width space in a line's indentation, with its byte offset.
fn bad_indent(text: &str) -> Option<(usize, char)> {
    let content = content(text);
    if content.is_empty() || content.starts_with('#') {
        return None;
    }
    text[..indent(text)].char_indices().find(|(_, c)| *c != ' ')
}

/// Whether a line says nothing (blank, or a comment).
fn silent(text: &str) -> bool {
    let c = content(text);
    c.is_empty() || c.starts_with('#')
}

/// The indentations to try for line `i`, likeliest first: as a child of the
/// line above when that opens a block (`key:`), as its sibling, then the
/// indentations of the lines above, nearest first.
fn indent_choices(lines: &[Line], i: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut push = |n: usize| {
        if !out.contains(&n) {
            out.push(n);
        }
    };
    let above: Vec<&Line> = lines[..i]
        .iter()
        .rev()
        .filter(|l| !silent(l.text) && bad_indent(l.text).is_none())
        .take(40)
        .collect();
    let own_item = content(lines[i].text).starts_with('-');
    if let Some(prev) = above.first() {
        let n = indent(prev.text);
        let c = content(prev.text);
        let item = c.starts_with("- ");
        let key_at = if item { n + 2 } else { n };
        if c.ends_with(':') {
            push(key_at + 2);
            if !item {
                push(n);
            }
        }
        if item && !own_item {
            push(n + 2);
        }
        push(n);
    }
    for l in &above {
        push(indent(l.text));
        if content(l.text).starts_with("- ") && !own_item {
            push(indent(l.text) + 2);
        }
    }
    push(0);
    out.truncate(8);
    out
}

/// A fix to try: the slip, its place in the line (byte offset, length), the
/// line as fixed.
struct Candidate {
    slip: Slip,
    at: usize,
    len: usize,
    line: String,
}

/// A character of a key as people type them: not blank, no YAML sign.
fn key_char(c: char) -> bool {
    !c.is_whitespace()
        && c != '\u{3000}'
        && ![
            '"', '\'', '{', '}', '[', ']', '#', ',', ':', '：', '&', '*', '!', '|', '>', '%', '@',
            '`',
        ]
        .contains(&c)
        && !WIDE_DASHES.contains(&c)
}

/// The key at the start of `body`: its length in bytes, when one is there.
fn key_len(body: &str) -> Option<usize> {
    let len: usize = body
        .chars()
        .take_while(|&c| key_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0 && body[..len].chars().count() <= 30 && !body.starts_with('-')).then_some(len)
}

/// The slips of form that line `i` may hold, with their fixes, in the order
/// they are tried.
fn form_slips(lines: &[Line], i: usize) -> Vec<Candidate> {
    let text = lines[i].text;
    let ind = indent(text);
    let own = &text[ind..];
    let mut out = Vec::new();
    if own.is_empty() || own.starts_with('#') || own.starts_with("---") {
        return out;
    }
    let lead = &text[..ind];
    // A full-width dash, or a hyphen without its space.
    if let Some(dash) = own.chars().next().filter(|c| WIDE_DASHES.contains(c)) {
        let rest = own[dash.len_utf8()..].trim_start_matches(blank);
        let fixed = format!("- {rest}");
        out.push(Candidate {
            slip: Slip::FullWidthDash {
                dash,
                fixed: fixed.clone(),
            },
            at: ind,
            len: dash.len_utf8(),
            line: format!("{lead}{fixed}"),
        });
    }
    if let Some(rest) = own.strip_prefix('-')
        && !rest.is_empty()
        && !rest.starts_with([' ', '\t', '-'])
    {
        let fixed = format!("- {rest}");
        out.push(Candidate {
            slip: Slip::NoSpaceAfterDash {
                fixed: fixed.clone(),
            },
            at: ind,
            len: 1,
            line: format!("{lead}{fixed}"),
        });
    }
    // The body: the line after its indentation and list dashes.
    let mut body_at = ind;
    while let Some(rest) = text[body_at..].strip_prefix("- ") {
        body_at = text.len() - rest.trim_start_matches(' ').len();
    }
    let body = &text[body_at..];
    let item_lead = &text[ind..body_at];
    // A key followed by a full-width colon, or by a colon without a space;
    // a key that is a label of the editing page is tried as its field first.
    if let Some(k) = key_len(body) {
        let key = &body[..k];
        let after = &body[k..];
        let names = || {
            label_field(key)
                .map(|f| (Some(f.clone()), f))
                .into_iter()
                .chain([(None, key.to_string())])
        };
        if let Some(rest) = after.strip_prefix('：') {
            let rest = rest.trim_start_matches(blank);
            for (field, name) in names() {
                let fixed = if rest.is_empty() {
                    format!("{item_lead}{name}:")
                } else {
                    format!("{item_lead}{name}: {rest}")
                };
                out.push(Candidate {
                    slip: Slip::FullWidthColon {
                        key: key.to_string(),
                        field,
                        fixed: fixed.clone(),
                    },
                    at: body_at + k,
                    len: '：'.len_utf8(),
                    line: format!("{lead}{fixed}"),
                });
            }
        }
        if let Some(rest) = after.strip_prefix(':')
            && !rest.is_empty()
            && !rest.starts_with([' ', '\t'])
        {
            for (field, name) in names() {
                let fixed = format!("{item_lead}{name}: {rest}");
                out.push(Candidate {
                    slip: Slip::NoSpaceAfterColon {
                        key: key.to_string(),
                        field,
                        fixed: fixed.clone(),
                    },
                    at: body_at + k,
                    len: 1,
                    line: format!("{lead}{fixed}"),
                });
            }
        }
    }
    // The value: the body, or what follows a field's name (`title: …`).
    let field_name = |t: &str| t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let value_at = match key_len(body) {
        Some(k) if field_name(&body[..k]) => body[k..].strip_prefix(": ").map_or(body_at, |rest| {
            text.len() - rest.trim_start_matches(' ').len()
        }),
        _ => body_at,
    };
    let value = text[value_at..].trim_end();
    let head = &text[ind..value_at];
    let wrapped = format!("{head}'{}'", value.replace('\'', "''"));
    // A text that starts with a quote and goes on after it.
    if let Some(q) = value.chars().next().filter(|c| matches!(c, '"' | '\''))
        && let Some(close) = closing_quote(value, q)
        && !value[close + 1..].trim_start().is_empty()
        && !value[close + 1..].trim_start().starts_with('#')
    {
        let (open, shut) = if q == '"' {
            ('“', '”')
        } else {
            ('‘', '’')
        };
        let mut opened = false;
        let chinese: String = value
            .chars()
            .map(|c| {
                if c == q {
                    opened = !opened;
                    if opened { open } else { shut }
                } else {
                    c
                }
            })
            .collect();
        out.push(Candidate {
            slip: Slip::LeadingQuote {
                quoted: value[1..close].to_string(),
                fixed: format!("{head}{chinese}"),
                wrapped: wrapped.clone(),
            },
            at: value_at,
            len: close + 1,
            line: format!("{lead}{wrapped}"),
        });
    }
    // A colon and a space (or a colon at the end) inside a text.
    let colon = value.find(": ").or_else(|| {
        let name = value.strip_suffix(':')?;
        (!field_name(name)).then(|| value.len() - 1)
    });
    if let Some(c) = colon
        && c > 0
        && !value.starts_with(['"', '\'', '{', '['])
    {
        let chinese = value.chars().any(crate::cjk::is_han);
        let fixed = chinese.then(|| {
            let mut v = value.replace(": ", &'：'.to_string());
            if v.ends_with(':') {
                v.pop();
                v.push('：');
            }
            format!("{head}{v}")
        });
        out.push(Candidate {
            slip: Slip::ColonInText {
                fixed,
                wrapped: wrapped.clone(),
            },
            at: value_at + c,
            len: 1,
            line: format!("{lead}{wrapped}"),
        });
    }
    // An item of a list without its dash: the line above at the same
    // indentation is an item, or the line above opens a block.
    if !own.starts_with('-') && !WIDE_DASHES.iter().any(|d| own.starts_with(*d)) {
        let above = lines[..i].iter().rev().find(|l| !silent(l.text));
        let sibling_item = above.is_some_and(|l| {
            let c = content(l.text);
            (indent(l.text) == ind && c.starts_with("- "))
                || (indent(l.text) < ind && c.ends_with(':'))
        });
        if sibling_item {
            let fixed = format!("- {own}");
            out.push(Candidate {
                slip: Slip::MissingDash {
                    fixed: fixed.clone(),
                },
                at: ind,
                len: own.chars().next().map_or(1, char::len_utf8),
                line: format!("{lead}{fixed}"),
            });
        }
    }
    out
}

/// The byte offset of the quote that closes a quoted value starting with `q`.
fn closing_quote(value: &str, q: char) -> Option<usize> {
    let bytes = value.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        if q == '"' && b == b'\\' {
            i += 2;
            continue;
        }
        if b == q as u8 {
            if q == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Where the parser stopped, and why, to tell whether a fix reads further.
struct Reading {
    line: usize,
    missing: bool,
    unknown: bool,
}

impl Reading {
    fn of(error: &E) -> Option<Reading> {
        let line = error.location().filter(|l| l.line() > 0)?.line() as usize;
        Some(Reading {
            line,
            missing: matches!(error, E::SerdeMissingField { .. }),
            unknown: matches!(error, E::SerdeUnknownField { .. }),
        })
    }
}

/// Whether the text with `line` replaced by `fixed` reads further than it
/// did: without error, or stopping at a later line, or at a key (unknown
/// or missing) where it stopped at the form.
fn reads_further(text: &str, line: &Line, fixed: &str, before: &Reading) -> bool {
    let end = line.start + line.text.len();
    let new = format!("{}{fixed}{}", &text[..line.start], &text[end..]);
    let mut error =
        match serde_saphyr::from_str_with_options::<PartialReport>(&new, super::yaml_options()) {
            Ok(_) => return true,
            Err(e) => e,
        };
    while let E::WithSnippet { error: inner, .. } | E::AliasError { error: inner, .. } = error {
        error = *inner;
    }
    let Some(after) = Reading::of(&error) else {
        return false;
    };
    after.line > before.line.max(line.number)
        || (after.missing && !before.missing)
        || (after.unknown && !before.unknown && after.line == line.number)
}

#[cfg(test)]
mod tests {
    use super::super::{YamlProblem, yaml_problem};
    use crate::model::Lang;

    const META: &str =
        "meta:\n  organisation: 某某工会\n  year: 2020\n  date: 2020-12-08\n  signature: 工会办\n";

    fn problem(body: &str, lang: Lang) -> YamlProblem {
        yaml_problem(&format!("{META}{body}"), lang).expect("a problem")
    }

    #[test]
    fn a_tab_is_placed_on_its_own_line_for_the_editing_page() {
        let p = problem(
            "summary:\n  sections:\n    - title: 关心\n      points:\n        - 生日慰问。\n\t\t- 开展学习。\n",
            Lang::Zh,
        );
        assert_eq!((p.line, p.column), (11, 1));
        assert_eq!(p.message, "缩进里有制表符（Tab 键）");
        assert_eq!(
            p.hint.as_deref(),
            Some("缩进只能用半角空格：把这一行开头的空白换成 8 个半角空格")
        );
    }

    #[test]
    fn a_text_that_reads_has_no_problem() {
        let text =
            format!("{META}summary:\n  sections:\n    - title: 关心\n      points: [生日慰问。]\n");
        assert_eq!(yaml_problem(&text, Lang::En), None);
    }

    #[test]
    fn a_colon_inside_a_time_is_not_blamed_when_the_error_is_elsewhere() {
        let p = problem(
            "summary:\n  sections:\n    - title: 关心\n      points:\n        - 会议于 9:30 召开。\n      pionts: [x]\n",
            Lang::En,
        );
        assert_eq!(p.line, 11);
        assert!(p.message.contains("pionts"), "{p:?}");
    }

    #[test]
    fn full_width_digits_with_a_unit_say_the_number_in_half_width() {
        let p = yaml_problem(
            "meta:\n  organisation: 某某工会\n  year: 2020\n  date: 2020-12-08\n  signature: 工会办\ncounts:\n  visits:\n    value: ４１１人\n    unit: 人\n",
            Lang::Zh,
        )
        .unwrap();
        assert_eq!((p.line, p.column), (8, 12));
        assert_eq!(
            p.hint.as_deref(),
            Some("数字里不写单位：写 411，单位写在 unit: 人")
        );
    }
}
