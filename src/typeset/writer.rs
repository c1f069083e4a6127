//! Markdown → Typst markup. pulldown-cmark parses the Markdown that the templates
//! made; this writer turns its events into calls of the style file's functions,
//! with every piece of text escaped, so no input text can become Typst code.

use crate::cjk::{RunBreaker, is_cjk};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// How deep blocks and spans nest in the Typst markup (Typst parses 256 levels;
/// each block here costs a few).
pub const MAX_NESTING: usize = 24;

/// The HTML comment that marks the signature and date for right alignment.
pub const CLOSING_MARK: &str = "nianbao:closing";
/// The comment that starts a new page (before each attachment).
pub const PAGEBREAK_MARK: &str = "nianbao:pagebreak";
/// The comment that places the bar chart; its data are `sys.inputs.chart`.
pub const CHART_MARK: &str = "nianbao:chart";
/// The comment that marks the next paragraph as the attachment note ("附件：1.…").
pub const ANNEX_NOTE_MARK: &str = "nianbao:annex-note";
/// The comment that marks the next paragraph as an attachment's label ("附件1").
pub const ATTACHMENT_MARK: &str = "nianbao:attachment";

/// What an HTML block or span of the templates' Markdown asks for.
pub(crate) enum Marker {
    Chart,
    Closing,
    PageBreak,
    AnnexNote,
    Attachment,
    /// Any other comment: nothing.
    Comment,
    /// HTML that is not a comment: kept as text.
    Text,
}

/// The marker an HTML block or span is, for both the Typst and the DOCX
/// writer. The attachment note is tested before the attachment label, whose
/// mark is a prefix of its own.
pub(crate) fn marker(html: &str) -> Marker {
    if html.contains(CHART_MARK) {
        Marker::Chart
    } else if html.contains(CLOSING_MARK) {
        Marker::Closing
    } else if html.contains(PAGEBREAK_MARK) {
        Marker::PageBreak
    } else if html.contains(ANNEX_NOTE_MARK) {
        Marker::AnnexNote
    } else if html.contains(ATTACHMENT_MARK) {
        Marker::Attachment
    } else if html.trim_start().starts_with("<!--") {
        Marker::Comment
    } else {
        Marker::Text
    }
}

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
    /// The next paragraph is an attachment's label.
    attachment_next: bool,
    /// The next paragraph is the attachment note.
    annex_note_next: bool,
    /// What each open block or span must write when it ends, and whether it was
    /// flattened (opened beyond the nesting limit, so it wrote nothing).
    closers: Vec<(&'static str, bool)>,
    /// How many open blocks were flattened.
    flat: usize,
    /// Numbers of the open lists: Some(next number) for ordered ones.
    lists: Vec<Option<u64>>,
    /// Inside a list item whose text has no paragraph of its own (a tight list).
    item_open: Vec<bool>,
    /// The text of an open code block, written as one string literal at its end.
    code: Option<String>,
    /// Where the last top-level block starts in `out`: it goes with the
    /// signature and date, which are never alone on a page.
    last_block: Option<usize>,
    /// A paragraph has opened and no text is written yet: an opening bracket
    /// there is set in a box, so that justification cannot narrow it.
    paragraph_start: bool,
    /// The run of text without a break opportunity so far: a run longer than
    /// a line gets zero-width spaces, so that it breaks and never runs off
    /// the page.
    runs: RunBreaker,
}

