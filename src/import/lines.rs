//! Reading the text: decoding, cleaning lines, joining lines that a page break or
//! hard wrapping split, and what each paragraph starts with (一、 （一） 1. 一是 …).

use crate::locale::tr;
use crate::model::Lang;

/// Decodes text: UTF-16 when it starts with its byte-order mark (Notepad's
/// "Unicode"), UTF-8 (a BOM is dropped), else GB18030 (which covers GBK).
/// Returns the text and the encoding it was read as.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if errors {
            return Err(format!("the file is not valid {} text", encoding.name()));
        }
        return Ok((text.into_owned(), encoding.name()));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), "UTF-8"));
    }
    let (text, _, errors) = encoding_rs::GB18030.decode(bytes);
    if errors {
        return Err("the file is neither UTF-8 nor GB18030/GBK text".into());
    }
    Ok((text.into_owned(), "GB18030"))
}

/// A line of the source, cleaned, with its 1-based number.
pub struct Line {
    pub no: usize,
    pub text: String,
    /// What the document's formatting says of it (a Word file's styles and fonts).
    pub hint: Hint,
    /// A table: its rows of cells (`text` holds them all, for messages).
    pub table: Option<Vec<Vec<String>>>,
}

impl Line {
    pub(super) fn new(no: usize, text: String) -> Line {
        Line {
            no,
            text,
            hint: Hint::None,
            table: None,
        }
    }
}

/// What a Word file's formatting says a paragraph is: its title style, or a
/// heading by style, outline level or font (黑体 for 一、, 楷体 for （一）).
/// Only a hint: the text's own numbering decides the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hint {
    #[default]
    None,
    Title,
    /// A heading of level 1 (一、), 2 (（一）) … as formatted.
    Heading(u8),
}

/// A paragraph of a document read as paragraphs (a Word file): its text (soft
/// line breaks already resolved), what its formatting hints, or a table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Para {
    pub text: String,
    pub hint: Hint,
    pub table: Option<Vec<Vec<String>>>,
}

/// Sentence-final marks: a line ending with one is complete.
pub(super) fn is_complete(text: &str) -> bool {
    crate::cjk::ends_sentence(text)
}

/// An ideograph or a full-width punctuation mark.
pub(super) fn is_han(c: char) -> bool {
    crate::cjk::is_han(c) || "，。、；：？！“”‘’（）《》【】".contains(c)
}

/// Drops the spaces between Chinese characters (or punctuation) and digits.
pub(super) fn drop_digit_spaces(text: &str) -> String {
    // A run of spaces is dropped or kept whole: its characters on either side
    // decide, found once per run (a search per space was quadratic).
    let mut out = String::with_capacity(text.len());
    let mut before = None;
    let mut rest = text;
    while let Some(at) = rest.find(' ') {
        let (kept, from) = rest.split_at(at);
        out.push_str(kept);
        before = kept.chars().next_back().or(before);
        let run = from.len() - from.trim_start_matches(' ').len();
        let after = from[run..].chars().next();
        let drop = matches!((before, after), (Some(p), Some(n))
            if (is_han(p) && n.is_ascii_digit()) || (p.is_ascii_digit() && is_han(n)));
        if !drop {
            out.push_str(&from[..run]);
        }
        rest = &from[run..];
    }
    out.push_str(rest);
    out
}

/// Whether a paragraph ends with a line: a sentence ends there (。！？…, not ；
/// or ：, after which hard-wrapped text goes on).
pub(super) fn ends_paragraph(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['”', '’', '）', '》', ')', '"']);
    trimmed.ends_with(['。', '！', '？', '…', '!', '?'])
        || (trimmed.ends_with('.') && !trimmed.ends_with(".."))
}

