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
            t!(
                "rules-cross-certified-chain",
                path = cx.file.path.as_str(),
                fqdn = cx.fqdn.as_str(),
                subject = subject.as_str(),
                issuer = issuer.as_str(),
            ),
            t!("rules-cross-certified-chain-help"),
        )
        .field(Field::Issuer, t!("rules-cross-certified-chain-label")),
    );
}
