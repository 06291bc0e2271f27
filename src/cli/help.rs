/*!
The command line's own texts in the language of the run: `--help`, the subcommand
summaries, every option's help and the help of its values, from `locales/<lang>/cli.ftl`.

The English texts are the clap definitions' doc comments, used as they are;
`tests/i18n_cli.rs` keeps the English catalogue equal to them, so a Japanese text
exists for every one. For another language [`command`] walks the built clap command
and replaces each text with the catalogue's: commands by `cli-cmd-<name>`, options by
`cli-<command>-<option>` or, when every command that has it says the same,
`cli-arg-<option>`, values by `cli-value-<command>-<option>-<value>`. clap's own
headings and its help and version flags are replaced too; its error messages
(`error: unexpected argument …`) stay English: clap offers no way to translate them.
*/

use std::ffi::OsString;
use std::marker::PhantomData;

use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Arg, Command, CommandFactory, ValueEnum};

use super::{CheckFormat, Cli, LangChoice, ListFormat, PlanFormat};
use crate::i18n::{Lang, message_in};

/// The language `--help` speaks: `--lang` when the command line gives it (looked for
/// before parsing, as `--lang ja` or `--lang=ja`, up to a `--`), else `env`.
pub fn help_language(args: &[OsString], env: Lang) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(a) = it.next() {
        let value = match a {
            "--" => break,
            "--lang" => it.next(),
            _ => a.strip_prefix("--lang="),
        };
        match value {
            Some(v) if v.eq_ignore_ascii_case("ja") => return Lang::Ja,
            Some(v) if v.eq_ignore_ascii_case("en") => return Lang::En,
            _ => {}
        }
    }
    env
}

/// The clap command of topocert with its texts in `lang` (built: every flag and the
/// `help` subcommand exist).
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    if lang == Lang::En {
        return cmd;
    }
    localise(cmd, lang)
}

/// The catalogue id of an option's help: the command's own, else the shared one.
pub fn arg_id(lang: Lang, command: &str, arg: &str) -> String {
    let own = format!("cli-{command}-{}", arg.replace('_', "-"));
    if crate::i18n::exists(lang, &own) {
        own
    } else {
        format!("cli-arg-{}", arg.replace('_', "-"))
    }
}

/// The catalogue id of a command's summary.
pub fn command_id(name: &str) -> String {
    format!("cli-cmd-{name}")
}

/// The catalogue id of the help of one value of an option.
pub fn value_id(command: &str, arg: &str, value: &str) -> String {
    // A global option's values are the main command's, in every subcommand.
    let command = if arg == "lang" { "topocert" } else { command };
    format!("cli-value-{command}-{}-{value}", arg.replace('_', "-"))
}

