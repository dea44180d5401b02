//! Fluent bundles, locale negotiation and rendering.
//!
//! The `.ftl` files under `locales/<lang>/` are embedded at build time (see `build.rs`); the same files are served
//! to clients under `/l10n/`. Every locale falls back to `en`, the source language.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use crate::protocol::{ArgValue, Args, ErrorBody, Refusal};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use embedded::WEB_FILES;

/// The source language every other falls back to.
pub const DEFAULT_LOCALE: &str = "en";

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locales/{lang}/{file} does not parse: {errors}")]
    Parse {
        lang: String,
        file: String,
        errors: String,
    },
    #[error("locales/{0} is not a valid language tag")]
    BadTag(String),
    #[error("no locales/{DEFAULT_LOCALE} found; the build embeds nothing")]
    NoSource,
}

/// Every shipped language's bundle.
pub struct I18n {
    /// Sorted by tag; `locales[i]` belongs to `bundles[i]`.
    locales: Vec<LanguageIdentifier>,
    tags: Vec<String>,
    bundles: Vec<FluentBundle<FluentResource>>,
    default: usize,
}

/// A negotiated locale: the chain of bundles to try, best first, always ending in `en`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    chain: Vec<usize>,
    tag: String,
}

impl Locale {
    /// The negotiated language tag (the first of the chain).
    pub fn tag(&self) -> &str {
        &self.tag
    }
}

impl I18n {
    /// Loads the embedded Fluent files. Fails when one does not parse: a broken translation is a build defect.
    pub fn embedded() -> Result<I18n, I18nError> {
        let mut by_lang: Vec<(String, Vec<(&str, &str)>)> = Vec::new();
        for (lang, file, source) in embedded::LOCALE_FILES {
            match by_lang.iter_mut().find(|(l, _)| l == lang) {
                Some((_, files)) => files.push((file, source)),
                None => by_lang.push(((*lang).to_owned(), vec![(file, source)])),
            }
        }
        by_lang.sort_by(|a, b| a.0.cmp(&b.0));
        let mut locales = Vec::new();
        let mut tags = Vec::new();
        let mut bundles = Vec::new();
        for (lang, files) in by_lang {
            let id: LanguageIdentifier =
                lang.parse().map_err(|_| I18nError::BadTag(lang.clone()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
            // Server-rendered text is plain text in JSON; isolation marks would show up as stray characters.
            bundle.set_use_isolating(false);
            for (file, source) in files {
                let resource =
                    FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
                        I18nError::Parse {
                            lang: lang.clone(),
                            file: file.to_owned(),
                            errors: format!("{errors:?}"),
                        }
                    })?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| I18nError::Parse {
                        lang: lang.clone(),
                        file: file.to_owned(),
                        errors: format!("{errors:?}"),
                    })?;
            }
            locales.push(id);
            tags.push(lang);
            bundles.push(bundle);
        }
        let default = tags
            .iter()
            .position(|t| t == DEFAULT_LOCALE)
            .ok_or(I18nError::NoSource)?;
        Ok(I18n {
            locales,
            tags,
            bundles,
            default,
        })
    }

    /// The shipped language tags.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// An embedded `.ftl` file, for `/l10n/<lang>/<file>`.
    pub fn file(lang: &str, file: &str) -> Option<&'static str> {
        embedded::LOCALE_FILES
            .iter()
            .find(|(l, f, _)| *l == lang && *f == file)
            .map(|(_, _, source)| *source)
    }

    /// The `.ftl` file names of a language.
    pub fn files(lang: &str) -> Vec<&'static str> {
        embedded::LOCALE_FILES
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .map(|(_, f, _)| *f)
            .collect()
    }

    /// Negotiates a locale from preferences, best first: the person's setting, then `Accept-Language`.
    pub fn negotiate<'a>(&self, preferences: impl IntoIterator<Item = &'a str>) -> Locale {
        let requested: Vec<LanguageIdentifier> = preferences
            .into_iter()
            .filter_map(|p| p.parse().ok())
            .collect();
        let default = &self.locales[self.default];
        let supported = negotiate_languages(
            &requested,
            &self.locales,
            Some(default),
            NegotiationStrategy::Filtering,
        );
        let mut chain: Vec<usize> = supported
            .iter()
            .filter_map(|id| self.locales.iter().position(|l| l == *id))
            .collect();
        if !chain.contains(&self.default) {
            chain.push(self.default);
        }
        let tag = self.tags[chain[0]].clone();
        Locale { chain, tag }
    }

    /// The locale for an `Accept-Language` header value.
    pub fn negotiate_header(&self, accept_language: Option<&str>, setting: Option<&str>) -> Locale {
        let accepted = accept_language
            .map(fluent_langneg::parse_accepted_languages)
            .unwrap_or_default();
        let accepted: Vec<String> = accepted.iter().map(ToString::to_string).collect();
        self.negotiate(
            setting
                .into_iter()
                .chain(accepted.iter().map(String::as_str)),
        )
    }

    /// Whether a locale tag is shipped.
    pub fn is_shipped(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// Renders a message in the first language of the chain that has it. A missing id renders as the id itself,
    /// so that a gap in a translation is visible without failing the request.
    pub fn render(&self, locale: &Locale, id: &str, args: &Args) -> String {
        let fluent_args = to_fluent_args(args);
        for &index in &locale.chain {
            let bundle = &self.bundles[index];
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                if errors.is_empty() {
                    return text.into_owned();
                }
                tracing::warn!(id, locale = %self.tags[index], ?errors, "fluent formatting errors");
                return text.into_owned();
            }
        }
        tracing::warn!(id, "fluent message missing in every locale of the chain");
        id.to_owned()
    }

    /// Whether a locale has a message (for the locale completeness test).
    pub fn has_message(&self, tag: &str, id: &str) -> bool {
        self.tags
            .iter()
            .position(|t| t == tag)
            .is_some_and(|i| self.bundles[i].has_message(id))
    }
}

