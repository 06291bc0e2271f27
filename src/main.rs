//! The `topocert` binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = topocert::cli::Cli::parse();
    // topocert decides whether to colour (--color, NO_COLOR, terminal); the stream
    // makes the ANSI colours it writes work in a Windows console (passed through
    // unchanged everywhere else, and to files and pipes).
    let mut out = anstream::AutoStream::always(std::io::stdout().lock());
    let code = topocert::run(cli, &mut out, &mut std::io::stderr().lock());
    ExitCode::from(code)
}
