//! The Markdown between the stages, read once. The templates write Markdown
//! with a few marker comments (`<!-- nianbao:closing -->`) for what Markdown
//! cannot say; pulldown-cmark reads it and this module turns its events into
//! typed [`Block`]s, with each marker resolved, which the Typst writer
//! ([`crate::typeset::writer`]) and the DOCX writer ([`crate::docx`]) both
//! consume. A new marker is a variant of [`Block`] and a line of [`mark`]; the
//! writers' `match` then asks for its handling.
//!
//! The blocks hold text, never markup: each writer escapes it for its output.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The prefix of every marker comment: `<!-- nianbao:NAME -->`.
const MARK_PREFIX: &str = "nianbao:";

/// How deep blocks and spans nest in the blocks read: deeper ones (Markdown
/// such as 10 000 `>`) are flattened into the one at this depth, so that the
/// writers, which walk the blocks recursively, stay within their stack. Far
/// beyond what the Typst writer writes as nested calls
/// ([`crate::typeset::writer::MAX_NESTING`]).
pub const MAX_DEPTH: usize = 256;

/// A block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `# …`: the document's or an attachment's title.
    Title(Vec<Inline>),
    /// `## …` to `###### …`: headings of level 1 (`##`) to 5.
    Heading { level: usize, content: Vec<Inline> },
    /// A paragraph of body text.
    Paragraph(Vec<Inline>),
    /// The paragraph after `<!-- nianbao:closing -->`: the signature and date,
    /// right-aligned, never alone on a page.
    Closing(Vec<Inline>),
    /// The paragraph after `<!-- nianbao:annex-note -->`: the attachment note
    /// ("附件：1.…"), whose further lines align after "附件：".
    AnnexNote(Vec<Inline>),
    /// The paragraph after `<!-- nianbao:attachment -->`: an attachment's
    /// label ("附件1") at the top of its first page.
    AttachmentLabel(Vec<Inline>),
    /// `<!-- nianbao:pagebreak -->`: what follows starts a new page.
    PageBreak,
    /// `<!-- nianbao:chart -->`: the bar chart goes here. Its data reach the
    /// PDF as data (`sys.inputs.chart`), never through the Markdown.
    Chart,
    /// A list: "1." counting on from its start when it is ordered, "•" else.
    List(Vec<Item>),
    /// The first paragraph inside a list item of a loose list: the item's own
    /// text, in no paragraph of its own.
    ItemParagraph(Vec<Inline>),
    /// Text of a tight list item, which has no paragraph.
    Plain(Vec<Inline>),
    /// A block quote.
    Quote(Vec<Block>),
    /// A code block: its text as it is.
    Code(String),
    /// A table: `columns` as its delimiter row has them, the header row's
    /// cells, then each row's.
    Table {
        columns: usize,
        head: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    /// A thematic break (`---`).
    Rule,
    /// HTML that is no comment: kept as the text it is.
    Html(String),
    /// The 版头 of a 公文, from the paragraphs after `<!-- nianbao:masthead-marks -->`
    /// (份号, 密级, 紧急程度: a line each), `masthead-issuer` (the 发文机关标志,
    /// a line an organ; `letterhead-issuer` for the 信函格式), `masthead-number`
    /// (the 发文字号) and `masthead-signers` (the words "签发人：", then a name a
    /// line), read together.
    Masthead(Masthead),
    /// The paragraph after `<!-- nianbao:addressee -->`: the 主送机关, flush left.
    Addressee(Vec<Inline>),
    /// The paragraph after `<!-- nianbao:closing-sealed -->`: the signature and
    /// date under a seal (a line each).
    SealedClosing(Vec<Inline>),
    /// The paragraph after `<!-- nianbao:closing-stamped -->`: the 签发人's
    /// posts beside their 签名章 and the date (a line each).
    StampedClosing(Vec<Inline>),
    /// The paragraph after `<!-- nianbao:annotation -->`: the 附注.
    Annotation(Vec<Inline>),
    /// The 版记: the paragraphs after `<!-- nianbao:record-cc -->` (抄送) and
    /// `<!-- nianbao:record-print -->` (印发机关, a line break, 印发日期).
    Record {
        cc: Option<Vec<Inline>>,
        print: Option<Vec<Inline>>,
    },
    /// One part of the 版头 or 版记 as its marker reads it; [`parse`] gathers
    /// them into [`Block::Masthead`] and [`Block::Record`].
    Element(Element, Vec<Inline>),
}

