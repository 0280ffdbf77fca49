//! A gate the whole corpus's read passes before each chunk, closed while a
//! query typed over the first frame is answered. On two cores the chunks'
//! threads took half the cores from that answer, which the person waits
//! for; the whole corpus, which they do not see, waits instead.

use std::sync::{Arc, Condvar, Mutex, PoisonError};

#[derive(Clone, Debug, Default)]
pub(super) struct Gate(Arc<(Mutex<bool>, Condvar)>);

impl Gate {
    /// Closes the gate until the guard is dropped (a panic included).
    pub(super) fn close(&self) -> Closed {
        *self.0.0.lock().unwrap_or_else(PoisonError::into_inner) = true;
        Closed(self.clone())
    }

    /// Returns once the gate is open.
    pub(super) fn pass(&self) {
        let (closed, opened) = &*self.0;
        let closed = closed.lock().unwrap_or_else(PoisonError::into_inner);
        let _open = opened
            .wait_while(closed, |closed| *closed)
            .unwrap_or_else(PoisonError::into_inner);
    }
}

/// Opens its gate when dropped.
#[derive(Debug)]
pub struct Closed(Gate);

impl Drop for Closed {
    fn drop(&mut self) {
        let (closed, opened) = &*self.0.0;
        *closed.lock().unwrap_or_else(PoisonError::into_inner) = false;
        opened.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    #[test]
    fn a_closed_gate_holds_until_its_guard_is_dropped() {
        let gate = Gate::default();
        let passed = Arc::new(AtomicBool::new(false));
        let closed = gate.close();
        let waiter = std::thread::spawn({
            let (gate, passed) = (gate.clone(), Arc::clone(&passed));
            move || {
                gate.pass();
                passed.store(true, Ordering::SeqCst);
            }
        });
        std::thread::sleep(Duration::from_millis(50));
        assert!(!passed.load(Ordering::SeqCst), "passed a closed gate");
        drop(closed);
        waiter.join().expect("the waiter");
        assert!(passed.load(Ordering::SeqCst));
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
