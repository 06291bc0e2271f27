//! `name-mismatch`: the certificate's names do not cover the server (and pool).

use super::ServerCx;
use super::{Code, Finding};
use crate::certs::summary::Field;

declare_rule! {
    /// ## What it does
    /// Checks that the certificate's subject alternative names (dNSName entries; the
    /// subject CN only when there is no SAN extension) cover the server's FQDN and,
    /// for a server in a pool of several machines, also the pool FQDN. Wildcards
    /// match one left-most label (RFC 6125).
    ///
    /// ## Why Lync cares
    /// The file-transfer web service is reached by the pool FQDN and by the server
    /// FQDN. A certificate that does not name both fails TLS, and Lync's certificate
    /// wizard will not assign it to the web service.
    ///
    /// ## How to fix
    /// Request a new certificate whose SAN lists the server FQDN and the pool FQDN
    /// (subject CN = the pool FQDN for a multi-server pool).
    ///
    /// ## Example
    /// A certificate for `fe04.contoso.local` whose SAN is `fe40.contoso.local,
    /// pool02.contoso.local`.
    NAME_MISMATCH, "name-mismatch", Error, "the certificate does not name the server (and its pool)"
}

pub fn check(cx: &ServerCx<'_>, sink: &mut Vec<Finding>) {
    let info = &cx.leaf.info;
    let names: Vec<&str> = if info.has_san {
        info.dns_names.iter().map(String::as_str).collect()
    } else {
        info.common_name.iter().map(String::as_str).collect()
    };
    let mut needed = vec![cx.fqdn.clone()];
    if cx.server.multi_server_pool
        && let Some(pool) = &cx.server.pool
        && pool != cx.fqdn
    {
        needed.push(pool.clone());
    }
    let missing: Vec<String> = needed
        .iter()
        .filter(|n| !names.iter().any(|p| n.matched_by(p)))
        .map(|n| n.to_string())
        .collect();
    if missing.is_empty() {
        return;
    }
    let (field, where_) = if info.has_san {
        (Field::San, "its subject alternative names")
    } else {
        (Field::Subject, "its subject CN (it has no SAN extension)")
    };
    let shown = if names.is_empty() {
        "nothing".to_string()
    } else {
        names.join(", ")
    };
    sink.push(
        cx.finding(
            Code::NameMismatch,
            format!(
                "certificate {} for {} does not cover {}: {where_} name {shown}",
                cx.file.path,
                cx.fqdn,
                missing.join(" and ")
            ),
            format!(
                "request a certificate whose SAN lists {}; run `topocert plan TOPOLOGY` for {}'s request",
                needed
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(" and "),
                cx.fqdn
            ),
        )
        .field(field, format!("missing {}", missing.join(", "))),
    );
}
