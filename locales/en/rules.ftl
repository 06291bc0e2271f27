# rules messages (ids begin with "rules-").
# The findings of `topocert check`: each finding's message, its help line and the
# labels shown on the topology, the config file or the certificate summary. Every
# $variable is data from the inputs (paths, FQDNs, DNs, dates, codes) and is shown
# as it is. $path is a certificate file's path, $fqdn the server's FQDN.

## Shared

# Label on the <Machine> of the server a certificate finding is about.
rules-server-label = { $fqdn } is a Persistent Chat file-transfer server

# Two names of a list joined (folded left for longer lists: "a and b and c").
# $first: the names so far; $second: the next name.
rules-and = { $first } and { $second }

# Error of `-D`/`-W`/`-A`, `[rules]` or `[[ignore]]` naming no rule. $code: what was written.
rules-unknown-code = unknown rule code `{ $code }` (see `topocert explain --all`)

## Invalid FQDNs: why a name is not a usable DNS host name ($name: the name as written)

rules-fqdn-empty = the name is empty
rules-fqdn-variable = `{ $name }` looks like a script variable that was never expanded
# $char: the first character a DNS name cannot hold.
rules-fqdn-character = `{ $name }` contains `{ $char }`, which a DNS name cannot
rules-fqdn-label-length = `{ $name }` has an empty or over-long label
# $label: the label that begins or ends with a hyphen.
rules-fqdn-hyphen = `{ $name }` has the label `{ $label }`, and a host name label cannot begin or end with a hyphen (RFC 952, RFC 1123)

## ambiguous-certificate

# The first server of a group: $count certificates claim $fqdn; $others: how many
# other servers the same certificates claim; $paths: the first paths, joined with
# ", "; $more: how many paths are not listed (0 when all are).
rules-ambiguous-certificate = { $count } certificates claim { $fqdn }{ $others ->
        [0] {""}
        [one] {" "}(and { $others } other server)
       *[other] {" "}(and { $others } other servers)
    }: { $paths }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
# The other servers of a group: $reported is the server whose finding lists them.
rules-ambiguous-certificate-same = the same { $count } certificates that claim { $reported } claim { $fqdn }
rules-ambiguous-certificate-help = keep one, name its file `{ $fqdn }.cer`, or map it in the [certificates] table of topocert.toml
rules-ambiguous-certificate-label = claimed by several certificates

## bare-host-name

# $written: the bare name in the topology; $fqdn: the name it was read as; $note:
# which DNS suffix was used, or why none was.
rules-bare-host-name-cluster-qualified = cluster Fqdn `{ $written }` is a bare host name, read as { $fqdn } ({ $note })
rules-bare-host-name-cluster-unqualified = cluster Fqdn `{ $fqdn }` is a bare host name, left unqualified: { $note }
rules-bare-host-name-machine-qualified = machine Fqdn `{ $written }` is a bare host name, read as { $fqdn } ({ $note })
rules-bare-host-name-machine-unqualified = machine Fqdn `{ $fqdn }` is a bare host name, left unqualified: { $note }
rules-bare-host-name-help = write the full FQDN in Topology Builder so the topology, DNS and the certificate agree
rules-bare-host-name-read-as = read as { $fqdn }
rules-bare-host-name-no-domain = no domain

## ca-inferred

# $count: issuers tied; $issued: certificates each issued; $issuers: their DNs joined with "; ".
rules-ca-inferred-tied = the internal CA cannot be inferred: { $count } issuers each issued { $issued } of the servers' certificates ({ $issuers })
rules-ca-inferred-tied-help = name the internal CA with --ca FILE (its root or issuing CA certificate)
rules-ca-inferred-tied-label = certificates of these servers disagree on their CA
# $subject: the CA's DN; $keys: how many keys it had (renewed when more than 1);
# $count of the $total certificates were issued by it; $roles: "role: count"
# joined with ", "; $verified: "yes" when its certificate was supplied, else "no".
rules-ca-inferred-majority = expected CA inferred as { $subject }{ $keys ->
        [0] {""}
        [1] {""}
       *[other] {" "}(one CA with { $keys } keys: it was renewed)
    }: it issued { $count } of the { $total } certificates of the topology's internal servers ({ $roles }){ $verified ->
        [yes] {""}
       *[no] ; its certificate was not supplied, so issuer names and key identifiers are compared but signatures are not verified
    }
