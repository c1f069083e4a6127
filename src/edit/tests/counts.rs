//! The count edits' invariant, on generated reports: texts in every scalar
//! style holding references (`{a}`, `{a:cn}`, `｛a｝`, `｛a：cn｝`), figures
//! with units and literal braces, counts written on one line or as blocks,
//! activities with figures (in the report, or in a file of their own: a
//! folder input of two files), comments, `\n` or `\r\n`. A count renamed gives
//! exactly the text the generator writes with the new name, or is refused
//! for a name taken or not a name; a figure made a count gives exactly the
//! text with `{name}` in the figure's place and the count's entry added. In
//! both, the document prints the same Markdown. `NIANBAO_EDIT_CASES` sets
//! how many cases (default 4096, a quarter of them for the Markdown).

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use super::super::*;
use crate::engine::{Engine, Setup};

/// Names that are no part of one another: a name's references are found
/// in the expected text by replacing its written forms.
const NAMES: [&str; 5] = ["visits", "生日慰问", "困难职工", "gifts_2", "会员-新"];
const NEW_NAMES: [&str; 3] = ["慰问人数", "visits_new", "生日"];
const BAD_NAMES: [&str; 3] = ["2020年", "a b", "{x}"];

const WORDS: [&str; 6] = [
    "慰问困难职工",
    "开展活动",
    "，",
    "；共",
    "{{注}}",
    "“8小时工作制”",
];
const FIGURES: [&str; 6] = ["25户", "3次", "1000余份", "8.5万元", "12.50%", "411人"];

#[derive(Clone, Debug)]
enum Seg {
    Words(usize),
    /// A reference to count `n` in form `f`.
    Ref(usize, usize),
    Figure(usize),
    /// A reference to a count made by the test (its name).
    Made(String),
}

#[derive(Clone, Copy, Debug)]
enum Form {
    Plain,
    Double,
    Single,
    Literal,
    Folded,
}

#[derive(Clone, Debug)]
struct Text {
    segs: Vec<Seg>,
    form: Form,
}

#[derive(Clone, Debug)]
struct CountSpec {
    name: String,
    value: String,
    unit: String,
    label: Option<String>,
    /// `approx: …` and `decimals: …`, as the edit writes them.
    extra: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
struct Report {
    counts: Vec<CountSpec>,
    /// Counts written `name: { value: 1, unit: 人 }`, else as blocks.
    one_line: bool,
    opening: Option<Text>,
    points: Vec<Text>,
    problems: Vec<Text>,
    plan: Text,
    /// Activities' figures: (count, value).
    activities: Vec<(usize, u32)>,
    comments: bool,
    crlf: bool,
    /// `counts:` made by the edit (with no comment of the generator's).
    made_counts: bool,
    /// The activities in a file of their own: a folder input of two files.
    split: bool,
}

fn texts() -> impl Strategy<Value = Text> {
    let seg = prop_oneof![
        (0..WORDS.len()).prop_map(Seg::Words),
        (0..NAMES.len(), 0..5usize).prop_map(|(n, f)| Seg::Ref(n, f)),
        (0..FIGURES.len()).prop_map(Seg::Figure),
    ];
    (0..WORDS.len(), prop::collection::vec(seg, 0..6), 0..5usize).prop_map(|(first, rest, f)| {
        let mut segs = vec![Seg::Words(first)];
        segs.extend(rest);
        Text {
            segs,
            form: [
                Form::Plain,
                Form::Double,
                Form::Single,
                Form::Literal,
                Form::Folded,
            ][f],
        }
    })
}

fn reports() -> impl Strategy<Value = Report> {
    let texts = (
        prop::option::of(texts()),
        prop::collection::vec(texts(), 1..4),
        prop::collection::vec(texts(), 0..3),
        texts(),
    );
    (
        prop::collection::vec((any::<bool>(), 1..500u32, 0..4usize), 0..NAMES.len()),
        texts,
        prop::collection::vec((0..NAMES.len(), 1..50u32), 0..3),
        // One line, comments, CRLF, split.
        prop::array::uniform4(any::<bool>()),
    )
        .prop_map(
            |(counts, (opening, points, problems, plan), activities, flags)| {
                let units = ["人", "户", "次", "篇"];
                let counts: Vec<CountSpec> = counts
                    .into_iter()
                    .enumerate()
                    .filter(|(_, (keep, ..))| *keep)
                    .map(|(i, (_, value, unit))| CountSpec {
                        name: NAMES[i].to_string(),
                        value: value.to_string(),
                        unit: units[unit].to_string(),
                        label: (value % 2 == 0).then(|| "慰问".to_string()),
                        extra: Vec::new(),
                    })
                    .collect();
                let [one_line, comments, crlf, split] = flags;
                Report {
                    counts,
                    one_line,
                    opening,
                    points,
                    problems,
                    plan,
                    activities,
                    comments,
                    crlf,
                    made_counts: false,
                    split,
                }
            },
        )
}

impl Report {
    /// Only the counts defined are referenced.
    fn defined(&self, n: usize) -> bool {
        self.counts.iter().any(|c| c.name == NAMES[n])
    }

