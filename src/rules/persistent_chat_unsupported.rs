//! `persistent-chat-unsupported`: Skype for Business Server 2019 has no Persistent Chat.

use super::TopologyCx;
use super::{Code, Finding, Severity};

declare_rule! {
    /// ## What it does
    /// Reports a topology whose services are Skype for Business Server 2019
    /// (`ServiceVersion="8"`), which does not include Persistent Chat.
    ///
    /// ## Why Lync cares
    /// Persistent Chat exists in Lync Server 2013 and Skype for Business Server 2015
    /// only. On a 2019 deployment the certificate requirement does not apply, and a
    /// Persistent Chat pool cannot be installed at all.
    ///
    /// ## How to fix
    /// Check that this is the topology you meant to validate; plan a 2015 Persistent
    /// Chat pool or a replacement (such as Teams) instead.
    ///
    /// ## Example
    /// `<Service RoleVersion="1" ServiceVersion="8">`
    PERSISTENT_CHAT_UNSUPPORTED, "persistent-chat-unsupported", Warning, "the topology is Skype for Business Server 2019, which has no Persistent Chat"
}

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    let t = cx.topology;
    let Some(s) = t
        .services
        .iter()
        .find(|s| s.service_version.is_some_and(|v| v >= 8))
    else {
        return;
    };
    let sev = if cx.roles.pc_pools.is_empty() {
        Severity::Warning
    } else {
        Severity::Error
    };
    sink.push(
        Finding::new(
            Code::PersistentChatUnsupported,
            "this is a Skype for Business Server 2019 topology (ServiceVersion 8), which has no Persistent Chat",
            "Persistent Chat needs Lync Server 2013 or Skype for Business Server 2015; check that this is the topology you meant",
        )
        .severity(sev)
        .at(s.span.clone(), "ServiceVersion 8"),
    );
}