rules-ca-inferred-majority-help = name the internal CA with --ca FILE so the check does not depend on a majority
rules-ca-inferred-no-ca = no --ca given

## ca-mismatch

# $top: the self-signed root's DN; $key: SHA-1 of its key.
rules-ca-mismatch-impostor = certificate { $path } for { $fqdn } chains to a self-signed root that copies the name { $top } of the internal CA but holds another key (SHA-1 of the key { $key }), which was not given with --ca
rules-ca-mismatch-impostor-help = a root with the internal CA's name and another key is a different CA: request the certificate from the internal CA
rules-ca-mismatch-impostor-label = not the internal CA's key
# $issuer: the issuer's DN; $expected: the internal CA's DNs joined with "; ".
rules-ca-mismatch = certificate { $path } for { $fqdn } was issued by { $issuer }, not by the internal CA ({ $expected })
# The same, with $top: the DN the chain ends at.
rules-ca-mismatch-chain = certificate { $path } for { $fqdn } was issued by { $issuer } (its chain ends at { $top }), not by the internal CA ({ $expected })
rules-ca-mismatch-help = request the certificate from the internal CA ({ $expected })
rules-ca-mismatch-label = not the internal CA

## cross-certified-chain

# $subject: the cross-certificate's subject DN; $issuer: its issuer's DN.
rules-cross-certified-chain = the chain of { $path } for { $fqdn } reaches the internal CA through the cross-certificate { $subject } issued by { $issuer }
rules-cross-certified-chain-help = make sure the cross-certificate is in the servers' intermediate store (or published in AD)
rules-cross-certified-chain-label = chains through a cross-certificate

## duplicate-fqdn

rules-duplicate-fqdn = machine { $fqdn } is listed twice
rules-duplicate-fqdn-help = each server belongs to exactly one pool: remove the duplicate or correct its FQDN
rules-duplicate-fqdn-again = listed again here
rules-duplicate-fqdn-first = first listed here

## expired, expires-soon, not-yet-valid ($date: a date; $valid_at: the --valid-at date)

rules-expired = certificate { $path } for { $fqdn } expired on { $date }
rules-expired-help = renew the certificate from the internal CA
rules-expired-label = before { $valid_at }
# $left: days from $valid_at to $date.
rules-expires-soon = { $left ->
    [one] certificate { $path } for { $fqdn } expires on { $date } ({ $left } day after { $valid_at })
   *[other] certificate { $path } for { $fqdn } expires on { $date } ({ $left } days after { $valid_at })
}
# $days: the warning window (`expires-soon-days`).
rules-expires-soon-help = { $days ->
    [one] renew the certificate before the change; the warning window is { $days } day
   *[other] renew the certificate before the change; the warning window is { $days } days
}
rules-expires-soon-label = { $days ->
    [one] within { $days } day
   *[other] within { $days } days
}
rules-not-yet-valid = certificate { $path } for { $fqdn } is not valid before { $date }
rules-not-yet-valid-help = schedule the change after the start date or have the certificate reissued
rules-not-yet-valid-label = after { $valid_at }

## invalid-fqdn ($problem: one of the rules-fqdn-* reasons)

rules-invalid-fqdn-cluster = cluster Fqdn is not a DNS name: { $problem }
rules-invalid-fqdn-machine = machine Fqdn is not a DNS name: { $problem }
rules-invalid-fqdn-help = write the real FQDN of the server in the topology and export it again
rules-invalid-fqdn-label = not a DNS name

## issuer-not-supplied
## $subject: the DN the chain stops at; $issuer: its issuer's DN; $keyed: "yes" when
## the issuer's key id $key is known, else "no".

