//! The ordered steps of a trace — the hand calculation, generated. Each step names its
//! operation, the layer it belongs to, its operands with their values and its result, which is
//! all the page needs to print the formula with numbers substituted.

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use super::Trace;
use crate::matrix::to_rows;
use crate::network::{Batch, Loss, Network, Reduction};

/// Which part of the calculation a step belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Forward,
    Backward,
    Update,
}

/// What a step computes (the formula the page prints). Layers are 1-based in the formulas
/// below; `Step::layer` is 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Z_l = A_{l−1}·W_l (+ b_l); A_0 = X.
    Linear,
    /// A_l = f(Z_l) (named F_l when a residual add follows).
    Activation,
    /// A_l = F_l + A_{l−1}.
    Residual,
    /// P = softmax(Z_L) row-wise, σ(Z_L), or Z_L itself for MSE.
    Head,
    /// L = Σ_n ℓ_n (or the mean), with ℓ_n from the loss head.
    Loss,
    /// dZ_L = P − Y (softmax: P·Σy − Y; MSE: Z − Y), divided by N for the mean.
    OutputGrad,
    /// dW_l = A_{l−1}ᵀ·dZ_l.
    GradWeights,
    /// db_l = Σ_n dZ_l[n, ·].
    GradBias,
    /// dA_{l−1} = dZ_l·W_lᵀ (+ dA_l when layer l is residual).
    GradActivation,
    /// dX = dZ_1·W_1ᵀ (+ dA_1 when layer 1 is residual).
    GradInputs,
    /// dZ_l = dA_l ⊙ f′(Z_l).
    GradPreActivation,
    /// dα_l = Σ dA_l ⊙ ∂f/∂α(Z_l) (PReLU).
    GradAlpha,
    /// W_l ← W_l − η·dW_l.
    UpdateWeights,
    /// b_l ← b_l − η·db_l.
    UpdateBias,
    /// α_l ← α_l − η·dα_l.
    UpdateAlpha,
}

/// A number, a vector or a matrix (array of rows).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Scalar(f64),
    Vector(Vec<f64>),
    Matrix(Vec<Vec<f64>>),
}

/// A named value in a step. `name` is one of X, Y, W, b, Z, F, A, fprime, P, loss_n, L, N, eta,
/// alpha, dZ, dA, dX, dW, db, dalpha, W_new, b_new, alpha_new; `layer` is the 1-based layer
/// it belongs to (None for X, Y, L, N, eta).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operand {
    pub name: &'static str,
    pub layer: Option<usize>,
    pub value: Value,
}

/// One step of the calculation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub phase: Phase,
    /// 0-based layer index.
    pub layer: usize,
    pub op: Op,
    pub operands: Vec<Operand>,
    pub result: Operand,
}

fn m(name: &'static str, layer: Option<usize>, value: &Array2<f64>) -> Operand {
    Operand {
        name,
        layer,
        value: Value::Matrix(to_rows(value)),
    }
}

fn v(name: &'static str, layer: Option<usize>, value: Vec<f64>) -> Operand {
    Operand {
        name,
        layer,
        value: Value::Vector(value),
    }
}

fn s(name: &'static str, layer: Option<usize>, value: f64) -> Operand {
    Operand {
        name,
        layer,
        value: Value::Scalar(value),
    }
}

