//! The catalogue's template language: `{name}` inserts a parameter, and
//! `{name, plural, one {…} other {…}}` chooses a branch by the plural category of a number
//! in the locale, `#` in the branch standing for the number. Nothing else, so that
//! translators cannot break a message in ways a test would miss.

use std::collections::BTreeSet;
use std::fmt;

use crate::Locale;

/// A value for a template parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg<'a> {
    /// A number: printed, and usable to choose a plural branch.
    Int(i64),
    /// Text, inserted as it is (never parsed as a template).
    Text(&'a str),
}

/// What is wrong with a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(String);

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TemplateError {}

/// One piece of a parsed template.
enum Piece<'t> {
    Literal(&'t str),
    Param(&'t str),
    Plural {
        name: &'t str,
        one: &'t str,
        other: &'t str,
    },
    /// `#` inside a plural branch.
    Number,
}

/// Splits a template into pieces.
fn parse(template: &str, in_branch: bool) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        let next = rest.find(|c| c == '{' || c == '}' || (in_branch && c == '#'));
        let Some(at) = next else {
            pieces.push(Piece::Literal(rest));
            break;
        };
        let (literal, tail) = rest.split_at(at);
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        if let Some(tail) = tail.strip_prefix('#') {
            pieces.push(Piece::Number);
            rest = tail;
            continue;
        }
        let Some(tail) = tail.strip_prefix('{') else {
            return Err(TemplateError(format!(
                "a `}}` without its `{{` in {template:?}"
            )));
        };
        let close = matching_brace(tail)
            .ok_or_else(|| TemplateError(format!("a `{{` without its `}}` in {template:?}")))?;
        let (inner, after) = tail.split_at(close);
        rest = after.get(1..).unwrap_or_default();
        pieces.push(placeholder(inner, template)?);
    }
    Ok(pieces)
}

/// The index of the `}` closing a `{` whose content starts `text`.
fn matching_brace(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(i),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn placeholder<'t>(inner: &'t str, template: &str) -> Result<Piece<'t>, TemplateError> {
    let fail = |why: &str| Err(TemplateError(format!("{why} in {template:?}")));
    let Some((name, selector)) = inner.split_once(',') else {
        let name = inner.trim();
        if !is_name(name) {
            return fail(&format!("{name:?} is not a parameter name"));
        }
        return Ok(Piece::Param(name));
    };
    let name = name.trim();
    let Some(branches) = selector.trim_start().strip_prefix("plural,") else {
        return fail("only `plural` selections are known");
    };
    if !is_name(name) {
        return fail(&format!("{name:?} is not a parameter name"));
    }
    let (mut one, mut other) = (None, None);
    let mut rest = branches.trim_start();
    while !rest.is_empty() {
        let Some(open) = rest.find('{') else {
            return fail("a plural branch without `{`");
        };
        let category = rest.get(..open).unwrap_or_default().trim();
        let body_and_more = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = matching_brace(body_and_more) else {
            return fail("a plural branch without `}`");
        };
        let body = body_and_more.get(..close).unwrap_or_default();
        match category {
            "one" => one = Some(body),
            "other" => other = Some(body),
            _ => return fail(&format!("unknown plural category {category:?}")),
        }
        rest = body_and_more
            .get(close + 1..)
            .unwrap_or_default()
            .trim_start();
    }
    match (one, other) {
        (Some(one), Some(other)) => Ok(Piece::Plural { name, one, other }),
        _ => fail("a plural needs both `one` and `other`"),
    }
}

fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
}

/// Renders `template` with `args`. Malformed templates (which the catalogue test forbids)
/// render as they are; missing parameters as `{name}`.
pub(crate) fn render(template: &str, locale: Locale, args: &[(&str, Arg<'_>)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    if render_into(&mut out, template, locale, args, None).is_err() {
        return template.to_owned();
    }
    out
}

fn render_into(
    out: &mut String,
    template: &str,
    locale: Locale,
    args: &[(&str, Arg<'_>)],
    number: Option<i64>,
) -> Result<(), TemplateError> {
    for piece in parse(template, number.is_some())? {
        match piece {
            Piece::Literal(text) => out.push_str(text),
            Piece::Number => out.push_str(&number.unwrap_or_default().to_string()),
            Piece::Param(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, Arg::Int(n))) => out.push_str(&n.to_string()),
                Some((_, Arg::Text(text))) => out.push_str(text),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
            Piece::Plural { name, one, other } => {
                let n = match args.iter().find(|(n, _)| *n == name) {
                    Some((_, Arg::Int(n))) => *n,
                    _ => 0,
                };
                let branch = if locale.is_one(n) { one } else { other };
                render_into(out, branch, locale, args, Some(n))?;
            }
        }
    }
    Ok(())
}

/// The parameter names a template uses, or why it is malformed.
///
/// # Errors
/// When the template's braces, names or plural branches are malformed.
pub fn placeholders(template: &str) -> Result<BTreeSet<String>, TemplateError> {
    let mut names = BTreeSet::new();
    collect(template, false, &mut names)?;
    Ok(names)
}

fn collect(
    template: &str,
    in_branch: bool,
    names: &mut BTreeSet<String>,
) -> Result<(), TemplateError> {
    for piece in parse(template, in_branch)? {
        match piece {
            Piece::Param(name) => {
                names.insert(name.to_owned());
            }
            Piece::Plural { name, one, other } => {
                names.insert(name.to_owned());
                collect(one, true, names)?;
                collect(other, true, names)?;
            }
            Piece::Literal(_) | Piece::Number => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn renders_parameters_and_plurals() {
        let t = "{n, plural, one {# day} other {# days}} for {who}";
        assert_eq!(
            render(
                t,
                Locale::En,
                &[("n", Arg::Int(1)), ("who", Arg::Text("Ada"))]
            ),
            "1 day for Ada"
        );
        assert_eq!(
            render(
                t,
                Locale::En,
                &[("n", Arg::Int(0)), ("who", Arg::Text("{x}"))]
            ),
            "0 days for {x}"
        );
        assert_eq!(
            render(
                t,
                Locale::Fr,
                &[("n", Arg::Int(0)), ("who", Arg::Text("x"))]
            ),
            "0 day for x"
        );
        assert_eq!(render("{missing}", Locale::En, &[]), "{missing}");
        assert_eq!(
            placeholders(t).map(|p| p.into_iter().collect::<Vec<_>>()),
            Ok(vec!["n".to_owned(), "who".to_owned()])
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn refuses_malformed_templates() {
        for bad in [
            "{",
            "}",
            "{n, select, a {x}}",
            "{n, plural, one {x}}",
            "{N}",
            "{n, plural, few {x} other {y}}",
            "a # b {n",
        ] {
            assert!(
                placeholders(bad).is_err() || bad == "a # b {n" && placeholders(bad).is_err(),
                "{bad:?}"
            );
        }
        assert!(
            placeholders("a # b").is_ok(),
            "# is literal outside a plural"
        );
    }
}
