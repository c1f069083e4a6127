//! An input as nianbao writes it (`next`, `import`): plain serializable structs
//! in the order of the input format, turned into YAML by serde-saphyr's
//! serializer, so every string is quoted as YAML needs and the result reads
//! back as the input it describes.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_saphyr::{Commented, FlowMap, SerializerOptions};

/// A whole input.
#[derive(Debug, Default, Serialize)]
pub struct Draft {
    pub meta: DraftMeta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening: Option<String>,
    #[serde(skip_serializing_if = "DraftCounts::is_empty")]
    pub counts: DraftCounts,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<DraftPart>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<DraftSummary>,
    /// None: left out; Some(empty): written `problems: []`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plans: Option<DraftPlans>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<DraftAttachment>,
}

#[derive(Debug, Serialize)]
pub struct DraftMeta {
    pub organisation: String,
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub half: Option<u8>,
    /// The date, with a comment for the reader when there is one.
    pub date: Commented<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ending: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::model::Lang>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numbering: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level3: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems_as: Option<&'static str>,
    #[serde(skip_serializing_if = "DraftHeadings::is_empty")]
    pub headings: DraftHeadings,
}

#[derive(Debug, Default, Serialize)]
pub struct DraftHeadings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plans: Option<String>,
}

impl Default for DraftMeta {
    fn default() -> Self {
        DraftMeta {
            organisation: String::new(),
            year: 0,
            half: None,
            date: Commented(String::new(), String::new()),
            signature: None,
            ending: None,
            title: None,
            lang: None,
            numbering: None,
            level3: None,
            problems_as: None,
            headings: DraftHeadings::default(),
        }
    }
}

impl DraftHeadings {
    fn is_empty(&self) -> bool {
        self.summary.is_none() && self.problems.is_none() && self.plans.is_none()
    }
}

/// Named counts in the order they were found, each on one line.
#[derive(Debug, Default)]
pub struct DraftCounts(pub Vec<(String, DraftCount)>);

impl DraftCounts {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for DraftCounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, count) in &self.0 {
            map.serialize_entry(name, &FlowMap(count))?;
        }
        map.end()
    }
}

#[derive(Debug, Default, Serialize)]
pub struct DraftCount {
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_or_decimal"
    )]
    pub value: Option<f64>,
    pub unit: String,
    #[serde(skip_serializing_if = "is_not_approx")]
    pub approx: crate::model::Approx,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub grouping: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub signed: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<String>,
}

fn is_not_approx(approx: &crate::model::Approx) -> bool {
    !approx.is_approx()
}

/// A figure as people write it: 411, not 411.0; 8.5 stays 8.5.
fn whole_or_decimal<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9e15 => serializer.serialize_i64(*v as i64),
        Some(v) => serializer.serialize_f64(*v),
        None => serializer.serialize_none(),
    }
}

#[derive(Debug, Default, Serialize)]
pub struct DraftSummary {
    pub sections: Vec<DraftSection>,
}

#[derive(Debug, Default, Serialize)]
pub struct DraftSection {
    pub title: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub run_in: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fulfils: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<DraftItem>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<DraftBlock>,
}

/// A body block, written as the input writes it: `- paragraph: …`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DraftBlock {
    Paragraph(String),
    Points(Vec<String>),
    Numbered(Vec<String>),
    Table(DraftTable),
    Section(Box<DraftSection>),
}

/// A table: its header and rows of cells.
#[derive(Debug, Default, Serialize)]
pub struct DraftTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A top-level part as `parts:` writes it.
#[derive(Debug, Default, Serialize)]
pub struct DraftPart {
    /// None: work, the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub run_in: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<DraftItem>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<DraftBlock>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<DraftSection>,
}

/// A run-in item: （一）title。text.
#[derive(Debug, Default, Serialize)]
pub struct DraftItem {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct DraftPlans {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    pub sections: Vec<DraftPlan>,
}

#[derive(Debug, Default, Serialize)]
pub struct DraftPlan {
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Default, Serialize)]
pub struct DraftAttachment {
    pub title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<DraftBlock>,
}

impl Draft {
    /// The YAML: `header` as comment lines, then the input, with a blank line
    /// before each part.
    pub fn to_yaml(&self, header: &str) -> String {
        let mut options = SerializerOptions::default();
        options.compact_list_indent = false;
        options.prefer_block_scalars = false;
        let body = serde_saphyr::to_string_with_options(self, options)
            .expect("a draft is plain strings, numbers and lists");
        // Sized once: a blank line per part at most is added to the body.
        let mut out = String::with_capacity(body.len() + 2 * header.len() + 256);
        for line in header.lines() {
            out.push_str(&format!("# {line}\n").replace("# \n", "#\n"));
        }
        for line in body.lines() {
            // A blank line before each top-level part, for the reader.
            if !line.starts_with([' ', '-']) && !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_that_yaml_would_misread_are_quoted_and_read_back() {
        let draft = Draft {
            meta: DraftMeta {
                organisation: "a: b # c".into(),
                year: 2021,
                date: Commented("2021-12-31".into(), "change it".into()),
                title: Some("{x} - 'y' \"z\"\nsecond line".into()),
                ..DraftMeta::default()
            },
            counts: DraftCounts(vec![(
                "visits".into(),
                DraftCount {
                    unit: "人".into(),
                    label: Some("yes".into()),
                    ..DraftCount::default()
                },
            )]),
            summary: Some(DraftSummary {
                sections: vec![DraftSection {
                    title: "- 标题".into(),
                    points: vec!["待补充。".into(), "true".into()],
                    ..DraftSection::default()
                }],
            }),
            problems: Some(Vec::new()),
            ..Draft::default()
        };
        let yaml = draft.to_yaml("started by a test");
        assert!(yaml.starts_with("# started by a test\n\nmeta:\n"), "{yaml}");
        assert!(yaml.contains("# change it"), "{yaml}");
        assert!(yaml.contains("  visits: {"), "{yaml}");
        assert!(yaml.contains("\nproblems: []\n"), "{yaml}");
        let source = crate::source::SourceFile::new("draft.yaml".into(), yaml.clone());
        let crate::load::Outcome::Loaded(loaded) = crate::load::parse(source, None) else {
            panic!("the draft reads back: {yaml}");
        };
        let report = &loaded.report;
        assert_eq!(report.meta.organisation.value, "a: b # c");
        assert_eq!(report.meta.date.value, "2021-12-31");
        assert_eq!(
            report.meta.title.as_ref().unwrap().value,
            "{x} - 'y' \"z\"\nsecond line"
        );
        assert_eq!(report.parts[0].sections[0].title.value, "- 标题");
        let points: Vec<&str> = report.parts[0].sections[0]
            .points
            .iter()
            .map(|p| p.value.as_str())
            .collect();
        assert_eq!(points, ["待补充。", "true"]);
        let count = report.counts.get("visits").unwrap();
        assert_eq!(count.label.as_ref().unwrap().value, "yes");
    }
}
