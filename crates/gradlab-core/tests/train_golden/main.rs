//! The [`Trainer`] against the reference training runs in
//! `tests/golden/reference/train_trajectories.json` (plain float64 from PyTorch's documented
//! update rules, see that folder's README): for each case — SGD with tanh and mean reduction,
//! momentum + L2 with ReLU and sum reduction, Adam with sigmoid and BCE — the Trainer is built
//! from the case's config (explicit starting layers, `shuffle: false`) and stepped one
//! minibatch at a time, and after every step every weight and bias and the step's loss are
//! compared at `|got − exp| <= 1e-12 + 1e-9·|exp|`.
//!
//! The statistics each step returns are then checked against values this test recomputes
//! itself, from the reference weights before and after the step, with its own small MLP
//! (`model.rs`) rather than the core's code:
//! - `updateRatios[l]` = ‖W_after − W_before‖_F / ‖W_before‖_F (1 if W_before = 0 and W moved,
//!   0 if nothing moved — the definition in `StepStats`);
//! - `gradNorms[l]` = ‖∂L/∂W_l‖_F of the loss alone (no L2 term), from the test's backward pass
//!   at the weights before the step. That gradient is first tied to the reference weights:
//!   for SGD and momentum the gradient is recovered from the weights alone, v_t = (θ_{t−1} − θ_t)/η
//!   and g_t = v_t − μ·v_{t−1} − λ·W_{t−1} (μ = 0 for SGD; v_0 = 0; no λ on biases), and must
//!   equal the backward pass entry by entry. Adam's step cannot be inverted (at t = 1 it is
//!   −η·g/(|g| + ε) ≈ −η·sign(g), so |g| is lost), so there the test replays Adam with its own
//!   gradients and moments and must land on the reference weights;
//! - `deadFraction[l]` = the share of hidden units with f′(z) = 0 on every sample of the
//!   minibatch (for ReLU: z ≤ 0 everywhere), from the test's forward pass; None for the output.
//!   The ReLU case has steps with 2 and 3 dead units out of 6, the others have none;
//! - `loss` (mean ℓ per sample of the minibatch, whatever the reduction) and `accuracy`.
//!
//! Files: `fixture.rs` (a case and what is built from it), `model.rs` (the test's own MLP and
//! optimizer rules), `stats.rs` (the recomputed statistics and the gradient witness); the
//! trajectory check and the tests are here.

#[path = "../common/mod.rs"]
mod common;
mod fixture;
mod model;
mod stats;

use common::Checker;
use fixture::{case, cases};
use stats::check_statistics;

/// Steps the Trainer through the whole case; after every step, every weight and bias and the
/// loss against the reference.
fn check_trajectory(name: &str) {
    let case = case(name);
    let mut trainer = case.trainer();
    let mut c = Checker::new();
    for (k, exp) in case.expected.iter().enumerate() {
        let at = format!("{name} step {}", k + 1);
        let stats = trainer.step(1).unwrap_or_else(|e| panic!("{at}: {e}"));
        c.check(stats.step == k as u64 + 1, || {
            format!("{at}: step = {}", stats.step)
        });
        c.num(&format!("{at} loss"), stats.loss, exp.loss);
        let layers = &trainer.network().layers;
        c.check(layers.len() == exp.params.weights.len(), || {
            format!("{at}: layer count")
        });
        for (l, (layer, (w, b))) in layers
            .iter()
            .zip(exp.params.weights.iter().zip(&exp.params.bias))
            .enumerate()
        {
            c.check(layer.weights.dim() == (w.len(), w[0].len()), || {
                format!("{at}: W{l} shape")
            });
            for (i, row) in w.iter().enumerate() {
                for (j, &e) in row.iter().enumerate() {
                    c.num(&format!("{at} W{l}[{i}][{j}]"), layer.weights[[i, j]], e);
                }
            }
            let got = layer
                .bias
                .as_ref()
                .expect("every reference layer has a bias");
            c.check(got.len() == b.len(), || format!("{at}: b{l} length"));
            for (j, &e) in b.iter().enumerate() {
                c.num(&format!("{at} b{l}[{j}]"), got[j], e);
            }
        }
    }
    c.finish(&format!(
        "{name}: the Trainer's weights against the reference trajectory"
    ));
}

#[test]
fn the_file_holds_the_three_cases_tested_here() {
    let names: Vec<String> = cases().into_iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        ["tanh_sgd_mean", "relu_momentum_l2_sum", "sigmoid_adam_bce"]
    );
}

#[test]
fn sgd_tanh_mean_follows_the_reference_every_step() {
    check_trajectory("tanh_sgd_mean");
}

#[test]
fn momentum_l2_relu_sum_follows_the_reference_every_step() {
    check_trajectory("relu_momentum_l2_sum");
}

#[test]
fn adam_sigmoid_bce_follows_the_reference_every_step() {
    check_trajectory("sigmoid_adam_bce");
}

#[test]
fn sgd_tanh_mean_statistics_match_the_recomputation() {
    let dead = check_statistics("tanh_sgd_mean");
    assert!(
        dead.iter().all(|d| d == &[Some(0.0), None]),
        "tanh never has f′ = 0 here"
    );
}

#[test]
fn momentum_l2_relu_sum_statistics_match_the_recomputation() {
    let dead = check_statistics("relu_momentum_l2_sum");
    // The case does exercise dead units: some steps have 2/6 or 3/6 of a layer dead.
    assert!(dead.iter().any(|d| d[0] == Some(2.0 / 6.0)), "{dead:?}");
    assert!(dead.iter().any(|d| d[1] == Some(3.0 / 6.0)), "{dead:?}");
    assert!(dead.iter().any(|d| d[0] == Some(0.0)), "{dead:?}");
}

#[test]
fn adam_sigmoid_bce_statistics_match_the_recomputation() {
    let dead = check_statistics("sigmoid_adam_bce");
    assert!(
        dead.iter().all(|d| d == &[Some(0.0), Some(0.0), None]),
        "sigmoid never has f′ = 0 here"
    );
}
