//! The page's boxes show references by their counts' labels (`shown`); what
//! the person changes there is made in the text (`unshown`): whole examples,
//! and the invariants on generated texts and edits — an edit outside the
//! references is made in the text byte for byte, and the text made shows
//! what the box showed. `NIANBAO_EDIT_CASES` sets how many cases (default 4096).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use super::super::shown::{Labels, labels, shown, unshown};

/// `a` 走访, `b2` 慰问困难职工, `visits` 生日慰问; `plain` has no label,
/// `same` the label that `twin` has too (shown by name, as written).
fn the_labels() -> Labels {
    labels(&[
        ("a", Some("走访")),
        ("b2", Some("慰问困难职工")),
        ("visits", Some(" 生日慰问 ")),
        ("plain", None),
        ("same", Some("慰问")),
        ("twin", Some("慰问")),
        ("colon", Some("注：见附件")),
    ])
}

#[test]
fn a_reference_is_shown_by_its_label_and_typed_back_by_it() {
    let labels = the_labels();
    assert_eq!(
        labels.0.keys().collect::<Vec<_>>(),
        ["a", "b2", "visits"],
        "a label two counts have, or one with a colon, is not shown"
    );
    let text = "走访{a}，其中{b2:cn}；{{a}}不是引用，{plain}、｛visits｝和{same}照写";
    let (seen, tokens) = shown(text, &labels);
    assert_eq!(
        seen,
        "走访｛走访｝，其中｛慰问困难职工：cn｝；{{a}}不是引用，{plain}、｛生日慰问｝和{same}照写"
    );
    assert_eq!(tokens.len(), 3);
    // Typed at the end: the rest byte for byte (the full-width `｛visits｝` too).
    assert_eq!(
        unshown(text, &format!("{seen}。"), &labels),
        format!("{text}。")
    );
    // A label typed in full-width braces becomes its reference; with a
    // format too; an unknown label or format stays text.
    assert_eq!(
        unshown(
            "共",
            "共｛生日慰问｝，｛走访：cn｝，｛走访：xx｝，｛不知道｝",
            &labels
        ),
        "共{visits}，{a:cn}，｛走访：xx｝，｛不知道｝"
    );
    // A reference taken out whole; one edited inside is taken in whole
    // and left as text typed.
    assert_eq!(
        unshown(text, &seen.replacen("｛走访｝", "", 1), &labels),
        text.replacen("{a}", "", 1)
    );
    assert_eq!(
        unshown(text, &seen.replacen("｛走访｝", "｛走｝", 1), &labels),
        text.replacen("{a}", "｛走｝", 1)
    );
    // One of braces before a reference taken out: that one.
    assert_eq!(unshown("｛｛{a}", "｛｛走访｝", &labels), "｛{a}");
    // Nothing changed: the text as it is.
    assert_eq!(unshown(text, &seen, &labels), text);
}

/// Pieces of a text: references in the canonical form and the others, and
/// literal runs.
fn pieces(canonical: bool) -> impl Strategy<Value = Vec<String>> {
    let piece = prop_oneof![
        Just("{a}".to_string()),
        Just("{b2:cn}".to_string()),
        Just("{visits}".to_string()),
        Just("{a:num}".to_string()),
        Just("{plain}".to_string()),
        Just(
            if canonical {
                "{visits:cn}"
            } else {
                "｛visits｝"
            }
            .to_string()
        ),
        Just("{{".to_string()),
        Just("}}".to_string()),
        Just("｛".to_string()),
        Just("｝".to_string()),
        Just("：".to_string()),
        "[x走访生日慰问，。1-3]{1,4}",
    ];
    proptest::collection::vec(piece, 0..8)
}

/// What is typed: text without braces, or (`tokens`) a label in braces too.
fn typed(tokens: bool) -> BoxedStrategy<String> {
    let run = "[x新增走访，。1-3]{0,4}";
    if tokens {
        proptest::collection::vec(
            prop_oneof![
                run.prop_map(|s| s),
                Just("｛走访｝".to_string()),
                Just("｛生日慰问：cn｝".to_string()),
            ],
            0..3,
        )
        .prop_map(|v| v.concat())
        .boxed()
    } else {
        run.prop_map(|s| s).boxed()
    }
}

/// A runner of `NIANBAO_EDIT_CASES` cases (default 4096).
fn runner() -> TestRunner {
    let cases = std::env::var("NIANBAO_EDIT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4096);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// The char boundaries of `s` at `a` and `b` (any numbers), in order.
fn range_in(s: &str, a: usize, b: usize) -> (usize, usize) {
    let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
    let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
    (x.min(y), x.max(y))
}

#[test]
fn an_edit_beside_the_references_is_made_in_the_text_byte_for_byte() {
    let labels = the_labels();
    let mut runner = runner();
    runner
        .run(
            &(pieces(true), any::<usize>(), any::<usize>(), typed(false)),
            |(pieces, a, b, inserted)| {
                let text = pieces.concat();
                let (seen, tokens) = shown(&text, &labels);
                let (start, end) = range_in(&seen, a, b);
                // Not inside a reference shown by its label.
                let inside = |at: usize| tokens.iter().any(|(_, s)| s.start < at && at < s.end);
                if inside(start) || inside(end) {
                    return Ok(());
                }
                let after = format!("{}{inserted}{}", &seen[..start], &seen[end..]);
                let raw = |at: usize| {
                    tokens
                        .iter()
                        .filter(|(_, s)| s.end <= at)
                        .fold(at, |n, (r, s)| n + r.len() - s.len())
                };
                let want = format!("{}{inserted}{}", &text[..raw(start)], &text[raw(end)..]);
                prop_assert_eq!(
                    unshown(&text, &after, &labels),
                    want,
                    "{:?} → {:?}",
                    seen,
                    after
                );
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn the_text_made_shows_what_the_box_showed() {
    let labels = the_labels();
    let mut runner = runner();
    runner
        .run(
            &(pieces(false), any::<usize>(), any::<usize>(), typed(true)),
            |(pieces, a, b, inserted)| {
                let text = pieces.concat();
                let (seen, _) = shown(&text, &labels);
                let (start, end) = range_in(&seen, a, b);
                let after = format!("{}{inserted}{}", &seen[..start], &seen[end..]);
                let made = unshown(&text, &after, &labels);
                // Not a case: an edit that joins braces around a name
                // (｛ + a + ｝, which writes a reference shown by its label),
                // or that leaves an ASCII brace just before a reference (half
                // of an escaped `{{` taken out, or a label typed beside it):
                // `{` and `{a}` make `{{`, as typing in the YAML would. A known
                // limit; the boxes show escaped braces as written.
                let joined = crate::refs::parse(&after)
                    .iter()
                    .any(|p| matches!(p, crate::refs::Piece::Ref { name, .. } if labels.0.contains_key(*name)));
                let beside = after.contains("{｛")
                    || (inserted.contains('｛')
                        && (seen[..start].ends_with(['{', '}']) || seen[end..].starts_with(['{', '}'])));
                if !joined && !beside {
                    prop_assert_eq!(shown(&made, &labels).0, after.clone(), "{:?} → {:?}: {:?}", seen, after, made);
                }
                Ok(())
            },
        )
        .unwrap();
}