/// The width of hard-wrapped lines, when the text is wrapped: the length most
/// lines of 15 characters or more have (give or take one), if it is that of a
/// quarter of them and at least three.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    // How many lines have each length; then, for each length, those within
    // one of it (a comparison of every pair was quadratic).
    let mut lines_of = std::collections::BTreeMap::<usize, usize>::new();
    for n in lines.iter().map(|l| l.text.chars().count()) {
        if n >= 15 {
            *lines_of.entry(n).or_default() += 1;
        }
    }
    let within_one = |n: usize| {
        (n - 1..=n + 1)
            .filter_map(|m| lines_of.get(&m))
            .sum::<usize>()
    };
    // The most lines near one length; of equals, the longest length.
    let (best, best_count) = lines_of
        .keys()
        .map(|&n| (n, within_one(n)))
        .max_by_key(|&(n, count)| (count, n))?;
    let measured: usize = lines_of.values().sum();
    (best_count >= 3 && best_count * 4 >= measured).then_some(best)
}

/// Whether a document is written in English: letters, hardly any Chinese.
pub fn is_english(text: &str) -> bool {
    let letters = text.chars().filter(char::is_ascii_alphabetic).count();
    let han = text.chars().filter(|c| crate::cjk::is_han(*c)).count();
    letters > 40 && han * 20 < letters
}

/// Joins two pieces of one paragraph: no space between Chinese text, a space
/// after Latin text or its punctuation ("year. Some").
pub(super) fn join(a: &str, b: &str) -> String {
    let mut joined = a.to_string();
    join_onto(&mut joined, b);
    joined
}

/// [`join`] in place: `b` added to the end of `a`.
fn join_onto(a: &mut String, b: &str) {
    let space = a
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || ".,;:!?)'\"%".contains(c))
        && b.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || "(£$€'\"".contains(c));
    if space {
        a.push(' ');
    }
    a.push_str(b);
}

/// Markdown reduced to its text: heading marks, strong marks, escapes, hard breaks.
pub(super) fn strip_markdown(line: &str) -> String {
    let line = line.trim_start_matches('#').trim_start();
    let line = line.strip_suffix('\\').unwrap_or(line);
    let line = line.replace("**", "").replace("<br>", "");
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub(super) enum Mark {
    /// 一、
    Part,
    /// （一）
    Section,
    /// 1. or 1、 before a heading
    Sub,
    /// （1）
    SubSub,
    /// 1. before an item that ends a sentence
    Item,
    /// 一是 / 二是 …
    Point,
    None,
}

pub(super) const CN_DIGITS: &str = "一二三四五六七八九十";

/// What a paragraph starts with, and the rest of it.
pub(super) fn mark(text: &str) -> (Mark, &str, &str) {
    let cn_len: usize = text
        .char_indices()
        .take_while(|(_, c)| CN_DIGITS.contains(*c))
        .map(|(_, c)| c.len_utf8())
        .sum();
    if cn_len > 0 {
        let rest = &text[cn_len..];
        if let Some(body) = rest.strip_prefix('、') {
            return (Mark::Part, &text[..cn_len + '、'.len_utf8()], body);
        }
        if let Some(body) = rest.strip_prefix('是') {
            return (Mark::Point, &text[..cn_len + '是'.len_utf8()], body);
        }
    }
    if let Some(inner) = text.strip_prefix('（') {
        let n: usize = inner
            .char_indices()
            .take_while(|(_, c)| CN_DIGITS.contains(*c))
            .map(|(_, c)| c.len_utf8())
            .sum();
        if n > 0 && inner[n..].starts_with('）') {
            let end = '（'.len_utf8() + n + '）'.len_utf8();
            return (Mark::Section, &text[..end], &text[end..]);
        }
        let d: usize = inner.chars().take_while(char::is_ascii_digit).count();
        if d > 0 && inner[d..].starts_with('）') {
            let end = '（'.len_utf8() + d + '）'.len_utf8();
            return (Mark::SubSub, &text[..end], &text[end..]);
        }
    }
    let d: usize = text.chars().take_while(char::is_ascii_digit).count();
    if d > 0 && d < 3 {
        let rest = &text[d..];
        for sep in [".", "、", "．"] {
            if let Some(body) = rest.strip_prefix(sep) {
                let kind = if is_complete(body) {
                    Mark::Item
                } else {
                    Mark::Sub
                };
                return (kind, &text[..d + sep.len()], body.trim_start());
            }
        }
    }
    (Mark::None, "", text)
}

/// What a web page or a PDF page puts around a document: a breadcrumb, the
/// date of publication, view counts, "扫一扫", print and close links, page
/// numbers ("— 2 —", "第2页").
pub(super) fn is_furniture(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let short = t.chars().count() <= 60;
    let starts = [
        "首页>",
        "首页＞",
        "首页»",
        "当前位置",
        "您的位置",
        "您现在的位置",
    ];
    let holds = [
        "发布时间",
        "发布日期",
        "浏览次数",
        "阅读次数",
        "点击数",
        "访问量",
        "扫一扫",
        "关闭窗口",
        "打印本页",
        "分享到",
        "上一篇",
        "下一篇",
        "【打印】",
        "【关闭】",
        "字号：",
    ];
    let page_number = {
        let inner = t.trim_matches(|c| matches!(c, '—' | '-' | '－' | '第' | '页'));
        !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) && inner.len() <= 3
    } || (t.starts_with('第') && t.contains("页共") && t.ends_with('页'));
    // "时间:2021-12-30 作者:…", "来源：…", "本文由…整理", "（供稿：…）".
    let meta_line = ["时间", "来源", "作者", "编辑", "责任编辑", "供稿"]
        .iter()
        .any(|w| {
            t.strip_prefix(w)
                .is_some_and(|r| r.starts_with([':', '：']) && !t.contains('。'))
        });
    let compiled = t.starts_with("本文由") && t.contains("整理") && short;
    starts.iter().any(|s| t.starts_with(s))
        || (short && (meta_line || compiled || byline(&t).is_some_and(|b| b.len() == t.len())))
        || (short && holds.iter().any(|h| t.contains(h)))
        || (short && t.contains('>') && t.matches('>').count() >= 2 && !t.contains('。'))
        || page_number
}

