//! How a document or passage is cited. The code is in `src/cite/`; this
//! file only mounts it here, where the reader calls `citation::quote`, until
//! `lib.rs` declares `pub mod cite` itself.

#[path = "cite/mod.rs"]
mod cite;

pub use cite::*;
