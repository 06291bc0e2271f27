//! `persistent-chat-unsupported`: Skype for Business Server 2019 has no Persistent Chat.

use super::TopologyCx;
use super::{Code, Finding, Severity, Subject};

declare_rule! { PERSISTENT_CHAT_UNSUPPORTED, "persistent-chat-unsupported", Warning }

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
                t!("rules-persistent-chat-unsupported-pool", pool = pool),
                t!("rules-persistent-chat-unsupported-pool-help"),
            )
            .severity(Severity::Note)
            .subject(Subject::Pool(s.cluster))
            .at(span, t!("rules-persistent-chat-unsupported-label")),
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
            t!("rules-persistent-chat-unsupported"),
            t!("rules-persistent-chat-unsupported-help"),
        )
        .severity(sev)
        .at(
            s.span.clone(),
            t!("rules-persistent-chat-unsupported-label"),
        ),
    );
}