/// A part of the 版头 or the 版记, before they are gathered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    Marks,
    Issuer,
    LetterIssuer,
    Number,
    Signers,
    Cc,
    Print,
}

/// The 版头's parts, each a list of lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Masthead {
    /// 信函格式 (a 函).
    pub letter: bool,
    pub marks: Vec<Vec<Inline>>,
    pub issuer: Vec<Vec<Inline>>,
    pub number: Option<Vec<Inline>>,
    /// The label ("签发人：") and the names.
    pub signers: Option<(Vec<Inline>, Vec<Vec<Inline>>)>,
}

/// Content split at its forced line breaks.
pub fn lines(content: &[Inline]) -> Vec<Vec<Inline>> {
    let mut lines = vec![Vec::new()];
    for inline in content {
        match inline {
            Inline::HardBreak => lines.push(Vec::new()),
            Inline::SoftBreak if lines.last().is_some_and(|l| l.is_empty()) => {}
            other => lines.last_mut().expect("a line").push(other.clone()),
        }
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// The 版头's and 版记's elements, gathered: consecutive ones make one block.
fn gather(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let Block::Element(element, content) = block else {
            out.push(block);
            continue;
        };
        match element {
            Element::Cc | Element::Print => {
                if !matches!(out.last(), Some(Block::Record { .. })) {
                    out.push(Block::Record {
                        cc: None,
                        print: None,
                    });
                }
                if let Some(Block::Record { cc, print }) = out.last_mut() {
                    match element {
                        Element::Cc => *cc = Some(content),
                        _ => *print = Some(content),
                    }
                }
            }
            _ => {
                if !matches!(out.last(), Some(Block::Masthead(_))) {
                    out.push(Block::Masthead(Masthead::default()));
                }
                let Some(Block::Masthead(m)) = out.last_mut() else {
                    continue;
                };
                match element {
                    Element::Marks => m.marks = lines(&content),
                    Element::Issuer | Element::LetterIssuer => {
                        m.letter = element == Element::LetterIssuer;
                        m.issuer = lines(&content);
                    }
                    Element::Number => m.number = Some(content),
                    _ => {
                        let mut lines = lines(&content).into_iter();
                        let label = lines.next().unwrap_or_default();
                        m.signers = Some((label, lines.collect()));
                    }
                }
            }
        }
    }
    out
}

/// A list item: its marker ("3.", "•") and its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub marker: String,
    pub blocks: Vec<Block>,
}

/// A table cell's text.
pub type Cell = Vec<Inline>;

/// Text and the spans inside a block.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text as pulldown-cmark gives it: unescaped, one piece an event.
    Text(String),
    /// `code`.
    Code(String),
    /// A line end inside a paragraph: a space between Latin words, nothing
    /// between Chinese characters.
    SoftBreak,
    /// A forced line break (`\` or two spaces at a line's end, `<br>`).
    HardBreak,
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// An image: only its description is shown (images are not loaded).
    Image(Vec<Inline>),
}

/// What a marker comment stands for: a block where it stands, or the kind of
/// the next paragraph.
enum Mark {
    Here(Block),
    Next(fn(Vec<Inline>) -> Block),
}

