/*!
topocert: validates exported Lync Server 2013 / Skype for Business Server topology
documents against the certificate requirement of Persistent Chat: every server
running the Persistent Chat Web Services for File Upload/Download needs a
certificate issued by the same CA as the internal Lync servers use.

Stages, one module each, data flowing one way:
`source → topology → roles → certs → pairing → rules → report`.
The library never prints; the binary's `main` only maps [`run`]'s outcome to an
exit code.
*/
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod certs;
pub mod chain;
pub mod check;
pub mod cli;
pub mod config;
pub mod fqdn;
pub mod pairing;
pub mod plan;
pub mod report;
pub mod roles;
pub mod rules;
pub mod source;
pub mod text;
pub mod topology;

use std::path::Path;
use std::sync::Arc;

use source::SourceFile;
use topology::Topology;

/// Why a command could not run (exit status 2).
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Source(#[from] source::SourceError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Topology(#[from] Box<topology::TopologyError>),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(#[from] Box<config::ConfigError>),
    #[error("cannot use the CA certificate {path}: {source}")]
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

/// Read, decode and parse the topology at `path`.
pub fn load_topology(path: &Path, max_input_size: u64) -> Result<Topology, Error> {
    let src = Arc::new(SourceFile::read(path, max_input_size)?);
    Ok(topology::parse(&src).map_err(Box::new)?)
}

pub use cli::run;
