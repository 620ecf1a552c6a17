//! The locales passguard speaks, and choosing one from a tag or an `Accept-Language` header.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language passguard's catalogue is complete in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
}

impl Locale {
    /// Every locale, English first.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::De, Locale::Fr];

    /// The BCP 47 language tag: `en`, `de` or `fr`.
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
        }
    }

    /// The language's name in itself, for a language selector.
    #[must_use]
    pub const fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
        }
    }

    /// The locale of a language tag such as `de`, `de-CH` or `FR_ca`; `None` for any other
    /// language.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let language = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|locale| locale.tag() == language)
    }

    /// The best locale for an HTTP `Accept-Language` header: the supported language with
    /// the highest quality, earlier entries winning ties; English when none is supported.
    ///
    /// # Examples
    /// ```
    /// use passguard_i18n::Locale;
    /// assert_eq!(Locale::negotiate("de-DE,de;q=0.9,en;q=0.8"), Locale::De);
    /// assert_eq!(Locale::negotiate("it, fr;q=0.5"), Locale::Fr);
    /// assert_eq!(Locale::negotiate("*"), Locale::En);
    /// ```
    #[must_use]
    pub fn negotiate(header: &str) -> Self {
        let mut best: Option<(u16, Locale)> = None;
        for item in header.split(',').take(32) {
            let mut parts = item.split(';');
            let Some(locale) = parts.next().and_then(Self::from_tag) else {
                continue;
            };
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .map_or(1000, |q| (q.clamp(0.0, 1.0) * 1000.0) as u16);
            if quality > 0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, locale));
            }
        }
        best.map_or(Locale::En, |(_, locale)| locale)
    }

    /// The plural category of `n`: `true` for "one".
    pub(crate) fn is_one(self, n: i64) -> bool {
        match self {
            // French counts 0 and 1 as singular.
            Locale::Fr => n == 0 || n == 1,
            Locale::En | Locale::De => n == 1,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Self::from_tag(&tag).ok_or_else(|| {
            serde::de::Error::custom(format!("unknown locale {tag:?}: expected en, de or fr"))
        })
    }
}
