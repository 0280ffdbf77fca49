//! Keys and the layers that bind them to actions. The default bindings are
//! the `[keys]` tables of config.example.toml, read at start, so the
//! defaults and the file that documents them cannot disagree; the help
//! overlay and the status bar's hints are generated from the live map.

mod key;
mod layer;

pub use key::Key;
pub use layer::Layer;

use crate::tui::msg::Action;

/// The example configuration: every setting with its default, every
/// binding included.
pub const EXAMPLE: &str = include_str!("../../../config.example.toml");

#[derive(Debug, Clone, PartialEq)]
pub struct KeyMap {
    bindings: Vec<(Layer, Key, Action)>,
}

impl KeyMap {
    /// Binds `key` in `layer` to `action`, in place of what it meant there;
    /// `None` unbinds it.
    pub fn bind(&mut self, layer: Layer, key: Key, action: Option<Action>) {
        let at = self
            .bindings
            .iter()
            .position(|&(l, k, _)| l == layer && k == key);
        match (at, action) {
            (Some(at), Some(action)) => self.bindings[at].2 = action,
            (Some(at), None) => {
                self.bindings.remove(at);
            }
            (None, Some(action)) => self.bindings.push((layer, key, action)),
            (None, None) => {}
        }
    }

    /// The action `key` means with these layers active, topmost first. An
    /// overlay swallows every key it does not bind, except the few actions
    /// that pass through it (Ctrl-C).
    pub fn action(&self, key: Key, layers: &[Layer]) -> Option<Action> {
        let top = layers.first();
        let overlay = top.is_some_and(|l| l.is_overlay());
        // A character typed into a line is text, whatever a global key
        // means: `Q = "force_quit"` must not end a note half-written.
        let typing = top.is_some_and(|l| l.types()) && key.typed().is_some();
        layers
            .iter()
            .find_map(|&layer| self.bound(layer, key))
            .or_else(|| {
                self.bound(Layer::Global, key)
                    .filter(|a| !typing && (!overlay || a.passes_overlays()))
            })
    }

    /// What `key` means in `layer` alone.
    pub fn bound(&self, layer: Layer, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|&&(l, k, _)| l == layer && k == key)
            .map(|(_, _, a)| *a)
    }

    /// The keys bound to `action` in `layer`, in binding order.
    pub fn keys(&self, layer: Layer, action: &Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(l, _, a)| *l == layer && a == action)
            .map(|&(_, k, _)| k)
            .collect()
    }

    /// Every binding of one layer, grouped by action in binding order.
    pub fn layer(&self, layer: Layer) -> Vec<(Action, Vec<Key>)> {
        let mut grouped: Vec<(Action, Vec<Key>)> = Vec::new();
        for (l, k, a) in &self.bindings {
            let (l, k) = (*l, *k);
            if l != layer {
                continue;
            }
            match grouped.iter_mut().find(|(action, _)| action == a) {
                Some((_, keys)) => keys.push(k),
                None => grouped.push((*a, vec![k])),
            }
        }
        grouped
    }
}

impl Default for KeyMap {
    /// The bindings of the example file's `[keys.*]` tables, in file order.
    /// A test keeps the file readable, so none of it is ever skipped.
    fn default() -> KeyMap {
        let mut map = KeyMap {
            bindings: Vec::new(),
        };
        let Ok(root) = toml::de::DeTable::parse(EXAMPLE) else {
            return map;
        };
        let Some(keys) = root
            .get_ref()
            .get("keys")
            .and_then(|k| k.get_ref().as_table())
        else {
            return map;
        };
        for layer in Layer::ALL {
            let Some(table) = keys.get(layer.name()).and_then(|t| t.get_ref().as_table()) else {
                continue;
            };
            // The table is a sorted map: the file's order is the spans'.
            let mut entries: Vec<_> = table.iter().collect();
            entries.sort_by_key(|(name, _)| name.span().start);
            for (name, value) in entries {
                let key = name.get_ref().parse::<Key>();
                let action = value.get_ref().as_str().and_then(Action::named);
                if let (Ok(key), Some(action)) = (key, action) {
                    map.bind(layer, key, Some(action));
                }
            }
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    #[test]
    fn every_binding_of_the_example_file_is_a_default() {
        let root = toml::de::DeTable::parse(EXAMPLE).expect("the example parses");
        let keys = root.get_ref()["keys"].get_ref().as_table().expect("[keys]");
        let written: usize = keys
            .values()
            .map(|t| t.get_ref().as_table().map_or(0, |t| t.len()))
            .sum();
        let map = KeyMap::default();
        let bound: usize = Layer::ALL
            .iter()
            .map(|&l| map.layer(l).iter().map(|(_, k)| k.len()).sum::<usize>())
            .sum();
        assert_eq!(bound, written);
        assert!(bound > 100);
    }

    #[test]
    fn the_focused_pane_comes_before_the_global_layer() {
        let map = KeyMap::default();
        let reader = [Layer::Reader, Layer::Global];
        assert_eq!(
            map.action(Key::char(']'), &reader),
            Some(Action::NextParagraph)
        );
        assert_eq!(map.action(Key::char('q'), &reader), Some(Action::Quit));
        assert_eq!(
            map.action(Key::char(']'), &[Layer::List, Layer::Global]),
            None
        );
    }

    #[test]
    fn an_overlay_swallows_keys_but_not_ctrl_c() {
        let map = KeyMap::default();
        let help = [Layer::Pager];
        assert_eq!(map.action(Key::char('q'), &help), Some(Action::Back));
        assert_eq!(map.action(Key::char('s'), &help), None);
        assert_eq!(map.action(Key::ctrl('c'), &help), Some(Action::ForceQuit));
    }

    #[test]
    fn binding_replaces_or_removes_a_key_in_its_place() {
        let mut map = KeyMap::default();
        let reader = [Layer::Reader, Layer::Global];
        map.bind(Layer::Reader, Key::char('j'), Some(Action::Quit));
        assert_eq!(map.action(Key::char('j'), &reader), Some(Action::Quit));
        map.bind(Layer::Reader, Key::char('j'), None);
        assert_eq!(map.action(Key::char('j'), &reader), None);
        map.bind(Layer::Reader, Key::ctrl('j'), Some(Action::MoveDown));
        assert_eq!(
            map.keys(Layer::Reader, &Action::MoveDown),
            [Key::plain(KeyCode::Down), Key::ctrl('j')]
        );
    }

    #[test]
    fn no_key_means_two_things_in_one_layer() {
        let map = KeyMap::default();
        for layer in Layer::ALL {
            let keys: Vec<Key> = map.layer(layer).into_iter().flat_map(|(_, k)| k).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[..i].contains(k), "{k} is bound twice in {layer:?}");
            }
        }
    }
}
