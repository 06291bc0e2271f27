# Rule summaries (the message value) and explanations (attributes), one per code.
# `topocert explain` joins the four sections under the core-heading-* headings.

explain-ambiguous-certificate = more than one certificate claims a server
    .what =
        Reports a server that two or more supplied certificates name (by SAN, CN or
        file name) when the file names do not settle which one is meant.
    .why =
        Only one certificate is assigned to the web service on a server. topocert
        cannot know which one will be, so it cannot vouch for either.
    .fix =
        Remove the stale certificate from the folder, name the file after the server
        (`fe01.contoso.local.cer`), or map the server to its file in the
        `[certificates]` table of `topocert.toml`.
    .example =
        `certs/old/fe01.cer` and `certs/fe01-2026.cer` both have SAN `fe01.contoso.local`.

explain-bare-host-name = a host name without a domain
    .what =
        Reports a cluster or machine whose `Fqdn` is a bare host name (no dot).
        topocert qualifies it with the DNS suffix that the other machines of the same
        pool actually use (or, when the pool has no qualified name, the machines of
        the same site), only when they all agree, and says which. Otherwise the name
        stays unqualified and the finding says why. `DefaultDomain` and the SIP
        domains are not DNS suffixes, so they are never used.
    .why =
        Certificates name servers by FQDN. A bare name in the topology means the
        certificate request, the DNS record and the topology may disagree about the
        server's name.
    .fix =
        Write the full FQDN in Topology Builder.
    .example =
        `<Machine Fqdn="fe02" />` in a pool whose other machine is
        `fe01.contoso.local` is read as `fe02.contoso.local`.

explain-ca-inferred = the expected internal CA was inferred, not given
    .what =
        Notes that no `--ca` was given, so the internal CA was taken to be the issuer
        of most of the certificates of the topology's internal servers: the ones
        paired with file-transfer servers and every other supplied certificate whose
        names cover a Front End, Standard Edition, Director, Mediation, Persistent
        Chat, Edge (internal) or Office Web Apps server of the topology (reported
        with status `context`). The note says how many certificates of which roles
        were used. A CA is known by its name, so a CA renewed with a new key counts
        once. When issuers are tied, no CA can be inferred and the finding is an
        error.
    .why =
        The requirement is "the same CA as the one used by Lync Server internal
        servers". If most certificates came from the wrong CA, the majority is wrong
        too — only `--ca` makes the check independent of the certificates it checks.
    .fix =
        Pass the internal root or issuing CA certificate with `--ca`.
    .example =
        `expected CA inferred as CN=Contoso Issuing CA: it issued 4 of the 5 certificates
        of the topology's internal servers (file-transfer server: 2, Director: 1,
        Mediation: 1)`

explain-ca-mismatch = the certificate was not issued by the internal CA
    .what =
        Checks that the certificate was issued by the CA the internal Lync servers
        use: the `--ca` certificates (root and/or issuing CA), or, without `--ca`, the
        CA that issued most of the internal servers' certificates. It fires only for
        a complete chain, every signature verified, that ends at a root which is not
        the internal CA (a root that copies the internal CA's name but holds another
        key included). A chain that stops because a CA certificate is missing is
        `issuer-not-supplied`; a signature that fails is `unverified-signature`.
    .why =
        This is the Persistent Chat requirement itself: "you must have a certificate
        issued by the same CA as the one used by Lync Server 2013 internal servers for
        each server running the Persistent Chat Web Services for File
        Upload/Download". A certificate from a public or another internal CA blocks
        the installation.
    .fix =
        Request the certificate from the internal CA (the one named in the message)
        and replace the file.
    .example =
        `certificate certs/fe02.cer for fe02.contoso.local was issued by CN=Northwind
        Public TLS CA, not by the internal CA (CN=Contoso Root CA)`

explain-cross-certified-chain = the chain reaches the internal CA through a cross-certificate
    .what =
        Notes a certificate whose chain reaches the internal CA only through a
        cross-certificate: a certificate for another root CA (a CA whose
        self-signed certificate was also supplied) issued by a CA of the internal
        hierarchy. topocert follows cross-certificates as Windows does, so the
        certificate passes; the note names the cross-certificate it relied on.
    .why =
        Windows builds the same chain only when the cross-certificate is in the
        server's intermediate store (or published by AD). A server that lacks it
        ends at the other organisation's root instead of the internal one.
    .fix =
        Nothing to fix when the cross-certificate is deployed to the servers (AD
        publishes it with `certutil -dspublish -f FILE CrossCA`). Otherwise request
        the certificate from the internal CA.
    .example =
        `the chain of certs/fe01.cer for fe01.contoso.local reaches the internal CA through
        the cross-certificate CN=Fabrikam Root CA issued by CN=Contoso Root CA`

