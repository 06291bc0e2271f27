/*!
How paths are shown: the one place that turns a path into text for a report, a
message or a machine format.

A path is shown as the user typed it on the command line (relative stays
relative), and the parts topocert adds (a file found in a `--certs` folder, a
template written under `--emit`, a file named in `topocert.toml`) are joined with
the same separator. On Unix that is always `/` and nothing changes. On Windows both
`/` and `\` separate, and `Path::join` always adds `\`: a folder typed as
`samples/enterprise/certs` would come out as `samples/enterprise/certs\fe01.cer`.
So on Windows a displayed path uses one separator throughout: the first one the
path contains, else `\`. Verbatim prefixes (`\\?\C:\…`) that canonicalisation adds
never reach output.

Machine formats want one spelling whatever the platform: JSON paths and GitHub
annotation files use forward slashes ([`portable`]), GitHub files and SARIF URIs are
relative to the workspace / working directory ([`relative_to`]).
*/

use std::path::{Component, Path};

/// A path for display, as typed, with one separator throughout (see the module
/// documentation).
pub fn display(path: &Path) -> String {
    let text = path.display().to_string();
    if cfg!(windows) && !is_uri(&text) {
        let simplified = dunce::simplified(path).display().to_string();
        one_separator(&simplified)
    } else {
        text
    }
}

/// [`display`] of a path that is already text (a path taken from a report).
pub fn display_str(path: &str) -> String {
    display(Path::new(path))
}

/// The path for machine formats (JSON, GitHub annotations): forward slashes on
/// Windows. On Unix `\` is an ordinary file name character and is kept.
pub fn portable(path: &str) -> String {
    if cfg!(windows) && !is_uri(path) {
        forward_slashes(&display_str(path))
    } else {
        path.to_owned()
    }
}

/// The path relative to `base` with forward slashes, `None` when an absolute path
/// lies outside `base`. A relative path is taken as relative to `base` already;
/// `./` components are dropped. Backslashes count as separators here on every
/// platform: these paths are read by tools (GitHub, SARIF viewers) that expect `/`.
pub fn relative_to(path: &str, base: &Path) -> Option<String> {
    if is_uri(path) {
        return Some(path.to_owned());
    }
    let p = Path::new(path);
    let simplified;
    let p = if cfg!(windows) {
        simplified = dunce::simplified(p).to_path_buf();
        simplified.as_path()
    } else {
        p
    };
    let relative = if p.is_absolute() {
        p.strip_prefix(dunce::simplified(base)).ok()?
    } else {
        p
    };
    let parts: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            Component::CurDir => None,
            Component::ParentDir => Some("..".to_string()),
            c => Some(c.as_os_str().to_string_lossy().into_owned()),
        })
        .collect();
    let joined = parts.join("/").replace('\\', "/");
    let mut s = joined.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    Some(s.to_owned())
}

/// Serde `serialize_with` for a path field of a machine format: [`portable`].
pub fn serialize_portable<T: AsRef<str>, S: serde::Serializer>(
    path: &T,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(&portable(path.as_ref()))
}

/// [`serialize_portable`] for an optional path (`null` when absent).
pub fn serialize_portable_opt<T: AsRef<str>, S: serde::Serializer>(
    path: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match path {
        Some(p) => s.serialize_str(&portable(p.as_ref())),
        None => s.serialize_none(),
    }
}

/// Whether `s` is a URI rather than a path: a chain taken with `check --probe` is
/// shown as `tls://FQDN:PORT (ADDRESS)` where a file path would be. URIs are shown
/// unchanged.
pub fn is_uri(s: &str) -> bool {
    s.split_once("://").is_some_and(|(scheme, _)| {
        scheme.len() > 1 && scheme.chars().all(|c| c.is_ascii_alphabetic())
    })
}

/// `\` → `/`.
pub fn forward_slashes(s: &str) -> String {
    s.replace('\\', "/")
}

/// Every separator (`/` or `\`) replaced by the first one `s` contains, or `\` when
/// it has none, keeping a leading `\\` (UNC) or `//` intact as a pair. Only the
/// Windows display uses this; it is public so that it can be tested on every platform.
pub fn one_separator(s: &str) -> String {
    let sep = s.chars().find(|c| matches!(c, '/' | '\\')).unwrap_or('\\');
    s.chars()
        .map(|c| if matches!(c, '/' | '\\') { sep } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_separator_follows_the_users_first_separator() {
        // A folder typed with `/`, a file name joined with `\`.
        assert_eq!(
            one_separator(r"samples/enterprise/certs\edge01.contoso.local.cer"),
            "samples/enterprise/certs/edge01.contoso.local.cer"
        );
        assert_eq!(
            one_separator(r"samples\enterprise\certs/sub\fe01.cer"),
            r"samples\enterprise\certs\sub\fe01.cer"
        );
        assert_eq!(one_separator(r"Z:/out\fe01.inf"), "Z:/out/fe01.inf");
        assert_eq!(one_separator(r"C:\certs/fe01.cer"), r"C:\certs\fe01.cer");
        assert_eq!(
            one_separator(r"\\server\share/fe01.cer"),
            r"\\server\share\fe01.cer"
        );
        assert_eq!(one_separator("fe01.cer"), "fe01.cer");
        assert_eq!(one_separator(""), "");
    }

    #[cfg(not(windows))]
    #[test]
    fn unix_display_is_the_path_as_given() {
        for p in [
            "samples/enterprise/certs/fe01.cer",
            "./a//b/",
            r"odd\name.cer",
            "/abs/x",
        ] {
            assert_eq!(display(Path::new(p)), p);
            assert_eq!(portable(p), p);
        }
    }

    #[cfg(windows)]
    #[test]
    fn windows_display_has_one_separator_and_no_verbatim_prefix() {
        assert_eq!(
            display(Path::new(r"\\?\C:\certs\fe01.cer")),
            r"C:\certs\fe01.cer"
        );
        assert_eq!(
            display(&Path::new("samples/enterprise/certs").join("fe01.cer")),
            "samples/enterprise/certs/fe01.cer"
        );
        assert_eq!(
            portable(r"samples\enterprise\fe01.cer"),
            "samples/enterprise/fe01.cer"
        );
    }

    #[test]
    fn relative_to_drops_the_base_and_dot_components() {
        let base = if cfg!(windows) {
            Path::new(r"C:\work")
        } else {
            Path::new("/work")
        };
        let inside = if cfg!(windows) {
            r"C:\work\samples\enterprise\topology.xml"
        } else {
            "/work/samples/enterprise/topology.xml"
        };
        assert_eq!(
            relative_to(inside, base).as_deref(),
            Some("samples/enterprise/topology.xml")
        );
        let outside = if cfg!(windows) {
            r"D:\other\t.xml"
        } else {
            "/other/t.xml"
        };
        assert_eq!(relative_to(outside, base), None);
        assert_eq!(
            relative_to("./samples/./enterprise/certs", base).as_deref(),
            Some("samples/enterprise/certs")
        );
        assert_eq!(
            relative_to(r"samples\enterprise\topology.xml", base).as_deref(),
            Some("samples/enterprise/topology.xml")
        );
        assert_eq!(relative_to("../t.xml", base).as_deref(), Some("../t.xml"));
        let probed = "tls://fe01.contoso.local:443 (127.0.0.1:4433)";
        assert_eq!(relative_to(probed, base).as_deref(), Some(probed));
        assert_eq!(portable(probed), probed);
        assert_eq!(display(Path::new(probed)), probed);
        // A drive letter is not a scheme.
        assert!(!is_uri(r"C://certs/fe01.cer"));
    }
}
