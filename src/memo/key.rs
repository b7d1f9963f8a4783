//! Keys for the memos (`memo/mod.rs`): a 128-bit xxh3 hash of everything a value was made from.
//! The one way keys are made: every stage feeds its inputs to a [`KeyHasher`].
//!
//! [`KeyHasher`] takes texts, numbers, `Serialize` values, derived `Hash` values and `Debug`
//! dumps. `Serialize` values are fed in without making text of them: the memo hashes thousands
//! of page views per rebuild, and JSON's escaping and number formatting were most of that cost.
//!
//! The byte stream is prefix-free: every value starts with a tag, strings and byte strings carry
//! their length, sequences and maps end with an end tag, struct fields carry their names. So two
//! values give the same stream only when they serialise the same way, which is what the memo
//! relies on. Floats are hashed by their bits (`0.1 + 0.2` and `0.3` differ, as their output may).
//! Must not: read files or the clock; a key is a function of what is fed in, nothing else.

use std::hash::Hasher;

use serde::ser::{self, Serialize};
use xxhash_rust::xxh3::Xxh3;

/// A key: the hash of one output's complete input.
pub type Key = u128;

/// Builds a memo key from texts, numbers and `Serialize` values.
pub struct KeyHasher(Xxh3);

impl KeyHasher {
    pub fn new() -> Self {
        KeyHasher(Xxh3::new())
    }

    /// Adds a string with its length, so `("ab", "c")` and `("a", "bc")` differ.
    pub fn text(&mut self, s: &str) -> &mut Self {
        self.0.write_u64(s.len() as u64);
        self.0.write(s.as_bytes());
        self
    }

    pub fn number(&mut self, n: u128) -> &mut Self {
        self.0.write_u128(n);
        self
    }

    pub fn byte(&mut self, b: u8) -> &mut Self {
        self.0.write_u8(b);
        self
    }

    /// Raw bytes; the caller adds their length where it matters.
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.0.update(b);
        self
    }

    /// Adds `value` by its derived `Hash` impl: for values of this process's own types (a
    /// route's kind), cheaper than a `Debug` dump. Derived `Hash` writes an enum's variant
    /// before its fields and a string's end, so two values hash alike only when they are equal.
    pub fn hashed<T: std::hash::Hash + ?Sized>(&mut self, value: &T) -> &mut Self {
        value.hash(&mut self.0);
        self
    }

    /// Adds `value` by its `Serialize` impl (see the module docs).
    pub fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<&mut Self, Error> {
        hash(self, value)?;
        Ok(self)
    }

    pub fn finish(&self) -> Key {
        self.0.digest128()
    }
}

impl Default for KeyHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Write for KeyHasher {
    /// Lets `write!(hasher, "{value:?}")` hash a `Debug` dump without allocating it. For types
    /// with derived `Debug` that dump names every field and quotes every string.
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

/// Why hashing stopped; only a custom `Serialize` impl that fails produces it.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// Hashes `value` into `h`.
pub fn hash<T: Serialize + ?Sized>(h: &mut KeyHasher, value: &T) -> Result<(), Error> {
    value.serialize(Feed(h))
}

mod tag {
    pub const BOOL: u8 = 1;
    pub const INT: u8 = 2;
    pub const UINT: u8 = 3;
    pub const FLOAT: u8 = 4;
    pub const CHAR: u8 = 5;
    pub const STR: u8 = 6;
    pub const BYTES: u8 = 7;
    pub const NONE: u8 = 8;
    pub const SOME: u8 = 9;
    pub const UNIT: u8 = 10;
    pub const VARIANT: u8 = 11;
    pub const NEWTYPE: u8 = 12;
    pub const SEQ: u8 = 13;
    pub const MAP: u8 = 14;
    pub const STRUCT: u8 = 15;
    pub const END: u8 = 16;
}

struct Feed<'a>(&'a mut KeyHasher);

impl Feed<'_> {
    fn tag(&mut self, t: u8) {
        self.0.byte(t);
    }

    fn str(&mut self, s: &str) {
        self.0.text(s);
    }
}

