//! A gate the whole corpus's read passes before each chunk, closed while a
//! query typed over the first frame is answered. On two cores the chunks'
//! threads took half the cores from that answer, which the person waits
//! for; the whole corpus, which they do not see, waits instead.

use std::sync::{Arc, Condvar, Mutex, PoisonError};

/// How many guards hold it closed, and what wakes those waiting.
#[derive(Clone, Debug, Default)]
pub(super) struct Gate(Arc<(Mutex<usize>, Condvar)>);

impl Gate {
    /// Closes the gate until the guard is dropped (a panic included); it
    /// opens once every guard is.
    pub(super) fn close(&self) -> Closed {
        *self.0.0.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        Closed(self.clone())
    }

    /// Returns once the gate is open.
    pub(super) fn pass(&self) {
        let (closed, opened) = &*self.0;
        let closed = closed.lock().unwrap_or_else(PoisonError::into_inner);
        let _open = opened
            .wait_while(closed, |closed| *closed > 0)
            .unwrap_or_else(PoisonError::into_inner);
    }
}

/// Keeps its gate closed until dropped.
#[derive(Debug)]
pub struct Closed(Gate);

impl Drop for Closed {
    fn drop(&mut self) {
        let (closed, opened) = &*self.0.0;
        let mut closed = closed.lock().unwrap_or_else(PoisonError::into_inner);
        *closed = closed.saturating_sub(1);
        if *closed == 0 {
            opened.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_closed_gate_holds_until_every_guard_is_dropped() {
        let gate = Gate::default();
        let (first, second) = (gate.close(), gate.close());
        let (send, passed) = std::sync::mpsc::channel();
        std::thread::spawn({
            let gate = gate.clone();
            move || {
                gate.pass();
                let _ = send.send(());
            }
        });
        let held = Duration::from_millis(50);
        assert!(passed.recv_timeout(held).is_err(), "passed a closed gate");
        drop(first);
        assert!(
            passed.recv_timeout(held).is_err(),
            "passed a gate one guard holds"
        );
        drop(second);
        assert!(passed.recv_timeout(Duration::from_secs(30)).is_ok());
        // Open, it does not hold.
        gate.pass();
    }

    #[test]
    fn a_panic_while_closed_opens_the_gate() {
        let gate = Gate::default();
        let _ = std::panic::catch_unwind(|| {
            let _closed = gate.close();
            panic!("a bug while the gate is closed");
        });
        gate.pass();
    }
}