    fn texts_mut(&mut self) -> impl Iterator<Item = &mut Text> {
        self.opening
            .iter_mut()
            .chain(self.points.iter_mut())
            .chain(self.problems.iter_mut())
            .chain(std::iter::once(&mut self.plan))
    }

    /// The path of text `t` of [`Report::texts_mut`].
    fn path_of(&self, t: usize) -> Vec<Key> {
        let field = |f: &str| Key::Field(f.into());
        let mut t = t;
        if self.opening.is_some() {
            if t == 0 {
                return vec![field("opening")];
            }
            t -= 1;
        }
        if t < self.points.len() {
            return vec![
                field("summary"),
                field("sections"),
                Key::Index(0),
                field("points"),
                Key::Index(t),
            ];
        }
        t -= self.points.len();
        if t < self.problems.len() {
            return vec![field("problems"), Key::Index(t)];
        }
        vec![
            field("plans"),
            field("sections"),
            Key::Index(0),
            field("text"),
        ]
    }

    /// References to counts not defined dropped.
    fn tidy(mut self) -> Report {
        let defined: Vec<bool> = (0..NAMES.len()).map(|n| self.defined(n)).collect();
        for text in self.texts_mut() {
            text.segs
                .retain(|s| !matches!(s, Seg::Ref(n, _) if !defined[*n]));
        }
        let mut seen = [false; NAMES.len()];
        self.activities
            .retain(|(n, _)| defined[*n] && !std::mem::replace(&mut seen[*n], true));
        self
    }

    /// The report as YAML, with count `rename.0` named `rename.1`.
    fn write(&self, rename: Option<(&str, &str)>) -> String {
        let name = |n: &str| match rename {
            Some((from, to)) if n == from => to.to_string(),
            _ => n.to_string(),
        };
        let mut out = Vec::new();
        let comment = |out: &mut Vec<String>, indent: usize, what: &str| {
            if self.comments {
                out.push(format!("{}# {what}", " ".repeat(indent)));
            }
        };
        comment(&mut out, 0, "某某工会 2020 年工作总结");
        out.push("meta:".into());
        out.push("  organisation: 某某工会".into());
        out.push("  year: 2020".into());
        out.push("  date: 2020-12-08".into());
        if let Some(opening) = &self.opening {
            out.push(format!("opening: {}", text(opening, 2, &name)));
        }
        if !self.counts.is_empty() {
            if !self.made_counts {
                comment(&mut out, 0, "统计数字");
            }
            out.push("counts:".into());
            for count in &self.counts {
                // A unit or label written as the edit writes a string ("%" quoted).
                let string = |s: &str| write::scalar_text(s, write::Kind::Str, self.one_line, true);
                let mut fields = vec![
                    ("value".to_string(), count.value.clone()),
                    ("unit".to_string(), string(&count.unit)),
                ];
                if let Some(label) = &count.label {
                    fields.push(("label".into(), string(label)));
                }
                fields.extend(count.extra.iter().cloned());
                if self.one_line {
                    let fields: Vec<String> =
                        fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                    out.push(format!(
                        "  {}: {{ {} }}",
                        name(&count.name),
                        fields.join(", ")
                    ));
                } else {
                    out.push(format!("  {}:", name(&count.name)));
                    out.extend(fields.iter().map(|(k, v)| format!("    {k}: {v}")));
                }
            }
        }
        out.push("summary:".into());
        out.push("  sections:".into());
        out.push("    - title: 关心关爱".into());
        out.push("      points:".into());
        for point in &self.points {
            comment(&mut out, 8, "一条");
            out.push(format!("        - {}", text(point, 10, &name)));
        }
        if !self.problems.is_empty() {
            out.push("problems:".into());
            for problem in &self.problems {
                out.push(format!("  - {}", text(problem, 4, &name)));
            }
        }
        out.push("plans:".into());
        out.push("  year: 2021".into());
        out.push("  sections:".into());
        out.push("    - id: care".into());
        out.push("      title: 关心关爱".into());
        out.push(format!("      text: {}", text(&self.plan, 8, &name)));
        if !self.split {
            out.extend(self.activity_lines(&name));
        }
        self.lines(out)
    }

