//! The classes of a label column: each distinct label text is a class, numbered in sorted
//! order — numerically when every label is an integer (`-1 < 2 < 10`), else by the text's
//! Unicode code points (`"setosa" < "versicolor"`) — so the same file always gives the same
//! class ids, whatever the order of its rows.

use std::cmp::Ordering;
use std::collections::HashMap;

/// The distinct labels met so far, numbered by first appearance until [`Classes::finish`].
#[derive(Default)]
pub(super) struct Classes {
    ids: HashMap<String, usize>,
    names: Vec<String>,
}

impl Classes {
    /// The provisional id of `label`, adding it if new; `None` when it would be class number
    /// `cap + 1`.
    pub fn id(&mut self, label: &str, cap: usize) -> Option<usize> {
        if let Some(&id) = self.ids.get(label) {
            return Some(id);
        }
        if self.names.len() == cap {
            return None;
        }
        let id = self.names.len();
        self.ids.insert(label.to_string(), id);
        self.names.push(label.to_string());
        Some(id)
    }

    /// How many distinct labels there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The first label met.
    pub fn first(&self) -> &str {
        self.names.first().map_or("", String::as_str)
    }

    /// The class names in sorted order; `labels` (provisional ids) are renumbered to match.
    pub fn finish(self, labels: &mut [usize]) -> Vec<String> {
        let integers: Option<Vec<i64>> = self.names.iter().map(|n| n.parse().ok()).collect();
        let mut order: Vec<usize> = (0..self.names.len()).collect();
        let by_text = |a: &usize, b: &usize| self.names[*a].cmp(&self.names[*b]);
        match &integers {
            Some(values) => order.sort_by(|a, b| match values[*a].cmp(&values[*b]) {
                Ordering::Equal => by_text(a, b),
                other => other,
            }),
            None => order.sort_by(by_text),
        }
        let mut new_id = vec![0; order.len()];
        for (rank, &old) in order.iter().enumerate() {
            new_id[old] = rank;
        }
        for label in labels.iter_mut() {
            *label = new_id.get(*label).copied().unwrap_or(*label);
        }
        let mut names = self.names;
        let mut sorted = Vec::with_capacity(names.len());
        for &old in &order {
            sorted.push(std::mem::take(&mut names[old]));
        }
        sorted
    }
}
