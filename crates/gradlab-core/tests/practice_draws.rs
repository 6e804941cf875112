//! How practice questions are drawn: the inputs of the activations questions cover their grid
//! of round numbers and nothing else, each solution names the rule that fits its numbers, and a
//! seed draws the same questions in every version (a set is shared by its seed).

use std::collections::BTreeSet;

use gradlab_core::lessons::practice::{Question, TextValue, Topic, practice_set};

fn num(q: &Question, name: &str) -> f64 {
    match q.prompt.values.get(name) {
        Some(TextValue::Number(v)) => *v,
        other => panic!("{}: {name} is {other:?}", q.id),
    }
}

fn activation(q: &Question) -> String {
    match q.prompt.values.get("activation") {
        Some(TextValue::Name(v)) => v.clone(),
        other => panic!("{}: activation is {other:?}", q.id),
    }
}

/// x as a count of half steps: −3 → −6, 2.5 → 5; panics off the grid.
fn halves(x: f64) -> i32 {
    let h = x * 2.0;
    assert!(
        h == h.round() && (-6.0..=6.0).contains(&h),
        "x = {x} is not a multiple of 0.5 in [−3, 3]"
    );
    h as i32
}

#[test]
fn activation_questions_cover_their_grid_and_name_the_right_rule() {
    let (mut smooth, mut kink) = (BTreeSet::new(), BTreeSet::new());
    for seed in 0..300 {
        let set = practice_set(Topic::Activations, seed).unwrap();
        // f′(x) of sigmoid or tanh at a multiple of 0.5 in [−3, 3]; the rule its own.
        let q = &set.questions[0];
        smooth.insert(halves(num(q, "x")));
        let rule = &q.solution[1].key;
        match activation(q).as_str() {
            "sigmoid" => assert_eq!(rule, "practice.sol.sigmoidDerivative"),
            "tanh" => assert_eq!(rule, "practice.sol.tanhDerivative"),
            other => panic!("{other}"),
        }
        // relu′(x) at a nonzero multiple of 0.5; the solution says which side of 0 it is on.
        let q = &set.questions[1];
        let x = num(q, "x");
        kink.insert(halves(x));
        let side = if x > 0.0 {
            "practice.sol.reluPositive"
        } else {
            "practice.sol.reluNegative"
        };
        assert_eq!(q.solution[0].key, side, "x = {x}");
    }
    // Every point of the grid is drawn (13 with 0, 12 without).
    assert_eq!(smooth, (-6..=6).collect());
    assert_eq!(kink, (-6..=6).filter(|&h| h != 0).collect());
}

#[test]
fn a_seed_draws_the_same_questions_as_before() {
    // Each topic's first question at seed 1, as this version draws it (its own stream per
    // topic): pinned, so a shared seed keeps its questions. Change only with the generator.
    let first = |topic| {
        let q = practice_set(topic, 1).unwrap().questions.remove(0);
        let values: Vec<String> = q
            .prompt
            .values
            .iter()
            .map(|(k, v)| format!("{k}={v:?}"))
            .collect();
        format!("{} {}", q.prompt.key, values.join(" "))
    };
    let drawn: Vec<String> = Topic::ALL.into_iter().map(first).collect();
    assert_eq!(drawn, PINNED);
}

const PINNED: [&str; 4] = [
    r#"practice.q.derivative activation=Name("tanh") x=Number(-0.5)"#,
    "practice.q.chainGradient depth=Number(5.0) local=Number(0.5) lr=Number(0.1) start=Number(1.0)",
    "practice.q.preActivation b=Number(0.0) w2=Numbers([-0.5, -0.8]) x=Numbers([1.5, 2.0])",
    "practice.q.firstWeight k=Number(3.0) lr=Number(0.05) x=Numbers([2.0, 3.0, 1.0]) y=Number(6.0)",
];

fn value(text: &gradlab_core::lessons::practice::Text, name: &str) -> TextValue {
    text.values
        .get(name)
        .cloned()
        .unwrap_or_else(|| panic!("{}: no {name}", text.key))
}

#[test]
fn the_other_topics_draw_within_their_ranges() {
    let mut depths = BTreeSet::new();
    for seed in 0..200 {
        // The chain is 3 to 5 layers deep.
        let q = &practice_set(Topic::Vanishing, seed).unwrap().questions[0];
        depths.insert(num(q, "depth") as i32);
        // The dead unit's weights are tenths from −0.9 to −0.1: its pre-activation is
        // negative on the sample's positive inputs, and its ReLU output 0.
        let set = practice_set(Topic::DyingRelu, seed).unwrap();
        let TextValue::Numbers(w2) = value(&set.questions[0].prompt, "w2") else {
            panic!("w2")
        };
        for w in w2 {
            let tenths = (w * 10.0).round();
            assert!(
                (w * 10.0 - tenths).abs() < 1e-9 && (-9.0..=-1.0).contains(&tenths),
                "w = {w}"
            );
        }
        assert!(
            matches!(set.questions[1].answer, gradlab_core::lessons::practice::Answer::Number { value, .. } if value == 0.0)
        );
        // From zero weights the prediction is 0, so the residual is −y.
        let q = &practice_set(Topic::ZeroInit, seed).unwrap().questions[0];
        let y = num(q, "y");
        assert_eq!(value(&q.solution[0], "prediction"), TextValue::Number(0.0));
        assert_eq!(value(&q.solution[0], "residual"), TextValue::Number(-y));
    }
    assert_eq!(depths, (3..=5).collect());
}
