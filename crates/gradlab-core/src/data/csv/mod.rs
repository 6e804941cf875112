//! A student's own data: [`parse_csv`] reads a CSV file (as bytes) into a [`Dataset`].
//!
//! The file: UTF-8 text (a byte-order mark is skipped), a header line naming the columns, then
//! one line per sample; numeric feature columns and one label column (by name or 0-based index,
//! default the last) whose values are text or integers. Cells are separated by commas — or by
//! `;` or tabs when the header line has no comma (detected once, from the header); with `;` or
//! tabs a number may use a decimal comma (`2,5`), as spreadsheets write them where the comma is
//! the decimal separator (Vietnamese, most of Europe). Double-quoted cells may hold the
//! delimiter, `""` for a quote and line breaks; white space around a cell is trimmed; blank
//! lines are skipped but counted. Numbers are Rust's float syntax (`1`, `-2.5`, `.5`, `1e-3`,
//! `+3`); `NaN`, `inf` and values beyond ±1.8e308 are refused.
//!
//! Every error is a [`GradlabError::Invalid`] on field `input` (or `labelColumn` for a label
//! column the header does not have) whose message names the place, lines counted from 1 with
//! the header's line as line 1 and columns by their header name: `line 3: expected 3 values,
//! got 2`, `line 4, column "x2": "foo" is not a number`, `the file is empty`. Nothing panics on
//! any bytes.

use std::borrow::Cow;
use std::fmt;

use ndarray::Array2;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::{Dataset, Standardization, standardize};
use crate::decimal::parse_f64;
use crate::error::{GradlabError, Result, caps};

mod classes;
mod header;
mod reader;

pub use reader::check_csv_size;

use classes::Classes;
use header::Header;
use reader::{ReadError, Records};

/// Which column holds the labels: a header name or a 0-based index. Serde: a string or a
/// whole number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum LabelColumn {
    Name(String),
    Index(usize),
}

impl<'de> Deserialize<'de> for LabelColumn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct LabelVisitor;
        impl Visitor<'_> for LabelVisitor {
            type Value = LabelColumn;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a column name or a 0-based column index")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<LabelColumn, E> {
                Ok(LabelColumn::Name(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<LabelColumn, E> {
                usize::try_from(v)
                    .map(LabelColumn::Index)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
        }
        d.deserialize_any(LabelVisitor)
    }
}

/// How to read a CSV file. Serde (camelCase, unknown fields refused): `{ labelColumn?,
/// standardize? }`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CsvOptions {
    /// The label column; `None` (the default) is the last column.
    #[serde(default)]
    pub label_column: Option<LabelColumn>,
    /// Standardise each feature column to mean 0, std 1 (default false).
    #[serde(default)]
    pub standardize: bool,
}

/// A parsed CSV file. The data set's `feature_names` are the header's names of the feature
/// columns (file order), its `class_names` the distinct labels in class-id order.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvData {
    pub dataset: Dataset,
    /// The label column's header name.
    pub label_name: String,
    /// The map applied to the features when `standardize` was asked, else `None`.
    pub standardization: Option<Standardization>,
}

/// An error on field `input` (the file).
fn input_error(message: impl Into<String>) -> GradlabError {
    GradlabError::invalid("input", message)
}

/// A cell's text as a message shows it: in double quotes, line breaks as spaces, cut after 40
/// characters.
fn quoted(text: &str) -> String {
    const MAX: usize = 40;
    let mut shown: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().nth(MAX).is_some() {
        shown.push('…');
    }
    format!("\"{shown}\"")
}

/// A cell as a number: Rust's float syntax, with `,` read as the decimal point when
/// `decimal_comma` and the cell has no `.`. `None` when it is not one; infinite values are
/// returned (the caller says why they are refused).
fn number(cell: &str, decimal_comma: bool) -> Option<f64> {
    if decimal_comma && !cell.contains('.') && cell.matches(',').count() == 1 {
        return parse_f64(&cell.replace(',', "."));
    }
    parse_f64(cell)
}

