//! The help's text and place, from the live key map. Update scrolls what
//! view draws.

use super::text::wrap;
use super::{centred, inner};
use crate::corpus::Problem;
use crate::tui::keymap::{KeyMap, Layer};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The help text for an overlay `width` columns wide inside: a heading per
/// layer, then each action with its keys, in two columns where they fit.
pub fn help_lines(keymap: &KeyMap, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let layers: Vec<(Layer, Vec<(String, &str)>)> = Layer::ALL
        .into_iter()
        .map(|layer| {
            let bindings = keymap.layer(layer).into_iter().map(|(action, keys)| {
                let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
                (keys.join(", "), action.description())
            });
            (layer, bindings.collect())
        })
        .collect();
    let column = layers
        .iter()
        .flat_map(|(_, b)| b.iter().map(|(keys, _)| keys.width()))
        .max()
        .unwrap_or(0)
        + 4;
    let two_columns = column + 24 <= width;
    let mut out = Vec::new();
    for (layer, bindings) in layers {
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(layer.title(), theme.heading));
        for (keys, description) in bindings {
            if two_columns {
                let pad = " ".repeat(column - 2 - keys.width());
                let mut wrapped = wrap(description, width - column).into_iter();
                out.push(Line::from(vec![
                    Span::styled(format!("  {keys}{pad}"), theme.key),
                    Span::raw(wrapped.next().unwrap_or_default()),
                ]));
                for more in wrapped {
                    out.push(Line::raw(format!("{}{more}", " ".repeat(column))));
                }
            } else {
                out.push(Line::styled(format!("  {keys}"), theme.key));
                for line in wrap(description, width.saturating_sub(4)) {
                    out.push(Line::raw(format!("    {line}")));
                }
            }
        }
    }
    out.push(Line::default());
    let note = "y sends the paragraph to the clipboard through OSC 52, which SSH and most \
        terminals pass on; in tmux it needs set-clipboard on, or allow-passthrough on.";
    for line in wrap(note, width) {
        out.push(Line::styled(line, theme.dim));
    }
    out
}

/// The corpus files that did not load, for an overlay `width` columns
/// wide inside: each problem as `nkread check` gives it, its message
/// wrapped, its quoted line and caret kept whole so that they line up.
pub fn problem_lines(problems: &[Problem], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let files = unloaded_files(problems);
    let mut out = Vec::new();
    let heading = format!(
        "{} did not load, so the reader opened without {}. Fix {} and start \
         nkread again; `nkread check` lists the same.",
        count(files.len(), "file"),
        match files.len() {
            1 => "its documents",
            _ => "their documents",
        },
        match files.len() {
            1 => "it",
            _ => "them",
        },
    );
    for line in wrap(&heading, width) {
        out.push(Line::styled(line, theme.heading));
    }
    for problem in problems.iter().take(LISTED_PROBLEMS) {
        out.push(Line::default());
        for line in problem.to_string().lines() {
            match line.starts_with(' ') {
                true => out.push(Line::styled(line.to_string(), theme.dim)),
                false => out.extend(wrap(line, width).into_iter().map(Line::raw)),
            }
        }
    }
    if let Some(more) = problems
        .len()
        .checked_sub(LISTED_PROBLEMS)
        .filter(|&n| n > 0)
    {
        out.push(Line::default());
        let noun = if more == 1 { "problem" } else { "problems" };
        let rest = format!("…and {more} more {noun}: `nkread check` lists them all.");
        out.extend(
            wrap(&rest, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim)),
        );
    }
    out
}

/// The most problems the list shows: it is laid out whole at each frame,
/// and a file of thousands of mistakes is fixed from `nkread check`.
pub const LISTED_PROBLEMS: usize = 100;

/// The files named by `problems`, once each, in the order first named.
pub fn unloaded_files(problems: &[Problem]) -> Vec<&str> {
    let mut files: Vec<&str> = Vec::new();
    for problem in problems {
        if !files.contains(&problem.file.as_str()) {
            files.push(&problem.file);
        }
    }
    files
}

/// "1 file", "3 files".
pub fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// `n` with its thousands set apart by commas: "367,661".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Where the help goes on a screen of this size.
pub fn area(screen: Rect) -> Rect {
    centred(screen, 76, 2)
}

/// The overlay's inner columns and rows on a screen of this size.
pub fn inner_size(screen: Rect) -> (usize, usize) {
    let inner = inner(area(screen));
    (usize::from(inner.width), usize::from(inner.height))
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_set_apart() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(367_661), "367,661");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