explain-duplicate-fqdn = the topology names a machine twice
    .what =
        Reports a machine FQDN that appears on more than one `<Machine>` element
        (compared without regard to case).
    .why =
        A server belongs to exactly one pool. Two machines with one name make
        certificate pairing ambiguous, and Topology Builder refuses to publish such a
        topology.
    .fix =
        Remove the second machine or correct its FQDN.
    .example =
        `fe01.contoso.local` listed in both `pool01` and `pool02`.

explain-expired = the certificate has expired
    .what =
        Reports a certificate whose `notAfter` is before the time of the check
        (`--valid-at`, default now).
    .why =
        An expired certificate is not accepted for the web service; Persistent Chat
        setup and file upload/download both fail.
    .fix =
        Renew the certificate from the internal CA before the change.
    .example =
        `Not After: 2025-01-01T00:00:00Z` checked at 2026-06-01.

explain-expires-soon = the certificate expires soon
    .what =
        Warns when a certificate that is valid now expires within 30 days of the time
        of the check (`--valid-at`); the window is set with
        `expires-soon = {"{"} level = "warn", days = 60 {"}"}` in `topocert.toml`.
    .why =
        A Persistent Chat deployment planned now would stop accepting file
        uploads and downloads shortly after it goes live.
    .fix =
        Renew the certificate before the change.
    .example =
        `Not After: 2026-06-15T00:00:00Z` checked at 2026-06-01.

explain-invalid-fqdn = an FQDN in the topology is not a DNS name
    .what =
        Reports a cluster or machine `Fqdn` that is not a DNS host name: empty, with
        spaces or other characters DNS does not allow, or an unexpanded script
        variable such as `$SkypeFQDN` left by a deployment script's template.
    .why =
        Lync publishes, installs and requests certificates for exactly this name. A
        name that is not a DNS name matches no certificate, and setup fails.
    .fix =
        Put the real FQDN in the topology (expand the script variable before
        publishing) and export it again.
    .example =
        `<Machine OrdinalInCluster="1" Fqdn="$SkypeFQDN" />`