/// A byline at the end of a line: "（供稿：城关区教育局工会）", "(来源:…)";
/// the text it starts at.
pub(super) fn byline(t: &str) -> Option<&str> {
    let t = t.trim_end();
    if !t.ends_with(['）', ')']) {
        return None;
    }
    let open = t.rfind(['（', '('])?;
    let inner = t[open..].trim_start_matches(['（', '(']);
    ["供稿", "来源", "作者", "撰稿", "通讯员", "文/", "图/"]
        .iter()
        .any(|w| {
            inner
                .strip_prefix(w)
                .is_some_and(|r| w.ends_with('/') || r.starts_with([':', '：']))
        })
        .then(|| &t[open..])
}

/// The prefix a 范文 site puts before a document's title: "第一篇：", "范文二：".
pub(super) fn title_prefix(t: &str) -> Option<usize> {
    let colon = t.find(['：', ':'])?;
    let head = &t[..colon];
    let numbered = |h: &str| {
        !h.is_empty()
            && h.chars()
                .all(|c| CN_DIGITS.contains(c) || c.is_ascii_digit())
    };
    let prefix = head
        .strip_prefix('第')
        .and_then(|h| h.strip_suffix('篇'))
        .is_some_and(numbered)
        || head.strip_prefix("篇").is_some_and(numbered)
        || head.strip_prefix("范文").is_some_and(numbered);
    let rest = &t[colon..];
    let rest = rest.trim_start_matches(['：', ':', ' ']);
    (prefix && !rest.is_empty()).then_some(t.len() - rest.len())
}

/// The kind of document a title names.
pub(super) fn names_kind(t: &str) -> bool {
    ["总结", "计划", "要点", "报告", "Report", "Plan"]
        .iter()
        .any(|w| t.contains(w))
}

