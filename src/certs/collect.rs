/*!
Expansion of `--certs` arguments into the list of certificate files to load.

Every path the user named, and every certificate-looking entry found under a
named directory, ends up either as a file to load or as a problem to report:
nothing is skipped silently.
*/

use super::t;

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One result of [`collect`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Collected {
    /// A file to load.
    File(PathBuf),
    /// A path that cannot be loaded; `reason` is lowercase, without final period.
    Problem { path: PathBuf, reason: String },
}

/// File extensions taken from directories (compared case-insensitively).
pub const CERT_EXTENSIONS: [&str; 9] = [
    "cer", "crt", "pem", "der", "cert", "p7b", "p7c", "pfx", "p12",
];

/// Whether `path`'s extension is one of [`CERT_EXTENSIONS`].
pub fn has_cert_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| CERT_EXTENSIONS.iter().any(|c| c.eq_ignore_ascii_case(e)))
}

/// Expand `--certs` arguments.
///
/// Files are taken as given, whatever their extension. Directories are walked
/// recursively in byte-wise file name order, taking files with a certificate
/// extension ([`CERT_EXTENSIONS`]) and ignoring other files. Inside a
/// directory, a sub-directory named with such an extension, a broken symbolic
/// link, a symbolic link loop and an entry that is not a regular file are
/// problems. A path that does not exist is a problem. The order is
/// deterministic and a file reached twice (same canonical path) is listed once.
///
/// A symbolic link met inside a directory that resolves outside every directory
/// named in `inputs` is a problem and is not followed (a link `certs/root -> /`
/// would walk the whole host); [`collect_following`] follows them. `/proc`, `/sys`
/// and `/dev` are never walked.
pub fn collect(inputs: &[PathBuf]) -> Vec<Collected> {
    collect_following(inputs, false)
}

/// [`collect`], following links out of the named directories when
/// `follow_external` (`--follow-external-links`).
pub fn collect_following(inputs: &[PathBuf], follow_external: bool) -> Vec<Collected> {
    let mut walker = Walker {
        follow_external,
        roots: inputs
            .iter()
            .filter(|p| p.is_dir())
            .filter_map(|p| fs::canonicalize(p).ok())
            .collect(),
        ..Walker::default()
    };
    for input in inputs {
        walker.input(input);
    }
    walker.out
}

/// Directories of the running system, never certificate stores: walking them
/// reads devices and kernel state.
const SYSTEM_DIRS: [&str; 3] = ["/proc", "/sys", "/dev"];

#[derive(Default)]
struct Walker {
    /// Canonical paths of the directories named in the inputs.
    roots: Vec<PathBuf>,
    /// Follow links that resolve outside `roots`.
    follow_external: bool,
    out: Vec<Collected>,
    /// Canonical paths of files and problems already listed.
    seen: HashSet<PathBuf>,
    /// Canonical paths of directories already walked.
    walked: HashSet<PathBuf>,
    /// Canonical paths of the directories being walked (the current branch).
    stack: Vec<PathBuf>,
}

