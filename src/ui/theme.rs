//! Styles for each element. The colour theme sticks to the 16 named colours
//! and leans on bold and reverse, so it reads on dark and light terminals;
//! the mono theme (NO_COLOR) keeps only the modifiers.

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
}

impl Theme {
    pub fn color() -> Theme {
        Theme {
            border_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            cursor_mark: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            info: Style::new().fg(Color::Green),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
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
        }
    }

    /// The theme for the environment: https://no-color.org asks for no
    /// colour when NO_COLOR is set and not empty.
    pub fn from_no_color(no_color: Option<&std::ffi::OsStr>) -> Theme {
        match no_color {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => Theme::color(),
        }
    }
}
