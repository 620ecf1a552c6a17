//! Query strings read strictly: each parameter known and given at most once.

use std::collections::HashMap;

use super::error::ApiError;
use crate::texts;

/// A query string's parameters, each at most once and each one of `allowed`.
pub(crate) fn query_params(
    query: Option<&str>,
    allowed: &[&str],
) -> Result<HashMap<String, String>, ApiError> {
    let mut params = HashMap::new();
    for (name, value) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        if !allowed.contains(&name.as_ref()) {
            return Err(
                ApiError::bad_request("invalid-request", texts::REQUEST_QUERY)
                    .arg("allowed", allowed.join(", ")),
            );
        }
        if params.insert(name.to_string(), value.to_string()).is_some() {
            return Err(invalid_value(&name));
        }
    }
    Ok(params)
}

/// 400 `invalid-request`: `name`'s value is not allowed.
pub(crate) fn invalid_value(name: &str) -> ApiError {
    ApiError::bad_request("invalid-request", texts::REQUEST_VALUE).arg("name", name.to_owned())
}

/// A page number from 1, or a count of rows from 1 to `max`.
pub(crate) fn number(
    params: &HashMap<String, String>,
    name: &str,
    default: u32,
    max: u32,
) -> Result<u32, ApiError> {
    match params.get(name) {
        None => Ok(default),
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=max).contains(n) && !text.starts_with('0'))
            .ok_or_else(|| invalid_value(name)),
    }
}
