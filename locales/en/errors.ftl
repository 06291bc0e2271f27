# errors messages (ids begin with "errors-").

## A topology that cannot be read (src/topology): the message after `path:line:col: `,
## the label under the spot in the excerpt, and the help line.

# The help of every XML syntax error of a topology.
errors-topology-help-xml = the file is not well-formed XML; re-export it with `Get-CsTopology -AsXml` or save it again from Topology Builder
# A file that does not start like XML. $message: the problem found (another errors-topology-* message).
errors-topology-not-topology = not a topology document: { $message }
# Help of errors-topology-not-topology.
errors-topology-help-not-topology = expected an exported Lync Server / Skype for Business topology: the XML written by `Get-CsTopology -AsXml` or a Topology Builder `.tbxml` file
# $name: the reference as written without & and ; (`#x1B`); $code: the character's hex code (`001B`).
errors-topology-char-ref-forbidden = the character reference `&{ $name };` stands for U+{ $code }, a character XML forbids
# $name: the reference as written without & and ; (`#xZZ`).
errors-topology-char-ref-invalid = the character reference `&{ $name };` is not a valid character number
# Label under a forbidden character reference.
errors-topology-label-forbidden-char = forbidden character
# Help of a forbidden character reference.
errors-topology-help-char-ref = XML 1.0 allows no control character other than tab, line feed and carriage return, not even written as a reference; remove it or re-export the topology
# $name: the entity name (`boom` of `&boom;`).
errors-topology-undefined-entity = the entity reference `&{ $name };` is not one of the five XML entities and is never expanded
errors-topology-label-undefined-entity = undefined entity
errors-topology-help-undefined-entity = topology exports never use custom entities; remove the DOCTYPE and the reference, or re-export the topology
# Label: what should have come at the spot. $what: the missing markup (`>`, `-->`, `</Site>`).
errors-topology-label-expected = expected `{ $what }`
errors-topology-unclosed-tag = the file ends inside a tag; it is truncated
errors-topology-unclosed-comment = a comment is never closed
errors-topology-unclosed-cdata = a CDATA section is never closed
errors-topology-unclosed-doctype = the DOCTYPE declaration is never closed
errors-topology-unclosed-pi = a processing instruction is never closed
# $reason: the XML parser's own text (English).
errors-topology-xml-syntax = XML syntax error: { $reason }
# $reason: the XML parser's own text (English).
errors-topology-malformed-xml = malformed XML: { $reason }
# $reason: the XML parser's own text (English).
errors-topology-malformed-attribute = malformed attribute: { $reason }
# $reason: the XML parser's own text (English).
errors-topology-bad-reference = bad character or entity reference: { $reason }
# $found: the closing tag's name; $expected: the open element's name.
errors-topology-mismatched-end-tag = closing tag `</{ $found }>` does not match the open element `<{ $expected }>`
# $name: the closing tag's name.
errors-topology-unmatched-end-tag = closing tag `</{ $name }>` has no opening tag
errors-topology-label-unexpected-closing-tag = unexpected closing tag
# $name: the element never closed.
errors-topology-missing-end-tag = `<{ $name }>` is never closed
# $tag: the element's name. Malformed attributes, each with its label.
errors-topology-attr-expected-eq = an attribute name in `<{ $tag }>` is not followed by `=`
errors-topology-label-attr-expected-eq = expected `=` and a quoted value
errors-topology-attr-expected-value = `=` in `<{ $tag }>` is not followed by an attribute value
errors-topology-label-attr-expected-value = expected a quoted value
errors-topology-attr-unquoted = an attribute value in `<{ $tag }>` is not in quotes
errors-topology-label-attr-unquoted = expected `"` or `'`
# $quote: the quote character (" or ').
errors-topology-attr-unclosed-quote = an attribute value in `<{ $tag }>` has no closing `{ $quote }`
# $name: the attribute's name.
errors-topology-attr-duplicated = attribute `{ $name }` appears twice in `<{ $tag }>`
errors-topology-label-attr-duplicated = expected each attribute once; this one repeats an earlier one
# $code: the hex code of the character (`001B`).
errors-topology-control-char = the control character U+{ $code } is not allowed in XML
errors-topology-label-control-char = control character
errors-topology-help-control-char = XML 1.0 allows no control character other than tab, line feed and carriage return; the file is damaged or was not written as XML
errors-topology-second-root = a second root element follows the end of the document
errors-topology-label-second-root = expected the end of the document
# $max: the nesting limit.
errors-topology-too-deep = elements are nested deeper than { $max } levels
# Label: $level, the nesting level reached.
errors-topology-label-level = level { $level }
errors-topology-closing-without-opening = a closing tag without an opening tag
errors-topology-text-after-end = text after the end of the document
errors-topology-text-before-root = text before the root element of the document
errors-topology-label-unexpected-text = unexpected text
errors-topology-cdata-outside-root = character data outside the root element
errors-topology-label-unexpected-cdata = unexpected CDATA
errors-topology-reference-outside-root = an entity reference outside the root element
errors-topology-label-unexpected-reference = unexpected reference
# $name: the element left open; $line: the line it was opened on.
errors-topology-truncated = the document ends before `<{ $name }>` (opened on line { $line }) is closed; the file is truncated
errors-topology-no-element = the file holds no XML element
errors-topology-label-expected-root = expected `<Topology>` or `<TopologyBuilder>`
# $name: the root element found.
errors-topology-wrong-root = not a topology document: the root element is `<{ $name }>`
errors-topology-help-wrong-root = pass the XML written by `Get-CsTopology -AsXml` (or `Export-CsConfiguration`) or a Topology Builder `.tbxml` file

