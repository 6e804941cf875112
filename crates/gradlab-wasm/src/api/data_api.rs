//! A student's own data in the JS API: `parseCsv` (a CSV file's text or bytes → a data set the
//! Trainer takes) and `splitData` (the seeded, stratified train/test split). Parsing, checking
//! and splitting are the core's (`gradlab_core::data::{parse_csv, split}`).

use gradlab_core::data::{self, CsvOptions, Dataset, Standardization};
use js_sys::{ArrayBuffer, JsString, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::convert::{ApiError, ApiResult, describe, from_arg, from_optional_arg, respond};

/// A data set as `parseCsv` and `splitData` return it: the `Dataset` fields (`inputs`,
/// `targets`, `labels`, `featureNames`, `classNames`) with its size and class counts.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DataPart {
    #[serde(flatten)]
    data: Dataset,
    rows: usize,
    class_counts: Vec<usize>,
}

impl From<Dataset> for DataPart {
    fn from(data: Dataset) -> Self {
        DataPart {
            rows: data.len(),
            class_counts: data.class_counts(),
            data,
        }
    }
}

/// What `parseCsv` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ParsedCsv {
    #[serde(flatten)]
    part: DataPart,
    label_name: String,
    standardization: Option<Standardization>,
}

/// The file's bytes: a string (its UTF-8 bytes), a `Uint8Array` or an `ArrayBuffer`. The size
/// is checked before anything is copied; a string counts one byte per UTF-16 unit there (a
/// lower bound of its UTF-8 size), and its exact size once converted.
fn input_bytes(input: &JsValue) -> ApiResult<Vec<u8>> {
    if let Some(s) = input.dyn_ref::<JsString>() {
        data::check_csv_size(s.length() as usize)?;
        return Ok(String::from(s).into_bytes());
    }
    let bytes = if let Some(b) = input.dyn_ref::<Uint8Array>() {
        b.clone()
    } else if let Some(buffer) = input.dyn_ref::<ArrayBuffer>() {
        Uint8Array::new(buffer)
    } else {
        return Err(ApiError::type_error(format!(
            "input: expected a string, a Uint8Array or an ArrayBuffer, got {}",
            describe(input)
        )));
    };
    data::check_csv_size(bytes.length() as usize)?;
    Ok(bytes.to_vec())
}

/// `parseCsv(input, options?)` → `{ inputs, targets, labels, featureNames, classNames, rows,
/// classCounts, labelName, standardization }`: a CSV file with a header line, numeric feature
/// columns and one label column (text or integers), as a data set the Trainer takes as it is.
/// `input` is the file's text, or its bytes (`Uint8Array` / `ArrayBuffer`, e.g. from
/// `file.arrayBuffer()`); `options` is `{ labelColumn?: name | 0-based index (default: the last
/// column), standardize?: boolean (default false) }`. Classes are numbered in sorted order of
/// their labels (numerically when all are integers). A bad file throws an `invalid` error on
/// field `input` whose message after `input: ` names the place: `line 3: expected 3 values, got
/// 2`, `line 4, column "x2": "foo" is not a number`, `the file is empty`; a label column the
/// header does not have is on field `labelColumn`.
#[wasm_bindgen(js_name = parseCsv, unchecked_return_type = "CsvDataset")]
pub fn parse_csv(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let options: CsvOptions = from_optional_arg("options", options)?;
        let bytes = input_bytes(&input)?;
        let csv = data::parse_csv(&bytes, &options)?;
        Ok(ParsedCsv {
            part: csv.dataset.into(),
            label_name: csv.label_name,
            standardization: csv.standardization,
        })
    })
}

/// The data argument of `splitData`: `{ inputs, targets }` (one-hot), with the names if known.
/// Other fields (`labels`, `rows`, `standardization` …) are ignored, so the result of
/// `parseCsv` or `dataset` can be passed as it is.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SplitData {
    inputs: Vec<Vec<f64>>,
    targets: Vec<Vec<f64>>,
    feature_names: Option<Vec<String>>,
    class_names: Option<Vec<String>>,
}

/// The options of `splitData`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SplitOptions {
    test_fraction: f64,
    #[serde(default = "default_seed")]
    seed: u64,
    /// Standardise on the training part, map the test part the same way.
    #[serde(default)]
    standardize: bool,
}

fn default_seed() -> u64 {
    1
}

/// The parts `splitData` returns.
#[derive(Serialize)]
struct Split {
    train: DataPart,
    test: DataPart,
    standardization: Option<Standardization>,
}

/// `splitData(data, { testFraction, seed?, standardize? })` → `{ train, test, standardization }`,
/// each part `{ inputs, targets, labels, featureNames, classNames, rows, classCounts }`; with
/// `standardize`, the features are standardised on the training part and the test part is
/// mapped by the same mean and std (`standardization`; else null): the rows of `data` (`{ inputs,
/// targets }` with one-hot targets, e.g. `parseCsv`'s or `dataset`'s result) split so that each
/// class sends round(its size × testFraction) rows to the test set (at least one to each part
/// when it has 2 or more), chosen by a shuffle seeded with `seed` (default 1); rows keep their
/// order. `testFraction` is 0 to 0.9; 0 gives an empty test set (`rows: 0`, `inputs: []`,
/// `targets: []`), which a Trainer does not take.
#[wasm_bindgen(js_name = splitData, unchecked_return_type = "DataSplit")]
pub fn split_data(
    #[wasm_bindgen(
        unchecked_param_type = "TrainingData & { featureNames?: string[]; classNames?: string[] }"
    )]
    data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SplitOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let d: SplitData = from_arg("data", data)?;
        let options: SplitOptions = from_arg("options", options)?;
        let dataset = Dataset::from_rows(&d.inputs, &d.targets, d.feature_names, d.class_names)?;
        let (train, test, standardization) = if options.standardize {
            let (train, test, stats) =
                data::split_standardized(&dataset, options.test_fraction, options.seed)?;
            (train, test, Some(stats))
        } else {
            let (train, test) = data::split(&dataset, options.test_fraction, options.seed)?;
            (train, test, None)
        };
        Ok(Split {
            train: train.into(),
            test: test.into(),
            standardization,
        })
    })
}
