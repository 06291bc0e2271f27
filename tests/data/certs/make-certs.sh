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

rm -rf "${here:?}/ca" "${here:?}/formats" "${here:?}/rules" "${here:?}/pki"
pki_wipe_outputs "$pki"
mkdir -p "$here/ca" "$here/formats" "$here/rules/weak-ca"

# --- CAs --------------------------------------------------------------------
pki_root "$pki/root" "$DN/CN=Test Internal Root CA"
pki_subca "$pki/issuing" "$pki/root" "$DN/CN=Test Internal Issuing CA" "$CRL/test-internal-root-ca.crl"
pki_cdp "$pki/issuing" "$CRL/test-internal-issuing-ca.crl"

pki_root "$pki/external" "$DN/CN=Test External CA"
pki_cdp "$pki/external" "http://pki.external.example/crl/test-external-ca.crl"

# Same subject DN and key identifier as the real issuing CA, another key: the
# forged leaf's AKI points at the real issuing CA, whose key does not verify it.
issuing_ski="$(openssl x509 -in "$pki/issuing.pem" -noout -ext subjectKeyIdentifier | sed -n 2p | tr -d ' ')"
pki_key "$pki/forged-issuing.key" rsa:2048
pki_sign --profile root --key "$pki/forged-issuing.key" --subject "$DN/CN=Test Internal Issuing CA" \
    --ski "$issuing_ski" --out "$pki/forged-issuing.pem"
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

# The file-transfer names and, as `topocert plan` asks for them, the SIP domain's
# discovery names (pool01.xml has no external web services FQDN or simple URL).
both="$FQDN,$POOL,lyncdiscoverinternal.contoso.local,lyncdiscover.contoso.local"

# --- rules/ -------------------------------------------------------------------
rule_leaf good issuing rsa:2048 "$POOL" "$both"
rule_leaf external-ca external rsa:2048 "$POOL" "$both"
# With its root: a complete chain that ends at another CA.
cat "$pki/external.pem" >> "$here/rules/external-ca.pem"
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

# --- pki/: test PKIs shaped like enterprise ones (chain building) ---------------
# Every leaf covers its server and pool01.contoso.local, so the files pair by name.
p="$here/pki"
FE2="fe02.contoso.local"
mkdir -p "$p/renewed-ca/leaf-only" "$p/renewed-ca/bundled" "$p/renewed-root/no-cross" \
    "$p/renewed-root/with-cross" "$p/cross/with-cross" "$p/cross/no-cross" "$p/sibling" \
    "$p/aki-absent" "$p/forged-root" "$p/pfx" "$p/internal"

# pkil_leaf CA KEY OUT FQDN [pki_sign options...]: a leaf for FQDN, the pool and
# the SIP domain's discovery names (what `topocert plan` asks for in pool01.xml).
pkil_leaf() {
    local ca="$1" key="$2" out="$3" fqdn="$4"
    shift 4
    pki_leaf "$ca" "$key" rsa:2048 "$out" "$POOL" \
        "$fqdn,$POOL,lyncdiscoverinternal.contoso.local,lyncdiscover.contoso.local" "$@"
}

# A leaf for fe02 from the internal issuing CA, bundled with it: the other server
# of pool01 in the cases below.
pkil_leaf "$pki/issuing" "$pki/fe02.key" "$pki/fe02-good.pem" "$FE2"
pki_bundle "$p/fe02-good.pem" "$pki/fe02-good.pem" "$pki/issuing.pem"

# Renewed issuing CA: same name, new key (AD CS "CA(1)", CA Version 1.1).
pki_subca "$pki/issuing-r1" "$pki/root" "$DN/CN=Test Internal Issuing CA" \
    "$CRL/test-internal-root-ca.crl" rsa:2048 --ext "1.3.6.1.4.1.311.21.1 = ASN1:INTEGER:0x00010001"