## Names and notes of the topology model (src/topology), shown inside findings.

# The note on a bare host name qualified with a DNS suffix (shown in parentheses
# after "read as <fqdn>"). $kind: pool (of FQDN $name), its-pool (a pool without
# an FQDN), site (named $name), its-site (no site); $name: the pool FQDN or site name.
errors-suffix-used = { $kind ->
    [pool] the DNS suffix pool { $name } uses
    [its-pool] the DNS suffix its pool uses
    [site] the DNS suffix the machines of site { $name } use
   *[its-site] the DNS suffix the machines of its site use
}
# Why a bare host name is left unqualified: no machine has a suffix. $kind, $name as in errors-suffix-used.
errors-suffix-none = { $kind ->
    [pool] no other machine of pool { $name } has a DNS suffix
    [its-pool] no other machine of its pool has a DNS suffix
    [site] no other machine of site { $name } has a DNS suffix
   *[its-site] no other machine of its site has a DNS suffix
}
# Why a bare host name is left unqualified: the machines disagree. $kind, $name as
# in errors-suffix-used; $n: how many suffixes (2 or more); $suffixes: the suffixes, comma-separated.
errors-suffix-several = { $kind ->
    [pool] the machines of pool { $name } use { $n } DNS suffixes ({ $suffixes })
    [its-pool] the machines of its pool use { $n } DNS suffixes ({ $suffixes })
    [site] the machines of site { $name } use { $n } DNS suffixes ({ $suffixes })
   *[its-site] the machines of its site use { $n } DNS suffixes ({ $suffixes })
}
# A site without a name, in reports. $id: the site id.
errors-site-by-id = site { $id }
# A machine without an FQDN, in reports. $n: its position in the pool (1, 2…); $pool: the pool FQDN.
errors-machine-of-pool = machine { $n } of { $pool }
# A machine without an FQDN in a cluster without one. $n: its position (1, 2…).
errors-machine-of-unnamed-cluster = machine { $n } of an unnamed cluster

## Reading and decoding an input file (src/source.rs).

