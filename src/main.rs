//! The `topocert` binary: read the environment's language, parse the command line
//! (its help in that language), run, map the outcome to an exit code.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::FromArgMatches;
use topocert::cli::{Cli, help};
use topocert::i18n::Lang;

fn main() -> ExitCode {
    let env_lang = Lang::from_env_vars(|k| std::env::var(k).ok());
    let argv: Vec<OsString> = std::env::args_os().collect();
    // Help and the command line's own errors speak the language a person asked for;
    // `run` then sets the language of the run (machine-readable output: English).
    let lang = help::help_language(&argv, env_lang);
    topocert::i18n::set(lang);
    let matches = help::command(lang).get_matches_from(argv);
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.env_lang = Some(env_lang);
    // topocert decides whether to colour (--color, NO_COLOR, terminal); the stream
    // makes the ANSI colours it writes work in a Windows console (passed through
    // unchanged everywhere else, and to files and pipes).
    let mut out = anstream::AutoStream::always(std::io::stdout().lock());
    let code = topocert::run(cli, &mut out, &mut std::io::stderr().lock());
    ExitCode::from(code)
}