impl I18n {
    /// An error as its reader receives it: code, Fluent id, arguments, and the text in their language.
    pub fn error_body(
        &self,
        locale: &Locale,
        reference: Option<String>,
        refusal: Refusal,
    ) -> ErrorBody {
        metrics::counter!("engawa_errors_total", "code" => refusal.code.as_str()).increment(1);
        let id = refusal.code.fluent_id();
        let text = self.render(locale, &id, &refusal.args);
        ErrorBody {
            reference,
            code: refusal.code,
            id,
            args: refusal.args,
            text,
        }
    }
}

fn to_fluent_args(args: &Args) -> FluentArgs<'_> {
    let mut out = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            ArgValue::Number(n) => FluentValue::from(*n),
            ArgValue::Text(s) => FluentValue::from(s.as_str()),
        };
        out.set(name.as_str(), value);
    }
    out
}

/// Builds [`Args`] from pairs.
pub fn args<const N: usize>(pairs: [(&str, ArgValue); N]) -> Args {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::ErrorCode;

    fn i18n() -> I18n {
        I18n::embedded().expect("the shipped locales parse")
    }

    #[test]
    fn negotiation_prefers_setting_then_header_then_english() {
        let i = i18n();
        assert_eq!(
            i.negotiate_header(Some("ja,en;q=0.5"), Some("ne")).tag(),
            "ne"
        );
        assert_eq!(i.negotiate_header(Some("vi-VN,vi;q=0.9"), None).tag(), "vi");
        assert_eq!(i.negotiate_header(Some("de-DE"), None).tag(), "en");
        assert_eq!(i.negotiate_header(None, Some("xx")).tag(), "en");
        assert_eq!(i.negotiate_header(Some("ru-RU"), None).tag(), "ru");
    }

    #[test]
    fn every_error_code_has_a_message_in_every_locale() {
        let i = i18n();
        assert!(
            i.tags().len() >= 7,
            "seven shipped languages, found {:?}",
            i.tags()
        );
        for tag in i.tags() {
            for code in ErrorCode::ALL {
                assert!(
                    i.has_message(tag, &code.fluent_id()),
                    "{tag} lacks {}",
                    code.fluent_id()
                );
            }
        }
    }

    fn unread(i: &I18n, tag: &str, count: i64) -> String {
        i.render(
            &i.negotiate([tag]),
            "notice-unread",
            &args([("count", count.into())]),
        )
    }

    #[test]
    fn russian_and_ukrainian_plurals() {
        let i = i18n();
        let ru: Vec<String> = [1, 2, 5, 21].iter().map(|n| unread(&i, "ru", *n)).collect();
        assert!(ru[0].contains("1 непрочитанное сообщение"), "{ru:?}");
        assert!(ru[1].contains("2 непрочитанных сообщения"), "{ru:?}");
        assert!(ru[2].contains("5 непрочитанных сообщений"), "{ru:?}");
        assert!(ru[3].contains("21 непрочитанное сообщение"), "{ru:?}");
        let uk: Vec<String> = [1, 2, 5, 21].iter().map(|n| unread(&i, "uk", *n)).collect();
        assert!(uk[0].contains("1 непрочитане повідомлення"), "{uk:?}");
        assert!(uk[1].contains("2 непрочитані повідомлення"), "{uk:?}");
        assert!(uk[2].contains("5 непрочитаних повідомлень"), "{uk:?}");
        assert!(uk[3].contains("21 непрочитане повідомлення"), "{uk:?}");
    }

    #[test]
    fn japanese_has_one_form_for_every_count() {
        let i = i18n();
        for n in [1, 2, 5, 21] {
            let text = unread(&i, "ja", n);
            assert!(text.contains(&n.to_string()), "{text}");
            assert!(!text.is_ascii(), "rendered in Japanese: {text}");
        }
        assert_ne!(unread(&i, "ja", 0), unread(&i, "ja", 1));
    }

    #[test]
    fn missing_translation_falls_back_to_english() {
        let i = i18n();
        let en = i.negotiate(["en"]);
        let text = i.render(&en, "error-body-too-long", &args([("max", 4000.into())]));
        assert_eq!(text, "A message can be at most 4000 characters long.");
    }
}