# $path: the file; $reason: the operating system's reason (English, as the system gives it).
errors-source-read = cannot read { $path }: { $reason }
errors-source-help-read = check the path and that the file is readable
# $path: the directory given as the topology.
errors-source-directory = cannot read { $path }: it is a directory
errors-source-help-directory = pass the topology file itself, e.g. the file written by `Get-CsTopology -AsXml`
# $path: the file; $size: its size in bytes; $limit: the limit in bytes.
errors-source-too-large = { $path } is { $size } bytes, larger than the { $limit }-byte limit
# A stream (pipe, device) longer than the limit. $path: the file; $limit: the limit in bytes.
errors-source-stream-too-large = { $path } holds more than { $limit } bytes, the limit; stopped reading there
# Help of both size errors.
errors-source-help-too-large = raise the limit with --max-input-size
# After `path:line:col: `. $encoding: the encoding's name (utf-8, utf-16le, windows-1252); $what: one of the errors-source-* reasons below.
errors-source-invalid = invalid { $encoding }: { $what }
errors-source-help-invalid = re-export the topology; the file is damaged or not in the encoding its header names
# $byte: the byte in hex (`E9`).
errors-source-byte-not-utf8 = byte 0x{ $byte } is not UTF-8; expected UTF-8 text, or UTF-16 with a byte order mark
errors-source-sequence-not-utf8 = byte sequence is not UTF-8
errors-source-not-declared-encoding = byte sequence is not valid in the declared encoding
errors-source-odd-byte = the file ends in the middle of a UTF-16 code unit
# $unit: the code unit in hex (`D800`).
errors-source-unpaired-surrogate = unpaired surrogate 0x{ $unit }

## A config file (topocert.toml) that cannot be used (src/config.rs): the message
## after `path:line:col: `, and the help.

errors-config-help = see the topocert.toml reference in the README; rule codes are listed by `topocert explain --all`
# Label under the spot in the excerpt (config file and topology).
errors-label-here = here
errors-config-cannot-read = cannot read the config file
# The causes shown under errors-config-cannot-read.
errors-config-not-regular-file = it is not a regular file (a folder, pipe or device is not read)
# $limit: the size limit in bytes.
errors-config-too-large = it is larger than the { $limit }-byte limit
errors-config-not-utf8 = stream did not contain valid UTF-8
# The TOML parser's own message. $reason: its text (English).
errors-config-toml = { $reason }
# $code: the rule code written in the file.
errors-config-unknown-code = unknown rule code `{ $code }` (see `topocert explain --all`)
# $level: the level written; $code: the rule code.
errors-config-unknown-level = unknown level `{ $level }` for { $code }: expected "deny", "warn" or "allow"
# $code: the rule code.
errors-config-level-not-string = the level of { $code } must be a string: "deny", "warn" or "allow"
# $code: the rule code.
errors-config-days-not-integer = `days` of { $code } must be a whole number of days
# $key: the key written; $code: the rule code.
errors-config-unknown-key = unknown key `{ $key }` in the setting of { $code }: expected `level` or `days`
# $code: the rule code.
errors-config-bad-setting = the setting of { $code } must be "deny", "warn", "allow" or a table such as {"{"} level = "warn", days = 60 {"}"}
# $code: the rule code that is not expires-soon.
errors-config-days-other-code = `days` applies only to expires-soon, not to { $code }
# $days: the number written.
errors-config-days-range = `days` must be between 0 and 3650, not { $days }
errors-config-no-reason = a suppression needs a `reason` saying why the finding is accepted
# $problem: what is wrong with the host name (the FQDN check's text).
errors-config-simple-url = a simple URL must be an https URL or a host name: { $problem }
# $host: the host name without a domain.
errors-config-simple-url-bare = a simple URL must be an https URL or a host name: `{ $host }` is not a fully qualified name
# $layout: the layout written.
errors-config-unknown-layout = unknown layout `{ $layout }`: expected "combined" or "split"
