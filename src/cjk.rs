//! Character classes of Chinese text, defined once: ideographs, CJK characters
//! (for line joining), sentence-final punctuation, and dates written 2020年6月8日.

/// A Chinese character (an ideograph).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Characters around which a line break is no space: ideographs, kana, hangul,
/// CJK punctuation and full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF
        | 0x3000..=0x303F
        | 0x3040..=0x30FF
        | 0x3100..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// Punctuation that may end a sentence, full-width and half-width: 。！？…；：.!?;:
pub const SENTENCE_ENDS: &str = "。！？…；：.!?;:";

/// Closing quotes and brackets that may follow the full stop: 。” or 。）
pub const CLOSERS: &str = "”’）》」』\")";

/// Whether a text ends like a sentence: with sentence-final punctuation,
/// possibly followed by one closing quote or bracket.
pub fn ends_sentence(text: &str) -> bool {
    let mut chars = text.trim_end().chars().rev();
    let Some(mut last) = chars.next() else {
        return false;
    };
    if CLOSERS.contains(last) {
        match chars.next() {
            Some(before) => last = before,
            None => return false,
        }
    }
    SENTENCE_ENDS.contains(last)
}

/// A date written in Chinese inside a text: "2020年6月" or "2020年6月8日".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChineseDate {
    /// As written.
    pub written: String,
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

impl ChineseDate {
    /// Whether it names a real month or day.
    pub fn is_real(&self) -> bool {
        match self.day {
            Some(d) => chrono::NaiveDate::from_ymd_opt(self.year, self.month, d).is_some(),
            None => (1..=12).contains(&self.month),
        }
    }

    /// The calendar date of a full date that exists.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month, self.day?)
    }
}

/// Every "2020年6月" and "2020年6月8日" in a text (four-digit years, written
/// without spaces).
pub fn chinese_dates(text: &str) -> Vec<ChineseDate> {
    let chars: Vec<char> = text.chars().collect();
    let number = |from: usize, max: usize| -> Option<(u32, usize)> {
        let digits: String = chars[from.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .take(max + 1)
            .collect();
        (!digits.is_empty() && digits.len() <= max)
            .then(|| (digits.parse().unwrap_or(0), from + digits.len()))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit());
        if starts_number
            && let Some((year, after_year)) = number(i, 4).filter(|(_, end)| end - i == 4)
            && chars.get(after_year) == Some(&'年')
            && let Some((month, after_month)) = number(after_year + 1, 2)
            && chars.get(after_month) == Some(&'月')
        {
            let (day, end) = match number(after_month + 1, 2) {
                Some((d, after_day)) if chars.get(after_day) == Some(&'日') => {
                    (Some(d), after_day + 1)
                }
                _ => (None, after_month + 1),
            };
            out.push(ChineseDate {
                written: chars[i..end].iter().collect(),
                year: year as i32,
                month,
                day,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_allow_a_closing_quote() {
        assert!(ends_sentence("开展活动。"));
        assert!(ends_sentence("开展“五必访”活动。”"));
        assert!(ends_sentence("Done."));
        assert!(!ends_sentence("开展活动"));
        assert!(!ends_sentence("”"));
        assert!(!ends_sentence(""));
    }

    #[test]
    fn dates_in_text() {
        let found = chinese_dates("于2020年6月和2020年10月8日，及2020年13月，12020年1月。");
        let written: Vec<&str> = found.iter().map(|d| d.written.as_str()).collect();
        assert_eq!(written, ["2020年6月", "2020年10月8日", "2020年13月"]);
        assert!(found[1].is_real());
        assert!(!found[2].is_real());
        assert_eq!(
            found[1].date(),
            chrono::NaiveDate::from_ymd_opt(2020, 10, 8)
        );
    }
}