/// A web site's name glued to the title, before it ("某某县人民政府网 2021…",
/// "范文网2021…") or after it ("…工作总结_范文网", "…工作总结 - 某某网"): the
/// title without it, and the name.
pub(super) fn strip_site_name(t: &str) -> Option<(String, String)> {
    let site_words = [
        "门户网站",
        "政府网",
        "范文网",
        "文秘网",
        "新闻网",
        "信息网",
        "教育网",
        "公文网",
        "网站",
        "文库",
        "范文大全",
    ];
    let separators = [' ', '|', '_', '-', '－', '—', '·'];
    // Before: the name ends at a site word.
    for w in site_words {
        if let Some(at) = t.find(w) {
            let end = at + w.len();
            let rest = t[end..].trim_start_matches(separators);
            if names_kind(rest) && !names_kind(&t[..end]) && end <= 45 {
                return Some((rest.to_string(), t[..end].trim().to_string()));
            }
        }
    }
    // After: "title_site", "title - site", "title | site".
    for sep in ["_", " - ", " | ", "|", " — "] {
        if let Some(at) = t.rfind(sep) {
            let (title, site) = (t[..at].trim(), t[at + sep.len()..].trim());
            if names_kind(title)
                && !site.is_empty()
                && !names_kind(site)
                && site.chars().count() <= 20
                && (site_words.iter().any(|w| site.contains(w)) || site.ends_with('网'))
            {
                return Some((title.to_string(), site.to_string()));
            }
        }
    }
    None
}

/// Half-width brackets of a paragraph's number ("(一)", "(1)") and half-width
/// , ; : ( ) between Chinese characters made full-width, as a 公文 writes them;
/// with the columns changed.
pub(super) fn full_width_marks(line: &str) -> (String, Vec<usize>) {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut fixed = Vec::new();
    // "(一)", "（一)", "(1）": a number's brackets, either of them half-width.
    let number_end = if matches!(chars.first(), Some('(' | '（')) {
        chars
            .iter()
            .position(|c| matches!(c, ')' | '）'))
            .filter(|&close| {
                close > 1
                    && close <= 4
                    && chars[1..close]
                        .iter()
                        .all(|c| CN_DIGITS.contains(*c) || c.is_ascii_digit())
            })
    } else {
        None
    };
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let between = prev.is_some_and(is_han) && next.is_some_and(is_han);
        // After Chinese text, at the end of the line ("提高;") or before a
        // figure ("提高;2022年"): Chinese punctuation as well.
        let after_han = prev.is_some_and(|p| is_han(p) && !"“‘（《".contains(p))
            && next.is_none_or(|n| is_han(n) || n.is_ascii_digit());
        let in_number = number_end.is_some_and(|end| i == 0 || i == end);
        let wide = match c {
            '(' if in_number || between => Some('（'),
            ')' if in_number || between => Some('）'),
            ',' if between || after_han => Some('，'),
            ';' if between || after_han => Some('；'),
            ':' if between || after_han => Some('：'),
            '?' if after_han && next.is_none() => Some('？'),
            '!' if after_han && next.is_none() => Some('！'),
            _ => None,
        };
        match wide {
            Some(w) => {
                out.push(w);
                fixed.push(i + 1);
            }
            None => out.push(c),
        }
    }
    (out, fixed)
}

/// A date line: "2020年12月8日" → 2020-12-08.
pub(super) fn date_line(text: &str) -> Option<String> {
    let english = text.trim().replace(',', "");
    for format in ["%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y"] {
        if let Ok(date) = chrono::NaiveDate::parse_from_str(&english, format) {
            return Some(date.to_string());
        }
    }
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match crate::cjk::chinese_dates(&t).as_slice() {
        [only] if only.written == t => only.date().map(|date| date.to_string()),
        _ => None,
    }
}

/// A line cleaned: blank, dropped as page furniture, or its text.
enum Cleaned {
    Blank,
    Dropped,
    Text(String),
}

