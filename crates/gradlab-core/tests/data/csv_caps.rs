//! `parse_csv` at its caps: the file's size (16 MiB), 100 000 rows, 1 024 features and 64
//! classes — the largest accepted and the first refused, with the exact message.

use gradlab_core::data::check_csv_size;
use gradlab_core::error::{GradlabError, caps};

use crate::csv::{input_error, parse};

#[test]
fn size_caps() {
    const MIB: usize = 1024 * 1024;
    assert_eq!(caps::MAX_CSV_BYTES, 16 * MIB);
    let message = |e: GradlabError| e.to_string();
    assert_eq!(
        message(check_csv_size(50 * MIB).unwrap_err()),
        "input: the file is 50.0 MB; at most 16 MB"
    );
    assert!(check_csv_size(16 * MIB).is_ok());
    let too_big = vec![b'1'; 16 * MIB + 1];
    assert_eq!(input_error(&too_big), "the file is 16.1 MB; at most 16 MB");

    // More than 100 000 rows: the first row too many is named.
    let mut rows = String::from("x,y\n");
    for i in 0..=caps::MAX_SAMPLES {
        rows.push_str(if i % 2 == 0 { "1,a\n" } else { "2,b\n" });
    }
    assert_eq!(
        input_error(&rows),
        "line 100002: more than 100000 rows of data (the most a data set may have)"
    );
    // Exactly 100 000 rows are read.
    let end = rows.len() - 4;
    assert_eq!(parse(&rows[..end]).dataset.len(), caps::MAX_SAMPLES);

    // 1 024 features are accepted, 1 025 are not.
    let header = |n: usize| {
        (1..=n)
            .map(|j| format!("x{j}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let ones = |n: usize| vec!["1"; n].join(",");
    let text = format!("{},y\n{},a\n{},b\n", header(1024), ones(1024), ones(1024));
    assert_eq!(parse(&text).dataset.num_features(), 1024);
    let text = format!("{},y\n{},a\n", header(1025), ones(1025));
    assert_eq!(
        input_error(text),
        "line 1: 1025 feature columns; at most 1024"
    );

    // 64 classes are accepted; the 65th label is named with its line.
    let mut text = String::from("x,y\n");
    for c in 0..64 {
        text.push_str(&format!("{c},{c}\n"));
    }
    assert_eq!(parse(&text).dataset.num_classes(), caps::MAX_CLASSES);
    text.push_str("64,64\n");
    assert_eq!(
        input_error(text),
        "line 66, column \"y\": \"64\" is label number 65; at most 64 classes — is this the label column?"
    );
}
