/*!
`plan --emit`: writing rendered request templates into a directory, each file
atomically, never over an existing one unless asked to.
*/

use std::path::{Path, PathBuf};

use crate::atomic;
use crate::error::Error;

/// A rendered request template and the name of the file it goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub file_name: String,
    pub contents: String,
}

/// Write `templates` into `dir` (created when missing), each through a temporary
/// file in `dir` renamed over its target, so no reader sees half a file.
///
/// An existing target is an error unless `force`: every target is checked before
/// anything is written, so a refused run writes nothing. Returns the written paths.
pub fn write_templates(
    dir: &Path,
    templates: &[Template],
    force: bool,
) -> Result<Vec<PathBuf>, Error> {
    let fail = |path: &Path| {
        let path = crate::paths::display(path);
        move |source: std::io::Error| Error::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(fail(dir))?;

    let mut targets: Vec<PathBuf> = Vec::with_capacity(templates.len());
    for t in templates {
        let plain = !t.file_name.is_empty()
            && !t.file_name.starts_with('.')
            && !t.file_name.contains(['/', '\\', ':'])
            && Path::new(&t.file_name).file_name() == Some(std::ffi::OsStr::new(&t.file_name));
        if !plain {
            return Err(Error::Usage(format!(
                "refusing to write `{}`: not a plain file name; nothing was written",
                t.file_name
            )));
        }
        if targets.iter().any(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.eq_ignore_ascii_case(&t.file_name))
        }) {
            return Err(Error::Usage(format!(
                "two request templates would both be written to {}; nothing was written",
                crate::paths::display(&dir.join(&t.file_name))
            )));
        }
        targets.push(dir.join(&t.file_name));
    }

    let existing: Vec<&PathBuf> = targets
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect();
    if let Some(dir_target) = existing
        .iter()
        .find(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()))
    {
        return Err(Error::Usage(format!(
            "{} is a directory, not a request template; nothing was written",
            crate::paths::display(dir_target)
        )));
    }
    if !force && !existing.is_empty() {
        let names: Vec<String> = existing.iter().map(|p| crate::paths::display(p)).collect();
        let what = if names.len() == 1 {
            format!("{} already exists", names.join(""))
        } else {
            format!("{} already exist", names.join(", "))
        };
        return Err(Error::Usage(format!(
            "{what}; nothing was written (pass --force to replace existing request templates)"
        )));
    }

    // Another process may have created a file since the check above: keep it
    // unless `force`. A request template is not a secret (the key is made when it
    // is used), so it is an ordinary file.
    let existing = if force {
        atomic::Existing::Replace
    } else {
        atomic::Existing::Keep
    };
    for (t, path) in templates.iter().zip(&targets) {
        atomic::write(path, t.contents.as_bytes(), Some(0o644), existing).map_err(fail(path))?;
    }
    Ok(targets)
}