    /// The lines as a text, with the report's line breaks.
    fn lines(&self, lines: Vec<String>) -> String {
        let line_break = if self.crlf { "\r\n" } else { "\n" };
        let mut text = lines.join("\n");
        text.push('\n');
        text.replace('\n', line_break)
    }

    /// The file of the activities, when they stand in one of their own.
    fn group(&self, rename: Option<(&str, &str)>) -> Option<String> {
        let name = |n: &str| match rename {
            Some((from, to)) if n == from => to.to_string(),
            _ => n.to_string(),
        };
        let lines = self.activity_lines(&name);
        (self.split && !lines.is_empty()).then(|| self.lines(lines))
    }

    fn activity_lines(&self, name: &dyn Fn(&str) -> String) -> Vec<String> {
        if self.activities.is_empty() {
            return Vec::new();
        }
        let figures: Vec<String> = self
            .activities
            .iter()
            .map(|(n, v)| format!("{}: {v}", name(NAMES[*n])))
            .collect();
        vec![
            "activities:".into(),
            "  - date: 2020-05-01".into(),
            "    title: 慰问活动".into(),
            format!("    figures: {{ {} }}", figures.join(", ")),
        ]
    }
}

/// A text's value, with count names as `name` gives them.
fn value(text: &Text, name: &dyn Fn(&str) -> String) -> String {
    text.segs
        .iter()
        .map(|seg| match seg {
            Seg::Words(w) => WORDS[*w].to_string(),
            Seg::Figure(f) => FIGURES[*f].to_string(),
            Seg::Made(made) => format!("{{{made}}}"),
            Seg::Ref(n, form) => {
                let n = name(NAMES[*n]);
                match form {
                    0 => format!("{{{n}}}"),
                    1 => format!("{{{n}:cn}}"),
                    2 => format!("｛{n}｝"),
                    3 => format!("{{{n}:num}}"),
                    _ => format!("｛{n}：cn｝"),
                }
            }
        })
        .collect()
}

/// A text as YAML after `key: ` or `- `, its block lines at `indent`.
fn text(text: &Text, indent: usize, name: &dyn Fn(&str) -> String) -> String {
    let value = value(text, name);
    // The written form of the text decides, whatever the names: a plain
    // text stays plain when renamed.
    let plain_ok = |v: &str| write::plain_safe(v, false) && write::resolve(v) == write::Kind::Str;
    match text.form {
        Form::Plain if plain_ok(&value) => value,
        Form::Single => format!("'{}'", value.replace('\'', "''")),
        Form::Literal => format!("|-\n{}{value}", " ".repeat(indent)),
        Form::Folded => format!(">-\n{}{value}", " ".repeat(indent)),
        _ => write::scalar_text(&value, write::Kind::Str, false, false),
    }
}

/// The engine, made once: its templates render every case's Markdown.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(Setup::default()).expect("the built-in templates"))
}

