//! A saved HTML page to lines: parsed by an HTML5 parser (html5ever, into
//! a dom_query tree, its depth bounded: see `parse`), each block element's
//! text one line, as a browser lays it out. The readability extractor
//! (dom_smoothie) only marks which lines are the article; it never removes
//! one, so that every line of the page is either kept or listed as omitted.

mod parse;

use super::dates;
use super::page::{Line, Page, norm};
use crate::corpus::{PartialDate, clean_line};
use dom_query::{Document, NodeRef};
use std::collections::HashSet;

/// Elements whose text is never shown.
const HIDDEN: [&str; 8] = [
    "script", "style", "noscript", "template", "head", "svg", "iframe", "select",
];

/// Elements that start and end a line.
const BLOCKS: [&str; 38] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

pub fn read(html: &str) -> Page {
    let parse::Parsed { document, rest } = parse::parse(html);
    let mut lines = lines_of(&document);
    let address = stated_address(&document);
    let saved = saved_date(html, &document);
    let found = document.select("meta[property=\"article:modified_time\"]");
    let modified_meta = found.attr("content").map(|c| c.to_string());
    // The article as the extractor sees it, to tell the page's chrome from
    // its text. A page it cannot read has no chrome marked, nor has a page
    // too deep to parse whole: the extractor's selectors walk every level.
    let article = match &rest {
        Some(_) => None,
        None => dom_smoothie::Readability::with_document(document, None, None)
            .ok()
            .and_then(|mut r| r.parse().ok()),
    };
    let main: Option<HashSet<String>> = article.as_ref().map(|a| {
        let content = parse::parse(&a.content).document;
        lines_of(&content).into_iter().map(|l| l.text).collect()
    });
    for line in &mut lines {
        line.chrome = main.as_ref().is_some_and(|m| !m.contains(&line.text));
    }
    lines.extend(rest.into_iter().flat_map(|rest| rest.lines));
    let stated = |s: &Option<String>| s.as_deref().map(clean_line).filter(|s| !s.is_empty());
    Page {
        lines,
        html: true,
        url: address
            .or_else(|| article.as_ref().and_then(|a| stated(&a.url)))
            .filter(|u| is_web_address(u))
            .or_else(|| saved_from(html).filter(|u| is_web_address(u))),
        publisher: article.as_ref().and_then(|a| stated(&a.site_name)),
        published: article.as_ref().and_then(|a| stated(&a.published_time)),
        modified: article
            .as_ref()
            .and_then(|a| stated(&a.modified_time))
            .or_else(|| stated(&modified_meta)),
        saved,
    }
}

/// The comments at the top of a page, where saving tools write where and
/// when they saved it.
fn head_comments(html: &str) -> impl Iterator<Item = &str> {
    let end = (0..=html.len().min(16 * 1024))
        .rev()
        .find(|&i| html.is_char_boundary(i))
        .unwrap_or(0);
    let head = &html[..end];
    head.split("<!--")
        .skip(1)
        .filter_map(|c| c.split_once("-->").map(|(inner, _)| inner))
}

/// The address a browser or SingleFile wrote the page was saved from:
/// "<!-- saved from url=(0041)https://… -->", SingleFile's "url: https://…".
fn saved_from(html: &str) -> Option<String> {
    head_comments(html).find_map(|c| {
        let after = c
            .split_once("saved from url=")
            .map(|(_, rest)| rest.split_once(')').map_or(rest, |(_, url)| url))
            .or_else(|| c.lines().find_map(|l| l.trim().strip_prefix("url:")))?;
        after.split_whitespace().next().map(clean_line)
    })
}

/// When the page was saved, where the saving tool says: SingleFile's
/// "saved date:" comment, or Save Page WE's `savepage-date` meta.
fn saved_date(html: &str, document: &Document) -> Option<(PartialDate, String)> {
    let comment = head_comments(html).find_map(|c| {
        c.lines()
            .find_map(|l| l.trim().strip_prefix("saved date:"))
            .map(|d| {
                (
                    d.trim().to_string(),
                    format!("the page’s “saved date: {}” comment", d.trim()),
                )
            })
    });
    let meta = || {
        let d = document
            .select("meta[name=\"savepage-date\"]")
            .attr("content")?;
        Some((d.to_string(), format!("the page’s “savepage-date” ({d})")))
    };
    comment
        .or_else(meta)
        .and_then(|(d, how)| dates::stated(&d).map(|d| (d, clean_line(&how))))
}

