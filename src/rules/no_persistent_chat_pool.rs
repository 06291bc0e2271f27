//! `no-persistent-chat-pool`: the topology has no Persistent Chat pool yet.

use super::TopologyCx;
use super::{Code, Finding};

declare_rule! {
    /// ## What it does
    /// Notes that the topology defines no Persistent Chat pool (no service with role
    /// `PersistentChatService`).
    ///
    /// ## Why Lync cares
    /// The Persistent Chat Web Services for File Upload/Download run on every Front
    /// End and Standard Edition server anyway. Their certificates become a
    /// requirement the moment a Persistent Chat pool is added: setup of Persistent
    /// Chat refuses to start until each of those servers has a certificate issued by
    /// the internal CA. topocert still lists and checks the servers so the
    /// certificates can be ready before the pool is added.
    ///
    /// ## How to fix
    /// Nothing to fix; add the Persistent Chat pool in Topology Builder when planned.
    ///
    /// ## Example
    /// A topology with Front End pools and Edge servers but no Persistent Chat pool.
    NO_PERSISTENT_CHAT_POOL, "no-persistent-chat-pool", Note, "the topology has no Persistent Chat pool"
}

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