/// Builds the steps from a finished trace (values only; nothing is recomputed here except
/// the names).
pub(super) fn build(network: &Network, batch: &Batch, trace: &Trace) -> Vec<Step> {
    let last = network.layers.len() - 1;
    let mut steps = Vec::new();
    let step = |phase, layer, op, operands, result| Step {
        phase,
        layer,
        op,
        operands,
        result,
    };
    // The operand "A_{l-1}" of layer l: X for the first layer.
    let input_of = |l: usize| -> Operand {
        if l == 0 {
            m("X", None, &batch.inputs)
        } else {
            m("A", Some(l), &trace.layers[l - 1].activation)
        }
    };

    for (l, lt) in trace.layers.iter().enumerate() {
        let k = Some(l + 1);
        let mut operands = vec![input_of(l), m("W", k, &lt.weights)];
        if let Some(b) = &lt.bias {
            operands.push(v("b", k, b.clone()));
        }
        steps.push(step(
            Phase::Forward,
            l,
            Op::Linear,
            operands,
            m("Z", k, &lt.pre_activation),
        ));
        if l == last {
            continue;
        }
        if lt.residual {
            let f = lt.pre_activation.mapv(|z| lt.function.value(z));
            steps.push(step(
                Phase::Forward,
                l,
                Op::Activation,
                vec![m("Z", k, &lt.pre_activation)],
                m("F", k, &f),
            ));
            steps.push(step(
                Phase::Forward,
                l,
                Op::Residual,
                vec![m("F", k, &f), input_of(l)],
                m("A", k, &lt.activation),
            ));
        } else {
            steps.push(step(
                Phase::Forward,
                l,
                Op::Activation,
                vec![m("Z", k, &lt.pre_activation)],
                m("A", k, &lt.activation),
            ));
        }
    }
    let out = &trace.layers[last];
    let kl = Some(last + 1);
    let p_name = if network.loss == Loss::Mse { "Z" } else { "P" };
    steps.push(step(
        Phase::Forward,
        last,
        Op::Head,
        vec![m("Z", kl, &out.pre_activation)],
        m(p_name, None, &trace.probabilities),
    ));
    let mut loss_operands = vec![
        m(p_name, None, &trace.probabilities),
        m("Y", None, &batch.targets),
        v("loss_n", None, trace.per_sample_loss.clone()),
    ];
    let n = batch.inputs.nrows() as f64;
    if network.reduction == Reduction::Mean {
        loss_operands.push(s("N", None, n));
    }
    steps.push(step(
        Phase::Forward,
        last,
        Op::Loss,
        loss_operands,
        s("L", None, trace.loss),
    ));

    let mut grad_operands = vec![
        m(p_name, None, &trace.probabilities),
        m("Y", None, &batch.targets),
    ];
    if network.reduction == Reduction::Mean {
        grad_operands.push(s("N", None, n));
    }
    steps.push(step(
        Phase::Backward,
        last,
        Op::OutputGrad,
        grad_operands,
        m("dZ", kl, &out.grad_pre_activation),
    ));
    for l in (0..=last).rev() {
        let lt = &trace.layers[l];
        let k = Some(l + 1);
        if l != last {
            if let (Some(da), Some(fp)) = (&lt.grad_activation, &lt.derivative) {
                steps.push(step(
                    Phase::Backward,
                    l,
                    Op::GradPreActivation,
                    vec![m("dA", k, da), m("fprime", k, fp)],
                    m("dZ", k, &lt.grad_pre_activation),
                ));
                if let Some(dalpha) = lt.grad_alpha {
                    steps.push(step(
                        Phase::Backward,
                        l,
                        Op::GradAlpha,
                        vec![m("dA", k, da), m("Z", k, &lt.pre_activation)],
                        s("dalpha", k, dalpha),
                    ));
                }
            }
        }
        steps.push(step(
            Phase::Backward,
            l,
            Op::GradWeights,
            vec![input_of(l), m("dZ", k, &lt.grad_pre_activation)],
            m("dW", k, &lt.grad_weights),
        ));
        if let Some(db) = &lt.grad_bias {
            steps.push(step(
                Phase::Backward,
                l,
                Op::GradBias,
                vec![m("dZ", k, &lt.grad_pre_activation)],
                v("db", k, db.clone()),
            ));
        }
        let mut operands = vec![m("dZ", k, &lt.grad_pre_activation), m("W", k, &lt.weights)];
        if lt.residual
            && let Some(da) = &lt.grad_activation
        {
            operands.push(m("dA", k, da));
        }
        if l == 0 {
            steps.push(step(
                Phase::Backward,
                l,
                Op::GradInputs,
                operands,
                m("dX", None, &trace.grad_inputs),
            ));
        } else if let Some(da_prev) = &trace.layers[l - 1].grad_activation {
            steps.push(step(
                Phase::Backward,
                l,
                Op::GradActivation,
                operands,
                m("dA", Some(l), da_prev),
            ));
        }
    }

    let eta = s("eta", None, trace.learning_rate);
    for (l, (lt, up)) in trace.layers.iter().zip(&trace.updated).enumerate() {
        let k = Some(l + 1);
        steps.push(step(
            Phase::Update,
            l,
            Op::UpdateWeights,
            vec![
                m("W", k, &lt.weights),
                eta.clone(),
                m("dW", k, &lt.grad_weights),
            ],
            m("W_new", k, &up.weights),
        ));
        if let (Some(b), Some(db), Some(b_new)) = (&lt.bias, &lt.grad_bias, &up.bias) {
            steps.push(step(
                Phase::Update,
                l,
                Op::UpdateBias,
                vec![v("b", k, b.clone()), eta.clone(), v("db", k, db.clone())],
                v("b_new", k, b_new.clone()),
            ));
        }
        if let (Some(dalpha), Some(alpha_new)) = (lt.grad_alpha, up.alpha) {
            let alpha = lt.function.params().first().map_or(0.0, |p| p.1);
            steps.push(step(
                Phase::Update,
                l,
                Op::UpdateAlpha,
                vec![s("alpha", k, alpha), eta.clone(), s("dalpha", k, dalpha)],
                s("alpha_new", k, alpha_new),
            ));
        }
    }
    steps
}
