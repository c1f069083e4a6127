//! Markdown → Typst markup. pulldown-cmark parses the Markdown that the templates
//! made; this writer turns its events into calls of the style file's functions,
//! with every piece of text escaped, so no input text can become Typst code.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The HTML comment that marks the signature and date for right alignment.
pub const CLOSING_MARK: &str = "nianbao:closing";

/// Writes the body of a Typst document (the part inside `nianbao-document`).
pub fn markdown_to_typst(markdown: &str) -> String {
    let mut writer = Writer::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        writer.event(event);
    }
    writer.out
}

#[derive(Default)]
struct Writer {
    out: String,
    /// The last character of text written, for joining soft line breaks.
    last_char: Option<char>,
    pending_soft_break: bool,
    /// The next paragraph is the signature and date.
    closing_next: bool,
    /// What each open paragraph-like block must write when it ends.
    closers: Vec<&'static str>,
    /// Numbers of the open lists: Some(next number) for ordered ones.
    lists: Vec<Option<u64>>,
    /// Inside a list item whose text has no paragraph of its own (a tight list).
    item_open: Vec<bool>,
    /// The text of an open code block, written as one string literal at its end.
    code: Option<String>,
}

impl Writer {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => {
                self.out.push_str("#raw(");
                self.out.push_str(&string_literal(&code));
                self.out.push(')');
                self.last_char = code.chars().last();
            }
            Event::SoftBreak => self.pending_soft_break = true,
            Event::HardBreak => {
                self.out.push_str("\\\n");
                self.last_char = None;
                self.pending_soft_break = false;
            }
            Event::InlineHtml(html) if is_line_break(&html) => self.event(Event::HardBreak),
            Event::Html(html) | Event::InlineHtml(html) => {
                if html.contains(CLOSING_MARK) {
                    self.closing_next = true;
                } else if !html.trim_start().starts_with("<!--") {
                    // Other HTML is kept as the text it is.
                    self.text(&html);
                }
            }
            Event::Rule => self.out.push_str("#line(length: 100%)\n\n"),
            Event::FootnoteReference(name) => self.text(&format!("[{name}]")),
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
            Event::InlineMath(m) | Event::DisplayMath(m) => self.text(&m),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                // A loose list item's first paragraph is the item's own.
                if let Some(open) = self.item_open.last_mut().filter(|open| **open) {
                    *open = false;
                    self.closers.push("");
                    return;
                }
                if std::mem::take(&mut self.closing_next) {
                    self.open("#nianbao-closing[", "]\n\n");
                } else {
                    self.open("#nianbao-par[", "]\n\n");
                }
            }
            Tag::Heading { level, .. } => match level {
                HeadingLevel::H1 => self.open("#nianbao-title(fonts: fonts)[", "]\n\n"),
                _ => {
                    let typst_level = level as usize - 1;
                    self.out
                        .push_str(&format!("#heading(level: {typst_level}, outlined: true)["));
                    self.closers.push("]\n\n");
                }
            },
            Tag::BlockQuote(_) => self.open("#quote(block: true)[", "]\n\n"),
            Tag::CodeBlock(_) => {
                self.code = Some(String::new());
                self.closers.push("");
            }
            Tag::List(start) => self.lists.push(start),
            Tag::Item => {
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}.");
                        *n += 1;
                        marker
                    }
                    _ => "•".to_string(),
                };
                self.open("#nianbao-item[", "]\n\n");
                self.text(&marker);
                self.item_open.push(true);
            }
            Tag::Emphasis => self.open("#emph[", "]"),
            Tag::Strong => self.open("#strong[", "]"),
            Tag::Strikethrough => self.open("#strike[", "]"),
            Tag::Link { dest_url, .. } => {
                self.out.push_str("#link(");
                self.out.push_str(&string_literal(&dest_url));
                self.out.push_str(")[");
                self.closers.push("]");
            }
            // Images are not loaded: the document shows their description.
            Tag::Image { .. } => self.closers.push(""),
            Tag::Table(alignments) => {
                self.out.push_str(&format!(
                    "#table(columns: {}, inset: (x: 0.3em, y: 0.2em),\n",
                    alignments.len().max(1)
                ));
                self.closers.push(")\n\n");
            }
            Tag::TableHead | Tag::TableRow => self.closers.push(""),
            Tag::TableCell => self.open("  [", "],\n"),
            Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_)
            | Tag::Superscript
            | Tag::Subscript => self.closers.push(""),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Item => {
                self.item_open.pop();
                self.close();
            }
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                self.out.push_str("#raw(block: true, ");
                self.out.push_str(&string_literal(&code));
                self.out.push_str(")\n\n");
                self.close();
            }
            _ => self.close(),
        }
    }

    fn open(&mut self, opening: &str, closing: &'static str) {
        self.out.push_str(opening);
        self.closers.push(closing);
        self.last_char = None;
        self.pending_soft_break = false;
    }

    fn close(&mut self) {
        if let Some(closing) = self.closers.pop() {
            self.out.push_str(closing);
        }
        self.pending_soft_break = false;
        self.last_char = None;
    }

    fn text(&mut self, text: &str) {
        if let Some(code) = self.code.as_mut() {
            code.push_str(text);
            return;
        }
        if std::mem::take(&mut self.pending_soft_break) {
            let next = text.chars().next();
            // A line break between CJK characters is no space in Chinese.
            let joins = self.last_char.is_some_and(is_cjk) || next.is_some_and(is_cjk);
            if !joins {
                self.out.push(' ');
            }
        }
        escape_into(&mut self.out, text);
        if let Some(c) = text.chars().last() {
            self.last_char = Some(c);
        }
    }
}

/// `<br>`, `<br/>` or `<br />`.
fn is_line_break(html: &str) -> bool {
    let tag: String = html.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(tag.to_ascii_lowercase().as_str(), "<br>" | "<br/>")
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

/// Escapes text for Typst markup: every ASCII punctuation character gets a
/// backslash (Typst reads `\` + any character as that character), so no text can
/// open code (`#`), math (`$`), a label (`<`), a reference (`@`), markup or a comment.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            // Whitespace and line ends inside a text run are spaces.
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// A Typst string literal holding `text` exactly.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_breaks_between_cjk_join_without_space() {
        let typst = markdown_to_typst("走入员工集体宿舍\n听取员工意见 and\nmore");
        assert_eq!(
            typst,
            "#nianbao-par[走入员工集体宿舍听取员工意见 and more]\n\n"
        );
    }

    #[test]
    fn text_cannot_become_code() {
        let typst = markdown_to_typst("#read(\"/etc/passwd\") $x$ <a> @b \\\\ \\* \\_ \\] \\#");
        assert_eq!(
            typst,
            "#nianbao-par[\\#read\\(\\\"\\/etc\\/passwd\\\"\\) \\$x\\$ \\<a\\> \\@b \\\\ \\* \\_ \\] \\#]\n\n"
        );
    }

    #[test]
    fn headings_lists_and_closing() {
        let md = "# 标题\n\n## 一、总结\n\n1. 甲；\n2. 乙。\n\n<!-- nianbao:closing -->\n工会办\\\n2020年12月8日\n";
        let typst = markdown_to_typst(md);
        assert_eq!(
            typst,
            "#nianbao-title(fonts: fonts)[标题]\n\n\
             #heading(level: 1, outlined: true)[一、总结]\n\n\
             #nianbao-item[1\\.甲；]\n\n#nianbao-item[2\\.乙。]\n\n\
             #nianbao-closing[工会办\\\n2020年12月8日]\n\n"
        );
    }
}
