//! The questions of each topic, drawn from a seed: inputs are round numbers a student can work
//! with by hand (multiples of 0.5 or 0.1); every answer and every number of a solution comes
//! from the engine — the activations, [`chain`], [`trace`] and the judgements.

use super::{Answer, Question, TOLERANCE, Text, Topic};
use crate::activation::Activation;
use crate::error::{GradlabError, Result};
use crate::init::InitRng;
use crate::lessons::judge::{UnitAxis, Verdict, identical_units};
use crate::lessons::{chain, layer, preset, spec};
use crate::matrix::to_rows;
use crate::network::Loss;
use crate::trace::trace;

/// The questions of `topic` for `seed` (three).
pub(super) fn generate(topic: Topic, seed: u64) -> Result<Vec<Question>> {
    let mut rng = InitRng::new(seed ^ topic_stream(topic));
    let drafts = match topic {
        Topic::Activations => activations(&mut rng)?,
        Topic::Vanishing => vanishing(&mut rng)?,
        Topic::DyingRelu => dying_relu(&mut rng)?,
        Topic::ZeroInit => zero_init(&mut rng)?,
    };
    Ok(numbered(topic, seed, drafts))
}

/// [`generate`] for the activations' topic only, an error for the others: it links no network
/// code (see [`super::ACTIVATIONS_ONLY`]).
pub(super) fn generate_activations(topic: Topic, seed: u64) -> Result<Vec<Question>> {
    if topic != Topic::Activations {
        return Err(GradlabError::invalid(
            "topic",
            format!(
                "questions on \"{}\" are not in this core, which asks only on \"activations\"",
                topic.id()
            ),
        ));
    }
    let mut rng = InitRng::new(seed ^ topic_stream(topic));
    Ok(numbered(topic, seed, activations(&mut rng)?))
}

/// The drafts as questions, each with its id `<topic>-<seed>-<n>`.
fn numbered(topic: Topic, seed: u64, drafts: Vec<Draft>) -> Vec<Question> {
    let name = topic.id();
    drafts
        .into_iter()
        .enumerate()
        .map(|(n, (prompt, answer, solution))| Question {
            id: format!("{name}-{seed}-{}", n + 1),
            prompt,
            answer,
            solution,
        })
        .collect()
}

type Draft = (Text, Answer, Vec<Text>);

/// Mixed into the seed so each topic draws its own numbers from the same seed.
fn topic_stream(topic: Topic) -> u64 {
    match topic {
        Topic::Activations => 0x0a11_ce00,
        Topic::Vanishing => 0x0a11_ce01,
        Topic::DyingRelu => 0x0a11_ce02,
        Topic::ZeroInit => 0x0a11_ce03,
    }
}

fn number(value: f64) -> Answer {
    Answer::Number {
        value,
        tolerance: TOLERANCE,
    }
}

/// One of `items`, drawn from the stream.
fn pick<T: Copy>(rng: &mut InitRng, items: &[T]) -> T {
    items[rng.below(items.len())]
}

/// A multiple of `step` from `lo` to `hi` (both multiples of `step`), zero left out if asked.
fn grid(rng: &mut InitRng, lo: f64, hi: f64, step: f64, nonzero: bool) -> f64 {
    let n = ((hi - lo) / step).round() as usize + 1;
    loop {
        // Rounded to the step's decimals: 0.1 · 3 is written 0.3, not 0.30000000000000004.
        let v = ((lo + step * rng.below(n) as f64) / step).round() * step;
        let v = (v * 1e9).round() / 1e9;
        if !(nonzero && v == 0.0) {
            return v;
        }
    }
}

