//! The `[theme]` table: a preset, and a colour for any element.

use super::check::{Check, Value, path, quoted};
use crate::tui::theme::{COLOURS, ELEMENTS, Preset, colour};
use ratatui::style::Color;

/// The value that keeps an element as its preset draws it.
pub const FROM_PRESET: &str = "preset";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThemeConfig {
    pub preset: Preset,
    /// Elements coloured by the file, by their names in `ELEMENTS`.
    pub colours: Vec<(&'static str, Color)>,
}

pub fn read(check: &mut Check, value: &Value) -> ThemeConfig {
    let mut theme = ThemeConfig::default();
    let Some(table) = check.table(value, "theme") else {
        return theme;
    };
    let mut valid = vec!["preset"];
    valid.extend(ELEMENTS.iter().map(|(name, _)| *name));
    for (key, value) in table {
        let field = path("theme", key.get_ref());
        if key.get_ref() == "preset" {
            if let Some(preset) = check.choice(value, &field, &Preset::ALL) {
                theme.preset = preset;
            }
            continue;
        }
        let Some(&(element, _)) = ELEMENTS.iter().find(|(n, _)| *n == key.get_ref()) else {
            check.unknown(key, "theme", &valid);
            continue;
        };
        // "preset" is no colour: it is offered apart, and never as the
        // colour a misspelt one was meant to be.
        let names: Vec<&str> = COLOURS.iter().map(|(name, _)| *name).collect();
        let expected = format!(
            "a colour: {}; or \"{FROM_PRESET}\" to keep the preset's",
            quoted(&[&names[..], &["#rrggbb"]].concat())
        );
        let Some(given) = check.string(value, &field, &expected) else {
            continue;
        };
        if given == FROM_PRESET {
            continue;
        }
        match colour(given) {
            Some(c) => theme.colours.push((element, c)),
            None => check.unknown_value(value, &field, given, &names, &expected),
        }
    }
    theme
}
