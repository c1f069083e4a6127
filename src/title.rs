//! A Chinese title's lines (GB/T 9704-2012 7.3.1): a title too long for one
//! line is broken where the meaning allows ("回行时，要做到词意完整，排列对称，
//! 长短适宜"): before 关于, at 《 and 》, where a year or a number begins, after
//! 、 and before 及 and 暨, after what ends an organ's name; never inside a number, before closing punctuation, after opening
//! punctuation, or between 的 and the 文种 that ends it; into as few lines as
//! fit, as even as the places allow (梯形 or 菱形). A break anywhere else
//! splits a word and is the last resort.

use unicode_width::UnicodeWidthChar;

/// How many characters of the title's size a line holds: 二号 (22 pt) in
/// 156 mm, 20 of them.
pub const TITLE_ROOM: f64 = 20.0;

/// What a character of difference between the longest and the shortest
/// line costs, against a break's own cost: symmetry matters, meaning more.
const SPREAD_WEIGHT: f64 = 0.4;

/// The most lines a title is broken into by meaning.
const MOST_LINES: usize = 4;

/// Where the lines of `text` begin (character indices after the first line),
/// when it needs more than one line of `room` characters; empty when it fits
/// one line, has no Chinese, or cannot be broken by meaning within `MOST_LINES`.
pub fn breaks(text: &str, room: f64) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let widths: Vec<f64> = chars.iter().map(|&c| width(c)).collect();
    let total: f64 = widths.iter().sum();
    if total <= room || !chars.iter().any(|&c| width(c) == 1.0 && c.is_alphabetic()) {
        return Vec::new();
    }
    let places: Vec<(usize, f64)> = (1..chars.len())
        .filter_map(|i| penalty(&chars, i).map(|p| (i, p)))
        .collect();
    let line_width = |from: usize, to: usize| widths[from..to].iter().sum::<f64>();
    // The fewest lines that fit, or one more when that breaks by meaning
    // where the fewest must split words.
    let mut found: Option<(f64, Vec<usize>)> = None;
    for lines in 2..=MOST_LINES {
        if found.as_ref().is_some_and(|(_, f)| f.len() + 1 < lines - 1) {
            break;
        }
        let mut best: Option<(f64, Vec<usize>)> = None;
        choose(&places, lines - 1, 0, &mut Vec::new(), &mut |chosen| {
            let mut starts = vec![0];
            starts.extend(chosen.iter().map(|&k| places[k].0));
            starts.push(chars.len());
            let sizes: Vec<f64> = starts.windows(2).map(|w| line_width(w[0], w[1])).collect();
            // Every line within the room; none a stub of a character or two.
            if sizes.iter().any(|&s| s > room || s < 2.0) {
                return;
            }
            let spread = sizes.iter().cloned().fold(f64::MIN, f64::max)
                - sizes.iter().cloned().fold(f64::MAX, f64::min);
            let cost = chosen.iter().map(|&k| places[k].1).sum::<f64>()
                + SPREAD_WEIGHT * spread
                + shape(&sizes);
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((cost, chosen.iter().map(|&k| places[k].0).collect()));
            }
        });
        if let Some((cost, starts)) = best {
            // A line more costs a broken word's worth less one.
            let cost = cost + EXTRA_LINE * (lines - 2) as f64;
            if found.as_ref().is_none_or(|(c, _)| cost < *c) {
                found = Some((cost, starts));
            }
        }
    }
    found.map(|(_, starts)| starts).unwrap_or_default()
}

/// What a line more than the fewest costs.
const EXTRA_LINE: f64 = 3.0;

/// A character's width in characters of the title's size: a Chinese (wide)
/// one a whole, a digit, letter or half-width sign a half.
fn width(c: char) -> f64 {
    if c.width() == Some(2) { 1.0 } else { 0.5 }
}

/// Every choice of `left` more places after `from`, in order.
fn choose(
    places: &[(usize, f64)],
    left: usize,
    from: usize,
    chosen: &mut Vec<usize>,
    each: &mut dyn FnMut(&[usize]),
) {
    if left == 0 {
        each(chosen);
        return;
    }
    for k in from..places.len() {
        chosen.push(k);
        choose(places, left - 1, k + 1, chosen, each);
        chosen.pop();
    }
}

/// 梯形 (lines growing or shrinking) or 菱形 (the middle longest) cost
/// nothing; any other shape of three lines or more a little.
fn shape(sizes: &[f64]) -> f64 {
    if sizes.len() < 3 {
        return 0.0;
    }
    let growing = sizes.windows(2).all(|w| w[0] <= w[1]);
    let shrinking = sizes.windows(2).all(|w| w[0] >= w[1]);
    let middle = sizes[1..sizes.len() - 1]
        .iter()
        .cloned()
        .fold(f64::MIN, f64::max);
    let diamond = middle >= sizes[0] && middle >= sizes[sizes.len() - 1];
    if growing || shrinking || diamond {
        0.0
    } else {
        3.0
    }
}

