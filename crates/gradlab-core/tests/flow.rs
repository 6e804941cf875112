//! The gradient flow is the trace's backward pass without the rest: for every preset and for
//! trained networks with residual connections, PReLU and a default minibatch, each layer's
//! ∂L/∂W, norms and dead units must equal the trace's exactly (same engine, same order of
//! operations), and bad rows must give the same errors.

use gradlab_core::data::{DataSpec, load};
use gradlab_core::lessons::{PRESET_IDS, preset};
use gradlab_core::matrix::to_rows;
use gradlab_core::network::Network;
use gradlab_core::trace::{GradientFlow, Trace, gradient_flow, trace_network};
use gradlab_core::train::{Trainer, TrainerConfig};

fn assert_same(flow: &GradientFlow, trace: &Trace, what: &str) {
    assert_eq!(flow.loss, trace.loss, "{what}: loss");
    assert_eq!(flow.layers.len(), trace.layers.len(), "{what}: layer count");
    for (l, (f, t)) in flow.layers.iter().zip(&trace.layers).enumerate() {
        assert_eq!(f.grad_weights, t.grad_weights, "{what}: layer {l} dL/dW");
        assert_eq!(f.grad_norm, t.grad_norm, "{what}: layer {l} ‖dL/dW‖");
        assert_eq!(
            f.param_grad_norm, t.param_grad_norm,
            "{what}: layer {l} parameter norm"
        );
        assert_eq!(f.dead_units, t.dead_units, "{what}: layer {l} dead units");
        assert_eq!(f.residual, t.residual, "{what}: layer {l} residual");
    }
}

fn iris_trainer(json: &str) -> Trainer {
    let spec: DataSpec = serde_json::from_str(r#"{"id":"iris","standardize":true}"#).unwrap();
    let d = load(&spec).unwrap();
    let config: TrainerConfig = serde_json::from_str(json).unwrap();
    Trainer::new(&config, &to_rows(&d.inputs), &to_rows(&d.targets)).unwrap()
}

#[test]
fn every_preset_flows_as_it_traces() {
    for id in PRESET_IDS {
        let spec = preset(id).unwrap();
        let (network, batch) = Network::from_spec(&spec).unwrap();
        let flow = gradient_flow(&network, &batch).unwrap();
        let trace = trace_network(&network, &batch, spec.learning_rate).unwrap();
        assert_same(&flow, &trace, id);
    }
}

#[test]
fn trained_networks_flow_as_they_trace() {
    let configs = [
        // The vanishing scene's default: 10 sigmoid layers, Xavier.
        r#"{"sizes":[4,16,16,16,16,16,16,16,16,16,16,3],"activation":"sigmoid","init":"xavier_uniform","seed":1,"optimizer":{"id":"sgd","lr":0.1},"batchSize":16}"#,
        // Residual connections (where widths match) and ReLU units that die.
        r#"{"sizes":[4,8,8,8,3],"activation":"relu","init":"he_normal","seed":4,"residual":true,"optimizer":{"id":"sgd","lr":1.5},"batchSize":16}"#,
        // PReLU: the parameter norm includes dα.
        r#"{"sizes":[4,6,6,3],"activation":{"id":"prelu","alpha":0.2},"init":"he_uniform","seed":2,"optimizer":{"id":"adam","lr":0.01},"batchSize":10}"#,
    ];
    let rows: Vec<usize> = (0..150).step_by(7).collect();
    for json in configs {
        let mut t = iris_trainer(json);
        for _ in 0..3 {
            assert_same(
                &t.gradient_flow(Some(&rows)).unwrap(),
                &t.trace(Some(&rows)).unwrap(),
                json,
            );
            // The default rows (the next minibatch) are the same for both.
            assert_same(
                &t.gradient_flow(None).unwrap(),
                &t.trace(None).unwrap(),
                json,
            );
            t.step(25).unwrap();
        }
    }
}

#[test]
fn bad_rows_are_errors_not_panics() {
    let t = iris_trainer(r#"{"sizes":[4,3,3],"seed":1}"#);
    let empty = t.gradient_flow(Some(&[])).unwrap_err().to_string();
    assert!(empty.contains("rows"), "{empty}");
    let missing = t.gradient_flow(Some(&[0, 150])).unwrap_err().to_string();
    assert!(
        missing.contains("rows[1]") && missing.contains("150"),
        "{missing}"
    );
}
