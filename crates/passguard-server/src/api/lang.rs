//! The language a request asks for with `Accept-Language`: what its answers are worded in,
//! and what an account remembers for its e-mails.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::{HeaderMap, header, request::Parts};
use passguard_i18n::Locale;

/// The language a request asks for with `Accept-Language`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lang {
    /// The best of English, German and French for the request; English when it names none.
    pub(crate) locale: Locale,
    /// Whether the request names one of them at all. Only then is the choice remembered for
    /// the account: a script sending no `Accept-Language` does not turn its e-mails English.
    pub(crate) named: bool,
}

impl Lang {
    /// The language to remember for the account, when the request names one.
    pub(crate) fn remembered(self) -> Option<Locale> {
        self.named.then_some(self.locale)
    }
}

/// The language `headers` ask for.
pub(crate) fn requested_locale(headers: &HeaderMap) -> Lang {
    let Some(header) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Lang {
            locale: Locale::En,
            named: false,
        };
    };
    let named = header.split(',').take(32).any(|item| {
        let mut parts = item.split(';');
        let supported = parts.next().and_then(Locale::from_tag).is_some();
        let refused = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .filter_map(|q| q.trim().parse::<f32>().ok())
            .any(|q| q <= 0.0);
        supported && !refused
    });
    Lang {
        locale: Locale::negotiate(header),
        named,
    }
}

/// The cookie that remembers the language chosen on a page, by the app's selector or the
/// server's own form pages; readable by the app, so both speak the reader's choice.
pub(crate) const LANG_COOKIE: &str = "passguard_lang";

/// The language of a page the server renders: the one chosen with `?lang=` (which the
/// answer then remembers in [`LANG_COOKIE`]), else the one remembered, else what
/// `Accept-Language` asks for. Whether to remember it comes second.
pub(crate) fn page_locale(query: Option<&str>, headers: &HeaderMap) -> (Lang, Option<Locale>) {
    let asked = query.and_then(|query| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == "lang")
            .and_then(|(_, tag)| Locale::from_tag(&tag))
    });
    let chosen = |locale| Lang {
        locale,
        named: true,
    };
    if let Some(locale) = asked {
        return (chosen(locale), Some(locale));
    }
    match super::extract::cookie(headers, LANG_COOKIE).and_then(Locale::from_tag) {
        Some(locale) => (chosen(locale), None),
        None => (requested_locale(headers), None),
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(requested_locale(&parts.headers))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_language_asked_for() {
        let lang = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_LANGUAGE, value.parse().unwrap());
            requested_locale(&headers)
        };
        let named = |locale| Lang {
            locale,
            named: true,
        };
        assert_eq!(lang("de-CH, en;q=0.5"), named(Locale::De));
        assert_eq!(lang("it, fr;q=0.3"), named(Locale::Fr));
        assert_eq!(lang("en-GB"), named(Locale::En));
        let none = Lang {
            locale: Locale::En,
            named: false,
        };
        assert_eq!(lang("it, es"), none);
        assert_eq!(lang("de;q=0"), none);
        assert_eq!(requested_locale(&HeaderMap::new()), none);
    }

    #[test]
    fn a_page_speaks_the_language_chosen_then_remembered_then_asked_for() {
        let headers = |pairs: &[(header::HeaderName, &str)]| {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.append(name, value.parse().unwrap());
            }
            map
        };
        let asked = headers(&[(header::ACCEPT_LANGUAGE, "fr")]);
        let both = headers(&[
            (header::ACCEPT_LANGUAGE, "fr"),
            (header::COOKIE, "passguard_session=x; passguard_lang=de"),
        ]);
        let locale = |query, headers| {
            let (lang, remember) = page_locale(query, headers);
            (lang.locale, lang.named, remember)
        };
        assert_eq!(locale(None, &asked), (Locale::Fr, true, None));
        assert_eq!(locale(None, &both), (Locale::De, true, None));
        assert_eq!(
            locale(Some("next=/account&lang=en"), &both),
            (Locale::En, true, Some(Locale::En))
        );
        // An unknown choice or remembered value is no choice.
        assert_eq!(locale(Some("lang=it"), &asked), (Locale::Fr, true, None));
        let odd = headers(&[(header::COOKIE, "passguard_lang=<x>")]);
        assert_eq!(locale(None, &odd), (Locale::En, false, None));
    }
}
