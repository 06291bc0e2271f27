//! `persistent-chat-unsupported`: Skype for Business Server 2019 has no Persistent Chat.

use super::TopologyCx;
use super::{Code, Finding, Severity, Subject};

declare_rule! {
    /// ## What it does
    /// Reports a topology whose services are Skype for Business Server 2019
    /// (`ServiceVersion="8"`), which does not include Persistent Chat.
    ///
    /// Support is decided per pool, from the version of its web service. A
    /// topology that holds 2019 pools next to Lync Server 2013 / Skype for Business
    /// Server 2015 pools (a migration in progress) gets a note per 2019 pool: its
    /// servers are listed but not checked, and the older pools' servers are checked
    /// as usual. Only a topology whose every Front End pool is 2019 gets the
    /// warning (an error when it also defines a Persistent Chat pool).
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
    let mut noted = std::collections::HashSet::new();
    for s in cx.roles.servers.iter().filter(|s| s.no_persistent_chat) {
        if !noted.insert(s.cluster) {
            continue;
        }
        let pool = s
            .pool
            .as_ref()
            .map(|p| p.to_string())
            .unwrap_or_else(|| s.display_name());
        let span = t
            .services
            .get(s.web_service)
            .map(|w| w.span.clone())
            .unwrap_or_else(|| s.span.clone());
        sink.push(
            Finding::new(
                Code::PersistentChatUnsupported,
                format!(
                    "pool {pool} runs Skype for Business Server 2019 (ServiceVersion 8), which has no Persistent Chat: its servers are listed but not checked"
                ),
                "nothing to fix while the 2013/2015 pools host Persistent Chat; their servers are checked as usual",
            )
            .severity(Severity::Note)
            .subject(Subject::Pool(s.cluster))
            .at(span, "ServiceVersion 8"),
        );
    }
    if !noted.is_empty() {
        return;
    }
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
