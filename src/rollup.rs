//! A federation's rollup: the grassroots inputs' counts added up by name, with
//! what disagrees reported at both places, into a federation input (totals,
//! a per-union table, a skeleton of parts) or a CSV table.

use crate::diag::{Code, Diagnostic};
use crate::draft::{
    Draft, DraftAttachment, DraftBlock, DraftCount, DraftCounts, DraftMeta, DraftPart, DraftTable,
};
use crate::facts::Facts;
use crate::load::Loaded;
use crate::locale::tr;
use crate::model::Lang;
use crate::numerals::arabic;

/// One count added up over the inputs.
pub struct Total {
    pub name: String,
    pub unit: String,
    pub label: Option<String>,
    pub value: f64,
    /// The organisations whose figures it adds up, in input order.
    pub from: Vec<String>,
}

impl Total {
    /// The count as the person knows it: its label, else its name.
    pub fn called(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

/// The figures of all inputs, and the totals.
pub struct Rollup {
    /// The language of what is written: the first input's.
    pub lang: Lang,
    pub year: i32,
    pub half: Option<u8>,
    /// Each input's organisation, in input order.
    pub unions: Vec<String>,
    pub totals: Vec<Total>,
    /// `values[union][total]`: that union's figure, when it has the count.
    pub values: Vec<Vec<Option<f64>>>,
}

/// Adds up the inputs' counts. Errors (with both places): inputs of different
/// periods, and a count name given different units or labels.
pub fn rollup(inputs: &[Loaded]) -> Result<Rollup, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let first = &inputs[0].report.meta;
    let lang = first.language();
    let half = first.half.as_ref().map(|h| h.value);
    for loaded in &inputs[1..] {
        let meta = &loaded.report.meta;
        if meta.year.value != first.year.value || meta.half.as_ref().map(|h| h.value) != half {
            errors.push(
                Diagnostic::error(
                    Code::RollupMismatch,
                    tr!(
                        lang,
                        "rollup-other-period",
                        path = loaded.path.display(),
                        year = meta.year.value,
                        first_year = first.year.value
                    ),
                )
                .at(loaded.span_of(&meta.year))
                .label(
                    inputs[0].span_of(&first.year),
                    tr!(lang, "rollup-other-period.label"),
                )
                .hint(tr!(lang, "rollup-other-period.hint")),
            );
        }
    }
    let mut totals: Vec<Total> = Vec::new();
    // Where each total was first defined: (input, count name's span, label's span).
    let mut first_seen: Vec<(usize, crate::diag::Span, Option<crate::diag::Span>)> = Vec::new();
    let mut values: Vec<Vec<Option<f64>>> = Vec::new();
    for (i, loaded) in inputs.iter().enumerate() {
        let report = &loaded.report;
        let facts = Facts::derive(report, None);
        let organisation = report.meta.organisation.value.trim().to_string();
        let mut row = vec![None; totals.len()];
        for (name, count) in report.counts.iter() {
            let value = facts.figure(&name.value, count).value;
            let unit = count.unit.trim().to_string();
            let label = count.label.as_ref().map(|l| l.value.trim().to_string());
            let here = loaded.span_covering(name, &name.value);
            match totals.iter().position(|t| t.name == name.value) {
                Some(index) => {
                    let (at, first_name, first_label) = first_seen[index];
                    let total = &mut totals[index];
                    let first_path = inputs[at].path.display().to_string();
                    let differs = if total.unit != unit {
                        Some((
                            tr!(
                                lang,
                                "rollup-unit-differs",
                                count = label.as_deref().unwrap_or(&name.value),
                                unit = unit,
                                first_path = first_path,
                                first_unit = total.unit
                            ),
                            here,
                            first_name,
                        ))
                    } else if let (Some(a), Some(b), Some(l), Some(first_l)) =
                        (&total.label, &label, &count.label, first_label)
                        && a != b
                    {
                        Some((
                            tr!(
                                lang,
                                "rollup-label-differs",
                                name = name.value,
                                label = b,
                                first_path = first_path,
                                first_label = a
                            ),
                            loaded.span_covering(l, &l.value),
                            first_l,
                        ))
                    } else {
                        None
                    };
                    if let Some((message, span, first_span)) = differs {
                        errors.push(
                            Diagnostic::error(Code::RollupMismatch, message)
                                .at(span)
                                .label(first_span, crate::messages::first_here(lang))
                                .hint(tr!(lang, "rollup-unit-differs.hint")),
                        );
                        continue;
                    }
                    if value.is_some() {
                        total.from.push(organisation.clone());
                    }
                    row[index] = value;
                }
                None => {
                    totals.push(Total {
                        name: name.value.clone(),
                        unit,
                        label,
                        // Added up when every input is read.
                        value: 0.0,
                        from: value.map(|_| organisation.clone()).into_iter().collect(),
                    });
                    first_seen.push((
                        i,
                        here,
                        count
                            .label
                            .as_ref()
                            .map(|l| loaded.span_covering(l, &l.value)),
                    ));
                    row.push(value);
                }
            }
        }
        values.push(row);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for row in &mut values {
        row.resize(totals.len(), None);
    }
    // Each total added up exactly, as its figures are written (0.1 + 0.2 is
    // 0.3), and refused when `check` would refuse it.
    for (index, total) in totals.iter_mut().enumerate() {
        let figures: Vec<f64> = values.iter().filter_map(|row| row[index]).collect();
        total.value = exact_sum(&figures);
        if total.value.abs() < crate::validate::FIGURE_LIMIT {
            continue;
        }
        let mut places = inputs.iter().enumerate().filter_map(|(i, loaded)| {
            let value = values[i][index]?;
            let (name, _) = loaded
                .report
                .counts
                .iter()
                .find(|(name, _)| name.value == total.name)?;
            let organisation = loaded.report.meta.organisation.value.trim();
            Some((loaded.span_covering(name, &name.value), organisation, value))
        });
        let Some(first) = places.next() else { continue };
        let others: Vec<_> = places.collect();
        let unions = std::iter::once(&first).chain(&others);
        let unions: Vec<String> = unions
            .map(|(_, organisation, value)| {
                tr!(
                    lang,
                    "rollup-union-figure",
                    organisation = organisation,
                    value = arabic(*value)
                )
            })
            .collect();
        let mut diagnostic = Diagnostic::error(
            Code::InvalidFigure,
            tr!(
                lang,
                "rollup-total-too-large",
                count = total.called(),
                total = arabic(total.value),
                unions = unions.join(&tr!(lang, "list-separator"))
            ),
        )
        .at(first.0);
        for (span, organisation, _) in others {
            diagnostic = diagnostic.label(span, organisation.to_string());
        }
        errors.push(diagnostic.hint(tr!(lang, "rollup-total-too-large.hint")));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Rollup {
        lang,
        year: first.year.value,
        half,
        unions: inputs
            .iter()
            .map(|l| l.report.meta.organisation.value.trim().to_string())
            .collect(),
        totals,
        values,
    })
}

/// The sum of `figures` as their shortest decimal texts add up (0.1 + 0.2 is
/// 0.3, not 0.30000000000000004): each figure read as a whole number of its
/// smallest decimal place, added exactly, and the sum read back as the nearest
/// double. Figures too fine or too large for that (beyond 10¹⁸ units of the
/// finest place) are added as doubles.
fn exact_sum(figures: &[f64]) -> f64 {
    let decimals: Vec<(i128, u32)> = match figures.iter().map(|&v| decimal_of(v)).collect() {
        Some(decimals) => decimals,
        None => return figures.iter().sum(),
    };
    let scale = decimals.iter().map(|&(_, s)| s).max().unwrap_or(0);
    let sum = decimals.iter().try_fold(0i128, |sum, &(units, s)| {
        let aligned = units.checked_mul(10i128.checked_pow(scale - s)?)?;
        sum.checked_add(aligned)
    });
    let Some(sum) = sum else {
        return figures.iter().sum();
    };
    let sign = if sum < 0 { "-" } else { "" };
    let digits = format!(
        "{:0>width$}",
        sum.unsigned_abs(),
        width = scale as usize + 1
    );
    let (whole, fraction) = digits.split_at(digits.len() - scale as usize);
    format!("{sign}{whole}.{fraction}0")
        .parse()
        .unwrap_or_else(|_| figures.iter().sum())
}

/// A finite figure as (units of its last decimal place, decimal places), read
/// from its shortest text: 2.25 → (225, 2). None when it is not finite or has
/// more than 18 decimal places.
fn decimal_of(value: f64) -> Option<(i128, u32)> {
    if !value.is_finite() {
        return None;
    }
    let text = format!("{value}");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let scale = u32::try_from(fraction.len()).ok().filter(|&s| s <= 18)?;
    let units: i128 = format!("{whole}{fraction}").parse().ok()?;
    Some((units, scale))
}

impl Rollup {
    /// Each count some inputs lack (as the person knows it: its label,
    /// else its name), with the organisations that lack it.
    pub fn missing(&self) -> Vec<(&str, Vec<&str>)> {
        self.totals
            .iter()
            .enumerate()
            .filter_map(|(t, total)| {
                let lacking: Vec<&str> = self
                    .unions
                    .iter()
                    .zip(&self.values)
                    .filter(|(_, row)| row[t].is_none())
                    .map(|(u, _)| u.as_str())
                    .collect();
                (!lacking.is_empty()).then_some((total.called(), lacking))
            })
            .collect()
    }

    /// The per-union table of the attachment: a row per union and a column per
    /// count, or, when there are more counts than unions (a page is narrow), a
    /// row per count and a column per union; the totals reference the counts.
    fn table(&self) -> DraftTable {
        let label = |t: &Total| t.label.clone().unwrap_or_else(|| t.name.clone());
        let reference = |t: &Total| format!("{{{}}}", t.name);
        if self.totals.len() > self.unions.len() + 1 {
            let header = std::iter::once(tr!(self.lang, "rollup-item"))
                .chain(self.unions.iter().cloned())
                .chain(std::iter::once(tr!(self.lang, "rollup-total")))
                .collect();
            let rows = self
                .totals
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    std::iter::once(label(t))
                        .chain(self.values.iter().map(|row| Self::figure(row[i], &t.unit)))
                        .chain(std::iter::once(reference(t)))
                        .collect()
                })
                .collect();
            return DraftTable { header, rows };
        }
        let header = std::iter::once(tr!(self.lang, "rollup-union"))
            .chain(self.totals.iter().map(label))
            .collect();
        let mut rows: Vec<Vec<String>> = self
            .unions
            .iter()
            .zip(&self.values)
            .map(|(union, row)| {
                std::iter::once(union.clone())
                    .chain(
                        row.iter()
                            .zip(&self.totals)
                            .map(|(v, t)| Self::figure(*v, &t.unit)),
                    )
                    .collect()
            })
            .collect();
        rows.push(
            std::iter::once(tr!(self.lang, "rollup-total"))
                .chain(self.totals.iter().map(reference))
                .collect(),
        );
        DraftTable { header, rows }
    }

