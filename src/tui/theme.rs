//! Styles for each element. The dark and light presets stick to the 16
//! named colours and lean on bold and reverse; the high-contrast preset
//! uses only bright colours and never dims; the mono preset, which
//! NO_COLOR forces, keeps only the modifiers. Focus and roles are marked in
//! text too (`▌`, the grid's glyphs), so no theme carries them by colour
//! alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    pub selection: Style,
    /// The selection of a pane that does not have the focus.
    pub selection_unfocused: Style,
    pub cursor_mark: Style,
    pub key: Style,
    pub pane_label: Style,
    pub info: Style,
    pub error: Style,
    /// Characters a search matched.
    pub matched: Style,
    /// The grid's cells, by the role each shows; an absence is `dim`.
    pub role_issuer: Style,
    pub role_signatory: Style,
    pub role_member: Style,
    pub role_quoted: Style,
    pub role_mentioned: Style,
    /// Whether panes and overlays are framed in box-drawing lines; without,
    /// a title line and blank columns stand for them, which a screen reader
    /// does not read out on every line.
    pub borders: bool,
}

/// A theme to start from, by its name in the config file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Preset {
    /// Cyan accents: for dark terminals, and readable on light ones.
    #[default]
    Dark,
    /// Blue accents, which cyan on white is not.
    Light,
    /// Bright colours, bold, and nothing dimmed: for low vision.
    HighContrast,
    Mono,
}

impl Preset {
    pub const ALL: [(&str, Preset); 4] = [
        ("dark", Preset::Dark),
        ("light", Preset::Light),
        ("high-contrast", Preset::HighContrast),
        ("mono", Preset::Mono),
    ];
}

/// Where one element's style is in a theme.
pub type StyleOf = fn(&mut Theme) -> &mut Style;

/// The elements a config file can colour, by name, each with its style.
pub const ELEMENTS: [(&str, StyleOf); 18] = [
    ("border", |t| &mut t.border),
    ("border_focused", |t| &mut t.border_focused),
    ("title", |t| &mut t.title),
    ("heading", |t| &mut t.heading),
    ("dim", |t| &mut t.dim),
    ("selection", |t| &mut t.selection),
    ("selection_unfocused", |t| &mut t.selection_unfocused),
    ("cursor_mark", |t| &mut t.cursor_mark),
    ("key", |t| &mut t.key),
    ("pane_label", |t| &mut t.pane_label),
    ("info", |t| &mut t.info),
    ("error", |t| &mut t.error),
    ("matched", |t| &mut t.matched),
    ("role_issuer", |t| &mut t.role_issuer),
    ("role_signatory", |t| &mut t.role_signatory),
    ("role_member", |t| &mut t.role_member),
    ("role_quoted", |t| &mut t.role_quoted),
    ("role_mentioned", |t| &mut t.role_mentioned),
];

/// The colours a config file can name; `#rrggbb` is read apart.
pub const COLOURS: [(&str, Color); 17] = [
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
    ("reset", Color::Reset),
];

/// A colour by its config name: one of `COLOURS` or `#rrggbb`.
pub fn colour(name: &str) -> Option<Color> {
    if let Some(hex) = name.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let rgb = u32::from_str_radix(hex, 16).ok()?;
        let [_, r, g, b] = rgb.to_be_bytes();
        return Some(Color::Rgb(r, g, b));
    }
    COLOURS.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

impl Theme {
    pub fn preset(preset: Preset) -> Theme {
        match preset {
            Preset::Dark => Theme::accented(Color::Cyan),
            Preset::Light => Theme::accented(Color::Blue),
            Preset::HighContrast => Theme::high_contrast(),
            Preset::Mono => Theme::mono(),
        }
    }

    /// Bright colours on the terminal's own background, bold for most of
    /// what carries meaning (the plainer roles keep their colour alone),
    /// and no element dimmed (dim text is the first that low vision loses).
    pub fn high_contrast() -> Theme {
        let bold = |c| Style::new().fg(c).add_modifier(Modifier::BOLD);
        let on = |bg| {
            Style::new()
                .fg(Color::Black)
                .bg(bg)
                .add_modifier(Modifier::BOLD)
        };
        Theme {
            border: Style::new().fg(Color::White),
            border_focused: bold(Color::LightYellow),
            title: bold(Color::White),
            heading: bold(Color::LightCyan),
            dim: Style::new().fg(Color::White),
            selection: on(Color::LightYellow),
            selection_unfocused: bold(Color::White).add_modifier(Modifier::UNDERLINED),
            cursor_mark: bold(Color::LightYellow),
            key: bold(Color::LightCyan),
            pane_label: on(Color::White),
            info: bold(Color::LightGreen),
            error: bold(Color::LightRed),
            matched: on(Color::LightCyan).add_modifier(Modifier::UNDERLINED),
            role_issuer: bold(Color::LightMagenta),
            role_signatory: bold(Color::LightGreen),
            role_member: Style::new().fg(Color::LightGreen),
            role_quoted: bold(Color::LightCyan),
            role_mentioned: Style::new().fg(Color::White),
            borders: true,
        }
    }

