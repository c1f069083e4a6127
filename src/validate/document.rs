//! The 公文's elements: the 发文字号's form and year, 主送 where the 文种 needs
//! it, a 请示's ending, the 版记, the seal image, the signatures' seals.

use super::{Ctx, TextKind};
use crate::diag::Diagnostic;
use crate::gongwen;
use crate::messages::Message;
use crate::model::DocKind;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(document) = &ctx.report.document else {
        return;
    };
    let d = &document.value;
    let kind = d.kind.as_ref().map(|k| k.value);
    if let Some(number) = &d.number {
        let span = ctx.span_covering(number, &number.value);
        match gongwen::doc_number(&number.value) {
            Err(problem) => out.push(ctx.emit(
                Message::DocNumberForm {
                    number: number.value.clone(),
                    problem,
                },
                span,
            )),
            Ok(read) => {
                let date_year = ctx
                    .report
                    .meta
                    .date
                    .value
                    .get(..4)
                    .and_then(|y| y.parse().ok());
                if let Some(date_year) = date_year
                    && date_year != read.year
                {
                    let message = Message::DocNumberYear {
                        number: number.value.clone(),
                        year: read.year,
                        date_year,
                    };
                    out.push(ctx.emit(message, span));
                }
            }
        }
    }
    if let Some(kind) = kind
        && kind.upward()
        && d.addressee.is_none()
    {
        let at = d.kind.as_ref().expect("a kind");
        let message = Message::MissingAddressee { kind: kind.name() };
        out.push(ctx.emit(message, ctx.span_of(at)));
    }
    if kind == Some(DocKind::Request) {
        request_ending(ctx, out);
    }
    record(ctx, out);
    if let Some(Err(problem)) = gongwen::seal(d, &ctx.loaded.path) {
        let seal = d.seal.as_ref().expect("a seal");
        let message = Message::SealImage {
            path: seal.value.clone(),
            problem,
        };
        out.push(ctx.emit(message, ctx.span_covering(seal, &seal.value)));
    }
    signatures(ctx, out);
    joint_issuer(ctx, out);
}

/// A 联合行文's 标志 written the way a word processor would (GB/T 9704
/// 7.2.3 sets the organs one under another): several organs on one line,
/// joined by 、 or a comma; or "文件" kept with an organ when there are
/// several.
fn joint_issuer(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let d = &ctx.report.document.as_ref().expect("a document").value;
    let Some(issuer) = &d.issuer else {
        return;
    };
    let lines = &issuer.value.0;
    let joined = lines
        .iter()
        .find(|l| l.trim().contains(['、', '，', ',', '；', ';']));
    let with_organ = lines
        .iter()
        .find(|l| l.trim().ends_with(gongwen::WENJIAN) && l.trim() != gongwen::WENJIAN);
    let (line, problem) = match (joined, with_organ) {
        (Some(line), _) => (line, "joint-issuer-one-line"),
        (None, Some(line))
            if lines.len() >= 2 && lines.last().is_none_or(|l| l.trim() != gongwen::WENJIAN) =>
        {
            (line, "joint-issuer-wenjian")
        }
        _ => return,
    };
    let message = Message::JointIssuer {
        line: line.clone(),
        problem,
    };
    out.push(ctx.emit(message, ctx.span_of(issuer)));
}

