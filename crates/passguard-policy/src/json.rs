//! Reading policies and overlays from JSON text, with the field at fault named on failure.
//!
//! serde_path_to_error names it by wrapping every deserialiser and visitor, which made it
//! 100 KB of the browser's wasm. Here the document is read as usual, and only when that fails
//! is the field found: the document's parts are grafted one at a time onto a complete, valid
//! policy, and the part that fails on its own is followed down to the leaf. That costs a few
//! readings of a small document, on the error path only, and no code per type.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::PolicyError;

/// Reads a `T` from JSON text: one document, nothing after it, no key twice in an object.
///
/// The text is read into a [`Value`] first and `T` from that, so each type's deserialiser is
/// compiled once, for `&Value`, whether reading or looking for the field at fault.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, PolicyError> {
    let Strict(document) = serde_json::from_str(text).map_err(|e| PolicyError::syntax(None, &e))?;
    T::deserialize(&document)
        .map_err(|error| PolicyError::syntax(field_at_fault::<T>(&document, &error), &error))
}

/// A JSON value read strictly: a key given twice in an object is refused (serde_json's own
/// `Value` keeps the last, where reading a struct from text refuses it).
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// One step of a path: a table's key or an array's index.
enum Step {
    Key(String),
    Index(usize),
}

/// The dotted path of the field that made reading `text` as a `T` fail with `error`, as
/// serde_path_to_error writes it (`password.character_groups.of[0]`); `None` when the fault
/// is the document as a whole (malformed JSON, a missing `name`, a duplicate field).
fn field_at_fault<T: DeserializeOwned>(
    document: &Value,
    error: &serde_json::Error,
) -> Option<String> {
    let Ok(Strict(base)) = serde_json::from_str(COMPLETE_POLICY) else {
        return None;
    };
    let wanted = error.to_string();
    let wanted = wanted.as_str();
    let mut path = Vec::new();
    let mut node = document;
    while let Some((step, child)) = failing_part::<T>(&base, &path, node, wanted) {
        path.push(step);
        node = child;
    }
    let mut field = String::new();
    for step in &path {
        match step {
            Step::Key(key) if field.is_empty() => field.push_str(key),
            Step::Key(key) => {
                field.push('.');
                field.push_str(key);
            }
            Step::Index(index) => field.push_str(&format!("[{index}]")),
        }
    }
    (!field.is_empty()).then_some(field)
}

/// The part of `node` (the document's value at `path`) that alone, grafted onto `base`, makes
/// reading fail: the one failing with the `wanted` message if any, else the first. `None` when
/// `node` has no parts, when none fails alone, or when `base` has nothing at `path` (an
/// unknown field is at fault itself, whatever it holds).
fn failing_part<'a, T: DeserializeOwned>(
    base: &Value,
    path: &[Step],
    node: &'a Value,
    wanted: &str,
) -> Option<(Step, &'a Value)> {
    lookup(base, path)?;
    let parts: Vec<(Step, &Value)> = match node {
        Value::Object(map) => map.iter().map(|(k, v)| (Step::Key(k.clone()), v)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (Step::Index(i), v))
            .collect(),
        _ => return None,
    };
    let mut first = None;
    for (step, child) in parts {
        let mut candidate = base.clone();
        let slot = lookup_mut(&mut candidate, path)?;
        match (&step, slot) {
            (Step::Key(key), Value::Object(map)) => {
                map.insert(key.clone(), child.clone());
            }
            // An array is tried one element at a time.
            (Step::Index(_), slot) => *slot = Value::Array(vec![child.clone()]),
            // The base holds no table here: the document's table is at fault as a whole.
            (Step::Key(_), _) => return None,
        }
        if let Err(error) = T::deserialize(&candidate) {
            if error.to_string() == wanted {
                return Some((step, child));
            }
            if first.is_none() {
                first = Some((step, child));
            }
        }
    }
    first
}

/// The value at `path`; an index step goes into the one element an array is tried with.
fn lookup<'a>(mut value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    for step in path {
        value = match step {
            Step::Key(key) => value.get(key)?,
            Step::Index(_) => value.get(0)?,
        };
    }
    Some(value)
}

