/*!
The progress bar of `check --probe` on standard error: servers probed out of the
total and failures so far. The command line shows it only when standard error is a
terminal, the format is read by people, and `--quiet` is not given.
*/

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::probe::Progress;

/// An indicatif bar drawn on standard error.
#[derive(Debug)]
pub struct ProbeBar {
    bar: ProgressBar,
    failed: AtomicUsize,
}

impl ProbeBar {
    pub fn shared() -> Arc<dyn Progress> {
        // Hidden until the number of servers is known.
        let bar = ProgressBar::hidden();
        let style = ProgressStyle::with_template(&template(crate::i18n::current()))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(crate::t!("report-progress-failed", n = 0u64));
        Arc::new(ProbeBar {
            bar,
            failed: AtomicUsize::new(0),
        })
    }
}

/// The bar's indicatif template in `lang`: the catalogue places indicatif's fields
/// (`{bar:30}` and the others are passed in as arguments, so the template's braces
/// never go through Fluent).
fn template(lang: crate::i18n::Lang) -> String {
    crate::t_in!(
        lang,
        "report-progress",
        bar = "{bar:30}",
        pos = "{pos}",
        len = "{len}",
        msg = "{msg}",
        elapsed = "{elapsed}"
    )
}

impl Progress for ProbeBar {
    fn start(&self, total: usize) {
        self.bar
            .set_length(u64::try_from(total).unwrap_or(u64::MAX));
        self.bar.set_draw_target(ProgressDrawTarget::stderr());
    }

    fn probed(&self, failed: bool) {
        if failed {
            let n = self.failed.fetch_add(1, Ordering::Relaxed) + 1;
            self.bar
                .set_message(crate::t!("report-progress-failed", n = n as u64));
        }
        self.bar.inc(1);
    }

    fn finish(&self) {
        // The report follows: leave no bar behind it.
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_template_is_valid_in_every_language() {
        assert_eq!(
            template(Lang::En),
            "probing {bar:30} {pos}/{len} servers, {msg} {elapsed}"
        );
        let ja = template(Lang::Ja);
        assert!(
            ja.contains("{bar:30}") && ja.contains("{pos}/{len}"),
            "{ja}"
        );
        for lang in [Lang::En, Lang::Ja] {
            assert!(ProgressStyle::with_template(&template(lang)).is_ok());
        }
        assert_eq!(
            crate::t_in!(Lang::Ja, "report-progress-failed", n = 2u64),
            "2 台が失敗"
        );
    }
}
