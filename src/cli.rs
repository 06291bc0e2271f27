/*!
The command line: clap definitions and [`run`], which executes a parsed command and
writes its output to the writers it is given. Exit statuses: 0 no error-level
finding, 1 error-level findings, 2 the command could not run.
*/

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use time::OffsetDateTime;

use crate::Error;
use crate::check::{self, CheckOptions};
use crate::config::{Config, Level, Target};
use crate::report;
use crate::rules::Code;
use crate::source::DEFAULT_MAX_INPUT_SIZE;

/// Validate Lync Server 2013 / Skype for Business Server topology exports against
/// the Persistent Chat certificate requirement.
#[derive(Debug, Parser)]
#[command(name = "topocert", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every Persistent Chat file-transfer server's certificate.
    Check(CheckArgs),
    /// List the servers that run the Persistent Chat file-transfer web service.
    List(ListArgs),
    /// Explain a finding code.
    Explain(ExplainArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Graphical diagnostics with source snippets and a summary table.
    Human,
    /// JSON report (schemas/report.schema.json).
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A readable table.
    Human,
    /// JSON.
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Topology export: `Get-CsTopology -AsXml` output (UTF-8 or UTF-16) or a `.tbxml` file.
    pub topology: PathBuf,
    /// Certificate file or folder (searched recursively); repeatable.
    #[arg(long = "certs", value_name = "PATH")]
    pub certs: Vec<PathBuf>,
    /// Internal root or issuing CA certificate; repeatable. Without it the CA is inferred.
    #[arg(long = "ca", value_name = "FILE")]
    pub ca: Vec<PathBuf>,
    /// Config file (default: topocert.toml next to the topology, if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Check validity at this time: YYYY-MM-DD or RFC 3339 (default: now).
    #[arg(long, value_name = "DATE")]
    pub valid_at: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Name of the environment variable holding the PKCS#12 (.pfx) password.
    #[arg(long, value_name = "VAR")]
    pub pfx_password_env: Option<String>,
    /// Print only findings, no summary table.
    #[arg(long, short)]
    pub quiet: bool,
    /// When to use colour (NO_COLOR is honoured under `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Treat a code (or `warnings`: every warning) as an error; repeatable.
    #[arg(short = 'D', long = "deny", value_name = "CODE")]
    pub deny: Vec<String>,
    /// Report a code as a warning; repeatable.
    #[arg(short = 'W', long = "warn", value_name = "CODE")]
    pub warn: Vec<String>,
    /// Do not report a code; repeatable.
    #[arg(short = 'A', long = "allow", value_name = "CODE")]
    pub allow: Vec<String>,
    /// Largest topology file accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_SIZE)]
    pub max_input_size: u64,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Topology export: `Get-CsTopology -AsXml` output (UTF-8 or UTF-16) or a `.tbxml` file.
    pub topology: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
    /// When to use colour (NO_COLOR is honoured under `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Largest topology file accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_SIZE)]
    pub max_input_size: u64,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The finding code, e.g. `ca-mismatch`.
    #[arg(required_unless_present = "all", value_parser = parse_code)]
    pub code: Option<Code>,
    /// List every code with its default severity and summary.
    #[arg(long, conflicts_with = "code")]
    pub all: bool,
}

fn parse_code(s: &str) -> Result<Code, String> {
    s.parse()
}

/// Parse `--valid-at`: `YYYY-MM-DD` (midnight UTC) or RFC 3339.
pub fn parse_valid_at(value: &str) -> Result<OffsetDateTime, Error> {
    use time::format_description::well_known::Rfc3339;
    let v = value.trim();
    if let Ok(t) = OffsetDateTime::parse(v, &Rfc3339) {
        return Ok(t.to_offset(time::UtcOffset::UTC));
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(v, &fmt)
        .map(|d| d.midnight().assume_utc())
        .map_err(|_| Error::ValidAt {
            value: value.to_string(),
        })
}

fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn overrides(args: &CheckArgs) -> Result<Vec<(Target, Level)>, Error> {
    let mut out = Vec::new();
    for (list, level) in [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ] {
        for name in list {
            let target = if name == "warnings" && level == Level::Deny {
                Target::Warnings
            } else {
                Target::Code(name.parse().map_err(Error::Usage)?)
            };
            out.push((target, level));
        }
    }
    Ok(out)
}

/// Run a parsed command. Returns the exit status.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let stdout_tty = std::io::stdout().is_terminal();
    let result = match cli.command {
        Command::Check(args) => run_check(&args, out, stdout_tty),
        Command::List(args) => run_list(&args, out, stdout_tty),
        Command::Explain(args) => {
            let text = match args.code {
                Some(code) => report::explain(code),
                None => report::explain_all(),
            };
            write_out(out, &text).map(|()| 0)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "{}", report::human::render_error(&e, false));
            2
        }
    }
}

fn write_out(out: &mut dyn Write, text: &str) -> Result<(), Error> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`topocert … | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(Error::Write {
            path: "standard output".into(),
            source,
        }),
    }
}

fn run_check(args: &CheckArgs, out: &mut dyn Write, tty: bool) -> Result<u8, Error> {
    let valid_at = match &args.valid_at {
        Some(v) => parse_valid_at(v)?,
        None => OffsetDateTime::now_utc(),
    };
    let mut config = Config::discover(args.config.as_deref(), &args.topology)?;
    config.overrides.extend(overrides(args)?);
    let pfx_password = match &args.pfx_password_env {
        Some(var) => Some(std::env::var(var).map_err(|_| {
            Error::Usage(format!(
                "--pfx-password-env names `{var}`, but that environment variable is not set"
            ))
        })?),
        None => None,
    };
    let mut certs = args.certs.clone();
    for p in config.manifest_paths() {
        if !certs.iter().any(|c| c == p) {
            certs.push(p.to_path_buf());
        }
    }
    let opts = CheckOptions {
        certs,
        ca: args.ca.clone(),
        valid_at,
        pfx_password,
        config,
        max_input_size: args.max_input_size,
    };
    let rep = check::check(&args.topology, &opts)?;
    let text = match args.format {
        CheckFormat::Human => {
            report::human::render_check(&rep, use_color(args.color, tty), args.quiet)
        }
        CheckFormat::Json => report::json::render_check(&rep),
    };
    write_out(out, &text)?;
    Ok(u8::from(rep.has_errors()))
}

fn run_list(args: &ListArgs, out: &mut dyn Write, tty: bool) -> Result<u8, Error> {
    let topology = crate::load_topology(&args.topology, args.max_input_size)?;
    let roles = crate::roles::resolve(&topology);
    let findings = check::topology_findings(&topology, &roles);
    let text = match args.format {
        ListFormat::Human => {
            report::human::render_list(&topology, &roles, &findings, use_color(args.color, tty))
        }
        ListFormat::Json => report::json::render_list(&topology, &roles, &findings),
    };
    write_out(out, &text)?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn valid_at_accepts_date_and_rfc3339() {
        let d = parse_valid_at("2026-06-01").unwrap();
        assert_eq!(d.unix_timestamp(), 1_780_272_000);
        let t = parse_valid_at("2026-06-01T02:00:00+02:00").unwrap();
        assert_eq!(t, d);
        assert!(parse_valid_at("June 1st").is_err());
        assert!(parse_valid_at("2026-13-01").is_err());
    }
}