rules-issuer-not-supplied = the chain of { $path } for { $fqdn } stops at { $subject }: the certificate of its issuer { $issuer }{ $keyed ->
        [yes] {" "}(key id { $key })
       *[no] {""}
    } was not supplied
# $issuing: "yes" when the missing certificate is the issuing CA's (it issued the server certificate), else "no".
rules-issuer-not-supplied-help = pass the { $issuing ->
        [yes] issuing CA
       *[no] CA
    } certificate, { $issuer }{ $keyed ->
        [yes] , key id { $key },
       *[no] {""}
    } with --ca (or bundle it in the certificate file) so the chain can be checked; if it is not a CA of the internal PKI, request the certificate from the internal CA
rules-issuer-not-supplied-ca = the chain of { $path } for { $fqdn } stops at { $subject }: the CA { $issuer } was renewed and its certificate for the new key{ $keyed ->
        [yes] {" "}(key id { $key })
       *[no] {""}
    } was not supplied
rules-issuer-not-supplied-ca-help = the CA named { $issuer } was renewed: supply the CA certificate{ $keyed ->
        [yes] {" "}with key id { $key }
       *[no] {""}
    } with --ca or in the certificate file
# The chain ends at a self-signed root whose key was not given with --ca.
rules-issuer-not-supplied-root-self = the chain of { $path } for { $fqdn } ends at the root { $issuer }{ $keyed ->
        [yes] {" "}(key id { $key })
       *[no] {""}
    }, a key of that root that was not given with --ca
rules-issuer-not-supplied-root-self-help = the root { $issuer } was renewed: give its certificate{ $keyed ->
        [yes] {" "}with key id { $key }
       *[no] {""}
    } with --ca, or supply the cross-certificate that links it to the key given with --ca
rules-issuer-not-supplied-root = the chain of { $path } for { $fqdn } stops at { $subject }: the root { $issuer } was renewed and its certificate for the new key{ $keyed ->
        [yes] {" "}(key id { $key })
       *[no] {""}
    } was not supplied
rules-issuer-not-supplied-root-help = the root { $issuer } was renewed: supply its certificate{ $keyed ->
        [yes] {" "}with key id { $key }
       *[no] {""}
    } with --ca, or the cross-certificate that links that key to the new one
rules-issuer-not-supplied-label = the certificate of this CA key was not supplied

## missing-certificate

rules-missing-certificate = no certificate was supplied for { $fqdn }
# $name: the one name the certificate needs.
rules-missing-certificate-help-one = request a certificate from the internal CA with SAN { $name } and pass it with --certs; run `topocert plan TOPOLOGY` for { $fqdn }'s request
# $names: the names but the last, joined with ", "; $last: the last name.
rules-missing-certificate-help-many = request a certificate from the internal CA with SAN { $names } and { $last } and pass it with --certs; run `topocert plan TOPOLOGY` for { $fqdn }'s request
rules-missing-certificate-label = this server needs a certificate from the internal CA

## missing-crl-distribution-point

rules-missing-crl-distribution-point = certificate { $path } for { $fqdn } has no CRL distribution point
rules-missing-crl-distribution-point-help = configure a CRL distribution point on the CA and reissue the certificate
rules-missing-crl-distribution-point-label = no CDP extension

## missing-fqdn

rules-missing-fqdn-cluster = a cluster has no Fqdn attribute
# $pool: the pool's FQDN.
rules-missing-fqdn-machine = a machine of pool { $pool } has no Fqdn attribute
rules-missing-fqdn-help = give the element its Fqdn in Topology Builder and export the topology again
rules-missing-fqdn-cluster-label = this <Cluster> has no Fqdn
rules-missing-fqdn-machine-label = this <Machine> has no Fqdn

## missing-server-auth

