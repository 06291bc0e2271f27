/*!
The command line: clap definitions and [`run`], which executes a parsed command and
writes its output to the writers it is given. Exit statuses: 0 no error-level
finding, 1 error-level findings, 2 the command could not run.
*/

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use time::OffsetDateTime;

use crate::check::{self, CheckOptions};
use crate::config::Config;
use crate::error::Error;
use crate::report;
use crate::rules::Code;
use crate::rules::{Level, Target};
use crate::source::DEFAULT_MAX_INPUT_SIZE;

pub mod help;

/// Validate Lync Server 2013 / Skype for Business Server topology exports against
/// the Persistent Chat certificate requirement.
#[derive(Debug, Parser)]
#[command(name = "topocert", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of the messages (default: LC_ALL, LC_MESSAGES, LANG; JSON, SARIF and
    /// GitHub output stay English unless --lang is given).
    #[arg(long, value_enum, global = true, value_name = "LANG")]
    pub lang: Option<LangChoice>,
    /// The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), read by the
    /// binary; `None` (English) in library use.
    #[arg(skip)]
    pub env_lang: Option<crate::i18n::Lang>,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// English.
    En,
    /// Japanese (日本語).
    Ja,
}

impl From<LangChoice> for crate::i18n::Lang {
    fn from(l: LangChoice) -> Self {
        match l {
            LangChoice::En => crate::i18n::Lang::En,
            LangChoice::Ja => crate::i18n::Lang::Ja,
        }
    }
}

impl Cli {
    /// The language of the run: `--lang`, else the environment's, except that a
    /// machine-readable document (JSON, SARIF, GitHub annotations) and its run stay
    /// English unless `--lang` is given, so a gate's logs do not change with the
    /// runner's locale.
    pub fn language(&self) -> crate::i18n::Lang {
        use crate::i18n::Lang;
        if let Some(l) = self.lang {
            return l.into();
        }
        let machine = match &self.command {
            Command::Check(a) => matches!(
                a.format,
                CheckFormat::Json | CheckFormat::Sarif | CheckFormat::Github
            ),
            Command::List(a) => a.format == ListFormat::Json,
            Command::Plan(a) => a.format == PlanFormat::Json,
            Command::Explain(_) | Command::Completions(_) | Command::Man(_) => false,
        };
        if machine {
            Lang::En
        } else {
            self.env_lang.unwrap_or(Lang::En)
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every Persistent Chat file-transfer server's certificate.
    Check(CheckArgs),
    /// List the servers that run the Persistent Chat file-transfer web service.
    List(ListArgs),
    /// Plan the certificate request every Persistent Chat file-transfer server needs.
    Plan(PlanArgs),
    /// Explain a finding code.
    Explain(ExplainArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), generated from the command-line definition.
    #[command(hide = true)]
    Man(ManArgs),
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
    /// One `path:line:col: severity[code]: message` line per finding (gcc style).
    Short,
    /// JSON report (schemas/report.schema.json).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`), shown as annotations.
    Github,
    /// One self-contained HTML review page.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A readable table.
    Human,
    /// JSON.
    Json,
}

/// Where a command writes its document.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write the output to FILE instead of standard output: a regular file is
    /// replaced atomically, a device or FIFO written into, `-` is standard output.
    /// A file that is one of the run's inputs is refused.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl OutputArgs {
    /// The file to write, `None` for standard output.
    fn file(&self) -> Option<&Path> {
        self.output.as_deref().filter(|p| *p != Path::new("-"))
    }
}

/// Options every command that reads a topology takes.
#[derive(Debug, Args)]
pub struct CommonArgs {
    #[command(flatten)]
    pub color: ColorArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Colour of the terminal output.
#[derive(Debug, Args)]
pub struct ColorArgs {
    /// When to use colour (NO_COLOR is honoured under `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Limits on reading the topology.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Largest topology file accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_SIZE)]
    pub max_input_size: u64,
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
    /// Treat a code (or `warnings`: every warning) as an error; repeatable.
    #[arg(short = 'D', long = "deny", value_name = "CODE", value_parser = parse_target)]
    pub deny: Vec<Target>,
    /// Report a code as a warning; repeatable.
    #[arg(short = 'W', long = "warn", value_name = "CODE", value_parser = parse_code_target)]
    pub warn: Vec<Target>,
    /// Do not report a code; repeatable.
    #[arg(short = 'A', long = "allow", value_name = "CODE", value_parser = parse_code_target)]
    pub allow: Vec<Target>,
    /// Most certificate files read from --certs.
    #[arg(long, value_name = "N", default_value_t = check::DEFAULT_MAX_CERT_FILES)]
    pub max_cert_files: usize,
    /// Follow symbolic links in --certs folders that lead outside them (reported and
    /// not followed by default).
    #[arg(long)]
    pub follow_external_links: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub probe: Box<ProbeArgs>,
}

/// `check --probe` and its settings.
#[derive(Debug, Args)]
pub struct ProbeArgs {
    /// Take each server's certificate chain over TLS (a supplied file for a server wins).
    #[arg(long)]
    pub probe: bool,
    /// Port probed on each server.
    #[arg(long, value_name = "PORT", default_value_t = crate::probe::DEFAULT_PORT, requires = "probe",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub probe_port: u16,
    /// Reach the server FQDN at ADDRESS (IP or name), optionally on PORT; repeatable.
    #[arg(long, value_name = "FQDN=ADDRESS[:PORT]", requires = "probe")]
    pub connect: Vec<crate::probe::Connect>,
    /// Time for each server's resolution, connection and handshake: seconds or `500ms`.
    #[arg(long, value_name = "DURATION", default_value = "5", requires = "probe",
          value_parser = crate::probe::parse_timeout)]
    pub probe_timeout: std::time::Duration,
    /// Servers probed at once.
    #[arg(long, value_name = "N", default_value_t = crate::probe::DEFAULT_JOBS, requires = "probe",
          value_parser = parse_jobs)]
    pub probe_jobs: usize,
    /// Write each presented chain as DIR/FQDN.pem, to check again without network.
    #[arg(long, value_name = "DIR", requires = "probe")]
    pub save_probed: Option<PathBuf>,
    /// Replace chains that already exist in the --save-probed DIR.
    #[arg(long, requires = "save_probed")]
    pub force: bool,
}

fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=4096).contains(&n) => Ok(n),
        _ => Err(crate::t!("cli-jobs-invalid", value = s)),
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Topology export: `Get-CsTopology -AsXml` output (UTF-8 or UTF-16) or a `.tbxml` file.
    pub topology: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// One report per server showing why each name is requested, then a table.
    Human,
    /// JSON (schemas/plan.schema.json).
    Json,
    /// CSV (RFC 4180) for a PKI team: fqdn, pool, site, subject, sans (`;`), key_size.
    Csv,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Topology export: `Get-CsTopology -AsXml` output (UTF-8 or UTF-16) or a `.tbxml` file.
    pub topology: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PlanFormat::Human)]
    pub format: PlanFormat,
    /// Write one request template per server, named by its FQDN, into DIR (created if missing).
    #[arg(long, value_name = "DIR")]
    pub emit: Option<PathBuf>,
    /// Templates --emit writes: certreq INF (Windows), OpenSSL req config, or both.
    #[arg(long, value_enum, default_value_t = crate::plan::RequestFormat::Both)]
    pub request_format: crate::plan::RequestFormat,
    /// RSA key size of the requests.
    #[arg(long, value_enum, default_value_t = crate::plan::KeySize::Rsa2048)]
    pub key_size: crate::plan::KeySize,
    /// AD CS certificate template to request (certreq `CertificateTemplate` attribute).
    #[arg(long, value_name = "NAME")]
    pub ca_template: Option<String>,
    /// Replace request templates that already exist in DIR.
    #[arg(long, requires = "emit")]
    pub force: bool,
    /// combined: one certificate for Default, internal and external web services (the
    /// wizard's default); split: also a separate external web services request (public CA).
    /// Default: `[web] layout` of the config, else combined.
    #[arg(long, value_enum)]
    pub layout: Option<crate::names::Layout>,
    /// Mark the private keys exportable: needed only to share one certificate among
    /// a pool's servers (export it from one, import it on the others).
    #[arg(long)]
    pub exportable: bool,
    /// Certificate file or folder to compare with the plan: per server, which names
    /// it covers and which are missing (what `check` reports); repeatable.
    #[arg(long = "check", value_name = "CERTS")]
    pub check: Vec<PathBuf>,
    /// Config file (default: topocert.toml next to the topology, if present): `[web]`
    /// and, for --check, `[certificates]`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
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

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Print the page of this subcommand (`check`, `list`, …) instead of the main page.
    #[arg(value_name = "SUBCOMMAND")]
    pub subcommand: Option<String>,
    /// Write every page (topocert.1, topocert-check.1, …) into DIR instead of printing.
    #[arg(long, value_name = "DIR", conflicts_with = "subcommand")]
    pub dir: Option<PathBuf>,
}

