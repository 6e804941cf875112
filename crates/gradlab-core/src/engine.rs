//! The one implementation of the forward and backward pass. Everything that computes a
//! gradient — [`crate::trace`] (which then snapshots it), [`crate::train`] (the hot path) and
//! [`crate::gradcheck`] — runs these functions on a preallocated [`Workspace`], so there is a
//! single place where the math lives and training allocates nothing per step.

use ndarray::{
    Array1, Array2, ArrayBase, ArrayView1, ArrayView2, ArrayViewMut1, DataMut, Ix2, Zip, s,
};

use crate::activation::Activation;
use crate::error::{GradlabError, Result};
use crate::kernel;
use crate::network::{Batch, Layer, Loss, Network, Reduction};

/// Buffers for one forward+backward pass at a fixed batch size.
#[derive(Debug, Clone)]
pub(crate) struct Workspace {
    /// Pre-activations Z_l (batch × fan_out).
    pub z: Vec<Array2<f64>>,
    /// Activations A_l; for the last layer, the head output (P for softmax/sigmoid, Z for MSE).
    pub a: Vec<Array2<f64>>,
    /// f′(Z_l) for hidden layers (unused, empty, for the last layer).
    pub fprime: Vec<Array2<f64>>,
    /// dL/dA_l for hidden layers (unused, empty, for the last layer).
    pub da: Vec<Array2<f64>>,
    /// dL/dZ_l.
    pub dz: Vec<Array2<f64>>,
    /// dL/dW_l.
    pub dw: Vec<Array2<f64>>,
    /// dL/db_l (computed for every layer; only meaningful where the layer has a bias).
    pub db: Vec<Array1<f64>>,
    /// dL/dα_l for PReLU layers (0 elsewhere).
    pub dalpha: Vec<f64>,
    /// dL/dX.
    pub dx: Array2<f64>,
    /// ℓ_n, the loss of each sample.
    pub per_sample_loss: Array1<f64>,
    /// The reduced loss (sum or mean of `per_sample_loss`).
    pub loss: f64,
    /// Room for a small layer's Wᵀ ([`kernel::input_gradient`]).
    wt: Vec<f64>,
}

impl Workspace {
    pub fn new(network: &Network, batch: usize) -> Self {
        let last = network.layers.len().saturating_sub(1);
        let mut ws = Self {
            z: Vec::new(),
            a: Vec::new(),
            fprime: Vec::new(),
            da: Vec::new(),
            dz: Vec::new(),
            dw: Vec::new(),
            db: Vec::new(),
            dalpha: vec![0.0; network.layers.len()],
            dx: Array2::zeros((batch, network.fan_in())),
            per_sample_loss: Array1::zeros(batch),
            loss: 0.0,
            wt: Vec::new(),
        };
        for (l, layer) in network.layers.iter().enumerate() {
            let out = layer.fan_out();
            let hidden_rows = if l == last { 0 } else { batch };
            ws.z.push(Array2::zeros((batch, out)));
            ws.a.push(Array2::zeros((batch, out)));
            ws.fprime.push(Array2::zeros((hidden_rows, out)));
            ws.da.push(Array2::zeros((hidden_rows, out)));
            ws.dz.push(Array2::zeros((batch, out)));
            ws.dw.push(Array2::zeros((layer.fan_in(), out)));
            ws.db.push(Array1::zeros(out));
        }
        ws
    }

    /// The batch size this workspace was built for.
    pub fn batch(&self) -> usize {
        self.per_sample_loss.len()
    }
}

