//! What Windows users get, pinned on every platform: PowerShell completions that are a
//! well-formed PowerShell script, certreq INF files certreq reads in any code page,
//! colours only when asked for. `scripts/windows-smoke.sh` runs the Windows build
//! itself under wine and compares its output with these.

mod common;

use assert_cmd::Command;
use clap::CommandFactory;
use common::{Out, run_cmd};

fn topocert() -> Command {
    let mut c = Command::cargo_bin("topocert").expect("the binary is built");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

fn run(args: &[&str]) -> Out {
    let mut c = topocert();
    c.args(args);
    run_cmd(c)
}

/// One PowerShell token that matters for structure.
#[derive(Debug, PartialEq)]
enum Tok {
    Open(char),
    Close(char),
    Str(String),
    Word(String),
}

/// A PowerShell lexer for structure: strings ('…' with '' escapes, "…" with backtick
/// escapes, @'…'@ and @"…"@ here-strings), comments (# and <# #>), and the brackets
/// (), {}, [], @( and @{. Errors name the line.
fn lex(src: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let line_of = |i: usize| chars[..i].iter().filter(|c| **c == '\n').count() + 1;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '<' if chars.get(i + 1) == Some(&'#') => {
                let start = i;
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '#' && chars[i + 1] == '>') {
                    i += 1;
                }
                if i + 1 >= chars.len() {
                    return Err(format!(
                        "block comment from line {} not closed",
                        line_of(start)
                    ));
                }
                i += 2;
            }
            '@' if matches!(chars.get(i + 1), Some('\'') | Some('"'))
                && chars.get(i + 2) == Some(&'\n') =>
            {
                let q = chars[i + 1];
                let start = i;
                i += 3;
                let mut s = String::new();
                loop {
                    if i >= chars.len() {
                        return Err(format!(
                            "here-string from line {} not closed",
                            line_of(start)
                        ));
                    }
                    if chars[i] == '\n'
                        && chars.get(i + 1) == Some(&q)
                        && chars.get(i + 2) == Some(&'@')
                    {
                        i += 3;
                        break;
                    }
                    s.push(chars[i]);
                    i += 1;
                }
                toks.push(Tok::Str(s));
            }
            '@' if matches!(chars.get(i + 1), Some('(') | Some('{')) => {
                toks.push(Tok::Open(chars[i + 1]));
                i += 2;
            }
            '\'' => {
                let start = i;
                i += 1;
                let mut s = String::new();
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(format!("string from line {} not closed", line_of(start)));
                        }
                        Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                            s.push('\'');
                            i += 2;
                        }
                        Some('\'') => {
                            i += 1;
                            break;
                        }
                        Some(c) => {
                            s.push(*c);
                            i += 1;
                        }
                    }
                }
                toks.push(Tok::Str(s));
            }
            '"' => {
                let start = i;
                i += 1;
                let mut s = String::new();
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(format!("string from line {} not closed", line_of(start)));
                        }
                        Some('`') => {
                            if let Some(c) = chars.get(i + 1) {
                                s.push(*c);
                            }
                            i += 2;
                        }
                        Some('"') if chars.get(i + 1) == Some(&'"') => {
                            s.push('"');
                            i += 2;
                        }
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some(c) => {
                            s.push(*c);
                            i += 1;
                        }
                    }
                }
                toks.push(Tok::Str(s));
            }
            '(' | '{' | '[' => {
                toks.push(Tok::Open(c));
                i += 1;
            }
            ')' | '}' | ']' => {
                toks.push(Tok::Close(c));
                i += 1;
            }
            c if c.is_whitespace() || c == ';' || c == ',' => i += 1,
            _ => {
                let mut w = String::new();
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !"(){}[]'\";,".contains(chars[i])
                {
                    w.push(chars[i]);
                    i += 1;
                }
                toks.push(Tok::Word(w));
            }
        }
    }
    Ok(toks)
}

/// Brackets nest and close in order.
fn balanced(toks: &[Tok]) -> Result<(), String> {
    let mut stack = Vec::new();
    for (n, t) in toks.iter().enumerate() {
        match t {
            Tok::Open(c) => stack.push(*c),
            Tok::Close(c) => {
                let want = match c {
                    ')' => '(',
                    '}' => '{',
                    _ => '[',
                };
                if stack.pop() != Some(want) {
                    return Err(format!("`{c}` at token {n} closes nothing it opened"));
                }
            }
            _ => {}
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("{} brackets not closed: {stack:?}", stack.len()))
    }
}