/// Cleans one line of the source (line `no`): control characters and
/// full-width spaces, Markdown markup, page furniture, half-width marks and
/// the spaces between Chinese and digits; what it changed goes to `warnings`.
fn clean(
    no: usize,
    raw: &str,
    markdown: bool,
    lang: Lang,
    warnings: &mut Vec<(usize, String)>,
    dropped: &mut Vec<(usize, String)>,
) -> Cleaned {
    let raw = raw.replace(['\u{c}', '\r'], "");
    // Other control characters have no place in a document (E0007).
    let raw = if raw.chars().any(|c| c.is_control() && c != '\t') {
        warnings.push((no, tr!(lang, "import-control-dropped")));
        raw.chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .collect()
    } else {
        raw
    };
    let mut t = raw.trim().replace('\u{3000}', " ").trim().to_string();
    if markdown {
        if t.starts_with("<!--") || t == "---" {
            return Cleaned::Blank;
        }
        t = strip_markdown(&t).trim().to_string();
    }
    if t.is_empty() {
        return Cleaned::Blank;
    }
    let mut drop = |piece: &str| {
        warnings.push((no, tr!(lang, "import-furniture-dropped", text = piece)));
        dropped.push((no, piece.to_string()));
    };
    if is_furniture(&t) {
        drop(&t);
        return Cleaned::Dropped;
    }
    // A byline after the text ("2021年12月25日（供稿：…）"), a 范文 site's
    // "第一篇：" before a title.
    if let Some(b) = byline(&t) {
        drop(b);
        t.truncate(t.len() - b.len());
        t = t.trim_end().to_string();
    }
    if let Some(at) = title_prefix(&t)
        && names_kind(&t[at..])
        && t[at..].chars().count() <= 40
        && !is_complete(&t[at..])
    {
        drop(&t[..at]);
        t = t[at..].to_string();
    }
    let (t, fixed) = full_width_marks(&t);
    if !fixed.is_empty() {
        let columns: Vec<String> = fixed.iter().map(usize::to_string).collect();
        warnings.push((
            no,
            tr!(
                lang,
                "import-half-width",
                columns = columns.join(&tr!(lang, "list-separator")),
                line = &t
            ),
        ));
    }
    Cleaned::Text(drop_digit_spaces(&t))
}

/// Paragraphs of the document: lines cleaned and joined where a sentence goes on.
pub(super) fn paragraphs(
    text: &str,
    markdown: bool,
    warnings: &mut Vec<(usize, String)>,
    dropped: &mut Vec<(usize, String)>,
) -> Vec<Line> {
    let english = is_english(text);
    let lang = if english { Lang::En } else { Lang::Zh };
    let mut lines: Vec<Line> = Vec::new();
    // English paragraphs end at a blank line: the lines after one.
    let mut after_blank: Vec<usize> = Vec::new();
    let mut blank = false;
    for (i, raw) in text.lines().enumerate() {
        match clean(i + 1, raw, markdown, lang, warnings, dropped) {
            Cleaned::Blank => blank = true,
            cleaned => {
                if std::mem::take(&mut blank) {
                    after_blank.push(i + 1);
                }
                if let Cleaned::Text(text) = cleaned {
                    lines.push(Line::new(i + 1, text));
                }
            }
        }
    }
    if english {
        lines = lines.into_iter().flat_map(split_english_sections).collect();
    }
    web_title(&mut lines, lang, warnings, dropped);
    join_title(&mut lines);
    join_lines(lines, english, &after_blank, false)
}

/// An English line that runs on into the next numbered heading ("3.2 Reach
/// … a quarter. 3.3 Follow up …", as PDF text may join them) split before it.
fn split_english_sections(line: Line) -> Vec<Line> {
    let number = |t: &str| -> Option<(u32, u32, usize)> {
        let (a, rest) = t.split_once('.')?;
        let b: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let end = a.len() + 1 + b.len();
        (t[end..].starts_with(' ') && !a.is_empty() && a.bytes().all(|c| c.is_ascii_digit()))
            .then(|| Some((a.parse().ok()?, b.parse().ok()?, end)))
            .flatten()
    };
    let mut out = Vec::new();
    let mut text = line.text.clone();
    while let Some((a, b, _)) = number(&text) {
        let next = format!(". {a}.{} ", b + 1);
        let Some(at) = text.find(&next) else { break };
        let rest = text.split_off(at + 2);
        text.truncate(at + 1);
        out.push(Line::new(line.no, std::mem::replace(&mut text, rest)));
    }
    out.push(Line { text, ..line });
    out
}

