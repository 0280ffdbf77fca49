//! The overlap view: the organizations and people that marked documents
//! share, and those unique to each.

use crate::library::Library;
use crate::tui::layout::text::wrap;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub fn lines(library: &Library, docs: &[usize], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let corpus = &library.corpus;
    let overlap = library.people.overlap(docs);
    let title = |d: usize| {
        corpus
            .documents
            .get(d)
            .map_or_else(String::new, |doc| doc.shown_title())
    };
    let mut out = Vec::new();
    let group = |heading: String, entities: &[usize], out: &mut Vec<Line<'static>>| {
        if !out.is_empty() {
            out.push(Line::default());
        }
        for line in wrap(&format!("{heading} ({})", entities.len()), width) {
            out.push(Line::styled(line, theme.heading));
        }
        if entities.is_empty() {
            out.push(Line::styled("  none", theme.dim));
        }
        for &e in entities {
            for line in wrap(&corpus.entities.get(e).name, width.saturating_sub(2)) {
                out.push(Line::raw(format!("  {line}")));
            }
        }
    };
    group(
        format!("Shared by all {} marked documents", docs.len()),
        &overlap.shared,
        &mut out,
    );
    for (&d, unique) in docs.iter().zip(&overlap.unique) {
        group(format!("Only in {}", title(d)), unique, &mut out);
    }
    out
}

pub struct OverlapView<'a> {
    pub library: &'a Library,
    pub docs: &'a [usize],
    pub scroll: usize,
    pub theme: &'a Theme,
}

impl Widget for OverlapView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let (columns, _) = super::help::inner_size(screen);
        let lines = lines(self.library, self.docs, self.theme, columns);
        super::help::pager(
            lines,
            self.scroll,
            " Overlap: Esc closes ",
            self.theme,
            screen,
            buf,
        );
    }
}
