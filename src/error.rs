/*!
Why a command could not run (exit status 2): the errors of every stage that stop a
command, gathered for the binary.
*/

// The catalogue's `t!`, named relative to the crate root (a `crate::` path
// would read as a module to tests/architecture.rs).
use super::t;

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
    #[error("{}", t!("errors-ca", path = .path.as_str()))]
    #[diagnostic(code(topocert::ca), help("{}", t!("errors-ca-help")))]
    Ca {
        path: String,
        #[source]
        source: certs::LoadError,
    },
    #[error(transparent)]
    #[diagnostic(code(topocert::usage))]
    TooManyFiles(#[from] certs::TooManyFiles),
    #[error("{}", t!("errors-valid-at", value = .value.as_str()))]
    #[diagnostic(code(topocert::usage))]
    ValidAt { value: String },
    #[error("{}", t!("errors-write", path = .path.as_str(), reason = crate::i18n::os_error(.source)))]
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
