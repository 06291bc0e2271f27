# shellcheck shell=bash
# lib-pki.sh - small certificate-authority helpers shared by
#   samples/make-certs.sh           (the bundled sample PKIs)
#   tests/data/certs/make-certs.sh  (the test fixtures)
#
# Source it; it needs bash and the openssl 3.x CLI, nothing else.
#
# Model: a CA is a "prefix" path P; its certificate is P.pem and its key P.key.
# Keys are created once and then reused (pki_key), serial numbers are derived from
# the certificate's output name and validity is always explicit, so re-running a
# script re-creates byte-identical certificates wherever the signature scheme is
# deterministic (RSA PKCS#1 v1.5). RSASSA-PSS signatures and PKCS#12 files carry
# fresh randomness on every run; that is the only expected churn.
#
# Every certificate is issued by `openssl ca` (OpenSSL 3.0 has no
# `x509 -not_before`), from a throw-away database in a temporary directory.

# Defaults; callers may override before calling.
PKI_DEFAULT_START="${PKI_DEFAULT_START:-20250101000000Z}"
PKI_DEFAULT_END="${PKI_DEFAULT_END:-21250101000000Z}"
PKI_CA_START="${PKI_CA_START:-20200101000000Z}"
PKI_CA_END="${PKI_CA_END:-21300101000000Z}"

pki_die() {
    echo "lib-pki: $*" >&2
    exit 1
}

# pki_tmp_init: one scratch directory (PKI_TMP) per sourcing shell, removed on
# exit. Called directly (never in a command substitution) so the variable sticks.
pki_tmp_init() {
    if [ -z "${PKI_TMP:-}" ] || [ ! -d "$PKI_TMP" ]; then
        PKI_TMP="$(mktemp -d "${TMPDIR:-/tmp}/lib-pki.XXXXXX")"
        # shellcheck disable=SC2064
        trap "rm -rf '$PKI_TMP'" EXIT
    fi
}

# pki_key FILE SPEC
#   Create a private key unless FILE already exists (keys are reused on re-runs).
#   SPEC: rsa:BITS (e.g. rsa:2048, rsa:1024, rsa:512) or ec:CURVE (e.g. ec:P-256).
pki_key() {
    local file="$1" spec="$2"
    [ -s "$file" ] && return 0
    mkdir -p "$(dirname "$file")"
    case "$spec" in
        rsa:*) openssl genpkey -quiet -algorithm RSA -pkeyopt "rsa_keygen_bits:${spec#rsa:}" -out "$file" ;;
        ec:*) openssl genpkey -quiet -algorithm EC -pkeyopt "ec_paramgen_curve:${spec#ec:}" \
            -pkeyopt ec_param_enc:named_curve -out "$file" ;;
        *) pki_die "unknown key spec '$spec'" ;;
    esac || pki_die "cannot generate $spec key $file"
    chmod 600 "$file"
}

# pki_serial TEXT: a stable, positive 64-bit serial number (hex) derived from TEXT.
pki_serial() {
    local h
    h="$(printf '%s' "$1" | openssl dgst -sha256 -r | cut -c1-15)"
    printf '4%s\n' "$h"
}

