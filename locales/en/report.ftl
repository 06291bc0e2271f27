# report messages (ids begin with "report-").
# The words of the human, short, HTML, GitHub and SARIF renderers (src/report/),
# the certificate summary (src/certs/summary.rs), role names (src/roles.rs) and the
# progress bar (src/progress.rs). Arguments are data (names, paths, numbers).

## Words shared by several formats

# A finding's severity as people read it (short output, HTML badges, `explain`).
# $severity: error, warning or note.
report-severity = { $severity ->
    [error] error
    [warning] warning
   *[note] note
}

# A server's status in the check tables (human table, HTML badge).
# $status: ok, error, warning or not-checked.
report-status = { $status ->
    [error] error
    [warning] warning
    [not-checked] not-checked
   *[ok] ok
}

# A certificate file's status (HTML table). $status: used, context, orphan or unreadable.
report-file-status = { $status ->
    [used] used
    [context] context
    [orphan] orphan
   *[unreadable] unreadable
}

# The kind of topology file, in parentheses after its path (list heading, HTML
# page). $format: published or tbxml.
report-topology-format = { $format ->
    [published] published
   *[other] { $format }
}

# Where a chain link's certificate came from (chain lists).
report-origin-own-file = own file
# $path: the certificate file the link was found in.
report-origin-from = from { $path }
report-origin-other-file = other file

# One link of a chain, after its subject (human and HTML chain lists).
# $key: the key identifier (hex); $origin: where the certificate came from
# (`--ca` or a report-origin-* text); $anchor: yes when the link is the trust anchor.
report-chain-link = { $anchor ->
    [yes] (key id { $key }; { $origin }, anchor)
   *[no] (key id { $key }; { $origin })
}

# The expected CA line (human check report, HTML header). $ca: report-ca-known
# or report-ca-unknown.
report-expected-ca = Expected CA: { $ca }
# $subjects: the CA's subject DNs joined with "; "; $source: given or inferred.
report-ca-known = { $source ->
    [given] { $subjects } (given)
    [inferred] { $subjects } (inferred)
   *[other] { $subjects } ({ $source })
}
# Human check report, when no CA is known.
report-ca-unknown = unknown

# When the topology has no file-transfer server (list, HTML page).
report-no-servers = No server runs the Persistent Chat file-transfer web service.

# Yes and no in the NEXT HOP column of `list`.
report-yes = yes
report-no = no

# Why a server is taken to run the file-transfer service (`list`, RULE column).
# $rule: component or front-end-pool.
report-role-rule = { $rule ->
    [component] component
   *[front-end-pool] front-end-pool
}

# A finding's help line in GitHub annotations. $help: the help text.
report-help-line = help: { $help }

# The name of a certificate's summary when diagnostics point into it.
# $path: the certificate file.
report-certificate-source = { $path } (certificate)

# Miette's related block header: the source the labels point into. $name: its name.
report-related-source = in { $name }

## `topocert explain --all` table headers

report-explain-col-code = CODE
report-explain-col-default = DEFAULT
report-explain-col-summary = SUMMARY

## Human: `topocert list`

# $path: the topology; $format: report-topology-format; $encoding: its encoding.
report-list-heading = Persistent Chat file-transfer servers in { $path } ({ $format }, { $encoding })
report-col-server = SERVER
report-col-pool = POOL
report-col-site = SITE
report-col-rule = RULE
report-col-next-hop = NEXT HOP
report-col-line = LINE
report-col-certificate = CERTIFICATE
report-col-expires = EXPIRES
report-col-status = STATUS
# $servers: file-transfer servers; $pools: their pools.
report-list-totals = { $servers ->
    [one] { $servers } server
   *[other] { $servers } servers
} in { $pools ->
    [one] { $pools } pool
   *[other] { $pools } pools
}.
# A Persistent Chat pool without an FQDN.
report-unnamed = (unnamed)
# $pool: the Persistent Chat pool; $hops: the Front End pools it uses, joined with ", ".
report-list-pc-pool = Persistent Chat pool { $pool }: next hop { $hops }.
# $pool: the Persistent Chat pool, which depends on no file-transfer pool.
report-list-pc-pool-none = Persistent Chat pool { $pool }: next hop none found.

## Human: `topocert check`

report-check-no-findings = No findings: every Persistent Chat file-transfer server has an acceptable certificate from the internal CA.
# CERTIFICATE column of a server without a certificate.
report-no-certificate = (none)
report-chains-heading = Chains (server certificate first):
# The totals line. $servers: servers checked; $bad: servers with an error; $files:
# certificate files supplied; $used, $context, $orphan, $unreadable: files per
# status; $errors, $warnings, $notes: findings per severity.
report-check-totals = { $servers ->
    [one] { $servers } server
   *[other] { $servers } servers
} checked, { $bad } would block the Persistent Chat install; { $files ->
    [one] { $files } certificate file
   *[other] { $files } certificate files
} supplied ({ $used } used, { $context } context, { $orphan } orphan, { $unreadable } unreadable); { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}, { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
}.
# The totals line when `--probe` took chains over TLS: as report-check-totals;
# $probed: the chains taken over TLS.
report-check-totals-probed = { $servers ->
    [one] { $servers } server
   *[other] { $servers } servers
} checked, { $bad } would block the Persistent Chat install; { $files ->
    [one] { $files } certificate file
   *[other] { $files } certificate files
} supplied, { $probed ->
    [one] { $probed } chain
   *[other] { $probed } chains
} taken over TLS ({ $used } used, { $context } context, { $orphan } orphan, { $unreadable } unreadable); { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}, { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
}.

