//! `unused-ignore`: a suppression in the config matched no finding.

declare_rule! {
    /// ## What it does
    /// Reports an `[[ignore]]` entry of `topocert.toml` that suppressed nothing in
    /// this run.
    ///
    /// ## Why Lync cares
    /// Suppressions outlive the problem they were written for. A stale one can hide
    /// the next, real problem with the same server or certificate.
    ///
    /// ## How to fix
    /// Delete the entry, or correct its code, server or certificate path.
    ///
    /// ## Example
    /// `[[ignore]] code = "orphan-certificate" certificate = "certs/old-edge.cer"` after
    /// the file was removed.
    UNUSED_IGNORE, "unused-ignore", Warning, "a suppression in the config matched no finding"
}