/// The lexer itself catches what it must.
#[test]
fn powershell_lexer_rejects_broken_scripts() {
    for bad in [
        "Register-ArgumentCompleter -ScriptBlock { 'a' ",
        "$x = @( 'a' ",
        "$x = 'it''s",
        "$x = \"a`\"",
        "<# never closed",
        "$x = ( 1 ]",
    ] {
        let r = lex(bad).and_then(|t| balanced(&t));
        assert!(r.is_err(), "accepted: {bad}");
    }
    assert!(
        lex("$x = @{ a = 'it''s'; b = \"q`\"\" } # (\n<# { #>")
            .and_then(|t| balanced(&t))
            .is_ok()
    );
}

/// `completions powershell` is a complete PowerShell script: strings and brackets
/// close, it registers a native completer for `topocert`, and every subcommand and
/// every long option of `check` is offered.
#[test]
fn powershell_completions_are_a_well_formed_script() {
    let out = run(&["completions", "powershell"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let script = out.stdout;
    let toks = lex(&script).unwrap_or_else(|e| panic!("{e}\n{script}"));
    balanced(&toks).unwrap_or_else(|e| panic!("{e}\n{script}"));

    let words: Vec<&str> = toks
        .iter()
        .filter_map(|t| match t {
            Tok::Word(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let at = words
        .iter()
        .position(|w| *w == "Register-ArgumentCompleter")
        .expect("Register-ArgumentCompleter");
    assert_eq!(
        words.get(at + 1..at + 4),
        Some(&["-Native", "-CommandName", "-ScriptBlock"][..]),
        "not a native completer for one command"
    );
    assert!(toks.contains(&Tok::Str("topocert".into())));

    let strings: Vec<&str> = toks
        .iter()
        .filter_map(|t| match t {
            Tok::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let cli = topocert::cli::Cli::command();
    for sub in cli.get_subcommands() {
        let case = format!("topocert;{}", sub.get_name());
        assert!(strings.contains(&case.as_str()), "no case for {case}");
    }
    let check = cli.find_subcommand("check").expect("check");
    for arg in check.get_arguments() {
        if let Some(long) = arg.get_long() {
            let flag = format!("--{long}");
            assert!(
                strings.contains(&flag.as_str()),
                "check {flag} is not offered"
            );
        }
    }
}

/// certreq reads an INF file in the system's code page unless it has a BOM: the
/// emitted INF files are ASCII with CRLF, which every code page reads the same.
#[test]
fn certreq_inf_files_are_ascii_with_crlf() {
    let tmp = tempfile::Builder::new()
        .prefix("topocert-windows-")
        .tempdir()
        .expect("temporary folder");
    let dir = tmp.path().join("emit");
    let dir_arg = dir.display().to_string();
    let out = run(&[
        "plan",
        "samples/enterprise-utf16/topology.xml",
        "--emit",
        &dir_arg,
        "--request-format",
        "certreq",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("emitted") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        let name = path.display();
        assert!(bytes.is_ascii(), "{name} is not ASCII");
        assert!(!bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "{name} has a BOM");
        let lf = bytes.iter().filter(|b| **b == b'\n').count();
        let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
        assert!(
            lf > 10 && crlf == lf,
            "{name}: {crlf} CRLF of {lf} line ends"
        );
        n += 1;
    }
    assert_eq!(n, 5);
}

/// Colour: `--color always` writes ANSI sequences even into a pipe (the Windows
/// console stream passes them through there too); `auto` writes none into a pipe, and
/// NO_COLOR keeps `auto` plain; `never` is plain.
#[test]
fn colours_only_when_asked_for() {
    let args = |color: &'static str| {
        vec![
            "check",
            "samples/enterprise/topology.xml",
            "--certs",
            "samples/enterprise/certs",
            "--valid-at",
            "2026-06-01",
            "--format",
            "short",
            "--color",
            color,
        ]
    };
    let always = run(&args("always"));
    assert!(always.stdout.contains("\u{1b}["), "{}", always.stdout);
    for color in ["auto", "never"] {
        let out = run(&args(color));
        assert!(!out.stdout.contains('\u{1b}'), "{color}: {}", out.stdout);
        let mut c = topocert();
        c.env("NO_COLOR", "1").args(args(color));
        let out = run_cmd(c);
        assert!(!out.stdout.contains('\u{1b}'), "{color} + NO_COLOR");
    }
    // Plain output is the same text without the sequences.
    let plain = run(&args("never")).stdout;
    let mut stripped = String::new();
    let mut in_seq = false;
    for c in always.stdout.chars() {
        match (in_seq, c) {
            (false, '\u{1b}') => in_seq = true,
            (true, 'm') => in_seq = false,
            (true, _) => {}
            (false, c) => stripped.push(c),
        }
    }
    assert_eq!(stripped, plain);
}
