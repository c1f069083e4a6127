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

/// The most characters in a row without a break opportunity that always fit
/// on a line: 36 of the widest Latin letters (W, M, about 0.95 em) at 12 pt in
/// the English style, or half-width at 16 pt or the title's 22 pt in the
/// Chinese style, are narrower than the text width of 156 mm (442 pt). A
/// longer run (a URL, a word without spaces) gets break opportunities in the
/// PDF and the DOCX, and a warning.
pub const LONG_RUN: usize = 36;

/// A line may break at it without help: U+200B ZERO WIDTH SPACE, invisible, not
/// copied with the text in the PDF, and what Word breaks long words at.
pub const BREAK_OPPORTUNITY: char = '\u{200B}';

/// Whether a line may break before and after `c` anyway: whitespace, Chinese
/// and the other CJK characters, and a zero-width space.
fn breaks_anyway(c: char) -> bool {
    c.is_whitespace() || is_cjk(c) || c == BREAK_OPPORTUNITY
}

/// Counts the characters of the current run without a break opportunity, text
/// piece after text piece, and says where one is wanted: before every
/// character after the first [`LONG_RUN`] of a run, so that a run that fits
/// on a line is never broken and a longer one breaks where its line ends.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunBreaker {
    run: usize,
}

impl RunBreaker {
    /// Whether a break opportunity goes before `c`, the next character.
    pub fn before(&mut self, c: char) -> bool {
        if breaks_anyway(c) {
            self.run = 0;
            return false;
        }
        self.run += 1;
        self.run > LONG_RUN
    }

    /// A line or block ends: the next character starts a run.
    pub fn reset(&mut self) {
        self.run = 0;
    }

    /// `text` with the break opportunities it needs.
    pub fn apply(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if self.before(c) {
                out.push(BREAK_OPPORTUNITY);
            }
            out.push(c);
        }
        out
    }
}

/// The runs of `text` longer than [`LONG_RUN`] characters without a break
/// opportunity, as byte ranges.
pub fn long_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut close = |start: &mut Option<(usize, usize)>, end: usize| {
        if let Some((at, chars)) = start.take()
            && chars > LONG_RUN
        {
            runs.push(at..end);
        }
    };
    for (at, c) in text.char_indices() {
        if breaks_anyway(c) {
            close(&mut start, at);
        } else {
            match &mut start {
                Some((_, chars)) => *chars += 1,
                None => start = Some((at, 1)),
            }
        }
    }
    close(&mut start, text.len());
    runs
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
    /// A run of 36 characters is kept whole; from the 37th on, a line may break
    /// before each character; whitespace and Chinese start a new run, also
    /// across the pieces of text a writer gets.
    #[test]
    fn long_runs_get_break_opportunities_after_the_first_36_characters() {
        let mut breaker = super::RunBreaker::default();
        let fits = "a".repeat(36);
        assert_eq!(
            breaker.apply(&format!("{fits} 见{fits}。")),
            format!("{fits} 见{fits}。")
        );
        breaker.reset();
        let mut split = breaker.apply(&"b".repeat(30));
        split.push_str(&breaker.apply("cdefghij 见"));
        assert_eq!(
            split,
            format!("{}cdefgh\u{200B}i\u{200B}j 见", "b".repeat(30))
        );
    }

    /// The warning's runs: byte ranges of the runs longer than 36 characters.
    #[test]
    fn long_runs_are_found_with_their_byte_ranges() {
        let url = format!("https://example.org/{}", "a".repeat(17));
        let text = format!("见{url}。{} {}", "b".repeat(36), "c".repeat(37));
        let start = "见".len();
        let c = text.len() - 37;
        assert_eq!(
            super::long_runs(&text),
            vec![start..start + url.len(), c..text.len()]
        );
    }

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