/// The document's Markdown (None: it does not load or has errors): of one
/// file, or of a folder of the report and its activities' file.
fn markdown(text: &str, group: Option<&str>) -> Option<String> {
    let folder = std::path::PathBuf::from("/nonexistent/case");
    let path = folder.join("report.yaml");
    let (path, outcome) = match group {
        None => (
            path.clone(),
            crate::load::parse(crate::source::SourceFile::new(path, text.into()), None),
        ),
        Some(group) => {
            let texts = vec![
                (folder.join("group.yaml"), group.to_string()),
                (path, text.to_string()),
            ];
            (
                folder.clone(),
                crate::load::parse_folder(&folder, texts, None),
            )
        }
    };
    let judged = engine().judge(&path, outcome, false).ok()?;
    let checked = judged.into_clean()?;
    let made = engine()
        .make(&checked, crate::view::Kind::Combined, None, None)
        .ok()?;
    Some(made.markdown)
}

fn cases() -> u32 {
    std::env::var("NIANBAO_EDIT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4096)
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn a_count_renamed_is_renamed_everywhere_and_prints_the_same() {
    let made = std::cell::Cell::new([0usize; 3]);
    let count = |i: usize| {
        let mut m = made.get();
        m[i] += 1;
        made.set(m);
    };
    runner(cases())
        .run(
            &(reports(), any::<usize>(), 0..9usize, any::<u8>()),
            |(report, pick, to, check)| {
                let report = report.tidy();
                if report.counts.is_empty() {
                    return Ok(());
                }
                let from = report.counts[pick % report.counts.len()].name.clone();
                let to = match to {
                    0..3 => NEW_NAMES[to].to_string(),
                    3..6 => BAD_NAMES[to - 3].to_string(),
                    _ => report.counts[to % report.counts.len()].name.clone(),
                };
                let old = report.write(None);
                let group = report.group(None);
                let edit = Edit::RenameCount {
                    from: from.clone(),
                    to: to.clone(),
                };
                let others: Vec<String> = group.iter().cloned().collect();
                let result = apply_with(&old, &edit, &others);
                let taken = report.counts.iter().any(|c| c.name == to) && to != from;
                if taken || !crate::refs::is_name(&to) {
                    let e = result.expect_err("a taken or impossible name is refused");
                    prop_assert!(e.0.contains(to.as_str()), "{}", e.0);
                    count(1);
                    return Ok(());
                }
                let applied = result.map_err(|e| TestCaseError::fail(format!("{}\n{old}", e.0)))?;
                let new = applied.yaml;
                prop_assert_eq!(&new, &report.write(Some((&from, &to))), "\n{}", old);
                let new_group = report.group(Some((&from, &to)));
                let others = applied.others.unwrap_or(others);
                prop_assert_eq!(others.first(), new_group.as_ref(), "\n{}", old);
                count(0);
                if check % 4 == 0 {
                    let before = markdown(&old, group.as_deref());
                    let after = markdown(&new, new_group.as_deref());
                    prop_assert_eq!(&after, &before, "\n{}", old);
                    if before.is_some() {
                        count(2);
                    }
                }
                Ok(())
            },
        )
        .unwrap();
    let [renamed, refused, printed] = made.get();
    eprintln!("count renames: {renamed} made ({printed} printed the same), {refused} refused");
    assert!(renamed > 0 && refused > 0 && printed > 0);
}

#[test]
fn a_figure_made_a_count_prints_the_same() {
    let made = std::cell::Cell::new([0usize; 2]);
    runner(cases())
        .run(
            &(reports(), any::<usize>(), any::<usize>(), any::<u8>()),
            |(report, which, figure, check)| {
                let report = report.tidy();
                let old = report.write(None);
                let nodes = nodes(&old).map_err(TestCaseError::fail)?;
                // The texts with a figure: their places, in document order.
                let mut places = Vec::new();
                let mut spec = report.clone();
                for (t, text) in spec.texts_mut().enumerate() {
                    let figures = text
                        .segs
                        .iter()
                        .filter(|s| matches!(s, Seg::Figure(_)))
                        .count();
                    if figures > 0 {
                        places.push((t, figures));
                    }
                }
                if places.is_empty() {
                    return Ok(());
                }
                let (t, figures) = places[which % places.len()];
                let nth = figure % figures;
                let path = spec.path_of(t);
                let text = spec.texts_mut().nth(t).expect("a text");
                let value = value(text, &|n| n.to_string());
                let node = nodes
                    .iter()
                    .find(|n| n.path == path)
                    .expect("the text's node");
                prop_assert_eq!(node.value.as_deref(), Some(value.as_str()));
                let found = crate::figures::find(&value);
                prop_assert_eq!(found.len(), figures, "{}", value);
                let (start, end) = (found[nth].start, found[nth].end);
                // By its place, or (every other case) as written: the first
                // figure written so is the one made a count.
                let written: String = value.chars().skip(start).take(end - start).collect();
                let first = found.iter().position(|f| {
                    value
                        .chars()
                        .skip(f.start)
                        .take(f.end - f.start)
                        .eq(written.chars())
                });
                let by_text = figure % 2 == 0 && first == Some(nth);
                let edit = Edit::MakeCount {
                    path: node.path.clone(),
                    start: (!by_text).then_some(start),
                    end: (!by_text).then_some(end),
                    figure: by_text.then(|| written.clone()),
                    name: None,
                    label: None,
                };
                let applied = apply_with(&old, &edit, &[])
                    .map_err(|e| TestCaseError::fail(format!("{}\n{old}", e.0)))?;
                let name = applied.name.clone().expect("the count's name");
                prop_assert!(crate::refs::is_name(&name));
                prop_assert!(!report.counts.iter().any(|c| c.name == name));
                // The text: the figure replaced by the reference.
                let at = text
                    .segs
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| matches!(s, Seg::Figure(_)))
                    .nth(nth)
                    .map(|(i, _)| i)
                    .expect("the figure");
                let Seg::Figure(f) = text.segs[at] else {
                    unreachable!()
                };
                text.segs[at] = Seg::Made(name.clone());
                // The count: value, unit and label read from the figure.
                let read = &found[nth].read;
                let label = super::super::counts::clean_label(&found[nth].label);
                let mut extra = Vec::new();
                match &read.approx {
                    crate::model::Approx::No => {}
                    crate::model::Approx::Yes => extra.push(("approx".into(), "true".into())),
                    crate::model::Approx::Written(u) => extra.push(("approx".into(), u.clone())),
                }
                if FIGURES[f] == "12.50%" {
                    extra.push(("decimals".into(), "2".into()));
                }
                let number = if read.value.contains('.') {
                    read.value.trim_end_matches('0').to_string()
                } else {
                    read.value.clone()
                };
                if spec.counts.is_empty() {
                    spec.one_line = false;
                    spec.made_counts = true;
                }
                spec.counts.push(CountSpec {
                    name: name.clone(),
                    value: number,
                    unit: read.unit.clone(),
                    label: (!label.is_empty()).then_some(label),
                    extra,
                });
                prop_assert_eq!(&applied.yaml, &spec.write(None), "\n{}", old);
                if check % 4 == 0 {
                    let group = report.group(None);
                    let before = markdown(&old, group.as_deref());
                    let after = markdown(&applied.yaml, group.as_deref());
                    prop_assert_eq!(&after, &before, "\n{}", old);
                    if before.is_some() {
                        let mut m = made.get();
                        m[1] += 1;
                        made.set(m);
                    }
                }
                let mut m = made.get();
                m[0] += 1;
                made.set(m);
                Ok(())
            },
        )
        .unwrap();
    let [made, printed] = made.get();
    eprintln!("figures made counts: {made} ({printed} printed the same)");
    assert!(made > 0 && printed > 0);
}
