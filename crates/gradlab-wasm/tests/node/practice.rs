//! Practice as JS sees it: a set of three questions with their keys and solutions, answers
//! judged against the regenerated question (comma and Unicode minus read, unreadable text
//! told apart), choices, and bad arguments named.

use super::boundary::thrown;
use super::*;
use gradlab_wasm::api::{
    check_answer, check_choice, check_values, judge_guess, practice_set, read_number,
};

/// The (topic, seed, index) arguments of checkAnswer/checkChoice.
fn question_ref(topic: &str, seed: f64, index: f64) -> (JsValue, JsValue, JsValue) {
    (
        JsValue::from_str(topic),
        JsValue::from(seed),
        JsValue::from(index),
    )
}

fn answer(q: (JsValue, JsValue, JsValue), text: JsValue) -> Result<JsValue, JsValue> {
    check_answer(q.0, q.1, q.2, text)
}

fn choose(q: (JsValue, JsValue, JsValue), choice: JsValue) -> Result<JsValue, JsValue> {
    check_choice(q.0, q.1, q.2, choice)
}

#[wasm_bindgen_test]
fn a_set_is_worded_by_keys_and_judged_by_the_core() {
    let set = practice_set(JsValue::from_str("vanishing"), JsValue::from(11.0)).unwrap();
    assert_eq!(get(&set, "topic").as_string().unwrap(), "vanishing");
    assert_eq!(num(&set, "seed"), 11.0);
    assert_eq!(
        get(&set, "questions.0.answer.kind").as_string().unwrap(),
        "number"
    );
    assert_eq!(
        get(&set, "questions.0.prompt.key").as_string().unwrap(),
        "practice.q.chainGradient"
    );
    // The first question's answer, by hand from its own numbers: start · local^depth.
    let v = |k: &str| num(&set, &format!("questions.0.prompt.values.{k}"));
    let expected = v("start") * v("local").powf(v("depth"));
    assert!((num(&set, "questions.0.answer.value") - expected).abs() <= 1e-12 * expected.abs());

    let q0 = || question_ref("vanishing", 11.0, 0.0);
    let right = answer(
        q0(),
        JsValue::from_str(&format!("{expected}").replace('.', ",")),
    )
    .unwrap();
    assert!(get(&right, "correct").as_bool().unwrap());
    assert!(get(&right, "solution.0.key").as_string().is_some());
    let wrong = answer(q0(), JsValue::from_str("−12")).unwrap();
    assert!(!get(&wrong, "correct").as_bool().unwrap());
    assert_eq!(num(&wrong, "given"), -12.0);
    let junk = answer(q0(), JsValue::from_str("twelve")).unwrap();
    assert!(get(&junk, "unreadable").as_bool().unwrap());
    assert!(get(&junk, "given").is_null());

    // The verdict question is a choice; its key is the core's.
    let correct = num(&set, "questions.2.answer.correct");
    let chosen = choose(question_ref("vanishing", 11.0, 2.0), JsValue::from(correct)).unwrap();
    assert!(get(&chosen, "correct").as_bool().unwrap());
    let other = if correct == 0.0 { 1.0 } else { 0.0 };
    let chosen = choose(question_ref("vanishing", 11.0, 2.0), JsValue::from(other)).unwrap();
    assert!(!get(&chosen, "correct").as_bool().unwrap());
}

#[wasm_bindgen_test]
fn bad_practice_arguments_are_named() {
    let (kind, field, _) = thrown(practice_set(
        JsValue::from_str("summary"),
        JsValue::from(1.0),
    ));
    assert_eq!((kind.as_str(), field.as_str()), ("unknown", "topic"));
    let (_, _, message) = thrown(practice_set(
        JsValue::from_str("vanishing"),
        JsValue::from(1.5),
    ));
    assert!(
        message.starts_with("seed: expected a whole number"),
        "{message}"
    );
    // Seeds beyond wasm's 32-bit usize are fine up to 2⁵³ − 1.
    assert!(
        practice_set(
            JsValue::from_str("zero-init"),
            JsValue::from(9_007_199_254_740_991.0)
        )
        .is_ok()
    );
    let (_, _, message) = thrown(answer(
        question_ref("vanishing", 1.0, 3.0),
        JsValue::from_str("1"),
    ));
    assert!(
        message.starts_with("question: expected a question number from 0 to 2, got 3"),
        "{message}"
    );
    let (kind, _, message) = thrown(answer(
        question_ref("vanishing", 1.0, 0.0),
        JsValue::from(1.0),
    ));
    assert_eq!(kind, "type");
    assert!(
        message.starts_with("answer: expected a string"),
        "{message}"
    );
    let (kind, field, _) = thrown(choose(question_ref("nope", 1.0, 0.0), JsValue::from(0.0)));
    assert_eq!((kind.as_str(), field.as_str()), ("unknown", "topic"));
}

