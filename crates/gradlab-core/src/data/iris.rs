//! Fisher's Iris data, compiled into the crate from `data/iris.csv`, and the seed article's
//! three petal samples taken from it.

use std::sync::OnceLock;

use ndarray::{Array2, array};

use super::Dataset;
use crate::decimal::parse_f64;
use crate::error::{GradlabError, Result};

const IRIS_CSV: &str = include_str!("../../data/iris.csv");
const FEATURES: [&str; 4] = ["sepal_length", "sepal_width", "petal_length", "petal_width"];
const SPECIES: [&str; 3] = ["setosa", "versicolor", "virginica"];

fn names(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Fisher's Iris data (R / scikit-learn version): 150 samples, 4 features in cm
/// (`sepal_length`, `sepal_width`, `petal_length`, `petal_width`), 3 classes (`setosa`,
/// `versicolor`, `virginica`), 50 each, in the file's order. Parsed once, then cloned.
///
/// The file is part of the crate and a unit test proves it parses; were it ever unparsable,
/// this would return an empty data set with the same names rather than panic.
///
/// ```
/// let d = gradlab_core::data::iris();
/// assert_eq!(d.inputs.dim(), (150, 4));
/// assert_eq!(d.inputs.row(0).to_vec(), vec![5.1, 3.5, 1.4, 0.2]);
/// assert_eq!(d.class_counts(), vec![50, 50, 50]);
/// assert_eq!(d.class_names[d.labels[0]], "setosa");
/// ```
pub fn iris() -> Dataset {
    static IRIS: OnceLock<Dataset> = OnceLock::new();
    IRIS.get_or_init(|| {
        parse_iris(IRIS_CSV).unwrap_or_else(|_| {
            Dataset::from_labels(
                Array2::zeros((0, FEATURES.len())),
                Vec::new(),
                names(&FEATURES),
                names(&SPECIES),
            )
        })
    })
    .clone()
}

/// The seed article's three samples: petal (length, width) of one flower per species —
/// (1.5, 0.2) setosa, (4.7, 1.6) versicolor, (5.6, 2.2) virginica — labels `[0, 1, 2]`,
/// one-hot targets the 3 × 3 identity. Each is a row of [`iris`].
///
/// ```
/// let d = gradlab_core::data::seed_samples();
/// assert_eq!(d.inputs, ndarray::array![[1.5, 0.2], [4.7, 1.6], [5.6, 2.2]]);
/// assert_eq!(d.labels, vec![0, 1, 2]);
/// assert_eq!(d.feature_names, vec!["petal_length", "petal_width"]);
/// ```
pub fn seed_samples() -> Dataset {
    Dataset::from_labels(
        array![[1.5, 0.2], [4.7, 1.6], [5.6, 2.2]],
        vec![0, 1, 2],
        names(&FEATURES[2..]),
        names(&SPECIES),
    )
}

/// Parses the Iris CSV: a header naming the four features and `species`, then one row per
/// flower. Errors name the line (`iris.csv:LINE`).
fn parse_iris(text: &str) -> Result<Dataset> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    let (_, header) = lines
        .next()
        .ok_or_else(|| GradlabError::invalid("iris.csv", "the file is empty"))?;
    let expected: Vec<&str> = FEATURES.iter().copied().chain(["species"]).collect();
    if header
        .split(',')
        .map(str::trim)
        .ne(expected.iter().copied())
    {
        return Err(GradlabError::invalid(
            "iris.csv:1",
            format!("expected the header {}, got {header}", expected.join(",")),
        ));
    }
    let mut values = Vec::with_capacity(150 * FEATURES.len());
    let mut labels = Vec::with_capacity(150);
    for (number, line) in lines {
        let at = || format!("iris.csv:{number}");
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let [a, b, c, d, species] = fields[..] else {
            return Err(GradlabError::invalid(
                at(),
                format!("expected 5 fields, got {}", fields.len()),
            ));
        };
        for field in [a, b, c, d] {
            let v = parse_f64(field)
                .ok_or_else(|| GradlabError::invalid(at(), format!("not a number: {field}")))?;
            if !v.is_finite() {
                return Err(GradlabError::invalid(at(), format!("not finite: {field}")));
            }
            values.push(v);
        }
        let label = SPECIES
            .iter()
            .position(|s| *s == species)
            .ok_or_else(|| GradlabError::invalid(at(), format!("unknown species {species}")))?;
        labels.push(label);
    }
    let inputs = Array2::from_shape_vec((labels.len(), FEATURES.len()), values)
        .map_err(|e| GradlabError::invalid("iris.csv", e.to_string()))?;
    Ok(Dataset::from_labels(
        inputs,
        labels,
        names(&FEATURES),
        names(&SPECIES),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_file_parses_to_150_rows_50_per_class() {
        let d = parse_iris(IRIS_CSV).expect("the shipped iris.csv parses");
        assert_eq!(d.inputs.dim(), (150, 4));
        assert_eq!(d.targets.dim(), (150, 3));
        assert_eq!(d.class_counts(), vec![50, 50, 50]);
        assert_eq!(iris(), d);
    }

    #[test]
    fn malformed_files_are_errors_naming_the_line() {
        let header = "sepal_length,sepal_width,petal_length,petal_width,species\n";
        let cases = [
            ("", "iris.csv"),
            ("a,b\n", "iris.csv:1"),
            ("5.1,3.5,1.4,0.2,setosa\n", "iris.csv:1"),
            (&*format!("{header}5.1,3.5,1.4,setosa\n"), "iris.csv:2"),
            (&*format!("{header}5.1,x,1.4,0.2,setosa\n"), "iris.csv:2"),
            (
                &*format!("{header}\n5.1,NaN,1.4,0.2,setosa\n"),
                "iris.csv:3",
            ),
            (&*format!("{header}5.1,3.5,1.4,0.2,rose\n"), "iris.csv:2"),
        ];
        for (text, field) in cases {
            match parse_iris(text) {
                Err(GradlabError::Invalid { field: f, .. }) => assert_eq!(f, field, "{text:?}"),
                other => panic!("{text:?}: expected an error, got {other:?}"),
            }
        }
    }

    #[test]
    fn crlf_and_a_header_only_file_parse() {
        let text =
            "sepal_length,sepal_width,petal_length,petal_width,species\r\n1,2,3,4,virginica\r\n";
        let d = parse_iris(text).expect("parses");
        assert_eq!(d.labels, vec![2]);
        let empty = parse_iris("sepal_length,sepal_width,petal_length,petal_width,species")
            .expect("parses");
        assert!(empty.is_empty());
    }
}