/// The address the page states for itself: its canonical link or its
/// Open Graph address.
fn stated_address(document: &Document) -> Option<String> {
    ["link[rel=canonical]", "meta[property=\"og:url\"]"]
        .iter()
        .find_map(|sel| {
            let found = document.select(sel);
            found.attr("href").or_else(|| found.attr("content"))
        })
        .map(|u| clean_line(&u))
}

/// The loader takes only http(s) addresses with a host and no spaces.
pub fn is_web_address(s: &str) -> bool {
    url::Url::parse(s).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && u.host().is_some() && !s.contains(' ')
    })
}

/// The page's text, one line per block; empty lines between blocks are
/// dropped, as a reader sees none.
fn lines_of(document: &Document) -> Vec<Line> {
    let mut out = Lines::default();
    walk(document.root(), &mut out);
    out.flush();
    out.lines
}

#[derive(Default)]
struct Lines {
    lines: Vec<Line>,
    current: String,
    heading: Option<u8>,
}

impl Lines {
    /// Text inside a block, under a heading of this level.
    fn text(&mut self, text: &str, heading: Option<u8>) {
        // Source line breaks inside a block are spaces, as a browser shows them.
        self.current
            .push_str(&text.replace(['\n', '\r', '\t'], " "));
        if !text.trim().is_empty() {
            self.heading = heading;
        }
    }

    fn flush(&mut self) {
        let text = norm(&clean_line(&self.current));
        if !text.is_empty() {
            self.lines.push(Line {
                text,
                heading: self.heading,
                chrome: false,
            });
        }
        self.current.clear();
        self.heading = None;
    }
}

/// Walks the tree in document order with a stack of its own: the parse
/// bounds the depth, and the walk does not lean on that.
fn walk(root: NodeRef, out: &mut Lines) {
    enum Step<'a> {
        Enter(NodeRef<'a>, Option<u8>),
        /// The end of a block.
        Leave,
    }
    let mut steps = vec![Step::Enter(root, None)];
    while let Some(step) = steps.pop() {
        let Step::Enter(node, heading) = step else {
            out.flush();
            continue;
        };
        if node.is_text() {
            out.text(&node.text(), heading);
            continue;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase());
        let name = name.as_deref().unwrap_or("");
        if node.is_element() && (HIDDEN.contains(&name) || node.has_attr("hidden")) {
            continue;
        }
        if name == "br" {
            out.flush();
            continue;
        }
        let heading = match name.as_bytes() {
            [b'h', n @ b'1'..=b'6'] => Some(n - b'0'),
            _ => heading,
        };
        if BLOCKS.contains(&name) {
            out.flush();
            steps.push(Step::Leave);
        }
        // Last child first on the stack, so the first is walked first.
        steps.extend(
            node.children_it(true)
                .map(|child| Step::Enter(child, heading)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_lines_and_chrome_is_marked_not_dropped() {
        let page = read(
            "<!doctype html><html><head><title>T</title>\
             <meta property=\"og:site_name\" content=\"Example Watch\">\
             <meta property=\"og:url\" content=\"https://example.org/a\"></head><body>\
             <nav><a href=/>Home</a> &gt; <a>News</a></nav>\
             <article><h1>A Headline</h1><p>First   paragraph of the\n article, long enough \
             to be read as text by the extractor, and then some more words so that it is \
             chosen.</p><p>Second<br>line.</p></article>\
             <footer>Share this</footer></body></html>",
        );
        let texts: Vec<(&str, Option<u8>)> = page
            .lines
            .iter()
            .map(|l| (l.text.as_str(), l.heading))
            .collect();
        assert_eq!(texts[0], ("Home > News", None));
        assert!(texts.contains(&("A Headline", Some(1))));
        assert!(texts.contains(&("Second", None)) && texts.contains(&("line.", None)));
        assert!(page.lines[0].chrome);
        assert_eq!(page.publisher.as_deref(), Some("Example Watch"));
        assert_eq!(page.url.as_deref(), Some("https://example.org/a"));
    }
}