pki_cdp "$pki/issuing-r1" "$CRL/test-internal-issuing-ca.crl"
cp "$pki/issuing-r1.pem" "$p/renewed-ca/issuing-new.pem"
cp "$pki/issuing.pem" "$p/renewed-ca/issuing-old.pem"
pkil_leaf "$pki/issuing" "$pki/fe01.key" "$pki/rca-fe01.pem" "$FQDN"
pkil_leaf "$pki/issuing-r1" "$pki/fe02.key" "$pki/rca-fe02.pem" "$FE2"
cp "$pki/rca-fe01.pem" "$p/renewed-ca/leaf-only/fe01.pem"
cp "$pki/rca-fe02.pem" "$p/renewed-ca/leaf-only/fe02.pem"
pki_bundle "$p/renewed-ca/bundled/fe01.pem" "$pki/rca-fe01.pem" "$pki/issuing.pem"
pki_bundle "$p/renewed-ca/bundled/fe02.pem" "$pki/rca-fe02.pem" "$pki/issuing-r1.pem"

# Renewed root: old and new key under one name, with the two cross-certificates
# (old key certified by the new, new key certified by the old).
RDN="$DN/CN=Test Renewed Root CA"
pki_root "$pki/rroot-old" "$RDN"
pki_root "$pki/rroot-new" "$RDN"
pki_sign --profile ca --ca "$pki/rroot-new" --key "$pki/rroot-old.key" --subject "$RDN" \
    --out "$pki/rroot-old-by-new.pem"
pki_sign --profile ca --ca "$pki/rroot-old" --key "$pki/rroot-new.key" --subject "$RDN" \
    --out "$pki/rroot-new-by-old.pem"
pki_subca "$pki/rissuing" "$pki/rroot-old" "$DN/CN=Test Renewed-Root Issuing CA" \
    "$CRL/test-renewed-root-ca.crl"
pki_cdp "$pki/rissuing" "$CRL/test-renewed-root-issuing-ca.crl"
cp "$pki/rroot-new.pem" "$p/renewed-root/root-new.pem"
cp "$pki/rroot-old.pem" "$p/renewed-root/root-old.pem"
cp "$pki/rroot-old-by-new.pem" "$p/renewed-root/cross-old-by-new.pem"
cp "$pki/rroot-new-by-old.pem" "$p/renewed-root/cross-new-by-old.pem"
pkil_leaf "$pki/rissuing" "$pki/fe01.key" "$pki/rr-fe01.pem" "$FQDN"
pkil_leaf "$pki/rissuing" "$pki/fe02.key" "$pki/rr-fe02.pem" "$FE2"
for s in fe01 fe02; do
    pki_bundle "$p/renewed-root/no-cross/$s.pem" "$pki/rr-$s.pem" "$pki/rissuing.pem" "$pki/rroot-old.pem"
    pki_bundle "$p/renewed-root/with-cross/$s.pem" "$pki/rr-$s.pem" "$pki/rissuing.pem" \
        "$pki/rroot-old-by-new.pem" "$pki/rroot-old.pem"
done

# A foreign CA (its own root and issuing CA) whose root the internal root
# certified: the cross-certificate has the foreign root's name and key.
FDN="$DN/CN=Test Fabrikam Root CA"
pki_root "$pki/fabrikam-root" "$FDN"
pki_subca "$pki/fabrikam-issuing" "$pki/fabrikam-root" "$DN/CN=Test Fabrikam Issuing CA" \
    "http://pki.fabrikam.example/crl/root.crl"
pki_cdp "$pki/fabrikam-issuing" "http://pki.fabrikam.example/crl/issuing.crl"
pki_sign --profile ca --ca "$pki/root" --key "$pki/fabrikam-root.key" --subject "$FDN" \
    --cdp "$CRL/test-internal-root-ca.crl" --out "$pki/fabrikam-cross.pem"
