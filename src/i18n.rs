/*!
Every text a person reads, in English or Japanese, from the Fluent catalogues: the
`.ftl` files under `locales/<lang>/`, compiled into the binary. Neutral ground like
[`crate::text`]: it imports nothing from the crate.

Messages are looked up by id with named arguments (the `t!` macro); plurals and
other variants are the catalogue's business (`{ $n -> [one] … *[other] … }`), never
assembled from English fragments in code. A message missing from the Japanese
catalogue falls back to English (a test keeps both catalogues equal).

The language is chosen once per run ([`set`], by the command line: `--lang`, else
`LC_ALL`, `LC_MESSAGES`, `LANG`); until then, and in library use, it is English.
Arguments are formatted as they are given: values from inputs stay untranslated and
are escaped by the renderers like every other text.
*/

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use fluent_bundle::FluentArgs as Args;
pub use fluent_bundle::FluentValue as Value;

/// A language topocert speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    /// The language a POSIX locale value names (`ja_JP.UTF-8` → Japanese); `None`
    /// for an empty value, `C`/`POSIX` and every other language (English).
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        if v.len() >= 2 && v[..2].eq_ignore_ascii_case("ja") {
            Some(Lang::Ja)
        } else {
            Some(Lang::En)
        }
    }

    /// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// that is set and not empty (`ja*` → Japanese), else English.
    pub fn from_env_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| get(k).and_then(|v| Lang::from_locale(&v)))
            .unwrap_or(Lang::En)
    }
}

/// The catalogue files, per language, in a fixed order.
macro_rules! catalogue {
    ($lang:literal: $($file:literal),+) => {
        &[$((concat!($lang, "/", $file, ".ftl"),
             include_str!(concat!("../locales/", $lang, "/", $file, ".ftl")))),+]
    };
}
const EN: &[(&str, &str)] =
    catalogue!("en": "core", "rules", "explain", "report", "plan", "errors", "cli");
const JA: &[(&str, &str)] =
    catalogue!("ja": "core", "rules", "explain", "report", "plan", "errors", "cli");

/// The catalogue sources of a language: (file name, text), for tests and tools.
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => EN,
        Lang::Ja => JA,
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of the run (the binary calls it once, before any output).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language of the run.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Ja,
        _ => Lang::En,
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let tag = match lang {
            Lang::En => "en-US",
            Lang::Ja => "ja-JP",
        };
        let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // Arguments are shown as they are: no U+2068/U+2069 isolation marks (they
        // would be escaped as hazards by the renderers).
        b.set_use_isolating(false);
        for (_, text) in sources(lang) {
            // A syntax error keeps the entries that did parse; tests/i18n.rs fails on it.
            let res = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
            // A duplicate id keeps the first; tests/i18n.rs fails on it too.
            let _ = b.add_resource(res);
        }
        b
    })
}

/// Message `id` (or `id.attr`) in `lang`, English when the language lacks it, the
/// id itself when no catalogue has it (tests/i18n.rs keeps that from happening).
pub fn message_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    format(lang, id, args)
        .or_else(|| format(Lang::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// Message `id` in the language of the run.
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    message_in(current(), id, args)
}

/// Whether `lang`'s catalogue (or the English one it falls back to) has message `id`
/// (or `id.attr`), without formatting it.
pub fn exists(lang: Lang, id: &str) -> bool {
    let (msg, attr) = split(id);
    [lang, Lang::En].iter().any(|l| {
        bundle(*l).get_message(msg).is_some_and(|m| match attr {
            Some(a) => m.get_attribute(a).is_some(),
            None => m.value().is_some(),
        })
    })
}

fn split(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    }
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let b = bundle(lang);
    let (msg, attr) = split(id);
    let m = b.get_message(msg)?;
    let pattern = match attr {
        Some(a) => m.get_attribute(a)?.value(),
        None => m.value()?,
    };
    let mut errors = Vec::new();
    Some(b.format_pattern(pattern, args, &mut errors).into_owned())
}

