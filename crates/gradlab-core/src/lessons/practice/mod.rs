//! Practice: short sets of questions generated from a seed for each mission scene, their answer
//! keys and worked solutions (every number from the engine: activations, the chain, `trace`),
//! and the judging of what a student answers ([`answer`]).
//!
//! A question is data for the page to word: a [`Text`] is an i18n key with the numbers and
//! names to put in it (`practice.q.derivative` with `{ activation: "sigmoid", x: 1.5 }`); the
//! page formats the numbers and never computes one. A numeric answer is judged by
//! [`check_answer`] (the reading and the tolerance rule of [`answer`]); a choice by
//! [`check_choice`]. Both give the exact answer and the worked solution with the verdict.
//!
//! ```
//! use gradlab_core::lessons::practice::{practice_set, check_answer, Topic};
//! let set = practice_set(Topic::Activations, 7).unwrap();
//! assert_eq!(set.questions.len(), 3);
//! let q = &set.questions[0];
//! let exact = q.answer.value().unwrap();
//! assert!(check_answer(q, &format!("{exact}")).correct);
//! assert!(!check_answer(q, "12345").correct);
//! ```

pub mod answer;
pub mod guess;
mod topics;
pub mod values;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use answer::{TOLERANCE, Tolerance, parse_answer};
pub use guess::{Direction, GuessKind, GuessVerdict, JudgedGuess, judge_guess};
pub use values::{EntryVerdict, ValuesVerdict, check_values};

use crate::error::{GradlabError, Result};

/// The mission scenes that have a practice set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    Activations,
    Vanishing,
    DyingRelu,
    ZeroInit,
}

impl Topic {
    pub const ALL: [Topic; 4] = [
        Topic::Activations,
        Topic::Vanishing,
        Topic::DyingRelu,
        Topic::ZeroInit,
    ];

    /// The topic's id, as [`Topic::from_id`] reads it.
    pub fn id(self) -> &'static str {
        match self {
            Topic::Activations => "activations",
            Topic::Vanishing => "vanishing",
            Topic::DyingRelu => "dying-relu",
            Topic::ZeroInit => "zero-init",
        }
    }

    /// The topic named `id` (`activations`, `vanishing`, `dying-relu`, `zero-init`).
    pub fn from_id(id: &str) -> Result<Topic> {
        match id {
            "activations" => Ok(Topic::Activations),
            "vanishing" => Ok(Topic::Vanishing),
            "dying-relu" => Ok(Topic::DyingRelu),
            "zero-init" => Ok(Topic::ZeroInit),
            other => Err(GradlabError::Unknown {
                field: "topic".into(),
                kind: "practice topic",
                id: other.into(),
                expected: "activations, vanishing, dying-relu, zero-init".into(),
            }),
        }
    }
}

/// A value to put in a text: a number (the page formats it), several numbers, or a name (an
/// activation id, a unit's index as text).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum TextValue {
    Number(f64),
    Numbers(Vec<f64>),
    Name(String),
}

/// An i18n key and the values its sentence names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    pub key: String,
    pub values: BTreeMap<String, TextValue>,
}

// Not inlined: the generators call these a hundred times, and each inlined map insert is code
// in the wasm (≈ 40 KiB raw when they were).
impl Text {
    #[inline(never)]
    pub(crate) fn new(key: &str) -> Self {
        Text {
            key: key.into(),
            values: BTreeMap::new(),
        }
    }

    #[inline(never)]
    pub(crate) fn num(mut self, name: &str, value: f64) -> Self {
        self.values.insert(name.into(), TextValue::Number(value));
        self
    }

    #[inline(never)]
    pub(crate) fn nums(mut self, name: &str, values: Vec<f64>) -> Self {
        self.values.insert(name.into(), TextValue::Numbers(values));
        self
    }

    #[inline(never)]
    pub(crate) fn name(mut self, name: &str, value: &str) -> Self {
        self.values
            .insert(name.into(), TextValue::Name(value.into()));
        self
    }
}

/// What a question expects.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Answer {
    /// A number, judged by `tolerance`.
    Number { value: f64, tolerance: Tolerance },
    /// One of `choices` (0-based `correct`).
    Choice { choices: Vec<Text>, correct: usize },
}