pkil_leaf "$pki/fabrikam-issuing" "$pki/fe01.key" "$pki/fab-fe01.pem" "$FQDN"
pki_bundle "$p/cross/with-cross/fe01.pem" "$pki/fab-fe01.pem" "$pki/fabrikam-issuing.pem" \
    "$pki/fabrikam-cross.pem" "$pki/fabrikam-root.pem"
pki_bundle "$p/cross/no-cross/fe01.pem" "$pki/fab-fe01.pem" "$pki/fabrikam-issuing.pem" \
    "$pki/fabrikam-root.pem"

# A sibling issuing CA under the same internal root.
pki_subca "$pki/sibling" "$pki/root" "$DN/CN=Test Internal Sibling Issuing CA" \
    "$CRL/test-internal-root-ca.crl"
pki_cdp "$pki/sibling" "$CRL/test-internal-sibling-issuing-ca.crl"
pkil_leaf "$pki/sibling" "$pki/fe01.key" "$pki/sib-fe01.pem" "$FQDN"
pki_bundle "$p/sibling/fe01.pem" "$pki/sib-fe01.pem" "$pki/sibling.pem" "$pki/root.pem"

# Leaves without an authority key identifier, from the old and the new key of the
# renewed issuing CA.
pkil_leaf "$pki/issuing" "$pki/fe01.key" "$p/aki-absent/fe01.pem" "$FQDN" --aki absent
pkil_leaf "$pki/issuing-r1" "$pki/fe02.key" "$p/aki-absent/fe02.pem" "$FE2" --aki absent

# A forged root: the internal root's name and key identifier, another key.
ski="$(openssl x509 -in "$pki/root.pem" -noout -ext subjectKeyIdentifier | sed -n 2p | tr -d ' ')"
pki_key "$pki/forged-root.key" rsa:2048
pki_sign --profile root --key "$pki/forged-root.key" --subject "$DN/CN=Test Internal Root CA" \
    --ski "$ski" --out "$pki/forged-root.pem"
pki_cdp "$pki/forged-root" "$CRL/test-internal-issuing-ca.crl"
pkil_leaf "$pki/forged-root" "$pki/fe01.key" "$pki/fr-fe01.pem" "$FQDN"
pki_bundle "$p/forged-root/fe01.pem" "$pki/fr-fe01.pem" "$pki/forged-root.pem"

# A PKCS#12 without a key, the root first and the server certificate last.
pki_bundle "$pki/root-first.pem" "$pki/root.pem" "$pki/issuing.pem" "$pki/rca-fe01.pem"
openssl pkcs12 -export -nokeys -in "$pki/root-first.pem" -passout "pass:$PFX_PASSWORD" \
    -out "$p/pfx/root-first-nokey.pfx"
chmod 644 "$p/pfx/root-first-nokey.pfx"

# Certificates of other internal servers (Director, Mediation) from the internal
# issuing CA, with it; and fe01's certificate from the external CA with its root.
for s in dir01 med01; do
    pki_leaf "$pki/issuing" "$pki/$s.key" rsa:2048 "$pki/int-$s.pem" "$s.contoso.local" "$s.contoso.local"
    pki_bundle "$p/internal/$s.pem" "$pki/int-$s.pem" "$pki/issuing.pem"
done
cp "$here/rules/external-ca.pem" "$p/internal/fe01-external.pem"

# PKCS#12 key-derivation budget (tests/bounded.rs): a password-protected file whose
# key, certificate and MAC derivations each ask for 1,000,000 iterations, and one
# without a password whose empty-password guess would cost 300,000 iterations,
# more than topocert spends on a guess.
k="$here/kdf"
mkdir -p "$k"
openssl pkcs12 -export -in "$good" -inkey "$pki/fe01.key" -passout "pass:$PFX_PASSWORD" \
    -iter 1000000 -out "$k/million.pfx"
openssl pkcs12 -export -in "$good" -inkey "$pki/fe01.key" -passout "pass:" \
    -iter 100000 -out "$k/nopass-costly.pfx"
chmod 644 "$k/million.pfx" "$k/nopass-costly.pfx"

echo "test certificates written under $here"