/// Parses a CSV file (see the module docs) into a data set with one-hot targets, standardised
/// if `options.standardize`.
///
/// ```
/// use gradlab_core::data::{CsvOptions, parse_csv};
/// let csv = parse_csv(b"x1,x2,y\n1,2,a\n3,4,b\n", &CsvOptions::default()).unwrap();
/// assert_eq!(csv.dataset.inputs.row(1).to_vec(), vec![3.0, 4.0]);
/// assert_eq!(csv.dataset.class_names, vec!["a", "b"]);
/// let err = parse_csv(b"x1,x2,y\n1,2,a\n3,b\n", &CsvOptions::default()).unwrap_err();
/// assert_eq!(err.to_string(), "input: line 3: expected 3 values, got 2");
/// ```
pub fn parse_csv(bytes: &[u8], options: &CsvOptions) -> Result<CsvData> {
    let text = reader::decode(bytes)?;
    let delimiter = reader::detect_delimiter(text);
    let decimal_comma = delimiter != b',';
    let mut records = Records::new(text, delimiter);
    let mut fields: Vec<Cow<str>> = Vec::new();
    let header_line = records
        .next_into(&mut fields)
        .map_err(|e| read_error(e, None))?
        .ok_or_else(|| input_error("the file is empty"))?;
    let header = Header::new(
        &fields,
        header_line,
        options.label_column.as_ref(),
        decimal_comma,
    )?;
    let width = header.names.len();
    let mut values: Vec<f64> = Vec::new();
    let mut labels: Vec<usize> = Vec::new();
    let mut classes = Classes::default();
    while let Some(line) = records
        .next_into(&mut fields)
        .map_err(|e| read_error(e, Some(&header)))?
    {
        if labels.len() == caps::MAX_SAMPLES {
            return Err(input_error(format!(
                "line {line}: more than {} rows of data (the most a data set may have)",
                caps::MAX_SAMPLES
            )));
        }
        if fields.len() != width {
            return Err(input_error(format!(
                "line {line}: expected {width} values, got {}",
                fields.len()
            )));
        }
        let at = |j: usize, message: String| {
            input_error(format!("line {line}, {}: {message}", header.column(j)))
        };
        for (j, cell) in fields.iter().enumerate() {
            if cell.is_empty() {
                return Err(at(j, "the cell is empty".into()));
            }
            if j == header.label {
                let id = classes.id(cell, caps::MAX_CLASSES).ok_or_else(|| {
                    at(
                        j,
                        format!(
                            "{} is label number {}; at most {} classes — is this the label column?",
                            quoted(cell),
                            caps::MAX_CLASSES + 1,
                            caps::MAX_CLASSES
                        ),
                    )
                })?;
                labels.push(id);
                continue;
            }
            match number(cell, decimal_comma) {
                Some(v) if v.is_finite() => values.push(v),
                Some(_) if !cell.to_ascii_lowercase().contains("nan") => {
                    return Err(at(j, format!("{} is not a finite number", quoted(cell))));
                }
                _ => return Err(at(j, format!("{} is not a number", quoted(cell)))),
            }
        }
    }
    finish(header, values, labels, classes, options.standardize)
}

/// Builds the data set once every row is read.
fn finish(
    header: Header,
    values: Vec<f64>,
    mut labels: Vec<usize>,
    classes: Classes,
    standardize_inputs: bool,
) -> Result<CsvData> {
    let label_name = header.names[header.label].clone();
    if labels.is_empty() {
        return Err(input_error("the file has a header but no rows of data"));
    }
    if classes.len() < 2 {
        return Err(input_error(format!(
            "only one class ({}) in column {}: a classifier needs at least 2",
            quoted(classes.first()),
            quoted(&label_name)
        )));
    }
    let feature_names = header.feature_names();
    let mut inputs = Array2::from_shape_vec((labels.len(), feature_names.len()), values)
        .map_err(|e| input_error(format!("internal error: {e}")))?;
    let standardization = if standardize_inputs {
        let stats = standardize(&mut inputs);
        // A standardised value is within ±√(n − 1) (population std); beyond it (or not finite),
        // the mean or the variance overflowed.
        let bound = (inputs.nrows() as f64).sqrt();
        let failed = |j: usize| {
            inputs
                .column(j)
                .iter()
                .any(|v| !v.is_finite() || v.abs() > bound)
        };
        if let Some(j) = (0..inputs.ncols()).find(|&j| failed(j)) {
            return Err(input_error(format!(
                "column {}: the numbers are too large to standardise — rescale the column or leave standardise off",
                quoted(&feature_names[j])
            )));
        }
        Some(stats)
    } else {
        None
    };
    let class_names = classes.finish(&mut labels);
    Ok(CsvData {
        dataset: Dataset::from_labels(inputs, labels, feature_names, class_names),
        label_name,
        standardization,
    })
}

/// A tokenizer error as a message; columns by name once the header is known.
fn read_error(e: ReadError, header: Option<&Header>) -> GradlabError {
    let column = |field: usize| match header {
        Some(h) => h.column(field),
        None => format!("column {}", field + 1),
    };
    match e {
        ReadError::UnclosedQuote { line, field } => input_error(format!(
            "line {line}, {}: a quote opens here and is never closed",
            column(field)
        )),
        ReadError::TextAfterQuote { line, field } => input_error(format!(
            "line {line}, {}: text after the closing quote (write a quote inside a quoted cell as \"\")",
            column(field)
        )),
    }
}
