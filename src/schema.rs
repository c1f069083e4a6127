//! The input schema is defined once, by the model's types (`model.rs`); every
//! other place that names its fields is checked against it here: the draft
//! writer (`draft.rs`), the guide's input format (`docs/src/en/input.md`; its
//! reference page is made from these names, `reference.rs`), the page's labels. A field
//! added to the model and not to those places (or named there and not in the
//! model) fails a test. The merge of a folder's files and the report's
//! construction destructure the model's structs without `..`, so there the
//! compiler already refuses a field that is not handled.
//!
//! The model's fields are read from serde itself: a struct deriving
//! `Deserialize` hands the deserializer the names of all of its fields, in
//! order, and an enum the names of its variants.

#[cfg(test)]
use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;

use crate::model::{
    Activity, Attachment, Block, Count, Document, Headings, Item, Meta, PartialReport, Plans,
    Section, Settings, Signature, Summary, Table,
};

/// A type of the model, as the YAML places it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    Report,
    Meta,
    Headings,
    Count,
    Part,
    Section,
    Item,
    Summary,
    Plans,
    Attachment,
    Activity,
    Settings,
    Table,
    /// A body block: a mapping of one key, the block's kind.
    Block,
    Document,
    /// One of `document.signatures`.
    Signature,
}

/// serde's list of the names a type accepts: its fields, or a block's kinds.
/// They are what its derived `Deserialize` hands the deserializer; this one
/// keeps them and deserializes nothing.
fn names_of<T: DeserializeOwned>() -> Vec<String> {
    use serde::de::value::Error;
    use serde::de::{Error as _, Visitor};

    struct Names(std::cell::RefCell<Vec<String>>);
    impl<'de> serde::Deserializer<'de> for &Names {
        type Error = Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error::custom("not a struct or an enum"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Error> {
            self.0
                .borrow_mut()
                .extend(fields.iter().map(|f| f.to_string()));
            Err(Error::custom("names taken"))
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Error> {
            self.0
                .borrow_mut()
                .extend(variants.iter().map(|v| v.to_string()));
            Err(Error::custom("names taken"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map identifier ignored_any
        }
    }
    let names = Names(Default::default());
    assert!(T::deserialize(&names).is_err());
    names.0.into_inner()
}

impl Shape {
    pub const ALL: [Shape; 16] = [
        Shape::Report,
        Shape::Meta,
        Shape::Headings,
        Shape::Count,
        Shape::Part,
        Shape::Section,
        Shape::Item,
        Shape::Summary,
        Shape::Plans,
        Shape::Attachment,
        Shape::Activity,
        Shape::Settings,
        Shape::Table,
        Shape::Block,
        Shape::Document,
        Shape::Signature,
    ];

    /// Its name in the guide and the locale keys (`shape-meta`, `field-meta-year`).
    pub fn key(self) -> &'static str {
        match self {
            Shape::Report => "report",
            Shape::Meta => "meta",
            Shape::Headings => "headings",
            Shape::Count => "count",
            Shape::Part => "part",
            Shape::Section => "section",
            Shape::Item => "item",
            Shape::Summary => "summary",
            Shape::Plans => "plans",
            Shape::Attachment => "attachment",
            Shape::Activity => "activity",
            Shape::Settings => "settings",
            Shape::Table => "table",
            Shape::Block => "block",
            Shape::Document => "document",
            Shape::Signature => "signature",
        }
    }

    /// The names it accepts: its fields, or a block's kinds.
    pub fn names(self) -> Vec<String> {
        match self {
            Shape::Report => names_of::<PartialReport>(),
            Shape::Meta => names_of::<Meta>(),
            Shape::Headings => names_of::<Headings>(),
            Shape::Count => names_of::<Count>(),
            Shape::Part => names_of::<crate::model::Part>(),
            Shape::Section => names_of::<Section>(),
            Shape::Item => names_of::<Item>(),
            Shape::Summary => names_of::<Summary>(),
            Shape::Plans => names_of::<Plans>(),
            Shape::Attachment => names_of::<Attachment>(),
            Shape::Activity => names_of::<Activity>(),
            Shape::Settings => names_of::<Settings>(),
            Shape::Table => names_of::<Table>(),
            Shape::Block => names_of::<Block>(),
            Shape::Document => names_of::<Document>(),
            Shape::Signature => names_of::<Signature>(),
        }
    }

    /// The shape of the value under `key` (for a list, of its items; for
    /// `counts`, of each count), when it is one of the model's types.
    pub fn child(self, key: &str) -> Option<Shape> {
        Some(match (self, key) {
            (Shape::Report, "meta") => Shape::Meta,
            (Shape::Report, "counts") => Shape::Count,
            (Shape::Report, "parts") => Shape::Part,
            (Shape::Report, "summary") => Shape::Summary,
            (Shape::Report, "plans") => Shape::Plans,
            (Shape::Report, "attachments") => Shape::Attachment,
            (Shape::Report, "activities") => Shape::Activity,
            (Shape::Report, "settings") => Shape::Settings,
            (Shape::Report, "document") => Shape::Document,
            (Shape::Document, "signatures") => Shape::Signature,
            (Shape::Meta, "headings") => Shape::Headings,
            (Shape::Part | Shape::Section | Shape::Summary, "sections") => Shape::Section,
            (Shape::Plans, "sections") => Shape::Item,
            (Shape::Part | Shape::Section, "items") => Shape::Item,
            (Shape::Part | Shape::Section | Shape::Attachment, "body") => Shape::Block,
            (Shape::Block, "table") => Shape::Table,
            (Shape::Block, "section") => Shape::Section,
            _ => return None,
        })
    }
}

#[cfg(test)]
/// Every shape's names, as serde gives them.
fn model() -> BTreeMap<Shape, Vec<String>> {
    Shape::ALL.into_iter().map(|s| (s, s.names())).collect()
}

#[cfg(test)]
/// The names a YAML value uses where the model expects `shape`, each with
/// where it stands; the names it uses that the model lacks go to `unknown`.
fn walk(
    value: &serde_json::Value,
    shape: Shape,
    at: &str,
    model: &BTreeMap<Shape, Vec<String>>,
    used: &mut BTreeSet<(Shape, String)>,
    unknown: &mut Vec<String>,
) {
    match value {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, shape, &format!("{at}[{i}]"), model, used, unknown);
            }
        }
        serde_json::Value::Object(map) if shape == Shape::Count && at.ends_with("counts") => {
            for (name, count) in map {
                walk(count, shape, &format!("{at}.{name}*"), model, used, unknown);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                if !model[&shape].contains(key) {
                    unknown.push(format!("{at}.{key} ({shape:?})"));
                    continue;
                }
                used.insert((shape, key.clone()));
                if let Some(child) = shape.child(key) {
                    walk(inner, child, &format!("{at}.{key}"), model, used, unknown);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
/// A draft with every field the draft writer has set, as `import` and
/// `next` could write it. A struct literal without `..`: a field added to the
/// draft must be set here.
fn full_draft() -> crate::draft::Draft {
    use crate::draft::*;
    let section = |title: &str, body: Vec<DraftBlock>| DraftSection {
        title: title.into(),
        run_in: true,
        fulfils: Some("care".into()),
        points: vec!["一点。".into()],
        items: vec![DraftItem {
            id: None,
            title: None,
            text: Some("一条。".into()),
        }],
        body,
    };
    let blocks = || {
        vec![
            DraftBlock::Paragraph("一段。".into()),
            DraftBlock::Points(vec!["一点。".into()]),
            DraftBlock::Numbered(vec!["一条。".into()]),
            DraftBlock::Table(DraftTable {
                header: vec!["项目".into()],
                rows: vec![vec!["甲".into()]],
            }),
            DraftBlock::Section(Box::new(section("小节", Vec::new()))),
        ]
    };
    let item = DraftItem {
        id: Some("a".into()),
        title: Some("标题".into()),
        text: Some("内容。".into()),
    };
    Draft {
        meta: DraftMeta {
            organisation: "某工会".into(),
            year: 2020,
            half: Some(1),
            date: serde_saphyr::Commented("2020-12-08".into(), String::new()),
            signature: Some("工会办".into()),
            ending: Some("both"),
            title: Some("标题".into()),
            lang: Some(crate::model::Lang::Zh),
            numbering: Some("1、".into()),
            level3: Some("1、".into()),
            problems_as: Some("list"),
            headings: DraftHeadings {
                summary: Some("总结".into()),
                problems: Some("问题".into()),
                plans: Some("计划".into()),
            },
        },
        opening: Some("开头。".into()),
        counts: DraftCounts(vec![(
            "visits".into(),
            DraftCount {
                value: Some(1.0),
                unit: "人".into(),
                approx: crate::model::Approx::Yes,
                label: Some("走访".into()),
                part_of: Some("all".into()),
                decimals: Some(1),
                currency: Some("¥".into()),
                grouping: true,
                signed: true,
                from: vec!["一中".into()],
            },
        )]),
        parts: vec![DraftPart {
            role: Some("work"),
            heading: Some("部分".into()),
            run_in: true,
            intro: Some("导语。".into()),
            style: Some("points"),
            points: vec!["一点。".into()],
            items: vec![item],
            body: blocks(),
            sections: vec![section("小节", blocks())],
        }],
        summary: Some(DraftSummary {
            sections: vec![section("小节", blocks())],
        }),
        problems: Some(vec!["问题。".into()]),
        plans: Some(DraftPlans {
            intro: Some("导语。".into()),
            sections: vec![DraftPlan {
                id: "care".into(),
                title: "标题".into(),
                text: "内容。".into(),
            }],
        }),
        attachments: vec![DraftAttachment {
            title: "附件".into(),
            body: blocks(),
        }],
    }
}

/// Fields of the model the draft writer does not write, and why: a new
/// field of the model fails [`the_draft_writes_only_the_models_fields`]
/// until it is written by the draft or named here.
#[cfg(test)]
const NOT_DRAFTED: &[(Shape, &str, &str)] = &[
    (
        Shape::Report,
        "activities",
        "activities are logged by hand or by group files",
    ),
    (
        Shape::Report,
        "settings",
        "a rule's level is the user's choice",
    ),
    (
        Shape::Meta,
        "from",
        "import and next write a year or a half",
    ),
    (Shape::Meta, "to", "import and next write a year or a half"),
    (
        Shape::Count,
        "note",
        "import finds no notes; next starts counts afresh",
    ),
    (Shape::Part, "id", "ids name plans; a part's is the user's"),
    (Shape::Part, "year", "the planned year follows from meta"),
    (
        Shape::Section,
        "style",
        "imported points are written as points",
    ),
    (
        Shape::Section,
        "sections",
        "import writes sub-sections as body blocks",
    ),
    (
        Shape::Section,
        "id",
        "a section's name for activities is the user's",
    ),
    (
        Shape::Section,
        "activities",
        "listing activities is the user's choice",
    ),
    (Shape::Plans, "year", "the planned year follows from meta"),
    (Shape::Activity, "date", "activities are not drafted"),
    (Shape::Activity, "title", "activities are not drafted"),
    (Shape::Activity, "section", "activities are not drafted"),
    (Shape::Activity, "group", "activities are not drafted"),
    (Shape::Activity, "figures", "activities are not drafted"),
    (
        Shape::Activity,
        "participants",
        "activities are not drafted",
    ),
    (Shape::Activity, "tags", "activities are not drafted"),
    (Shape::Activity, "text", "activities are not drafted"),
    (Shape::Settings, "rules", "settings are not drafted"),
    (Shape::Table, "caption", "import finds no captions"),
    (
        Shape::Report,
        "document",
        "a 公文's elements are the sender's, not in a document read back",
    ),
    (
        Shape::Document,
        "kind",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "copy_number",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "classification",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "urgency",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "issuer",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "number",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "signers",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "addressee",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "title",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "cover",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "seal",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "signatures",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Signature,
        "name",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Signature,
        "seal",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Signature,
        "stamp",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "annotation",
        "the 公文's elements are not drafted",
    ),
    (Shape::Document, "cc", "the 公文's elements are not drafted"),
    (
        Shape::Document,
        "printer",
        "the 公文's elements are not drafted",
    ),
    (
        Shape::Document,
        "printed",
        "the 公文's elements are not drafted",
    ),
];

#[test]
fn the_model_names_its_fields() {
    assert_eq!(
        names_of::<Headings>(),
        ["summary", "problems", "plans"].map(String::from)
    );
    assert_eq!(
        names_of::<Block>(),
        ["paragraph", "points", "numbered", "table", "section"].map(String::from)
    );
    assert_eq!(names_of::<Summary>(), ["sections"].map(String::from));
}

#[test]
fn the_draft_writes_only_the_models_fields() {
    let model = model();
    let yaml = full_draft().to_yaml("");
    let value: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
    let mut used = BTreeSet::new();
    let mut unknown = Vec::new();
    walk(&value, Shape::Report, "", &model, &mut used, &mut unknown);
    assert!(
        unknown.is_empty(),
        "the draft writes fields the model lacks: {unknown:?}"
    );
    let mut unaccounted = Vec::new();
    for (shape, names) in &model {
        for name in names {
            let excused = NOT_DRAFTED.iter().any(|(s, n, _)| s == shape && n == name);
            let written = used.contains(&(*shape, name.clone()));
            if written == excused {
                unaccounted.push(format!(
                    "{shape:?}.{name}: {}",
                    if written {
                        "written by the draft and listed in NOT_DRAFTED"
                    } else {
                        "neither written by the draft nor listed in NOT_DRAFTED"
                    }
                ));
            }
        }
    }
    assert!(unaccounted.is_empty(), "{unaccounted:#?}");
    // And the model's types read it (it has `parts` and the shorthand both,
    // so it is not one input that `check` would pass).
    if let Err(e) = serde_saphyr::from_str::<PartialReport>(&yaml) {
        panic!("{e}\n{yaml}");
    }
}

/// The guide's hand-written input format names every field (its reference
/// page, made from the model, has them all by construction).
#[test]
fn the_guides_input_format_explains_every_field() {
    let section = [
        include_str!("../docs/src/en/input.md"),
        include_str!("../docs/src/en/gongwen.md"),
        include_str!("../docs/src/en/periods.md"),
    ]
    .concat();
    let mut missing = Vec::new();
    for (shape, names) in model() {
        for name in names {
            let written =
                section.contains(&format!("{name}:")) || section.contains(&format!("`{name}`"));
            if !written {
                missing.push(format!("{shape:?}.{name}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/src/en/{{input,gongwen,periods}}.md do not explain: {missing:?}"
    );
}

#[test]
fn the_page_labels_every_field_and_no_other() {
    use crate::model::Lang;
    let names: BTreeSet<String> = model().into_values().flatten().collect();
    let mut problems = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let mut labelled = BTreeSet::new();
        for (file, text) in crate::locale::files(lang) {
            for line in text.lines() {
                if let Some((key, _)) = line.split_once(" = ")
                    && let Some(field) = key.strip_prefix("label-")
                {
                    labelled.insert(field.to_string());
                    if !names.contains(field) {
                        problems.push(format!("{lang:?} {file}: `{key}` labels no field"));
                    }
                }
            }
        }
        for name in names.difference(&labelled) {
            problems.push(format!(
                "{lang:?}: no `label-{name}` for the field `{name}`"
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
