/*!
Short output: one line per finding, `path:line:col: severity[code]: message`, the
shape gcc and clang print, so editors (Vim's quickfix, Emacs' compilation mode, VS
Code problem matchers) jump to the place. Paths are as given on the command line.
A finding about a certificate file that has no place in the topology points at the
file itself, line 1, column 1; an unused suppression at its entry in the config
file. A finding that points at no file at all is printed as
`topocert: severity[code]: message`, as gcc prints `cc1: warning: …`.
*/

use crate::check::Report;
use crate::rules::Severity;
use crate::text::{escape, guard_lines};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";

fn severity_style(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Note => "\x1b[1;36m",
    }
}

/// The path that begins a line, escaped, and never read as a workflow command: a
/// relative path that does not begin with a letter, digit, `.` or `_` is written
/// `./path` (the same file to an editor).
pub fn line_path(path: &str) -> String {
    let e = escape(path);
    let plain = e
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '/' | '\\'));
    if plain {
        e.into_owned()
    } else {
        format!("./{e}")
    }
}

/// `topocert check --format short`.
pub fn render_check(rep: &Report, color: bool) -> String {
    let mut out = String::new();
    for f in &rep.findings {
        let place = match super::locate_in(rep, f) {
            Some(l) => format!("{}:{}:{}:", line_path(&l.path), l.line, l.column),
            None => "topocert:".to_string(),
        };
        let message = escape(&f.message);
        let severity = super::severity_word(f.severity);
        if color {
            out.push_str(&format!(
                "{BOLD}{place}{RESET} {}{}{RESET}[{}]: {BOLD}{message}{RESET}\n",
                severity_style(f.severity),
                severity,
                f.code,
            ));
        } else {
            out.push_str(&format!("{place} {severity}[{}]: {message}\n", f.code));
        }
    }
    guard_lines(out)
}

#[cfg(test)]
mod tests {
    use super::line_path;

    #[test]
    fn paths_at_line_start_are_plain() {
        assert_eq!(line_path("certs/a.cer"), "certs/a.cer");
        assert_eq!(line_path("/abs/a.cer"), "/abs/a.cer");
        assert_eq!(line_path("::error::x.cer"), "./::error::x.cer");
        assert_eq!(line_path("a\n::add-mask::b.cer"), "a\\n::add-mask::b.cer");
        assert_eq!(line_path(" x.cer"), "./ x.cer");
    }
}
