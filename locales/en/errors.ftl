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
errors-topology-unclosed-value = the file ends inside an attribute value; it is truncated
errors-topology-invalid-bang = `<!` begins no comment, CDATA section or DOCTYPE
errors-topology-unclosed-cdata = a CDATA section is never closed
errors-topology-unclosed-doctype = the DOCTYPE declaration is never closed
errors-topology-unclosed-pi = a processing instruction is never closed
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
# $tag: the element's name.
errors-topology-attr-expected-value = `=` in `<{ $tag }>` is not followed by an attribute value
errors-topology-label-attr-expected-value = expected a quoted value
# $tag: the element's name.
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
# A key topocert.toml may not have in its place. $key: the key; $allowed: the keys
# it may have there, as `a`, `b`; $many: yes when there are several.
errors-config-toml-unknown-field = { $many ->
    [yes] unknown field `{ $key }`, expected one of { $allowed }
   *[no] unknown field `{ $key }`, expected { $allowed }
}
# A key that must be there. $key: the key.
errors-config-toml-missing-field = missing field `{ $key }`
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

## Why a certificate file cannot be read (src/certs): the reason of an
## `unreadable-certificate` finding and of a file's status. Lowercase, no final
## period, without the file name (the finding names it).

errors-certs-empty = file is empty
errors-certs-not-found = does not exist
errors-certs-is-directory = is a directory
errors-certs-broken-symlink = broken symbolic link
errors-certs-not-regular-file = is not a regular file
# $limit: the size limit (errors-certs-size).
errors-certs-too-large = file is larger than the { $limit } limit
# A size. $n: the number; $unit: mib, kib or bytes.
errors-certs-size = { $unit ->
    [mib] { $n } MiB
    [kib] { $n } KiB
   *[bytes] { $n } bytes
}
# $reason: why (errors-certs-io-* or the system's own text).
errors-certs-io = cannot read file: { $reason }
errors-certs-not-a-certificate = not a certificate: no PEM block, DER certificate, PKCS#7 or PKCS#12 structure found
errors-certs-headerless-base64 = not a certificate: base64 text without a -----BEGIN CERTIFICATE----- line (add the BEGIN/END lines)
# $labels: what the PEM blocks hold, comma-separated: errors-certs-label-private-key and PEM labels as written (`CERTIFICATE REQUEST`).
errors-certs-no-pem-certificate = no certificate in the PEM data (found { $labels })
# An item of $labels of errors-certs-no-pem-certificate.
errors-certs-label-private-key = a private key
# $index: the block's number in the file (1, 2…); $reason: why.
errors-certs-pem-block = PEM block { $index } is not a valid certificate: { $reason }
# $reason: why.
errors-certs-der = DER certificate is not valid: { $reason }
# $index: the certificate's number in the file (2, 3…); $reason: why.
errors-certs-der-concatenated = DER certificate { $index } is not valid: { $reason }
# $n: the number of bytes left.
errors-certs-trailing-bytes = { $n } unexpected bytes after the certificate
# $reason: why.
errors-certs-pkcs7 = PKCS#7 structure is not valid: { $reason }
# $index: the certificate's number in the PKCS#7 set; $reason: why.
errors-certs-pkcs7-certificate = certificate { $index } in the PKCS#7 structure is not valid: { $reason }
# The reason of errors-certs-pem-block for a PKCS#7 block. $index: the certificate's number in it; $reason: why.
errors-certs-pkcs7-block-certificate = PKCS#7 certificate { $index } is not valid: { $reason }
errors-certs-pkcs12-password = PKCS#12 password is wrong or missing (set it in the environment variable named by --pfx-password-env)
# $reason: why.
errors-certs-pkcs12 = PKCS#12 structure is not valid: { $reason }
# $index: the certificate's number in PKCS#12 bag order; $reason: why.
errors-certs-pkcs12-certificate = certificate { $index } in the PKCS#12 structure is not valid: { $reason }
# Reasons a certificate's DER cannot be parsed.
errors-certs-truncated = truncated
# $reason: the DER parser's own text (English).
errors-certs-malformed-der = malformed DER ({ $reason })
errors-certs-malformed-certificate = malformed certificate
errors-certs-symlink-loop = symbolic link loop
errors-certs-permission-denied = permission denied
# When the system gives no text for an I/O error.
errors-certs-io-error = i/o error
# A folder under --certs that is never searched. $path: the folder.
errors-certs-system-directory = { $path } is a system directory, never searched for certificates
# $reason: why (errors-certs-* or the system's own text).
errors-certs-read-dir = cannot read directory: { $reason }
# $target: where the link points (a path), or why it cannot be resolved.
errors-certs-external-link = symbolic link to { $target }, outside the --certs folders: not followed (--follow-external-links follows it)
# Exit 2. $found: the number of files --certs names; $limit: the limit.
errors-certs-too-many-files = --certs names { $found } certificate files, more than the limit of { $limit }; raise it with --max-cert-files