/// One checked forward+backward pass on a fresh workspace (`with_inputs`: also dL/dX); an error
/// if the shapes disagree or the loss overflowed float64.
pub(crate) fn checked_pass(
    network: &Network,
    batch: &Batch,
    with_inputs: bool,
) -> Result<Workspace> {
    network.check(batch)?;
    let mut ws = Workspace::new(network, batch.inputs.nrows());
    forward(network, batch.inputs.view(), batch.targets.view(), &mut ws);
    backward(network, batch.inputs.view(), &mut ws, with_inputs);
    if !ws.loss.is_finite() {
        return Err(GradlabError::NonFinite {
            what: "loss".into(),
            detail: format!(
                "the loss is {}; the weights or inputs are too large for float64",
                ws.loss
            ),
        });
    }
    if let Some(what) = first_non_finite(network, &ws, with_inputs) {
        return Err(GradlabError::NonFinite {
            what,
            detail: "it overflows float64; the weights or inputs are too large".into(),
        });
    }
    Ok(ws)
}

/// The first intermediate of a pass (by its name in a trace) holding ±∞ or NaN, if any: a loss
/// can stay finite while a saturated layer's Z overflowed or a gradient became NaN.
fn first_non_finite(network: &Network, ws: &Workspace, with_inputs: bool) -> Option<String> {
    let bad = |m: &Array2<f64>| m.iter().any(|v| !v.is_finite());
    let last = network.layers.len() - 1;
    for l in 0..network.layers.len() {
        let hidden = l != last;
        let fields: [(&str, bool); 7] = [
            ("preActivation", bad(&ws.z[l])),
            ("activation", bad(&ws.a[l])),
            ("derivative", hidden && bad(&ws.fprime[l])),
            ("gradActivation", hidden && bad(&ws.da[l])),
            ("gradPreActivation", bad(&ws.dz[l])),
            ("gradWeights", bad(&ws.dw[l])),
            ("gradBias", ws.db[l].iter().any(|v| !v.is_finite())),
        ];
        if let Some((name, _)) = fields.iter().find(|(_, b)| *b) {
            return Some(format!("layers[{l}].{name}"));
        }
        if !ws.dalpha[l].is_finite() {
            return Some(format!("layers[{l}].gradAlpha"));
        }
    }
    (with_inputs && bad(&ws.dx)).then(|| "gradInputs".to_string())
}

/// Forward pass and loss: fills z, a, fprime, per_sample_loss, loss, and the output dL/dZ.
/// `x` and `y` must have `ws.batch()` rows (the callers validate shapes).
pub(crate) fn forward(
    network: &Network,
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
    ws: &mut Workspace,
) {
    let last = network.layers.len() - 1;
    for (l, layer) in network.layers.iter().enumerate() {
        let (before, rest) = ws.a.split_at_mut(l);
        let a_prev = if l == 0 { x } else { before[l - 1].view() };
        let z = &mut ws.z[l];
        linear(layer, a_prev, z);
        if l == last {
            continue;
        }
        let act = layer.activation;
        match (
            rest[0].as_slice_mut(),
            ws.fprime[l].as_slice_mut(),
            z.as_slice(),
        ) {
            (Some(a), Some(fp), Some(z)) => act.values_and_derivatives(z, a, fp),
            _ => Zip::from(&mut rest[0])
                .and(&mut ws.fprime[l])
                .and(&*z)
                .for_each(|a, fp, &zv| (*a, *fp) = act.value_and_derivative(zv)),
        }
        if layer.residual {
            rest[0] += &a_prev;
        }
    }
    head(network, y, ws);
}

