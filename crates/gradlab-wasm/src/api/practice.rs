//! Practice questions (`gradlab_core::lessons::practice`): a set generated from a seed for a
//! mission scene, and the judging of a typed answer or a chosen option. The page words the
//! questions from their i18n keys and shows the verdict, the exact answer and the worked
//! solution; every number and the verdict are the core's. An answer is checked against the
//! question regenerated from its topic, seed and index, never against a key the page sends.

use gradlab_core::lessons::practice::{self, Topic};
use wasm_bindgen::prelude::*;

/// The topics this core asks questions on. The lite core (no `training` feature: the activations
/// scene) asks only on activations, so the network questions' code — `trace`, the
/// chain, the presets — stays out of it.
#[cfg(feature = "training")]
const TOPICS: practice::Topics = practice::EVERY_TOPIC;
#[cfg(not(feature = "training"))]
const TOPICS: practice::Topics = practice::ACTIVATIONS_ONLY;

use crate::convert::{ApiError, ApiResult, count, js_number, number, respond, text};

/// `practiceSet(topic, seed)` → `{ topic, seed, questions: [{ id, prompt: { key, values },
/// answer: { kind: "number", value, tolerance: { relative, absolute } } | { kind: "choice",
/// choices: [{ key, values }], correct }, solution: [{ key, values }] }] }`: three questions
/// on `topic` (`"activations"`, `"vanishing"`, `"dying-relu"`, `"zero-init"`), the same for
/// the same seed (a whole number up to 2⁵³ − 1). The lite core: `"activations"` only.
#[wasm_bindgen(js_name = practiceSet, unchecked_return_type = "PracticeSet")]
pub fn practice_set(
    #[wasm_bindgen(unchecked_param_type = "string")] topic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let topic = Topic::from_id(&text("topic", &topic)?)?;
        Ok(practice::practice_set_of(TOPICS, topic, seed_of(&seed)?)?)
    })
}

/// Question `index` of the set for `topic` and `seed`, regenerated (arguments named as given).
fn question_of(topic: &JsValue, seed: &JsValue, index: &JsValue) -> ApiResult<practice::Question> {
    let topic = Topic::from_id(&text("topic", topic)?)?;
    Ok(practice::question_of(
        TOPICS,
        topic,
        seed_of(seed)?,
        count("index", index)?,
    )?)
}

fn seed_of(seed: &JsValue) -> ApiResult<u64> {
    seed_value("seed", number("seed", seed)?)
}

/// A seed: a whole number from 0 to 2⁵³ − 1 (exact in a JS number; wider than wasm's usize).
fn seed_value(field: &str, v: f64) -> ApiResult<u64> {
    if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= practice::MAX_SEED as f64 {
        Ok(v as u64)
    } else {
        Err(ApiError::invalid(format!(
            "{field}: expected a whole number from 0 to {}, got {}",
            practice::MAX_SEED,
            js_number(v)
        )))
    }
}

/// `checkAnswer(topic, seed, index, answer)` → `{ correct, given, unreadable, exact,
/// solution }` for question `index` (0-based) of the set: the typed answer read (decimal
/// point or comma, Unicode minus, `e-3` or `× 10^-3`) and judged within 1 % (or 10⁻⁶ near 0);
/// unreadable text is `unreadable`, not wrong.
#[wasm_bindgen(js_name = checkAnswer, unchecked_return_type = "CheckedAnswer")]
pub fn check_answer(
    #[wasm_bindgen(unchecked_param_type = "string")] topic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] answer: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let q = question_of(&topic, &seed, &index)?;
        Ok(practice::check_answer(&q, &text("answer", &answer)?))
    })
}

/// `checkChoice(topic, seed, index, choice)` → the same verdict for choice `choice` (0-based)
/// of question `index`.
#[wasm_bindgen(js_name = checkChoice, unchecked_return_type = "CheckedAnswer")]
pub fn check_choice(
    #[wasm_bindgen(unchecked_param_type = "string")] topic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] choice: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let q = question_of(&topic, &seed, &index)?;
        Ok(practice::check_choice(&q, count("choice", &choice)?))
    })
}

/// `checkValues(exact, answers)` → `{ correct, entries: [{ correct, unreadable, given, exact }],
/// wrong, unreadable, tolerance }`: a result typed entry by entry (a faded step of the step
/// player) judged against the exact values of the trace, by the rule of every practice answer;
/// `answers[i]` is the text typed for `exact[i]` (the result's entries in row order, 1 to 400).
/// Only the lessons' step players ask it: not in the lite core.
#[cfg(feature = "training")]
#[wasm_bindgen(js_name = checkValues, unchecked_return_type = "ValuesVerdict")]
pub fn check_values(
    #[wasm_bindgen(unchecked_param_type = "number[]")] exact: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] answers: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let exact: Vec<f64> = crate::convert::from_arg("exact", exact)?;
        let answers: Vec<String> = crate::convert::from_arg("answers", answers)?;
        Ok(practice::check_values(&exact, &answers)?)
    })
}

/// `judgeGuess(kind, guess, exact)` → `{ verdict: "close" | "off" | "exactZero", direction:
/// "high" | "low" | "exact", guess, exact, decades, difference }`: a prediction made before a
/// scene reveals a number, judged — `"magnitude"` (a point on a log axis: close within a factor
/// of 10) or `"estimate"` (close within 0.05 or 10 %).
#[wasm_bindgen(js_name = judgeGuess, unchecked_return_type = "JudgedGuess")]
pub fn judge_guess(
    #[wasm_bindgen(unchecked_param_type = "\"magnitude\" | \"estimate\"")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] guess: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] exact: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let kind = practice::GuessKind::from_id(&text("kind", &kind)?)?;
        Ok(practice::judge_guess(
            kind,
            number("guess", &guess)?,
            number("exact", &exact)?,
        )?)
    })
}

/// `readNumber(text)` → the number a student typed (decimal point or comma, Unicode minus,
/// `e-3` or `× 10⁻³`, as every practice answer is read), or `null` when it is not one.
#[wasm_bindgen(js_name = readNumber, unchecked_return_type = "number | null")]
pub fn read_number(
    #[wasm_bindgen(unchecked_param_type = "string")] text_value: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| Ok(practice::parse_answer(&text("text", &text_value)?)))
}
