//! Giving freed memory back to the system. glibc keeps the freed blocks of
//! its heaps for reuse, and a large corpus frees hundreds of megabytes in
//! blocks that what comes after is too large to reuse: the files' text
//! once parsed, the search index's parts once joined, the pairs gathered
//! to find the People index's passages. Left resident, they would count in
//! the reader's memory beside what replaced them.

/// Returns the memory freed so far to the system, where the allocator
/// keeps it (glibc); elsewhere, nothing to do.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer and only releases free memory.
    unsafe {
        libc::malloc_trim(0);
    }
}