/// The loss head: output, per-sample loss, reduced loss and dL/dZ of the last layer.
fn head(network: &Network, y: ArrayView2<f64>, ws: &mut Workspace) {
    let last = network.layers.len() - 1;
    let n = ws.batch();
    let scale = match network.reduction {
        Reduction::Sum => 1.0,
        Reduction::Mean => 1.0 / n as f64,
    };
    let z = &ws.z[last];
    let out = &mut ws.a[last];
    let dz = &mut ws.dz[last];
    for (i, loss_i) in ws.per_sample_loss.iter_mut().enumerate() {
        let (zr, yr) = (z.row(i), y.row(i));
        let mut p = out.row_mut(i);
        let (m, ln_s) = head_row(network.loss, zr, p.view_mut());
        *loss_i = match network.loss {
            // ℓ = Σ_k y_k (logsumexp(z) − z_k), with logsumexp(z) − z_k = ln s − (z_k − m):
            // subtracting the shifted logit keeps full precision for huge logits.
            Loss::SoftmaxCrossEntropy => zr
                .iter()
                .zip(yr)
                .map(|(&zk, &yk)| yk * (ln_s - (zk - m)))
                .sum(),
            // softplus(z) − y·z, arranged so that neither term cancels catastrophically.
            Loss::SigmoidBinaryCrossEntropy => zr
                .iter()
                .zip(yr)
                .map(|(&zk, &yk)| zk.max(0.0) - yk * zk + (-zk.abs()).exp().ln_1p())
                .sum(),
            Loss::Mse => zr
                .iter()
                .zip(yr)
                .map(|(&zk, &yk)| 0.5 * (zk - yk) * (zk - yk))
                .sum(),
        };
        let mut d = dz.row_mut(i);
        let y_total: f64 = match network.loss {
            Loss::SoftmaxCrossEntropy => yr.sum(),
            _ => 1.0,
        };
        // Softmax: dℓ/dz = p·Σy − y (= p − y for one-hot); sigmoid: p − y; MSE: z − y.
        for (dk, (&pk, &yk)) in d.iter_mut().zip(p.iter().zip(yr)) {
            *dk = scale * (pk * y_total - yk);
        }
    }
    ws.loss = scale * ws.per_sample_loss.sum();
}

/// Z = A_prev · W + b of one layer.
fn linear<S: DataMut<Elem = f64>>(
    layer: &Layer,
    a_prev: ArrayView2<f64>,
    z: &mut ArrayBase<S, Ix2>,
) {
    kernel::affine(a_prev, &layer.weights, layer.bias.as_ref(), z);
}

/// The head's output for one row of the last layer's Z: softmax probabilities, sigmoids, or Z
/// itself (MSE). Returns, for softmax, (max z, ln Σ exp(z − max z)), which the loss reuses.
fn head_row(loss: Loss, zr: ArrayView1<f64>, mut p: ArrayViewMut1<f64>) -> (f64, f64) {
    match loss {
        Loss::SoftmaxCrossEntropy => {
            let m = zr.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let mut s = 0.0;
            for (pk, &zk) in p.iter_mut().zip(zr) {
                *pk = (zk - m).exp();
                s += *pk;
            }
            p /= s;
            (m, s.ln())
        }
        Loss::SigmoidBinaryCrossEntropy => {
            p.zip_mut_with(&zr, |pk, &zk| *pk = Activation::Sigmoid.value(zk));
            (0.0, 0.0)
        }
        Loss::Mse => {
            p.assign(&zr);
            (0.0, 0.0)
        }
    }
}

/// Buffers of forward passes without targets or gradients (the trainer's decision grid): the
/// inputs, Z and A of every layer for up to `rows` rows; a pass on fewer rows uses their first
/// rows (a row-major prefix, still contiguous).
#[derive(Debug, Clone)]
pub(crate) struct Predictor {
    pub inputs: Array2<f64>,
    z: Vec<Array2<f64>>,
    a: Vec<Array2<f64>>,
}

impl Predictor {
    pub fn new(network: &Network, rows: usize) -> Self {
        let widths = network.layers.iter().map(Layer::fan_out);
        Self {
            inputs: Array2::zeros((rows, network.fan_in())),
            z: widths.clone().map(|w| Array2::zeros((rows, w))).collect(),
            a: widths.map(|w| Array2::zeros((rows, w))).collect(),
        }
    }

    /// Rows one pass can take.
    pub fn rows(&self) -> usize {
        self.inputs.nrows()
    }

