# plan messages (ids begin with "plan-").

## Why a name is required (src/names.rs, Why::describe). Shown in the labels and
## help of `topocert plan`, in the `reason` of its JSON, in `--check` lines and in
## the name-mismatch / missing-web-name findings. Noun phrases, no final period.

plan-why-machine = server FQDN
# $written: the bare host name of the <Machine>; $domain: the topology's default domain.
plan-why-qualified-machine = server FQDN (bare host name `{ $written }` + default domain { $domain })
plan-why-cluster-for-machine = server FQDN (the <Machine> has no Fqdn and takes its single-machine cluster's)
# $written: the bare host name the pool's Fqdn was qualified from.
plan-why-pool-qualified = pool FQDN (`{ $written }` + default domain)
plan-why-pool = pool FQDN
plan-why-internal-web-host = internal web services FQDN override
plan-why-internal-web-is-pool = internal web services FQDN (no override: the pool FQDN)
plan-why-external-web-host = external web services FQDN (one certificate for internal and external web, --layout combined)
plan-why-simple-url-config = simple URL from [web] simple-urls
# $component: the topology's name of the simple URL (Meet, Dialin, …).
plan-why-simple-url = { $component } simple URL
# $domain: a SIP domain of the topology.
plan-why-lyncdiscoverinternal = internal sign-in discovery for SIP domain { $domain }
# $domain: a SIP domain of the topology.
plan-why-lyncdiscover = external sign-in discovery for SIP domain { $domain }
# $domain: a SIP domain of the topology.
plan-why-sip-domain = strict DNS matching for SIP domain { $domain } ([web] strict-dns)

## What decided the edition (Evidence::describe): a clause, shown after
## "Enterprise Edition:" in a label, after "because" in the help, and in the JSON
## `edition_evidence`.

plan-evidence-userstore-local = its UserStore is installed on the server's own cluster (SQL Express)
plan-evidence-userstore-remote = its UserStore is installed on a separate SQL cluster
# $value: the attribute's value as written (true or false).
plan-evidence-single-machine-only = its cluster has IsSingleMachineOnly={ $value }
# $n: the number of machines of the pool.
plan-evidence-machine-count = { $n ->
    [one] the topology names no UserStore for it, so the machine count decides ({ $n } machine)
   *[other] the topology names no UserStore for it, so the machine count decides ({ $n } machines)
}

## Why the subject CN is what it is (SubjectRule::why): the help of each request
## and the JSON `subject_reason`.

plan-subject-pool = the subject is the pool FQDN because the server belongs to an Enterprise Edition pool (one machine or several): Lync's certificate wizard names every Front End certificate of a pool after the pool, with the server FQDN in the SAN
plan-subject-server = the subject is the server FQDN because the server is a Standard Edition server: Lync's certificate wizard puts its own name in the subject

## Why a server gets no request (src/names.rs, src/plan/server.rs): shown after
## "no certificate request for SERVER:", and in the JSON `reason`. Clauses without
## final period. $problem: why the text is not a DNS name (src/fqdn.rs).

plan-problem-no-machine = the topology model has no such machine
plan-problem-machine-no-fqdn = the <Machine> has no Fqdn, and its pool has several machines, so it cannot take the pool's
plan-problem-machine-fqdn = its FQDN is not a DNS name: { $problem }
# $n: the number of machines of the pool (always more than one).
plan-problem-pool-no-fqdn = { $n ->
    [one] its pool has no Fqdn, and the certificate of a server in an Enterprise Edition pool of { $n } machine is named after the pool
   *[other] its pool has no Fqdn, and the certificate of a server in an Enterprise Edition pool of { $n } machines is named after the pool
}
plan-problem-pool-fqdn = the FQDN of its pool is not a DNS name: { $problem }
plan-problem-internal-web-host = the internal web services FQDN override of its pool is not a DNS name: { $problem }
plan-problem-external-web-host = the external web services FQDN (one certificate for internal and external web, --layout combined) of its pool is not a DNS name: { $problem }
plan-problem-no-name = the topology gives the server no usable name
# $fqdn: the server FQDN; $line: the line of the first <Machine> with it.
plan-problem-duplicate = the topology names { $fqdn } twice; the request planned for the <Machine> at line { $line } covers it

## Labels on the topology element a problem is about.

plan-label-this-machine = this machine
plan-label-machine-no-fqdn = this <Machine> has no Fqdn
plan-label-cluster-no-fqdn = this <Cluster> has no Fqdn
plan-label-not-dns = not a DNS name
plan-label-duplicate = a second machine with this FQDN

## What to do about a problem (the help of a server without a request; JSON `help`).

plan-fix-machine = give the machine its FQDN in Topology Builder, publish, export the topology again and run `topocert plan` again
plan-fix-pool = give the pool its FQDN in Topology Builder, publish, export the topology again and run `topocert plan` again
plan-fix-web = correct the web services FQDN of the pool in Topology Builder, publish, export the topology again and run `topocert plan` again
plan-fix-duplicate = give each machine its own FQDN in Topology Builder and export the topology again

## --ca-template checks (src/plan/mod.rs), shown as usage errors.
## $name: the value given.

plan-template-empty = invalid --ca-template `{ $name }`: the name is empty
plan-template-spaces = invalid --ca-template `{ $name }`: the name starts or ends with a space
plan-template-too-long = invalid --ca-template `{ $name }`: a template name has at most 64 characters
# $char: the first character not allowed, escaped.
plan-template-char = invalid --ca-template `{ $name }`: `{ $char }` is not allowed (use the template's name: letters, digits, space, `-`, `_`, `.`)

## --emit refusals (src/plan/emit.rs), shown as usage errors.

# $name: the file name of a template.
plan-emit-not-plain = refusing to write `{ $name }`: not a plain file name; nothing was written
# $name: the file name; $len: its length in bytes; $max: the longest name written.
plan-emit-too-long = cannot write the request template { $name }: its name is { $len } bytes, more than the { $max } a file system accepts; nothing was written
# $path: the file both templates would go to.
plan-emit-duplicate = two request templates would both be written to { $path }; nothing was written
# $path: the --emit directory.
plan-emit-not-dir = { $path } is not a directory; nothing was written
# $path: the target that is a directory.
plan-emit-is-dir = { $path } is a directory, not a request template; nothing was written
# $paths: the existing files, joined with ", "; $n: how many.
plan-emit-exists = { $n ->
    [one] { $paths } already exists; nothing was written (pass --force to replace existing request templates)
   *[other] { $paths } already exist; nothing was written (pass --force to replace existing request templates)
}

## The human report of `topocert plan` (src/report/plan.rs).

# The first line. $path: the topology file; $format: published or tbxml; $encoding: utf-8, utf-16le, …
plan-heading = Certificate requests for the Persistent Chat file-transfer servers in { $path } ({ $format }, { $encoding })
plan-no-servers = No server runs the Persistent Chat file-transfer web service: there is no certificate to request.
# A planned request: three lines. $fqdn: the server; $subject: CN=…; $sans: the SAN names, joined with ", ".
plan-request =
    certificate request for { $fqdn }
    subject { $subject }
    SAN     { $sans }
# The same with --layout split. $cn and $external: the external certificate's CN and SAN names.
plan-request-split =
    certificate request for { $fqdn }
    subject { $subject }
    SAN     { $sans }
    external web services request (public CA)
    subject CN={ $cn }
    SAN     { $external }
# The help of a request. $subject: plan-subject-*; $edition: enterprise or standard; $evidence: plan-evidence-*.
plan-request-help = { $subject }; { $edition ->
    [enterprise] Enterprise Edition because { $evidence }
   *[standard] Standard Edition because { $evidence }
}
# A server without a request. $name: the server; $reason: plan-problem-*.
plan-skipped = no certificate request for { $name }: { $reason }

# Labels on the topology names: $why is a plan-why-* phrase.
plan-source-cn = { $why } → subject CN and SAN
plan-source-san = { $why } → SAN
plan-source-cn-web = { $why } → subject CN and SAN (web services)
plan-source-san-web = { $why } → SAN (web services)
# A name from the config file, a line of the help. $name: the name; $why: plan-why-*.
plan-config-reason = { $name }: { $why } (topocert.toml [web])
plan-web-component = PersistentChatWeb: the pool runs the file-transfer web service
plan-web-front-end = Front End pool web services (no component list): they run the file-transfer web service
# $edition: enterprise or standard; $evidence: plan-evidence-*.
plan-edition-label = { $edition ->
    [enterprise] Enterprise Edition: { $evidence }
   *[standard] Standard Edition: { $evidence }
}

# The table's column headings and the cell of a server without a request.
plan-column-server = SERVER
plan-column-pool = POOL
plan-column-site = SITE
plan-column-subject = SUBJECT
plan-column-san = SAN
plan-column-key = KEY
plan-not-planned-cell = (not planned)

# The totals under the table. $requests, $servers: counts.
plan-total = { $servers ->
    [one] { $requests ->
        [one] { $requests } certificate request for { $servers } file-transfer server.
       *[other] { $requests } certificate requests for { $servers } file-transfer server.
    }
   *[other] { $requests ->
        [one] { $requests } certificate request for { $servers } file-transfer servers.
       *[other] { $requests } certificate requests for { $servers } file-transfer servers.
    }
}
# $bits: RSA key size; $hash: SHA-256; $usage: the key usages; $oid: the Server Authentication OID.
plan-each = Each: RSA { $bits } key, { $hash }, key usage { $usage }, Server Authentication ({ $oid }).
# The same with --ca-template. $template: the AD CS template name.
plan-each-template = Each: RSA { $bits } key, { $hash }, key usage { $usage }, Server Authentication ({ $oid }), CA template { $template }.
plan-ca-combined = Every certificate must come from the internal CA that issues the Lync servers' certificates.
plan-ca-split = The internal requests go to the internal CA that issues the Lync servers' certificates; the external web services requests (--layout split) to a public CA.
# $n: servers without a request.
plan-not-planned = { $n ->
    [one] { $n } server not planned: fix the topology and run `topocert plan` again.
   *[other] { $n } servers not planned: fix the topology and run `topocert plan` again.
}
plan-emit-hint = Write the request templates with --emit DIR.
# Followed by the written paths. $n: how many.
plan-wrote = { $n ->
    [one] Wrote { $n } file:
   *[other] Wrote { $n } files:
}

## plan --check: what each supplied certificate covers. Indented lines; $fqdn:
## the server; $path: the certificate file.

plan-coverage-heading = Supplied certificates (--check), by the names above:
plan-coverage-none = { $fqdn }: no certificate supplied
# $total: how many names the request has.
plan-coverage-all = { $total ->
    [one] { $fqdn }: { $path } covers the one name
   *[other] { $fqdn }: { $path } covers all { $total } names
}
# $covered, $total: names covered, names of the request. The missing ones follow.
plan-coverage-some = { $fqdn }: { $path } covers { $covered } of { $total } names; missing:

## The CSV header row (plan --format csv): one heading per column.

plan-csv-fqdn = fqdn
plan-csv-pool = pool
plan-csv-site = site
plan-csv-subject = subject
plan-csv-sans = sans
plan-csv-key-size = key_size
