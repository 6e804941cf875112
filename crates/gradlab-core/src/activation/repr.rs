//! The JSON form of [`Activation`]: read from a string id or an `{id, alpha?, beta?}` object,
//! written as the object. A hand-written visitor (instead of `#[serde(untagged)]`) keeps the
//! error messages specific: an unknown id lists every id, an unknown parameter names itself.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess};
use serde::{Deserialize, Deserializer, Serialize};

use super::Activation;
use super::params::unknown_param;
use crate::error::GradlabError;
use crate::id_or_object::IdOrObject;

/// What the JSON holds, before the id and parameters are checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivationRepr {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    alpha: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    beta: Option<f64>,
    /// Keys other than id/alpha/beta (errors, reported after the id is known).
    #[serde(skip)]
    unknown: Vec<String>,
    /// Whether the JSON was a bare string (only changes the field an error names).
    #[serde(skip)]
    bare: bool,
}

impl From<Activation> for ActivationRepr {
    fn from(a: Activation) -> Self {
        let mut repr = ActivationRepr {
            id: a.id().to_string(),
            alpha: None,
            beta: None,
            unknown: Vec::new(),
            bare: false,
        };
        for (name, value) in a.params() {
            match name {
                "alpha" => repr.alpha = Some(value),
                _ => repr.beta = Some(value),
            }
        }
        repr
    }
}

impl TryFrom<ActivationRepr> for Activation {
    type Error = GradlabError;

    fn try_from(repr: ActivationRepr) -> Result<Self, GradlabError> {
        let field = if repr.bare { "activation" } else { "id" };
        let mut activation =
            Activation::from_id(&repr.id).ok_or_else(|| super::unknown_id(field, &repr.id))?;
        if let Some(name) = repr.unknown.first() {
            return Err(unknown_param(&activation, name));
        }
        if let Some(alpha) = repr.alpha {
            activation = activation.with_param("alpha", alpha)?;
        }
        if let Some(beta) = repr.beta {
            activation = activation.with_param("beta", beta)?;
        }
        Ok(activation)
    }
}

impl<'de> Deserialize<'de> for ActivationRepr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::id_or_object::deserialize(deserializer)
    }
}

impl IdOrObject for ActivationRepr {
    fn expecting(f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "an activation id (one of {}) or an object {{\"id\": ..., \"alpha\"?: number, \"beta\"?: number}}",
            Activation::ALL_IDS.join(", ")
        )
    }

    fn from_id<E: de::Error>(id: &str) -> Result<Self, E> {
        Ok(ActivationRepr {
            id: id.to_string(),
            alpha: None,
            beta: None,
            unknown: Vec::new(),
            bare: true,
        })
    }

    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut id: Option<String> = None;
        let mut alpha: Option<Option<f64>> = None;
        let mut beta: Option<Option<f64>> = None;
        let mut unknown = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" if id.is_some() => return Err(de::Error::duplicate_field("id")),
                "id" => id = Some(map.next_value()?),
                // `negative_slope` is PyTorch's (and the golden files') name for leaky_relu's α.
                "alpha" | "negative_slope" if alpha.is_some() => {
                    return Err(de::Error::duplicate_field("alpha"));
                }
                "alpha" | "negative_slope" => alpha = Some(map.next_value()?),
                "beta" if beta.is_some() => return Err(de::Error::duplicate_field("beta")),
                "beta" => beta = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    unknown.push(key);
                }
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        Ok(ActivationRepr {
            id,
            alpha: alpha.flatten(),
            beta: beta.flatten(),
            unknown,
            bare: false,
        })
    }
}