fn activations(rng: &mut InitRng) -> Result<Vec<Draft>> {
    let act = pick(rng, &[Activation::Sigmoid, Activation::Tanh]);
    let x = grid(rng, -3.0, 3.0, 0.5, false);
    let (value, derivative) = act.value_and_derivative(x);
    let rule = if act == Activation::Sigmoid {
        "practice.sol.sigmoidDerivative"
    } else {
        "practice.sol.tanhDerivative"
    };
    let smooth = (
        Text::new("practice.q.derivative")
            .name("activation", act.id())
            .num("x", x),
        number(derivative),
        vec![
            Text::new("practice.sol.value")
                .name("activation", act.id())
                .num("x", x)
                .num("value", value),
            Text::new(rule)
                .num("value", value)
                .num("derivative", derivative),
        ],
    );

    let x = grid(rng, -3.0, 3.0, 0.5, true);
    let relu = Activation::Relu.derivative(x);
    let side = if x > 0.0 {
        "practice.sol.reluPositive"
    } else {
        "practice.sol.reluNegative"
    };
    let kink = (
        Text::new("practice.q.derivative")
            .name("activation", Activation::Relu.id())
            .num("x", x),
        number(relu),
        vec![Text::new(side).num("x", x).num("derivative", relu)],
    );

    // The best a sigmoid layer can do, n times over: σ′(0)ⁿ.
    let n = 3 + rng.below(4);
    let top = Activation::Sigmoid.derivative(0.0);
    let product = chain(1.0, top, n, 0.0)?;
    let last = product.gradients[n - 1];
    let power = (
        Text::new("practice.q.sigmoidPower").num("n", n as f64),
        number(last),
        vec![
            Text::new("practice.sol.maxDerivative")
                .name("activation", Activation::Sigmoid.id())
                .num("derivative", top),
            Text::new("practice.sol.product")
                .num("n", n as f64)
                .nums("steps", product.gradients.clone())
                .num("value", last),
        ],
    );
    Ok(vec![smooth, kink, power])
}

fn vanishing(rng: &mut InitRng) -> Result<Vec<Draft>> {
    let local = pick(rng, &[0.25, 0.2, 0.1, 0.5, 0.8]);
    let start = pick(rng, &[1.0, 2.0, 0.5]);
    let depth = 3 + rng.below(3);
    let lr = pick(rng, &[0.1, 0.01]);
    let c = chain(start, local, depth, lr)?;
    let first = c.gradients[depth - 1];
    let setting = |key: &str| {
        Text::new(key)
            .num("start", start)
            .num("local", local)
            .num("depth", depth as f64)
            .num("lr", lr)
    };
    let steps = Text::new("practice.sol.chainSteps")
        .num("start", start)
        .num("local", local)
        .nums("steps", c.gradients.clone());
    let gradient = (
        setting("practice.q.chainGradient"),
        number(first),
        vec![steps.clone()],
    );
    let update = (
        setting("practice.q.chainUpdate"),
        number(c.updates[depth - 1]),
        vec![
            steps,
            Text::new("practice.sol.update")
                .num("lr", lr)
                .num("gradient", first)
                .num("update", c.updates[depth - 1]),
        ],
    );
    let verdicts = [Verdict::Vanishing, Verdict::Steady, Verdict::Exploding];
    let correct = verdicts
        .iter()
        .position(|v| *v == c.verdict.verdict)
        .ok_or_else(|| {
            GradlabError::invalid("verdict", "a chain of nonzero numbers is never zero")
        })?;
    let judged = (
        setting("practice.q.chainVerdict"),
        Answer::Choice {
            choices: vec![
                Text::new("practice.choice.vanishing"),
                Text::new("practice.choice.steady"),
                Text::new("practice.choice.exploding"),
            ],
            correct,
        },
        vec![{
            let verdict = Text::new("practice.sol.verdict")
                .num("first", first)
                .num("start", start)
                .num("vanishingAt", c.verdict.vanishing_at)
                .num("explodingAt", c.verdict.exploding_at);
            match c.verdict.ratio {
                Some(ratio) => verdict.num("ratio", ratio),
                None => verdict,
            }
        }],
    );
    Ok(vec![gradient, update, judged])
}

fn dying_relu(rng: &mut InitRng) -> Result<Vec<Draft>> {
    // Two inputs, two ReLU units (unit 2's weights negative: dead on this sample), three
    // classes, label 0.
    let x = [
        grid(rng, 0.5, 2.0, 0.5, false),
        grid(rng, 0.5, 2.0, 0.5, false),
    ];
    let alive = [
        grid(rng, 0.1, 0.9, 0.1, false),
        grid(rng, 0.1, 0.9, 0.1, false),
    ];
    let dead = [
        grid(rng, -0.9, -0.1, 0.1, false),
        grid(rng, -0.9, -0.1, 0.1, false),
    ];
    let out: Vec<f64> = (0..6).map(|_| grid(rng, -0.5, 0.5, 0.1, true)).collect();
    let network = spec(
        vec![
            layer(
                &[&[alive[0], dead[0]], &[alive[1], dead[1]]],
                Some(&[0.0, 0.0]),
                Activation::Relu,
            ),
            layer(&[&out[0..3], &out[3..6]], None, Activation::Identity),
        ],
        Loss::SoftmaxCrossEntropy,
        &[&x[..]],
        &[&[1.0, 0.0, 0.0]],
    );
    let t = trace(&network)?;
    let hidden = &t.layers[0];
    let h2 = hidden.pre_activation[[0, 1]];
    let a2 = hidden.activation[[0, 1]];
    let column: Vec<f64> = hidden.grad_weights.column(1).to_vec();
    let setting = |key: &str| {
        Text::new(key)
            .nums("x", x.to_vec())
            .nums("w2", dead.to_vec())
            .num("b", 0.0)
    };
    let pre = (
        setting("practice.q.preActivation"),
        number(h2),
        vec![
            Text::new("practice.sol.preActivation")
                .nums("x", x.to_vec())
                .nums("w", dead.to_vec())
                .num("b", 0.0)
                .num("h", h2),
        ],
    );
    let relu = (
        setting("practice.q.reluOutput"),
        number(a2),
        vec![
            Text::new("practice.sol.reluNegative")
                .num("x", h2)
                .num("derivative", 0.0),
        ],
    );
    let zero_column = column.iter().all(|g| *g == 0.0);
    let gradient = (
        setting("practice.q.deadColumn"),
        Answer::Choice {
            choices: vec![
                Text::new("practice.choice.zeros"),
                Text::new("practice.choice.notZeros"),
            ],
            correct: usize::from(!zero_column),
        },
        vec![
            Text::new("practice.sol.deadColumn")
                .num("h", h2)
                .num("gradient", hidden.grad_pre_activation[[0, 1]])
                .nums("column", column),
        ],
    );
    Ok(vec![pre, relu, gradient])
}

