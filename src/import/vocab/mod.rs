//! The words the importer reads forms by: site chrome, list headings, the
//! nouns that end a person's title, the words that mark a body's name, and
//! the countries these documents put in parentheses. Data, not rules: a
//! new form is a new word here.

mod cjk;
mod forms;
mod names;
mod page;
mod states;

pub use cjk::*;
pub use forms::*;
pub use names::*;
pub use page::*;
pub use states::*;
