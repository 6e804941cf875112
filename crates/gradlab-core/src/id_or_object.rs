//! serde support for the values the API accepts either as a bare id (`"he_normal"`, `"iris"`,
//! `"relu"`) or as an object with an `id` and parameters (`{"id":"constant","value":0.5}`):
//! one visitor for all of them, so each type only says what an id and what an object mean.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{self, MapAccess, Visitor};

/// A type written as a bare id or as an object.
pub(crate) trait IdOrObject: Sized {
    /// What the error says was expected (e.g. `an init id such as "he_normal" or …`).
    fn expecting(f: &mut fmt::Formatter) -> fmt::Result;
    /// The value named by a bare id.
    fn from_id<E: de::Error>(id: &str) -> Result<Self, E>;
    /// The value written as an object.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` for an [`IdOrObject`] type.
pub(crate) fn deserialize<'de, T: IdOrObject, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_any(IdOrObjectVisitor(PhantomData))
}

struct IdOrObjectVisitor<T>(PhantomData<T>);

impl<'de, T: IdOrObject> Visitor<'de> for IdOrObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        T::expecting(f)
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<T, E> {
        T::from_id(id)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
}