    /// The colour presets: one accent for borders, keys and the cursor.
    fn accented(accent: Color) -> Theme {
        let bold = |c| Style::new().fg(c).add_modifier(Modifier::BOLD);
        Theme {
            border_focused: bold(accent),
            cursor_mark: bold(accent),
            key: bold(accent),
            info: Style::new().fg(Color::Green),
            error: bold(Color::Red),
            matched: bold(Color::Magenta).add_modifier(Modifier::UNDERLINED),
            role_issuer: bold(Color::Magenta),
            role_signatory: bold(Color::Green),
            role_member: Style::new().fg(Color::Green),
            role_quoted: Style::new().fg(accent),
            ..Theme::mono()
        }
    }

    pub fn mono() -> Theme {
        Theme {
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            selection_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor_mark: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
            pane_label: Style::new().add_modifier(Modifier::REVERSED),
            info: Style::new(),
            error: Style::new().add_modifier(Modifier::BOLD),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            role_issuer: Style::new().add_modifier(Modifier::BOLD),
            role_signatory: Style::new().add_modifier(Modifier::BOLD),
            role_member: Style::new(),
            role_quoted: Style::new(),
            role_mentioned: Style::new(),
            borders: true,
        }
    }

    /// The configured theme: a preset, with the colours of some elements
    /// changed (the foreground, which reverse video shows as the
    /// background). https://no-color.org asks for no colour when NO_COLOR
    /// is set and not empty, and the user's environment wins over a file
    /// that may be shared between machines: mono, whatever the file says.
    /// The style of a grid cell that shows `role`, or an absence.
    pub fn role(&self, role: Option<crate::corpus::Role>) -> Style {
        use crate::corpus::Role;
        match role {
            Some(Role::Issuer) => self.role_issuer,
            Some(Role::Signatory) => self.role_signatory,
            Some(Role::Member) => self.role_member,
            Some(Role::Quoted) => self.role_quoted,
            Some(Role::Mentioned) => self.role_mentioned,
            None => self.dim,
        }
    }

    pub fn configured(
        preset: Preset,
        colours: &[(&str, Color)],
        no_color: Option<&std::ffi::OsStr>,
    ) -> Theme {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return Theme::mono();
        }
        let mut theme = Theme::preset(preset);
        for (name, colour) in colours {
            if let Some((_, style)) = ELEMENTS.iter().find(|(n, _)| n == name) {
                let style = style(&mut theme);
                *style = style.fg(*colour);
            }
        }
        theme
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn colours_are_read_by_name_and_as_hex() {
        assert_eq!(colour("dark_gray"), Some(Color::DarkGray));
        assert_eq!(colour("#ff8000"), Some(Color::Rgb(255, 128, 0)));
        assert_eq!(colour("#ff80"), None);
        assert_eq!(colour("#+f8000"), None);
        assert_eq!(colour("grey"), None);
    }

    #[test]
    fn a_colour_changes_one_element_and_no_color_wins() {
        let theme = Theme::configured(Preset::Dark, &[("key", Color::Yellow)], None);
        assert_eq!(theme.key.fg, Some(Color::Yellow));
        assert!(theme.key.add_modifier.contains(Modifier::BOLD));
        assert_eq!(theme.border_focused.fg, Some(Color::Cyan));
        let light = Theme::configured(Preset::Light, &[], Some(OsStr::new("")));
        assert_eq!(light.key.fg, Some(Color::Blue));
        let none = Theme::configured(
            Preset::Dark,
            &[("key", Color::Yellow)],
            Some(OsStr::new("1")),
        );
        assert_eq!(none, Theme::mono());
        let contrast = Theme::configured(Preset::HighContrast, &[], Some(OsStr::new("1")));
        assert_eq!(
            contrast,
            Theme::mono(),
            "NO_COLOR wins over high contrast too"
        );
    }

    #[test]
    fn high_contrast_dims_nothing_and_marks_the_selection_in_colour_and_bold() {
        let mut theme = Theme::high_contrast();
        for (name, style) in ELEMENTS {
            let style = *style(&mut theme);
            assert!(!style.add_modifier.contains(Modifier::DIM), "{name} is dim");
            assert!(
                !matches!(style.fg, Some(Color::DarkGray | Color::Black)) || style.bg.is_some(),
                "{name} is dark on the terminal's background"
            );
        }
        assert!(theme.selection.add_modifier.contains(Modifier::BOLD));
        assert_ne!(theme.selection, theme.selection_unfocused);
    }
}
