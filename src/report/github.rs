/*!
GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per
finding, which the runner turns into an annotation on the file and line:

```text
::error file=topology.xml,line=19,col=7,endLine=19,endColumn=110,title=topocert(ca-mismatch)::certificate …
```

Escaping follows the runner's rules: in the message `%`, CR and LF become `%25`,
`%0D` and `%0A`; in property values `:` and `,` also become `%3A` and `%2C`. The
help sentence follows the message on a second line (an escaped LF). A finding that
points at no file is written without `file=` and shows on the run summary.
*/

use std::path::Path;

use crate::check::Report;
use crate::rules::{Place, Severity};

/// Escape the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escape a property value (`file=…`, `title=…`) of a workflow command: as the
/// message, and `:` and `,` too.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// The `file=` value: relative to the workspace `base` with forward slashes, as
/// GitHub matches annotations to repository files; a path outside it keeps its
/// absolute form (forward slashes).
pub fn annotation_file(path: &str, base: &Path) -> String {
    crate::paths::relative_to(path, base).unwrap_or_else(|| crate::paths::portable(path))
}

/// `topocert check --format github`; `base` is the workspace (`GITHUB_WORKSPACE`, or
/// the directory topocert runs in).
pub fn render_check(rep: &Report, base: &Path) -> String {
    let mut out = String::new();
    for f in &rep.findings {
        let mut props = Vec::new();
        if let Some(l) = super::locate_in(rep, f) {
            props.push(format!(
                "file={}",
                escape_property(&crate::text::escape(&annotation_file(&l.path, base)))
            ));
            props.push(format!("line={}", l.line));
            props.push(format!("col={}", l.column));
            if f.primary()
                .is_some_and(|l| !matches!(l.place, Place::Certificate { .. }))
            {
                props.push(format!("endLine={}", l.end_line));
                props.push(format!("endColumn={}", l.end_column));
            }
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("topocert({})", f.code))
        ));
        // Control characters and bidirectional overrides from an input are shown
        // as visible escapes (the log is a terminal too); the one line break is ours.
        let mut message = crate::text::escape(&f.message).into_owned();
        if !f.help.is_empty() {
            message.push('\n');
            message.push_str(&crate::t!(
                "report-help-line",
                help = crate::text::escape(&f.help)
            ));
        }
        out.push_str(&format!(
            "::{} {}::{}\n",
            command(f.severity),
            props.join(","),
            escape_data(&message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_cr_lf_only() {
        assert_eq!(escape_data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("C:\\certs\\a,b%.cer\n"),
            "C%3A\\certs\\a%2Cb%25.cer%0A"
        );
    }
}
