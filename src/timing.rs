//! Time spent in one stage, summed over threads: how the evaluation tells Tesseract's own work
//! from everything around it without a profiler.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Nanoseconds summed over every call and thread.
#[derive(Default)]
pub struct Counter(AtomicU64);

impl Counter {
    pub const fn new() -> Counter {
        Counter(AtomicU64::new(0))
    }

    /// Runs `f`, adding the time it took.
    pub fn time<T>(&self, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let r = f();
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.0.fetch_add(nanos, Ordering::Relaxed);
        r
    }

    pub fn seconds(&self) -> f64 {
        self.0.load(Ordering::Relaxed) as f64 / 1e9
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_adds_up() {
        let c = Counter::new();
        assert_eq!(c.time(|| 7), 7);
        c.time(|| std::thread::sleep(std::time::Duration::from_millis(5)));
        assert!(c.seconds() >= 0.005);
    }
}
