//! A new document: the skeleton of an input of a chosen shape (`nianbao new`
//! and the start page's 新建), with the sections named after the areas of
//! work and a placeholder wherever the writer has something to fill in, so
//! that `check` accepts it with only placeholder warnings and lists what is
//! left to write.

use chrono::NaiveDate;
use serde_saphyr::Commented;

use crate::draft::{Draft, DraftMeta, DraftPlan, DraftPlans, DraftSection, DraftSummary};
use crate::locale::tr;
use crate::model::Lang;
use crate::period::Period;
use crate::validate::DATE_GRACE_DAYS;
use crate::view::Kind;

/// What a new document is asked for.
#[derive(Clone, Debug)]
pub struct NewDocument {
    pub organisation: String,
    pub year: i32,
    /// 1 or 2: a half-year document.
    pub half: Option<u8>,
    /// Combined: the summary with problems and next period's plan; summary:
    /// without the plan; plan: a plan of its own for `year` (or the half).
    pub kind: Kind,
    pub lang: Lang,
    /// The main areas of work, in order: the summary's sections and the
    /// plan's items.
    pub areas: Vec<String>,
    /// The name under the text; None: the organisation's.
    pub signature: Option<String>,
    /// The document date; None: `today` when the period allows it, else the
    /// period's last day.
    pub date: Option<NaiveDate>,
}

impl NewDocument {
    fn period(&self) -> Period {
        match self.half {
            Some(half) => Period::Half(self.year, half),
            None => Period::Year(self.year),
        }
    }

    /// The date the document is given: the one asked for, else today when a
    /// document of this period may be dated today, else the period's end.
    pub fn date(&self, today: NaiveDate) -> NaiveDate {
        if let Some(date) = self.date {
            return date;
        }
        let period = self.period();
        let latest = period.end() + chrono::Duration::days(DATE_GRACE_DAYS);
        let earliest = if self.kind == Kind::Plan {
            period.start() - chrono::Duration::days(DATE_GRACE_DAYS)
        } else {
            period.start()
        };
        if (earliest..=latest).contains(&today) {
            today
        } else {
            period.end()
        }
    }

    /// The input's YAML, with a comment for the reader at the top.
    pub fn yaml(&self, today: NaiveDate) -> String {
        let lang = self.lang;
        let todo = tr!(lang, "new-todo");
        let areas: Vec<String> = self
            .areas
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        let areas = if areas.is_empty() {
            vec![todo.clone()]
        } else {
            areas
        };
        let summary = (self.kind != Kind::Plan).then(|| DraftSummary {
            sections: areas
                .iter()
                .map(|area| DraftSection {
                    title: area.clone(),
                    points: vec![todo.clone()],
                    ..DraftSection::default()
                })
                .collect(),
        });
        let plans = (self.kind != Kind::Summary).then(|| DraftPlans {
            intro: None,
            sections: areas
                .iter()
                .enumerate()
                .map(|(i, area)| DraftPlan {
                    id: format!("plan-{}", i + 1),
                    title: area.clone(),
                    text: todo.clone(),
                })
                .collect(),
        });
        let date = self.date(today);
        let draft = Draft {
            meta: DraftMeta {
                organisation: self.organisation.trim().to_string(),
                year: self.year,
                half: self.half,
                date: Commented(date.to_string(), tr!(lang, "new-date-comment")),
                signature: Some(
                    self.signature
                        .as_deref()
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .unwrap_or(self.organisation.trim())
                        .to_string(),
                ),
                lang: (lang == Lang::En).then_some(Lang::En),
                ..DraftMeta::default()
            },
            opening: (self.kind != Kind::Plan).then(|| todo.clone()),
            problems: (self.kind != Kind::Plan).then(|| vec![todo.clone()]),
            summary,
            plans,
            ..Draft::default()
        };
        draft.to_yaml(&tr!(lang, "new-header", todo = todo))
    }
}

/// A file name made of a document's title: the characters no file system
/// takes in a name (and control characters) become `_`, and `.yaml` ends it.
pub fn file_name(title: &str) -> String {
    let name: String = title
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let name = name.trim_matches(['.', ' ']);
    format!("{}.yaml", if name.is_empty() { "_" } else { name })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Outcome, parse};
    use crate::source::SourceFile;

    fn new(kind: Kind, half: Option<u8>, lang: Lang) -> NewDocument {
        NewDocument {
            organisation: "某某学院工会".into(),
            year: 2026,
            half,
            kind,
            lang,
            areas: vec!["思想政治引领".into(), " 服务教职工 ".into(), String::new()],
            signature: None,
            date: None,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    #[test]
    fn a_combined_report_has_the_areas_as_sections_and_plans() {
        assert_eq!(
            new(Kind::Combined, None, Lang::Zh).yaml(today()),
            "\
# 由 `nianbao new` 新建。请把“待补充。”换成实际内容；`nianbao check` 会列出还没写完的地方。

meta:
  organisation: 某某学院工会
  year: 2026
  date: \"2026-12-06\" # 成文日期：定稿时改为实际日期
  signature: 某某学院工会

opening: 待补充。

summary:
  sections:
    - title: 思想政治引领
      points:
        - 待补充。
    - title: 服务教职工
      points:
        - 待补充。

problems:
  - 待补充。

plans:
  sections:
    - id: plan-1
      title: 思想政治引领
      text: 待补充。
    - id: plan-2
      title: 服务教职工
      text: 待补充。
"
        );
    }

    /// Every shape checks with placeholder warnings (W0103) and nothing else.
    #[test]
    fn every_shape_checks_with_only_placeholders_left() {
        for kind in [Kind::Combined, Kind::Summary, Kind::Plan] {
            for half in [None, Some(1), Some(2)] {
                for lang in [Lang::Zh, Lang::En] {
                    let asked = new(kind, half, lang);
                    let yaml = asked.yaml(today());
                    let source = SourceFile::new("new.yaml".into(), yaml.clone());
                    let Outcome::Loaded(loaded) = parse(source, None) else {
                        panic!("{yaml}");
                    };
                    let facts = crate::facts::Facts::derive(&loaded.report, None);
                    let codes: std::collections::BTreeSet<&str> =
                        crate::validate::validate(&loaded, &facts, None, Default::default())
                            .iter()
                            .map(|d| d.code.as_str())
                            .collect();
                    assert_eq!(
                        codes,
                        ["W0103"].into(),
                        "{kind:?} {half:?} {lang:?}\n{yaml}"
                    );
                    assert_eq!(loaded.report.is_plan_only(), kind == Kind::Plan, "{yaml}");
                }
            }
        }
    }

    #[test]
    fn the_date_is_today_when_the_period_allows_it() {
        let mut asked = new(Kind::Combined, None, Lang::Zh);
        assert_eq!(asked.date(today()), today());
        asked.year = 2020;
        assert_eq!(asked.date(today()).to_string(), "2020-12-31");
        asked.kind = Kind::Plan;
        asked.year = 2027;
        assert_eq!(asked.date(today()), today());
    }

    #[test]
    fn file_names_take_no_separator() {
        assert_eq!(
            file_name("某工会2026年工作总结"),
            "某工会2026年工作总结.yaml"
        );
        assert_eq!(file_name("a/b: c?"), "a_b_ c_.yaml");
        assert_eq!(file_name(" .. "), "_.yaml");
    }
}