# pki_sign [options]
#   The one place that runs `openssl ca`. Options:
#     --key FILE          key of the certificate being issued (required)
#     --subject DN        OpenSSL -subj form, e.g. "/DC=local/DC=contoso/CN=X" (required)
#     --out FILE          PEM certificate written here (required)
#     --ca PREFIX         issuing CA (PREFIX.pem + PREFIX.key); omit for self-signed
#     --profile P         root | ca | leaf (default leaf)
#     --pathlen N         basicConstraints pathlen for --profile ca
#     --start / --end     YYYYMMDDHHMMSSZ (defaults: PKI_DEFAULT_START/END for
#                         leaves, PKI_CA_START/END for CAs)
#     --san LIST          comma-separated DNS names; "none" = no SAN extension
#     --eku LIST          e.g. "serverAuth, clientAuth" (default); "none" = no EKU
#     --cdp URL           CRL distribution point URI; "none" = no CDP extension
#     --aki MODE          keyid (default for ca/leaf) | none | absent (none and
#                         OpenSSL 3's default one suppressed too)
#     --ski HEX           subject key identifier to write instead of the key's hash
#     --ext LINE          one more line for the extension section (repeatable)
#     --md DIGEST         sha256 (default), sha1, ...
#     --pss               sign with RSASSA-PSS (salt length = digest length)
pki_sign() {
    local key="" subject="" out="" ca="" profile="leaf" pathlen="" start="" end=""
    local san="none" eku="serverAuth, clientAuth" cdp="none" aki="" md="sha256" pss="" ski="hash" extra=""
    while [ $# -gt 0 ]; do
        case "$1" in
            --key) key="$2"; shift 2 ;;
            --subject) subject="$2"; shift 2 ;;
            --out) out="$2"; shift 2 ;;
            --ca) ca="$2"; shift 2 ;;
            --profile) profile="$2"; shift 2 ;;
            --pathlen) pathlen="$2"; shift 2 ;;
            --start) start="$2"; shift 2 ;;
            --end) end="$2"; shift 2 ;;
            --san) san="$2"; shift 2 ;;
            --eku) eku="$2"; shift 2 ;;
            --cdp) cdp="$2"; shift 2 ;;
            --aki) aki="$2"; shift 2 ;;
            --ski) ski="$2"; shift 2 ;;
            --ext) extra="${extra}$2"$'\n'; shift 2 ;;
            --md) md="$2"; shift 2 ;;
            --pss) pss=1; shift ;;
            *) pki_die "pki_sign: unknown option '$1'" ;;
        esac
    done
    [ -n "$key" ] && [ -n "$subject" ] && [ -n "$out" ] || pki_die "pki_sign: --key, --subject and --out are required"
    case "$profile" in
        root|ca) start="${start:-$PKI_CA_START}"; end="${end:-$PKI_CA_END}" ;;
        leaf) start="${start:-$PKI_DEFAULT_START}"; end="${end:-$PKI_DEFAULT_END}" ;;
        *) pki_die "pki_sign: unknown profile '$profile'" ;;
    esac
    if [ -z "$aki" ]; then
        if [ "$profile" = root ]; then aki=none; else aki=keyid; fi
    fi

    local work
    pki_tmp_init
    work="$(mktemp -d "$PKI_TMP/ca.XXXXXX")"
    mkdir -p "$work/new"
    : > "$work/index.txt"
    # Seed: the last two path components of --out and the subject, so the serial
    # does not depend on where the repository is checked out.
    pki_serial "$(basename "$(dirname "$out")")/$(basename "$out")|$subject" > "$work/serial"

    # CA configuration (the "ca" section) and the request settings.
    cat > "$work/openssl.cnf" <<EOF
[ ca ]
default_ca = ca_default

[ ca_default ]
database = $work/index.txt
new_certs_dir = $work/new
serial = $work/serial
default_md = $md
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none
preserve = yes

[ policy_any ]
commonName = supplied

[ req ]
distinguished_name = req_dn
prompt = no
utf8 = yes

[ req_dn ]
CN = placeholder
EOF

    # Extensions of the certificate being issued.
    {
        echo "[ cert_ext ]"
        case "$profile" in
            root|ca)
                if [ -n "$pathlen" ]; then
                    echo "basicConstraints = critical, CA:TRUE, pathlen:$pathlen"
                else
                    echo "basicConstraints = critical, CA:TRUE"
                fi
                echo "keyUsage = critical, keyCertSign, cRLSign, digitalSignature"
                ;;
            leaf)
                echo "basicConstraints = CA:FALSE"
                if openssl pkey -in "$key" -noout -text 2>/dev/null | grep -q '^ASN1 OID:'; then
                    echo "keyUsage = critical, digitalSignature, keyAgreement"
                else
                    echo "keyUsage = critical, digitalSignature, keyEncipherment"
                fi
                [ "$eku" = none ] || echo "extendedKeyUsage = $eku"
                if [ "$san" != none ]; then
                    local names="" n
                    IFS=',' read -r -a sans <<< "$san"
                    for n in "${sans[@]}"; do
                        n="${n// /}"
                        names="${names:+$names, }DNS:$n"
                    done
                    echo "subjectAltName = $names"
                fi
                ;;
        esac
        echo "subjectKeyIdentifier = $ski"
        case "$aki" in
            none) ;;
            absent) echo "authorityKeyIdentifier = none" ;;
            *) echo "authorityKeyIdentifier = keyid:always" ;;
        esac
        [ "$cdp" = none ] || echo "crlDistributionPoints = URI:$cdp"
        [ -z "$extra" ] || printf '%s' "$extra"
    } > "$work/ext.cnf"

    openssl req -new -config "$work/openssl.cnf" -key "$key" -subj "$subject" \
        -out "$work/req.csr" || pki_die "cannot create request for $subject"

    local -a args=(ca -batch -config "$work/openssl.cnf" -in "$work/req.csr" -out "$work/cert.pem"
        -notext -preserveDN -startdate "$start" -enddate "$end" -md "$md"
        -extfile "$work/ext.cnf" -extensions cert_ext)
    if [ -n "$ca" ]; then
        args+=(-cert "$ca.pem" -keyfile "$ca.key")
    else
        args+=(-selfsign -keyfile "$key")
    fi
    if [ -n "$pss" ]; then
        args+=(-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest)
    fi
    openssl "${args[@]}" 2> "$work/ca.log" || { cat "$work/ca.log" >&2; pki_die "openssl ca failed for $subject"; }

    mkdir -p "$(dirname "$out")"
    # Keep only the PEM block (openssl ca -notext already omits the text dump).
    openssl x509 -in "$work/cert.pem" -out "$out" || pki_die "cannot write $out"
    rm -rf "$work"
}

