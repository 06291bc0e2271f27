//! `ca-inferred`: the expected CA was inferred, not given.

declare_rule! {
    /// ## What it does
    /// Notes that no `--ca` was given, so the internal CA was taken to be the issuer
    /// of most of the certificates paired with the file-transfer servers. When
    /// issuers are tied, no CA can be inferred and the finding is an error.
    ///
    /// ## Why Lync cares
    /// The requirement is "the same CA as the one used by Lync Server internal
    /// servers". If most certificates came from the wrong CA, the majority is wrong
    /// too — only `--ca` makes the check independent of the certificates it checks.
    ///
    /// ## How to fix
    /// Pass the internal root or issuing CA certificate with `--ca`.
    ///
    /// ## Example
    /// `expected CA inferred as CN=Contoso Issuing CA: it issued 4 of the 5 certificates`
    CA_INFERRED, "ca-inferred", Note, "the expected internal CA was inferred, not given"
}