/// The markers by name (`<!-- nianbao:NAME -->`; words after the name are
/// ignored: markers carry no data). Any other name is a plain comment, as in
/// Markdown viewers.
fn mark(name: &str) -> Option<Mark> {
    Some(match name {
        "closing" => Mark::Next(Block::Closing),
        "annex-note" => Mark::Next(Block::AnnexNote),
        "attachment" => Mark::Next(Block::AttachmentLabel),
        "pagebreak" => Mark::Here(Block::PageBreak),
        "chart" => Mark::Here(Block::Chart),
        "addressee" => Mark::Next(Block::Addressee),
        "closing-sealed" => Mark::Next(Block::SealedClosing),
        "closing-stamped" => Mark::Next(Block::StampedClosing),
        "annotation" => Mark::Next(Block::Annotation),
        "masthead-marks" => Mark::Next(|c| Block::Element(Element::Marks, c)),
        "masthead-issuer" => Mark::Next(|c| Block::Element(Element::Issuer, c)),
        "letterhead-issuer" => Mark::Next(|c| Block::Element(Element::LetterIssuer, c)),
        "masthead-number" => Mark::Next(|c| Block::Element(Element::Number, c)),
        "masthead-signers" => Mark::Next(|c| Block::Element(Element::Signers, c)),
        "record-cc" => Mark::Next(|c| Block::Element(Element::Cc, c)),
        "record-print" => Mark::Next(|c| Block::Element(Element::Print, c)),
        _ => return None,
    })
}

/// The name of the marker in an HTML comment (`<!-- nianbao:closing -->` →
/// `closing`), known or not; None for HTML that is no such comment.
fn marker_name(html: &str) -> Option<&str> {
    let body = html.trim().strip_prefix("<!--")?;
    let body = &body[..body.find("-->")?];
    body.trim()
        .strip_prefix(MARK_PREFIX)?
        .split_whitespace()
        .next()
}

/// The Markdown extensions the templates may use.
const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

/// Whether the Markdown has a 版记 (at the top level, where the templates
/// put it).
pub fn has_record(markdown: &str) -> bool {
    parse(markdown)
        .iter()
        .any(|b| matches!(b, Block::Record { .. }))
}

/// Reads the Markdown the templates made into blocks.
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut reader = Reader {
        frames: vec![Frame::Root(Vec::new())],
        ..Reader::default()
    };
    for event in Parser::new_ext(markdown, OPTIONS) {
        reader.event(event);
    }
    // pulldown-cmark closes every block it opens; should one stay open, its
    // content is kept all the same.
    while reader.frames.len() > 1 {
        reader.end();
    }
    match reader.frames.pop() {
        Some(Frame::Root(blocks)) => gather(blocks),
        _ => Vec::new(),
    }
}

/// A block or span being read.
enum Frame {
    /// The document's blocks.
    Root(Vec<Block>),
    Quote(Vec<Block>),
    Item {
        marker: String,
        blocks: Vec<Block>,
    },
    List {
        start: Option<u64>,
        items: Vec<Item>,
    },
    Spans(Spans, Vec<Inline>),
    Code(String),
    Html(String),
    Table {
        columns: usize,
        head: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    /// A table's header row or another row.
    Row {
        head: bool,
        cells: Vec<Cell>,
    },
    /// A block or span with nothing of its own (beyond [`MAX_DEPTH`], or an
    /// extension the templates do not use): its content goes to the frame
    /// below.
    Through,
}

/// What a run of inlines being read becomes.
enum Spans {
    Paragraph(fn(Vec<Inline>) -> Block),
    Heading(HeadingLevel),
    Cell,
    Emphasis,
    Strong,
    Strikethrough,
    Link(String),
    Image,
}

#[derive(Default)]
struct Reader {
    frames: Vec<Frame>,
    /// What the next paragraph is, by the marker before it: the last one
    /// when there are several (one whose paragraph never came is dropped).
    marked: Option<fn(Vec<Inline>) -> Block>,
    /// For each open list item, whether its first paragraph is still to come
    /// (in a loose list, that paragraph is the item's own text).
    items: Vec<bool>,
}

impl Reader {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(TagEnd::Item) => {
                self.items.pop();
                self.end();
            }
            Event::End(_) => self.end(),
            Event::Text(text) => match self.top() {
                // An HTML block's indent comes as text.
                Some(Frame::Code(code) | Frame::Html(code)) => code.push_str(&text),
                _ => self.inline(Inline::Text(text.into_string())),
            },
            Event::Code(code) => self.inline(Inline::Code(code.into_string())),
            Event::SoftBreak => self.inline(Inline::SoftBreak),
            Event::HardBreak => self.inline(Inline::HardBreak),
            Event::Html(html) => match self.top() {
                Some(Frame::Html(block)) => block.push_str(&html),
                _ => self.inline_html(&html),
            },
            Event::InlineHtml(html) => self.inline_html(&html),
            Event::Rule => self.block(Block::Rule),
            // Extensions the templates do not enable: their text.
            Event::FootnoteReference(name) => self.inline(Inline::Text(format!("[{name}]"))),
            Event::TaskListMarker(done) => {
                self.inline(Inline::Text(if done { "☑ " } else { "☐ " }.into()))
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => {
                self.inline(Inline::Text(m.into_string()))
            }
        }
    }

