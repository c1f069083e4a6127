//! The period a report covers: a year, a half-year, or any range of dates, and
//! the period after it, which the plan is for.

use chrono::{Datelike, NaiveDate};

use crate::locale::tr;
use crate::model::{Lang, Meta};

/// Parses a date written `YYYY-MM-DD`: a real calendar date, or None.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Year(i32),
    /// A year and 1 (上半年) or 2 (下半年).
    Half(i32, u8),
    Range(NaiveDate, NaiveDate),
}

impl Period {
    /// The period of a report's meta. Invalid halves or dates fall back to the
    /// year; validation reports them.
    pub fn of(meta: &Meta) -> Period {
        let year = meta.year.value;
        if let (Some(from), Some(to)) = (&meta.from, &meta.to)
            && let (Some(from), Some(to)) = (parse_date(&from.value), parse_date(&to.value))
            && from <= to
        {
            return Period::Range(from, to);
        }
        Period::of_year(year, meta.half.as_ref().map(|h| h.value))
    }

    /// A year, or one of its halves.
    pub fn of_year(year: i32, half: Option<u8>) -> Period {
        match half {
            Some(h @ (1 | 2)) => Period::Half(year, h),
            _ => Period::Year(year),
        }
    }

    /// The period a report's plan is for: the next one, or in a plan-only
    /// document (工作计划) the report's own.
    pub fn planned(report: &crate::model::Report) -> Period {
        let period = Period::of(&report.meta);
        if report.is_plan_only() {
            period
        } else {
            period.next()
        }
    }

    /// The period after this one: the next year, the other half, or the year after a range.
    pub fn next(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y + 1),
            Period::Half(y, 1) => Period::Half(y, 2),
            Period::Half(y, _) => Period::Half(y + 1, 1),
            Period::Range(_, to) => Period::Year(to.year() + 1),
        }
    }

    pub fn start(self) -> NaiveDate {
        match self {
            Period::Year(y) | Period::Half(y, 1) => ymd(y, 1, 1),
            Period::Half(y, _) => ymd(y, 7, 1),
            Period::Range(from, _) => from,
        }
    }

    pub fn end(self) -> NaiveDate {
        match self {
            Period::Year(y) | Period::Half(y, 2) => ymd(y, 12, 31),
            Period::Half(y, _) => ymd(y, 6, 30),
            Period::Range(_, to) => to,
        }
    }

    /// The year the period starts in.
    pub fn year(self) -> i32 {
        self.start().year()
    }

    /// Whether a month of a year overlaps the period.
    pub fn has_month(self, year: i32, month: u32) -> bool {
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return false;
        };
        let last = first
            .checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(first);
        first <= self.end() && last >= self.start()
    }

    /// "2020年", "2022年上半年", "2022年3月至8月"; with `after`, a half-year in the
    /// same year as `after` drops the year: "下半年".
    pub fn label_zh(self, after: Option<Period>) -> String {
        self.label_in(Lang::Zh, after)
    }

    /// "2020", "the first half of 2022", "March to August 2022".
    pub fn label_en(self) -> String {
        self.label_in(Lang::En, None)
    }

    /// The period in `lang`, as the heading words of `locales/*/words.ftl` write it.
    pub fn label(self, lang: Lang) -> String {
        self.label_in(lang, None)
    }

    fn label_in(self, lang: Lang, after: Option<Period>) -> String {
        // A month: its number in Chinese (3月), its name in English (March).
        let month = |d: NaiveDate| match lang {
            Lang::Zh => d.month().to_string(),
            Lang::En => d.format("%B").to_string(),
        };
        match self {
            Period::Year(y) => tr!(lang, "period-year", year = y),
            Period::Half(y, h) => {
                let same_year = after.is_some_and(|p| p.year() == y);
                let key = match (h, same_year) {
                    (1, false) => "period-first-half",
                    (1, true) => "period-first-half-same-year",
                    (_, false) => "period-second-half",
                    (_, true) => "period-second-half-same-year",
                };
                tr!(lang, key, year = y)
            }
            Period::Range(from, to) => tr!(
                lang,
                if from.year() == to.year() {
                    "period-months"
                } else {
                    "period-months-years"
                },
                from_year = from.year(),
                from_month = month(from),
                to_year = to.year(),
                to_month = month(to)
            ),
        }
    }

    /// Where a previous period's input is found beside this one's: `2019.yaml`,
    /// `2022-H1.yaml`.
    pub fn file_stem(self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Half(y, h) => format!("{y}-H{h}"),
            Period::Range(from, to) => format!("{from}_{to}"),
        }
    }

    /// The period before this one (for finding last period's input).
    pub fn previous(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Half(y, 2) => Period::Half(y, 1),
            Period::Half(y, _) => Period::Half(y - 1, 2),
            Period::Range(from, _) => Period::Year(from.year() - 1),
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_periods_and_labels() {
        assert_eq!(Period::Year(2020).next(), Period::Year(2021));
        assert_eq!(Period::Half(2022, 1).next(), Period::Half(2022, 2));
        assert_eq!(Period::Half(2022, 2).next(), Period::Half(2023, 1));
        let h1 = Period::Half(2022, 1);
        assert_eq!(h1.label_zh(None), "2022年上半年");
        assert_eq!(h1.next().label_zh(Some(h1)), "下半年");
        assert!(h1.has_month(2022, 6) && !h1.has_month(2022, 7));
        let range = Period::Range(ymd(2022, 3, 1), ymd(2022, 8, 31));
        assert_eq!(range.label_zh(None), "2022年3月至8月");
        assert_eq!(range.label_en(), "March to August 2022");
    }
}
