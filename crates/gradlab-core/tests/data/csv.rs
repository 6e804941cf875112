//! `parse_csv`: good files in every accepted form (quotes, CRLF, CR, BOM, `;` and tabs, text
//! and integer labels, the label column by name and by index, standardise on and off), and
//! every error message, compared as whole strings (the size caps are in `csv_caps.rs`).

use gradlab_core::data::{CsvData, CsvOptions, LabelColumn, parse_csv};
use gradlab_core::error::GradlabError;
use ndarray::array;

pub(crate) fn parse(text: &str) -> CsvData {
    parse_with(text, &CsvOptions::default())
}

fn parse_with(text: &str, options: &CsvOptions) -> CsvData {
    parse_csv(text.as_bytes(), options).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// The (field, message) of the error parsing `bytes` gives.
fn error_of(bytes: &[u8], options: &CsvOptions) -> (String, String) {
    match parse_csv(bytes, options) {
        Err(GradlabError::Invalid { field, message }) => (field, message),
        other => panic!(
            "{:?}: expected an Invalid error, got {other:?}",
            String::from_utf8_lossy(bytes)
        ),
    }
}

/// The message of the error on `input` for `text`.
pub(crate) fn input_error(text: impl AsRef<[u8]>) -> String {
    let (field, message) = error_of(text.as_ref(), &CsvOptions::default());
    assert_eq!(field, "input", "{message}");
    message
}

fn label(column: LabelColumn) -> CsvOptions {
    CsvOptions {
        label_column: Some(column),
        standardize: false,
    }
}

#[test]
fn a_plain_file_gives_inputs_one_hot_targets_and_names() {
    let csv = parse("x1,x2,y\n1,2,a\n-2.5,1e-3,b\n+3,.5,a\n");
    let d = &csv.dataset;
    assert_eq!(d.inputs, array![[1.0, 2.0], [-2.5, 0.001], [3.0, 0.5]]);
    assert_eq!(d.targets, array![[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]]);
    assert_eq!(d.labels, vec![0, 1, 0]);
    assert_eq!(d.feature_names, vec!["x1", "x2"]);
    assert_eq!(d.class_names, vec!["a", "b"]);
    assert_eq!(d.class_counts(), vec![2, 1]);
    assert_eq!(csv.label_name, "y");
    assert_eq!(csv.standardization, None);
}

#[test]
fn quoted_fields_hold_delimiters_quotes_and_line_breaks() {
    let csv =
        parse("\"x 1\", \"x,2\" ,label\n\"1.5\",2,\"a \"\"b\"\"\"\n3,\" 4 \",\"two\nlines\"\n");
    let d = &csv.dataset;
    assert_eq!(d.feature_names, vec!["x 1", "x,2"]);
    assert_eq!(d.inputs, array![[1.5, 2.0], [3.0, 4.0]]);
    assert_eq!(d.class_names, vec!["a \"b\"", "two\nlines"]);
    // A quoted cell spanning lines: the next record's line number counts both lines.
    let msg = input_error("x,y\n1,\"a\nb\"\n2\n");
    assert_eq!(msg, "line 4: expected 2 values, got 1");
}

#[test]
fn line_endings_bom_and_blank_lines() {
    let expected = array![[1.0], [2.0]];
    for text in [
        "x,y\r\n1,a\r\n2,b\r\n",
        "x,y\r1,a\r2,b",
        "\u{feff}x,y\n1,a\n2,b",
        "\n  \nx,y\n\n1,a\n \t \n2,b\n\n",
        "  x , y  \n 1 , a \n2,b",
    ] {
        let csv = parse(text);
        assert_eq!(csv.dataset.inputs, expected, "{text:?}");
        assert_eq!(csv.dataset.feature_names, vec!["x"], "{text:?}");
        assert_eq!(csv.dataset.class_names, vec!["a", "b"], "{text:?}");
    }
    // Blank lines are skipped but counted.
    assert_eq!(
        input_error("x1,x2,y\n\n1,2,a\r\n\r\n3,b\n"),
        "line 5: expected 3 values, got 2"
    );
    assert_eq!(
        input_error("\n\nx1,x2,y\n1,2,a\n1,2,a,b\n"),
        "line 5: expected 3 values, got 4"
    );
}

#[test]
fn semicolons_and_tabs_when_the_header_has_no_comma() {
    let csv = parse("x1;x2;y\n1,5;2;a\n-0,25;3.5;b\n");
    assert_eq!(csv.dataset.inputs, array![[1.5, 2.0], [-0.25, 3.5]]);
    let csv = parse("x1\tx2\ty\n1\t2,5\ta\n3\t4\tb\n");
    assert_eq!(csv.dataset.inputs, array![[1.0, 2.5], [3.0, 4.0]]);
    assert_eq!(csv.dataset.feature_names, vec!["x1", "x2"]);
    // A header with a comma is comma-delimited, whatever else its names hold.
    let csv = parse("x;1,x\t2,y\n1,2,a\n3,4,b\n");
    assert_eq!(csv.dataset.feature_names, vec!["x;1", "x\t2"]);
    assert_eq!(csv.dataset.inputs, array![[1.0, 2.0], [3.0, 4.0]]);
    // With commas as the delimiter, a decimal comma splits the cell: the row is too long.
    assert_eq!(
        input_error("x1,y\n1,5,a\n"),
        "line 2: expected 2 values, got 3"
    );
    // A thousands separator is not a decimal comma.
    assert_eq!(
        input_error("x1;y\n1,000,5;a\n"),
        "line 2, column \"x1\": \"1,000,5\" is not a number"
    );
    // Nor is a comma quoted in a file whose delimiter is the comma: only a file that uses ; or
    // tabs writes decimals with a comma.
    assert_eq!(
        input_error("x1,y\n\"1,5\",a\n2,b\n"),
        "line 2, column \"x1\": \"1,5\" is not a number"
    );
}

#[test]
fn text_labels_are_numbered_in_sorted_order() {
    let csv = parse("a,species\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n");
    let d = &csv.dataset;
    assert_eq!(d.class_names, vec!["setosa", "versicolor", "virginica"]);
    assert_eq!(d.labels, vec![2, 0, 1, 0]);
    assert_eq!(d.targets.row(0).to_vec(), vec![0.0, 0.0, 1.0]);
    // Byte order of the text: upper case before lower case, "10" before "9" when not all
    // labels are integers.
    let csv = parse("a,y\n1,b\n2,B\n3,10\n4,9\n");
    assert_eq!(csv.dataset.class_names, vec!["10", "9", "B", "b"]);
    assert_eq!(csv.dataset.labels, vec![3, 2, 0, 1]);
}

#[test]
fn integer_labels_are_numbered_numerically() {
    let csv = parse("a,y\n1,10\n2,2\n3,-1\n4,2\n");
    assert_eq!(csv.dataset.class_names, vec!["-1", "2", "10"]);
    assert_eq!(csv.dataset.labels, vec![2, 1, 0, 1]);
    // The same rows in another order give the same class ids.
    let shuffled = parse("a,y\n3,-1\n4,2\n1,10\n2,2\n");
    assert_eq!(shuffled.dataset.class_names, csv.dataset.class_names);
    assert_eq!(shuffled.dataset.labels, vec![0, 1, 2, 1]);
}

#[test]
fn the_label_column_by_name_or_index() {
    let text = "kind,x1,x2\nb,1,2\na,3,4\n";
    for options in [
        label(LabelColumn::Name("kind".into())),
        label(LabelColumn::Index(0)),
    ] {
        let csv = parse_with(text, &options);
        assert_eq!(csv.label_name, "kind");
        assert_eq!(csv.dataset.feature_names, vec!["x1", "x2"]);
        assert_eq!(csv.dataset.inputs, array![[1.0, 2.0], [3.0, 4.0]]);
        assert_eq!(csv.dataset.labels, vec![1, 0]);
    }
    // A middle column: the features keep file order around it.
    let csv = parse_with("x1,kind,x2\n1,b,2\n3,a,4\n", &label(LabelColumn::Index(1)));
    assert_eq!(csv.dataset.feature_names, vec!["x1", "x2"]);
    assert_eq!(csv.dataset.inputs, array![[1.0, 2.0], [3.0, 4.0]]);
    assert_eq!(csv.dataset.labels, vec![1, 0]);
    // The label column's values need not be numbers; the features must be.
    assert_eq!(
        error_of(text.as_bytes(), &label(LabelColumn::Index(2))).1,
        "line 2, column \"kind\": \"b\" is not a number"
    );
    let options: CsvOptions =
        serde_json::from_str(r#"{"labelColumn": "kind", "standardize": true}"#).unwrap();
    assert_eq!(options.label_column, Some(LabelColumn::Name("kind".into())));
    let options: CsvOptions = serde_json::from_str(r#"{"labelColumn": 0}"#).unwrap();
    assert_eq!(options.label_column, Some(LabelColumn::Index(0)));
    for bad in [
        r#"{"labelColumn": -1}"#,
        r#"{"labelColumn": 1.5}"#,
        r#"{"label": 0}"#,
    ] {
        assert!(serde_json::from_str::<CsvOptions>(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_label_column_the_header_does_not_have() {
    let text = b"x1,x2,y\n1,2,a\n";
    assert_eq!(
        error_of(text, &label(LabelColumn::Name("species".into()))),
        (
            "labelColumn".into(),
            "there is no column \"species\"; the header has \"x1\", \"x2\", \"y\"".into()
        )
    );
    assert_eq!(
        error_of(text, &label(LabelColumn::Index(3))),
        (
            "labelColumn".into(),
            "there is no column 3: the file has 3 columns, numbered from 0 to 2".into()
        )
    );
}

#[test]
fn standardize_on_and_off() {
    let text = "x1,x2,y\n1,10,a\n3,10,b\n1,20,a\n3,20,b\n";
    let on = CsvOptions {
        label_column: None,
        standardize: true,
    };
    let csv = parse_with(text, &on);
    let stats = csv.standardization.expect("standardised");
    // x1: mean 2, population std 1; x2: mean 15, std 5.
    assert_eq!((stats.mean, stats.std), (vec![2.0, 15.0], vec![1.0, 5.0]));
    assert_eq!(
        csv.dataset.inputs,
        array![[-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0], [1.0, 1.0]]
    );
    let off = parse(text);
    assert_eq!(off.standardization, None);
    assert_eq!(
        off.dataset.inputs,
        array![[1.0, 10.0], [3.0, 10.0], [1.0, 20.0], [3.0, 20.0]]
    );
    // The mean overflows (1e308 + 1e308), or the variance does (1e400): refused, not NaN.
    for text in [
        "x,y\n1e308,a\n1e308,b\n-1e308,a\n",
        "x,y\n1e200,a\n-1e200,b\n",
    ] {
        assert_eq!(
            error_of(text.as_bytes(), &on).1,
            "column \"x\": the numbers are too large to standardise — rescale the column or leave standardise off"
        );
        assert_eq!(parse(text).dataset.len(), text.lines().count() - 1);
    }
}

#[test]
fn errors_about_rows_and_cells() {
    for (text, expected) in [
        ("x1,x2,y\n1,2,a\n3,b\n", "line 3: expected 3 values, got 2"),
        (
            "x1,x2,y\n1,2,a\n1,2,b\n5,foo,a\n",
            "line 4, column \"x2\": \"foo\" is not a number",
        ),
        (
            "x1,x2,y\n1,,a\n",
            "line 2, column \"x2\": the cell is empty",
        ),
        ("x1,x2,y\n1,2,\n", "line 2, column \"y\": the cell is empty"),
        (
            "x1,x2,y\n1,NaN,a\n",
            "line 2, column \"x2\": \"NaN\" is not a number",
        ),
        (
            "x1,x2,y\ninf,2,a\n",
            "line 2, column \"x1\": \"inf\" is not a finite number",
        ),
        (
            "x1,x2,y\n1e999,2,a\n",
            "line 2, column \"x1\": \"1e999\" is not a finite number",
        ),
        (
            "x1,x2,y\n0x10,2,a\n",
            "line 2, column \"x1\": \"0x10\" is not a number",
        ),
        (
            "x1,x2,y\n1,2,a\n\"3,4,b\n5,6,c\n",
            "line 3, column \"x1\": a quote opens here and is never closed",
        ),
        (
            "x1,x2,y\n1,\"2\"x,a\n",
            "line 2, column \"x2\": text after the closing quote (write a quote inside a quoted cell as \"\")",
        ),
        (
            "x,y\n1,a\n2,b\n0123456789012345678901234567890123456789more,a\n",
            "line 4, column \"x\": \"0123456789012345678901234567890123456789…\" is not a number",
        ),
    ] {
        assert_eq!(input_error(text), expected, "{text:?}");
    }
}

#[test]
fn errors_about_the_header() {
    for (text, expected) in [
        (
            "x,x,y\n1,2,a\n",
            "line 1: the header has 2 columns with the same name \"x\"",
        ),
        (
            "\nx,y,x,x\n",
            "line 2: the header has 3 columns with the same name \"x\"",
        ),
        (
            "x1,,y\n1,2,a\n",
            "line 1, column 2: the column has no name — the first line must name every column",
        ),
        (
            "y\na\nb\n",
            "no feature columns: the file has only the label column",
        ),
        (
            "5.1,3.5,1.4,0.2,setosa\n4.9,3.0,1.4,0.2,setosa\n",
            "line 1: the first line holds numbers (\"5.1\", \"3.5\", \"1.4\", …), not column names — add a header line such as x1,x2,label",
        ),
        (
            "\"x1,y\n1,a\n",
            "line 1, column 1: a quote opens here and is never closed",
        ),
        ("x1,x2,y\n", "the file has a header but no rows of data"),
        ("x1,x2,y\n\n\n", "the file has a header but no rows of data"),
    ] {
        assert_eq!(input_error(text), expected, "{text:?}");
    }
}

#[test]
fn errors_about_the_whole_file() {
    assert_eq!(input_error(""), "the file is empty");
    assert_eq!(input_error(" \n\r\n\t"), "the file is empty");
    assert_eq!(input_error("\u{feff}"), "the file is empty");
    assert_eq!(
        input_error("a,species\n1,setosa\n2,setosa\n"),
        "only one class (\"setosa\") in column \"species\": a classifier needs at least 2"
    );
    assert_eq!(
        input_error(b"x,y\nab\0,c\n"),
        "line 2, column 3: the file contains a NUL byte — is it a text file?"
    );
    assert_eq!(
        input_error(b"x,y\r\n1,a\r\n2,b\r\n3,c\r\n\xff\xd8\xff"),
        "line 5: not valid UTF-8 text — is it a text file?"
    );
    assert_eq!(
        input_error(b"\xff\xfex\0,\0y\0"),
        "line 1: the file is UTF-16 text — save it as UTF-8 (\"CSV UTF-8\")"
    );
    // A PNG: a NUL byte right after its 8-byte signature (which holds two line breaks).
    assert_eq!(
        input_error(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "line 3, column 1: the file contains a NUL byte — is it a text file?"
    );
}

#[test]
fn errors_read_with_the_field() {
    let e = parse_csv(b"x1,x2,y\n1,2,a\n3,b\n", &CsvOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "input: line 3: expected 3 values, got 2");
}

#[test]
fn the_delimiter_is_detected_outside_quotes() {
    let csv = parse("\"a,b\";y\n1;p\n2;q\n");
    assert_eq!(csv.dataset.feature_names, vec!["a,b"]);
    let csv = parse("\"a;b\",y\n1,p\n2,q\n");
    assert_eq!(csv.dataset.feature_names, vec!["a;b"]);
}