    /// The innermost frame with content of its own.
    fn top(&mut self) -> Option<&mut Frame> {
        self.frames
            .iter_mut()
            .rev()
            .find(|f| !matches!(f, Frame::Through))
    }

    fn start(&mut self, tag: Tag) {
        // Beyond the depth limit, a block or span adds nothing of its own,
        // unless it is a part of the list or table it is in.
        let part = matches!(
            self.top(),
            Some(Frame::List { .. } | Frame::Table { .. } | Frame::Row { .. })
        );
        if self.frames.len() >= MAX_DEPTH && !part {
            if matches!(tag, Tag::Item) {
                self.items.push(false);
            }
            self.frames.push(Frame::Through);
            return;
        }
        let frame = match tag {
            Tag::Paragraph => {
                let own = self.items.last_mut().filter(|first| **first);
                Frame::Spans(
                    Spans::Paragraph(if let Some(first) = own {
                        *first = false;
                        Block::ItemParagraph
                    } else {
                        self.marked.take().unwrap_or(Block::Paragraph)
                    }),
                    Vec::new(),
                )
            }
            Tag::Heading { level, .. } => Frame::Spans(Spans::Heading(level), Vec::new()),
            Tag::BlockQuote(_) => Frame::Quote(Vec::new()),
            Tag::CodeBlock(_) => Frame::Code(String::new()),
            Tag::HtmlBlock => Frame::Html(String::new()),
            Tag::List(start) => Frame::List {
                start,
                items: Vec::new(),
            },
            Tag::Item => {
                self.items.push(true);
                let marker = match self.top() {
                    Some(Frame::List {
                        start: Some(n),
                        items,
                    }) => format!("{}.", *n + items.len() as u64),
                    _ => "•".to_string(),
                };
                Frame::Item {
                    marker,
                    blocks: Vec::new(),
                }
            }
            Tag::Table(alignments) => Frame::Table {
                columns: alignments.len(),
                head: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead => Frame::Row {
                head: true,
                cells: Vec::new(),
            },
            Tag::TableRow => Frame::Row {
                head: false,
                cells: Vec::new(),
            },
            Tag::TableCell => Frame::Spans(Spans::Cell, Vec::new()),
            Tag::Emphasis => Frame::Spans(Spans::Emphasis, Vec::new()),
            Tag::Strong => Frame::Spans(Spans::Strong, Vec::new()),
            Tag::Strikethrough => Frame::Spans(Spans::Strikethrough, Vec::new()),
            Tag::Link { dest_url, .. } => {
                Frame::Spans(Spans::Link(dest_url.into_string()), Vec::new())
            }
            Tag::Image { .. } => Frame::Spans(Spans::Image, Vec::new()),
            // Extensions the templates do not enable: their content.
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_)
            | Tag::Superscript
            | Tag::Subscript => Frame::Through,
        };
        self.frames.push(frame);
    }