# pki_root PREFIX SUBJECT [KEYSPEC]
#   Self-signed root CA: PREFIX.pem, key PREFIX.key.
pki_root() {
    local prefix="$1" subject="$2" spec="${3:-rsa:2048}"
    pki_key "$prefix.key" "$spec"
    pki_sign --profile root --key "$prefix.key" --subject "$subject" --out "$prefix.pem"
}

# pki_subca PREFIX PARENT SUBJECT CDP [KEYSPEC] [extra pki_sign options...]
#   Issuing CA signed by PARENT (a CA prefix), pathlen 0, with a CDP of PARENT's CRL.
pki_subca() {
    local prefix="$1" parent="$2" subject="$3" cdp="$4" spec="${5:-rsa:2048}"
    shift 5 2>/dev/null || shift $#
    pki_key "$prefix.key" "$spec"
    pki_sign --profile ca --pathlen 0 --ca "$parent" --key "$prefix.key" --subject "$subject" \
        --cdp "$cdp" --out "$prefix.pem" "$@"
}

# pki_leaf CA KEYFILE KEYSPEC OUT CN SANS [extra pki_sign options...]
#   Server certificate for CN with SAN dNSNames SANS (comma-separated or "none"),
#   issued by CA (a CA prefix). The CDP comes from "$CA.cdp" when that file exists
#   (written by pki_cdp), unless an explicit --cdp option follows.
pki_leaf() {
    local ca="$1" key="$2" spec="$3" out="$4" cn="$5" san="$6"
    shift 6
    local cdp=none
    [ -s "$ca.cdp" ] && cdp="$(cat "$ca.cdp")"
    pki_key "$key" "$spec"
    pki_sign --ca "$ca" --key "$key" --subject "/CN=$cn" --san "$san" --cdp "$cdp" --out "$out" "$@"
}

# pki_cdp CA URL: remember the CRL URL that certificates issued by CA carry.
pki_cdp() {
    printf '%s\n' "$2" > "$1.cdp"
}

# pki_bundle OUT FILE...: concatenate PEM files (leaf first, then issuers).
pki_bundle() {
    local out="$1"
    shift
    mkdir -p "$(dirname "$out")"
    cat "$@" > "$out"
}

# pki_der IN OUT: first certificate of IN as DER.
pki_der() {
    openssl x509 -in "$1" -outform DER -out "$2" || pki_die "cannot convert $1 to DER"
}

# pki_p7b OUT FORM FILE...: certs-only PKCS#7 (FORM = DER or PEM) holding every
# certificate of the given PEM files, in order.
pki_p7b() {
    local out="$1" form="$2"
    shift 2
    local -a args=(crl2pkcs7 -nocrl -outform "$form" -out "$out")
    local f
    for f in "$@"; do args+=(-certfile "$f"); done
    openssl "${args[@]}" || pki_die "cannot write $out"
}

# pki_pfx OUT LEAF KEY PASSWORD MODE [CHAINFILE...]
#   PKCS#12 with the leaf, its key and the chain certificates.
#   MODE: aes  = OpenSSL 3 default (AES-256-CBC, PBKDF2, HMAC-SHA256 MAC)
#         3des = legacy PBE-SHA1-3DES for keys and certs, SHA-1 MAC (works
#                without the legacy provider)
pki_pfx() {
    local out="$1" leaf="$2" key="$3" pass="$4" mode="$5"
    shift 5
    local -a args=(pkcs12 -export -in "$leaf" -inkey "$key" -passout "pass:$pass" -out "$out"
        -name "$(openssl x509 -in "$leaf" -noout -subject -nameopt multiline | sed -n 's/^ *commonName *= *//p')")
    case "$mode" in
        aes) ;;
        3des) args+=(-certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1) ;;
        *) pki_die "pki_pfx: unknown mode '$mode'" ;;
    esac
    local chain
    if [ $# -gt 0 ]; then
        pki_tmp_init
        chain="$PKI_TMP/pfx-chain.pem"
        cat "$@" > "$chain"
        args+=(-certfile "$chain")
    fi
    openssl "${args[@]}" || pki_die "cannot write $out"
    chmod 644 "$out"
}

# pki_wipe_outputs DIR...: remove generated files but keep the *.key files
#   (so re-runs reuse keys). Directories are recreated empty of everything else.
pki_wipe_outputs() {
    local d
    for d in "$@"; do
        [ -d "$d" ] || continue
        find "$d" -mindepth 1 \( -type f -o -type l \) ! -name '*.key' -delete
        find "$d" -mindepth 1 -type d -empty -delete
    done
}
