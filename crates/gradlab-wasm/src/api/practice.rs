//! Practice questions (`gradlab_core::lessons::practice`): a set generated from a seed for a
//! mission scene, and the judging of a typed answer or a chosen option. The page words the
//! questions from their i18n keys and shows the verdict, the exact answer and the worked
//! solution; every number and the verdict are the core's. An answer is checked against the
//! question regenerated from `{ topic, seed, question }`, never against a key the page sends.

use gradlab_core::lessons::practice::{self, Topic};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::convert::{
    ApiError, ApiResult, count, from_arg, js_number, number, respond, text, whole,
};

/// `practiceSet(topic, seed)` → `{ topic, seed, questions: [{ id, prompt: { key, values },
/// answer: { kind: "number", value, tolerance: { relative, absolute } } | { kind: "choice",
/// choices: [{ key, values }], correct }, solution: [{ key, values }] }] }`: three questions
/// on `topic` (`"activations"`, `"vanishing"`, `"dying-relu"`, `"zero-init"`), the same for
/// the same seed (a whole number up to 2⁵³ − 1).
#[wasm_bindgen(js_name = practiceSet, unchecked_return_type = "PracticeSet")]
pub fn practice_set(
    #[wasm_bindgen(unchecked_param_type = "string")] topic: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let topic = Topic::from_id(&text("topic", &topic)?)?;
        Ok(practice::practice_set(topic, seed_of(&seed)?)?)
    })
}

/// Which question an answer is for.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionRef {
    topic: String,
    seed: f64,
    question: f64,
}

fn question_of(r: JsValue) -> ApiResult<practice::Question> {
    let r: QuestionRef = from_arg("question", r)?;
    let topic = Topic::from_id(&r.topic).map_err(|e| e.within("question"))?;
    let seed = seed_value("question.seed", r.seed)?;
    let index = whole("question.question", r.question)?;
    Ok(practice::question(topic, seed, index).map_err(|e| e.within("question"))?)
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

/// `checkAnswer({ topic, seed, question }, text)` → `{ correct, given, unreadable, exact,
/// solution }`: the typed answer read (decimal point or comma, Unicode minus, `e-3` or
/// `× 10^-3`) and judged within 1 % (or 10⁻⁶ near 0); unreadable text is `unreadable`, not
/// wrong. `question` is the 0-based index in the set.
#[wasm_bindgen(js_name = checkAnswer, unchecked_return_type = "CheckedAnswer")]
pub fn check_answer(
    #[wasm_bindgen(unchecked_param_type = "QuestionRef")] question: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] answer: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let q = question_of(question)?;
        Ok(practice::check_answer(&q, &text("answer", &answer)?))
    })
}

/// `checkChoice({ topic, seed, question }, index)` → the same verdict for a choice (0-based).
#[wasm_bindgen(js_name = checkChoice, unchecked_return_type = "CheckedAnswer")]
pub fn check_choice(
    #[wasm_bindgen(unchecked_param_type = "QuestionRef")] question: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let q = question_of(question)?;
        Ok(practice::check_choice(&q, count("index", &index)?))
    })
}