    /// Ends the innermost frame and gives what it made to the one below.
    fn end(&mut self) {
        if self.frames.len() <= 1 {
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame {
            Frame::Root(_) | Frame::Through => {}
            Frame::Quote(blocks) => self.block(Block::Quote(blocks)),
            Frame::Item { marker, blocks } => match self.top() {
                Some(Frame::List { items, .. }) => items.push(Item { marker, blocks }),
                _ => self.blocks(blocks),
            },
            Frame::List { items, .. } => self.block(Block::List(items)),
            Frame::Code(code) => self.block(Block::Code(code)),
            Frame::Html(html) => self.html_block(&html),
            Frame::Table {
                columns,
                head,
                rows,
            } => self.block(Block::Table {
                columns,
                head,
                rows,
            }),
            Frame::Row { head, cells } => match self.top() {
                Some(Frame::Table {
                    head: table_head,
                    rows,
                    ..
                }) => {
                    if head {
                        *table_head = cells;
                    } else {
                        rows.push(cells);
                    }
                }
                _ => {
                    for cell in cells {
                        self.inlines(cell);
                    }
                }
            },
            Frame::Spans(spans, content) => match spans {
                Spans::Paragraph(kind) => self.block(kind(content)),
                Spans::Heading(HeadingLevel::H1) => self.block(Block::Title(title_lines(content))),
                Spans::Heading(level) => self.block(Block::Heading {
                    level: level as usize - 1,
                    content,
                }),
                Spans::Cell => match self.top() {
                    Some(Frame::Row { cells, .. }) => cells.push(content),
                    _ => self.inlines(content),
                },
                Spans::Emphasis => self.inline(Inline::Emphasis(content)),
                Spans::Strong => self.inline(Inline::Strong(content)),
                Spans::Strikethrough => self.inline(Inline::Strikethrough(content)),
                Spans::Link(url) => self.inline(Inline::Link { url, content }),
                Spans::Image => self.inline(Inline::Image(content)),
            },
        }
    }

    /// An HTML block: its comments are markers or nothing (a comment may
    /// follow other HTML in one block), the rest is kept as its text.
    fn html_block(&mut self, html: &str) {
        let mut text = String::new();
        let mut rest = html;
        while let Some(at) = rest.find("<!--") {
            text.push_str(&rest[..at]);
            let comment = &rest[at..];
            // `<!-->` is a whole (empty) comment; an unclosed one runs to the end.
            let end = comment[2..].find("-->").map_or(comment.len(), |e| e + 5);
            match marker_name(&comment[..end]).and_then(mark) {
                Some(Mark::Here(block)) => {
                    self.html_text(std::mem::take(&mut text));
                    self.block(block);
                }
                Some(Mark::Next(kind)) => self.marked = Some(kind),
                None => {}
            }
            rest = &comment[end..];
            // A comment on a line of its own leaves no line behind.
            let indent = text.len() - text.trim_end_matches([' ', '\t']).len();
            let after = rest.trim_start_matches([' ', '\t']);
            if (text.len() == indent || text[..text.len() - indent].ends_with('\n'))
                && (after.is_empty() || after.starts_with('\n'))
            {
                text.truncate(text.len() - indent);
                rest = after.strip_prefix('\n').unwrap_or(after);
            }
        }
        text.push_str(rest);
        self.html_text(text);
    }

    /// HTML that is no comment, unless it is only the space around them.
    fn html_text(&mut self, text: String) {
        if !text.trim().is_empty() {
            self.block(Block::Html(text));
        }
    }

    /// HTML inside a line of text: `<br>` breaks the line, a comment (a
    /// marker too: markers stand on lines of their own) is nothing, other
    /// HTML is kept as text.
    fn inline_html(&mut self, html: &str) {
        if is_line_break(html) {
            self.inline(Inline::HardBreak);
        } else if !html.trim_start().starts_with("<!--") {
            self.inline(Inline::Text(html.to_string()));
        }
    }

    /// Adds a block to the innermost block container (pulldown-cmark opens
    /// blocks only inside blocks, and each frame beyond the depth limit is
    /// [`Frame::Through`]).
    fn block(&mut self, block: Block) {
        if let Some(Frame::Root(blocks) | Frame::Quote(blocks) | Frame::Item { blocks, .. }) =
            self.top()
        {
            blocks.push(block);
        }
    }

    fn blocks(&mut self, blocks: Vec<Block>) {
        for block in blocks {
            self.block(block);
        }
    }

    fn inline(&mut self, inline: Inline) {
        match self.top() {
            Some(Frame::Spans(_, content)) => content.push(inline),
            // Text directly in a block container: a tight list item's, or
            // that of a block flattened beyond the depth limit.
            Some(Frame::Root(blocks) | Frame::Quote(blocks) | Frame::Item { blocks, .. }) => {
                match blocks.last_mut() {
                    Some(Block::Plain(content)) => content.push(inline),
                    _ => blocks.push(Block::Plain(vec![inline])),
                }
            }
            // Code and HTML blocks hold only their text, lists and tables
            // only their items and cells.
            _ => {}
        }
    }

    fn inlines(&mut self, inlines: Vec<Inline>) {
        for inline in inlines {
            self.inline(inline);
        }
    }
}

/// `<br>`, `<br/>` or `<br />`.
fn is_line_break(html: &str) -> bool {
    let tag: String = html.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(tag.to_ascii_lowercase().as_str(), "<br>" | "<br/>")
}

/// A title of plain text broken into lines where its meaning allows
/// ([`crate::title`], GB/T 9704 7.3.1): hard breaks between them. Any other
/// title is left to the typesetter.
fn title_lines(content: Vec<Inline>) -> Vec<Inline> {
    let mut text = String::new();
    for inline in &content {
        match inline {
            Inline::Text(t) => text.push_str(t),
            _ => return content,
        }
    }
    let breaks = crate::title::breaks(&text, crate::title::TITLE_ROOM);
    if breaks.is_empty() {
        return content;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut starts = vec![0];
    starts.extend(breaks);
    starts.push(chars.len());
    let mut out = Vec::new();
    for (n, w) in starts.windows(2).enumerate() {
        if n > 0 {
            out.push(Inline::HardBreak);
        }
        out.push(Inline::Text(chars[w[0]..w[1]].iter().collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    fn par(s: &str) -> Block {
        Block::Paragraph(vec![text(s)])
    }

    /// A marker of the paragraph that follows marks it.
    #[test]
    fn markers_of_the_next_paragraph() {
        let md = "甲\n\n<!-- nianbao:annex-note -->\n附件：表\n\n\
                  <!-- nianbao:closing -->\n工会办\\\n2020年12月8日\n\n\
                  <!-- nianbao:attachment -->\n附件1\n\n乙\n";
        assert_eq!(
            parse(md),
            vec![
                par("甲"),
                Block::AnnexNote(vec![text("附件：表")]),
                Block::Closing(vec![
                    text("工会办"),
                    Inline::HardBreak,
                    text("2020年12月8日")
                ]),
                Block::AttachmentLabel(vec![text("附件1")]),
                par("乙"),
            ]
        );
        // Two markers before one paragraph: the last one counts (the first
        // one's paragraph never came).
        let md = "<!-- nianbao:annex-note -->\n<!-- nianbao:closing -->\n甲\n\n乙\n";
        assert_eq!(parse(md), vec![Block::Closing(vec![text("甲")]), par("乙")]);
    }

    /// The page break and the chart are blocks where they stand; words after
    /// a marker's name are ignored (markers carry no data), and so is the
    /// layout of the comment.
    #[test]
    fn markers_that_are_blocks() {
        let md = "甲\n\n<!-- nianbao:pagebreak -->\n<!-- nianbao:chart {\"labels\": [\"#x\"]} -->\n\
                  <!--\n  nianbao:pagebreak\n-->\n乙\n";
        assert_eq!(
            parse(md),
            vec![
                par("甲"),
                Block::PageBreak,
                Block::Chart,
                Block::PageBreak,
                par("乙")
            ]
        );
    }

    /// An unknown marker is a plain comment, as in a Markdown viewer: nothing.
    /// So is a comment over several lines (whose later lines were once text),
    /// and a marker inside a line of text (markers stand on lines of their own).
    #[test]
    fn other_comments_are_nothing() {
        let md = "<!-- nianbao:closng -->\n甲\n\n<!-- a note\nover lines -->\n\
                  乙 <!-- nianbao:closing --> 丙\n\n丁\n";
        assert_eq!(
            parse(md),
            vec![
                par("甲"),
                Block::Paragraph(vec![text("乙 "), text(" 丙")]),
                par("丁"),
            ]
        );
        assert_eq!(marker_name("<!-- nianbao:closng -->"), Some("closng"));
        assert!(mark("closng").is_none());
        assert_eq!(marker_name("<!-- closing -->"), None);
        assert_eq!(marker_name("<div>nianbao:closing</div>"), None);
    }

    /// HTML that is no comment is kept as its text; `<br>` is a line break.
    #[test]
    fn html_is_text() {
        assert_eq!(
            parse("  <div>\n甲\n</div>\n\n乙<br>丙 <b>丁</b>\n"),
            vec![
                Block::Html("  <div>\n甲\n</div>\n".into()),
                Block::Paragraph(vec![
                    text("乙"),
                    Inline::HardBreak,
                    text("丙 "),
                    text("<b>"),
                    text("丁"),
                    text("</b>"),
                ]),
            ]
        );
    }

    #[test]
    fn titles_headings_and_spans() {
        let md = "# 标题\n\n## 一、总结\n\n###### 六\n\n**（一）甲**。*乙*~~丙~~`丁`[戊](https://x.org/)![己](a.png)\n";
        assert_eq!(
            parse(md),
            vec![
                Block::Title(vec![text("标题")]),
                Block::Heading {
                    level: 1,
                    content: vec![text("一、总结")]
                },
                Block::Heading {
                    level: 5,
                    content: vec![text("六")]
                },
                Block::Paragraph(vec![
                    Inline::Strong(vec![text("（一）甲")]),
                    text("。"),
                    Inline::Emphasis(vec![text("乙")]),
                    Inline::Strikethrough(vec![text("丙")]),
                    Inline::Code("丁".into()),
                    Inline::Link {
                        url: "https://x.org/".into(),
                        content: vec![text("戊")]
                    },
                    Inline::Image(vec![text("己")]),
                ]),
            ]
        );
    }

    /// Items carry their markers; a tight item's text is in no paragraph, a
    /// loose item's first paragraph is its own.
    #[test]
    fn lists() {
        let item = |marker: &str, blocks| Item {
            marker: marker.into(),
            blocks,
        };
        assert_eq!(
            parse("3. 甲\n4. 乙\n   - 丙\n"),
            vec![Block::List(vec![
                item("3.", vec![Block::Plain(vec![text("甲")])]),
                item(
                    "4.",
                    vec![
                        Block::Plain(vec![text("乙")]),
                        Block::List(vec![item("•", vec![Block::Plain(vec![text("丙")])])]),
                    ]
                ),
            ])]
        );
        assert_eq!(
            parse("- 甲\n\n  乙\n\n- 丙\n"),
            vec![Block::List(vec![
                item("•", vec![Block::ItemParagraph(vec![text("甲")]), par("乙")]),
                item("•", vec![Block::ItemParagraph(vec![text("丙")])]),
            ])]
        );
        // A marker before a list marks the first paragraph after the list:
        // an item's own paragraph is no paragraph of its own.
        assert_eq!(
            parse("<!-- nianbao:closing -->\n- 甲\n\n- 乙\n\n丙\n"),
            vec![
                Block::List(vec![
                    item("•", vec![Block::ItemParagraph(vec![text("甲")])]),
                    item("•", vec![Block::ItemParagraph(vec![text("乙")])]),
                ]),
                Block::Closing(vec![text("丙")]),
            ]
        );
    }

    #[test]
    fn tables_code_quotes_and_rules() {
        let md =
            "| 项目 | 数量 |\n|---|--:|\n| **甲** | 1 |\n| 乙 |\n\n```\n#x\n```\n\n> 引\n\n---\n";
        assert_eq!(
            parse(md),
            vec![
                Block::Table {
                    columns: 2,
                    head: vec![vec![text("项目")], vec![text("数量")]],
                    rows: vec![
                        vec![vec![Inline::Strong(vec![text("甲")])], vec![text("1")]],
                        vec![vec![text("乙")], vec![]],
                    ],
                },
                Block::Code("#x\n".into()),
                Block::Quote(vec![par("引")]),
                Block::Rule,
            ]
        );
    }

    /// Blocks nested deeper than [`MAX_DEPTH`] are flattened: their text
    /// stays, and the writers' recursion is bounded.
    #[test]
    fn deep_nesting_is_flattened() {
        fn depth(blocks: &[Block]) -> usize {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Quote(inner) => 1 + depth(inner),
                    Block::List(items) => {
                        1 + items.iter().map(|i| depth(&i.blocks)).max().unwrap_or(0)
                    }
                    _ => 1,
                })
                .max()
                .unwrap_or(0)
        }
        let quotes = parse(&format!("{}甲\n", "> ".repeat(5000)));
        assert!(depth(&quotes) <= MAX_DEPTH, "{}", depth(&quotes));
        let lists = parse(&format!("{}乙\n", "- ".repeat(5000)));
        assert!(depth(&lists) <= MAX_DEPTH, "{}", depth(&lists));
        let markup = crate::typeset::writer::blocks_to_typst(&quotes);
        assert!(markup.contains('甲'), "{markup}");
        let (errors, _) = typst::syntax::parse(&markup).errors_and_warnings();
        assert!(errors.is_empty(), "{errors:?}");
    }

    /// Every marker the built-in templates write is one this module knows.
    #[test]
    fn the_templates_markers_are_known() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut found = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let template = std::fs::read_to_string(&path).unwrap();
            for line in template.lines().filter(|l| l.contains("<!--")) {
                let name = marker_name(line).unwrap_or_else(|| panic!("{line}"));
                assert!(mark(name).is_some(), "{}: {line}", path.display());
                found += 1;
            }
        }
        assert_eq!(found, 20);
    }

    proptest! {
        /// Text escaped for Markdown, as every string of the input is, reads
        /// back as one paragraph of the same text: no markup, no marker.
        #[test]
        fn escaped_text_reads_back_as_itself(
            s in "[a-z0-9 甲乙（）“”。\\\\`*_\\[\\]<>!|~&#$%{}.()+=:;'\"/@-]{1,40}",
            marker in proptest::bool::ANY,
        ) {
            let s = if marker { format!("<!-- nianbao:closing -->{s}") } else { s };
            let s = s.trim();
            prop_assume!(!s.is_empty());
            let blocks = parse(&crate::view::escape_markdown(s));
            let mut read = String::new();
            match blocks.as_slice() {
                [Block::Paragraph(content)] => {
                    for inline in content {
                        match inline {
                            Inline::Text(t) => read.push_str(t),
                            other => panic!("{other:?} in {blocks:?}"),
                        }
                    }
                }
                _ => panic!("{blocks:?}"),
            }
            prop_assert_eq!(read, s);
        }
    }
}
