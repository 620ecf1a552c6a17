//! Registration and reset links: which ones may still be redeemed, and the answers for
//! those that may not (404 `token-unknown`, 410 `token-used` or `token-expired`).

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::StatusCode;

use crate::error::ApiError;
use crate::state::AppState;
use crate::store::User;
use crate::texts;
use crate::tokens;

/// A token taken from the URL path.
pub(crate) struct LinkPath(pub(crate) String);

impl LinkPath {
    /// The token, or 404 `token-unknown` when the path segment is not even text.
    pub(crate) fn from(path: Result<Path<String>, PathRejection>) -> Result<Self, ApiError> {
        path.map(|Path(token)| Self(token)).map_err(|_| unknown())
    }
}

/// A link that may be redeemed now.
pub(crate) struct Redeemable {
    pub(crate) selector: String,
}

/// 404 `token-unknown`.
pub(crate) fn unknown() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "token-unknown", texts::TOKEN_UNKNOWN)
}

/// 410 `token-used`.
pub(crate) fn used() -> ApiError {
    ApiError::new(StatusCode::GONE, "token-used", texts::TOKEN_USED)
}

/// 410 `token-expired`.
pub(crate) fn expired() -> ApiError {
    ApiError::new(StatusCode::GONE, "token-expired", texts::TOKEN_EXPIRED)
}

/// The link `token` for `purpose` and its account, when it is known, unused and unexpired
/// (it lives until `expires_at` inclusive).
pub(crate) async fn redeemable(
    state: &AppState,
    token: &str,
    purpose: &str,
) -> Result<(Redeemable, User), ApiError> {
    let presented = tokens::parse(token).ok_or_else(unknown)?;
    let link = state
        .store()
        .link(&presented.selector)
        .await?
        .filter(|link| presented.matches(&link.verifier_hash) && link.purpose == purpose)
        .ok_or_else(unknown)?;
    if link.used_at.is_some() {
        return Err(used());
    }
    if state.clock().now() > link.expires_at {
        return Err(expired());
    }
    let user = state
        .store()
        .user_by_id(link.user_id)
        .await?
        .ok_or_else(unknown)?;
    Ok((
        Redeemable {
            selector: presented.selector,
        },
        user,
    ))
}
