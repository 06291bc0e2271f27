/*!
topocert: validates exported Lync Server 2013 / Skype for Business Server topology
documents against the certificate requirement of Persistent Chat: every server
running the Persistent Chat Web Services for File Upload/Download needs a
certificate issued by the same CA as the internal Lync servers use.

Stages, one module each, data flowing one way (`docs/architecture.md`):
`source → topology → roles → certs → chain → pairing → rules → check → report`.
The library never prints; the binary's `main` only maps [`run`]'s outcome to an
exit code.
*/
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod atomic;
pub mod certs;
pub mod chain;
pub mod check;
pub mod cli;
pub mod config;
mod error;
pub mod fqdn;
pub mod i18n;
pub mod names;
pub mod pairing;
pub mod paths;
pub mod plan;
pub mod probe;
pub mod progress;
pub mod report;
pub mod roles;
pub mod rules;
pub mod source;
mod text;
pub mod topology;

pub use cli::run;
pub use error::Error;
