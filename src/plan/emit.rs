/*!
`plan --emit`: writing rendered request templates into a directory, all of them
or none, never over an existing one unless asked to.
*/

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// A rendered request template and the name of the file it goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub file_name: String,
    pub contents: String,
}

/// Longest file name written (bytes): what ext4, XFS, APFS and NTFS accept. A legal
/// 253-character FQDN plus `.inf` is longer.
pub const MAX_FILE_NAME: usize = 255;

/// Write `templates` into `dir` (created when missing), all or nothing.
///
/// Every name is validated and every target checked before anything is written:
/// a plain file name of at most [`MAX_FILE_NAME`] bytes, no two the same (case
/// folded), none existing unless `force`. The files are then written into a
/// temporary directory inside `dir` (the same file system, so the moves are
/// renames) and moved into place; when anything fails, the files already moved
/// are taken back (a replaced file is restored), and a `dir` the run created is
/// removed: nothing is left behind. Returns the written paths.
pub fn write_templates(
    dir: &Path,
    templates: &[Template],
    force: bool,
) -> Result<Vec<PathBuf>, Error> {
    let targets = validate(dir, templates, force)?;
    let created = !dir.exists();
    let result = write_all(dir, templates, &targets, force);
    if result.is_err() && created {
        let _ = std::fs::remove_dir_all(dir);
    }
    result.map(|()| targets)
}

fn fail(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Write {
        path: crate::paths::display(path),
        source,
    }
}

/// The target of every template, after checking every name and target.
fn validate(dir: &Path, templates: &[Template], force: bool) -> Result<Vec<PathBuf>, Error> {
    let mut targets: Vec<PathBuf> = Vec::with_capacity(templates.len());
    let mut seen: HashSet<String> = HashSet::with_capacity(templates.len());
    for t in templates {
        let plain = !t.file_name.is_empty()
            && !t.file_name.starts_with('.')
            && !t.file_name.contains(['/', '\\', ':'])
            && Path::new(&t.file_name).file_name() == Some(std::ffi::OsStr::new(&t.file_name));
        if !plain {
            return Err(Error::Usage(crate::t!(
                "plan-emit-not-plain",
                name = t.file_name.as_str()
            )));
        }
        if t.file_name.len() > MAX_FILE_NAME {
            return Err(Error::Usage(crate::t!(
                "plan-emit-too-long",
                name = t.file_name.as_str(),
                len = t.file_name.len() as u64,
                max = MAX_FILE_NAME as u64
            )));
        }
        if !seen.insert(t.file_name.to_lowercase()) {
            return Err(Error::Usage(crate::t!(
                "plan-emit-duplicate",
                path = crate::paths::display(&dir.join(&t.file_name))
            )));
        }
        targets.push(dir.join(&t.file_name));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Usage(crate::t!(
            "plan-emit-not-dir",
            path = crate::paths::display(dir)
        )));
    }
    let existing: Vec<&PathBuf> = targets
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect();
    if let Some(dir_target) = existing
        .iter()
        .find(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()))
    {
        return Err(Error::Usage(crate::t!(
            "plan-emit-is-dir",
            path = crate::paths::display(dir_target)
        )));
    }
    if !force && !existing.is_empty() {
        let names: Vec<String> = existing.iter().map(|p| crate::paths::display(p)).collect();
        return Err(Error::Usage(crate::t!(
            "plan-emit-exists",
            paths = names.join(", "),
            n = names.len() as u64
        )));
    }
    Ok(targets)
}

/// Write every template into a temporary directory in `dir`, then move them in.
fn write_all(
    dir: &Path,
    templates: &[Template],
    targets: &[PathBuf],
    force: bool,
) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(fail(dir))?;
    let staging = tempfile::Builder::new()
        .prefix(".topocert-emit-")
        .tempdir_in(dir)
        .map_err(fail(dir))?;
    let backups = staging.path().join("replaced");
    std::fs::create_dir(&backups).map_err(fail(&backups))?;
    // A request template is not a secret (the key is made when it is used): an
    // ordinary file.
    let mut staged = Vec::with_capacity(templates.len());
    for (i, t) in templates.iter().enumerate() {
        let p = staging.path().join(format!("{i}"));
        write_synced(&p, t.contents.as_bytes()).map_err(fail(&p))?;
        staged.push(p);
    }
    // Move in; remember what to undo.
    let mut moved: Vec<(usize, Option<PathBuf>)> = Vec::with_capacity(targets.len());
    let mut outcome = Ok(());
    for (i, (from, to)) in staged.iter().zip(targets).enumerate() {
        match move_in(from, to, &backups.join(format!("{i}")), force) {
            Ok(backup) => moved.push((i, backup)),
            Err(e) => {
                outcome = Err(fail(to)(e));
                break;
            }
        }
    }
    if outcome.is_err() {
        for (i, backup) in moved.into_iter().rev() {
            if let Some(to) = targets.get(i) {
                let _ = std::fs::remove_file(to);
                if let Some(b) = backup {
                    let _ = std::fs::rename(b, to);
                }
            }
        }
    }
    // The staging directory (and any replaced file) goes away with `staging`.
    outcome
}

/// Move `from` to `to`. Without `force` an existing `to` (made by another
/// process since the check) is kept and is an error; with `force` it is moved
/// to `backup` first, and `Some(backup)` returned so it can be restored.
fn move_in(from: &Path, to: &Path, backup: &Path, force: bool) -> std::io::Result<Option<PathBuf>> {
    if !force {
        // A hard link fails when the target exists: no clobbering, no race.
        std::fs::hard_link(from, to)?;
        let _ = std::fs::remove_file(from);
        return Ok(None);
    }
    let saved = match std::fs::rename(to, backup) {
        Ok(()) => Some(backup.to_path_buf()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Err(e) = std::fs::rename(from, to) {
        if let Some(b) = &saved {
            let _ = std::fs::rename(b, to);
        }
        return Err(e);
    }
    Ok(saved)
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str) -> Template {
        Template {
            file_name: name.to_string(),
            contents: format!("{name}\n"),
        }
    }

    #[test]
    fn a_failed_move_takes_back_what_was_moved() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.cnf"), "old b\n").unwrap();
        // The second target's folder does not exist: its move fails.
        let targets = vec![
            dir.path().join("a.cnf"),
            dir.path().join("b.cnf"),
            dir.path().join("missing/c.cnf"),
        ];
        let templates = [t("a.cnf"), t("b.cnf"), t("c.cnf")];
        let r = write_all(dir.path(), &templates, &targets, true);
        assert!(r.is_err());
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec!["b.cnf"]);
        // The replaced file is back as it was.
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.cnf")).unwrap(),
            "old b\n"
        );
    }

    #[test]
    fn names_are_checked_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out");
        let long = format!("{}.inf", "a".repeat(252));
        for bad in [vec![t("ok.inf"), t(&long)], vec![t("A.inf"), t("a.INF")]] {
            assert!(write_templates(&target, &bad, false).is_err());
            assert!(!target.exists());
        }
        let written = write_templates(&target, &[t("x.inf"), t("y.cnf")], false).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(std::fs::read_dir(&target).unwrap().count(), 2);
    }
}
