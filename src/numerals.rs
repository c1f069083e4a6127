//! Numbers as Chinese official documents write them: 一 十二 四百一十一 一千,
//! enumeration markers 一、 （一） 一是 1. （1）, dates 2020年12月8日.

use chrono::{Datelike, NaiveDate};

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// Writes a whole number in Chinese numerals: 12 → 十二, 411 → 四百一十一, 1000 → 一千,
/// 10 005 → 一万零五.
pub fn chinese(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut out = String::new();
    // Groups of four digits, from the highest: 亿, 万, then units.
    let groups = [
        (n / 100_000_000, "亿"),
        (n / 10_000 % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut started = false;
    let mut pending_zero = false;
    for (value, suffix) in groups {
        if value == 0 {
            pending_zero |= started;
            continue;
        }
        if started && (pending_zero || value < 1000) {
            out.push_str(DIGITS[0]);
        }
        let group = if value >= 100_000_000 {
            chinese(value)
        } else {
            below_ten_thousand(value)
        };
        out.push_str(&group);
        out.push_str(suffix);
        started = true;
        pending_zero = false;
    }
    // 一十二 is written 十二 when it leads.
    if let Some(rest) = out.strip_prefix("一十") {
        out = format!("十{rest}");
    }
    out
}

fn below_ten_thousand(n: u64) -> String {
    let mut out = String::new();
    let places = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut zero = false;
    let mut started = false;
    for (place, name) in places {
        let digit = (n / place % 10) as usize;
        if digit == 0 {
            zero |= started;
            continue;
        }
        if zero {
            out.push_str(DIGITS[0]);
            zero = false;
        }
        out.push_str(DIGITS[digit]);
        out.push_str(name);
        started = true;
    }
    out
}

/// A count as it stands before a measure word: 2 → 两 (两次), otherwise [`chinese`].
pub fn chinese_before_measure(n: u64) -> String {
    match n {
        2 => "两".to_string(),
        _ => chinese(n),
    }
}

/// Fills an enumeration pattern with the number `n` (1-based). The pattern holds one
/// of 一, 1, a or A as the place of the number: "一、" → 三、, "（一）" → （三）,
/// "一是" → 三是, "1." → 3., "（1）" → （3）, "(a)" → (c).
pub fn enumerate(n: u64, pattern: &str) -> String {
    if pattern.contains('一') {
        pattern.replacen('一', &chinese(n), 1)
    } else if pattern.contains('1') {
        pattern.replacen('1', &n.to_string(), 1)
    } else if let Some(letter) = ["a", "A"].into_iter().find(|l| pattern.contains(l)) {
        let base = if letter == "a" { b'a' } else { b'A' };
        pattern.replacen(letter, &letters(n, base), 1)
    } else {
        format!("{pattern}{n}")
    }
}

/// Letters as spreadsheets number columns: a … z, aa, ab … (never wrapping
/// back to a).
fn letters(n: u64, base: u8) -> String {
    let mut n = n.max(1);
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push((base + (n % 26) as u8) as char);
        n /= 26;
    }
    out.iter().rev().collect()
}

/// Lower-case Roman numerals: 1 → i, 4 → iv, 12 → xii.
pub fn roman(mut n: u64) -> String {
    const TABLE: [(u64, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// A figure written with Arabic numerals: 411, 8.5, 0.25 (no trailing zeros).
pub fn arabic(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.4}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The Chinese digits, 零 to 九.
const CHINESE_DIGITS: &str = "零一二三四五六七八九";

/// A digit as people write one in a year: 7, ７ (full width), 七, or 〇.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' => Some(0),
        _ => CHINESE_DIGITS
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32),
    }
}

/// The value of a Chinese numeral as written in text: 三 → 3, 十二 → 12,
/// 两百五十 → 250, 三千 → 3000. None for what is not one.
pub fn parse_chinese(text: &str) -> Option<u64> {
    let digit = |c: char| {
        CHINESE_DIGITS
            .find(c)
            .map(|i| (i / 3) as u64)
            .or((c == '两').then_some(2))
    };
    let (mut total, mut current) = (0u64, None::<u64>);
    for c in text.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            _ => {
                current = Some(current.unwrap_or(0) * 10 + digit(c)?);
                continue;
            }
        };
        if unit == 10_000 {
            total = (total + current.take().unwrap_or(0)) * unit;
        } else {
            total += current.take().unwrap_or(1) * unit;
        }
    }
    Some(total + current.unwrap_or(0))
}