## HTML page (`check --format html`)

report-html-title = Persistent Chat certificate review
# $name: the topology (as code); $format: report-topology-format; $encoding: its
# encoding; $at: the time of the check; $version: topocert's version.
report-html-meta = Topology { $name } ({ $format }, { $encoding }) · checked at { $at } · topocert { $version }
# The expected CA when none is known.
report-html-ca-unknown = unknown (no --ca given and none could be inferred)
# Verdict with errors. $blocking: servers with an error; $servers: servers; $errors: errors.
report-html-verdict-fail = Not ready: { $blocking } of { $servers ->
    [one] { $servers } server
   *[other] { $servers } servers
} would block the Persistent Chat install; { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}.
report-html-verdict-no-server = No error: no server runs the Persistent Chat file-transfer web service.
report-html-verdict-one = No error: the Persistent Chat file-transfer server has an acceptable certificate.
# $n: the number of servers (2 or more).
report-html-verdict-all = No error: all { $n } Persistent Chat file-transfer servers have an acceptable certificate.
# The accessible name of the summary cards.
report-html-cards = summary
# The captions under the numbers of the summary cards.
report-html-card-servers = servers
report-html-card-errors = errors
report-html-card-warnings = warnings
report-html-card-notes = notes
# $used, $context, $orphan, $unreadable: certificate files per status.
report-html-card-files = certificate files ({ $used } used, { $context } context, { $orphan } orphan, { $unreadable } unreadable)
report-html-servers-heading = Persistent Chat file-transfer servers
report-html-col-server = Server
report-html-col-pool = Pool
report-html-col-site = Site
report-html-col-certificate = Certificate
report-html-col-issuer = Issuer
report-html-col-expires = Expires
report-html-col-status = Status
report-html-col-file = File
report-html-col-subject = Subject
report-html-col-serial = Serial
report-html-col-servers = Servers
report-html-col-chain = Chain (server certificate first)
# After a server that is the next hop of a Persistent Chat pool.
report-html-next-hop = (next hop)
# A server without a certificate.
report-html-none = none
report-html-certificates-heading = Certificate files
report-html-chains-heading = Chains
# $n: the number of findings.
report-html-findings-heading = Findings ({ $n })
report-html-no-findings = No findings.
# Where a finding points. $location: path:line:column (as code); $server: the server.
report-html-at = at { $location }
report-html-at-server = at { $location } · server { $server }
report-html-server = server { $server }
report-html-help = Help:
# Caption of a certificate summary with a label. $path: the file; $label: the label.
report-html-certificate-caption = { $path } (certificate): { $label }
# A rule under a finding. $code: the code; $summary: the rule's summary;
# $severity: its default severity (report-severity).
report-html-rule = { $code } — { $summary } (default: { $severity })
# $version: topocert's version; $name: the topology (as code).
report-html-footer = Generated by topocert { $version } from { $name }. The requirement: every server running the Persistent Chat Web Services for File Upload/Download needs a certificate issued by the same CA as the internal Lync servers use (TechNet Gg412990).

## SARIF

# The related location of a finding's certificate. $path: the file.
report-sarif-certificate-file = certificate file { $path }

## Certificate summary (src/certs/summary.rs): field labels and absent values

report-field-subject = Subject
report-field-issuer = Issuer
report-field-serial = Serial
report-field-san = Subject Alt Names
report-field-eku = Extended Key Usage
report-field-cdp = CRL Distribution
report-field-not-before = Not Before
report-field-not-after = Not After
report-field-key = Public Key
report-field-signature-algorithm = Signature Algorithm
report-field-ski = Subject Key Id
report-field-aki = Authority Key Id
report-field-none = (none)
report-field-empty = (empty)
report-field-no-dns = (no DNS names)
report-field-no-uri = (no URI)

## Role names of internal servers (src/roles.rs), as reports show them

report-role-director = Director
report-role-front-end = Front End
report-role-persistent-chat = Persistent Chat
report-role-mediation = Mediation
report-role-edge = Edge
report-role-office-web-apps = Office Web Apps
report-role-file-transfer = file-transfer server

## Progress bar of `check --probe` (standard error)

# $bar, $pos, $len, $msg, $elapsed: the bar's fields, filled in by the bar.
report-progress = probing { $bar } { $pos }/{ $len } servers, { $msg } { $elapsed }
# $n: servers whose probe failed so far.
report-progress-failed = { $n } failed
