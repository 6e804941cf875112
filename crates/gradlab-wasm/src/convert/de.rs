//! Step 2 of reading an argument: a `serde_json::Value` as a core type, through a serde
//! `Deserializer` of our own that knows where it is. An error raised anywhere below a key or an
//! index (a type error, a core error from a custom `Deserialize`, an unknown field) collects that
//! key or index as it travels back up, so the message can name its place:
//! `layers[1].weights[0][2]: invalid type: string "x", expected f64`.
//!
//! It reads values as serde_json's own `Value` deserializer does (numbers by their kind, `null`
//! as `None` or `()`, a struct from an object or an array, an enum from a string or a one-key
//! object, leftovers of an array or object an error) — and replaces it together with the
//! `serde_path_to_error` wrapper the adapter used before: that wrapper re-implemented every
//! visitor for every type it read, and was the largest single dependency of the wasm cores.

use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde_json::{Map, Number, Value};
use std::fmt;

/// One step of a path into an argument: an array index or an object key.
#[derive(Debug, PartialEq)]
pub enum Segment {
    Index(usize),
    Key(String),
}

/// A path as JS writes it: `layers[1].weights[0]`.
pub fn path_text<'a>(segments: impl IntoIterator<Item = &'a Segment>) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
            Segment::Key(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
        }
    }
    out
}

/// A deserialization error and where it happened.
#[derive(Debug)]
pub struct PathError {
    /// Innermost first: each level pushes its own key or index as the error passes through it.
    inside_out: Vec<Segment>,
    message: String,
}

impl PathError {
    fn at(mut self, segment: Segment) -> Self {
        self.inside_out.push(segment);
        self
    }

    /// The path from the argument's root (`layers[1].weights[0][2]`; empty at the root).
    pub fn path(&self) -> String {
        path_text(self.inside_out.iter().rev())
    }

    /// What went wrong there, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PathError {}

impl de::Error for PathError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        PathError {
            inside_out: Vec::new(),
            message: message.to_string(),
        }
    }

    // As serde_json words them: a JS `null` (or an omitted argument) is "null", not "unit value".
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!(
            "invalid type: {}, expected {expected}",
            Json(unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!(
            "invalid value: {}, expected {expected}",
            Json(unexpected)
        ))
    }
}

/// An unexpected value named as JSON names it.
struct Json<'a>(Unexpected<'a>);

impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            other => other.fmt(f),
        }
    }
}

type Result<T> = std::result::Result<T, PathError>;

/// Reads `value` as `T`.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T> {
    T::deserialize(ValueReader(value))
}

struct ValueReader(Value);

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn visit_number<'de, V: Visitor<'de>>(n: Number, visitor: V) -> Result<V::Value> {
    if let Some(u) = n.as_u64() {
        visitor.visit_u64(u)
    } else if let Some(i) = n.as_i64() {
        visitor.visit_i64(i)
    } else {
        visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn visit_array<'de, V: Visitor<'de>>(array: Vec<Value>, visitor: V) -> Result<V::Value> {
    let len = array.len();
    let mut seq = SeqReader {
        values: array.into_iter(),
        index: 0,
    };
    let out = visitor.visit_seq(&mut seq)?;
    if seq.values.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(object: Map<String, Value>, visitor: V) -> Result<V::Value> {
    let len = object.len();
    let mut map = MapReader {
        entries: object.into_iter(),
        pending: None,
    };
    let out = visitor.visit_map(&mut map)?;
    if map.entries.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in map"))
    }
}

impl<'de> de::Deserializer<'de> for ValueReader {
    type Error = PathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(a) => visit_array(a, visitor),
            Value::Object(o) => visit_object(o, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(ValueReader(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.0 {
            Value::String(variant) => visitor.visit_enum(variant.into_deserializer()),
            Value::Object(object) if object.len() == 1 => {
                let Some((variant, value)) = object.into_iter().next() else {
                    return Err(de::Error::custom("an enum needs one key"));
                };
                visitor.visit_enum(EnumReader { variant, value })
            }
            other => Err(de::Error::invalid_type(
                unexpected(&other),
                &"a string or an object with one key",
            )),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct SeqReader {
    values: std::vec::IntoIter<Value>,
    index: usize,
}

impl<'de> SeqAccess<'de> for SeqReader {
    type Error = PathError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let Some(value) = self.values.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ValueReader(value))
            .map(Some)
            .map_err(|e| e.at(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.values.len())
    }
}

struct MapReader {
    entries: serde_json::map::IntoIter,
    /// The entry whose key was read, waiting for its value to be.
    pending: Option<(String, Value)>,
}

impl<'de> MapAccess<'de> for MapReader {
    type Error = PathError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        // An unknown field is reported at its own name, like any other error below it.
        let read = seed.deserialize(StrDeserializer::<PathError>::new(&key));
        match read {
            Ok(read) => {
                self.pending = Some((key, value));
                Ok(Some(read))
            }
            Err(e) => Err(e.at(Segment::Key(key))),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let Some((key, value)) = self.pending.take() else {
            return Err(de::Error::custom("a value was asked for before its key"));
        };
        seed.deserialize(ValueReader(value))
            .map_err(|e| e.at(Segment::Key(key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct EnumReader {
    variant: String,
    value: Value,
}

impl<'de> EnumAccess<'de> for EnumReader {
    type Error = PathError;
    type Variant = VariantReader;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, VariantReader)> {
        let read = seed
            .deserialize(StrDeserializer::<PathError>::new(&self.variant))
            .map_err(|e| e.at(Segment::Key(self.variant.clone())))?;
        Ok((
            read,
            VariantReader {
                variant: self.variant,
                value: self.value,
            },
        ))
    }
}

struct VariantReader {
    variant: String,
    value: Value,
}

impl<'de> VariantAccess<'de> for VariantReader {
    type Error = PathError;

    fn unit_variant(self) -> Result<()> {
        match self.value {
            Value::Null => Ok(()),
            other => {
                let error: PathError = de::Error::invalid_type(unexpected(&other), &"unit variant");
                Err(error.at(Segment::Key(self.variant)))
            }
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(ValueReader(self.value))
            .map_err(|e| e.at(Segment::Key(self.variant)))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_seq(ValueReader(self.value), visitor)
            .map_err(|e| e.at(Segment::Key(self.variant)))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_map(ValueReader(self.value), visitor)
            .map_err(|e| e.at(Segment::Key(self.variant)))
    }
}
