//! `cross-certified-chain`: the chain reaches the internal CA through a cross-certificate.

use super::{Code, Finding, ServerCx};
use crate::certs::summary::Field;
use crate::chain::Verdict;

declare_rule! { CROSS_CERTIFIED_CHAIN, "cross-certified-chain", Note }

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let (Verdict::Trusted, Some((subject, issuer))) = (cx.verdict, &cx.outcome.cross) else {
        return;
    };
    sink.push(
        cx.finding(
            Code::CrossCertifiedChain,
            format!(
                "the chain of {} for {} reaches the internal CA through the cross-certificate {subject} issued by {issuer}",
                cx.file.path, cx.fqdn
            ),
            "make sure the cross-certificate is in the servers' intermediate store (or published in AD)",
        )
        .field(Field::Issuer, "chains through a cross-certificate"),
    );
}