/// `signatures`: each organ with its own seal (all or none), or each 签发人
/// with a 签名章 (an image); not with the one `seal` beside them; every
/// image readable.
fn signatures(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let d = &ctx.report.document.as_ref().expect("a document").value;
    let Some(list) = &d.signatures else {
        return;
    };
    let problem = |problem| Message::Signatures { problem };
    if list.value.is_empty() {
        out.push(ctx.emit(problem("signatures-empty"), ctx.span_of(list)));
        return;
    }
    if let Some(seal) = &d.seal {
        let span = ctx.span_covering(seal, &seal.value);
        out.push(ctx.emit(problem("signatures-and-seal"), span));
    }
    let stamped = list.value.iter().any(|s| s.stamp.is_some());
    let sealed = list.value.iter().any(|s| s.seal.is_some());
    for signature in &list.value {
        let name = ctx.span_covering(&signature.name, &signature.name.value);
        match (&signature.seal, &signature.stamp) {
            (Some(_), Some(stamp)) => {
                let span = ctx.span_covering(stamp, &stamp.value);
                out.push(ctx.emit(problem("signatures-seal-and-stamp"), span));
            }
            (None, None) if stamped => out.push(ctx.emit(problem("signatures-unstamped"), name)),
            (None, None) if sealed => out.push(ctx.emit(problem("signatures-unsealed"), name)),
            (Some(_), None) if stamped => {
                out.push(ctx.emit(problem("signatures-unstamped"), name));
            }
            _ => {}
        }
        if let Some(stamp) = &signature.stamp
            && stamp.value.trim() == "space"
        {
            let span = ctx.span_covering(stamp, &stamp.value);
            out.push(ctx.emit(problem("signatures-stamp-space"), span));
            continue;
        }
        for image in [&signature.seal, &signature.stamp].into_iter().flatten() {
            if let Err(problem) = gongwen::image(&image.value, &ctx.loaded.path) {
                let message = Message::SealImage {
                    path: image.value.clone(),
                    problem,
                };
                out.push(ctx.emit(message, ctx.span_covering(image, &image.value)));
            }
        }
    }
}

/// A 请示 ends with a request for instruction: its covering text, or else the
/// last sentence of its body.
fn request_ending(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let document = &ctx.report.document.as_ref().expect("a document").value;
    let attachment_title = ctx
        .report
        .attachments
        .first()
        .map(|a| &a.title.value as *const String);
    let last = match &document.cover {
        Some(cover) => Some(cover),
        None => ctx
            .fields
            .iter()
            .take_while(|f| Some(&f.text.value as *const String) != attachment_title)
            .filter(|f| matches!(f.kind, TextKind::Sentence | TextKind::Item))
            .filter(|f| !f.place.starts_with("document."))
            .map(|f| f.text)
            .last(),
    };
    let Some(last) = last else {
        return;
    };
    let tail: String = {
        let chars: Vec<char> = last.value.trim_end().chars().collect();
        chars[chars.len().saturating_sub(16)..].iter().collect()
    };
    if !gongwen::REQUEST_ENDINGS.iter().any(|e| tail.contains(e)) {
        let end = last.value.trim_end().len();
        // The last character, where the request would stand.
        let start = last.value[..end]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        out.push(ctx.emit(
            Message::RequestEnding,
            ctx.span_at(last, start, end - start),
        ));
    }
}

/// 抄送 and 印发 stand in a 版记: a 公文 (a 文种) has one, a 函's without 印发;
/// 印发机关 and 印发日期 go together.
fn record(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let document = ctx.report.document.as_ref().expect("a document");
    let d = &document.value;
    let kind = d.kind.as_ref().map(|k| k.value);
    let first =
        d.cc.as_ref()
            .map(|c| ctx.span_of(c))
            .or(d.printer.as_ref().map(|p| ctx.span_of(p)))
            .or(d.printed.as_ref().map(|p| ctx.span_of(p)));
    let Some(first) = first else {
        return;
    };
    let problem = |problem| Message::Record { problem };
    if kind.is_none() {
        out.push(ctx.emit(problem("record-without-kind"), first));
        return;
    }
    let print = d
        .printer
        .as_ref()
        .map(|p| ctx.span_of(p))
        .or(d.printed.as_ref().map(|p| ctx.span_of(p)));
    if kind == Some(DocKind::Letter) {
        if let Some(at) = print {
            out.push(ctx.emit(problem("record-letter"), at));
        }
        return;
    }
    match (&d.printer, &d.printed) {
        (Some(_), None) | (None, Some(_)) => {
            out.push(ctx.emit(problem("record-incomplete"), print.expect("one of them")));
        }
        (Some(_), Some(printed)) => {
            if chrono::NaiveDate::parse_from_str(&printed.value, "%Y-%m-%d").is_err() {
                let span = ctx.span_covering(printed, &printed.value);
                out.push(ctx.emit(problem("record-date"), span));
            }
        }
        (None, None) => {}
    }
}
