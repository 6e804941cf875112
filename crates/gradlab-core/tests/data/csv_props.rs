//! `parse_csv` under proptest: it never panics on arbitrary bytes nor on "almost CSV" text
//! built from the characters that matter to the parser; every error is on `input` (or on
//! `labelColumn`) and names the place — a line that exists (≤ the number of lines + 1) — unless
//! it is about the whole file; and a file written from random rows reads back exactly.

use gradlab_core::data::{CsvOptions, LabelColumn, parse_csv};
use gradlab_core::error::GradlabError;
use proptest::prelude::*;

/// Messages about the whole file rather than a place in it.
const FILE_LEVEL: [&str; 5] = [
    "the file is ",
    "only one class (",
    "no feature columns: ",
    "the file has a header but no rows of data",
    "column \"",
];

/// Physical lines, counted as the parser counts them (`\n`, `\r\n`, a lone `\r`).
fn lines(bytes: &[u8]) -> usize {
    let breaks = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    breaks + 1
}

/// Checks the error (if any) of parsing `bytes` with `options`.
fn check(bytes: &[u8], options: &CsvOptions) -> Result<(), TestCaseError> {
    let Err(e) = parse_csv(bytes, options) else {
        return Ok(());
    };
    let GradlabError::Invalid { field, message } = e else {
        return Err(TestCaseError::fail(format!("not an Invalid error: {e:?}")));
    };
    if field == "labelColumn" {
        prop_assert!(options.label_column.is_some(), "{message}");
        return Ok(());
    }
    prop_assert_eq!(&field, "input");
    if let Some(rest) = message.strip_prefix("line ") {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let line: usize = digits
            .parse()
            .map_err(|_| TestCaseError::fail(message.clone()))?;
        prop_assert!(
            (1..=lines(bytes) + 1).contains(&line),
            "line {} of {}: {}",
            line,
            lines(bytes),
            message
        );
        let after = &rest[digits.len()..];
        prop_assert!(
            after.starts_with(": ") || after.starts_with(", column "),
            "{}",
            message
        );
    } else {
        prop_assert!(
            FILE_LEVEL.iter().any(|p| message.starts_with(p)),
            "neither a line nor the file: {}",
            message
        );
    }
    Ok(())
}

fn options() -> impl Strategy<Value = CsvOptions> {
    let column = prop_oneof![
        Just(None),
        (0usize..4).prop_map(|i| Some(LabelColumn::Index(i))),
        prop::sample::select(vec!["a", "x", "1"]).prop_map(|n| Some(LabelColumn::Name(n.into()))),
    ];
    (column, any::<bool>()).prop_map(|(label_column, standardize)| CsvOptions {
        label_column,
        standardize,
    })
}

/// Digits, signs, delimiters, quotes, line breaks, spaces and letters (NUL bytes and invalid
/// UTF-8 are left to the arbitrary bytes, where they stop the parse before it reads records).
const ALPHABET: [char; 22] = [
    '0', '1', '2', '9', '3', '.', '-', 'e', ',', ',', ';', '\t', '"', '\n', '\n', '\r', ' ', 'a',
    'b', 'x', 'N', 'i',
];

/// Text from the parser's alphabet, often starting with a plausible header.
fn almost_csv() -> impl Strategy<Value = String> {
    let body = prop::collection::vec(prop::sample::select(ALPHABET.to_vec()), 0..160);
    let header = prop::sample::select(vec!["", "x,a\n", "x1,x2,a\n", "x;a\r\n", "\u{feff}x,x\n"]);
    (header, body).prop_map(|(h, body)| format!("{h}{}", body.into_iter().collect::<String>()))
}

/// One cell as a writer might put it: quoted (with `""` escapes) when it must be or by chance.
fn cell(text: &str, delimiter: char, quote: bool) -> String {
    if quote || text.contains(delimiter) || text.contains('"') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20_260_514),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), options in options()) {
        check(&bytes, &options)?;
    }

    #[test]
    fn almost_csv_text_never_panics_and_names_the_line(text in almost_csv(), options in options()) {
        check(text.as_bytes(), &options)?;
    }

    #[test]
    fn written_rows_read_back_exactly(
        rows in prop::collection::vec(
            (prop::collection::vec(any::<f64>().prop_filter("finite", |v| v.is_finite()), 3), 0usize..4),
            2..30,
        ),
        delimiter in prop::sample::select(vec![',', ';', '\t']),
        quotes in prop::collection::vec(any::<bool>(), 4 * 30),
        crlf in any::<bool>(),
    ) {
        const LABELS: [&str; 4] = ["a", "b b", "c,d", "e\"f"];
        let mut rows = rows;
        // At least two classes.
        rows[1].1 = (rows[0].1 + 1) % LABELS.len();
        let end = if crlf { "\r\n" } else { "\n" };
        let d = delimiter.to_string();
        let mut text = ["x1", "x,2", "x3", "y"].map(|n| cell(n, delimiter, n.contains(','))).join(&d) + end;
        for (i, (values, label)) in rows.iter().enumerate() {
            let mut cells: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(j, v)| cell(&v.to_string(), delimiter, quotes[4 * i + j]))
                .collect();
            cells.push(cell(LABELS[*label], delimiter, quotes[4 * i + 3]));
            text.push_str(&cells.join(&d));
            text.push_str(end);
        }
        let csv = parse_csv(text.as_bytes(), &CsvOptions::default())
            .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        let d = csv.dataset;
        prop_assert_eq!(&d.feature_names, &["x1", "x,2", "x3"]);
        for (i, (values, label)) in rows.iter().enumerate() {
            prop_assert_eq!(d.inputs.row(i).to_vec(), values.clone());
            prop_assert_eq!(&d.class_names[d.labels[i]], LABELS[*label]);
        }
        let mut sorted = d.class_names.clone();
        sorted.sort();
        prop_assert_eq!(sorted, d.class_names);
    }
}
