/*!
Writing a file so that no reader ever sees half of it: a temporary file in the
target's directory, flushed to disk, then renamed over the target. Used for
`--output` and for `plan --emit`.
*/

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How to treat an existing target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace it.
    Replace,
    /// Fail if it exists by the time of the rename (another process may have made it).
    Keep,
}

/// Write `bytes` to `path` atomically. `mode` is the Unix permission of the new
/// file (ignored elsewhere); `None` keeps the target's mode, or 0644 for a new file.
pub fn write(path: &Path, bytes: &[u8], mode: Option<u32>, existing: Existing) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".topocert-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = mode.unwrap_or_else(|| {
            std::fs::metadata(path)
                .map(|m| m.permissions().mode())
                .unwrap_or(0o644)
        });
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    match existing {
        Existing::Replace => tmp.persist(path).map(drop).map_err(|e| e.error),
        Existing::Keep => tmp.persist_noclobber(path).map(drop).map_err(|e| e.error),
    }
}
