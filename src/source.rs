//! The texts of the files a run reads, placed in one space of byte positions
//! (as rustc's source map does), so that a [`Span`] alone says which file and
//! where: the files of a folder input follow one another, and every file read in
//! a process has positions of its own.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A range of byte positions in the files of the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }
}

/// The next free position: every file gets its own range, one byte longer than
/// its text so that a span at its very end still belongs to it.
static NEXT_POSITION: AtomicUsize = AtomicUsize::new(0);

/// Reserves `len` positions and returns the first.
pub fn reserve(len: usize) -> usize {
    NEXT_POSITION.fetch_add(len + 1, Ordering::Relaxed)
}

/// The text of one file, and where its positions start.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// The position of the text's first byte.
    pub base: usize,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// A file with positions of its own. A byte-order mark is dropped.
    pub fn new(path: PathBuf, text: String) -> Self {
        let text = strip_bom(text);
        let base = reserve(text.len());
        Self::at(path, text, base)
    }

    /// A file whose positions start at `base` (a file of a folder input, placed
    /// after the one before it).
    pub fn at(path: PathBuf, text: String, base: usize) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            text,
            base,
            line_starts,
        }
    }

    /// Whether a position lies in this file (its end included).
    pub fn contains(&self, position: usize) -> bool {
        position >= self.base && position <= self.base + self.text.len()
    }

    /// The 1-based line and 1-based character column of a position.
    pub fn line_column(&self, position: usize) -> (usize, usize) {
        let offset = self.local(position);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        (line + 1, self.text[start..offset].chars().count() + 1)
    }

    /// The byte offset in the text of a position, on a character boundary.
    pub fn local(&self, position: usize) -> usize {
        let mut offset = position.saturating_sub(self.base).min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The position of a 1-based line and 1-based character column.
    pub fn position(&self, line: usize, column: usize) -> Option<usize> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let text = &self.text[start..end];
        let within = text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map(|(i, _)| i)
            .unwrap_or(text.trim_end_matches(['\n', '\r']).len());
        Some(self.base + start + within)
    }

    /// The span of `needle`'s `nth` occurrence at or after a position.
    pub fn find(&self, from: usize, needle: &str, nth: usize) -> Option<Span> {
        let start = self.local(from);
        let (found, _) = self.text[start..].match_indices(needle).nth(nth)?;
        let at = self.base + start + found;
        Some(Span::new(at, at + needle.len()))
    }

    /// The span of the first occurrence of a character.
    /// The first place of `c` that is not in a YAML comment (a `#` at the
    /// start of a line or after a space before it on its line); the first
    /// place at all when every one is.
    pub fn find_char(&self, c: char) -> Option<Span> {
        let in_comment = |at: usize| {
            let line = &self.text[self.text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
            line.trim_start().starts_with('#') || line.contains(" #")
        };
        let mut places = self.text.match_indices(c).map(|(at, _)| at);
        let first = places.clone().next()?;
        let at = places.find(|&at| !in_comment(at)).unwrap_or(first);
        Some(Span::new(self.base + at, self.base + at + c.len_utf8()))
    }
}

/// The text without a byte-order mark at its start.
pub(crate) fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// Reads at most `limit` bytes of a file, whatever it is (a regular file, a
/// device such as /dev/zero, a pipe): None when it holds more.
pub fn read_bounded(path: &std::path::Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// The file of a position among several.
pub fn file_of<'a>(files: &[&'a SourceFile], position: usize) -> Option<&'a SourceFile> {
    files.iter().copied().find(|f| f.contains(position))
}

/// What a text may hold, the one place that decides it: no control
/// character but the tab and the line break (C0, DEL, C1), no line or
/// paragraph separator (U+2028, U+2029), no bidirectional control (they
/// reorder what a reader sees without being seen).
pub fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_unique_and_map_back_to_lines_and_columns() {
        let a = SourceFile::new("a.yaml".into(), "x: 开展\ny: 1\n".into());
        let b = SourceFile::new("b.yaml".into(), "z: 2\n".into());
        assert!(b.base > a.base + a.text.len());
        let at = a.position(2, 4).unwrap();
        assert_eq!(a.line_column(at), (2, 4));
        assert_eq!(&a.text[a.local(at)..], "1\n");
        let span = a.find(a.base, "开展", 0).unwrap();
        assert_eq!(a.line_column(span.start), (1, 4));
        assert_eq!(span.end - span.start, 6);
        assert_eq!(
            file_of(&[&a, &b], b.base + 1).map(|f| &f.path),
            Some(&b.path)
        );
    }
}
