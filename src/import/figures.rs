//! Figures with units in the text ("411人", "17项", "8.5万元", "1000余份") become
//! `{name}` references and named counts.

/// A figure with its unit found in a text.
pub(super) struct Figure {
    pub value: String,
    /// Approximate, with 余 where nianbao puts it or as written.
    pub approx: crate::model::Approx,
    pub unit: String,
    pub label: String,
}

const UNITS: [(&str, &str); 25] = [
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

/// Words of a label that say what is counted, and the count's name for them.
const WHAT: [(&str, &str); 24] = [
    ("捐赠", "donations"),
    ("救助", "relief"),
    ("生日", "birthdays"),
    ("慰问金", "relief_funds"),
    ("资金", "funds"),
    ("经费", "funds"),
    ("困难", "hardship"),
    ("慰问", "visits"),
    ("走访", "visits"),
    ("会员", "members"),
    ("入会", "members"),
    ("提案", "proposals"),
    ("培训", "trainings"),
    ("体检", "checkups"),
    ("会议", "meetings"),
    ("座谈", "meetings"),
    ("稿件", "articles"),
    ("工作室", "studios"),
    ("课题", "projects"),
    ("竞赛", "contests"),
    ("比武", "contests"),
    ("活动", "activities"),
    ("公开", "disclosures"),
    ("工会", "unions"),
];

/// Replaces figures such as "411人", "17项", "8.5万元", "1000余份", "3万余元"
/// by `{name}` references and records the counts. A figure inside quotes or a
/// book title (“8小时工作制”) stays text.
#[derive(Default)]
pub(super) struct Counts {
    pub figures: Vec<(String, Figure)>,
    /// The names of `figures`, and for each base name the next suffix to try:
    /// a name is found in constant time however many figures share a base
    /// (a linear search made a long document's import quadratic).
    taken: std::collections::HashSet<String>,
    next_suffix: std::collections::HashMap<String, usize>,
}

/// Marks that end a clause: a label never reaches across them.
const CLAUSE_ENDS: &str = "，。；、：（）“”‘’《》〈〉【】,;:()\n！？!?";

impl Counts {
    pub fn extract(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut quoted = 0i32;
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '“' | '《' | '‘' | '〈' | '「' => quoted += 1,
                '”' | '》' | '’' | '〉' | '」' => quoted = (quoted - 1).max(0),
                _ => {}
            }
            let starts = chars[i].is_ascii_digit()
                && quoted == 0
                && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.'))
                && !(i > 0 && chars[i - 1] == '第');
            if starts && let Some(end) = self.figure_at(&chars, i) {
                let name = &self.figures.last().expect("just found").0;
                out.push_str(&format!("{{{name}}}"));
                i = end;
                continue;
            }
            if starts {
                // The digits of what is no figure: copied as they are.
                let mut j = i;
                while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                    j += 1;
                }
                out.extend(&chars[i..j]);
                i = j;
                continue;
            }
            // Literal braces are written {{ and }} in the input format.
            match chars[i] {
                '{' => out.push_str("{{"),
                '}' => out.push_str("}}"),
                c => out.push(c),
            }
            i += 1;
        }
        out
    }

    /// The figure whose digits start at `i`, recorded; where it ends.
    fn figure_at(&mut self, chars: &[char], i: usize) -> Option<usize> {
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
        use crate::model::Approx;
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
        // "召开3次湖北员工座谈会": a clause that says little before the figure
        // is labelled by the words after it.
        let before = label_before(chars, i);
        let label = if before.chars().count() <= 2 {
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
        } else {
            before
        };
        let word = UNITS
            .iter()
            .find(|(u, _)| *u == unit || (unit == "万元" && *u == "万元"))
            .map_or("figures", |(_, w)| w);
        let base = WHAT
            .iter()
            .find(|(k, _)| label.contains(k))
            .map_or(word, |(_, w)| w);
        let name = self.unused_name(base);
        self.taken.insert(name.clone());
        self.figures.push((
            name,
            Figure {
                value,
                approx,
                unit,
                label,
            },
        ));
        Some(end)
    }

    /// `base`, or `base_2`, `base_3` … when taken.
    fn unused_name(&mut self, base: &str) -> String {
        if !self.taken.contains(base) {
            return base.to_string();
        }
        let next = self.next_suffix.entry(base.to_string()).or_insert(2);
        loop {
            let name = format!("{base}_{next}");
            *next += 1;
            if !self.taken.contains(&name) {
                return name;
            }
        }
    }
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
    fn figures_of_one_kind_are_numbered_in_order() {
        let mut counts = Counts::default();
        let text = "慰问困难职工17名，慰问困难职工18名。".repeat(3);
        let out = counts.extract(&text);
        let names: Vec<&str> = counts.figures.iter().map(|(n, _)| n.as_str()).collect();
        let base = names[0];
        let expected: Vec<String> = std::iter::once(base.to_string())
            .chain((2..=6).map(|n| format!("{base}_{n}")))
            .collect();
        assert_eq!(names, expected);
        assert_eq!(
            out,
            format!(
                "慰问困难职工{{{base}}}，慰问困难职工{{{base}_2}}。慰问困难职工{{{base}_3}}，慰问困难职工{{{base}_4}}。慰问困难职工{{{base}_5}}，慰问困难职工{{{base}_6}}。"
            )
        );
    }
}
