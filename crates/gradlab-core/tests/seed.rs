//! The seed article, number by number: `tests/golden/seed.json` lists every number the article
//! prints (its three sections), the exact value beside it, and where the core computes it. This
//! test evaluates every entry through the core (presets + `trace`, activations, `chain`), checks
//! it against the exact value within the reference tolerance, and checks that the fixture is
//! honest: an entry `agrees` exactly when the exact value, rounded to the printed decimals, is the
//! printed text, and every disagreement is listed in `discrepancies` with a bilingual note.
//! It ends with the article's headline facts (dead h₂, all-zero gradients from zero init, ...).

mod common;

use std::collections::{BTreeSet, HashMap};

use common::{Checker, decimals_of, load_json, round_to, walk};
use gradlab_core::activation::Activation;
use gradlab_core::{Reduction, lessons, trace};
use serde_json::Value;

/// Evaluates `compute` expressions through the core, caching one trace per preset.
#[derive(Default)]
struct Core {
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
    fn eval(&mut self, c: &Value) -> Result<f64, String> {
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

fn seed() -> Value {
    load_json("seed.json")
}

/// Every entry with the key of its section.
fn entries(seed: &Value) -> Vec<(String, Value)> {
    let sections = seed["sections"]
        .as_object()
        .expect("seed.json: sections is an object");
    sections
        .iter()
        .flat_map(|(key, s)| {
            s["entries"]
                .as_array()
                .unwrap_or_else(|| panic!("section {key}: no entries"))
                .iter()
                .map(move |e| (key.clone(), e.clone()))
        })
        .collect()
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

#[test]
fn header_matches_the_reference_tolerance() {
    let s = seed();
    assert_eq!(s["schemaVersion"], 1);
    assert_eq!(s["tolerance"]["rtol"].as_f64(), Some(common::RTOL));
    assert_eq!(s["tolerance"]["atol"].as_f64(), Some(common::ATOL));
    let keys: Vec<&str> = s["sections"]
        .as_object()
        .expect("sections")
        .keys()
        .map(String::as_str)
        .collect();
    for k in [
        "activations",
        "vanishingChain",
        "dyingRelu",
        "zeroInitLinear",
        "zeroInitLogistic",
        "zeroInitSoftmax",
        "zeroInitMlp",
    ] {
        assert!(keys.contains(&k), "seed.json has no section {k}");
    }
    for (key, sec) in s["sections"].as_object().expect("sections") {
        for lang in ["vi", "en"] {
            assert!(
                !text(&sec["title"][lang]).trim().is_empty(),
                "section {key}: empty title.{lang}"
            );
        }
    }
}

#[test]
fn every_printed_number_is_reproduced_by_the_core() {
    let s = seed();
    let all = entries(&s);
    let mut core = Core::default();
    let mut c = Checker::new();
    let mut ids = BTreeSet::new();
    let mut results = 0;
    for (section, e) in &all {
        let id = text(&e["id"]).to_string();
        assert!(ids.insert(id.clone()), "duplicate id {id}");
        assert!(
            id.starts_with(&format!("{section}.")),
            "{id}: id must start with its section {section}."
        );
        let exact = e["exact"]
            .as_f64()
            .unwrap_or_else(|| panic!("{id}: exact is not a number"));
        let role = text(&e["role"]);
        assert!(role == "input" || role == "result", "{id}: role {role:?}");
        if role == "result" {
            results += 1;
        }
        let mut sources = vec![e["compute"].clone()];
        sources.extend(e["also"].as_array().cloned().unwrap_or_default());
        for (k, src) in sources.iter().enumerate() {
            let at = if k == 0 {
                format!("{id} compute")
            } else {
                format!("{id} also[{}]", k - 1)
            };
            match core.eval(src) {
                Ok(got) => {
                    c.num(&at, got, exact);
                    if role == "input" {
                        // the preset holds exactly the article's input
                        c.check(got == exact, || format!("{at}: input {got:e} ≠ {exact:e}"));
                    }
                    // what the page shows (the core's value at the printed precision) is
                    // what the exact value shows
                    let (d, shown_got, shown_exact) = displayed(e, got, exact);
                    c.check(shown_got == shown_exact, || {
                        format!("{at}: the core's value shows as {shown_got} at {d} decimals, the exact value as {shown_exact}")
                    });
                }
                Err(msg) => c.fail(format!("{at}: {msg}")),
            }
        }
    }
    eprintln!(
        "seed.json: {} entries ({results} results), {} core values compared",
        all.len(),
        c.compared
    );
    c.finish("seed.json entries");
    assert!(all.len() >= 200, "seed.json has only {} entries", all.len());
    assert!(results >= 150, "seed.json has only {results} results");
}

/// `(decimals, got, exact)` rounded the way the entry is printed.
fn displayed(e: &Value, got: f64, exact: f64) -> (usize, String, String) {
    let printed = text(&e["printed"]);
    if e["printedForm"] == "negLog" {
        let inner = printed.trim_start_matches("-log(").trim_end_matches(')');
        let d = decimals_of(inner);
        (d, round_to((-got).exp(), d), round_to((-exact).exp(), d))
    } else {
        let d = decimals_of(printed);
        (d, round_to(got, d), round_to(exact, d))
    }
}

#[test]
fn agrees_is_honest_and_every_discrepancy_is_explained() {
    let s = seed();
    let all = entries(&s);
    let mut disagreeing = BTreeSet::new();
    for (_, e) in &all {
        let id = text(&e["id"]);
        let printed = text(&e["printed"]);
        let exact = e["exact"].as_f64().unwrap_or(f64::NAN);
        let inner = match e["printedForm"].as_str() {
            None => printed,
            Some("negLog") => printed
                .strip_prefix("-log(")
                .and_then(|p| p.strip_suffix(')'))
                .unwrap_or_else(|| panic!("{id}: negLog printed as {printed:?}")),
            Some(other) => panic!("{id}: unknown printedForm {other}"),
        };
        let d = decimals_of(inner);
        assert_eq!(e["decimals"].as_u64(), Some(d as u64), "{id}: decimals");
        let parsed: f64 = inner
            .parse()
            .unwrap_or_else(|_| panic!("{id}: printed {inner:?} is not a number"));
        assert_eq!(
            e["printedValue"].as_f64(),
            Some(parsed),
            "{id}: printedValue"
        );
        let shown = if e["printedForm"] == "negLog" {
            (-exact).exp()
        } else {
            exact
        };
        let rounded = round_to(shown, d);
        assert_eq!(text(&e["exactRounded"]), rounded, "{id}: exactRounded");
        let agrees = e["agrees"]
            .as_bool()
            .unwrap_or_else(|| panic!("{id}: agrees is not a bool"));
        assert_eq!(
            agrees,
            rounded == inner,
            "{id}: printed {inner}, exact {exact} rounds to {rounded}, but agrees = {agrees}"
        );
        if e["role"] == "input" {
            assert!(
                agrees && parsed == exact,
                "{id}: an input must be the printed number exactly"
            );
        }
        if !agrees {
            disagreeing.insert(id.to_string());
            assert_eq!(
                e["discrepancy"], true,
                "{id}: disagreeing entries carry discrepancy: true"
            );
        } else {
            assert!(
                e.get("discrepancy").is_none_or(|d| d == false),
                "{id}: agrees but is marked as a discrepancy"
            );
        }
        if let Some(note) = e.get("note") {
            for lang in ["vi", "en"] {
                assert!(
                    !text(&note[lang]).trim().is_empty(),
                    "{id}: empty note.{lang}"
                );
            }
        }
    }
    let by_id: HashMap<&str, &Value> = all.iter().map(|(_, e)| (text(&e["id"]), e)).collect();
    let list = s["discrepancies"].as_array().expect("discrepancies");
    let mut listed = BTreeSet::new();
    for d in list {
        let id = text(&d["id"]);
        assert!(
            listed.insert(id.to_string()),
            "discrepancy {id} listed twice"
        );
        let e = by_id
            .get(id)
            .unwrap_or_else(|| panic!("discrepancy {id}: no such entry"));
        assert_eq!(d["printed"], e["printed"], "discrepancy {id}: printed");
        assert_eq!(d["exact"], e["exact"], "discrepancy {id}: exact");
        assert_eq!(
            d["exactRounded"], e["exactRounded"],
            "discrepancy {id}: exactRounded"
        );
        for lang in ["vi", "en"] {
            let note = text(&d["note"][lang]);
            assert!(
                note.trim().chars().count() >= 20,
                "discrepancy {id}: note.{lang} is empty or too short: {note:?}"
            );
        }
        assert_ne!(
            d["note"]["vi"], d["note"]["en"],
            "discrepancy {id}: the vi note is the en note"
        );
    }
    assert_eq!(
        listed, disagreeing,
        "the discrepancy list must be exactly the entries with agrees = false"
    );
    // the known ones (tests/golden/reference/README.md) are among them
    for known in ["dyingRelu.loss", "dyingRelu.p3", "dyingRelu.dz3"] {
        assert!(listed.contains(known), "{known} is a known discrepancy");
    }
}

#[test]
fn the_core_activation_points_are_the_seeds() {
    let s = seed();
    let act = s["sections"]["activations"]["entries"]
        .as_array()
        .expect("activations entries");
    let points = lessons::activation_points();
    assert!(!points.is_empty());
    let mut c = Checker::new();
    for p in &points {
        for (of, got) in [("value", p.value), ("derivative", p.derivative)] {
            // the point must agree with Activation itself …
            let direct = if of == "value" {
                p.activation.value(p.x)
            } else {
                p.activation.derivative(p.x)
            };
            c.check(got.to_bits() == direct.to_bits(), || {
                format!(
                    "activation_points {}({}) {of}: {got} ≠ {direct}",
                    p.activation.id(),
                    p.x
                )
            });
            // … and with the seed entry for it, if the article prints it
            if let Some(e) = act.iter().find(|e| {
                e["compute"]["activation"] == p.activation.id()
                    && e["compute"]["x"].as_f64() == Some(p.x)
                    && e["compute"]["of"] == of
            }) {
                c.num(
                    &format!("{} vs activation_points", text(&e["id"])),
                    got,
                    e["exact"].as_f64().unwrap_or(f64::NAN),
                );
            }
        }
    }
    // every sigmoid/tanh point the article prints is one of the core's points
    for e in act {
        let id = e["compute"]["activation"].as_str().unwrap_or("");
        if id == "sigmoid" || id == "tanh" {
            let x = e["compute"]["x"].as_f64();
            c.check(
                points
                    .iter()
                    .any(|p| p.activation.id() == id && Some(p.x) == x),
                || {
                    format!(
                        "{}: ({id}, {x:?}) is not in lessons::activation_points()",
                        text(&e["id"])
                    )
                },
            );
        }
    }
    c.finish("activation points");
}

// ---------------------------------------------------------------- the article's headline facts

fn traced(preset: &str) -> gradlab_core::Trace {
    trace(&lessons::preset(preset).unwrap_or_else(|e| panic!("{preset}: {e}")))
        .unwrap_or_else(|e| panic!("trace {preset}: {e}"))
}

fn rows(m: &Value) -> Vec<Vec<f64>> {
    m.as_array()
        .expect("matrix")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("row")
                .iter()
                .map(|x| x.as_f64().expect("number"))
                .collect()
        })
        .collect()
}

fn vec_of(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("vector")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

#[test]
fn dying_relu_h2_gets_no_gradient_and_does_not_move() {
    let t = serde_json::to_value(traced("dying-relu")).expect("serialize");
    assert_eq!(
        t["layers"][0]["deadUnits"],
        serde_json::json!([1]),
        "h₂ (unit 1) and only h₂ is dead"
    );
    assert_eq!(
        t["layers"][1]["deadUnits"],
        Value::Null,
        "the output layer has no dead units"
    );
    let dm = rows(&t["layers"][0]["gradWeights"]);
    assert!(
        dm.iter().all(|r| r[1] == 0.0),
        "column 2 of dW (layer 0) must be exactly 0: {dm:?}"
    );
    assert_eq!(
        vec_of(&t["layers"][0]["gradBias"])[1],
        0.0,
        "db₂ of layer 0 must be exactly 0"
    );
    assert!(
        dm.iter().all(|r| r[0] != 0.0),
        "the live unit h₁ does get a gradient: {dm:?}"
    );
    let dw = rows(&t["layers"][1]["gradWeights"]);
    assert!(
        dw[1].iter().all(|&g| g == 0.0),
        "row 2 of dW (layer 1) must be exactly 0: {dw:?}"
    );
    assert!(
        dw[0].iter().all(|&g| g != 0.0),
        "row 1 of dW (layer 1) is not zero: {dw:?}"
    );
    // ∇ReLU₂ = 0.302 arrives, but ReLU′(h₂) = 0 stops it
    let da = rows(&t["layers"][0]["gradActivation"]);
    assert!(da[0][1] > 0.3, "∇ReLU₂ L ≈ 0.302 is not zero: {da:?}");
    assert_eq!(
        rows(&t["layers"][0]["gradPreActivation"])[0][1],
        0.0,
        "∂L/∂h₂ is exactly 0"
    );
    // the update leaves h₂'s incoming column and outgoing row bit-for-bit unchanged
    let (w0, u0) = (
        rows(&t["layers"][0]["weights"]),
        rows(&t["updated"][0]["weights"]),
    );
    for (r, (a, b)) in w0.iter().zip(&u0).enumerate() {
        assert_eq!(
            a[1].to_bits(),
            b[1].to_bits(),
            "M row {} col 2 moved: {} → {}",
            r + 2,
            a[1],
            b[1]
        );
    }
    assert_eq!(
        vec_of(&t["layers"][0]["bias"])[1],
        vec_of(&t["updated"][0]["bias"])[1],
        "bias of h₂ moved"
    );
    let (w1, u1) = (
        rows(&t["layers"][1]["weights"]),
        rows(&t["updated"][1]["weights"]),
    );
    assert_eq!(w1[1], u1[1], "W_out row of h₂ moved");
    assert_ne!(w1[0], u1[0], "W_out row of h₁ should move");
    // and h₂ is still dead after the step (its pre-activation did not change)
    let mut spec = lessons::preset("dying-relu").expect("preset");
    spec.layers[0].weights = u0;
    spec.layers[0].bias = Some(vec_of(&t["updated"][0]["bias"]));
    spec.layers[1].weights = u1;
    let t1 = trace(&spec).expect("trace after one step");
    assert_eq!(
        t1.layers[0].dead_units,
        Some(vec![1]),
        "h₂ is still dead after the update"
    );
}

/// Every entry of a JSON matrix/vector is exactly 0.
fn all_zero(v: &Value) -> bool {
    match v {
        Value::Array(xs) => xs.iter().all(all_zero),
        Value::Number(n) => n.as_f64() == Some(0.0),
        _ => false,
    }
}

fn max_abs(v: &Value) -> f64 {
    match v {
        Value::Array(xs) => xs.iter().map(max_abs).fold(0.0, f64::max),
        Value::Number(n) => n.as_f64().map_or(f64::INFINITY, f64::abs),
        _ => f64::INFINITY,
    }
}

#[test]
fn mlp_zero_init_every_gradient_is_zero_and_the_loss_is_3_ln_3() {
    let t = serde_json::to_value(traced("mlp-zero-init")).expect("serialize");
    let ln3 = 3f64.ln();
    assert!(
        common::close(t["loss"].as_f64().unwrap(), 3.0 * ln3),
        "loss {} ≠ 3·ln 3 (sum over 3 samples)",
        t["loss"]
    );
    for (n, l) in vec_of(&t["perSampleLoss"]).iter().enumerate() {
        assert!(common::close(*l, ln3), "sample {n}: loss {l} ≠ ln 3");
    }
    for p in rows(&t["probabilities"]).iter().flatten() {
        assert!(common::close(*p, 1.0 / 3.0), "p = {p} ≠ 1/3");
    }
    // products with an all-zero factor are exactly zero in float64 too
    for field in [
        "preActivation",
        "activation",
        "derivative",
        "gradActivation",
        "gradPreActivation",
        "gradWeights",
        "gradBias",
    ] {
        assert!(
            all_zero(&t["layers"][0][field]),
            "layer 0 {field} is not exactly 0: {}",
            t["layers"][0][field]
        );
    }
    assert!(
        all_zero(&t["layers"][1]["gradWeights"]),
        "output dW is not exactly 0: {}",
        t["layers"][1]["gradWeights"]
    );
    assert!(all_zero(&t["gradInputs"]), "dL/dX is not exactly 0");
    // Σ_n (p − y) over balanced labels is 0 in exact arithmetic; in float64 1/3 − 1 + 1/3 + 1/3
    // may leave ~1e-16, so this one is held to the reference tolerance.
    let db = &t["layers"][1]["gradBias"];
    assert!(
        max_abs(db) <= common::ATOL,
        "output-bias gradient {db} is not 0 (balanced labels)"
    );
    if !all_zero(db) {
        eprintln!(
            "note: mlp-zero-init output-bias gradient is {db} in float64 (exactly 0 in real arithmetic)"
        );
    }
    // so nothing moves (up to that rounding)
    for l in 0..2 {
        for k in ["weights", "bias"] {
            let (a, b) = (&t["layers"][l][k], &t["updated"][l][k]);
            assert!(
                max_abs(b) <= common::ATOL && all_zero(a),
                "layer {l} {k}: {a} → {b}"
            );
        }
    }
    // mean reduction: ln 3
    let mut spec = lessons::preset("mlp-zero-init").expect("preset");
    spec.reduction = Reduction::Mean;
    let m = trace(&spec).expect("trace mean");
    assert!(common::close(m.loss, ln3), "mean loss {} ≠ ln 3", m.loss);
}

#[test]
fn mlp_zero_init_unbalanced_output_bias_gradient_is_minus1_0_1() {
    let t = serde_json::to_value(traced("mlp-zero-init-unbalanced")).expect("serialize");
    let db = vec_of(&t["layers"][1]["gradBias"]);
    let expected = [-1.0, 0.0, 1.0];
    assert_eq!(db.len(), 3);
    for (k, (g, e)) in db.iter().zip(expected).enumerate() {
        assert!(
            common::close(*g, e),
            "labels [0, 0, 1]: output-bias gradient[{k}] = {g}, expected {e} (whole: {db:?})"
        );
    }
    // everything else is still exactly zero: the hidden layer cannot learn
    for field in [
        "gradActivation",
        "gradPreActivation",
        "gradWeights",
        "gradBias",
    ] {
        assert!(
            all_zero(&t["layers"][0][field]),
            "layer 0 {field} is not exactly 0"
        );
    }
    assert!(
        all_zero(&t["layers"][1]["gradWeights"]),
        "output dW is not exactly 0"
    );
    assert!(
        common::close(t["loss"].as_f64().unwrap(), 3.0 * 3f64.ln()),
        "loss {} ≠ 3·ln 3",
        t["loss"]
    );
}
