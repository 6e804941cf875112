//! Practice sets: every answer key against the same quantity computed here by hand from the
//! question's own numbers (σ from its formula, the chain as a power, the regression's first step
//! as η·y·xₖ), and the judging of typed answers (comma, Unicode minus, tolerance, unreadable).

use gradlab_core::lessons::practice::{
    ACTIVATIONS_ONLY, Answer, EVERY_TOPIC, MAX_SEED, Question, TextValue, Topic, check_answer,
    check_choice, practice_set, practice_set_of, question, question_of,
};

fn num(q: &Question, name: &str) -> f64 {
    match q.prompt.values.get(name) {
        Some(TextValue::Number(v)) => *v,
        other => panic!("{}: {name} is {other:?}", q.id),
    }
}

fn nums(q: &Question, name: &str) -> Vec<f64> {
    match q.prompt.values.get(name) {
        Some(TextValue::Numbers(v)) => v.clone(),
        other => panic!("{}: {name} is {other:?}", q.id),
    }
}

fn name(q: &Question, key: &str) -> String {
    match q.prompt.values.get(key) {
        Some(TextValue::Name(v)) => v.clone(),
        other => panic!("{}: {key} is {other:?}", q.id),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * (1.0 + b.abs())
}

fn correct_choice(q: &Question) -> usize {
    match &q.answer {
        Answer::Choice { correct, choices } => {
            assert!(*correct < choices.len());
            *correct
        }
        Answer::Number { .. } => panic!("{}: not a choice", q.id),
    }
}

const SEEDS: [u64; 6] = [0, 1, 7, 42, 2026, 9_007_199_254_740_991];

#[test]
fn activation_answers_are_the_derivatives_by_their_formulas() {
    for seed in SEEDS {
        let set = practice_set(Topic::Activations, seed).unwrap();
        let [smooth, kink, power] = &set.questions[..] else {
            panic!("three questions")
        };
        let x = num(smooth, "x");
        let expected = match name(smooth, "activation").as_str() {
            "sigmoid" => {
                let s = 1.0 / (1.0 + (-x).exp());
                s * (1.0 - s)
            }
            "tanh" => 1.0 - x.tanh().powi(2),
            other => panic!("unexpected {other}"),
        };
        assert!(
            close(smooth.answer.value().unwrap(), expected),
            "{}",
            smooth.id
        );
        assert_eq!(name(kink, "activation"), "relu");
        let x = num(kink, "x");
        assert_ne!(x, 0.0, "never the kink");
        assert_eq!(kink.answer.value(), Some(if x > 0.0 { 1.0 } else { 0.0 }));
        let n = num(power, "n");
        assert!(close(power.answer.value().unwrap(), 0.25f64.powf(n)));
        assert!(!smooth.solution.is_empty() && !power.solution.is_empty());
    }
}

#[test]
fn vanishing_answers_are_the_chain_by_hand() {
    for seed in SEEDS {
        let set = practice_set(Topic::Vanishing, seed).unwrap();
        let [gradient, update, verdict] = &set.questions[..] else {
            panic!("three questions")
        };
        let (start, local, depth, lr) = (
            num(gradient, "start"),
            num(gradient, "local"),
            num(gradient, "depth"),
            num(gradient, "lr"),
        );
        let first = start * local.powf(depth);
        assert!(
            close(gradient.answer.value().unwrap(), first),
            "{}",
            gradient.id
        );
        assert!(close(update.answer.value().unwrap(), lr * first));
        let ratio = (first / start).abs();
        let expected = if ratio <= 0.1 {
            0
        } else if ratio >= 10.0 {
            2
        } else {
            1
        };
        assert_eq!(
            correct_choice(verdict),
            expected,
            "{}: ratio {ratio}",
            verdict.id
        );
    }
}

#[test]
fn dying_relu_answers_follow_from_the_dead_unit() {
    for seed in SEEDS {
        let set = practice_set(Topic::DyingRelu, seed).unwrap();
        let [pre, relu, column] = &set.questions[..] else {
            panic!("three questions")
        };
        let (x, w) = (nums(pre, "x"), nums(pre, "w2"));
        let h = x[0] * w[0] + x[1] * w[1] + num(pre, "b");
        assert!(h < 0.0);
        assert!(close(pre.answer.value().unwrap(), h), "{}", pre.id);
        assert_eq!(relu.answer.value(), Some(0.0));
        assert_eq!(
            correct_choice(column),
            0,
            "a dead unit's column of ∇W is all zeros"
        );
    }
}

#[test]
fn zero_init_answers_are_the_first_step_by_hand() {
    for seed in SEEDS {
        let set = practice_set(Topic::ZeroInit, seed).unwrap();
        let [weight, bias, symmetry] = &set.questions[..] else {
            panic!("three questions")
        };
        let (x, y, lr, k) = (
            nums(weight, "x"),
            num(weight, "y"),
            num(weight, "lr"),
            num(weight, "k") as usize,
        );
        // ŷ = 0, so ∂L/∂wₖ = (0 − y)·xₖ and wₖ = 0 − η·(−y·xₖ).
        assert!(
            close(weight.answer.value().unwrap(), lr * y * x[k - 1]),
            "{}",
            weight.id
        );
        assert!(close(bias.answer.value().unwrap(), lr * y));
        assert_eq!(
            correct_choice(symmetry),
            0,
            "the hidden units stay identical"
        );
    }
}

#[test]
fn typed_answers_are_judged_by_the_stated_rule() {
    for topic in Topic::ALL {
        let set = practice_set(topic, 5).unwrap();
        for q in &set.questions {
            match &q.answer {
                Answer::Number { value, .. } => {
                    let exact = format!("{value}");
                    assert!(check_answer(q, &exact).correct, "{}: {exact}", q.id);
                    let written = exact.replace('.', ",").replace('-', "−");
                    assert!(check_answer(q, &written).correct, "{}: {written}", q.id);
                    let within = format!("{}", value * 1.005);
                    assert!(check_answer(q, &within).correct, "{}: {within}", q.id);
                    let off = check_answer(q, &format!("{}", value * 1.5 + 0.01));
                    assert!(!off.correct && !off.unreadable);
                    assert_eq!(off.exact, *value);
                    assert!(!off.solution.is_empty());
                    let junk = check_answer(q, "abc");
                    assert!(!junk.correct && junk.unreadable && junk.given.is_none());
                    assert!(!check_choice(q, 0).correct);
                }
                Answer::Choice { correct, choices } => {
                    assert!(check_choice(q, *correct).correct);
                    for wrong in (0..choices.len()).filter(|i| i != correct) {
                        assert!(!check_choice(q, wrong).correct);
                    }
                    assert!(!check_answer(q, "0").correct);
                }
            }
        }
    }
}

#[test]
fn a_seed_gives_the_same_set_and_sets_differ() {
    for topic in Topic::ALL {
        assert_eq!(
            practice_set(topic, 3).unwrap(),
            practice_set(topic, 3).unwrap()
        );
        let distinct: std::collections::HashSet<String> = (0..12)
            .map(|seed| {
                format!(
                    "{:?}",
                    practice_set(topic, seed).unwrap().questions[0].prompt
                )
            })
            .collect();
        assert!(
            distinct.len() >= 3,
            "{topic:?}: {} distinct first questions",
            distinct.len()
        );
        let ids: Vec<String> = practice_set(topic, 3)
            .unwrap()
            .questions
            .into_iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(ids, [1, 2, 3].map(|n| format!("{}-3-{n}", topic.id())));
    }
    assert!(
        practice_set(Topic::Vanishing, MAX_SEED + 1)
            .unwrap_err()
            .to_string()
            .starts_with("seed: ")
    );
    assert!(
        Topic::from_id("summary")
            .unwrap_err()
            .to_string()
            .contains("unknown practice topic")
    );
}

#[test]
fn topics_by_id_questions_by_number_and_the_largest_seed() {
    // The ids the page and the links use.
    let ids: Vec<&str> = Topic::ALL.iter().map(|t| t.id()).collect();
    assert_eq!(ids, ["activations", "vanishing", "dying-relu", "zero-init"]);
    for topic in Topic::ALL {
        assert_eq!(Topic::from_id(topic.id()).unwrap(), topic);
    }
    // The two kinds of guess by the ids the page sends.
    use gradlab_core::lessons::practice::GuessKind;
    assert_eq!(
        GuessKind::from_id("magnitude").unwrap(),
        GuessKind::Magnitude
    );
    assert_eq!(GuessKind::from_id("estimate").unwrap(), GuessKind::Estimate);
    assert!(
        GuessKind::from_id("size")
            .unwrap_err()
            .to_string()
            .contains("magnitude, estimate")
    );
    // A question by its number is the set's own (how an answer is checked without an answer
    // key from the page); past the last one, an error naming the range.
    let set = practice_set(Topic::DyingRelu, 11).unwrap();
    assert_eq!(set.questions.len(), 3);
    for (i, q) in set.questions.iter().enumerate() {
        assert_eq!(&question(Topic::DyingRelu, 11, i).unwrap(), q);
    }
    assert_eq!(
        question(Topic::DyingRelu, 11, 3).unwrap_err().to_string(),
        "question: expected a question number from 0 to 2, got 3"
    );
    // The largest seed is 2⁵³ − 1, the largest whole number a JS number holds exactly.
    assert_eq!(MAX_SEED, 9_007_199_254_740_991);
    assert_eq!(
        practice_set(Topic::Vanishing, MAX_SEED).unwrap().seed,
        MAX_SEED
    );
}

#[test]
fn answers_read_every_superscript_digit_and_up_to_64_characters() {
    use gradlab_core::lessons::practice::parse_answer;
    // "1 × 10⁰" … "1 × 10⁹", and negative exponents, as the page writes them.
    for (k, digit) in "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().enumerate() {
        assert_eq!(
            parse_answer(&format!("1 × 10{digit}")),
            Some(10f64.powi(k as i32)),
            "10{digit}"
        );
        assert_eq!(
            parse_answer(&format!("2 × 10⁻{digit}")),
            Some(2.0 * 10f64.powi(-(k as i32))),
            "10⁻{digit}"
        );
    }
    assert_eq!(parse_answer("1.29859 × 10⁻¹³"), Some(1.29859e-13));
    // One exponent, of at most three digits: not two notations at once, not "0012".
    assert_eq!(parse_answer("1e5 × 10³"), None);
    assert_eq!(parse_answer("1.5e5.5"), None);
    assert_eq!(parse_answer("2e012"), Some(2e12));
    assert_eq!(parse_answer("2e0012"), None);
    // The longest answer read is 64 characters (here spaces after the number), not 65.
    let longest = format!("0.5{}", " ".repeat(61));
    assert_eq!(parse_answer(&longest), Some(0.5));
    assert_eq!(parse_answer(&format!("{longest} ")), None);
}