/// Opening brackets and quotes that justification may narrow at a line's start.
const OPENERS: &str = "（“‘《〈【「『";

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
                self.runs.reset();
                self.last_char = None;
                self.pending_soft_break = false;
            }
            Event::InlineHtml(html) if is_line_break(&html) => self.event(Event::HardBreak),
            Event::Html(html) | Event::InlineHtml(html) => {
                match marker(&html) {
                    // The data are `sys.inputs.chart`, given by the PDF stage.
                    Marker::Chart => self
                        .out
                        .push_str("#nianbao-chart(..sys.inputs.at(\"chart\", default: (:)))\n\n"),
                    Marker::Closing => self.closing_next = true,
                    Marker::PageBreak => self.out.push_str("#pagebreak(weak: true)\n\n"),
                    Marker::AnnexNote => self.annex_note_next = true,
                    Marker::Attachment => self.attachment_next = true,
                    Marker::Comment => {}
                    // Other HTML is kept as the text it is.
                    Marker::Text => self.text(&html),
                }
            }
            Event::Rule => self.out.push_str("#line(length: 100%)\n\n"),
            Event::FootnoteReference(name) => self.text(&format!("[{name}]")),
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
            Event::InlineMath(m) | Event::DisplayMath(m) => self.text(&m),
        }
    }

    fn start(&mut self, tag: Tag) {
        let closing = matches!(tag, Tag::Paragraph) && self.closing_next;
        let marker = matches!(tag, Tag::HtmlBlock);
        if self.closers.is_empty() && self.flat == 0 && !closing && !marker {
            self.last_block = Some(self.out.len());
        }
        match tag {
            Tag::Paragraph => {
                // A loose list item's first paragraph is the item's own.
                if let Some(open) = self.item_open.last_mut().filter(|open| **open) {
                    *open = false;
                    self.open("", "");
                    return;
                }
                if std::mem::take(&mut self.closing_next) {
                    // The last block and the signature and date go together.
                    let last = match self.last_block.take() {
                        Some(at) if self.closers.is_empty() && self.flat == 0 => {
                            self.out.split_off(at)
                        }
                        _ => String::new(),
                    };
                    let last = last.trim_end();
                    self.open(
                        &format!("#nianbao-ending[{last}][#nianbao-closing["),
                        "]]\n\n",
                    );
                } else if std::mem::take(&mut self.annex_note_next) {
                    self.open("#nianbao-annex-note[", "]\n\n");
                } else if std::mem::take(&mut self.attachment_next) {
                    self.open("#nianbao-attachment-label(fonts: fonts)[", "]\n\n");
                } else {
                    self.open("#nianbao-par[", "]\n\n");
                    self.paragraph_start = true;
                }
            }
            Tag::Heading { level, .. } => match level {
                HeadingLevel::H1 => self.open("#nianbao-title(fonts: fonts)[", "]\n\n"),
                _ => {
                    let typst_level = level as usize - 1;
                    let opening = format!("#heading(level: {typst_level}, outlined: true)[");
                    self.open(&opening, "]\n\n");
                }
            },
            Tag::BlockQuote(_) => self.open("#quote(block: true)[", "]\n\n"),
            Tag::CodeBlock(_) => {
                self.code = Some(String::new());
                self.open("", "");
            }
            Tag::List(start) => self.lists.push(start),
            Tag::Item => {
                let marker = next_marker(&mut self.lists);
                // The marker is data for the style, which sets it ("1." before
                // Chinese text, "1. " and a hanging indent in English).
                let opening = format!("#nianbao-item({})[", string_literal(&marker));
                self.open(&opening, "]\n\n");
                self.paragraph_start = true;
                self.item_open.push(true);
            }
            Tag::Emphasis => self.open("#emph[", "]"),
            Tag::Strong => self.open("#strong[", "]"),
            Tag::Strikethrough => self.open("#strike[", "]"),
            Tag::Link { dest_url, .. } => {
                let opening = format!("#link({})[", string_literal(&dest_url));
                self.open(&opening, "]");
            }
            // Images are not loaded: the document shows their description.
            Tag::Image { .. } => self.open("", ""),
            Tag::Table(alignments) => {
                let opening = format!("#nianbao-table(columns: {},\n", alignments.len().max(1));
                self.open(&opening, ")\n\n");
            }
            Tag::TableHead | Tag::TableRow => self.open("", ""),
            // A cell belongs to its table: never flattened apart from it.
            Tag::TableCell => self.open_within_table("  [", "],\n"),
            Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_)
            | Tag::Superscript
            | Tag::Subscript => self.open("", ""),
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

    /// Opens a block or span. Beyond [`MAX_NESTING`] (Markdown such as 200 `>`),
    /// blocks are flattened: their text continues in the enclosing block, since
    /// Typst stops parsing at a depth far below what Markdown allows.
    fn open(&mut self, opening: &str, closing: &'static str) {
        if self.flat > 0 || self.closers.len() >= MAX_NESTING {
            self.flat += 1;
            self.closers.push(("", true));
            return;
        }
        self.push_open(opening, closing);
    }

    /// Opens a table cell: written whenever its table was.
    fn open_within_table(&mut self, opening: &str, closing: &'static str) {
        if self.flat > 0 {
            self.open(opening, closing);
        } else {
            self.push_open(opening, closing);
        }
    }

    fn push_open(&mut self, opening: &str, closing: &'static str) {
        self.out.push_str(opening);
        self.closers.push((closing, false));
        self.runs.reset();
        self.last_char = None;
        self.pending_soft_break = false;
    }

    fn close(&mut self) {
        if let Some((closing, flattened)) = self.closers.pop() {
            if flattened {
                self.flat -= 1;
                // A flattened block still ends a line of text.
                if !self.out.ends_with(' ') {
                    self.out.push(' ');
                }
                return;
            }
            self.out.push_str(closing);
        }
        self.runs.reset();
        self.pending_soft_break = false;
        self.last_char = None;
    }

    fn text(&mut self, text: &str) {
        if let Some(code) = self.code.as_mut() {
            code.push_str(text);
            return;
        }
        if std::mem::take(&mut self.pending_soft_break) && soft_break_is_space(self.last_char, text)
        {
            self.out.push(' ');
            self.runs.reset();
        }
        let mut text = text;
        if std::mem::take(&mut self.paragraph_start)
            && let Some(first) = text.chars().next().filter(|c| OPENERS.contains(*c))
        {
            // A full-width cell: Typst trims the empty half of an opening
            // bracket at a line's start, so the glyph stands right-aligned.
            self.out.push_str("#box(width: 1em, align(right)[");
            self.out.push(first);
            self.out.push_str("])");
            text = &text[first.len_utf8()..];
        }
        for c in text.chars() {
            if self.runs.before(c) {
                // A place to break the line that is no character, so that
                // the PDF's text is the input's.
                self.out.push_str(BREAK);
            }
            escape_char(&mut self.out, c);
        }
        if let Some(c) = text.chars().last() {
            self.last_char = Some(c);
        }
    }
}