    /// The head's output for the first `rows` rows of `inputs`, one batched product per layer,
    /// computed as [`forward`] computes it; a view of `rows × outputs`.
    pub fn predict(&mut self, network: &Network, rows: usize) -> ArrayView2<'_, f64> {
        let rows = rows.min(self.rows());
        let last = network.layers.len() - 1;
        for (l, layer) in network.layers.iter().enumerate() {
            let (before, rest) = self.a.split_at_mut(l);
            let a_prev = if l == 0 {
                self.inputs.slice(s![..rows, ..])
            } else {
                before[l - 1].slice(s![..rows, ..])
            };
            let mut z = self.z[l].slice_mut(s![..rows, ..]);
            linear(layer, a_prev, &mut z);
            let mut a = rest[0].slice_mut(s![..rows, ..]);
            if l == last {
                for (zr, p) in z.rows().into_iter().zip(a.rows_mut()) {
                    head_row(network.loss, zr, p);
                }
                continue;
            }
            let act = layer.activation;
            match (a.as_slice_mut(), z.as_slice()) {
                (Some(a), Some(z)) => act.values(z, a),
                _ => a.zip_mut_with(&z, |a, &zv| *a = act.value(zv)),
            }
            if layer.residual {
                a += &a_prev;
            }
        }
        self.a[last].slice(s![..rows, ..])
    }
}

/// Backward pass: from the output dL/dZ (set by [`forward`]) to every dL/dW, dL/db, dL/dα,
/// dL/dA of hidden layers and, if `with_inputs`, dL/dX.
pub(crate) fn backward(
    network: &Network,
    x: ArrayView2<f64>,
    ws: &mut Workspace,
    with_inputs: bool,
) {
    let last = network.layers.len() - 1;
    for l in (0..=last).rev() {
        let layer = &network.layers[l];
        if l != last {
            Zip::from(&mut ws.dz[l])
                .and(&ws.da[l])
                .and(&ws.fprime[l])
                .for_each(|dz, &da, &fp| *dz = da * fp);
            ws.dalpha[l] = match layer.activation {
                Activation::Prelu { .. } => {
                    let act = layer.activation;
                    Zip::from(&ws.da[l])
                        .and(&ws.z[l])
                        .fold(0.0, |acc, &da, &z| acc + da * act.alpha_derivative(z))
                }
                _ => 0.0,
            };
        }
        let a_prev = if l == 0 { x } else { ws.a[l - 1].view() };
        kernel::weight_gradient(a_prev, &ws.dz[l], &mut ws.dw[l]);
        if layer.bias.is_some() {
            kernel::bias_gradient(&ws.dz[l], &mut ws.db[l]);
        }
        if l == 0 {
            if with_inputs {
                kernel::input_gradient(&ws.dz[0], &layer.weights, &mut ws.dx, &mut ws.wt);
                if layer.residual {
                    // a_0 = f(z_0) + x: the skip passes dL/dA_0 straight to the inputs.
                    ws.dx += &ws.da[0];
                }
            }
            continue;
        }
        let (below, above) = ws.da.split_at_mut(l);
        let da_prev = &mut below[l - 1];
        kernel::input_gradient(&ws.dz[l], &layer.weights, da_prev, &mut ws.wt);
        if layer.residual {
            // a_l = f(z_l) + a_{l−1}: the skip passes dL/dA_l straight through.
            *da_prev += &above[0];
        }
    }
}

/// Units of a hidden layer whose f′(z) is 0 for every sample: they pass no gradient to their
/// weights on this batch (for ReLU: z ≤ 0 everywhere, a dead unit).
pub(crate) fn dead_units(fprime: &Array2<f64>) -> impl Iterator<Item = usize> + '_ {
    let width = fprime.ncols();
    let flat = fprime.as_slice();
    (0..width).filter(move |&j| match flat {
        Some(entries) => entries.iter().skip(j).step_by(width).all(|&v| v == 0.0),
        None => fprime.column(j).iter().all(|&v| v == 0.0),
    })
}
