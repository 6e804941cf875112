//! The evaluator of `seed.json`'s `compute` expressions (see `tests/golden/README.md`): preset
//! specs and traces (one cached trace per preset), activations, `chain`, constants and
//! arithmetic over them.

use std::collections::HashMap;

use gradlab_core::activation::Activation;
use gradlab_core::{Reduction, lessons, trace};
use serde_json::Value;

use crate::common::{self, walk};

/// Evaluates `compute` expressions through the core, caching one trace per preset.
#[derive(Default)]
pub(crate) struct Core {
    traces: HashMap<String, Value>,
    specs: HashMap<String, Value>,
}

impl Core {
    fn spec(&mut self, preset: &str) -> &Value {
        self.specs.entry(preset.to_string()).or_insert_with(|| {
            let spec = lessons::preset(preset).unwrap_or_else(|e| panic!("preset {preset:?}: {e}"));
            serde_json::to_value(&spec).expect("a NetworkSpec serializes")
        })
    }

    fn trace(&mut self, preset: &str) -> &Value {
        self.traces.entry(preset.to_string()).or_insert_with(|| {
            let spec = lessons::preset(preset).unwrap_or_else(|e| panic!("preset {preset:?}: {e}"));
            assert_eq!(
                spec.reduction,
                Reduction::Sum,
                "preset {preset}: the article sums over samples"
            );
            let t = trace(&spec).unwrap_or_else(|e| panic!("trace(preset {preset:?}): {e}"));
            serde_json::to_value(&t).expect("a Trace serializes")
        })
    }

    /// The core's value of a `compute` expression (see tests/golden/README.md).
    pub(crate) fn eval(&mut self, c: &Value) -> Result<f64, String> {
        let num = |v: Option<&Value>, what: &str| -> Result<f64, String> {
            v.and_then(Value::as_f64).ok_or_else(|| {
                format!(
                    "{what}: not a number ({})",
                    v.map_or("missing".into(), common::short)
                )
            })
        };
        if let Some(v) = c.get("const") {
            return num(Some(v), "const");
        }
        if let Some(p) = c.get("trace").and_then(Value::as_str) {
            let path = c["path"].as_str().ok_or("trace without path")?;
            return num(walk(self.trace(p), path), &format!("trace({p}).{path}"));
        }
        if let Some(p) = c.get("spec").and_then(Value::as_str) {
            let path = c["path"].as_str().ok_or("spec without path")?;
            return num(walk(self.spec(p), path), &format!("preset({p}).{path}"));
        }
        if let Some(id) = c.get("activation").and_then(Value::as_str) {
            let a = Activation::from_id(id).ok_or_else(|| format!("unknown activation {id}"))?;
            let x = num(c.get("x"), "activation x")?;
            return match c["of"].as_str() {
                Some("value") => Ok(a.value(x)),
                Some("derivative") => Ok(a.derivative(x)),
                other => Err(format!("activation: bad 'of' {other:?}")),
            };
        }
        if let Some(p) = c.get("chain") {
            let depth = p["depth"].as_u64().ok_or("chain.depth")? as usize;
            let ch = lessons::chain(
                num(p.get("start"), "start")?,
                num(p.get("local"), "local")?,
                depth,
                num(p.get("learningRate"), "learningRate")?,
            )
            .map_err(|e| format!("chain: {e}"))?;
            let v = serde_json::to_value(&ch).expect("a Chain serializes");
            let path = c["path"].as_str().ok_or("chain without path")?;
            return num(walk(&v, path), &format!("chain.{path}"));
        }
        if let Some(op) = c.get("op").and_then(Value::as_str) {
            let args = c["args"].as_array().ok_or("op without args")?;
            let a: Vec<f64> = args
                .iter()
                .map(|x| self.eval(x))
                .collect::<Result<_, _>>()?;
            let arity = |n: usize| {
                if a.len() == n {
                    Ok(())
                } else {
                    Err(format!("{op}: expected {n} args, got {}", a.len()))
                }
            };
            return match op {
                "mul" => Ok(a.iter().product()),
                "add" => Ok(a.iter().sum()),
                "sub" => arity(2).map(|_| a[0] - a[1]),
                "exp" => arity(1).map(|_| a[0].exp()),
                "neg" => arity(1).map(|_| -a[0]),
                other => Err(format!("unknown op {other}")),
            };
        }
        Err(format!("cannot evaluate {}", common::short(c)))
    }
}