impl<'a> ser::Serializer for Feed<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(mut self, v: bool) -> Result<(), Error> {
        self.tag(tag::BOOL);
        self.0.byte(u8::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(mut self, v: i64) -> Result<(), Error> {
        self.tag(tag::INT);
        self.0.number(v as u128);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(mut self, v: u64) -> Result<(), Error> {
        self.tag(tag::UINT);
        self.0.number(u128::from(v));
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(mut self, v: f64) -> Result<(), Error> {
        self.tag(tag::FLOAT);
        self.0.number(u128::from(v.to_bits()));
        Ok(())
    }
    fn serialize_char(mut self, v: char) -> Result<(), Error> {
        self.tag(tag::CHAR);
        self.0.number(u128::from(u32::from(v)));
        Ok(())
    }
    fn serialize_str(mut self, v: &str) -> Result<(), Error> {
        self.tag(tag::STR);
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(mut self, v: &[u8]) -> Result<(), Error> {
        self.tag(tag::BYTES);
        self.0.number(v.len() as u128);
        self.0.bytes(v);
        Ok(())
    }
    fn serialize_none(mut self) -> Result<(), Error> {
        self.tag(tag::NONE);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(mut self, value: &T) -> Result<(), Error> {
        self.tag(tag::SOME);
        value.serialize(self)
    }
    fn serialize_unit(mut self) -> Result<(), Error> {
        self.tag(tag::UNIT);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.tag(tag::VARIANT);
        self.str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.tag(tag::NEWTYPE);
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.tag(tag::VARIANT);
        self.str(variant);
        value.serialize(self)
    }
    fn serialize_seq(mut self, _len: Option<usize>) -> Result<Self, Error> {
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Error> {
        self.tag(tag::VARIANT);
        self.str(variant);
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_map(mut self, _len: Option<usize>) -> Result<Self, Error> {
        self.tag(tag::MAP);
        Ok(self)
    }
    fn serialize_struct(mut self, _name: &'static str, _len: usize) -> Result<Self, Error> {
        self.tag(tag::STRUCT);
        Ok(self)
    }
    fn serialize_struct_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Error> {
        self.tag(tag::VARIANT);
        self.str(variant);
        self.tag(tag::STRUCT);
        Ok(self)
    }
}

impl Feed<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Feed(&mut *self.0))
    }

    fn end(mut self) -> Result<(), Error> {
        self.tag(tag::END);
        Ok(())
    }
}

macro_rules! sequence_like {
    ($($trait:ident: $method:ident),*) => {$(
        impl ser::$trait for Feed<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                Feed::end(self)
            }
        }
    )*};
}

sequence_like!(
    SerializeSeq: serialize_element,
    SerializeTuple: serialize_element,
    SerializeTupleStruct: serialize_field,
    SerializeTupleVariant: serialize_field
);

impl ser::SerializeMap for Feed<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.element(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Feed::end(self)
    }
}

macro_rules! struct_like {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Feed<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.str(key);
                self.element(value)
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), Error> {
                // A skipped field differs from a field that is present.
                self.tag(tag::NONE);
                self.str(key);
                Ok(())
            }
            fn end(self) -> Result<(), Error> {
                Feed::end(self)
            }
        }
    )*};
}

struct_like!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn key<T: Serialize>(v: &T) -> u128 {
        let mut h = KeyHasher::new();
        hash(&mut h, v).unwrap();
        h.finish()
    }

    #[derive(Serialize)]
    struct Page<'a> {
        title: &'a str,
        weight: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<&'a str>,
        #[serde(flatten)]
        extra: std::collections::BTreeMap<&'a str, f64>,
    }

    #[test]
    fn equal_values_hash_equal_and_small_changes_differ() {
        let page = |title, weight, date, x| Page {
            title,
            weight,
            date,
            extra: [("x", x)].into_iter().collect(),
        };
        let a = key(&page("A", 1, None, 1.0));
        assert_eq!(a, key(&page("A", 1, None, 1.0)));
        assert_ne!(a, key(&page("B", 1, None, 1.0)));
        assert_ne!(a, key(&page("A", 2, None, 1.0)));
        assert_ne!(a, key(&page("A", 1, Some(""), 1.0)));
        assert_ne!(a, key(&page("A", 1, None, 1.000_000_1)));
    }

    #[test]
    fn structure_is_part_of_the_hash() {
        assert_ne!(key(&vec!["ab", "c"]), key(&vec!["a", "bc"]));
        assert_ne!(
            key(&(vec![1u8], vec![2u8])),
            key(&(vec![1u8, 2], Vec::<u8>::new()))
        );
        assert_ne!(key(&Some(())), key(&()));
        let json = |v: serde_json::Value| key(&v);
        assert_ne!(
            json(serde_json::json!({"a": [1]})),
            json(serde_json::json!({"a": 1}))
        );
        assert_ne!(json(serde_json::json!("1")), json(serde_json::json!(1)));
    }
}
