//! What a search index keeps beside what it is, for the queries to come:
//! recent whole-field matches, the memory a query tallies in. Two indexes
//! are equal, and a clone is a fresh index, whatever either keeps aside.

use std::ops::Deref;

#[derive(Default)]
pub(super) struct Aside<T>(pub T);

impl<T> Deref for Aside<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> PartialEq for Aside<T> {
    fn eq(&self, _: &Aside<T>) -> bool {
        true
    }
}

impl<T> Eq for Aside<T> {}

impl<T: Default> Clone for Aside<T> {
    fn clone(&self) -> Aside<T> {
        Aside::default()
    }
}

impl<T> std::fmt::Debug for Aside<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Aside<{}>", std::any::type_name::<T>())
    }
}