impl Answer {
    /// The exact number (None for a choice).
    pub fn value(&self) -> Option<f64> {
        match self {
            Answer::Number { value, .. } => Some(*value),
            Answer::Choice { .. } => None,
        }
    }
}

/// One question: its wording, what it expects, and the worked solution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// `<topic>-<seed>-<n>`: stable for a seed.
    pub id: String,
    pub prompt: Text,
    pub answer: Answer,
    /// The solution step by step, each step's numbers from the engine.
    pub solution: Vec<Text>,
}

/// A set of questions for one scene.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticeSet {
    pub topic: Topic,
    pub seed: u64,
    pub questions: Vec<Question>,
}

/// The largest seed a set is made from (a JS number keeps it exact).
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// The topics a caller can ask questions on, as the generators it links: [`EVERY_TOPIC`], or
/// [`ACTIVATIONS_ONLY`] for a build that carries no network code (the adapter's lite core: the
/// questions on networks compute their answers with `trace`, `chain` and the presets, which that
/// core's scenes never ask for).
#[derive(Clone, Copy)]
pub struct Topics(fn(Topic, u64) -> Result<Vec<Question>>);

/// Every topic's questions.
pub const EVERY_TOPIC: Topics = Topics(topics::generate);
/// The activations' questions only; any other topic is an error that says so.
pub const ACTIVATIONS_ONLY: Topics = Topics(topics::generate_activations);

/// Three questions on `topic`, the same ones for the same seed.
pub fn practice_set(topic: Topic, seed: u64) -> Result<PracticeSet> {
    practice_set_of(EVERY_TOPIC, topic, seed)
}

/// [`practice_set`] from the generators of `topics`.
pub fn practice_set_of(topics: Topics, topic: Topic, seed: u64) -> Result<PracticeSet> {
    if seed > MAX_SEED {
        return Err(GradlabError::invalid(
            "seed",
            format!("expected a whole number from 0 to {MAX_SEED}, got {seed}"),
        ));
    }
    let questions = (topics.0)(topic, seed)?;
    Ok(PracticeSet {
        topic,
        seed,
        questions,
    })
}

/// Question `index` (0-based) of the set for `topic` and `seed`: how an answer is checked
/// without trusting an answer key sent back by the page.
pub fn question(topic: Topic, seed: u64, index: usize) -> Result<Question> {
    question_of(EVERY_TOPIC, topic, seed, index)
}

/// [`question`] from the generators of `topics`.
pub fn question_of(topics: Topics, topic: Topic, seed: u64, index: usize) -> Result<Question> {
    let mut set = practice_set_of(topics, topic, seed)?;
    if index >= set.questions.len() {
        return Err(GradlabError::invalid(
            "question",
            format!(
                "expected a question number from 0 to {}, got {index}",
                set.questions.len() - 1
            ),
        ));
    }
    Ok(set.questions.swap_remove(index))
}

/// The verdict on an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checked {
    pub correct: bool,
    /// The number read from the answer (None: a choice, or text that is not a number — then
    /// `unreadable` is true and the answer is not judged wrong but asked again).
    pub given: Option<f64>,
    pub unreadable: bool,
    /// The exact answer: the number, or the index of the right choice.
    pub exact: f64,
    pub solution: Vec<Text>,
}

/// Judges `text` against a numeric question (a choice question is never right this way).
pub fn check_answer(question: &Question, text: &str) -> Checked {
    let given = parse_answer(text);
    let (correct, exact) = match &question.answer {
        Answer::Number { value, tolerance } => {
            (given.is_some_and(|g| tolerance.accepts(g, *value)), *value)
        }
        Answer::Choice { correct, .. } => (false, *correct as f64),
    };
    Checked {
        correct,
        given,
        unreadable: given.is_none(),
        exact,
        solution: question.solution.clone(),
    }
}

/// Judges the choice `index` (0-based) against a choice question.
pub fn check_choice(question: &Question, index: usize) -> Checked {
    let (correct, exact) = match &question.answer {
        Answer::Choice { correct, .. } => (index == *correct, *correct as f64),
        Answer::Number { value, .. } => (false, *value),
    };
    Checked {
        correct,
        given: None,
        unreadable: false,
        exact,
        solution: question.solution.clone(),
    }
}