fn lookup_mut<'a>(mut value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    for step in path {
        value = match step {
            Step::Key(key) => value.get_mut(key)?,
            Step::Index(_) => value.get_mut(0)?,
        };
    }
    Some(value)
}

/// A policy in which every field, optional ones included, is written: the parts of a
/// document are tried against it. Both a policy and an overlay read it, and it is the
/// `nist-800-63b` preset with `character_groups` added (tests check all three). Text rather
/// than a serialised `Policy`, so that the browser's wasm needs no serialiser for it.
const COMPLETE_POLICY: &str = concat!(
    r##"{"name":"nist-800-63b","password":{"min_length":15,"max_length":64,"##,
    r##""character_groups":{"required":1,"of":["upper"]},"##,
    r##""special_characters":"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~","other_characters":"allow","##,
    r##""blocklist":"common","breached":"off","forbid_personal_info":true,"min_strength":0,"##,
    r##""history":0,"min_age":"none","max_age":"none","expiry_notice":[],"##,
    r##""expired_grace":"none","check_at_login":false},"##,
    r##""lockout":{"max_failed_logins":100,"max_failed_security_answers":0,"unlock":"email","##,
    r##""notify":true},"reset":{"token_lifetime":"1d","security_questions":0,"##,
    r##""admin_reset_revokes":true}}"##,
);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::policy::{CharacterGroups, Group};
    use crate::{Policy, PolicyOverlay};

    #[test]
    fn the_complete_policy_reads_as_a_policy_and_as_an_overlay() {
        let mut policy = Policy::nist_defaults();
        policy.password.character_groups = Some(CharacterGroups {
            required: 1,
            of: vec![Group::Upper],
        });
        assert_eq!(serde_json::to_string(&policy).unwrap(), COMPLETE_POLICY);
        assert_eq!(from_json::<Policy>(COMPLETE_POLICY).unwrap(), policy);
        assert!(from_json::<PolicyOverlay>(COMPLETE_POLICY).is_ok());
    }

    fn check(text: &str, field: Option<&str>, contains: &str) {
        let error = Policy::from_json(text).unwrap_err();
        assert_eq!(error.field(), field, "{text}: {error}");
        assert!(error.to_string().contains(contains), "{text}: {error}");
    }

    #[test]
    fn the_field_at_fault_is_named() {
        check(r#"{"name": 5}"#, Some("name"), "invalid type");
        check(
            r#"{"name": "x", "colour": 1}"#,
            Some("colour"),
            "unknown field",
        );
        check(
            r#"{"name": "x", "passwords": {"min_length": 8}}"#,
            Some("passwords"),
            "unknown field",
        );
        check(
            r#"{"name": "x", "password": {"min_lenght": 8}}"#,
            Some("password.min_lenght"),
            "unknown field",
        );
        check(
            r#"{"name": "x", "password": {"history": 2, "min_length": -1}}"#,
            Some("password.min_length"),
            "invalid value",
        );
        check(
            r#"{"name": "x", "password": {"character_groups": {"required": 1, "of": ["upper", "symbol"]}}}"#,
            Some("password.character_groups.of[1]"),
            "unknown variant",
        );
        check(
            r#"{"name": "x", "password": {"character_groups": {"of": ["upper"]}}}"#,
            Some("password.character_groups"),
            "missing field `required`",
        );
        check(
            r#"{"name": "x", "lockout": {"unlock": "sometimes"}}"#,
            Some("lockout.unlock"),
            "admin",
        );
        check(r#"{"password": {}}"#, None, "missing field `name`");
        check(r#"{"name": "x", "name": "y"}"#, None, "duplicate field");
        check(r#"{"name": "x""#, None, "EOF");
        check(r#"{"name": "x"} x"#, None, "trailing");
    }

    #[test]
    fn of_two_faults_the_one_the_message_words_is_named() {
        // The message is one fault's (keys are read in sorted order); the field is the same.
        check(
            r#"{"name": "x", "reset": {"token_lifetime": 1}, "password": {"min_length": "8"}}"#,
            Some("password.min_length"),
            "invalid type: string",
        );
    }
}
