//! Usernames and e-mail addresses: what is stored, and the keys they are looked up by.

use super::Error;

/// The longest username.
pub(crate) const MAX_USERNAME_CHARS: usize = 64;
/// The longest e-mail address (RFC 5321's path limit).
pub(crate) const MAX_EMAIL_BYTES: usize = 254;

/// The key a username is looked up by: NFKC, trimmed, lower case.
pub(crate) fn username_key(username: &str) -> String {
    passguard_policy::normalize(username.trim()).to_lowercase()
}

/// The key an e-mail address is looked up by: trimmed, lower case.
pub(crate) fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A username as stored: NFKC, trimmed, 1 to 64 characters, no spaces, controls or `/`.
pub(crate) fn validate_username(username: &str) -> Result<String, Error> {
    let name = passguard_policy::normalize(username.trim()).into_owned();
    let count = name.chars().count();
    if count == 0
        || count > MAX_USERNAME_CHARS
        || name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '/')
    {
        return Err(Error::InvalidUsername {
            max: MAX_USERNAME_CHARS,
        });
    }
    Ok(name)
}

/// An e-mail address as stored: trimmed, at most 254 bytes, accepted by lettre's parser.
pub(crate) fn validate_email(email: &str) -> Result<String, Error> {
    let email = email.trim();
    if email.len() > MAX_EMAIL_BYTES || email.parse::<lettre::Address>().is_err() {
        return Err(Error::InvalidEmail);
    }
    Ok(email.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_addresses() {
        assert_eq!(username_key("  Ａda "), "ada");
        assert_eq!(email_key(" Ada@Example.COM "), "ada@example.com");
        assert!(validate_username("ada.lovelace").is_ok());
        assert!(validate_username("").is_err());
        assert!(validate_username("a b").is_err());
        assert!(validate_username("a/b").is_err());
        assert!(validate_username(&"a".repeat(65)).is_err());
        assert!(validate_email("ada@example.com").is_ok());
        assert!(validate_email("ada").is_err());
        assert!(validate_email("a@b@c").is_err());
    }
}