## Why a PEM, BER, PKCS#7 or PKCS#12 structure cannot be read (src/certs): the
## $reason of errors-certs-pem-block, errors-certs-der, errors-certs-pkcs7,
## errors-certs-pkcs12 and their certificate variants.

errors-pem-bad-begin = BEGIN line is not of the form -----BEGIN LABEL-----
# $label: the label of the BEGIN line (`CERTIFICATE`).
errors-pem-no-end = no -----END { $label }----- line
# $label: the label of the BEGIN line.
errors-pem-end-mismatch = END line does not match -----BEGIN { $label }-----
errors-base64-after-padding = base64 data after padding
errors-base64-padding = invalid base64 padding
errors-base64-character = invalid base64 character
errors-base64-truncated = truncated base64 data
# $declared: the length a value declares; $present: the bytes there are.
errors-ber-truncated = truncated: a value declares { $declared } bytes but only { $present } are present
# $max: the nesting limit.
errors-ber-too-deep = structure is nested deeper than { $max } levels
errors-ber-tag-too-large = tag number too large
errors-ber-indefinite-primitive = indefinite length on a primitive value
errors-ber-length-too-large = length too large
errors-ber-no-end-of-contents = indefinite-length value has no end-of-contents octets
# A PKCS#7 or PKCS#12 structure without certificates.
errors-pkcs-no-certificates = it contains no certificate
# $oid: the content type's OID, dotted, or errors-pkcs7-invalid-oid.
errors-pkcs7-not-signed-data = content type { $oid } is not signedData (1.2.840.113549.1.7.2)
errors-pkcs7-invalid-oid = (invalid OID)
errors-pkcs7-content-info-not-sequence = ContentInfo is not a SEQUENCE
errors-pkcs7-content-info-empty = ContentInfo is empty
errors-pkcs7-content-info-no-oid = ContentInfo does not start with an OID
errors-pkcs7-content-info-no-content = ContentInfo has no content
errors-pkcs7-content-not-tagged = ContentInfo content is not tagged [0]
errors-pkcs7-signed-data-missing = SignedData is missing
errors-pkcs7-signed-data-not-sequence = SignedData is not a SEQUENCE
errors-pkcs7-no-version = SignedData has no version
errors-pkcs7-version-not-integer = SignedData version is not an INTEGER
errors-pkcs7-no-digest-algorithms = SignedData has no digestAlgorithms
errors-pkcs7-digest-algorithms-not-set = SignedData digestAlgorithms is not a SET
errors-pkcs7-no-encap-content-info = SignedData has no encapContentInfo
errors-pkcs7-encap-content-info-not-sequence = SignedData encapContentInfo is not a SEQUENCE
errors-pkcs12-wrong-password = wrong password
errors-pkcs12-indefinite = it is BER-encoded with indefinite lengths, which is not supported (re-export it, e.g. with openssl pkcs12)
# $n: the iterations the file asks for; $max: the most accepted.
errors-pkcs12-too-many-iterations = its key derivation asks for { $n } iterations, more than the { $max } accepted; re-export it with default settings
# $n: the iterations of one try; $budget: the most spent on trying the empty password.
errors-pkcs12-needs-password = it needs a password: trying the empty one would cost { $n } key-derivation iterations, more than the { $budget } spent on a guess (set the password in the environment variable named by --pfx-password-env)
# $budget: the iterations a run may spend on all PKCS#12 files.
errors-pkcs12-budget-spent = not opened: the run's PKCS#12 key-derivation budget of { $budget } iterations is spent on other files; check fewer PKCS#12 files at once, or export them as PEM/DER certificates
errors-pkcs12-pfx-empty = PFX is empty
errors-pkcs12-no-version = PFX has no version
errors-pkcs12-version = PFX version is not 3 (PKCS#12 v1)
errors-pkcs12-no-auth-safe = PFX has no authSafe
errors-pkcs12-auth-safe-not-content-info = PFX authSafe is not a ContentInfo
errors-pkcs12-decoder-failed = the PKCS#12 decoder failed on this file
errors-pkcs12-unsupported-encryption = unsupported encryption scheme
errors-pkcs12-unsupported-mac = unsupported MAC algorithm
errors-pkcs12-invalid-parameters = invalid or excessive encryption parameters
errors-pkcs12-invalid-certificate-bag = a certificate bag holds an invalid certificate

## Why a signature cannot be checked (src/certs/verify.rs).

errors-verify-bad-signature = the signature does not verify with the issuer's public key
# $algorithm: the signature algorithm (sha256WithRSAEncryption).
errors-verify-unsupported-algorithm = signature algorithm { $algorithm } cannot be verified
# $bits: the issuer's key length; $algorithm: the signature algorithm.
errors-verify-key-too-small = the issuer's { $bits }-bit RSA key is too small to verify a { $algorithm } signature
# $bits: the issuer's key length.
errors-verify-key-too-large = the issuer's { $bits }-bit RSA key is larger than the 8192 bits the verifier supports
# $issuer_key: the issuer's key algorithm (RSA, EC); $algorithm: the signature algorithm.
errors-verify-key-mismatch = the issuer's { $issuer_key } key cannot have made a { $algorithm } signature
# $which: subject (the certificate checked) or issuer; $reason: why (errors-certs-truncated…).
errors-verify-parse = { $which ->
    [issuer] the issuer certificate cannot be parsed: { $reason }
   *[subject] the certificate cannot be parsed: { $reason }
}
# The curve of an EC key given by explicit parameters instead of a named curve.
errors-ec-explicit-parameters = (explicit parameters)

## Probing servers (src/probe.rs): --connect and --probe-timeout values, why no
## certificate could be taken from a server (a finding's reason), saving chains.

# The usage of --connect, at the end of its errors.
errors-connect-usage = expected FQDN=ADDRESS[:PORT], e.g. fe01.contoso.local=10.0.0.5:443 or fe01.contoso.local=[::1]:8443
# $value: the --connect value as written.
errors-connect-no-eq = `{ $value }` has no `=`: { errors-connect-usage }
# $problem: what is wrong with the FQDN (the FQDN check's text).
errors-connect-bad-fqdn = { $problem }: { errors-connect-usage }
# $port: the port as written.
errors-connect-bad-port = `{ $port }` is not a port (1-65535): { errors-connect-usage }
# $problem: what is wrong with the address as a host name (the FQDN check's text).
errors-connect-bad-address = the address { $problem }: { errors-connect-usage }
# Exit 2. $fqdn: the name given to --connect.
errors-connect-unknown-server = --connect names { $fqdn }, which is not a Persistent Chat file-transfer server of the topology (`topocert list` shows them)
# $value: the --probe-timeout value as written.
errors-timeout-not-duration = `{ $value }` is not a duration: expected seconds such as 5 or 2.5, or 500ms
# $value: the --probe-timeout value as written.
errors-timeout-out-of-range = `{ $value }` is out of range: the probe timeout is between 1ms and 3600s
# $host: the name; $reason: the resolver's text or errors-probe-no-address.
errors-probe-resolve = the name { $host } does not resolve: { $reason }
errors-probe-no-address = no address
# $host: the name; $after: the timeout (`5 s`, `500 ms`).
errors-probe-resolve-timeout = the name { $host } did not resolve within { $after }
# $port: the TCP port.
errors-probe-refused = the connection was refused (nothing listens on port { $port })
# $after: the timeout (`5 s`).
errors-probe-connect-timeout = no connection within { $after }
# $reason: the system's text, or errors-probe-no-thread.
errors-probe-connect = cannot connect: { $reason }
errors-probe-no-thread = no thread could be started to probe this server
# When the system gives no text for an error.
errors-probe-unknown-error = unknown error
# $after: the timeout (`5 s`).
errors-probe-handshake-timeout = no answer to the TLS handshake within { $after }
errors-probe-reset = the connection was reset during the TLS handshake
errors-probe-closed = the server closed the connection before presenting a certificate
# $port: the TCP port.
errors-probe-plain-http = the server answered in plain HTTP, not TLS: port { $port } serves HTTP without TLS
# $offered: the protocol (`SSL 3.0`, `TLS 1.0`) or one of errors-probe-offered-*, errors-probe-protocol-version.
errors-probe-old-protocol = the server offers only { $offered }, which topocert does not use (it probes with TLS 1.2 and 1.3)
# An $offered of errors-probe-old-protocol: the server refused TLS 1.2 and 1.3.
errors-probe-offered-old = TLS 1.0/1.1 or SSL
# An $offered of errors-probe-old-protocol. $version: the protocol (`TLS 1.0`).
errors-probe-offered-alert = { $version } (it answered with a protocol_version alert)
# An unknown protocol version. $minor: its minor number.
errors-probe-protocol-version = protocol version 3.{ $minor }
# $first_bytes: the first bytes received, in hex.
errors-probe-not-tls = the server's answer is not TLS (first bytes: { $first_bytes })
# $reason: one of errors-probe-alert, errors-probe-malformed-message, or the TLS library's text.
errors-probe-handshake = the TLS handshake failed: { $reason }
# $alert: the TLS alert's name (`handshake_failure`).
errors-probe-alert = the server sent the alert { $alert }
errors-probe-malformed-message = the server sent a malformed TLS message
errors-probe-no-certificate = the server presented no certificate
# $count: the certificates presented; $limit: the most accepted.
errors-probe-chain-too-long = the server presented { $count } certificates, more than the limit of { $limit }
# $bytes: the size of the certificates presented; $limit: the most accepted.
errors-probe-chain-too-large = the server presented { $bytes } bytes of certificates, more than the limit of { $limit }
# $limit: the most bytes read during a handshake.
errors-probe-too-much-data = the server sent more than { $limit } bytes without completing the handshake
# $index: the certificate's position in the chain (1 = the server's); $reason: why.
errors-probe-bad-certificate = certificate { $index } of the presented chain is not valid: { $reason }
# Saving presented chains (--save-probed), exit 2. $fqdn: the server's name.
errors-save-not-dns-name = cannot name a saved chain after the server `{ $fqdn }`: not a DNS name; nothing was written
# $path: the file both servers would be saved to.
errors-save-same-file = two servers would both be saved to { $path }; nothing was written
# $path: the file or folder; $reason: the system's reason.
errors-save-cannot-write = cannot write { $path }: { $reason }
# $path: the existing file.
errors-save-exists = { $path } already exists; nothing was written (--force replaces saved chains)
# $path: the existing folder where a chain would be saved.
errors-save-exists-directory = { $path } already exists; nothing was written

## Why a command could not run (src/error.rs), exit 2.

# $path: the file given to --ca; the reason follows on the next line.
errors-ca = cannot use the CA certificate { $path }
errors-ca-help = --ca takes the internal root or issuing CA certificate as PEM, DER, PKCS#7 or PKCS#12
# $value: the --valid-at value as written.
errors-valid-at = invalid --valid-at `{ $value }`: expected YYYY-MM-DD or an RFC 3339 date-time such as 2026-06-01T00:00:00Z
# $path: the output file; $reason: the system's reason.
errors-write = cannot write { $path }: { $reason }

## A certificate's key, in reports (src/certs/info.rs).

# $bits: the RSA key length.
errors-key-rsa = RSA { $bits } bits
# $algorithm: the key algorithm (`EC P-256`, an OID name); $bits: the key length.
errors-key-with-bits = { $algorithm } ({ $bits } bits)
