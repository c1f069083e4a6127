//! Figures with units in the text ("411人", "17项", "8.5万元", "1000余份") become
//! `{name}` references and named counts.

use crate::figures::{self as found, UNITS};

/// A figure with its unit found in a text.
pub(super) struct Figure {
    pub value: String,
    /// Approximate, with 余 where nianbao puts it or as written.
    pub approx: crate::model::Approx,
    pub unit: String,
    pub label: String,
}

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

impl Counts {
    pub fn extract(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut quotes = found::Quotes::default();
        let mut i = 0;
        while i < chars.len() {
            let quoted = quotes.step(chars[i]);
            let starts = found::may_start(&chars, i, quoted);
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
        let found::Read {
            value,
            approx,
            unit,
            end,
        } = found::read(chars, i)?;
        let label = found::label_of(chars, i, end);
        let word = UNITS
            .iter()
            .find(|(u, _)| *u == unit)
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

#[cfg(test)]
mod tests {
    use super::*;

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
