# The command line's own texts (ids begin with "cli-"): `--help`, command summaries,
# option help and the help of option values. The English texts are the doc comments
# of src/cli/mod.rs, word for word (tests/i18n_cli.rs compares them).

cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments

## Commands (`cli-cmd-<name>`).
cli-cmd-topocert = Validates Lync Server 2013 / Skype for Business topology exports against the Persistent Chat certificate requirements
cli-cmd-check = Check every Persistent Chat file-transfer server's certificate
cli-cmd-list = List the servers that run the Persistent Chat file-transfer web service
cli-cmd-plan = Plan the certificate request every Persistent Chat file-transfer server needs
cli-cmd-explain = Explain a finding code
cli-cmd-completions = Print a shell completion script (bash, zsh, fish, powershell, elvish)
cli-cmd-man = Print the manual page (roff), generated from the command-line definition
cli-cmd-help = Print this message or the help of the given subcommand(s)

## Options: `cli-arg-<option>` when every command says the same, else
## `cli-<command>-<option>`.
cli-arg-lang = Language of the messages (default: LC_ALL, LC_MESSAGES, LANG; JSON, SARIF and GitHub output stay English unless --lang is given)
cli-arg-help = Print help (see more with '--help')
    .long = Print help (see a summary with '-h')
cli-arg-version = Print version
cli-arg-topology = Topology export: `Get-CsTopology -AsXml` output (UTF-8 or UTF-16) or a `.tbxml` file
cli-arg-format = Output format
cli-arg-output = Write the output to FILE instead of standard output: a regular file is replaced atomically, a device or FIFO written into, `-` is standard output. A file that is one of the run's inputs is refused
cli-arg-color = When to use colour (NO_COLOR is honoured under `auto`)
cli-arg-max-input-size = Largest topology file accepted, in bytes
cli-arg-certs = Certificate file or folder (searched recursively); repeatable
cli-arg-ca = Internal root or issuing CA certificate; repeatable. Without it the CA is inferred
cli-check-config = Config file (default: topocert.toml next to the topology, if present)
cli-arg-valid-at = Check validity at this time: YYYY-MM-DD or RFC 3339 (default: now)
cli-arg-pfx-password-env = Name of the environment variable holding the PKCS#12 (.pfx) password
cli-arg-quiet = Print only findings, no summary table
cli-arg-deny = Treat a code (or `warnings`: every warning) as an error; repeatable
cli-arg-warn = Report a code as a warning; repeatable
cli-arg-allow = Do not report a code; repeatable
cli-arg-max-cert-files = Most certificate files read from --certs
cli-arg-follow-external-links = Follow symbolic links in --certs folders that lead outside them (reported and not followed by default)
cli-arg-probe = Take each server's certificate chain over TLS (a supplied file for a server wins)
cli-arg-probe-port = Port probed on each server
cli-arg-connect = Reach the server FQDN at ADDRESS (IP or name), optionally on PORT; repeatable
cli-arg-probe-timeout = Time for each server's resolution, connection and handshake: seconds or `500ms`
cli-arg-probe-jobs = Servers probed at once
cli-arg-save-probed = Write each presented chain as DIR/FQDN.pem, to check again without network
cli-check-force = Replace chains that already exist in the --save-probed DIR
cli-arg-emit = Write one request template per server, named by its FQDN, into DIR (created if missing)
cli-arg-request-format = Templates --emit writes: certreq INF (Windows), OpenSSL req config, or both
cli-arg-key-size = RSA key size of the requests
cli-arg-ca-template = AD CS certificate template to request (certreq `CertificateTemplate` attribute)
cli-plan-force = Replace request templates that already exist in DIR
cli-arg-layout = combined: one certificate for Default, internal and external web services (the wizard's default); split: also a separate external web services request (public CA). Default: `[web] layout` of the config, else combined
cli-arg-exportable = Mark the private keys exportable: needed only to share one certificate among a pool's servers (export it from one, import it on the others)
cli-arg-check = Certificate file or folder to compare with the plan: per server, which names it covers and which are missing (what `check` reports); repeatable
cli-plan-config = Config file (default: topocert.toml next to the topology, if present): `[web]` and, for --check, `[certificates]`
cli-arg-code = The finding code, e.g. `ca-mismatch`
cli-arg-all = List every code with its default severity and summary
cli-arg-shell = The shell to complete for
cli-arg-subcommand = Print the page of this subcommand (`check`, `list`, …) instead of the main page
cli-arg-dir = Write every page (topocert.1, topocert-check.1, …) into DIR instead of printing

## The help of option values: `cli-value-<command>-<option>-<value>`.
cli-value-topocert-lang-en = English
cli-value-topocert-lang-ja = Japanese (日本語)
cli-value-check-format-human = Graphical diagnostics with source snippets and a summary table
cli-value-check-format-short = One `path:line:col: severity[code]: message` line per finding (gcc style)
cli-value-check-format-json = JSON report (schemas/report.schema.json)
cli-value-check-format-sarif = SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
cli-value-check-format-github = GitHub Actions workflow commands (`::error file=…`), shown as annotations
cli-value-check-format-html = One self-contained HTML review page
cli-value-list-format-human = A readable table
cli-value-list-format-json = JSON
cli-value-plan-format-human = One report per server showing why each name is requested, then a table
cli-value-plan-format-json = JSON (schemas/plan.schema.json)
cli-value-plan-format-csv = CSV (RFC 4180) for a PKI team: fqdn, pool, site, subject, sans (`;`), key_size
cli-value-plan-request-format-certreq = A `certreq -new` INF file (Windows, AD CS)
cli-value-plan-request-format-openssl = An `openssl req -config` file
cli-value-plan-request-format-both = Both
cli-value-plan-key-size-2048 = RSA 2048 bits: what Lync Server 2013 and its certificate wizard use
cli-value-plan-key-size-4096 = RSA 4096 bits
cli-value-plan-layout-combined = One certificate for Default, internal and external web services (the wizard's default)
cli-value-plan-layout-split = Internal (Default + internal web, internal CA) and external web (public CA) certificates

## clap's notes after an option's help (shown only in other languages: in English
## clap writes them itself). $value: default values; $values: the values, joined.
cli-help-default = [default: { $value }]
cli-help-values = [possible values: { $values }]
cli-help-values-heading = Possible values:

## Usage errors of the command line (exit status 2).
# --probe-jobs out of range; $value: what was given.
cli-jobs-invalid = `{ $value }` is not a number of jobs between 1 and 4096
# `topocert man NAME` for no such subcommand; $pages: the subcommands, joined.
cli-man-no-subcommand = no subcommand `{ $name }`; the subcommand pages are: { $pages }
# What could not be written when the manual page fails.
cli-man-page = the manual page
# --output names one of the run's inputs; $output, $input: paths.
cli-output-is-input = refusing to write the output to { $output }: it is { $input }, an input of this run; nothing was written
# --pfx-password-env VAR with VAR unset.
cli-pfx-env-unset = --pfx-password-env names `{ $var }`, but that environment variable is not set

# On standard error after `plan --format csv --emit DIR`; $n: templates written.
cli-plan-wrote = { $n ->
    [one] topocert: wrote { $n } request template
   *[other] topocert: wrote { $n } request templates
}
