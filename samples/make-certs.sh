#!/usr/bin/env bash
# make-certs.sh - (re)generate the certificates of the bundled sample topologies,
# and samples/enterprise-utf16/topology.xml from samples/enterprise/topology.xml.
#
# Usage: samples/make-certs.sh [--new-keys]
#
# Needs bash and the openssl 3.x CLI (plus iconv for the UTF-16 copy).
# Idempotent: every output (samples/*/ca, samples/*/certs, CA certificates under
# samples/.pki) is wiped and written again. Private keys under samples/.pki are
# reused when present so that re-runs give byte-identical certificates (RSA
# PKCS#1 v1.5 signatures are deterministic); --new-keys throws them away first.
# The PKCS#12 file of the topology-builder sample has a random salt, so it changes
# on every run.
#
# These are SAMPLE keys for SAMPLE names (*.local); never use them for anything real.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=samples/lib-pki.sh
. "$here/lib-pki.sh"

pki="$here/.pki"
if [ "${1:-}" = "--new-keys" ]; then
    rm -rf "$pki"
elif [ $# -gt 0 ]; then
    echo "usage: $0 [--new-keys]" >&2
    exit 2
fi

# Password of the sample PKCS#12 file (documented in samples/README.md).
SAMPLE_PFX_PASSWORD="topocert-sample"

samples=(standard-edition enterprise enterprise-utf16 multi-site topology-builder)
for s in "${samples[@]}"; do
    rm -rf "${here:?}/$s/ca" "${here:?}/$s/certs"
done
pki_wipe_outputs "$pki"

# internal_pki ORG Org DOMAIN: root + issuing CA for one sample organisation,
#   e.g. "contoso" "Contoso" "contoso.local" -> $pki/contoso/{root,issuing}.
internal_pki() {
    local org="$1" name="$2" domain="$3"
    local dn="/DC=${domain#*.}/DC=${domain%%.*}"
    pki_root "$pki/$org/root" "$dn/CN=$name Root CA"
    pki_subca "$pki/$org/issuing" "$pki/$org/root" "$dn/CN=$name Issuing CA" \
        "http://pki.$domain/crl/$org-root-ca.crl"
    pki_cdp "$pki/$org/issuing" "http://pki.$domain/crl/$org-issuing-ca.crl"
}

# publish_ca ORG SAMPLE: the CA certificates a user passes to --ca.
publish_ca() {
    local org="$1" sample="$2"
    mkdir -p "$here/$sample/ca"
    cp "$pki/$org/root.pem" "$here/$sample/ca/internal-root.cer"
    cp "$pki/$org/issuing.pem" "$here/$sample/ca/internal-issuing.cer"
}

# server_cert CA ORG OUT CN SANS [pki_sign options...]
#   Leaf issued by CA (a prefix under $pki), key kept in $pki/ORG/leaves/,
#   written as OUT.pem (leaf only) in $pki/ORG/leaves/ and returned in LEAF_PEM.
server_cert() {
    local ca="$1" org="$2" out="$3" cn="$4" sans="$5"
    shift 5
    LEAF_PEM="$pki/$org/leaves/$out.pem"
    LEAF_KEY="$pki/$org/leaves/$out.key"
    pki_leaf "$pki/$ca" "$LEAF_KEY" rsa:2048 "$LEAF_PEM" "$cn" "$sans" "$@"
}

# pem_chain_file CA ORG SAMPLE FQDN CN SANS [pki_sign options...]
#   Server certificate delivered the usual way: SAMPLE/certs/FQDN.cer holding the
#   leaf and then the issuing CA (PEM).
pem_chain_file() {
    local ca="$1" org="$2" sample="$3" fqdn="$4" cn="$5" sans="$6"
    shift 6
    server_cert "$ca" "$org" "$fqdn" "$cn" "$sans" "$@"
    pki_bundle "$here/$sample/certs/$fqdn.cer" "$LEAF_PEM" "$pki/$ca.pem"
}

# web NAMES EXTERNAL DOMAIN
#   NAMES plus what the pool's other web services need on the same certificate
#   (`topocert plan`, --layout combined): the external web services FQDN and sign-in
#   discovery for the SIP domain.
web() {
    printf '%s,%s,lyncdiscoverinternal.%s,lyncdiscover.%s' "$1" "$2" "$3" "$3"
}

# --- the shared "public" CA ----------------------------------------------------
pki_root "$pki/northwind/root" "/C=US/O=Northwind Traders/CN=Northwind Public Root CA"
pki_subca "$pki/northwind/tls" "$pki/northwind/root" "/C=US/O=Northwind Traders/CN=Northwind Public TLS CA" \
    "http://pki.northwind.example/crl/northwind-public-root-ca.crl"
pki_cdp "$pki/northwind/tls" "http://pki.northwind.example/crl/northwind-public-tls-ca.crl"

# --- standard-edition (litware.local): clean pass -------------------------------
internal_pki litware Litware litware.local
publish_ca litware standard-edition
pem_chain_file litware/issuing litware standard-edition se01.litware.local \
    se01.litware.local "$(web se01.litware.local lyncweb.litware.com litware.local)"

# --- enterprise (contoso.local) -------------------------------------------------
internal_pki contoso Contoso contoso.local
publish_ca contoso enterprise
# fe01: good.
pem_chain_file contoso/issuing contoso enterprise fe01.contoso.local \
    pool01.contoso.local "$(web fe01.contoso.local,pool01.contoso.local pool01web.contoso.com contoso.local)"
# fe02: issued by the public Northwind CA, its whole chain in the file: a complete
# chain that ends at another CA (ca-mismatch).
pem_chain_file northwind/tls contoso enterprise fe02.contoso.local \
    pool01.contoso.local "$(web fe02.contoso.local,pool01.contoso.local pool01web.contoso.com contoso.local)"
cat "$pki/northwind/root.pem" >> "$here/enterprise/certs/fe02.contoso.local.cer"
# fe03: expired on 2025-01-01 (expired).
pem_chain_file contoso/issuing contoso enterprise fe03.contoso.local \
    pool01.contoso.local "$(web fe03.contoso.local,pool01.contoso.local pool01web.contoso.com contoso.local)" \
    --start 20240101000000Z --end 20250101000000Z
# fe04: SAN names fe40 instead of fe04 (name-mismatch).
pem_chain_file contoso/issuing contoso enterprise fe04.contoso.local \
    pool02.contoso.local "$(web fe40.contoso.local,pool02.contoso.local pool02web.contoso.com contoso.local)"
# fe05: deliberately no certificate (missing-certificate).
# edge01: the Edge external certificate from the public CA; its names match nothing
# in the topology (orphan). A certificate naming edge01.contoso.local would be
# context: the Edge internal interface is an internal server.
pem_chain_file northwind/tls contoso enterprise edge01.contoso.local \
    sip.contoso.com sip.contoso.com

# --- enterprise-utf16: the same topology as PowerShell 5.1 writes it ------------
mkdir -p "$here/enterprise-utf16"
{
    printf '\377\376'
    sed 's/$/\r/' "$here/enterprise/topology.xml" | iconv -f UTF-8 -t UTF-16LE
} > "$here/enterprise-utf16/topology.xml"
cp -R "$here/enterprise/ca" "$here/enterprise/certs" "$here/enterprise-utf16/"

# --- multi-site (fabrikam.local) ------------------------------------------------
internal_pki fabrikam Fabrikam fabrikam.local
publish_ca fabrikam multi-site
mkdir -p "$here/multi-site/certs"
# dub-fe01: DER .cer (leaf only: DER holds a single certificate).
server_cert fabrikam/issuing fabrikam dub-fe01.fabrikam.local \
    dub-pool.fabrikam.local "$(web dub-fe01.fabrikam.local,dub-pool.fabrikam.local dubweb.fabrikam.com fabrikam.local)"
pki_der "$LEAF_PEM" "$here/multi-site/certs/dub-fe01.fabrikam.local.cer"
# dub-fe02: PKCS#7 (DER) with leaf + issuing CA.
server_cert fabrikam/issuing fabrikam dub-fe02.fabrikam.local \
    dub-pool.fabrikam.local "$(web dub-fe02.fabrikam.local,dub-pool.fabrikam.local dubweb.fabrikam.com fabrikam.local)"
pki_p7b "$here/multi-site/certs/dub-fe02.fabrikam.local.p7b" DER "$LEAF_PEM" "$pki/fabrikam/issuing.pem"
# sin-fe01: expires 2026-06-15 (expires-soon at --valid-at 2026-06-01).
pem_chain_file fabrikam/issuing fabrikam multi-site sin-fe01.fabrikam.local \
    sin-pool.fabrikam.local "$(web sin-fe01.fabrikam.local,sin-pool.fabrikam.local sinweb.fabrikam.com fabrikam.local)" \
    --end 20260615000000Z
# sin-fe02: the topology writes the bare host name "sin-fe02"; the certificate
# uses the full name.
pem_chain_file fabrikam/issuing fabrikam multi-site sin-fe02.fabrikam.local \
    sin-pool.fabrikam.local "$(web sin-fe02.fabrikam.local,sin-pool.fabrikam.local sinweb.fabrikam.com fabrikam.local)"

# --- topology-builder (adatum.local): clean pass with the PFX password ------------
internal_pki adatum Adatum adatum.local
publish_ca adatum topology-builder
mkdir -p "$here/topology-builder/certs"
server_cert adatum/issuing adatum tbfe01.adatum.local \
    tbpool.adatum.local "$(web tbfe01.adatum.local,tbpool.adatum.local,meet.adatum.com tbweb.adatum.com adatum.local)"
pki_pfx "$here/topology-builder/certs/tbfe01.adatum.local.pfx" "$LEAF_PEM" "$LEAF_KEY" \
    "$SAMPLE_PFX_PASSWORD" aes "$pki/adatum/issuing.pem"
pem_chain_file adatum/issuing adatum topology-builder tbfe02.adatum.local \
    tbpool.adatum.local "$(web tbfe02.adatum.local,tbpool.adatum.local,meet.adatum.com tbweb.adatum.com adatum.local)"

echo "sample certificates written under $here"