    fn figure(value: Option<f64>, unit: &str) -> String {
        value.map_or("—".to_string(), |v| format!("{}{unit}", arabic(v)))
    }

    /// The per-union table as CSV (RFC 4180: CRLF, quotes where a cell holds a
    /// comma, a quote or a line break), with a total row; written by the `csv`
    /// crate.
    pub fn csv(&self) -> String {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let mut header = vec![tr!(self.lang, "rollup-union")];
        header.extend(self.totals.iter().map(|t| {
            tr!(
                self.lang,
                "rollup-column",
                label = t.label.as_deref().unwrap_or(&t.name),
                unit = t.unit
            )
        }));
        let mut rows = vec![header];
        for (union, row) in self.unions.iter().zip(&self.values) {
            let mut cells = vec![union.clone()];
            cells.extend(row.iter().map(|v| v.map_or(String::new(), arabic)));
            rows.push(cells);
        }
        let mut total = vec![tr!(self.lang, "rollup-total")];
        total.extend(self.totals.iter().map(|t| arabic(t.value)));
        rows.push(total);
        for row in rows {
            out.write_record(&row).expect("CSV is written to memory");
        }
        let bytes = out.into_inner().expect("CSV is written to memory");
        String::from_utf8(bytes).expect("CSV of strings is UTF-8")
    }