fn parse_code(s: &str) -> Result<Code, String> {
    s.parse()
}

/// `-W`/`-A`: a finding code.
fn parse_code_target(s: &str) -> Result<Target, String> {
    parse_code(s).map(Target::Code)
}

/// `-D`: a finding code, or `warnings` for every warning.
fn parse_target(s: &str) -> Result<Target, String> {
    if s == "warnings" {
        Ok(Target::Warnings)
    } else {
        parse_code_target(s)
    }
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

/// Whether to colour: `always`/`never` as asked; under `auto` only on a terminal and
/// only when `NO_COLOR` is unset or empty (<https://no-color.org>).
pub fn use_color(choice: ColorChoice, is_terminal: bool, no_color: Option<OsString>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && no_color.is_none_or(|v| v.is_empty()),
    }
}

/// [`use_color`] for output going to standard output (`to_file == false`) or a file.
fn color_for(choice: ColorChoice, stdout_tty: bool, to_file: bool) -> bool {
    use_color(choice, stdout_tty && !to_file, std::env::var_os("NO_COLOR"))
}

/// The command-line levels, in the order they apply (allow, warn, deny: a deny wins).
fn overrides(args: &CheckArgs) -> Vec<(Target, Level)> {
    let allow = args.allow.iter().map(|t| (*t, Level::Allow));
    let warn = args.warn.iter().map(|t| (*t, Level::Warn));
    let deny = args.deny.iter().map(|t| (*t, Level::Deny));
    allow.chain(warn).chain(deny).collect()
}

/// Run a parsed command. Returns the exit status.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    crate::i18n::set(cli.language());
    let stdout_tty = std::io::stdout().is_terminal();
    let result = match cli.command {
        Command::Check(args) => run_check(&args, out, stdout_tty),
        Command::List(args) => run_list(&args, out, stdout_tty),
        Command::Plan(args) => run_plan(&args, out, err, stdout_tty),
        Command::Explain(args) => {
            let text = match args.code {
                Some(code) => report::explain(code),
                None => report::explain_all(),
            };
            write_out(out, &text).map(|()| 0)
        }
        Command::Completions(args) => {
            let mut buf = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "topocert", &mut buf);
            write_out(out, &String::from_utf8_lossy(&buf)).map(|()| 0)
        }
        Command::Man(args) => match &args.dir {
            Some(dir) => clap_mangen::generate_to(Cli::command(), dir)
                .map(|()| 0)
                .map_err(|source| Error::Write {
                    path: crate::paths::display(dir),
                    source,
                }),
            None => man_page(args.subcommand.as_deref())
                .and_then(|text| write_out(out, &text).map(|()| 0)),
        },
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "{}", report::human::render_error(&e, false));
            2
        }
    }
}

/// The roff manual page of `topocert` (or of one of its subcommands, named
/// `topocert-check` and so on), from the clap definition.
pub fn man_page(subcommand: Option<&str>) -> Result<String, Error> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let page = match subcommand {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name).filter(|s| !s.is_hide_set()) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cmd
                    .get_subcommands()
                    .filter(|s| !s.is_hide_set())
                    .map(|s| s.get_name())
                    .collect();
                return Err(Error::Usage(crate::t!(
                    "cli-man-no-subcommand",
                    name = name,
                    pages = names.join(", ")
                )));
            }
        },
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut buf)
        .map_err(|source| Error::Write {
            path: crate::t!("cli-man-page"),
            source,
        })?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// Write `text` to `path` atomically: a temporary file in the same directory, then a
/// rename over the target, so readers never see half a report. A report is not a
/// secret: it keeps the target's mode, or an ordinary file's.
pub fn write_file_atomic(path: &Path, text: &str) -> Result<(), Error> {
    crate::atomic::write(
        path,
        text.as_bytes(),
        None,
        crate::atomic::Existing::Replace,
    )
    .map_err(|source| Error::Write {
        path: crate::paths::display(path),
        source,
    })
}

