//! The live progress of `check --targets` on stderr: one counter line (targets checked of all,
//! how many failing, the time so far), updated as each target ends. Only on a terminal: when
//! stderr is not one (or `--no-progress`, or `TERM=dumb`), nothing is written to stderr.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::tr;

/// The counter line of one run.
pub(super) struct Live {
    bar: ProgressBar,
    total: usize,
    done: AtomicUsize,
    failing: AtomicUsize,
}

impl Live {
    /// The line, when it is wanted and stderr is a terminal; `None` otherwise.
    pub(super) fn start(enabled: bool, total: usize) -> Option<Live> {
        if !enabled || !super::super::live_stderr() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(
            Some(total as u64),
            ProgressDrawTarget::stderr_with_hz(10),
        );
        if bar.is_hidden() {
            return None;
        }
        let style = ProgressStyle::with_template("{spinner} {msg}  {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner())
            .tick_strings(&["|", "/", "-", "\\", " "]);
        bar.set_style(style);
        let live = Live {
            bar,
            total,
            done: AtomicUsize::new(0),
            failing: AtomicUsize::new(0),
        };
        live.show();
        live.bar.enable_steady_tick(Duration::from_millis(120));
        Some(live)
    }

    /// One more target ended (`failed`: it failed or could not be checked).
    pub(super) fn finished(&self, failed: bool) {
        self.done.fetch_add(1, Ordering::Relaxed);
        if failed {
            self.failing.fetch_add(1, Ordering::Relaxed);
        }
        self.bar.inc(1);
        self.show();
    }

    fn show(&self) {
        self.bar.set_message(tr!(
            "fleet-progress",
            done = self.done.load(Ordering::Relaxed).to_string(),
            count = self.total,
            failing = self.failing.load(Ordering::Relaxed).to_string()
        ));
    }

    /// Stops the spinner; the last count stays on the terminal.
    pub(super) fn finish(&self) {
        self.bar.abandon();
    }
}