/// Whether a line break inside a paragraph, between `last` and `text`, reads
/// as a space: not next to Chinese, where lines join without one.
pub(crate) fn soft_break_is_space(last: Option<char>, text: &str) -> bool {
    !(last.is_some_and(is_cjk) || text.chars().next().is_some_and(is_cjk))
}

/// The marker of the next item of the innermost list: "3." in an ordered
/// list (counting on), "•" in another.
pub(crate) fn next_marker(lists: &mut [Option<u64>]) -> String {
    match lists.last_mut() {
        Some(Some(n)) => {
            let marker = format!("{n}.");
            *n += 1;
            marker
        }
        _ => "•".to_string(),
    }
}

/// `<br>`, `<br/>` or `<br />`.
pub(crate) fn is_line_break(html: &str) -> bool {
    let tag: String = html.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(tag.to_ascii_lowercase().as_str(), "<br>" | "<br/>")
}

/// Escapes text for Typst markup: every ASCII punctuation character gets a
/// backslash (Typst reads `\` + any character as that character), so no text can
/// open code (`#`), math (`$`), a label (`<`), a reference (`@`), markup or a comment.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        escape_char(out, c);
    }
}

/// One character of [`escape_into`].
fn escape_char(out: &mut String, c: char) {
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

/// A break opportunity inside a run longer than a line: an empty box, which
/// Typst may break before and after (a zero `h` it drops, and a zero-width
/// space would be copied with the PDF's text). The next character is escaped
/// text (a letter, or `\` and a mark), never a continuation of the call.
const BREAK: &str = "#box()";

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

    /// The chart's marker places the chart; its data come from `sys.inputs`,
    /// so nothing in a comment reaches the markup.
    #[test]
    fn the_chart_marker_calls_the_chart_with_the_inputs_data() {
        let typst = markdown_to_typst("<!-- nianbao:chart {\"labels\": [\"#x\"]} -->\n");
        assert_eq!(
            typst,
            "#nianbao-chart(..sys.inputs.at(\"chart\", default: (:)))\n\n"
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
    fn deep_nesting_is_flattened_into_valid_markup() {
        // Found by fuzzing: 200 nested block quotes made markup Typst cannot parse.
        let markdown = format!(
            "{}<\n\n{}*a* | b\n|---|---|\n| c | d |\n",
            ">".repeat(200),
            "> ".repeat(30)
        );
        let typst = markdown_to_typst(&markdown);
        let root = typst::syntax::parse(&typst);
        let (errors, _) = root.errors_and_warnings();
        assert!(errors.is_empty(), "{errors:?}\n{typst}");
        assert!(typst.contains("\\<"), "{typst}");
    }

    /// The last block goes with the signature and date into `nianbao-ending`,
    /// which keeps them on one page.
    #[test]
    fn headings_lists_and_closing() {
        let md = "# 标题\n\n## 一、总结\n\n1. 甲；\n2. 乙。\n\n<!-- nianbao:closing -->\n工会办\\\n2020年12月8日\n";
        let typst = markdown_to_typst(md);
        assert_eq!(
            typst,
            "#nianbao-title(fonts: fonts)[标题]\n\n\
             #heading(level: 1, outlined: true)[一、总结]\n\n\
             #nianbao-item(\"1.\")[甲；]\n\n\
             #nianbao-ending[#nianbao-item(\"2.\")[乙。]][#nianbao-closing[工会办\\\n2020年12月8日]]\n\n"
        );
    }

    /// A run longer than a line (a URL, a word of 300 letters) gets a
    /// zero-width box before each character after its first 36, escaped text
    /// as ever; a new paragraph starts a new run.
    #[test]
    fn a_run_longer_than_a_line_gets_break_opportunities() {
        let url = format!("https://example.org/{}\\.", "a".repeat(17));
        let typst = markdown_to_typst(&format!("见{url}。\n\n{}\n", "b".repeat(20)));
        let broken = format!(
            "https\\:\\/\\/example\\.org\\/{}#box()a#box()\\.",
            "a".repeat(16)
        );
        assert_eq!(
            typst,
            format!(
                "#nianbao-par[见{broken}。]\n\n#nianbao-par[{}]\n\n",
                "b".repeat(20)
            )
        );
        let (errors, _) = typst::syntax::parse(&typst).errors_and_warnings();
        assert!(errors.is_empty(), "{errors:?}");
    }

    /// An opening bracket or quote that starts a paragraph is boxed, so that
    /// justification cannot narrow it: the text starts two characters in.
    #[test]
    fn an_opening_bracket_at_a_paragraphs_start_is_boxed() {
        let md = "**（一）标题**。正文（甲）。\n\n“乙”。\n\n丙（丁）。\n";
        assert_eq!(
            markdown_to_typst(md),
            "#nianbao-par[#strong[#box(width: 1em, align(right)[（])一）标题]。正文（甲）。]\n\n\
             #nianbao-par[#box(width: 1em, align(right)[“])乙”。]\n\n\
             #nianbao-par[丙（丁）。]\n\n"
        );
    }
}
