//! The `topocert` binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let env_lang = topocert::i18n::Lang::from_env_vars(|k| std::env::var(k).ok());
    let cli = topocert::cli::parse(std::env::args_os().collect(), env_lang);
    // topocert decides whether to colour (--color, NO_COLOR, terminal); the stream
    // makes the ANSI colours it writes work in a Windows console (passed through
    // unchanged everywhere else, and to files and pipes).
    let mut out = anstream::AutoStream::always(std::io::stdout().lock());
    let code = topocert::run(cli, &mut out, &mut std::io::stderr().lock());
    ExitCode::from(code)
}
