//! The init catalogue the page lists: every init with the parameter it takes, its default and
//! the range the UI offers (as `Activation::catalog` does for activations).

use serde::Serialize;

use super::Init;
use crate::activation::ParamInfo;

/// An entry of [`Init::catalog`]: the id and the parameters it takes (none, or one).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InitInfo {
    pub id: &'static str,
    pub params: Vec<ParamInfo>,
}

impl Init {
    /// The parameter an init takes, with the default and the range the UI offers (the core
    /// itself accepts any finite `value` and any finite `a`, `std` ≥ 0). `None` for the
    /// parameterless inits.
    ///
    /// ```
    /// use gradlab_core::init::Init;
    /// assert_eq!(Init::param_info("normal").unwrap().name, "std");
    /// assert!(Init::param_info("he_normal").is_none());
    /// ```
    pub fn param_info(id: &str) -> Option<ParamInfo> {
        let (name, min) = match id {
            "constant" => ("value", -2.0),
            "uniform" => ("a", 0.0),
            "normal" => ("std", 0.0),
            _ => return None,
        };
        Some(ParamInfo {
            name,
            default: 0.5,
            min,
            max: if id == "constant" { 2.0 } else { 5.0 },
        })
    }

    /// Every init with its parameter (if any), in menu order: what the page lists.
    pub fn catalog() -> Vec<InitInfo> {
        Self::ALL_IDS
            .iter()
            .map(|&id| InitInfo {
                id,
                params: Self::param_info(id).into_iter().collect(),
            })
            .collect()
    }
}
