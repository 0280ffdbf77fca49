//! The `[keys.*]` tables: one per key layer, each mapping key names to
//! action names, read over the default key map key by key.

use super::check::{Check, Value, path};
use crate::tui::keymap::{Key, KeyMap, Layer};
use crate::tui::msg::Action;

/// The action name that unbinds a key.
pub const UNBIND: &str = "none";

/// The default key map with the user's `[keys]` table over it.
pub fn keymap(check: &mut Check, keys: &Value) -> KeyMap {
    let mut map = KeyMap::default();
    let Some(tables) = check.table(keys, "keys") else {
        return map;
    };
    let names: Vec<&str> = Layer::ALL.iter().map(|l| l.name()).collect();
    for (name, table) in tables {
        match Layer::ALL.into_iter().find(|l| l.name() == name.get_ref()) {
            Some(layer) => {
                read_layer(check, &mut map, layer, table);
                // Overlays take every other key: without this one, a
                // config could leave no way out of the reader.
                let keys = map.keys(layer, &Action::ForceQuit);
                if layer == Layer::Global && !keys.iter().any(|k| k.legacy()) {
                    check.report(
                        name.span().start,
                        "keys.global",
                        format!(
                            "no key is left for `force_quit` that every terminal can send, the \
                             way out from anywhere{}: keep `ctrl-c = \"force_quit\"` or bind \
                             another key to it",
                            unsendable(&keys)
                        ),
                    );
                }
            }
            None => check.unknown(name, "keys", &names),
        }
    }
    check_ways_out(check, &map, keys.span().start);
    map
}

/// Every screen keeps a key that leaves it, as the key map resolves keys
/// there: in a line being typed, a character only `[keys.global]` binds is
/// text, so it is no way out.
fn check_ways_out(check: &mut Check, map: &KeyMap, at: usize) {
    use Action::{Back, Confirm, ForceQuit, Quit};
    let screens: [(&[Layer], &[Action], &str, &str); 10] = [
        (
            &[Layer::Global],
            &[Quit, ForceQuit],
            "a screen too small to draw",
            "global",
        ),
        (
            &[Layer::List, Layer::Global],
            &[Quit, ForceQuit],
            "the document list",
            "list",
        ),
        (
            &[Layer::Reader, Layer::Global],
            &[Quit, ForceQuit],
            "the reader",
            "reader",
        ),
        (
            &[Layer::Sidebar, Layer::Global],
            &[Quit, ForceQuit],
            "the sidebar",
            "sidebar",
        ),
        (
            &[Layer::Search],
            &[Back, ForceQuit],
            "the search overlay",
            "search",
        ),
        (
            &[Layer::People],
            &[Back, ForceQuit],
            "the People pane",
            "people",
        ),
        (
            &[Layer::Bookmarks],
            &[Back, ForceQuit],
            "the bookmarks pane",
            "bookmarks",
        ),
        (
            &[Layer::Input],
            &[Back, Confirm, ForceQuit],
            "a filter or note being typed",
            "input",
        ),
        (&[Layer::Pager], &[Back, ForceQuit], "the help", "pager"),
        (
            &[Layer::Grid],
            &[Back, ForceQuit],
            "the coalition grid",
            "grid",
        ),
    ];
    let keys: Vec<Key> = Layer::ALL
        .into_iter()
        .flat_map(|l| map.layer(l).into_iter().flat_map(|(_, keys)| keys))
        .collect();
    for (layers, ways_out, screen, table) in screens {
        let leaves = |k: &&Key| {
            map.action(**k, layers)
                .is_some_and(|a| ways_out.contains(&a))
        };
        let (sent, unsent): (Vec<Key>, Vec<Key>) =
            keys.iter().filter(leaves).partition(|k| k.legacy());
        if sent.is_empty() {
            let names: Vec<String> = ways_out.iter().map(|a| a.name()).collect();
            check.report(
                at,
                "keys",
                format!(
                    "no key leaves {screen}{}: bind one in [keys.{table}] to `{}` (a character \
                     bound only in [keys.global] is typed as text in a line)",
                    unsendable(&unsent),
                    names.join("` or `")
                ),
            );
        }
    }
}

/// Why the keys that would do it do not count: many terminals, and tmux,
/// never send them.
fn unsendable(keys: &[Key]) -> String {
    if keys.is_empty() {
        return String::new();
    }
    let names: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    format!(
        " ({} only, which terminals without the kitty keyboard protocol, and tmux, do not send)",
        names.join(", ")
    )
}

/// One layer's table. Each entry replaces what its key meant in that layer
/// only; two entries for one key (`ctrl-j` and `Ctrl-J`) are a conflict.
fn read_layer(check: &mut Check, map: &mut KeyMap, layer: Layer, table: &Value) {
    let table_path = format!("keys.{}", layer.name());
    let Some(entries) = check.table(table, &table_path) else {
        return;
    };
    let mut seen: Vec<(Key, &str)> = Vec::new();
    for (name, value) in entries {
        let field = path(&table_path, name.get_ref());
        let key = match name.get_ref().parse::<Key>() {
            Ok(key) => Some(key),
            Err(message) => {
                check.report(name.span().start, &field, message);
                None
            }
        };
        if let Some(key) = key {
            if let Some((_, other)) = seen.iter().find(|(k, _)| *k == key) {
                check.report(
                    name.span().start,
                    &field,
                    format!(
                        "`{}` and `{other}` are the same key, `{key}`, in [{table_path}]: keep one",
                        name.get_ref()
                    ),
                );
                continue;
            }
            seen.push((key, name.get_ref()));
        }
        let action = read_action(check, value, &field);
        if let (Some(key), Some(None)) = (key, &action)
            && map.bound(layer, key).is_none()
        {
            let from = match map.bound(Layer::Global, key) {
                Some(_) if layer != Layer::Global => {
                    "; it comes from [keys.global], so unbind or rebind it there"
                }
                _ => ": there is nothing to unbind",
            };
            check.report(
                name.span().start,
                &field,
                format!("`{key}` is not bound in [{table_path}]{from}"),
            );
            continue;
        }
        if let (Some(key), Some(action)) = (key, action) {
            map.bind(layer, key, action);
        }
    }
}

/// An action name, or `"none"` (Some(None)) to unbind.
fn read_action(check: &mut Check, value: &Value, field: &str) -> Option<Option<Action>> {
    let names = Action::names();
    let expected = format!(
        "an action name or \"{UNBIND}\" to unbind the key; the actions are: {}",
        names.join(", ")
    );
    let name = check.string(value, field, &expected)?;
    if name == UNBIND {
        return Some(None);
    }
    let action = Action::named(name);
    if action.is_none() {
        check.unknown_value(value, field, name, names, &expected);
    }
    action.map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_names_are_the_bindable_variants() {
        let names = Action::names();
        assert!(names.contains(&"move_down") && names.contains(&"show_help"));
        assert!(
            !names
                .iter()
                .any(|n| n.contains("input_char") || *n == "resize")
        );
        for name in names {
            assert!(Action::named(name).is_some(), "{name}");
        }
        // Every action the default map binds has a name.
        for layer in Layer::ALL {
            for (action, _) in KeyMap::default().layer(layer) {
                let name = serde_json::to_value(action).unwrap();
                assert!(names.contains(&name.as_str().unwrap()), "{action:?}");
            }
        }
        assert_eq!(Action::named("next"), None);
        assert_eq!(Action::named(UNBIND), None);
    }
}
