//! `no-persistent-chat-pool`: the topology has no Persistent Chat pool yet.

use super::TopologyCx;
use super::{Code, Finding};

declare_rule! { NO_PERSISTENT_CHAT_POOL, "no-persistent-chat-pool", Note }

pub fn check(cx: &TopologyCx<'_>, sink: &mut Vec<Finding>) {
    if cx.roles.pc_pools.is_empty() {
        sink.push(
            Finding::new(
                Code::NoPersistentChatPool,
                "the topology has no Persistent Chat pool; the certificates listed become mandatory once one is added",
                "add the Persistent Chat pool in Topology Builder when planned; the file-transfer servers are checked already",
            )
            .at(cx.topology.root_span.clone(), "no PersistentChatService in this topology"),
        );
    }
}
