//! The hand calculation a trace lists (`Trace::steps`), which the step players print: the order
//! of the steps and, in each, the operation, its operands and its result by name and 1-based
//! layer, written here from the article's formulas — and the values they carry, which are the
//! trace's own.

use gradlab_core::lessons::preset;
use gradlab_core::network::{Loss, Reduction};
use gradlab_core::trace;
use gradlab_core::trace::{Step, Value};

/// "Phase layer Op [operands] -> result", names with their 1-based layer.
fn outline(steps: &[Step]) -> Vec<String> {
    let named = |name: &str, layer: Option<usize>| {
        format!("{name}{}", layer.map_or(String::new(), |l| l.to_string()))
    };
    steps
        .iter()
        .map(|s| {
            let operands: Vec<String> = s.operands.iter().map(|o| named(o.name, o.layer)).collect();
            format!(
                "{:?} {} {:?} [{}] -> {}",
                s.phase,
                s.layer,
                s.op,
                operands.join(" "),
                named(s.result.name, s.result.layer)
            )
        })
        .collect()
}

#[test]
fn the_dying_relu_example_in_the_articles_order() {
    // 2-2-3, ReLU, softmax cross-entropy summed; the output layer has no bias.
    let t = trace(&preset("dying-relu").unwrap()).unwrap();
    assert_eq!(
        outline(&t.steps),
        [
            "Forward 0 Linear [X W1 b1] -> Z1",
            "Forward 0 Activation [Z1] -> A1",
            "Forward 1 Linear [A1 W2] -> Z2",
            "Forward 1 Head [Z2] -> P",
            "Forward 1 Loss [P Y loss_n] -> L",
            "Backward 1 OutputGrad [P Y] -> dZ2",
            "Backward 1 GradWeights [A1 dZ2] -> dW2",
            "Backward 1 GradActivation [dZ2 W2] -> dA1",
            "Backward 0 GradPreActivation [dA1 fprime1] -> dZ1",
            "Backward 0 GradWeights [X dZ1] -> dW1",
            "Backward 0 GradBias [dZ1] -> db1",
            "Backward 0 GradInputs [dZ1 W1] -> dX",
            "Update 0 UpdateWeights [W1 eta dW1] -> W_new1",
            "Update 0 UpdateBias [b1 eta db1] -> b_new1",
            "Update 1 UpdateWeights [W2 eta dW2] -> W_new2",
        ]
    );
    // The values are the trace's: Z1, A1, the loss and the new W2.
    let rows = |v: &Value| match v {
        Value::Matrix(m) => m.clone(),
        other => panic!("{other:?}"),
    };
    let l1 = &t.layers[0];
    assert_eq!(
        rows(&t.steps[0].result.value),
        gradlab_core::matrix::to_rows(&l1.pre_activation)
    );
    assert_eq!(
        rows(&t.steps[1].result.value),
        gradlab_core::matrix::to_rows(&l1.activation)
    );
    assert_eq!(t.steps[4].result.value, Value::Scalar(t.loss));
    // Layer 2's input is layer 1's output A1, in its forward and its weight-gradient step.
    let a1 = gradlab_core::matrix::to_rows(&l1.activation);
    assert_eq!(rows(&t.steps[2].operands[0].value), a1);
    assert_eq!(rows(&t.steps[6].operands[0].value), a1);
    assert_eq!(
        rows(&t.steps[14].result.value),
        gradlab_core::matrix::to_rows(&t.updated[1].weights)
    );
}

#[test]
fn mse_names_its_output_z_and_a_mean_divides_by_n() {
    let mut spec = preset("linear-regression-zero").unwrap();
    assert_eq!((spec.loss, spec.reduction), (Loss::Mse, Reduction::Sum));
    let sum = trace(&spec).unwrap();
    spec.reduction = Reduction::Mean;
    let mean = trace(&spec).unwrap();
    let n = spec.inputs.len() as f64;
    for (t, with_n) in [(&sum, ""), (&mean, " N")] {
        assert_eq!(
            outline(&t.steps),
            [
                "Forward 0 Linear [X W1 b1] -> Z1".to_string(),
                "Forward 0 Head [Z1] -> Z".to_string(),
                format!("Forward 0 Loss [Z Y loss_n{with_n}] -> L"),
                format!("Backward 0 OutputGrad [Z Y{with_n}] -> dZ1"),
                "Backward 0 GradWeights [X dZ1] -> dW1".to_string(),
                "Backward 0 GradBias [dZ1] -> db1".to_string(),
                "Backward 0 GradInputs [dZ1 W1] -> dX".to_string(),
                "Update 0 UpdateWeights [W1 eta dW1] -> W_new1".to_string(),
                "Update 0 UpdateBias [b1 eta db1] -> b_new1".to_string(),
            ]
        );
    }
    // N is the number of samples; the mean's loss is the sum's divided by it.
    assert_eq!(mean.steps[2].operands[3].value, Value::Scalar(n));
    assert!((mean.loss - sum.loss / n).abs() <= 1e-15 * sum.loss.abs());
}