/// The lite core's generators (no network code linked): the activations' questions exactly as
/// every topic's generators make them, and every other topic refused with a message naming it.
#[test]
fn activations_only_asks_the_same_activation_questions_and_refuses_the_rest() {
    for seed in [0, 1, 42, MAX_SEED] {
        let every = practice_set_of(EVERY_TOPIC, Topic::Activations, seed).unwrap();
        let only = practice_set_of(ACTIVATIONS_ONLY, Topic::Activations, seed).unwrap();
        assert_eq!(only, every);
        assert_eq!(only, practice_set(Topic::Activations, seed).unwrap());
        for index in 0..3 {
            assert_eq!(
                question_of(ACTIVATIONS_ONLY, Topic::Activations, seed, index).unwrap(),
                question(Topic::Activations, seed, index).unwrap()
            );
        }
    }
    for topic in [Topic::Vanishing, Topic::DyingRelu, Topic::ZeroInit] {
        let message = practice_set_of(ACTIVATIONS_ONLY, topic, 7)
            .unwrap_err()
            .to_string();
        assert!(
            message.contains(topic.id()) && message.contains("activations"),
            "{message}"
        );
        assert!(question_of(ACTIVATIONS_ONLY, topic, 7, 0).is_err());
        assert!(practice_set_of(EVERY_TOPIC, topic, 7).is_ok());
    }
    assert!(practice_set_of(ACTIVATIONS_ONLY, Topic::Activations, MAX_SEED + 1).is_err());
}
