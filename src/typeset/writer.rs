//! Markdown → Typst markup. [`crate::blocks`] reads the Markdown that the
//! templates made; this writer turns its blocks into calls of the style file's
//! functions, with every piece of text escaped, so no input text can become
//! Typst code.

use crate::blocks::{self, Block, Inline};
use crate::cjk::{RunBreaker, is_cjk};

/// How deep blocks and spans nest in the Typst markup (Typst parses 256 levels;
/// each block here costs a few).
pub const MAX_NESTING: usize = 24;

/// Writes the body of a Typst document (the part inside `nianbao-document`).
pub fn markdown_to_typst(markdown: &str) -> String {
    blocks_to_typst(&blocks::parse(markdown))
}

/// The Typst markup of blocks.
pub fn blocks_to_typst(blocks: &[Block]) -> String {
    let mut writer = Writer::default();
    writer.blocks(blocks);
    writer.out
}

#[derive(Default)]
struct Writer {
    out: String,
    /// The last character of text written, for joining soft line breaks.
    last_char: Option<char>,
    pending_soft_break: bool,
    /// What each open block or span must write when it ends, and whether it was
    /// flattened (opened beyond the nesting limit, so it wrote nothing).
    closers: Vec<(&'static str, bool)>,
    /// How many open blocks were flattened.
    flat: usize,
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
    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Title(content) => {
                self.mark_block();
                self.span("#nianbao-title(fonts: fonts)[", "]\n\n", content);
            }
            Block::Heading { level, content } => {
                self.mark_block();
                let opening = format!("#heading(level: {level}, outlined: true)[");
                self.span(&opening, "]\n\n", content);
            }
            Block::Paragraph(content) => {
                self.mark_block();
                self.open("#nianbao-par[", "]\n\n");
                self.paragraph_start = true;
                self.inlines(content);
                self.close();
            }
            Block::Closing(content) => {
                // The last block and the signature and date go together.
                let last = self.take_last_block();
                let opening = format!("#nianbao-ending[{last}][#nianbao-closing[");
                self.span(&opening, "]]\n\n", content);
            }
            Block::AnnexNote(content) => {
                self.mark_block();
                self.span("#nianbao-annex-note[", "]\n\n", content);
            }
            Block::AttachmentLabel(content) => {
                self.mark_block();
                self.span("#nianbao-attachment-label(fonts: fonts)[", "]\n\n", content);
            }
            // The data are `sys.inputs.chart`, given by the PDF stage.
            Block::Chart => {
                self.markup("#nianbao-chart(..sys.inputs.at(\"chart\", default: (:)))\n\n")
            }
            Block::PageBreak => self.markup("#pagebreak(weak: true)\n\n"),
            Block::List(items) => {
                self.mark_block();
                for item in items {
                    self.mark_block();
                    // The marker is data for the style, which sets it ("1."
                    // before Chinese text, "1. " and a hanging indent in English).
                    let opening = format!("#nianbao-item({})[", string_literal(&item.marker));
                    self.open(&opening, "]\n\n");
                    self.paragraph_start = true;
                    self.blocks(&item.blocks);
                    self.close();
                }
            }
            // A loose list item's first paragraph is the item's own.
            Block::ItemParagraph(content) => self.span("", "", content),
            Block::Plain(content) => self.inlines(content),
            Block::Quote(blocks) => {
                self.mark_block();
                self.open("#quote(block: true)[", "]\n\n");
                self.blocks(blocks);
                self.close();
            }
            Block::Code(code) => {
                self.mark_block();
                self.open("", "");
                self.out.push_str("#raw(block: true, ");
                self.out.push_str(&string_literal(code));
                self.out.push_str(")\n\n");
                self.close();
            }
            Block::Table {
                columns,
                head,
                rows,
            } => {
                self.mark_block();
                let opening = format!("#nianbao-table(columns: {},\n", columns.max(&1));
                self.open(&opening, ")\n\n");
                for row in std::iter::once(head).chain(rows) {
                    self.open("", "");
                    for cell in row {
                        // A cell belongs to its table: never flattened apart from it.
                        self.open_within_table("  [", "],\n");
                        self.inlines(cell);
                        self.close();
                    }
                    self.close();
                }
                self.close();
            }
            Block::Rule => self.out.push_str("#line(length: 100%)\n\n"),
            Block::Masthead(m) => {
                self.mark_block();
                let opening = format!(
                    "#nianbao-masthead(fonts: fonts, letter: {}, marks: (",
                    m.letter
                );
                self.open(&opening, ")\n\n");
                self.lines(&m.marks);
                self.raw("), issuer: (");
                self.lines(&m.issuer);
                self.raw("), number: ");
                match &m.number {
                    Some(number) => self.span("[", "]", number),
                    None => self.raw("none"),
                }
                match &m.signers {
                    Some((label, names)) => {
                        self.raw(", signer-label: ");
                        self.span("[", "]", label);
                        self.raw(", signers: (");
                        self.lines(names);
                        self.raw(")");
                    }
                    None => self.raw(", signer-label: none, signers: ()"),
                }
                self.close();
            }
            Block::Addressee(content) => {
                self.mark_block();
                self.span("#nianbao-addressee[", "]\n\n", content);
            }
            Block::Annotation(content) => {
                self.mark_block();
                self.span("#nianbao-annotation[", "]\n\n", content);
            }
            Block::SealedClosing(content) | Block::StampedClosing(content) => {
                let last = self.take_last_block();
                let function = match block {
                    Block::StampedClosing(_) => "nianbao-closing-stamped",
                    _ => "nianbao-closing-sealed",
                };
                let opening = format!("#nianbao-ending[{last}][#{function}(fonts: fonts, (");
                self.open(&opening, "))]\n\n");
                self.lines(&blocks::lines(content));
                self.close();
            }
            Block::Record { cc, print } => {
                self.mark_block();
                self.open("#nianbao-record(fonts: fonts, cc: ", ")\n\n");
                match cc {
                    Some(cc) => self.span("[", "]", cc),
                    None => self.raw("none"),
                }
                let mut print = print
                    .as_deref()
                    .map(blocks::lines)
                    .unwrap_or_default()
                    .into_iter();
                for name in ["printer", "printed"] {
                    self.raw(&format!(", {name}: "));
                    match print.next() {
                        Some(line) => self.span("[", "]", &line),
                        None => self.raw("none"),
                    }
                }
                self.close();
            }
            // Gathered by `blocks::parse`; one left alone is a paragraph.
            Block::Element(_, content) => {
                self.mark_block();
                self.open("#nianbao-par[", "]\n\n");
                self.inlines(content);
                self.close();
            }
            // Other HTML is kept as the text it is.
            Block::Html(html) => {
                self.open("", "");
                self.text(html);
                self.close();
            }
        }
    }

    /// The markup of the last top-level block, taken out: it goes with the
    /// signature and date.
    fn take_last_block(&mut self) -> String {
        let last = match self.last_block.take() {
            Some(at) if self.closers.is_empty() && self.flat == 0 => self.out.split_off(at),
            _ => String::new(),
        };
        last.trim_end().to_string()
    }

    /// Lines of text as an array's items: `[line], [line], `.
    fn lines(&mut self, lines: &[Vec<Inline>]) {
        for line in lines {
            self.span("[", "], ", line);
        }
    }

    /// Markup between the arguments of an open call (nothing when flattened).
    fn raw(&mut self, markup: &str) {
        if self.flat == 0 {
            self.out.push_str(markup);
        }
    }

    /// A block of markup that holds no text, as a block of its own.
    fn markup(&mut self, markup: &str) {
        self.open("", "");
        self.out.push_str(markup);
        self.close();
    }

    /// A block that starts at the top level is the last block so far.
    fn mark_block(&mut self) {
        if self.closers.is_empty() && self.flat == 0 {
            self.last_block = Some(self.out.len());
        }
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            self.inline(inline);
        }
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text(text) => self.text(text),
            Inline::Code(code) => {
                self.out.push_str("#raw(");
                self.out.push_str(&string_literal(code));
                self.out.push(')');
                self.last_char = code.chars().last();
            }
            Inline::SoftBreak => self.pending_soft_break = true,
            Inline::HardBreak => {
                self.out.push_str("\\\n");
                self.runs.reset();
                self.last_char = None;
                self.pending_soft_break = false;
            }
            Inline::Emphasis(content) => self.span("#emph[", "]", content),
            Inline::Strong(content) => self.span("#strong[", "]", content),
            Inline::Strikethrough(content) => self.span("#strike[", "]", content),
            Inline::Link { url, content } => {
                let opening = format!("#link({})[", string_literal(url));
                self.span(&opening, "]", content);
            }
            // Images are not loaded: the document shows their description.
            Inline::Image(content) => self.span("", "", content),
        }
    }

    /// A block or span of text: opened, its text, closed.
    fn span(&mut self, opening: &str, closing: &'static str, content: &[Inline]) {
        self.open(opening, closing);
        self.inlines(content);
        self.close();
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
