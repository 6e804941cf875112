//! The bytes of a CSV file → text → records. Owns the checks on the file as a whole (size,
//! UTF-16, NUL bytes, UTF-8, emptiness), the delimiter detected from the header line, and the
//! tokenizer: fields split by the delimiter, double-quoted fields with `""` escapes (which may
//! span lines), surrounding white space trimmed, blank lines skipped. Line numbers are physical
//! lines, 1-based: `\n`, `\r\n` and a lone `\r` each end one.

use std::borrow::Cow;

use super::input_error;
use crate::error::{Result, caps};

const MIB: f64 = 1024.0 * 1024.0;
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Refuses a file larger than [`caps::MAX_CSV_BYTES`]: `the file is 50.0 MB; at most 16 MB`
/// (MB = 2²⁰ bytes; the size is rounded up to a tenth, so a file just over the cap never reads
/// "16.0 MB"). Public so that a caller can check a size before copying the bytes.
pub fn check_csv_size(bytes: usize) -> Result<()> {
    if bytes > caps::MAX_CSV_BYTES {
        return Err(input_error(format!(
            "the file is {:.1} MB; at most {} MB",
            (bytes as f64 / MIB * 10.0).ceil() / 10.0,
            caps::MAX_CSV_BYTES as f64 / MIB
        )));
    }
    Ok(())
}

/// The file's text without a UTF-8 byte-order mark, or the error that says why it is not a
/// text file the parser can read.
pub(super) fn decode(bytes: &[u8]) -> Result<&str> {
    check_csv_size(bytes.len())?;
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(input_error(
            "line 1: the file is UTF-16 text — save it as UTF-8 (\"CSV UTF-8\")",
        ));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(input_error("the file is empty"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, start) = line_at(&bytes[..at]);
        let column = String::from_utf8_lossy(&bytes[start..at]).chars().count() + 1;
        return Err(input_error(format!(
            "line {line}, column {column}: the file contains a NUL byte — is it a text file?"
        )));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, _) = line_at(&bytes[..e.valid_up_to()]);
        input_error(format!(
            "line {line}: not valid UTF-8 text — is it a text file?"
        ))
    })
}

/// The line number after `prefix` and the offset where that line starts.
fn line_at(prefix: &[u8]) -> (usize, usize) {
    let mut line = 1;
    let mut start = 0;
    for (i, &b) in prefix.iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && prefix.get(i + 1) != Some(&b'\n'));
        if ends_line {
            line += 1;
            start = i + 1;
        }
    }
    (line, start)
}

/// The delimiter, detected once from the first non-blank line, outside double quotes: a comma
/// if it has one, else whichever of `;` and tab it has more of (a comma again if neither).
pub(super) fn detect_delimiter(text: &str) -> u8 {
    let header = text
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let mut quoted = false;
    let unquoted: String = header
        .chars()
        .filter(|&c| {
            quoted ^= c == '"';
            !quoted && c != '"'
        })
        .collect();
    let count = |d: char| unquoted.matches(d).count();
    let (semicolons, tabs) = (count(';'), count('\t'));
    if count(',') > 0 || semicolons + tabs == 0 {
        b','
    } else if semicolons >= tabs {
        b';'
    } else {
        b'\t'
    }
}

/// What can go wrong inside one record; the caller names the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ReadError {
    /// A quote opened on `line` in field `field` (0-based) is never closed.
    UnclosedQuote { line: usize, field: usize },
    /// Something other than white space follows a closing quote.
    TextAfterQuote { line: usize, field: usize },
}

/// The records of a text, one at a time.
pub(super) struct Records<'a> {
    text: &'a str,
    pos: usize,
    /// The line `pos` is on.
    line: usize,
    delimiter: u8,
}

impl<'a> Records<'a> {
    pub(super) fn new(text: &'a str, delimiter: u8) -> Self {
        Records {
            text,
            pos: 0,
            line: 1,
            delimiter,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn is_blank(&self, b: u8) -> bool {
        b == b' ' || (b == b'\t' && self.delimiter != b'\t')
    }

    fn skip_blanks(&mut self) {
        while self.peek().is_some_and(|b| self.is_blank(b)) {
            self.pos += 1;
        }
    }

    /// Consumes a line break at `pos` if there is one.
    fn line_break(&mut self) -> bool {
        match self.peek() {
            Some(b'\r') => {
                self.pos += 1;
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
            }
            Some(b'\n') => self.pos += 1,
            _ => return false,
        }
        self.line += 1;
        true
    }

    /// Reads the next record that is not a blank line into `fields` (cleared first) and returns
    /// the line it starts on, or `None` at the end of the text.
    pub(super) fn next_into(
        &mut self,
        fields: &mut Vec<Cow<'a, str>>,
    ) -> Result<Option<usize>, ReadError> {
        fields.clear();
        loop {
            let start = self.pos;
            while self.peek().is_some_and(|b| b == b' ' || b == b'\t') {
                self.pos += 1;
            }
            if self.peek().is_none() {
                return Ok(None);
            }
            if !self.line_break() {
                self.pos = start;
                break;
            }
        }
        let line = self.line;
        loop {
            self.skip_blanks();
            let field = if self.peek() == Some(b'"') {
                self.quoted(fields.len())?
            } else {
                self.unquoted()
            };
            fields.push(field);
            if self.peek() == Some(self.delimiter) {
                self.pos += 1;
            } else {
                self.line_break();
                return Ok(Some(line));
            }
        }
    }

    fn unquoted(&mut self) -> Cow<'a, str> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b != self.delimiter && b != b'\n' && b != b'\r')
        {
            self.pos += 1;
        }
        Cow::Borrowed(self.text[start..self.pos].trim())
    }

    /// A field starting with `"` at `pos`: up to the closing quote, `""` read as `"`.
    fn quoted(&mut self, field: usize) -> Result<Cow<'a, str>, ReadError> {
        let opened = self.line;
        self.pos += 1;
        let mut segment = self.pos;
        let mut owned: Option<String> = None;
        let value = loop {
            match self.peek() {
                None => {
                    return Err(ReadError::UnclosedQuote {
                        line: opened,
                        field,
                    });
                }
                Some(b'"') if self.text.as_bytes().get(self.pos + 1) == Some(&b'"') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[segment..=self.pos]);
                    self.pos += 2;
                    segment = self.pos;
                }
                Some(b'"') => {
                    let last = &self.text[segment..self.pos];
                    self.pos += 1;
                    break match owned {
                        Some(mut s) => {
                            s.push_str(last);
                            Cow::Owned(s.trim().to_string())
                        }
                        None => Cow::Borrowed(last.trim()),
                    };
                }
                Some(_) => {
                    if !self.line_break() {
                        self.pos += 1;
                    }
                }
            }
        };
        self.skip_blanks();
        match self.peek() {
            None | Some(b'\n' | b'\r') => Ok(value),
            Some(b) if b == self.delimiter => Ok(value),
            Some(_) => Err(ReadError::TextAfterQuote {
                line: self.line,
                field,
            }),
        }
    }
}
