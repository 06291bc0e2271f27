#!/usr/bin/env bash
# make-certs.sh - (re)generate the certificate fixtures in tests/data/certs.
# See README.md in this directory for what every file is for.
#
# Usage: tests/data/certs/make-certs.sh [--new-keys]
#
# Needs bash and the openssl 3.x CLI. Shares its functions with
# samples/make-certs.sh through samples/lib-pki.sh.
# Idempotent: every fixture is wiped and written again. Private keys in .pki/ are
# reused when present, so re-runs give byte-identical certificates except where
# the format itself is randomised (RSASSA-PSS signature, PKCS#12 salts/IVs).
# --new-keys throws the keys away first.
#
# TEST keys for TEST names; never use them for anything real.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=samples/lib-pki.sh
. "$here/../../../samples/lib-pki.sh"

pki="$here/.pki"
if [ "${1:-}" = "--new-keys" ]; then
    rm -rf "$pki"
elif [ $# -gt 0 ]; then
    echo "usage: $0 [--new-keys]" >&2
    exit 2
fi

PFX_PASSWORD="topocert"
FQDN="fe01.contoso.local"
POOL="pool01.contoso.local"
DN="/C=US/O=Topocert Test PKI"
CRL="http://pki.contoso.local/crl"

rm -rf "${here:?}/ca" "${here:?}/formats" "${here:?}/rules"
pki_wipe_outputs "$pki"
mkdir -p "$here/ca" "$here/formats" "$here/rules/weak-ca"

# --- CAs --------------------------------------------------------------------
pki_root "$pki/root" "$DN/CN=Test Internal Root CA"
pki_subca "$pki/issuing" "$pki/root" "$DN/CN=Test Internal Issuing CA" "$CRL/test-internal-root-ca.crl"
pki_cdp "$pki/issuing" "$CRL/test-internal-issuing-ca.crl"

pki_root "$pki/external" "$DN/CN=Test External CA"
pki_cdp "$pki/external" "http://pki.external.example/crl/test-external-ca.crl"

# Same subject DN as the real issuing CA, different key (and so a different SKI,
# which the forged leaf carries as its AKI).
pki_root "$pki/forged-issuing" "$DN/CN=Test Internal Issuing CA"
pki_cdp "$pki/forged-issuing" "$CRL/test-internal-issuing-ca.crl"

# An issuing CA whose key is RSA 1024 (signatures by it are mathematically fine
# but verifiers that refuse RSA keys under 2048 bits reject them).
pki_subca "$pki/weak-issuing" "$pki/root" "$DN/CN=Test Internal Weak Issuing CA" \
    "$CRL/test-internal-root-ca.crl" rsa:1024
pki_cdp "$pki/weak-issuing" "$CRL/test-internal-weak-issuing-ca.crl"

cp "$pki/root.pem" "$here/ca/root.pem"
cp "$pki/issuing.pem" "$here/ca/issuing.pem"
pki_bundle "$here/ca/chain.pem" "$pki/issuing.pem" "$pki/root.pem"
cp "$pki/external.pem" "$here/ca/external.pem"

# rule_leaf NAME CA KEYSPEC CN SANS [pki_sign options...]
#   rules/NAME.pem: a leaf for the reference server issued by CA (a prefix under
#   .pki). The key is .pki/fe01.key for RSA 2048, else .pki/NAME.key.
rule_leaf() {
    local name="$1" ca="$2" spec="$3" cn="$4" sans="$5"
    shift 5
    local key="$pki/fe01.key"
    [ "$spec" = rsa:2048 ] || key="$pki/$name.key"
    pki_leaf "$pki/$ca" "$key" "$spec" "$here/rules/$name.pem" "$cn" "$sans" "$@"
}

both="$FQDN,$POOL"

# --- rules/ -------------------------------------------------------------------
rule_leaf good issuing rsa:2048 "$POOL" "$both"
rule_leaf external-ca external rsa:2048 "$POOL" "$both"
rule_leaf forged-issuer forged-issuing rsa:2048 "$POOL" "$both"
rule_leaf expired issuing rsa:2048 "$POOL" "$both" --start 20200101000000Z --end 20240101000000Z
rule_leaf not-yet-valid issuing rsa:2048 "$POOL" "$both" --start 20270101000000Z --end 21270101000000Z
rule_leaf expires-soon issuing rsa:2048 "$POOL" "$both" --start 20250101000000Z --end 20260615000000Z
rule_leaf no-server-auth issuing rsa:2048 "$POOL" "$both" --eku clientAuth
rule_leaf no-eku issuing rsa:2048 "$POOL" "$both" --eku none
rule_leaf no-cdp issuing rsa:2048 "$POOL" "$both" --cdp none
rule_leaf rsa-pss issuing rsa:2048 "$POOL" "$both" --pss
rule_leaf weak-1024 issuing rsa:1024 "$POOL" "$both"
rule_leaf weak-512 issuing rsa:512 "$POOL" "$both"
rule_leaf sha1 issuing rsa:2048 "$POOL" "$both" --md sha1
rule_leaf ecdsa issuing ec:P-256 "$POOL" "$both"
rule_leaf wrong-san issuing rsa:2048 fe99.contoso.local fe99.contoso.local
rule_leaf server-only-san issuing rsa:2048 "$FQDN" "$FQDN"
rule_leaf cn-only issuing rsa:2048 "$FQDN" none
rule_leaf wildcard issuing rsa:2048 "*.contoso.local" "*.contoso.local"
pki_leaf "$pki/weak-issuing" "$pki/fe01.key" rsa:2048 "$here/rules/weak-ca/leaf.pem" "$POOL" "$both"
cp "$pki/weak-issuing.pem" "$here/rules/weak-ca/issuing.pem"

# --- formats/: the good leaf (rules/good.pem) in every container ----------------
good="$here/rules/good.pem"
f="$here/formats"
cp "$good" "$f/good.pem"
# Text before each block, as `openssl x509 -subject -issuer` and some Windows
# exports write it.
for c in "$good" "$pki/issuing.pem" "$pki/root.pem"; do
    openssl x509 -in "$c" -subject -issuer
done > "$f/chain.pem"
{ printf '\357\273\277'; sed 's/$/\r/' "$good"; } > "$f/crlf-bom.pem"
pki_der "$good" "$f/good.cer"
pki_p7b "$f/chain-der.p7b" DER "$good" "$pki/issuing.pem" "$pki/root.pem"
pki_p7b "$f/chain-pem.p7b" PEM "$good" "$pki/issuing.pem" "$pki/root.pem"
pki_pfx "$f/good-aes.pfx" "$good" "$pki/fe01.key" "$PFX_PASSWORD" aes "$pki/issuing.pem" "$pki/root.pem"
pki_pfx "$f/good-3des.pfx" "$good" "$pki/fe01.key" "$PFX_PASSWORD" 3des "$pki/issuing.pem" "$pki/root.pem"
pki_pfx "$f/nopass.pfx" "$good" "$pki/fe01.key" "" aes "$pki/issuing.pem" "$pki/root.pem"
# 48 fixed bytes that are not DER (first byte 0x8f is no SEQUENCE tag) nor text.
printf '\217\322\007\355\063\241\014\226\370\125\313\002\146\271\330\047' > "$f/garbage.cer"
printf '\344\020\237\072\301\356\205\061\126\212\017\333\250\104\363\031' >> "$f/garbage.cer"
printf '\232\367\046\015\374\141\270\323\120\007\215\346\053\224\277\012' >> "$f/garbage.cer"
size="$(wc -c < "$f/good.cer")"
head -c "$((size / 2))" "$f/good.cer" > "$f/truncated.cer"
: > "$f/empty.pem"
{
    echo "-----BEGIN CERTIFICATE-----"
    openssl base64 -in "$f/garbage.cer"
    echo "-----END CERTIFICATE-----"
} > "$f/not-a-cert.pem"
mkdir -p "$f/dir-named.cer"
: > "$f/dir-named.cer/.keep"

echo "test certificates written under $here"