/// An operating-system error as people read it: in English the system's own words
/// (`No such file or directory (os error 2)`); in another language the catalogue's
/// words for the common kinds, with the same error number, else the system's words.
pub fn os_error(e: &std::io::Error) -> String {
    os_error_in(current(), e)
}

/// [`os_error`] in a given language.
pub fn os_error_in(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return e.to_string();
    }
    let id = match e.kind() {
        K::NotFound => "core-os-not-found",
        K::PermissionDenied => "core-os-permission-denied",
        K::IsADirectory => "core-os-is-a-directory",
        K::NotADirectory => "core-os-not-a-directory",
        K::AlreadyExists => "core-os-already-exists",
        K::StorageFull => "core-os-storage-full",
        K::ReadOnlyFilesystem => "core-os-read-only",
        _ => return e.to_string(),
    };
    let text = message_in(lang, id, None);
    match e.raw_os_error() {
        Some(code) => {
            let mut args = FluentArgs::new();
            args.set("text", text);
            args.set("code", code);
            message_in(lang, "core-os-error", Some(&args))
        }
        None => text,
    }
}

/// A message of the catalogue in the language of the run:
/// `t!("core-count-servers", n = 3)`. Argument names are the Fluent
/// variable names (`$path`); values are strings or numbers.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::message($id, None)
    };
    ($id:expr, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($key), $crate::i18n::Value::from($value)); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

/// [`t!`] in a given language: `t_in!(Lang::En, "id", n = 3)`.
#[macro_export]
macro_rules! t_in {
    ($lang:expr, $id:expr) => {
        $crate::i18n::message_in($lang, $id, None)
    };
    ($lang:expr, $id:expr, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($key), $crate::i18n::Value::from($value)); )+
        $crate::i18n::message_in($lang, $id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_values_choose_the_language() {
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Some(Lang::Ja));
        assert_eq!(Lang::from_locale("JA"), Some(Lang::Ja));
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), Some(Lang::En));
        assert_eq!(Lang::from_locale(""), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "ja_JP.UTF-8")])),
            Lang::Ja
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", ""), ("LC_MESSAGES", "ja_JP")])),
            Lang::Ja
        );
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::En);
    }

    #[test]
    fn plurals_and_arguments_follow_the_catalogue() {
        assert_eq!(t_in!(Lang::En, "core-count-servers", n = 1), "1 server");
        assert_eq!(t_in!(Lang::En, "core-count-servers", n = 3), "3 servers");
        assert_eq!(
            t_in!(Lang::Ja, "core-count-servers", n = 3),
            "3 台のサーバー"
        );
        // An argument is inserted as it is, without isolation marks.
        let s = t_in!(Lang::En, "core-count-servers", n = 2);
        assert!(!s.contains('\u{2068}'), "{s:?}");
    }

    #[test]
    fn os_errors_keep_the_system_words_in_english_and_their_number_in_japanese() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(os_error_in(Lang::En, &e), e.to_string());
        let ja = os_error_in(Lang::Ja, &e);
        assert!(
            ja.starts_with("ファイルまたはディレクトリが見つかりません"),
            "{ja}"
        );
        assert!(ja.ends_with("(OS エラー 2)"), "{ja}");
        let other = std::io::Error::other("boom");
        assert_eq!(os_error_in(Lang::Ja, &other), "boom");
    }

    #[test]
    fn exists_finds_messages_and_attributes_only() {
        assert!(exists(Lang::Ja, "core-count-servers"));
        assert!(exists(Lang::Ja, "explain-expired.what"));
        assert!(!exists(Lang::Ja, "explain-expired.nothing"));
        assert!(!exists(Lang::En, "no-such-message"));
    }

    #[test]
    fn a_missing_id_falls_back_to_the_id() {
        assert_eq!(
            message_in(Lang::Ja, "no-such-message", None),
            "no-such-message"
        );
    }
}
