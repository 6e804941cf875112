//! The step statistics recomputed by the test from the reference weights before and after a
//! step (see the module doc of `main.rs` for the definitions), and the witness that ties the
//! test's own gradients to the reference weights before they are used as expectations.

use gradlab_core::train::StepStats;

use crate::common::Checker;
use crate::fixture::case;
use crate::model::{AdamReplay, Mat, Model, Params, Pass, Rule, activate, flatten, unflatten};

fn norm<'a>(values: impl IntoIterator<Item = &'a f64>) -> f64 {
    values.into_iter().map(|v| v * v).sum::<f64>().sqrt()
}

fn values(flat: Vec<(f64, bool)>) -> Vec<f64> {
    flat.into_iter().map(|(v, _)| v).collect()
}

/// One step as the test sees it: the reference weights around it, the minibatch targets and
/// the test model's pass at the weights before the step.
struct StepView<'a> {
    at: String,
    before: &'a Params,
    after: &'a Params,
    y: &'a Mat,
    pass: Pass,
}

/// Ties the test's own gradients to the reference weights: SGD and momentum by inverting the
/// step (v_t = (θ_{t−1} − θ_t)/η, g_t = v_t − μ·v_{t−1} − λ·W_{t−1}), Adam by replaying it.
struct GradientWitness {
    rule: Rule,
    l2: f64,
    velocity: Vec<f64>,
    adam: AdamReplay,
}

impl GradientWitness {
    fn check(&mut self, c: &mut Checker, s: &StepView) {
        let theta = flatten(&s.before.weights, &s.before.bias);
        let next = values(flatten(&s.after.weights, &s.after.bias));
        let grad = values(flatten(&s.pass.dw, &s.pass.db));
        match self.rule {
            Rule::Sgd { lr, momentum } => {
                for (i, (&(t, is_weight), &t_next)) in theta.iter().zip(&next).enumerate() {
                    let v = (t - t_next) / lr;
                    let penalty = if is_weight { self.l2 * t } else { 0.0 };
                    let g = v - momentum * self.velocity[i] - penalty;
                    self.velocity[i] = v;
                    let at = format!("{}: gradient #{i} from the reference weights", s.at);
                    c.num(&at, grad[i], g);
                }
            }
            Rule::Adam { .. } => {
                let with_l2: Vec<f64> = theta
                    .iter()
                    .zip(&grad)
                    .map(|(&(t, is_weight), &g)| if is_weight { g + self.l2 * t } else { g })
                    .collect();
                let replayed = self.adam.step(self.rule, &values(theta), &with_l2);
                let replayed = unflatten(&replayed, s.before);
                let replayed = values(flatten(&replayed.weights, &replayed.bias));
                for (i, (&r, &e)) in replayed.iter().zip(&next).enumerate() {
                    c.num(&format!("{}: Adam replayed, parameter #{i}", s.at), r, e);
                }
            }
        }
    }
}

/// Fraction of the minibatch classified correctly: argmax of P against argmax of Y (ties to
/// the lowest index) for softmax; for BCE each output counts, p ≥ 0.5 against y ≥ 0.5.
fn accuracy(model: &Model, output: &Mat, y: &Mat) -> f64 {
    let argmax = |r: &Vec<f64>| (0..r.len()).fold(0, |b, i| if r[i] > r[b] { i } else { b });
    let correct: f64 = output
        .iter()
        .zip(y)
        .map(|(p, y)| {
            if model.softmax_head {
                f64::from(u8::from(argmax(p) == argmax(y)))
            } else {
                let hits = p.iter().zip(y).filter(|&(&p, &y)| (p >= 0.5) == (y >= 0.5));
                hits.count() as f64 / p.len() as f64
            }
        })
        .sum();
    correct / y.len() as f64
}

/// The Trainer's statistics of one step against the test's recomputation.
fn check_stats(c: &mut Checker, model: &Model, s: &StepView, stats: &StepStats) {
    let (at, pass) = (&s.at, &s.pass);
    let layers = s.before.weights.len();
    let mean_loss = pass.losses.iter().sum::<f64>() / pass.losses.len() as f64;
    c.num(&format!("{at} loss"), stats.loss, mean_loss);
    let acc = accuracy(model, &pass.output, s.y);
    c.check(stats.accuracy == Some(acc), || {
        format!("{at}: accuracy {:?}, expected {acc}", stats.accuracy)
    });
    for l in 0..layers {
        let grad_norm = norm(pass.dw[l].iter().flatten());
        c.num(
            &format!("{at} gradNorms[{l}]"),
            stats.grad_norms[l],
            grad_norm,
        );
        let (w0, w1) = (&s.before.weights[l], &s.after.weights[l]);
        let delta: Vec<f64> = (w0.iter().flatten().zip(w1.iter().flatten()))
            .map(|(a, b)| b - a)
            .collect();
        let (dn, wn) = (norm(&delta), norm(w0.iter().flatten()));
        let ratio = if wn > 0.0 {
            dn / wn
        } else if dn > 0.0 {
            1.0
        } else {
            0.0
        };
        c.num(
            &format!("{at} updateRatios[{l}]"),
            stats.update_ratios[l],
            ratio,
        );
        let dead = (l + 1 < layers).then(|| {
            let z = &pass.z[l];
            let units = z[0].len();
            let f_prime_zero = |j: usize| {
                z.iter()
                    .all(|r| activate(&model.activations[l], r[j]).1 == 0.0)
            };
            (0..units).filter(|&j| f_prime_zero(j)).count() as f64 / units as f64
        });
        c.check(stats.dead_fraction[l] == dead, || {
            format!(
                "{at}: deadFraction[{l}] = {:?}, expected {dead:?}",
                stats.dead_fraction[l]
            )
        });
    }
}

/// Steps the Trainer and checks every step's statistics against the test's recomputation from
/// the reference weights. Returns the dead fractions seen (to show what the case exercises).
pub fn check_statistics(name: &str) -> Vec<Vec<Option<f64>>> {
    let case = case(name);
    let model = case.model();
    let mut trainer = case.trainer();
    let mut before = case.start();
    let len = flatten(&before.weights, &before.bias).len();
    let mut witness = GradientWitness {
        rule: Rule::from_config(&case.config["optimizer"]),
        l2: case.config["l2"].as_f64().unwrap_or(0.0),
        velocity: vec![0.0; len],
        adam: AdamReplay::new(len),
    };
    let mut c = Checker::new();
    let mut dead_seen = Vec::new();
    for (k, exp) in case.expected.iter().enumerate() {
        let at = format!("{name} step {}", k + 1);
        let stats = trainer.step(1).unwrap_or_else(|e| panic!("{at}: {e}"));
        let (x, y) = case.batch(k);
        let pass = model.pass(&before, &x, &y);
        let mean_loss = pass.losses.iter().sum::<f64>() / pass.losses.len() as f64;
        let what = format!("{at}: the test model's loss against the reference");
        c.num(&what, mean_loss, exp.loss);
        let view = StepView {
            at,
            before: &before,
            after: &exp.params,
            y: &y,
            pass,
        };
        witness.check(&mut c, &view);
        check_stats(&mut c, &model, &view, &stats);
        dead_seen.push(stats.dead_fraction.clone());
        before = exp.params.clone();
    }
    c.finish(&format!(
        "{name}: step statistics against the test's recomputation"
    ));
    dead_seen
}
