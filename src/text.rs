/*!
Small text helpers every stage may use: dates as reports print them and plurals.
Neutral ground: it imports nothing from the crate.
*/

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// RFC 3339 in UTC, e.g. `2026-06-01T00:00:00Z`.
pub fn timestamp(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

/// The date part, e.g. `2026-06-01`.
pub fn date(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

/// "1 error", "2 warnings".
pub fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_plurals() {
        let t = time::macros::datetime!(2026-06-01 02:00 +02:00);
        assert_eq!(timestamp(t), "2026-06-01T00:00:00Z");
        assert_eq!(date(t), "2026-06-01");
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(0, "error"), "0 errors");
    }
}