#[wasm_bindgen_test]
fn a_typed_result_is_judged_entry_by_entry() {
    let v = check_values(
        js("[0.196611933, -0.5, 0.0015]"),
        js(r#"["0,197", "−0.4", "x"]"#),
    )
    .unwrap();
    assert!(!get(&v, "correct").as_bool().unwrap());
    assert!(get(&v, "entries.0.correct").as_bool().unwrap());
    assert_eq!(num(&v, "entries.0.given"), 0.197);
    assert!(!get(&v, "entries.1.correct").as_bool().unwrap());
    assert!(get(&v, "entries.2.unreadable").as_bool().unwrap());
    assert!(get(&v, "entries.2.given").is_null());
    assert_eq!((num(&v, "wrong"), num(&v, "unreadable")), (1.0, 1.0));
    assert_eq!(num(&v, "tolerance.relative"), 0.01);
    let right = check_values(js("[2]"), js(r#"["2.01"]"#)).unwrap();
    assert!(get(&right, "correct").as_bool().unwrap());

    let (kind, _, message) = thrown(check_values(js("[1, 2]"), js(r#"["1"]"#)));
    assert_eq!(kind, "invalid");
    assert!(
        message.starts_with("answers: expected 2 answers"),
        "{message}"
    );
    let (kind, _, message) = thrown(check_values(js("[1]"), js("[1]")));
    assert_eq!(kind, "type");
    assert!(message.starts_with("answers[0]"), "{message}");
    let (_, _, message) = thrown(check_values(js(r#"["a"]"#), js(r#"["1"]"#)));
    assert!(message.starts_with("exact[0]"), "{message}");
}

#[wasm_bindgen_test]
fn a_guess_is_judged_by_its_kind() {
    let kind = JsValue::from_str;
    let g = judge_guess(
        kind("magnitude"),
        JsValue::from(1e-3),
        JsValue::from(-2.5e-6),
    )
    .unwrap();
    assert_eq!(get(&g, "verdict").as_string().unwrap(), "off");
    assert_eq!(get(&g, "direction").as_string().unwrap(), "high");
    assert!((num(&g, "decades") - 2.602_06).abs() < 1e-5);
    let g = judge_guess(kind("estimate"), JsValue::from(0.1), JsValue::from(0.105)).unwrap();
    assert_eq!(get(&g, "verdict").as_string().unwrap(), "close");
    assert_eq!(get(&g, "direction").as_string().unwrap(), "low");
    let g = judge_guess(kind("magnitude"), JsValue::from(0.01), JsValue::from(0.0)).unwrap();
    assert_eq!(get(&g, "verdict").as_string().unwrap(), "exactZero");

    let (kind_of, _, message) = thrown(judge_guess(
        kind("exact"),
        JsValue::from(1.0),
        JsValue::from(1.0),
    ));
    assert_eq!(kind_of, "unknown");
    assert!(message.starts_with("kind: unknown guess kind"), "{message}");
    let (_, _, message) = thrown(judge_guess(
        kind("magnitude"),
        JsValue::from(-1.0),
        JsValue::from(1.0),
    ));
    assert!(
        message.starts_with("guess: expected a positive number"),
        "{message}"
    );
    let (kind_of, _, _) = thrown(judge_guess(
        kind("estimate"),
        JsValue::from_str("1"),
        JsValue::from(1.0),
    ));
    assert_eq!(kind_of, "type");
}

#[wasm_bindgen_test]
fn typed_numbers_are_read_as_answers_are() {
    let read = |s: &str| read_number(JsValue::from_str(s)).unwrap();
    assert_eq!(read("−2,5e-3").as_f64(), Some(-2.5e-3));
    assert_eq!(read("1 × 10⁻⁴").as_f64(), Some(1e-4));
    assert!(read("abc").is_null());
    let (kind, _, _) = thrown(read_number(JsValue::from(1.0)));
    assert_eq!(kind, "type");
}
