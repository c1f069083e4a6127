//! Figures written in text: a number and its unit ("411人", "17项", "8.5万元",
//! "1000余份", "3万余元"), with the words that say what is counted. Import
//! makes counts of them; the editor offers each as "设为统计数字".

use crate::model::Approx;

/// The units a figure is read with, longest first where one starts another,
/// each with the English word import names a count after.
pub const UNITS: [(&str, &str); 25] = [
    ("人次", "person_times"),
    ("户次", "household_visits"),
    ("万元", "yuan_10k"),
    ("元", "yuan"),
    ("小时", "hours"),
    ("人", "people"),
    ("名", "persons"),
    ("位", "members"),
    ("个", "units"),
    ("项", "items"),
    ("件", "cases"),
    ("次", "times"),
    ("类", "kinds"),
    ("条", "entries"),
    ("篇", "articles"),
    ("份", "copies"),
    ("所", "institutions"),
    ("户", "households"),
    ("场", "events"),
    ("期", "sessions"),
    ("天", "days"),
    ("家", "organisations"),
    ("支", "teams"),
    ("%", "percent"),
    ("％", "percent"),
];

/// Marks that end a clause: a label never reaches across them.
const CLAUSE_ENDS: &str = "，。；、：（）“”‘’《》〈〉【】,;:()\n！？!?";

/// A figure read from a text's characters.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    /// The number as written: "25", "8.5".
    pub value: String,
    /// Approximate, with 余 where nianbao puts it or as written.
    pub approx: Approx,
    pub unit: String,
    /// The character after the figure's last.
    pub end: usize,
}

/// A figure found in a text, in characters (not bytes): what the editor
/// offers to make a count of.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub read: Read,
    /// What is counted, from the words around it ("慰问困难职工").
    pub label: String,
}

/// Quote marks: a figure between them (“8小时工作制”) is part of a name.
const QUOTES_OPEN: &str = "“《‘〈「";
const QUOTES_CLOSE: &str = "”》’〉」";

/// Follows the quotes a text opens and closes, character by character.
#[derive(Default)]
pub struct Quotes(i32);

impl Quotes {
    /// Takes the character in; whether it is inside quotes.
    pub fn step(&mut self, c: char) -> bool {
        if QUOTES_OPEN.contains(c) {
            self.0 += 1;
        } else if QUOTES_CLOSE.contains(c) {
            self.0 = (self.0 - 1).max(0);
        }
        self.0 > 0
    }
}

/// Whether a figure may start at character `i`: a digit outside quotes that
/// does not continue a number, a word (5G, 302室 are read from their start),
/// or an ordinal (第3次).
pub fn may_start(chars: &[char], i: usize, quoted: bool) -> bool {
    let before = |n: usize| i.checked_sub(n).map(|b| chars[b]);
    // "1,200人": the digits after a thousands comma are the same number's.
    let grouped = before(1) == Some(',') && before(2).is_some_and(|c| c.is_ascii_digit());
    chars[i].is_ascii_digit()
        && !quoted
        && !grouped
        && !before(1).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '第'))
}