    /// The federation's input: the totals as counts (each with `from:`), a
    /// skeleton part that references every total, and the per-union table as
    /// an attachment whose total row references the counts.
    pub fn input(&self, organisation: &str) -> String {
        let lang = self.lang;
        let period = crate::period::Period::of_year(self.year, self.half).label(lang);
        let counts = self
            .totals
            .iter()
            .map(|t| {
                let count = DraftCount {
                    value: Some(t.value),
                    unit: t.unit.clone(),
                    label: t.label.clone(),
                    from: t.from.clone(),
                    ..DraftCount::default()
                };
                (t.name.clone(), count)
            })
            .collect();
        let points = self
            .totals
            .iter()
            .map(|t| match &t.label {
                Some(label) => tr!(lang, "rollup-point", label = label, name = t.name),
                None => tr!(lang, "rollup-point-unlabelled", name = t.name),
            })
            .collect();
        let table = self.table();
        let draft = Draft {
            meta: DraftMeta {
                organisation: organisation.to_string(),
                year: self.year,
                half: self.half,
                date: serde_saphyr::Commented(
                    crate::period::Period::of_year(self.year, self.half)
                        .end()
                        .to_string(),
                    tr!(lang, "draft-date-comment"),
                ),
                signature: Some(organisation.to_string()),
                lang: (lang == Lang::En).then_some(lang),
                ..DraftMeta::default()
            },
            counts: DraftCounts(counts),
            parts: vec![DraftPart {
                style: Some("paragraphs"),
                points,
                ..DraftPart::default()
            }],
            attachments: vec![DraftAttachment {
                title: tr!(lang, "rollup-attachment-title", period = period),
                body: vec![DraftBlock::Table(table)],
            }],
            ..Draft::default()
        };
        draft.to_yaml(&tr!(
            lang,
            "rollup-header",
            period = period,
            count = self.unions.len()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cell that holds a comma, a quote or a line break (a carriage
    /// return too) is quoted, so a spreadsheet reads one cell.
    #[test]
    fn csv_cells_are_quoted_where_they_must_be() {
        let rollup = Rollup {
            lang: Lang::Zh,
            year: 2020,
            half: None,
            unions: vec!["一中,\"工会\"".into(), "二中\r工会".into()],
            totals: vec![Total {
                name: "visits".into(),
                unit: "人".into(),
                label: Some("走访, 慰问".into()),
                value: 3.0,
                from: Vec::new(),
            }],
            values: vec![vec![Some(1.0)], vec![Some(2.0)]],
        };
        assert_eq!(
            rollup.csv(),
            "单位,\"走访, 慰问（人）\"\r\n\"一中,\"\"工会\"\"\",1\r\n\"二中\r工会\",2\r\n合计,3\r\n"
        );
    }

    #[test]
    fn decimal_sums_are_exact() {
        assert_eq!(0.1 + 0.2, 0.30000000000000004);
        assert_eq!(exact_sum(&[0.1, 0.2]), 0.3);
        assert_eq!(exact_sum(&[0.1, 0.7, 1.2]), 2.0);
        assert_eq!(exact_sum(&[1.005, 2.25, -0.5]), 2.755);
        assert_eq!(exact_sum(&[411.0, 356.0]), 767.0);
        assert_eq!(exact_sum(&[]), 0.0);
        assert_eq!(exact_sum(&[-0.1, -0.2]), -0.3);
        // Too fine to add as decimals: added as doubles.
        assert_eq!(exact_sum(&[1e-30, 1.0]), 1.0);
        assert!(exact_sum(&[f64::INFINITY, 1.0]).is_infinite());
    }
}
