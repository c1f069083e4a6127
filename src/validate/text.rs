//! Text: placeholders, brackets and quotes, punctuation, spaces and sentence ends.

use super::{Ctx, Field, PLACEHOLDERS, TextKind};
use crate::cjk::{ends_sentence, is_han};
use crate::diag::{Code, Diagnostic, Severity, Span};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for field in &ctx.fields {
        placeholders(ctx, field, out);
        brackets(ctx, field, out);
        punctuation(ctx, field, out);
        if field.kind == TextKind::Sentence {
            sentence_end(ctx, field, out);
        }
    }
}

fn placeholders(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    for placeholder in PLACEHOLDERS {
        for (nth, _) in field.text.value.match_indices(placeholder).enumerate() {
            let span = ctx.span_within(field.text, placeholder, nth);
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::Placeholder,
                    ctx.t(
                        format!("{}留有占位文字“{placeholder}”", field.place),
                        format!("placeholder “{placeholder}” left in {}", field.place),
                    ),
                    span,
                )
                .hint(ctx.t(
                    "换成实际内容，或换成数字引用：在 `counts:` 下定义后写 `{name}`",
                    "replace it with the real text, or with a count: define it under `counts:` and write `{name}`",
                )),
            );
        }
    }
}

const PAIRS: [(char, char); 5] = [
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('（', '）'),
    ('【', '】'),
];

/// Unbalanced “” ‘’ 《》 （） 【】: a closing mark without its opening one, or an
/// opening one never closed.
fn brackets(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    let text = &field.text.value;
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut problems: Vec<(char, usize)> = Vec::new();
    for (at, c) in text.char_indices() {
        if PAIRS.iter().any(|(o, _)| *o == c) {
            open.push((c, at));
        } else if let Some((o, _)) = PAIRS.iter().find(|(_, close)| *close == c) {
            match open.iter().rposition(|(oc, _)| oc == o) {
                Some(i) => {
                    // Anything opened after the match and not closed is unbalanced.
                    problems.extend(open.drain(i..).skip(1));
                }
                None => problems.push((c, at)),
            }
        }
    }
    problems.extend(open);
    problems.sort_by_key(|(_, at)| *at);
    for (c, at) in problems {
        let nth = text[..at].matches(c).count();
        let span = ctx.span_within(field.text, &c.to_string(), nth);
        let partner = PAIRS
            .iter()
            .find_map(|(o, cl)| (*o == c).then_some(*cl).or((*cl == c).then_some(*o)))
            .unwrap_or(c);
        out.push(
            ctx.at(
                Severity::Warning,
                Code::UnbalancedBrackets,
                ctx.t(
                    format!("{}中的“{c}”没有对应的“{partner}”", field.place),
                    format!("“{c}” in {} has no matching “{partner}”", field.place),
                ),
                span,
            )
            .hint(ctx.t(
                format!("补上“{partner}”，或删去多余的“{c}”"),
                format!("add the “{partner}”, or remove the “{c}”"),
            )),
        );
    }
}

/// The full-width form of a half-width punctuation mark.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

/// Half-width , ; : ( ) ? ! between Chinese characters; spaces between Chinese
/// characters and digits; repeated punctuation such as 。。 or ，，.
fn punctuation(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    let text = &field.text.value;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let locate = |needle: String, from: usize| {
        let nth = text[..from].matches(needle.as_str()).count();
        ctx.span_within(field.text, &needle, nth)
    };
    for (i, &(at, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|n| n.1);
        if let Some(wide) = full_width(c)
            && prev.is_some_and(is_han)
            && next.is_some_and(is_han)
        {
            let span = locate(c.to_string(), at);
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::HalfWidthPunctuation,
                    ctx.t(
                        format!("{}中的半角“{c}”夹在汉字之间", field.place),
                        format!(
                            "half-width “{c}” between Chinese characters in {}",
                            field.place
                        ),
                    ),
                    span,
                )
                .hint(ctx.t(
                    format!("改为全角“{wide}”"),
                    format!("write the full-width “{wide}”"),
                )),
            );
        }
        if c == ' ' {
            let digit_then_han =
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(is_han);
            let han_then_digit =
                prev.is_some_and(is_han) && next.is_some_and(|n| n.is_ascii_digit());
            if digit_then_han || han_then_digit {
                let pair: String = [prev.unwrap_or(' '), ' ', next.unwrap_or(' ')]
                    .iter()
                    .collect();
                // The space: after the first character of the pair.
                let pair_span = locate(pair, chars[i - 1].0);
                let first_len = prev.map_or(1, char::len_utf8);
                let span = Span::new(pair_span.start + first_len, pair_span.start + first_len + 1);
                out.push(
                    ctx.at(
                        Severity::Warning,
                        Code::SpaceAroundDigits,
                        ctx.t(
                            format!("{}中汉字与数字之间有空格", field.place),
                            format!(
                                "a space between a Chinese character and a digit in {}",
                                field.place
                            ),
                        ),
                        span,
                    )
                    .hint(ctx.t(
                        "删去空格：写“2020年”而不是“2020 年”",
                        "remove the space: “2020年”, not “2020 年”",
                    )),
                );
            }
        }
        if "。，、；：".contains(c) && next == Some(c) && prev != Some(c) {
            let pair: String = [c, c].iter().collect();
            let span = locate(pair, at);
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::RepeatedPunctuation,
                    ctx.t(
                        format!("{}中标点“{c}”重复", field.place),
                        format!("repeated “{c}” in {}", field.place),
                    ),
                    span,
                )
                .hint(ctx.t("删去多余的标点", "remove the extra mark")),
            );
        }
    }
}

/// A paragraph or point ends with sentence-final punctuation.
fn sentence_end(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    let text = field.text.value.trim_end();
    // Nothing, or only a closing mark, is reported elsewhere (empty text).
    let only_closer = text.chars().count() == 1 && crate::cjk::CLOSERS.contains(text);
    if text.is_empty() || only_closer || ends_sentence(text) {
        return;
    }
    let tail: String = text.chars().rev().take(1).collect();
    let nth = text.matches(tail.as_str()).count().saturating_sub(1);
    let span = ctx.span_within(field.text, &tail, nth);
    out.push(
        ctx.at(
            Severity::Warning,
            Code::MissingEndPunctuation,
            ctx.t(
                format!("{}末尾缺少句末标点", field.place),
                format!("{} does not end with a full stop", field.place),
            ),
            span,
        )
        .hint(ctx.t("在句末加“。”", "end the sentence with “。” or “.”")),
    );
}
