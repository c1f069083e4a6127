//! Figures with units in the text ("411人", "17项", "8.5万元", "1000余份") become
//! `{name}` references and named counts.

/// A figure with its unit found in a text.
pub(super) struct Figure {
    pub value: String,
    pub approx: bool,
    pub unit: String,
    pub label: String,
}

const UNITS: [(&str, &str); 24] = [
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
];

/// Replaces figures such as "411人", "17项", "8.5万元", "1000余份" by `{name}`
/// references and records the counts.
pub(super) struct Counts {
    pub figures: Vec<(String, Figure)>,
}

impl Counts {
    pub fn extract(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let starts = chars[i].is_ascii_digit()
                && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.'))
                && !(i > 0 && chars[i - 1] == '第');
            if starts {
                let mut j = i;
                while j < chars.len()
                    && (chars[j].is_ascii_digit()
                        || (chars[j] == '.' && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
                {
                    j += 1;
                }
                let approx = chars.get(j) == Some(&'余');
                let k = j + usize::from(approx);
                let rest: String = chars[k..].iter().take(2).collect();
                if let Some((unit, word)) = UNITS.iter().find(|(u, _)| rest.starts_with(u)) {
                    let end = k + unit.chars().count();
                    // Not a date, an ordinal or a name: 2020年, 5G, 302室.
                    let after = chars.get(end).copied();
                    let value: String = chars[i..j].iter().collect();
                    if after != Some('年')
                        && after != Some('月')
                        && !(unit == &"期" && after == Some('间'))
                    {
                        let n = self
                            .figures
                            .iter()
                            .filter(|(name, _)| name.starts_with(word))
                            .count()
                            + 1;
                        let name = format!("{word}_{n}");
                        let label: String = chars[..i]
                            .iter()
                            .rev()
                            .take_while(|c| !"，。；、：（）“”《》,;:".contains(**c))
                            .take(10)
                            .collect::<Vec<_>>()
                            .into_iter()
                            .rev()
                            .collect();
                        out.push_str(&format!("{{{name}}}"));
                        self.figures.push((
                            name,
                            Figure {
                                value,
                                approx,
                                unit: unit.to_string(),
                                label: label.trim().to_string(),
                            },
                        ));
                        i = end;
                        continue;
                    }
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
}
