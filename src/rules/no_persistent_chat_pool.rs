//! `no-persistent-chat-pool`: the topology has no Persistent Chat pool yet.

use super::TopologyCx;
use super::{Code, Finding};

declare_rule! { NO_PERSISTENT_CHAT_POOL, "no-persistent-chat-pool", Note }

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    if cx.roles.pc_pools.is_empty() {
        sink.push(
            Finding::new(
                Code::NoPersistentChatPool,
                t!("rules-no-persistent-chat-pool"),
                t!("rules-no-persistent-chat-pool-help"),
            )
            .at(
                cx.topology.root_span.clone(),
                t!("rules-no-persistent-chat-pool-label"),
            ),
        );
    }
}