# $eku: the certificate's extended key usages, joined with ", ".
rules-missing-server-auth = certificate { $path } for { $fqdn } is not valid for server authentication (EKU: { $eku })
# The same when the EKU extension lists nothing.
rules-missing-server-auth-empty = certificate { $path } for { $fqdn } is not valid for server authentication (EKU: empty)
rules-missing-server-auth-help = request the certificate from a template with Server Authentication, such as Web Server
rules-missing-server-auth-label = no serverAuth

## name-mismatch, missing-web-name

# $missing: each missing name with its reason in parentheses, joined with ", ";
# $field: "san" when the certificate has a SAN extension, else "cn"; $empty: "yes"
# when it names nothing, else "no"; $shown: the names it has, joined with ", ".
rules-name-mismatch = certificate { $path } for { $fqdn } does not cover { $missing }: { $field ->
        [san] its subject alternative names
       *[cn] its subject CN (it has no SAN extension)
    } name { $empty ->
        [yes] nothing
       *[no] { $shown }
    }
# $names: the names the server's certificate needs, joined with rules-and.
rules-name-mismatch-help = request a certificate whose SAN lists { $names }; run `topocert plan TOPOLOGY` for { $fqdn }'s request
# Label on the certificate's SAN or subject. $names: the missing names, joined with ", ".
rules-name-mismatch-label = missing { $names }
# $names: the missing web names, joined with ", ".
rules-missing-web-name-help = request a certificate that also lists { $names }; run `topocert plan TOPOLOGY` for { $fqdn }'s request

## no-persistent-chat-pool

rules-no-persistent-chat-pool = the topology has no Persistent Chat pool; the certificates listed become mandatory once one is added
rules-no-persistent-chat-pool-help = add the Persistent Chat pool in Topology Builder when planned; the file-transfer servers are checked already
rules-no-persistent-chat-pool-label = no PersistentChatService in this topology

## orphan-certificate

# $other: the path of the file chosen for the server $fqdn instead.
rules-orphan-certificate-other = { $path } names { $fqdn }, but { $other } was chosen for that server
rules-orphan-certificate-other-label = another file was chosen for this server
rules-orphan-certificate-no-dns-name = { $path } matches no Persistent Chat file-transfer server: its SAN has no DNS name
rules-orphan-certificate-no-name = { $path } matches no Persistent Chat file-transfer server: it has no SAN and no CN
rules-orphan-certificate-no-name-label = no DNS name
# $names: the names the certificate has, joined with ", ".
rules-orphan-certificate = { $path } matches no Persistent Chat file-transfer server (names: { $names })
rules-orphan-certificate-label = none of these names is a file-transfer server
rules-orphan-certificate-help = remove it from the --certs folder, fix its SAN, or map it in the [certificates] table of topocert.toml

## persistent-chat-unsupported

# $pool: the pool's FQDN (or the server's name).
rules-persistent-chat-unsupported-pool = pool { $pool } runs Skype for Business Server 2019 (ServiceVersion 8), which has no Persistent Chat: its servers are listed but not checked
rules-persistent-chat-unsupported-pool-help = nothing to fix while the 2013/2015 pools host Persistent Chat; their servers are checked as usual
rules-persistent-chat-unsupported = this is a Skype for Business Server 2019 topology (ServiceVersion 8), which has no Persistent Chat
rules-persistent-chat-unsupported-help = Persistent Chat needs Lync Server 2013 or Skype for Business Server 2015; check that this is the topology you meant
# Label on the service of ServiceVersion 8.
rules-persistent-chat-unsupported-label = ServiceVersion 8

## probe-differs, probe-failed

# $presented: the serial the server presents; $at: where it was taken from;
# $supplied: the serial of the supplied file $path.
rules-probe-differs = { $fqdn } presents serial { $presented } at { $at }, but the file { $path } supplied for it holds serial { $supplied }; the supplied file was checked
rules-probe-differs-help = bind the supplied certificate on the server, or drop the file so the presented one is checked
rules-probe-differs-label = the certificate this server presents is not the one supplied
# $source: the address probed; $reason: why it failed.
rules-probe-failed = cannot take a certificate from { $source }: { $reason }
rules-probe-failed-help = make { $fqdn } reachable over TLS 1.2 or 1.3 (--connect, --probe-port and --probe-timeout say where and how long to try), or pass its certificate file with --certs
rules-probe-failed-label = this server was probed over TLS for its certificate