fn localise(cmd: Command, lang: Lang) -> Command {
    let t = |id: &str| message_in(lang, id, None);
    let name = cmd.get_name().to_string();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t("cli-heading-usage")
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t("cli-heading-commands"));
    if cmd.get_about().is_some() {
        cmd = cmd.about(t(&command_id(&name)));
    }
    if cmd.get_long_about().is_some() {
        cmd = cmd.long_about(t(&format!("{}.long", command_id(&name))));
    }
    let ids: Vec<(String, bool, bool, bool)> = cmd
        .get_arguments()
        .map(|a| {
            let id = a.get_id().to_string();
            (
                id,
                a.is_positional(),
                a.get_help().is_some(),
                a.get_long_help().is_some(),
            )
        })
        .collect();
    for (id, positional, has_help, has_long) in ids {
        let heading = if positional {
            t("cli-heading-arguments")
        } else {
            t("cli-heading-options")
        };
        let key = arg_id(lang, &name, &id);
        let help = has_help.then(|| t(&key));
        let long = has_long.then(|| t(&format!("{key}.long")));
        let values = values(lang, &name, &id);
        cmd = cmd.mut_arg(&id, |a| {
            let mut a = a.help_heading(heading);
            if let Some(h) = help {
                a = a.help(h);
            }
            if let Some(l) = long {
                a = a.long_help(l);
            }
            let a = match values {
                Some(f) => f(a),
                None => a,
            };
            with_values_and_default(a, lang)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        cmd = cmd.mut_subcommand(&s, |sub| localise(sub, lang));
    }
    cmd
}

/// clap writes "[default: …]" and the possible values in English: `a` with them hidden
/// and written into its help in `lang` instead, as clap lays them out.
fn with_values_and_default(a: Arg, lang: Lang) -> Arg {
    let t = |id: &str, k: &str, v: String| {
        let mut args = crate::i18n::Args::new();
        args.set(k, crate::i18n::Value::from(v));
        message_in(lang, id, Some(&args))
    };
    let values: Vec<PossibleValue> =
        if a.is_hide_possible_values_set() || !a.get_action().takes_values() {
            Vec::new()
        } else {
            a.get_possible_values()
                .into_iter()
                .filter(|v| !v.is_hide_set())
                .collect()
        };
    let default: Vec<String> = if a.is_hide_default_value_set() || !a.get_action().takes_values() {
        Vec::new()
    } else {
        a.get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect()
    };
    if values.is_empty() && default.is_empty() {
        return a;
    }
    let Some(help) = a.get_help().map(|h| h.to_string()) else {
        return a;
    };
    let default = (!default.is_empty()).then(|| t("cli-help-default", "value", default.join(", ")));
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let mut short = help.clone();
    if let Some(d) = &default {
        short.push(' ');
        short.push_str(d);
    }
    if !names.is_empty() {
        short.push(' ');
        short.push_str(&t("cli-help-values", "values", names.join(", ")));
    }
    let a = a
        .hide_possible_values(true)
        .hide_default_value(true)
        .help(short);
    if !values.iter().any(|v| v.get_help().is_some()) {
        return a;
    }
    let mut long = a.get_long_help().map(|h| h.to_string()).unwrap_or(help);
    long.push_str("\n\n");
    long.push_str(&message_in(lang, "cli-help-values-heading", None));
    for v in &values {
        long.push_str(&format!("\n- {}", v.get_name()));
        if let Some(h) = v.get_help() {
            long.push_str(&format!(": {h}"));
        }
    }
    if let Some(d) = default {
        long.push_str("\n\n");
        long.push_str(&d);
    }
    a.long_help(long)
}

type Values = Box<dyn FnOnce(Arg) -> Arg>;

/// The value parser of an option whose values have help, with that help translated.
fn values(lang: Lang, command: &str, arg: &str) -> Option<Values> {
    fn with<E: ValueEnum + Clone + Send + Sync + 'static>(
        lang: Lang,
        command: &str,
        arg: &str,
    ) -> Option<Values> {
        let parser = Localised::<E> {
            lang,
            command: command.to_string(),
            arg: arg.to_string(),
            enum_: PhantomData,
        };
        Some(Box::new(move |a: Arg| a.value_parser(parser)))
    }
    match (command, arg) {
        (_, "lang") => with::<LangChoice>(lang, command, arg),
        ("check", "format") => with::<CheckFormat>(lang, command, arg),
        ("list", "format") => with::<ListFormat>(lang, command, arg),
        ("plan", "format") => with::<PlanFormat>(lang, command, arg),
        ("plan", "request_format") => with::<crate::plan::RequestFormat>(lang, command, arg),
        ("plan", "key_size") => with::<crate::plan::KeySize>(lang, command, arg),
        ("plan", "layout") => with::<crate::names::Layout>(lang, command, arg),
        _ => None,
    }
}

/// [`EnumValueParser`] whose values' help comes from the catalogue.
#[derive(Clone)]
struct Localised<E> {
    lang: Lang,
    command: String,
    arg: String,
    enum_: PhantomData<E>,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Localised<E> {
    type Value = E;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<E, clap::Error> {
        EnumValueParser::<E>::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            E::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value())
                .map(|pv| {
                    if pv.get_help().is_some() {
                        let id = value_id(&self.command, &self.arg, pv.get_name());
                        let help = message_in(self.lang, &id, None);
                        pv.help(help)
                    } else {
                        pv
                    }
                }),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_help_language_comes_from_lang_else_the_environment() {
        let ja = Lang::Ja;
        let en = Lang::En;
        assert_eq!(help_language(&args(&["t", "--help"]), ja), ja);
        assert_eq!(help_language(&args(&["t", "--help"]), en), en);
        assert_eq!(help_language(&args(&["t", "--lang", "ja", "-h"]), en), ja);
        assert_eq!(help_language(&args(&["t", "check", "--lang=ja"]), en), ja);
        assert_eq!(help_language(&args(&["t", "--lang=en", "-h"]), ja), en);
        // After `--` it is an operand, not the option.
        assert_eq!(help_language(&args(&["t", "--", "--lang=ja"]), en), en);
    }
}