impl Walker {
    fn input(&mut self, path: &Path) {
        let link = match fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) => return self.problem(path, io_reason(&e)),
        };
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(_) if link.file_type().is_symlink() => {
                return self.problem(path, t!("errors-certs-broken-symlink"));
            }
            Err(e) => return self.problem(path, io_reason(&e)),
        };
        if meta.is_dir() {
            self.dir(path);
        } else if meta.is_file() {
            self.file(path);
        } else {
            self.problem(path, t!("errors-certs-not-regular-file"));
        }
    }

    fn dir(&mut self, path: &Path) {
        let canonical = match fs::canonicalize(path) {
            Ok(c) => c,
            Err(e) => return self.problem(path, io_reason(&e)),
        };
        if self.stack.contains(&canonical) {
            return self.problem(path, t!("errors-certs-symlink-loop"));
        }
        if cfg!(unix) && SYSTEM_DIRS.iter().any(|d| canonical.starts_with(d)) {
            return self.problem(
                path,
                t!(
                    "errors-certs-system-directory",
                    path = canonical.display().to_string()
                ),
            );
        }
        if !self.walked.insert(canonical.clone()) {
            // Walked already through another path: its files are listed.
            return;
        }
        let entries = match fs::read_dir(path) {
            Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
            Err(e) => Err(e),
        };
        let mut entries = match entries {
            Ok(entries) => entries,
            Err(e) => {
                return self.problem(path, t!("errors-certs-read-dir", reason = io_reason(&e)));
            }
        };
        // Byte-wise order of the names, each name fetched once.
        entries.sort_by_cached_key(|e| e.file_name());
        self.stack.push(canonical.clone());
        for entry in entries {
            // The type comes with the directory listing: no stat for plain files.
            let file_type = entry.file_type();
            self.entry(&entry.path(), file_type, &canonical);
        }
        self.stack.pop();
    }

    fn entry(&mut self, path: &Path, file_type: io::Result<fs::FileType>, parent: &Path) {
        let file_type = match file_type {
            Ok(t) => t,
            Err(e) => return self.problem(path, io_reason(&e)),
        };
        let wanted = has_cert_extension(path);
        if file_type.is_file() {
            if wanted {
                // A plain file in a canonical directory: its canonical path is
                // known without asking the file system.
                let key = path.file_name().map(|n| parent.join(n));
                self.file_keyed(path, key);
            }
            return;
        }
        if file_type.is_dir() {
            if wanted {
                self.problem(path, t!("errors-certs-is-directory"));
            } else {
                self.dir(path);
            }
            return;
        }
        if file_type.is_symlink() {
            let meta = match fs::metadata(path) {
                Ok(m) => m,
                Err(e) if e.raw_os_error() == Some(ELOOP) => {
                    return self.problem(path, t!("errors-certs-symlink-loop"));
                }
                // Dangling: it may have pointed at certificates (or a
                // directory of them) that are now missing.
                Err(_) => return self.problem(path, t!("errors-certs-broken-symlink")),
            };
            if (meta.is_dir() || wanted) && !self.follow_external {
                let target = fs::canonicalize(path);
                let inside = target
                    .as_ref()
                    .is_ok_and(|t| self.roots.iter().any(|r| t.starts_with(r)));
                if !inside {
                    let to = target
                        .map(|t| t.display().to_string())
                        .unwrap_or_else(|e| io_reason(&e));
                    return self.problem(path, t!("errors-certs-external-link", target = to));
                }
            }
            if meta.is_dir() {
                if wanted {
                    self.problem(path, t!("errors-certs-is-directory"));
                } else {
                    self.dir(path);
                }
            } else if !wanted {
                // Not a certificate file name: ignored.
            } else if meta.is_file() {
                self.file(path);
            } else {
                self.problem(path, t!("errors-certs-not-regular-file"));
            }
            return;
        }
        if wanted {
            self.problem(path, t!("errors-certs-not-regular-file"));
        }
    }

    fn file(&mut self, path: &Path) {
        self.file_keyed(path, fs::canonicalize(path).ok());
    }

    /// List `path` unless its canonical path `key` was listed already.
    fn file_keyed(&mut self, path: &Path, key: Option<PathBuf>) {
        let key = key.unwrap_or_else(|| path.to_path_buf());
        if self.seen.insert(key) {
            self.out.push(Collected::File(path.to_path_buf()));
        }
    }

    fn problem(&mut self, path: &Path, reason: String) {
        // Canonicalizing fails for most problems; the path as written is the key.
        let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if self.seen.insert(key) {
            self.out.push(Collected::Problem {
                path: path.to_path_buf(),
                reason,
            });
        }
    }
}

/// `ELOOP` ("too many levels of symbolic links") on Linux, macOS and the BSDs.
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
const ELOOP: i32 = 62;

/// A lowercase, user-facing reason for an I/O error.
pub(crate) fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => t!("errors-certs-not-found"),
        io::ErrorKind::PermissionDenied => t!("errors-certs-permission-denied"),
        io::ErrorKind::IsADirectory => t!("errors-certs-is-directory"),
        _ if e.raw_os_error() == Some(ELOOP) => t!("errors-certs-symlink-loop"),
        _ => {
            // "Permission denied (os error 13)" → "permission denied".
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            match chars.next() {
                Some(c) => c.to_lowercase().chain(chars).collect(),
                None => t!("errors-certs-io-error"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_case_insensitive() {
        assert!(has_cert_extension(Path::new("a/B.CER")));
        assert!(has_cert_extension(Path::new("x.P7b")));
        assert!(has_cert_extension(Path::new("x.pfx")));
        assert!(!has_cert_extension(Path::new("x.txt")));
        assert!(!has_cert_extension(Path::new("cer")));
        assert!(!has_cert_extension(Path::new(".pem.bak")));
    }

    #[test]
    fn missing_input_is_a_problem() {
        let got = collect(&[PathBuf::from("/nonexistent/topocert/x.cer")]);
        assert_eq!(
            got,
            vec![Collected::Problem {
                path: PathBuf::from("/nonexistent/topocert/x.cer"),
                reason: "does not exist".to_owned()
            }]
        );
    }

    #[test]
    fn io_reasons_are_lowercase() {
        let e = io::Error::from_raw_os_error(13);
        assert_eq!(io_reason(&e), "permission denied");
        let e = io::Error::other("Boom");
        assert_eq!(io_reason(&e), "boom");
    }
}