/// The title of a web copy: a site's name glued to it dropped, and the title
/// written again below it (the page's title, then the document's) once.
fn web_title(
    lines: &mut Vec<Line>,
    lang: Lang,
    warnings: &mut Vec<(usize, String)>,
    dropped: &mut Vec<(usize, String)>,
) {
    let Some(first) = lines.first_mut() else {
        return;
    };
    if let Some((title, site)) = strip_site_name(&first.text) {
        warnings.push((
            first.no,
            tr!(lang, "import-furniture-dropped", text = &site),
        ));
        dropped.push((first.no, site));
        first.text = title;
    }
    if lines.len() > 1 && lines[1].text == lines[0].text && lines[0].table.is_none() {
        let again = lines.remove(1);
        warnings.push((
            again.no,
            tr!(lang, "import-furniture-dropped", text = &again.text),
        ));
        dropped.push((again.no, again.text));
    }
}

/// The paragraphs of a document read as paragraphs (a Word file): each cleaned
/// as a line is, with its hint or table; `numbers` are their lines in the text
/// shown with warnings. They are joined only when the document is
/// hard-wrapped (lines pasted as paragraphs).
pub(super) fn word_paragraphs(
    paras: Vec<Para>,
    numbers: &[usize],
    lang: Lang,
    warnings: &mut Vec<(usize, String)>,
    dropped: &mut Vec<(usize, String)>,
) -> Vec<Line> {
    let mut lines = Vec::new();
    for (para, &no) in paras.into_iter().zip(numbers) {
        if let Some(rows) = para.table {
            let mut line = Line::new(no, table_text(&rows));
            line.table = Some(rows);
            lines.push(line);
        } else if let Cleaned::Text(text) = clean(no, &para.text, false, lang, warnings, dropped) {
            let mut line = Line::new(no, text);
            line.hint = para.hint;
            lines.push(line);
        }
    }
    web_title(&mut lines, lang, warnings, dropped);
    join_title(&mut lines);
    join_lines(lines, false, &[], true)
}

