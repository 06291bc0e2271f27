//! `unverified-signature`: the issuer name matches but the signature does not verify.
//!
//! Reported by the `ca-mismatch` check, which walks the chain once.

declare_rule! {
    /// ## What it does
    /// Reports a certificate whose issuer name is the internal CA (or a CA under
    /// it), but whose signature does not verify with that CA's public key, or whose
    /// authority key identifier matches no certificate of that CA. Signatures made
    /// with RSASSA-PSS or by keys under 2048 bits are not called unverified: they are
    /// reported as `unsupported-signature-algorithm` and `weak-key`.
    ///
    /// ## Why Lync cares
    /// A certificate that only claims the internal CA's name was not issued by it.
    /// Windows will not build a chain for it, and Persistent Chat setup refuses it.
    ///
    /// ## How to fix
    /// Request the certificate again from the internal CA. If the CA was renewed
    /// with a new key, supply the CA certificate that matches the key identifier.
    ///
    /// ## Example
    /// A certificate made by a test CA that was given the production CA's name.
    UNVERIFIED_SIGNATURE, "unverified-signature", Error, "the issuer name matches but the signature does not verify"
}
