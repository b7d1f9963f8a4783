//! The keys a raw struct of `raw.rs` accepts, learnt from the struct itself.
//!
//! [`Walk`] is a deserializer with no input: serde's derive hands `deserialize_struct` each
//! struct's field names, and the walk feeds every field a made-up value of the kind it asks for,
//! so nested groups and list items are walked too. Leaving one key out shows whether it is
//! required (serde then reports a missing field). It must not know any key itself.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};

/// How serde-saphyr's `Spanned<T>` asks for its value: a newtype of this name, answered with a
/// map that starts with the marker key. Should serde-saphyr change them, `Spanned` refuses the
/// map and every test here fails loudly rather than passing on a partial walk.
const SPANNED_NEWTYPE: &str = "__yaml_spanned";
const SPANNED_MARKER: &str = "__serde_saphyr_private_spanned";

#[derive(Debug)]
struct WalkError(String);

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WalkError {}

impl de::Error for WalkError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        WalkError(message.to_string())
    }
}

/// A deserializer with no input: it records the keys of every struct it is asked for, under
/// their dotted path (`results.as_of`; a list's items share the list's path).
struct Walk<'a> {
    keys: &'a RefCell<BTreeSet<String>>,
    path: String,
    /// A key left out, to learn whether it is required.
    omit: Option<&'a str>,
    /// Asked for by `Spanned<T>`, which wants its value and positions as a map.
    spanned: bool,
}

impl<'a> Walk<'a> {
    fn at(&self, path: String) -> Walk<'a> {
        Walk {
            keys: self.keys,
            path,
            omit: self.omit,
            spanned: false,
        }
    }
}

pub(super) fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

impl<'de> de::Deserializer<'de> for Walk<'_> {
    type Error = WalkError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WalkError> {
        if self.spanned {
            let value = self.at(self.path.clone());
            return visitor.visit_map(SpannedMap {
                value: Some(value),
                step: 0,
            });
        }
        // Free-form values (text or a number; a scope's total or categories): a number fits.
        visitor.visit_i64(2020)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WalkError> {
        visitor.visit_bool(true)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WalkError> {
        visitor.visit_i64(2020)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WalkError> {
        visitor.visit_f64(1.0)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WalkError> {
        visitor.visit_str("x")
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WalkError> {
        visitor.visit_str("x")
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WalkError> {
        visitor.visit_some(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WalkError> {
        visitor.visit_seq(OneItem(Some(self)))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, WalkError> {
        let spanned = name == SPANNED_NEWTYPE;
        visitor.visit_newtype_struct(Walk { spanned, ..self })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, WalkError> {
        let mut given = Vec::new();
        for field in fields {
            let path = join(&self.path, field);
            if self.omit != Some(path.as_str()) {
                given.push(*field);
            }
            self.keys.borrow_mut().insert(path);
        }
        visitor.visit_map(Fields {
            walk: self,
            fields: given,
            next: 0,
        })
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit unit_struct tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// A struct's keys, each with a made-up value.
struct Fields<'a> {
    walk: Walk<'a>,
    fields: Vec<&'static str>,
    next: usize,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = WalkError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, WalkError> {
        let Some(field) = self.fields.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(IntoDeserializer::<WalkError>::into_deserializer(*field))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, WalkError> {
        let field = self.fields[self.next];
        self.next += 1;
        seed.deserialize(self.walk.at(join(&self.walk.path, field)))
    }
}

/// What `Spanned<T>` reads: the marker, the value, and two positions.
struct SpannedMap<'a> {
    value: Option<Walk<'a>>,
    step: usize,
}

impl<'de> MapAccess<'de> for SpannedMap<'_> {
    type Error = WalkError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, WalkError> {
        let key = match self.step {
            0 => SPANNED_MARKER,
            1 => "value",
            2 => "referenced",
            3 => "defined",
            _ => return Ok(None),
        };
        seed.deserialize(IntoDeserializer::<WalkError>::into_deserializer(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, WalkError> {
        self.step += 1;
        match self.step {
            1 => seed.deserialize(IntoDeserializer::<WalkError>::into_deserializer(())),
            2 => seed.deserialize(self.value.take().expect("the value is asked for once")),
            _ => seed.deserialize(de::value::MapDeserializer::<_, WalkError>::new(
                [("line", 1u32), ("column", 1u32)].into_iter(),
            )),
        }
    }
}

/// A list with one item.
struct OneItem<'a>(Option<Walk<'a>>);

impl<'de> de::SeqAccess<'de> for OneItem<'_> {
    type Error = WalkError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, WalkError> {
        self.0.take().map(|walk| seed.deserialize(walk)).transpose()
    }
}

/// Every key `T` accepts, by dotted path, with `omit` left out.
fn walk<T: DeserializeOwned>(omit: Option<&str>) -> Result<BTreeSet<String>, WalkError> {
    let keys = RefCell::new(BTreeSet::new());
    T::deserialize(Walk {
        keys: &keys,
        path: String::new(),
        omit,
        spanned: false,
    })?;
    Ok(keys.into_inner())
}

/// Each key `T` accepts and whether it is required (within its group).
pub(super) fn loader_keys<T: DeserializeOwned>() -> BTreeMap<String, bool> {
    let keys = walk::<T>(None).expect("the loader's structs take made-up values");
    keys.iter()
        .map(|key| {
            let required = match walk::<T>(Some(key)) {
                Ok(_) => false,
                Err(e) if e.0.starts_with("missing field") => true,
                Err(e) => panic!("leaving out `{key}`: {e}"),
            };
            (key.clone(), required)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_finds_nested_spanned_optional_and_listed_keys() {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Outer {
            a: crate::load::S<i64>,
            inner: Option<crate::load::S<Inner>>,
            #[serde(default)]
            list: Vec<Inner>,
            text: String,
        }
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Inner {
            b: bool,
            c: Option<f64>,
        }
        let keys = loader_keys::<Outer>();
        let expected = [
            ("a", true),
            ("inner", false),
            ("inner.b", true),
            ("inner.c", false),
            ("list", false),
            ("list.b", true),
            ("list.c", false),
            ("text", true),
        ];
        let expected: BTreeMap<String, bool> =
            expected.iter().map(|(k, r)| (k.to_string(), *r)).collect();
        assert_eq!(keys, expected);
    }
}