/// The figure whose digits start at `i`: its number, unit and end. None: the
/// digits are no figure (no unit after them, a date, 3期间).
pub fn read(chars: &[char], i: usize) -> Option<Read> {
    let mut j = i;
    while j < chars.len()
        && (chars[j].is_ascii_digit()
            || (chars[j] == '.' && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
    {
        j += 1;
    }
    let value: String = chars[i..j].iter().collect();
    let rest: String = chars[j..].iter().take(4).collect();
    // 1000余份, 3万余元 (余 after the magnitude), 8.5万元, 411人.
    let (unit, approx, len) = if let Some(after) = rest.strip_prefix('余') {
        let (unit, _) = UNITS.iter().find(|(u, _)| after.starts_with(u))?;
        // "180余万元": 余 before a compound unit, kept where it is written.
        let approx = if unit.chars().count() > 1 && unit.starts_with('万') {
            Approx::Written(format!("余{unit}"))
        } else {
            Approx::Yes
        };
        (unit.to_string(), approx, 1 + unit.chars().count())
    } else if let Some(after) = rest.strip_prefix("万余") {
        let (unit, _) = UNITS
            .iter()
            .find(|(u, _)| after.starts_with(u) && *u == "元")?;
        (format!("万{unit}"), Approx::Yes, 3)
    } else {
        let (unit, _) = UNITS.iter().find(|(u, _)| rest.starts_with(u))?;
        (unit.to_string(), Approx::No, unit.chars().count())
    };
    let end = j + len;
    // Not a date, an ordinal or a name: 2020年, 5G, 302室, 3期间.
    let after = chars.get(end).copied();
    if matches!(after, Some('年' | '月')) || (unit == "期" && after == Some('间')) {
        return None;
    }
    Some(Read {
        value,
        approx,
        unit,
        end,
    })
}

/// What the figure from `start` to `end` counts: the words of its clause
/// before it; when they say little ("召开3次湖北员工座谈会"), the words after it.
pub fn label_of(chars: &[char], start: usize, end: usize) -> String {
    let before = label_before(chars, start);
    if before.chars().count() > 2 {
        return before;
    }
    let after: String = chars[end..]
        .iter()
        .take_while(|c| !CLAUSE_ENDS.contains(**c))
        .take(12)
        .collect();
    if after.trim().is_empty() {
        before
    } else {
        after.trim().to_string()
    }
}

/// The figures with units of a text, in order, in characters: those the
/// editor offers to make counts of. Figures already references (`{name}`)
/// are no longer digits, and are not found.
pub fn find(text: &str) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut quotes = Quotes::default();
    let mut i = 0;
    while i < chars.len() {
        let quoted = quotes.step(chars[i]);
        if may_start(&chars, i, quoted) {
            if let Some(read) = read(&chars, i) {
                let end = read.end;
                let label = label_of(&chars, i, end);
                found.push(Found {
                    start: i,
                    end,
                    read,
                    label,
                });
                i = end;
                continue;
            }
            // The rest of the number is no figure's start either.
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    found
}

/// The words of the clause before a figure: back to the last punctuation mark,
/// at most 24 characters, cut after a small word (的, 了, 共 …) rather than
/// inside a word when longer.
fn label_before(chars: &[char], i: usize) -> String {
    // Back to the clause's start, but no further than needed: once
    // LABEL_CHARS + 2 characters are read and the earliest is no space (so
    // none of them is skipped below), the label is decided by the last ones. A long clause
    // without punctuation full of figures made a scan back to its start per
    // figure: quadratic time (benches/README.md).
    let mut start = i;
    while start > 0 && !CLAUSE_ENDS.contains(chars[start - 1]) {
        start -= 1;
        if i - start >= LABEL_CHARS + 2 && !chars[start].is_whitespace() {
            break;
        }
    }
    label_of_clause(&chars[start..i])
}

/// The longest label read from the clause before a figure.
const LABEL_CHARS: usize = 24;

/// The label [`label_before`] makes of a clause (or of its end, when the
/// clause is longer than the label can be).
fn label_of_clause(clause: &[char]) -> String {
    let clause: Vec<char> = clause
        .iter()
        .copied()
        .skip_while(|c| c.is_whitespace())
        .collect();
    // "约120万元": 约 belongs to the figure's text, not to its label.
    let clause: Vec<char> = match clause.last() {
        Some('约' | '近' | '超' | '逾') => clause[..clause.len() - 1].to_vec(),
        _ => clause,
    };
    // A clause of up to LABEL_CHARS is the label whole: a shorter cut could
    // start inside a word ("入户走访" read as "户走访").
    if clause.len() <= LABEL_CHARS {
        return clause.iter().collect::<String>().trim().to_string();
    }
    let tail = &clause[clause.len() - LABEL_CHARS..];
    let cut = tail
        .iter()
        .position(|c| "的了共为对向给及和与在有".contains(*c))
        .map_or(0, |p| p + 1);
    tail[cut..].iter().collect::<String>().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label as read from the whole clause, as `label_before` did before
    /// it stopped early: the reference it must agree with.
    fn label_from_whole_clause(chars: &[char], i: usize) -> String {
        let start = chars[..i]
            .iter()
            .rposition(|c| CLAUSE_ENDS.contains(*c))
            .map_or(0, |p| p + 1);
        label_of_clause(&chars[start..i])
    }

    #[test]
    fn a_label_read_back_a_few_characters_is_the_whole_clauses_label() {
        // Clauses of every length around the characters the label
        // looks at, with spaces leading and inside (a long leading run too),
        // 约 before the figure, small words, and no punctuation at all.
        let pieces = [
            "参加活动",
            "的",
            "了",
            " ",
            "          ",
            "约",
            "，",
            "慰问困难职工",
            "共",
            "\u{3000}",
            "开展文体活动为职工",
            "组织党员干部深入基层一线",
            "x",
            "。",
        ];
        let mut texts = Vec::new();
        for a in 0..pieces.len() {
            for b in 0..pieces.len() {
                for c in 0..pieces.len() {
                    for spaces in [0, 1, 60] {
                        texts.push(format!(
                            "{}{}{}{}",
                            " ".repeat(spaces),
                            pieces[a],
                            pieces[b],
                            pieces[c]
                        ));
                    }
                }
            }
        }
        texts.push("参加活动411人".repeat(50));
        let mut compared = 0;
        for text in &texts {
            let chars: Vec<char> = text.chars().chain("411人".chars()).collect();
            let at = chars.len() - 4;
            assert_eq!(
                label_before(&chars, at),
                label_from_whole_clause(&chars, at),
                "{text:?}"
            );
            compared += 1;
        }
        assert_eq!(compared, 14 * 14 * 14 * 3 + 1);
    }

    #[test]
    fn figures_with_units_are_found_with_their_labels() {
        let text = "慰问困难职工25户，召开3次湖北员工座谈会；“8小时工作制”，2020年第3次，\
                    发放慰问品1000余份、资金3万余元，占比12.5%，{visits}，1,200人";
        let chars: Vec<char> = text.chars().collect();
        let found = find(text);
        let written: Vec<String> = found
            .iter()
            .map(|f| chars[f.start..f.end].iter().collect())
            .collect();
        assert_eq!(written, ["25户", "3次", "1000余份", "3万余元", "12.5%"]);
        assert_eq!(
            found
                .iter()
                .map(|f| format!("{}|{}|{}", f.read.value, f.read.unit, f.label))
                .collect::<Vec<_>>(),
            [
                "25|户|慰问困难职工",
                "3|次|湖北员工座谈会",
                "1000|份|发放慰问品",
                "3|万元|资金",
                "12.5|%|占比"
            ]
        );
    }
}