/// 关于, which begins the matter of a title ("…关于…的通知").
const GUANYU: [char; 2] = ['关', '于'];

/// Characters that end an organ's name: after them a word has ended.
const ORGAN_ENDS: &str = "会局厅委部院府办处室校司所站";

/// What a break before character `i` costs (None: never there), in
/// characters of imbalance it is worth.
fn penalty(chars: &[char], i: usize) -> Option<f64> {
    let (before, at) = (chars[i - 1], chars[i]);
    // Inside a number or a Latin word; before closing or after opening
    // punctuation; 的 and the 文种 after it.
    if (before.is_ascii_alphanumeric() && at.is_ascii_alphanumeric())
        || "，。、；：？！）》」』”’〕】,.;:?!)".contains(at)
        || "（《「『“‘〔【(".contains(before)
        || (before == '的' && chars.len() - i <= 3)
    {
        return None;
    }
    let mut cost = if chars[i..].starts_with(&GUANYU) {
        0.0
    } else if at == '《' || (before == '》' && at != '的') {
        1.0
    } else if at.is_ascii_digit() {
        2.0
    } else if before == '年' && i >= 2 && chars[i - 2].is_ascii_digit() {
        // After a year, the matter it dates goes on.
        4.0
    } else if before == '、' || at == '及' || at == '暨' {
        // 和 and 与 are often inside a name (人力资源和社会保障局): not here.
        2.0
    } else if before == '的' {
        3.0
    } else if ORGAN_ENDS.contains(before) {
        // After what ends an organ's name (工会, 教育局, 人民政府).
        3.0
    } else {
        // Between two characters of what may be one word.
        6.0
    };
    if chars[..i].ends_with(&GUANYU) {
        cost += 4.0;
    }
    // Inside a book title's brackets.
    let opened = chars[..i].iter().filter(|&&c| c == '《').count();
    let closed = chars[..i].iter().filter(|&&c| c == '》').count();
    if opened > closed {
        cost += 2.0;
    }
    Some(cost)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The title's lines as the breaks make them.
    fn lines(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut starts = vec![0];
        starts.extend(breaks(text, TITLE_ROOM));
        starts.push(chars.len());
        starts
            .windows(2)
            .map(|w| chars[w[0]..w[1]].iter().collect())
            .collect()
    }

    #[test]
    fn titles_break_where_the_meaning_allows() {
        // Fits one line.
        assert_eq!(
            lines("关于2020年工作总结的报告"),
            ["关于2020年工作总结的报告"]
        );
        // Before 关于, the organ on the first line.
        assert_eq!(
            lines("广东邮电职业技术学院学院工会关于2020年工作总结及2021年工作计划的报告"),
            [
                "广东邮电职业技术学院学院工会",
                "关于2020年工作总结及2021年工作计划的报告"
            ]
        );
        assert_eq!(
            lines("某某镇人民政府关于2021年安全生产工作情况的报告"),
            ["某某镇人民政府", "关于2021年安全生产工作情况的报告"]
        );
        // Where the year begins, when 关于 leaves too long a line.
        assert_eq!(
            lines("某某市教育工会关于商请协助开展2021年教职工疗休养工作的函"),
            [
                "某某市教育工会关于商请协助开展",
                "2021年教职工疗休养工作的函"
            ]
        );
        assert_eq!(
            lines("广东邮电职业技术学院学院工会2020年工作总结及2021年工作计划"),
            [
                "广东邮电职业技术学院学院工会",
                "2020年工作总结及2021年工作计划"
            ]
        );
        // Even lines inside 《》 rather than 关于印发 alone; never 的 and the
        // 文种 apart.
        assert_eq!(
            lines("关于印发《某某县统计局2022年工作计划》的通知"),
            ["关于印发《某某县统计局", "2022年工作计划》的通知"]
        );
        // No Chinese: left to the typesetter.
        assert!(breaks(&"Annual report of the union ".repeat(3), TITLE_ROOM).is_empty());
    }

    #[test]
    fn a_long_title_takes_a_line_more_rather_than_split_words() {
        let title = "某某市总工会某某市教育局某某市人力资源和社会保障局关于开展2022年全市教职工职业技能竞赛暨技术能手评选活动的通知";
        let made = lines(title);
        assert_eq!(
            made,
            [
                "某某市总工会某某市教育局",
                "某某市人力资源和社会保障局",
                "关于开展2022年全市教职工职业技能竞赛",
                "暨技术能手评选活动的通知"
            ]
        );
        assert_eq!(made.concat(), title);
        // Four lines that keep the words whole, rather than three that
        // split them.
        assert!(
            made.iter()
                .all(|l| l.chars().map(width).sum::<f64>() <= TITLE_ROOM)
        );
        assert!(
            !made[2].starts_with('的') && !made[2].starts_with('通'),
            "{made:?}"
        );
    }
}