/// Send a rendered document to `--output FILE` or to standard output. `inputs`
/// are the files the run read: none of them is ever overwritten.
fn emit(
    out: &mut dyn Write,
    output: Option<&Path>,
    text: &str,
    inputs: &[PathBuf],
) -> Result<(), Error> {
    let Some(path) = output else {
        return write_out(out, text);
    };
    refuse_input(path, inputs)?;
    match std::fs::metadata(path) {
        // A character device (`/dev/null`, `/dev/stdout`), a FIFO or a socket is
        // written into: renaming over it would replace the device with a file.
        Ok(m) if !m.is_file() && !m.is_dir() => {
            let fail = |source| Error::Write {
                path: crate::paths::display(path),
                source,
            };
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(fail)?;
            match f.write_all(text.as_bytes()).and_then(|()| f.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(fail(e)),
                _ => Ok(()),
            }
        }
        _ => write_file_atomic(path, text),
    }
}

/// Refuse `output` when it is one of `inputs`: the same canonical path, or the
/// same file by device and inode (a hard link, another name for it).
fn refuse_input(output: &Path, inputs: &[PathBuf]) -> Result<(), Error> {
    // A file that does not exist yet is no input.
    let Ok(out_meta) = std::fs::metadata(output) else {
        return Ok(());
    };
    let out_canonical = std::fs::canonicalize(output).ok();
    for input in inputs {
        let Ok(meta) = std::fs::metadata(input) else {
            continue;
        };
        let same = same_file(&out_meta, &meta)
            || (out_canonical.is_some() && std::fs::canonicalize(input).ok() == out_canonical);
        if same {
            return Err(Error::Usage(crate::t!(
                "cli-output-is-input",
                output = crate::paths::display(output),
                input = crate::paths::display(input)
            )));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
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
    config.settings.overrides.extend(overrides(args));
    let pfx_password = match &args.pfx_password_env {
        Some(var) => Some(
            std::env::var(var)
                .map_err(|_| Error::Usage(crate::t!("cli-pfx-env-unset", var = var.as_str())))?,
        ),
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
        max_input_size: args.common.input.max_input_size,
        max_cert_files: args.max_cert_files,
        probe: probe_options(args),
        follow_external_links: args.follow_external_links,
    };
    let config_path = opts.config.path.clone();
    let rep = check::check(&args.topology, &opts)?;
    if let Some(dir) = &args.probe.save_probed {
        save_probed(&rep, dir, args.probe.force)?;
    }
    let color = color_for(args.common.color.color, tty, args.output.file().is_some());
    let text = match args.format {
        CheckFormat::Human => report::human::render_check(&rep, color, args.quiet),
        CheckFormat::Short => report::short::render_check(&rep, color),
        CheckFormat::Json => report::json::render_check(&rep),
        CheckFormat::Sarif => {
            let base = std::env::current_dir().unwrap_or_default();
            report::sarif::render_check(&rep, &base)
        }
        CheckFormat::Github => {
            let base = std::env::var_os("GITHUB_WORKSPACE")
                .filter(|w| !w.is_empty())
                .map(PathBuf::from)
                .or_else(|| std::env::current_dir().ok())
                .unwrap_or_default();
            report::github::render_check(&rep, &base)
        }
        CheckFormat::Html => report::html::render_check(&rep),
    };
    let inputs: Vec<PathBuf> = std::iter::once(args.topology.clone())
        .chain(args.ca.iter().cloned())
        .chain(config_path)
        .chain(opts.certs.iter().cloned())
        .chain(rep.files.iter().map(|f| PathBuf::from(&f.path)))
        .collect();
    emit(out, args.output.file(), &text, &inputs)?;
    Ok(u8::from(rep.has_errors()))
}

/// The probe settings of `check`, with a progress bar when people watch standard error.
fn probe_options(args: &CheckArgs) -> Option<crate::probe::ProbeOptions> {
    let p = &args.probe;
    let for_people = matches!(
        args.format,
        CheckFormat::Human | CheckFormat::Short | CheckFormat::Html
    );
    let bar = for_people && !args.quiet && std::io::stderr().is_terminal();
    p.probe.then(|| crate::probe::ProbeOptions {
        port: p.probe_port,
        connect: p.connect.clone(),
        timeout: p.probe_timeout,
        jobs: p.probe_jobs,
        progress: bar.then(crate::progress::ProbeBar::shared),
    })
}

/// `--save-probed DIR`: the chains the servers presented, as `FQDN.pem`.
fn save_probed(rep: &check::Report, dir: &Path, force: bool) -> Result<(), Error> {
    let chains: Vec<(crate::fqdn::Fqdn, &crate::certs::LoadedFile)> = rep
        .files
        .iter()
        .filter_map(|f| {
            let loaded = f.loaded.as_ref().ok()?;
            let server = rep.roles.servers.get(*f.servers.first()?)?;
            (loaded.format == crate::certs::CertFormat::Tls)
                .then(|| Some((server.fqdn.clone()?, loaded)))
                .flatten()
        })
        .collect();
    crate::probe::save(dir, &chains, force)
        .map(drop)
        .map_err(Error::Usage)
}

fn run_list(args: &ListArgs, out: &mut dyn Write, tty: bool) -> Result<u8, Error> {
    let topology = crate::topology::load(&args.topology, args.common.input.max_input_size)?;
    let roles = crate::roles::resolve(&topology);
    let findings = check::topology_findings(&topology, &roles);
    let color = color_for(args.common.color.color, tty, args.output.file().is_some());
    let text = match args.format {
        ListFormat::Human => report::human::render_list(&topology, &roles, &findings, color),
        ListFormat::Json => report::json::render_list(&topology, &roles, &findings),
    };
    emit(
        out,
        args.output.file(),
        &text,
        std::slice::from_ref(&args.topology),
    )?;
    Ok(0)
}

/// `topocert plan`: exit 0 when every file-transfer server has a planned request, 1
/// when some could not be planned (each is reported, located), 2 when it cannot run.
fn run_plan(
    args: &PlanArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    tty: bool,
) -> Result<u8, Error> {
    let config = Config::discover(args.config.as_deref(), &args.topology)?;
    let mut opts = crate::plan::PlanOptions::new(args.key_size, args.ca_template.clone())?;
    opts.web = config.web.clone();
    if let Some(layout) = args.layout {
        opts.web.layout = layout;
    }
    opts.exportable = args.exportable;
    let mut plan = crate::plan::plan_file(&args.topology, args.common.input.max_input_size, &opts)?;
    if !args.check.is_empty() {
        let mut paths = args.check.clone();
        for p in config.manifest_paths() {
            if !paths.iter().any(|c| c == p) {
                paths.push(p.to_path_buf());
            }
        }
        let mut files = crate::certs::load_files(
            &paths,
            &crate::certs::LoadOptions::default(),
            check::DEFAULT_MAX_CERT_FILES,
        )?;
        plan.check_coverage(&mut files, &config.certificates);
    }
    let emitted = match &args.emit {
        Some(dir) => {
            let templates = report::plan::templates(&plan, args.request_format);
            crate::plan::write_templates(dir, &templates, args.force)?
        }
        None => Vec::new(),
    };
    let text = match args.format {
        PlanFormat::Human => report::plan::render_human(
            &plan,
            &emitted,
            color_for(args.common.color.color, tty, false),
        ),
        PlanFormat::Json => report::plan::render_json(&plan, &emitted),
        PlanFormat::Csv => {
            // CSV has no room for them: servers without a request go to standard error.
            let skipped = report::plan::render_skipped_short(&plan);
            if !skipped.is_empty() {
                let _ = err.write_all(skipped.as_bytes());
            }
            report::plan::render_csv(&plan)
        }
    };
    write_out(out, &text)?;
    if args.format == PlanFormat::Csv && !emitted.is_empty() {
        let _ = writeln!(err, "{}", crate::t!("cli-plan-wrote", n = emitted.len()));
    }
    Ok(u8::from(plan.incomplete() || plan.coverage_fails()))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn no_color_is_honoured_under_auto_only() {
        let set = || Some(OsString::from("1"));
        assert!(use_color(ColorChoice::Auto, true, None));
        assert!(use_color(ColorChoice::Auto, true, Some(OsString::new())));
        assert!(!use_color(ColorChoice::Auto, true, set()));
        assert!(!use_color(ColorChoice::Auto, false, None));
        assert!(use_color(ColorChoice::Always, false, set()));
        assert!(!use_color(ColorChoice::Never, true, None));
    }

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.json");
        std::fs::write(&target, "old").unwrap();
        write_file_atomic(&target, "new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![OsString::from("report.json")]);
        let missing = dir.path().join("no/such/dir/report.json");
        assert!(matches!(
            write_file_atomic(&missing, "x"),
            Err(Error::Write { .. })
        ));
    }
}