## sha1-signature

rules-sha1-signature = certificate { $path } for { $fqdn } is signed with SHA-1
rules-sha1-signature-help = reissue the certificate with SHA-256
# Label on the signature algorithm.
rules-sha1-signature-label = SHA-1

## unreadable-certificate

# $reason: why the file cannot be read.
rules-unreadable-certificate = cannot read certificate { $path }: { $reason }
rules-unreadable-certificate-help = export the certificate again as Base-64 (PEM) or DER, or remove the file from the --certs folder
# Help when the file is a PKCS#12 file that needs a password.
rules-unreadable-certificate-password-help = put the PKCS#12 password in an environment variable and pass its name with --pfx-password-env

## unresolved-reference ($role: the service's role in the topology; $key: the id referred to)

rules-unresolved-reference-cluster = { $role } service is installed on `{ $key }`, which is not a cluster of this topology
rules-unresolved-reference-no-cluster = { $role } service does not say which cluster it is installed on
rules-unresolved-reference-service = { $role } service depends on `{ $key }`, which is not a service of this topology
rules-unresolved-reference-help = export the topology again; the link points at an element the document does not contain
rules-unresolved-reference-cluster-label = no such cluster
rules-unresolved-reference-no-cluster-label = no InstalledOn
rules-unresolved-reference-service-label = no such service

## unsupported-signature-algorithm

# $algorithm: the signature algorithm's name.
rules-unsupported-signature-algorithm = certificate { $path } for { $fqdn } is signed with { $algorithm }, which Lync does not accept
rules-unsupported-signature-algorithm-help = have the CA reissue it with sha256WithRSAEncryption (AD CS: AlternateSignatureAlgorithm=0)
rules-unsupported-signature-algorithm-label = not accepted by Lync
# A CA certificate of the chain. $subject: its DN.
rules-unsupported-signature-algorithm-chain = CA certificate { $subject } in the chain of { $path } for { $fqdn } is signed with an algorithm Lync does not accept
rules-unsupported-signature-algorithm-chain-help = have the CA hierarchy reissued with sha256WithRSAEncryption
rules-unsupported-signature-algorithm-chain-label = its CA certificate's signature algorithm

## unused-ignore ($code: the suppressed code)

rules-unused-ignore = the suppression of { $code } matched no finding
# $server: the entry's server.
rules-unused-ignore-server = the suppression of { $code } for server { $server } matched no finding
# $certificate: the entry's certificate path.
rules-unused-ignore-certificate = the suppression of { $code } for certificate { $certificate } matched no finding
rules-unused-ignore-help = delete the [[ignore]] entry or correct its code, server or certificate
rules-unused-ignore-label = this suppression matched nothing

## unverified-signature

# $subject: the certificate whose signature fails; $signer: the CA's DN.
rules-unverified-signature = the signature on { $subject } (in { $path } for { $fqdn }) does not verify with the key of { $signer }
rules-unverified-signature-help = the certificate is forged, corrupt or signed by another key with the same CA name: request it again from the internal CA
rules-unverified-signature-label = signature does not verify with this CA's key

## weak-key ($bits: the RSA key length)

rules-weak-key = certificate { $path } for { $fqdn } has a { $bits }-bit RSA key
rules-weak-key-help = request a new certificate with a 2048-bit or longer RSA key
rules-weak-key-label = shorter than 2048 bits
# A CA of the chain. $signer: its DN.
rules-weak-key-chain = CA { $signer } in the chain of { $path } for { $fqdn } has a { $bits }-bit RSA key, so its signature is not verified
rules-weak-key-chain-help = renew the CA with a 2048-bit or longer key and reissue the certificate
rules-weak-key-chain-label = { $bits }-bit CA key
