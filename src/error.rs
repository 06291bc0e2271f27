/*!
Why a command could not run (exit status 2): the errors of every stage that stop a
command, gathered for the binary.
*/

use crate::{certs, config, topology};

/// Why a command could not run (exit status 2).
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Topology(#[from] topology::LoadError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(#[from] Box<config::ConfigError>),
    #[error("cannot use the CA certificate {path}")]
    #[diagnostic(
        code(topocert::ca),
        help(
            "--ca takes the internal root or issuing CA certificate as PEM, DER, PKCS#7 or PKCS#12"
        )
    )]
    Ca {
        path: String,
        #[source]
        source: certs::LoadError,
    },
    #[error(transparent)]
    #[diagnostic(code(topocert::usage))]
    TooManyFiles(#[from] certs::TooManyFiles),
    #[error(
        "invalid --valid-at `{value}`: expected YYYY-MM-DD or an RFC 3339 date-time such as 2026-06-01T00:00:00Z"
    )]
    #[diagnostic(code(topocert::usage))]
    ValidAt { value: String },
    #[error("cannot write {path}: {source}")]
    #[diagnostic(code(topocert::write))]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    #[diagnostic(code(topocert::usage))]
    Usage(String),
}