explain-issuer-not-supplied = the certificate holding the issuer's key was not supplied
    .what =
        Reports a certificate whose chain cannot be proved because the CA
        certificate that holds its issuer's key is not among the supplied
        certificates (the `--ca` files and the certificate files). topocert builds
        chains as Windows does: the issuer is looked up by name and key identifier,
        and the walk may end only at a key given with `--ca` (or the inferred CA's).
        Without the missing link, topocert can neither confirm nor deny that the
        certificate comes from the internal CA, so it does not guess.

        Typical causes, each with its own help text:
        - a server certificate exported alone (a `.cer` without its chain) while
          only the root CA is given with `--ca`: supply the issuing CA certificate;
        - a CA renewed with a new key (AD CS "CA(1)"): certificates issued after the
          renewal name the new key, whose CA certificate was not supplied;
        - a renewed root whose old-key/new-key cross-certificate was not supplied,
          so the chain ends at a root key that is not the one given with `--ca`.
    .why =
        Persistent Chat setup accepts the certificate only when Windows can build its
        chain to the internal CA. A server that lacks the intermediate or the renewed
        CA certificate cannot build it either.
    .fix =
        Supply the CA certificate the message names (subject and key id) with
        `--ca`, or bundle it in the certificate file (PEM, P7B or PFX with chain).
    .example =
        `the chain of certs/fe01.cer for fe01.contoso.local stops at CN=fe01.contoso.local:
        its issuer CN=Contoso Issuing CA (key id 3f1a…) was not supplied`

explain-missing-certificate = a Persistent Chat file-transfer server has no certificate
    .what =
        Reports a server that runs the Persistent Chat Web Services for File
        Upload/Download when none of the supplied certificate files is for it: no
        certificate's SAN (or CN) covers its FQDN, no file is named after it, and the
        `[certificates]` table of the config does not name one.
    .why =
        Persistent Chat setup requires a certificate issued by the internal CA on
        every server running the file-transfer web service. Without one the
        installation stops on that server.
    .fix =
        Request a certificate for the server from the internal CA (subject and SAN
        as the pool needs them: the server FQDN and, for a multi-server pool, the
        pool FQDN), and pass its file with `--certs`.
    .example =
        `fe05.contoso.local` is in pool `pool02.contoso.local`, but `certs/` holds no
        certificate naming it.

explain-missing-crl-distribution-point = the certificate has no CRL distribution point
    .what =
        Reports a certificate without a CRL Distribution Points extension (or with an
        empty one).
    .why =
        Lync servers check revocation of the certificates they are offered. Without a
        CRL distribution point revocation cannot be checked, and connections to the
        file-transfer web service fail or are logged as untrusted.
    .fix =
        Configure the CDP extension on the CA and reissue the certificate.
    .example =
        `CRL Distribution: (none)`

explain-missing-fqdn = a pool or server has no FQDN
    .what =
        Reports a `<Cluster>` without an `Fqdn` attribute, and a `<Machine>` without
        one in a pool of several machines (a single-machine pool lends the machine its
        own Fqdn, as Topology Builder does).
    .why =
        Certificates are requested, issued and checked for names. A server without a
        name cannot be paired with its certificate, so topocert cannot prove that the
        Persistent Chat file-transfer server will accept the installation.
    .fix =
        Give the pool and each of its machines their FQDN in Topology Builder and
        export the topology again.
    .example =
        `<Machine OrdinalInCluster="2" />` in a two-machine Front End pool.

explain-missing-server-auth = the certificate's EKU does not allow server authentication
    .what =
        Reports a certificate with an Extended Key Usage extension that lists neither
        Server Authentication (1.3.6.1.5.5.7.3.1) nor anyExtendedKeyUsage. A
        certificate without an EKU extension is not restricted and passes.
    .why =
        The file-transfer web service is a TLS server. Windows refuses a certificate
        whose EKU does not allow server authentication for it.
    .fix =
        Request the certificate from a template that includes Server Authentication
        (the "Web Server" template does).
    .example =
        `Extended Key Usage: clientAuth`

explain-missing-web-name = the certificate lacks a name the pool's other web services need
    .what =
        Checks that the certificate also names what the other web services sharing it
        are reached by, as Lync's certificate wizard requests them: the external web
        services FQDN when internal and external web share one certificate
        (`[web] layout = "combined"`, the default), the simple URLs (meet, dialin,
        admin: from the topology where it declares them, else `[web] simple-urls`),
        `lyncdiscoverinternal.` and `lyncdiscover.` for every SIP domain, and
        `sip.<SIP domain>` when `[web] strict-dns = true`. Wildcards match one
        left-most label (RFC 6125). The names are the ones `topocert plan` requests.
    .why =
        File transfer works without them, so this is a warning; but once the
        certificate is assigned to the pool's web services, meetings, dial-in and
        sign-in discovery fail TLS for every name it does not carry.
    .fix =
        Request the certificate `topocert plan TOPOLOGY` lists for the server; with
        separate internal and external certificates, set `[web] layout = "split"`.
    .example =
        A certificate naming `fe01.contoso.local` and `pool01.contoso.local` but not
        `lyncdiscoverinternal.contoso.local`.

explain-name-mismatch = the certificate does not name the server, its pool or its internal web services FQDN
    .what =
        Checks that the certificate's subject alternative names (dNSName entries; the
        subject CN only when there is no SAN extension) cover every name the
        Persistent Chat file-transfer service is reached by: the server FQDN, the pool
        FQDN of an Enterprise Edition pool (one machine or several), and the internal
        web services FQDN (the pool's override where the topology sets one, else the
        pool FQDN). Wildcards match exactly one left-most label (RFC 6125), never a
        single-label or public-suffix wildcard such as `*.local`. The names are the
        ones `topocert plan` requests (the same function decides both).
    .why =
        Clients upload and download files through the pool's internal web services
        name and the servers reach each other by the server FQDN. A certificate that
        does not name all of them fails TLS, and Lync's certificate wizard will not
        assign it to the web services.
    .fix =
        Request a new certificate with every name `topocert plan TOPOLOGY` lists for
        the server (subject CN = the pool FQDN for Enterprise Edition, the server FQDN
        for Standard Edition).
    .example =
        A certificate for `fe04.contoso.local` whose SAN is `fe40.contoso.local,
        pool02.contoso.local`.

explain-no-persistent-chat-pool = the topology has no Persistent Chat pool
    .what =
        Notes that the topology defines no Persistent Chat pool (no service with role
        `PersistentChatService`).
    .why =
        The Persistent Chat Web Services for File Upload/Download run on every Front
        End and Standard Edition server anyway. Their certificates become a
        requirement the moment a Persistent Chat pool is added: setup of Persistent
        Chat refuses to start until each of those servers has a certificate issued by
        the internal CA. topocert still lists and checks the servers so the
        certificates can be ready before the pool is added.
    .fix =
        Nothing to fix; add the Persistent Chat pool in Topology Builder when planned.
    .example =
        A topology with Front End pools and Edge servers but no Persistent Chat pool.