fn zero_init(rng: &mut InitRng) -> Result<Vec<Draft>> {
    // Linear regression from zero, MSE ½(ŷ − y)², one sample: the first update of each weight
    // is η·(y − 0)·xₖ.
    let x: Vec<f64> = (0..3).map(|_| grid(rng, 1.0, 3.0, 1.0, false)).collect();
    let y = grid(rng, 2.0, 6.0, 1.0, false);
    let lr = pick(rng, &[0.1, 0.05]);
    let k = rng.below(3);
    let mut regression = preset("linear-regression-zero")?;
    regression.inputs = vec![x.clone()];
    regression.targets = vec![vec![y]];
    regression.learning_rate = lr;
    let t = trace(&regression)?;
    let weights = to_rows(&t.updated[0].weights);
    let gradient = t.layers[0].grad_weights[[k, 0]];
    let setting = |key: &str| {
        Text::new(key)
            .nums("x", x.clone())
            .num("y", y)
            .num("lr", lr)
            .num("k", (k + 1) as f64)
    };
    let residual = t.probabilities[[0, 0]] - y;
    let weight = (
        setting("practice.q.firstWeight"),
        number(weights[k][0]),
        vec![
            Text::new("practice.sol.zeroPrediction")
                .num("prediction", t.probabilities[[0, 0]])
                .num("residual", residual),
            Text::new("practice.sol.weightGradient")
                .num("k", (k + 1) as f64)
                .num("residual", residual)
                .num("x", x[k])
                .num("gradient", gradient),
            Text::new("practice.sol.step")
                .num("lr", lr)
                .num("gradient", gradient)
                .num("value", weights[k][0]),
        ],
    );
    let missing = || GradlabError::invalid("bias", "the regression preset has a bias");
    let bias_gradient = t.layers[0].grad_bias.as_ref().ok_or_else(missing)?[0];
    let bias = t.updated[0].bias.as_ref().ok_or_else(missing)?[0];
    let bias = (
        setting("practice.q.firstBias"),
        number(bias),
        vec![
            Text::new("practice.sol.biasGradient")
                .num("residual", residual)
                .num("gradient", bias_gradient),
            Text::new("practice.sol.step")
                .num("lr", lr)
                .num("gradient", bias_gradient)
                .num("value", bias),
        ],
    );
    // The 2-2-3 ReLU network from zero: after a step its two hidden units are still the same.
    let mlp = trace(&preset("mlp-zero-init")?)?;
    let hidden = to_rows(&mlp.updated[0].weights);
    let same = identical_units(&hidden, UnitAxis::Columns, 1e-12)?;
    let symmetry = (
        Text::new("practice.q.symmetry"),
        Answer::Choice {
            choices: vec![
                Text::new("practice.choice.identical"),
                Text::new("practice.choice.different"),
            ],
            correct: usize::from(!same.all_identical),
        },
        vec![
            Text::new(if same.all_identical {
                "practice.sol.symmetrySame"
            } else {
                "practice.sol.symmetryDifferent"
            })
            .nums("column1", hidden.iter().map(|r| r[0]).collect())
            .nums("column2", hidden.iter().map(|r| r[1]).collect()),
        ],
    );
    Ok(vec![weight, bias, symmetry])
}
