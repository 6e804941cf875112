//! The trainer's network judged at its current weights: loss and accuracy on the training data
//! or on other data (a test set), and the gradient check on some of the training rows.

use ndarray::{Array2, ArrayView2};
use serde::Serialize;

use super::Trainer;
use crate::engine::{self, Workspace};
use crate::error::{GradlabError, Result};
use crate::gradcheck::{GradCheck, grad_check_network};
use crate::network::{Batch, Loss, Network};
use crate::trace::argmax;

/// Loss and accuracy over a whole data set at the current weights.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    /// Mean loss per sample.
    pub loss: f64,
    pub accuracy: Option<f64>,
}

impl Trainer {
    /// Loss (mean per sample) and accuracy over all the training data; changes nothing.
    pub fn evaluate(&mut self) -> Evaluation {
        let ws = forward_all(
            &self.network,
            &self.data,
            &mut self.eval,
            &mut self.eval_current,
        );
        let last = self.network.layers.len() - 1;
        Evaluation {
            loss: ws.per_sample_loss.mean().unwrap_or(0.0),
            accuracy: accuracy(self.network.loss, &ws.a[last], self.data.targets.view()),
        }
    }

    /// Loss (mean per sample) and accuracy over other data (a test set) at the current weights;
    /// changes nothing. The data is validated as the training data is (errors name `inputs…`
    /// or `targets…`: an empty set, a row of the wrong width, targets that do not suit the
    /// loss); a loss that overflows float64 is an error, never NaN.
    pub fn evaluate_on(&mut self, inputs: &[Vec<f64>], targets: &[Vec<f64>]) -> Result<Evaluation> {
        let batch = self.network.batch(inputs, targets)?;
        let n = batch.inputs.nrows();
        if self.other_eval.as_ref().map(Workspace::batch) != Some(n) {
            self.other_eval = None;
        }
        let ws = self
            .other_eval
            .get_or_insert_with(|| Workspace::new(&self.network, n));
        let result = evaluation(&self.network, batch.inputs.view(), batch.targets.view(), ws);
        if !result.loss.is_finite() {
            return Err(GradlabError::NonFinite {
                what: "loss".into(),
                detail: format!(
                    "the loss on this data is {}; the weights or inputs are too large for float64",
                    result.loss
                ),
            });
        }
        Ok(result)
    }

    /// The gradient check ([`crate::gradcheck`]) at the current weights on the given training
    /// rows (default: the rows of the next minibatch, as [`Trainer::trace`]).
    pub fn grad_check(&self, rows: Option<&[usize]>) -> Result<GradCheck> {
        grad_check_network(&self.network, &self.batch_of(rows)?)
    }
}

/// The forward pass of all the training `data` at the current weights, in `eval` (made on first
/// use): run only when `current` says `eval` does not hold it yet.
pub(super) fn forward_all<'a>(
    network: &Network,
    data: &Batch,
    eval: &'a mut Option<Workspace>,
    current: &mut bool,
) -> &'a Workspace {
    let ws = eval.get_or_insert_with(|| Workspace::new(network, data.inputs.nrows()));
    if !*current {
        engine::forward(network, data.inputs.view(), data.targets.view(), ws);
        *current = true;
    }
    ws
}

/// A forward pass of `x` on `ws` (which has `x.nrows()` rows) and its mean loss and accuracy.
fn evaluation(
    network: &Network,
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
    ws: &mut Workspace,
) -> Evaluation {
    engine::forward(network, x, y, ws);
    let last = network.layers.len() - 1;
    Evaluation {
        loss: ws.per_sample_loss.mean().unwrap_or(0.0),
        accuracy: accuracy(network.loss, &ws.a[last], y),
    }
}

/// Classification accuracy of outputs against targets (None for MSE).
pub(super) fn accuracy(loss: Loss, outputs: &Array2<f64>, targets: ArrayView2<f64>) -> Option<f64> {
    let n = outputs.nrows();
    if n == 0 {
        return None;
    }
    let correct: f64 = match loss {
        Loss::Mse => return None,
        Loss::SoftmaxCrossEntropy => outputs
            .rows()
            .into_iter()
            .zip(targets.rows())
            .filter(|(p, y)| argmax(p.iter().copied()) == argmax(y.iter().copied()))
            .count() as f64,
        Loss::SigmoidBinaryCrossEntropy => {
            let k = outputs.ncols() as f64;
            outputs
                .rows()
                .into_iter()
                .zip(targets.rows())
                .map(|(p, y)| {
                    p.iter()
                        .zip(y)
                        .filter(|&(&p, &y)| (p >= 0.5) == (y >= 0.5))
                        .count() as f64
                        / k
                })
                .sum()
        }
    };
    Some(correct / n as f64)
}