/// A table's text as one paragraph: its cells in order, a space between.
pub(super) fn table_text(rows: &[Vec<String>]) -> String {
    rows.iter()
        .flatten()
        .filter(|c| !c.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title in two lines, the office then "2021年工作总结" (or two lines a Word
/// file styles as its title), made one.
fn join_title(lines: &mut Vec<Line>) {
    let kind_words = ["总结", "计划", "要点", "报告", "Report", "Plan"];
    let names_kind = |t: &str| kind_words.iter().any(|w| t.contains(w));
    if let [first, second, ..] = lines.as_slice()
        && first.table.is_none()
        && second.table.is_none()
        && ((!names_kind(&first.text) && names_kind(&second.text))
            || (first.hint == Hint::Title && second.hint == Hint::Title))
        && !is_complete(&second.text)
        && second.text.chars().count() <= if second.text.is_ascii() { 60 } else { 30 }
        && mark(&second.text).0 == Mark::None
    {
        let title = join(&first.text, &second.text);
        lines.remove(1);
        lines[0].text = title;
    }
}

/// Joins the lines a page break or hard wrapping split. `whole`: the lines
/// are paragraphs already (a Word file), joined only when hard-wrapped, and
/// a table never joins.
fn join_lines(lines: Vec<Line>, english: bool, after_blank: &[usize], whole: bool) -> Vec<Line> {
    // The end: a date line, and the signature above it.
    let date_at = lines.iter().rposition(|l| date_line(&l.text).is_some());
    let wrap = wrap_width(&lines);
    if whole && wrap.is_none() {
        return lines;
    }
    // Each paragraph with what the joins ask of it, kept as it grows: a
    // paragraph of many joined lines is not read again for each (that was
    // quadratic).
    let mut out: Vec<(Line, Opened)> = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        let opened = Opened::of(&line.text);
        // A heading (no sentence inside) or the title, date, signature and
        // attachment lines never join; a marked paragraph (一是…, run-in
        // （一）…。…) may continue on the next line but never continues another.
        let heading = |facts: &Opened, text: &str, index: usize| {
            index == 0
                || (matches!(
                    facts.mark(text),
                    Mark::Part | Mark::Section | Mark::Sub | Mark::SubSub
                ) && !facts.full_stop)
                || date_at.is_some_and(|d| index + 1 >= d)
                || text.starts_with("附件")
        };
        // A line as long as the wrap width that ends no sentence goes on in
        // the next line, even when it starts with a number ("1. 加强理论学习，…").
        let wrapped = |facts: &Opened, text: &str| {
            wrap.is_some_and(|w| facts.chars + 1 >= w) && !ends_paragraph(text)
        };
        let joins = match out.last() {
            Some((prev, _)) if prev.table.is_some() || line.table.is_some() => false,
            Some((prev, facts)) if english => {
                after_blank.binary_search(&line.no).is_err()
                    && !heading(facts, &prev.text, i - 1)
                    && !heading(&opened, &line.text, i)
                    && opened.mark == Mark::None
            }
            Some((prev, facts)) => {
                // A list's line ending in "；" ("1月12日，召开……；") ends its
                // paragraph, unless the text is hard-wrapped there.
                let list_line = prev.text.ends_with('；')
                    && (!wrapped(facts, &prev.text) || (dated(&prev.text) && dated(&line.text)));
                let more_points = continues_points(facts, &prev.text, &line.text);
                !ends_paragraph(&prev.text)
                    && (!list_line || more_points)
                    && (!heading(facts, &prev.text, i - 1) || (wrapped(facts, &prev.text) && i > 1))
                    && !heading(&opened, &line.text, i)
                    && (opened.mark == Mark::None || more_points)
            }
            None => false,
        };
        if joins && let Some((prev, facts)) = out.last_mut() {
            // Both sides are trimmed and their spaces between Chinese and
            // digits already dropped: joining them makes no new such space.
            let before = prev.text.len();
            join_onto(&mut prev.text, &line.text);
            if !facts.settled && opened.settled {
                // The mark may end in the line joined ("一" then "、…"): read
                // once more, now that it is whole.
                *facts = Opened::of(&prev.text);
            } else {
                facts.chars += prev.text[before..].chars().count();
                facts.full_stop |= opened.full_stop;
            }
        } else {
            out.push((line, opened));
        }
    }
    out.into_iter().map(|(line, _)| line).collect()
}

/// Whether a line starts with a day of a month: "1月12日，召开……；".
fn dated(text: &str) -> bool {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && digits <= 2 && text[digits..].starts_with('月')
}

/// Whether `line`, a point "二是……", goes on with the points inside the
/// paragraph before it ("……：一是……；" wrapped before 二是): that paragraph
/// holds the point before it and does not start with a point of its own.
fn continues_points(facts: &Opened, prev: &str, line: &str) -> bool {
    let (m, marker, _) = mark(line);
    if m != Mark::Point || facts.mark == Mark::Point {
        return false;
    }
    let digits = marker.trim_end_matches('是');
    let Some(n) = crate::numerals::parse_chinese(digits).filter(|n| *n > 1) else {
        return false;
    };
    let before = format!("{}是", crate::numerals::chinese(n - 1));
    prev.contains(&before)
}

/// What deciding a join needs to know of a paragraph: its mark, whether it
/// holds a full stop, its length in characters.
struct Opened {
    mark: Mark,
    /// The bytes of the mark ("1. "): what follows is the body.
    mark_len: usize,
    full_stop: bool,
    chars: usize,
    /// Whether the text holds a character no mark is made of: until it does,
    /// text joined after it may complete a mark.
    settled: bool,
}

impl Opened {
    fn of(text: &str) -> Opened {
        let (mark, _, body) = mark(text);
        Opened {
            mark,
            mark_len: text.len() - body.len(),
            full_stop: text.contains('。'),
            chars: text.chars().count(),
            settled: text
                .chars()
                .any(|c| !(CN_DIGITS.contains(c) || c == '（' || c.is_ascii_digit())),
        }
    }

    /// The mark of the paragraph as it is now: "1." is an item's when the
    /// paragraph ends a sentence, a heading's otherwise.
    fn mark(&self, text: &str) -> Mark {
        match self.mark {
            Mark::Item | Mark::Sub if is_complete(&text[self.mark_len..]) => Mark::Item,
            Mark::Item | Mark::Sub => Mark::Sub,
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of up to five pieces from `pieces`.
    fn texts_of(pieces: &[&str]) -> Vec<String> {
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.dedup();
        }
        texts
    }

    #[test]
    fn spaces_are_dropped_as_a_search_from_each_space_would_drop_them() {
        // The reference: for each space, the nearest other characters on
        // both sides, searched for (as before runs were handled whole).
        let reference = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let mut out = String::new();
            for (i, &c) in chars.iter().enumerate() {
                if c == ' ' {
                    let prev = chars[..i].iter().rev().find(|c| **c != ' ');
                    let next = chars[i + 1..].iter().find(|c| **c != ' ');
                    if let (Some(&p), Some(&n)) = (prev, next)
                        && ((is_han(p) && n.is_ascii_digit()) || (p.is_ascii_digit() && is_han(n)))
                    {
                        continue;
                    }
                }
                out.push(c);
            }
            out
        };
        let texts = texts_of(&[" ", "  ", "人", "4", "a", "，", "\t"]);
        assert!(texts.len() > 10_000);
        for text in &texts {
            assert_eq!(drop_digit_spaces(text), reference(text), "{text:?}");
        }
        assert_eq!(
            drop_digit_spaces("参加  411 人， 共 3 次 a 1"),
            "参加411人， 共3次 a 1"
        );
    }

    #[test]
    fn the_wrap_width_is_the_length_most_lines_are_near() {
        let lines = |lengths: &[usize]| -> Vec<Line> {
            lengths
                .iter()
                .map(|&n| Line::new(1, "字".repeat(n)))
                .collect()
        };
        // Lines of 29 and 31 count for 30, not for each other.
        assert_eq!(wrap_width(&lines(&[30, 30, 31, 31, 29, 10, 12])), Some(30));
        // As many near 30 as near 33: the longer wins.
        assert_eq!(wrap_width(&lines(&[30, 30, 30, 33, 33, 33])), Some(33));
        assert_eq!(wrap_width(&lines(&[30, 30, 30, 50, 60, 70])), Some(30));
        // Fewer than three near one length, or under a quarter of the lines.
        assert_eq!(wrap_width(&lines(&[30, 30, 50, 60])), None);
        assert_eq!(
            wrap_width(&lines(&[
                30, 30, 30, 40, 43, 46, 49, 52, 55, 58, 61, 64, 67
            ])),
            None
        );
        assert_eq!(wrap_width(&lines(&[5, 5, 5, 5])), None);
    }

    #[test]
    fn each_encoding_is_named_as_read() {
        let text = "关于2020年工作总结\n";
        let utf16le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&utf16le), Ok((text.to_string(), "UTF-16LE")));
        assert_eq!(decode(&utf16be), Ok((text.to_string(), "UTF-16BE")));
        assert_eq!(decode(text.as_bytes()), Ok((text.to_string(), "UTF-8")));
        assert_eq!(decode(&gbk), Ok((text.to_string(), "GB18030")));
    }
}