explain-not-yet-valid = the certificate is not valid yet
    .what =
        Reports a certificate whose `notBefore` is after the time of the check
        (`--valid-at`, default now).
    .why =
        A certificate is not valid before its start date; installing Persistent Chat
        before then fails just as with an expired one.
    .fix =
        Schedule the change after the start date, or have the certificate reissued
        with a start date before the change (check the CA's clock).
    .example =
        `Not Before: 2027-01-01T00:00:00Z` checked at 2026-06-01.

explain-orphan-certificate = a supplied certificate matches no listed server
    .what =
        Reports a supplied certificate file that was not paired with any server
        running the Persistent Chat file-transfer web service: its SAN (or CN) and its
        file name name none of them.
    .why =
        It does not block the installation by itself, but it usually means a
        certificate is in the wrong folder or was issued for the wrong name — and the
        server it was meant for then has none.
    .fix =
        Remove the file from the folder passed with `--certs`, or fix its names; to
        keep it on purpose, suppress the finding in `topocert.toml` with a reason.
    .example =
        An Edge certificate `edge01.contoso.local.cer` in the Front End certificate folder.

explain-persistent-chat-unsupported = the topology is Skype for Business Server 2019, which has no Persistent Chat
    .what =
        Reports a topology whose services are Skype for Business Server 2019
        (`ServiceVersion="8"`), which does not include Persistent Chat.

        Support is decided per pool, from the version of its web service. A
        topology that holds 2019 pools next to Lync Server 2013 / Skype for Business
        Server 2015 pools (a migration in progress) gets a note per 2019 pool: its
        servers are listed but not checked, and the older pools' servers are checked
        as usual. Only a topology whose every Front End pool is 2019 gets the
        warning (an error when it also defines a Persistent Chat pool).
    .why =
        Persistent Chat exists in Lync Server 2013 and Skype for Business Server 2015
        only. On a 2019 deployment the certificate requirement does not apply, and a
        Persistent Chat pool cannot be installed at all.
    .fix =
        Check that this is the topology you meant to validate; plan a 2015 Persistent
        Chat pool or a replacement (such as Teams) instead.
    .example =
        `<Service RoleVersion="1" ServiceVersion="8">`

explain-probe-differs = a server presents another certificate than the file supplied for it
    .what =
        With `topocert check --probe` and `--certs` together, reports a server whose
        supplied certificate file is not the certificate it presents over TLS. The
        supplied file is the one checked by the other rules (it wins); both appear in
        the report's certificate list for the server. When they are the same
        certificate, nothing is reported beyond that list.
    .why =
        Persistent Chat setup and clients meet the certificate bound on the server,
        not a file next to the topology. A file that was never installed, or a
        renewal that was not bound, passes on paper and fails in production.
    .fix =
        Install and bind the supplied certificate on the server (Lync Server
        Deployment Wizard, or `Set-CsCertificate`), or check the presented one by
        running `--probe` without a file for that server.
    .example =
        `fe01.contoso.local presents serial 0a1b over TLS, but the file certs/fe01.cer
        supplied for it holds serial 7f00`

explain-probe-failed = check --probe could not take a certificate from a server
    .what =
        With `topocert check --probe`, reports a server running the Persistent Chat
        Web Services for File Upload/Download from which no certificate could be
        taken over TLS: its name does not resolve, the connection is refused, reset
        or times out, the port answers in plain HTTP or in something that is not TLS,
        the server offers only TLS 1.0/1.1 or SSL, the handshake fails, or the
        presented chain is too long or cannot be parsed. The message names the
        source (`tls://FQDN:PORT`, with the address used) and the reason.
    .why =
        The certificate a server presents on its internal web site is the one
        Persistent Chat clients and setup meet. When it cannot be read, the server
        has not been checked at all, and a check that silently skipped it would
        report a partial set of servers as complete.
    .fix =
        Make the server reachable from where topocert runs (`--connect FQDN=ADDRESS`
        reaches it at another address, `--probe-port` on another port, a longer
        `--probe-timeout` helps slow links), enable TLS 1.2 on it, or export its
        certificate and pass the file with `--certs` instead.
    .example =
        `cannot take a certificate from tls://fe01.contoso.local:443 (10.0.0.5:443):
        the connection was refused (nothing listens on port 443)`

explain-sha1-signature = the certificate is signed with SHA-1
    .what =
        Warns about a certificate signed with SHA-1 (sha1WithRSAEncryption or
        ecdsa-with-SHA1).
    .why =
        Lync Server 2013 still accepts SHA-1, but clients and browsers that download
        Persistent Chat files over the web service distrust SHA-1 certificates.
    .fix =
        Reissue the certificate with SHA-256.
    .example =
        `Signature Algorithm: sha1WithRSAEncryption`

explain-unreadable-certificate = a supplied certificate file cannot be read or parsed
    .what =
        Reports a file passed with `--certs` (or found in a folder passed with it)
        that cannot be read or holds no certificate topocert can parse: PEM, DER,
        PKCS#7 (`.p7b`/`.p7c`) and PKCS#12 (`.pfx`/`.p12`) are read. A wrong or
        missing PKCS#12 password, a broken symbolic link, a directory named like a
        certificate and a truncated file are all reported here.
    .why =
        A certificate that cannot be read cannot be checked; topocert never skips it
        silently, because the server it was meant for would then pass unexamined.
    .fix =
        Export the certificate again (Base-64 `.cer` or DER), or set the PKCS#12
        password in an environment variable and name it with `--pfx-password-env`.
    .example =
        `certs/fe01.pfx: PKCS#12 password is wrong or missing`

explain-unresolved-reference = a service refers to a cluster or service that is not in the topology
    .what =
        Reports an `InstalledOn` that names no cluster, or a `Dependency` that names no
        service, for the services topocert needs: Web Services, Registrar, User
        Services and Persistent Chat.
    .why =
        topocert finds the servers that run the Persistent Chat file-transfer web
        service through these links. A broken link means a server could be missed —
        and a missed server is one whose certificate is never checked.
    .fix =
        Export the topology again (a hand-edited or partial export usually causes
        this); check that the whole document was saved.
    .example =
        `<InstalledOn><ClusterId SiteId="1" Number="9" /></InstalledOn>` with no cluster 9.

explain-unsupported-signature-algorithm = the certificate is signed with an algorithm Lync rejects
    .what =
        Reports a certificate signed with an algorithm Lync Server cannot use:
        RSASSA-PSS, Ed25519, MD5, or any algorithm topocert does not know.
        PKCS#1 v1.5 RSA and ECDSA with SHA-1/SHA-2 are accepted.
    .why =
        Lync Server 2013's certificate handling (and the Windows versions it runs on)
        does not accept RSASSA-PSS signatures on server certificates, and MD5 is
        refused everywhere. Such a certificate cannot be assigned to the web service.
    .fix =
        Have the CA issue the certificate with sha256WithRSAEncryption (in AD CS, set
        `AlternateSignatureAlgorithm` to 0 on the CA).
    .example =
        `Signature Algorithm: RSASSA-PSS`

explain-unused-ignore = a suppression in the config matched no finding
    .what =
        Reports an `[[ignore]]` entry of `topocert.toml` that suppressed nothing in
        this run.
    .why =
        Suppressions outlive the problem they were written for. A stale one can hide
        the next, real problem with the same server or certificate.
    .fix =
        Delete the entry, or correct its code, server or certificate path.
    .example =
        `[[ignore]] code = "orphan-certificate" certificate = "certs/old-edge.cer"` after
        the file was removed.

explain-unverified-signature = the issuer name matches but the signature does not verify
    .what =
        Reports a certificate whose signature does not verify under the key its
        issuer name and authority key identifier point to: every supplied CA
        certificate of that name and key id was tried, and none verifies it.
        A CA certificate that was not supplied at all is `issuer-not-supplied`, not
        this. Signatures made with RSASSA-PSS or by keys under 2048 bits are not
        called unverified: they are reported as `unsupported-signature-algorithm`
        and `weak-key`.
    .why =
        A certificate that only claims the internal CA's name was not issued by it.
        Windows will not build a chain for it, and Persistent Chat setup refuses it.
    .fix =
        Request the certificate again from the internal CA.
    .example =
        A certificate made by a test CA that was given the production CA's name.

explain-weak-key = the RSA key is shorter than 2048 bits
    .what =
        Reports a certificate whose RSA key is shorter than 2048 bits: an error
        under 1024 bits, a warning from 1024 up to 2047 bits. The same levels apply
        to a CA certificate in its chain whose short key kept topocert from verifying
        the signature it made (topocert does not verify signatures made with RSA keys
        under 2048 bits, and says so instead of calling them forged).
    .why =
        Lync Server refuses RSA keys under 1024 bits (hence the error). A 1024-bit
        key still works with Lync Server 2013, but Microsoft, browsers and public
        CAs deprecated it and 2048 bits is the recommended minimum (hence the
        warning, which `-D weak-key` makes an error).
    .fix =
        Request a new certificate with a 2048-bit (or longer) key.
    .example =
        `Public Key: RSA 1024 bits`
