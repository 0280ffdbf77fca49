//! How an entity stands in each of a set of documents: "who signed both?"
//! is answered by role, so that an organization two letters only quote is
//! not counted among those who signed them.

use super::PeopleIndex;
use crate::corpus::{EntityId, Role};

/// What an entity that appears in every one of some documents did there,
/// from most to least committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Issued, signed or is listed among the members of every one.
    SignedAll,
    /// Signed some, and is only quoted or mentioned in the others.
    SignedSome,
    /// Quoted or mentioned in every one, signing none.
    NamedAll,
}

impl Standing {
    /// A group's heading, for `n` documents.
    pub fn heading(self, n: usize) -> String {
        match self {
            Standing::SignedAll => format!("Signed or issued by all {n}"),
            Standing::SignedSome => "Signed some, named in the others".to_string(),
            Standing::NamedAll => format!("Named in all {n}"),
        }
    }

    /// What being in the group means.
    pub fn meaning(self) -> &'static str {
        match self {
            Standing::SignedAll => {
                "Each issued or signed every marked document, or is listed among its members and supporters."
            }
            Standing::SignedSome => {
                "Each signed at least one marked document and is only quoted or mentioned in the others."
            }
            Standing::NamedAll => {
                "Each is quoted or mentioned in every marked document and signed none of them."
            }
        }
    }
}

/// Whether a role puts the document's name to the entity: it speaks in it.
fn signs(role: Role) -> bool {
    matches!(role, Role::Issuer | Role::Signatory | Role::Member)
}

impl PeopleIndex {
    /// The roles of `entity` in document `doc`, empty where it has none.
    pub fn roles_in(&self, entity: EntityId, doc: usize) -> &[Role] {
        self.appearances[entity]
            .iter()
            .find(|a| a.doc == doc)
            .map_or(&[], |a| a.roles.as_slice())
    }

    /// The entities `docs` share, grouped by how they stand in them, each
    /// group by name; groups with no one are left out.
    pub fn shared_by_standing(&self, docs: &[usize]) -> Vec<(Standing, Vec<EntityId>)> {
        let mut groups: Vec<(Standing, Vec<EntityId>)> = Vec::new();
        for e in self.overlap(docs).shared {
            let signed = docs
                .iter()
                .filter(|&&d| self.roles_in(e, d).iter().any(|&r| signs(r)))
                .count();
            let standing = match signed {
                0 => Standing::NamedAll,
                n if n == docs.len() => Standing::SignedAll,
                _ => Standing::SignedSome,
            };
            match groups.iter_mut().find(|(s, _)| *s == standing) {
                Some((_, list)) => list.push(e),
                None => groups.push((standing, vec![e])),
            }
        }
        groups.sort_by_key(|&(s, _)| s);
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn the_two_letters_share_five_signatories_and_quote_the_commission() {
        let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
        let index = PeopleIndex::new(&corpus);
        let doc = |id: &str| corpus.documents.iter().position(|d| d.id == id).unwrap();
        let docs = [
            doc("joint-letter-security-council-2015"),
            doc("hrc55-open-letter-2024"),
        ];
        let groups = index.shared_by_standing(&docs);
        let ids = |list: &[EntityId]| -> Vec<String> {
            list.iter()
                .map(|&e| corpus.entities.get(e).id.clone())
                .collect()
        };
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].0, Standing::SignedAll);
        assert_eq!(
            ids(&groups[0].1),
            [
                "christian-solidarity-worldwide",
                "citizens-alliance-for-north-korean-human-rights",
                "human-rights-watch",
                "international-coalition-to-stop-crimes-against-humanity-in-north-korea",
                "international-federation-for-human-rights",
            ]
        );
        assert_eq!(groups[1].0, Standing::NamedAll);
        assert_eq!(ids(&groups[1].1), ["commission-of-inquiry"]);
        assert_eq!(index.roles_in(groups[1].1[0], docs[0]), [Role::Quoted]);
    }
}
