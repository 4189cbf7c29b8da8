//! The calendar's share of `--time-limit`. The planner runs the calendar
//! within a deadline; the passes that improve a valid calendar (the fixed
//! rotation's cycle search, the flexible rotation's descent, the choice of
//! fortnights) stop at it and keep their best so far, and the planner
//! learns whether one did. A thread-local rather than a parameter keeps the
//! calendar's entry points, shared with `calendar`, `replan` and `export`,
//! as they are: without a deadline nothing is ever cut.

use std::cell::Cell;
use std::time::Instant;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    static CUT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` (which builds calendars on this thread) with the deadline
/// `until`; returns what it gives and whether a pass was cut short.
pub fn within<T>(until: Option<Instant>, f: impl FnOnce() -> T) -> (T, bool) {
    let before = DEADLINE.replace(until);
    let was_cut = CUT.replace(false);
    let out = f();
    DEADLINE.set(before);
    let cut = CUT.replace(was_cut);
    (out, cut)
}

/// The deadline the calendar being built on this thread must keep.
pub(crate) fn deadline() -> Option<Instant> {
    DEADLINE.get()
}

/// Says that a pass stopped at the deadline.
pub(crate) fn note_cut() {
    CUT.set(true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deadline_holds_only_inside_and_the_cut_is_reported_once() {
        assert_eq!(deadline(), None);
        let now = Instant::now();
        let (seen, cut) = within(Some(now), || {
            note_cut();
            deadline()
        });
        assert_eq!((seen, cut), (Some(now), true));
        assert_eq!(deadline(), None);
        let ((), cut) = within(None, || {});
        assert!(!cut);
    }
}
