/*!
One supplied certificate file as the rest of the pipeline sees it: where it came
from, what loading it gave, and (filled in by pairing) which servers it serves.
*/

use super::t;

use rayon::prelude::*;

use super::{
    Certificate, Collected, LoadError, LoadOptions, LoadedFile, collect_following, load_file,
};
use std::path::PathBuf;

/// What happened to one supplied certificate file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStatus {
    Used,
    /// Covers an internal server of the topology that is not a file-transfer
    /// server: evidence of the internal CA, not an orphan.
    Context,
    Orphan,
    Unreadable,
}

impl FileStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FileStatus::Used => "used",
            FileStatus::Context => "context",
            FileStatus::Orphan => "orphan",
            FileStatus::Unreadable => "unreadable",
        }
    }
}

/// One supplied certificate file (or a problem with a supplied path).
#[derive(Debug)]
pub struct CertFile {
    /// The path as found from the command line (relative paths stay relative).
    pub path: String,
    pub loaded: Result<LoadedFile, LoadError>,
    /// Indexes of the file-transfer servers this file was paired with (or claims).
    pub servers: Vec<usize>,
    pub status: FileStatus,
}

impl CertFile {
    /// The end-entity certificate of a readable file.
    pub fn leaf(&self) -> Option<&Certificate> {
        self.loaded.as_ref().ok().and_then(LoadedFile::leaf_cert)
    }
}

/// `--certs` expands to more files than allowed.
#[derive(Debug, thiserror::Error)]
#[error("{}", t!("errors-certs-too-many-files", found = *.found, limit = *.limit))]
pub struct TooManyFiles {
    pub found: usize,
    pub limit: usize,
}

/// Expand `--certs` and load every file in parallel, keeping the command-line order.
/// Every file starts as an orphan (or unreadable); pairing marks the used ones.
pub fn load_files(
    inputs: &[PathBuf],
    opts: &LoadOptions,
    max_files: usize,
) -> Result<Vec<CertFile>, TooManyFiles> {
    let collected = collect_following(inputs, opts.follow_external_links);
    if collected.len() > max_files {
        return Err(TooManyFiles {
            found: collected.len(),
            limit: max_files,
        });
    }
    Ok(collected
        .par_iter()
        .map(|c| {
            let (path, loaded) = match c {
                Collected::File(p) => (p, load_file(p, opts)),
                Collected::Problem { path, reason } => (
                    path,
                    Err(LoadError::Unusable {
                        reason: reason.clone(),
                    }),
                ),
            };
            let status = if loaded.is_ok() {
                FileStatus::Orphan
            } else {
                FileStatus::Unreadable
            };
            CertFile {
                path: crate::paths::display(path),
                loaded,
                servers: Vec::new(),
                status,
            }
        })
        .collect())
}

/// A path for comparison: canonical when it exists, else as written without `./`.
pub fn path_key(p: &std::path::Path) -> PathBuf {
    p.canonicalize()
        .unwrap_or_else(|_| p.strip_prefix("./").unwrap_or(p).to_path_buf())
}