/// A figure with a fixed number of decimals (`Some(2)`: 2086.40) or as few as
/// it needs, its thousands separated by commas when `grouping`.
pub fn arabic_with(value: f64, decimals: Option<u8>, grouping: bool) -> String {
    let text = match decimals {
        Some(d) => format!("{value:.*}", usize::from(d.min(6))),
        None => arabic(value),
    };
    if !grouping {
        return text;
    }
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, format!(".{f}")),
        None => (digits, String::new()),
    };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{fraction}")
}

/// 2020年12月8日: Arabic numerals, no zero padding (GB/T 9704).
pub fn chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// 8 December 2020.
pub fn english_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), date.format("%B"), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_in_text_are_read() {
        assert_eq!(parse_chinese("三"), Some(3));
        assert_eq!(parse_chinese("十二"), Some(12));
        assert_eq!(parse_chinese("四十"), Some(40));
        assert_eq!(parse_chinese("两百五十"), Some(250));
        assert_eq!(parse_chinese("三千"), Some(3000));
        assert_eq!(parse_chinese("一万二千"), Some(12000));
        assert_eq!(parse_chinese("人"), None);
    }

    #[test]
    fn figures_keep_their_decimals_and_group_thousands() {
        assert_eq!(arabic_with(2086.4, Some(2), true), "2,086.40");
        assert_eq!(arabic_with(12400.0, None, true), "12,400");
        assert_eq!(arabic_with(-1234567.5, None, true), "-1,234,567.5");
        assert_eq!(arabic_with(999.0, Some(0), true), "999");
        assert_eq!(arabic_with(8.5, Some(1), false), "8.5");
        assert_eq!(arabic_with(3.0, Some(2), false), "3.00");
    }

    #[test]
    fn letters_go_on_after_z() {
        let got: Vec<String> = [1, 26, 27, 52, 53, 702, 703]
            .iter()
            .map(|n| enumerate(*n, "(a)"))
            .collect();
        assert_eq!(got, ["(a)", "(z)", "(aa)", "(az)", "(ba)", "(zz)", "(aaa)"]);
        assert_eq!(enumerate(28, "A."), "AB.");
    }

    #[test]
    fn chinese_numerals() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (40, "四十"),
            (105, "一百零五"),
            (110, "一百一十"),
            (411, "四百一十一"),
            (1000, "一千"),
            (1010, "一千零一十"),
            (10_005, "一万零五"),
            (12_000, "一万二千"),
            (100_000_000, "一亿"),
            (100_010_000, "一亿零一万"),
        ];
        for (n, expected) in cases {
            assert_eq!(chinese(n), expected, "{n}");
        }
    }

    #[test]
    fn enumeration_patterns() {
        assert_eq!(enumerate(2, "一、"), "二、");
        assert_eq!(enumerate(3, "（一）"), "（三）");
        assert_eq!(enumerate(2, "一是"), "二是");
        assert_eq!(enumerate(11, "1."), "11.");
        assert_eq!(enumerate(4, "（1）"), "（4）");
        assert_eq!(enumerate(3, "(a)"), "(c)");
    }

    #[test]
    fn figures_and_dates() {
        assert_eq!(arabic(411.0), "411");
        assert_eq!(arabic(8.5), "8.5");
        let d = NaiveDate::from_ymd_opt(2020, 12, 8).unwrap();
        assert_eq!(chinese_date(d), "2020年12月8日");
        assert_eq!(english_date(d), "8 December 2020");
        assert_eq!(chinese_before_measure(2), "两");
        assert_eq!(roman(4), "iv");
        assert_eq!(roman(12), "xii");
    }
}
