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

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";

fn severity_style(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Note => "\x1b[1;36m",
    }
}

/// Messages are one line already; keep the format line-oriented whatever happens.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `topocert check --format short`.
pub fn render_check(rep: &Report, color: bool) -> String {
    let mut out = String::new();
    for f in &rep.findings {
        let place = match super::locate_in(rep, f) {
            Some(l) => format!("{}:{}:{}:", l.path, l.line, l.column),
            None => "topocert:".to_string(),
        };
        let message = one_line(&f.message);
        if color {
            out.push_str(&format!(
                "{BOLD}{place}{RESET} {}{}{RESET}[{}]: {BOLD}{message}{RESET}\n",
                severity_style(f.severity),
                f.severity,
                f.code,
            ));
        } else {
            out.push_str(&format!("{place} {}[{}]: {message}\n", f.severity, f.code));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(one_line("a\r\nb\nc"), "a b c");
        assert_eq!(one_line("plain"), "plain");
    }
}
