//! The per-case checks beyond plain numbers, on the sum-reduction trace: `symmetry_check`
//! (identical hidden units from a constant init), `dying_relu_check` and `kink_hits`.

use serde_json::Value;

use crate::common::{self, Checker, json_norm};

/// Columns `j` and `k` of a JSON matrix are equal within tolerance.
fn columns_equal(m: &Value, j: usize, k: usize) -> bool {
    m.as_array().is_some_and(|rows| {
        rows.iter().all(|r| match (r[j].as_f64(), r[k].as_f64()) {
            (Some(a), Some(b)) => common::close(a, b),
            _ => false,
        })
    })
}

fn rows_equal(m: &Value, i: usize, k: usize) -> bool {
    match (m[i].as_array(), m[k].as_array()) {
        (Some(a), Some(b)) => {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| {
                    common::close(
                        x.as_f64().unwrap_or(f64::NAN),
                        y.as_f64().unwrap_or(f64::NAN),
                    )
                })
        }
        _ => false,
    }
}

/// The per-case checks beyond plain numbers: symmetry, dying ReLU, kink hits (sum reduction).
pub(crate) fn extras(c: &mut Checker, file: &str, case: &Value, t: &Value) {
    let name = case["name"].as_str().unwrap_or("?");
    if t.is_null() {
        return;
    }
    if let Some(sym) = case.get("symmetry_check") {
        // 2-2-3 nets from a constant init: hidden units stay identical.
        let flag = |k: &str| sym[k].as_bool();
        if flag("hidden_weights_identical_columns") == Some(true) {
            c.check(columns_equal(&t["layers"][0]["weights"], 0, 1), || {
                format!("{file} {name}: hidden weight columns differ")
            });
        }
        if flag("hidden_dW_columns_identical") == Some(true) {
            c.check(columns_equal(&t["layers"][0]["gradWeights"], 0, 1), || {
                format!("{file} {name}: hidden dW columns differ")
            });
            c.check(columns_equal(&t["updated"][0]["weights"], 0, 1), || {
                format!("{file} {name}: updated hidden columns differ")
            });
        }
        if flag("hidden_db_entries_identical") == Some(true) {
            let db = &t["layers"][0]["gradBias"];
            c.check(
                common::close(
                    db[0].as_f64().unwrap_or(f64::NAN),
                    db[1].as_f64().unwrap_or(f64::NAN),
                ),
                || format!("{file} {name}: hidden db entries differ: {db}"),
            );
        }
        if flag("output_dW_rows_identical") == Some(true) {
            c.check(rows_equal(&t["layers"][1]["gradWeights"], 0, 1), || {
                format!("{file} {name}: output dW rows differ")
            });
        }
        if flag("hidden_gradients_all_zero") == Some(true) {
            let zero = |v: &Value| json_norm(v) <= common::ATOL;
            c.check(
                zero(&t["layers"][0]["gradWeights"]) && zero(&t["layers"][0]["gradBias"]),
                || format!("{file} {name}: hidden gradients are not all zero"),
            );
        }
    }
    if let Some(d) = case.get("dying_relu_check") {
        let dead: Vec<bool> = d["dead_units_layer0"]
            .as_array()
            .map(|a| a.iter().map(|b| b.as_bool() == Some(true)).collect())
            .unwrap_or_default();
        let ours: Vec<u64> = t["layers"][0]["deadUnits"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_u64).collect())
            .unwrap_or_default();
        let expected: Vec<u64> = dead
            .iter()
            .enumerate()
            .filter(|(_, d)| **d)
            .map(|(j, _)| j as u64)
            .collect();
        c.check(ours == expected, || {
            format!("{file} {name}: deadUnits {ours:?}, expected {expected:?}")
        });
        for &j in &expected {
            let j = j as usize;
            if d["incoming_weights_of_dead_unit_unchanged"] == true {
                let before: Vec<&Value> = t["layers"][0]["weights"]
                    .as_array()
                    .map(|r| r.iter().map(|row| &row[j]).collect())
                    .unwrap_or_default();
                let after: Vec<&Value> = t["updated"][0]["weights"]
                    .as_array()
                    .map(|r| r.iter().map(|row| &row[j]).collect())
                    .unwrap_or_default();
                c.check(
                    !before.is_empty()
                        && before == after
                        && t["layers"][0]["bias"][j] == t["updated"][0]["bias"][j],
                    || format!("{file} {name}: incoming weights of dead unit {j} moved"),
                );
            }
            if d["outgoing_weights_of_dead_unit_unchanged"] == true {
                c.check(
                    t["layers"][1]["weights"][j] == t["updated"][1]["weights"][j],
                    || format!("{file} {name}: outgoing weights of dead unit {j} moved"),
                );
            }
        }
    }
    if let Some(hits) = case.get("kink_hits").and_then(Value::as_array) {
        // pre-activations exactly on the kink: z is exactly 0 and f′ is the left derivative
        for h in hits {
            let (l, n, j) = (
                h["layer"].as_u64().unwrap_or(0) as usize,
                h["sample"].as_u64().unwrap_or(0) as usize,
                h["unit"].as_u64().unwrap_or(0) as usize,
            );
            let z = t["layers"][l]["preActivation"][n][j].as_f64();
            let fp = t["layers"][l]["derivative"][n][j].as_f64();
            let exp_fp = case["forward"]["layers"][l]["fprime"][n][j].as_f64();
            c.check(z == Some(0.0) && fp == exp_fp, || {
                format!("{file} {name}: kink hit layer {l} sample {n} unit {j}: z = {z:?}, f′ = {fp:?}, expected z = 0, f′ = {exp_fp:?}")
            });
        }
    }
}
