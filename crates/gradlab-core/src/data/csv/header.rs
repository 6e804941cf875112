//! The header line of a CSV file: the column names, their checks (every column named, no two
//! alike, names rather than numbers, at most [`caps::MAX_UNITS`] features), which column holds
//! the label, and how a column is named in a message (`column "x2"`).

use std::borrow::Cow;
use std::collections::HashMap;

use super::{LabelColumn, input_error, quoted};
use crate::error::{GradlabError, Result, caps};

/// The header, validated.
pub(super) struct Header {
    /// Every column's name, in file order.
    pub names: Vec<String>,
    /// The index of the label column.
    pub label: usize,
}

impl Header {
    /// Reads the header `fields` found on `line`, with the label column `choice` (default: the
    /// last). `decimal_comma` as in [`super::number`]. Errors about the choice are on field
    /// `labelColumn`, the rest on `input`.
    pub fn new(
        fields: &[Cow<str>],
        line: usize,
        choice: Option<&LabelColumn>,
        decimal_comma: bool,
    ) -> Result<Header> {
        let names: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        if let Some(j) = names.iter().position(String::is_empty) {
            return Err(input_error(format!(
                "line {line}, column {}: the column has no name — the first line must name every column",
                j + 1
            )));
        }
        let label = label_index(&names, choice)?;
        // A file without a header: its first row of numbers would become the column names.
        let features = || names.iter().enumerate().filter(move |&(j, _)| j != label);
        if names.len() > 1 && features().all(|(_, n)| super::number(n, decimal_comma).is_some()) {
            let shown: Vec<String> = features().take(3).map(|(_, n)| quoted(n)).collect();
            return Err(input_error(format!(
                "line {line}: the first line holds numbers ({}{}), not column names — add a header line such as x1,x2,label",
                shown.join(", "),
                if names.len() > 4 { ", …" } else { "" }
            )));
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for name in &names {
            *seen.entry(name).or_default() += 1;
        }
        if let Some(name) = names.iter().find(|n| seen[n.as_str()] > 1) {
            return Err(input_error(format!(
                "line {line}: the header has {} columns with the same name {}",
                seen[name.as_str()],
                quoted(name)
            )));
        }
        if names.len() == 1 {
            return Err(input_error(
                "no feature columns: the file has only the label column",
            ));
        }
        if names.len() - 1 > caps::MAX_UNITS {
            return Err(input_error(format!(
                "line {line}: {} feature columns; at most {}",
                names.len() - 1,
                caps::MAX_UNITS
            )));
        }
        Ok(Header { names, label })
    }

    /// How column `j` is named in a message: `column "x2"`.
    pub fn column(&self, j: usize) -> String {
        match self.names.get(j) {
            Some(name) => format!("column {}", quoted(name)),
            None => format!("column {}", j + 1),
        }
    }

    /// The feature names (every column but the label), in file order.
    pub fn feature_names(&self) -> Vec<String> {
        let label = self.label;
        self.names
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != label)
            .map(|(_, n)| n.clone())
            .collect()
    }
}

/// The label column's index: `choice` by name or 0-based index, or the last column.
fn label_index(names: &[String], choice: Option<&LabelColumn>) -> Result<usize> {
    let listed = || {
        let shown: Vec<String> = names.iter().take(10).map(|n| quoted(n)).collect();
        format!(
            "{}{}",
            shown.join(", "),
            if names.len() > 10 { ", …" } else { "" }
        )
    };
    match choice {
        None => Ok(names.len() - 1),
        Some(LabelColumn::Index(i)) if *i < names.len() => Ok(*i),
        Some(LabelColumn::Index(i)) => Err(GradlabError::invalid(
            "labelColumn",
            format!(
                "there is no column {i}: the file has {} columns, numbered from 0 to {}",
                names.len(),
                names.len() - 1
            ),
        )),
        Some(LabelColumn::Name(name)) => names.iter().position(|n| n == name).ok_or_else(|| {
            GradlabError::invalid(
                "labelColumn",
                format!(
                    "there is no column {}; the header has {}",
                    quoted(name),
                    listed()
                ),
            )
        }),
    }
}
