//! A page parsed with its nesting bounded, in time linear in its size.
//!
//! html5ever's tree builder scans its stack of open elements at each tag,
//! so a page nested n deep costs n² (10,000 nested `<div>`s took 18 s with
//! the extractor, and 100,000 overflowed the stack). Where a tag would open
//! an element deeper than [`MAX_DEPTH`] (Blink stops nesting at 512 too),
//! or the tree grows faster than the page, the builder is given no more:
//! the rest of the page is read here as lines, a block's tags breaking
//! them and hidden elements skipped.
//!
//! The tokens pass through a filter on their way from html5ever's
//! tokenizer to its tree builder, so the tokenizer's states (script, raw
//! text) are the builder's own, and the depth is read from the tree the
//! builder made, not guessed from the tags. A page within the bounds
//! parses exactly as `Document::from` parses it.

use super::{BLOCKS, HIDDEN, Lines};
use dom_query::{Document, NodeId};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult,
    Tokenizer, TokenizerOpts, states::RawKind,
};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

/// The deepest an element is placed.
pub const MAX_DEPTH: u32 = 512;

/// Nodes the tree may hold beyond a few per token before the rest of the
/// page is read flat: misnested formatting tags (`<p><b id=1>x</p>…`) have
/// the builder copy each one still listed into every new paragraph, a
/// number of nodes quadratic in the page.
const SPARE_NODES: usize = 1 << 16;
const NODES_PER_TOKEN: usize = 8;

/// A parsed page: its tree, and the lines of the rest of it where it was
/// too deep to place in one.
pub struct Parsed {
    pub document: Document,
    pub rest: Option<Lines>,
}

pub fn parse(html: &str) -> Parsed {
    // dom_query's own options (`Document::from`).
    let opts = TreeBuilderOpts {
        scripting_enabled: false,
        ..TreeBuilderOpts::default()
    };
    let filter = Filter {
        builder: TreeBuilder::new(Depths::default(), opts),
        tokens: Cell::new(0),
        rest: RefCell::new(None),
    };
    let tokenizer = Tokenizer::new(filter, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // A script would stop the tokenizer here; none is run.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let filter = tokenizer.sink;
    Parsed {
        rest: filter.rest.into_inner().map(|mut flat| {
            flat.lines.flush();
            flat.lines
        }),
        document: filter.builder.sink.document,
    }
}

/// The tree sink dom_query's `Document` is, noting where the builder last
/// placed a node, so that the depth there can be read.
struct Depths {
    document: Document,
    /// The node last placed, or the parent of text placed: where the next
    /// element would go, or deeper (end tags move the builder up unseen).
    tip: Cell<Option<NodeId>>,
    /// Depths read, with the shape of the tree they were read in.
    known: RefCell<HashMap<NodeId, (u32, u32)>>,
    /// Bumped when a node moves, which changes its descendants' depths.
    shape: Cell<u32>,
    /// A template's contents have no parent in the tree, but are nested in
    /// the template.
    templates: RefCell<HashMap<NodeId, NodeId>>,
}

impl Default for Depths {
    fn default() -> Self {
        Depths {
            document: Document::default(),
            tip: Cell::new(None),
            known: RefCell::default(),
            shape: Cell::new(0),
            templates: RefCell::default(),
        }
    }
}

impl Depths {
    /// How deep the next element would be placed (the document is at 0),
    /// or more than `MAX_DEPTH` once that is passed.
    fn next_depth(&self) -> u32 {
        let Some(node) = self.tip.get() else {
            return 1;
        };
        // Up to a node whose depth is known in this shape, or to a root.
        let shape = self.shape.get();
        let mut known = self.known.borrow_mut();
        let mut path = Vec::new();
        let mut at = Some(node);
        let mut above = 0;
        while let Some(n) = at {
            if let Some(&(depth, when)) = known.get(&n)
                && when == shape
            {
                above = depth + 1;
                break;
            }
            if path.len() > MAX_DEPTH as usize {
                return MAX_DEPTH + 1;
            }
            path.push(n);
            at = self
                .document
                .tree
                .parent_of(&n)
                .map(|p| p.id)
                .or_else(|| self.templates.borrow().get(&n).copied());
        }
        let mut depth = above;
        for n in path.iter().rev() {
            known.insert(*n, (depth, shape));
            depth += 1;
        }
        depth
    }

    fn placed(&self, at: NodeId) {
        self.tip.set(Some(at));
    }

    fn moved(&self) {
        self.shape.set(self.shape.get().wrapping_add(1));
    }
}

impl TreeSink for Depths {
    type Handle = NodeId;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.document.parse_error(msg);
    }

    fn get_document(&self) -> NodeId {
        self.document.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.document.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.document.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.document.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.document.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.placed(match &child {
            NodeOrText::AppendNode(node) => *node,
            NodeOrText::AppendText(_) => *parent,
        });
        self.document.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.placed(match &child {
            NodeOrText::AppendNode(node) => *node,
            NodeOrText::AppendText(_) => *prev_element,
        });
        self.document
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.document
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let contents = self.document.get_template_contents(target);
        self.templates.borrow_mut().insert(contents, *target);
        contents
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.document.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.document.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        // The node may be moved from elsewhere.
        self.moved();
        self.placed(match &child {
            NodeOrText::AppendNode(node) => *node,
            NodeOrText::AppendText(_) => *sibling,
        });
        self.document.append_before_sibling(sibling, child);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.document.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.moved();
        self.document.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.moved();
        self.document.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.document
            .is_mathml_annotation_xml_integration_point(handle)
    }
}

/// The tokens on their way to the tree builder, until one would place an
/// element too deep; from there on the page is read as lines here.
struct Filter {
    builder: TreeBuilder<NodeId, Depths>,
    tokens: Cell<usize>,
    rest: RefCell<Option<Flat>>,
}

/// The rest of a page read flat: text, a line break at each block, hidden
/// elements skipped.
#[derive(Default)]
struct Flat {
    lines: Lines,
    heading: Option<u8>,
    /// A hidden element being skipped: its name, and how many of that name
    /// are open in it.
    skipping: Option<(LocalName, usize)>,
}

impl TokenSink for Filter {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        self.tokens.set(self.tokens.get() + 1);
        if self.rest.borrow().is_none() && self.too_much(&token) {
            *self.rest.borrow_mut() = Some(Flat::default());
        }
        match self.rest.borrow_mut().as_mut() {
            Some(flat) => flat.read(token),
            None => self.builder.process_token(token, line_number),
        }
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl Filter {
    /// Whether the tree has grown past what the page's tokens account for,
    /// or `token` would open an element deeper than `MAX_DEPTH`.
    fn too_much(&self, token: &Token) -> bool {
        let sink = &self.builder.sink;
        let budget = SPARE_NODES.saturating_add(self.tokens.get().saturating_mul(NODES_PER_TOKEN));
        if sink.document.tree.len() > budget {
            return true;
        }
        let TagToken(tag) = token else {
            return false;
        };
        let opens = tag.kind == StartTag
            && if self
                .builder
                .adjusted_current_node_present_but_not_in_html_namespace()
            {
                !tag.self_closing
            } else {
                !is_void(&tag.name)
            };
        opens && sink.next_depth() > MAX_DEPTH
    }
}

impl Flat {
    /// Reads a token; a start tag of raw text has the tokenizer read its
    /// content as text, as the tree builder would have.
    fn read(&mut self, token: Token) -> TokenSinkResult<NodeId> {
        let tag = match token {
            CharacterTokens(text) if self.skipping.is_none() => {
                self.lines.text(&text, self.heading);
                return TokenSinkResult::Continue;
            }
            TagToken(tag) => tag,
            _ => return TokenSinkResult::Continue,
        };
        let start = tag.kind == StartTag;
        if let Some((name, open)) = &mut self.skipping {
            if tag.name == *name {
                if start {
                    *open += 1;
                } else {
                    *open -= 1;
                }
            }
            if *open == 0 {
                self.skipping = None;
            }
        } else if start && hides(&tag) {
            self.skipping = Some((tag.name.clone(), 1));
        } else {
            if let [b'h', n @ b'1'..=b'6'] = tag.name.as_bytes() {
                self.heading = start.then_some(n - b'0');
            }
            if tag.name == *"br" || BLOCKS.contains(&&*tag.name) {
                self.lines.flush();
            }
        }
        match start.then(|| raw_text(&tag.name)).flatten() {
            Some(raw) => raw,
            None => TokenSinkResult::Continue,
        }
    }
}

/// Whether a start tag opens an element whose content is not shown. A
/// stray `<head>` in a body is ignored, and a tag that closes itself holds
/// nothing, unless its content is raw text all the same.
fn hides(tag: &Tag) -> bool {
    let name = &*tag.name;
    (HIDDEN.contains(&name) && name != "head"
        || tag.attrs.iter().any(|a| &*a.name.local == "hidden"))
        && (raw_text(&tag.name).is_some() || !tag.self_closing && !is_void(&tag.name))
}

/// Elements that hold no content.
fn is_void(name: &LocalName) -> bool {
    matches!(
        &**name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// How the tokenizer reads the content of an element that holds raw text
/// (`noscript` holds markup: scripting is off, as in dom_query).
fn raw_text(name: &LocalName) -> Option<TokenSinkResult<NodeId>> {
    Some(match &**name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(lines: &Lines) -> Vec<&str> {
        lines.lines.iter().map(|l| l.text.as_str()).collect()
    }

    /// Within the bounds, the tree is the one dom_query makes.
    fn as_dom_query(html: &str) {
        let parsed = parse(html);
        assert!(parsed.rest.is_none(), "{html}");
        assert_eq!(
            parsed.document.html(),
            Document::from(html).html(),
            "{html}"
        );
    }

    #[test]
    fn misnested_tables_templates_and_foreign_content_parse_as_dom_query_parses_them() {
        for html in [
            "<!doctype html><title>T</title><p>a<b>b<i>c</b>d</i>e<p>f",
            "<table><tr><td>a<table><td>b</table>c<div>d</table>e",
            "<b><div>x</b>y</div><a href=1><a href=2>z</a>",
            "<template><tr><td>t</template><select><option>o<option>p</select>",
            "<svg><title><div>d</div></title><foreignObject><p>q</svg>r",
            "<math><mi><b>m</b></mi><annotation-xml encoding=text/html><p>x</math>",
            "<script>if (a < b) document.write('<div>')</script><noscript><p>n</noscript>",
            "<ul><li>a<li>b<ul><li>c</ul></ul><dl><dt>t<dd>d</dl><plaintext><div>",
            "<textarea><b>raw</b></textarea><xmp><i></xmp><frameset><frame></frameset>",
        ] {
            as_dom_query(html);
        }
    }

    proptest! {
        #[test]
        fn tag_soup_within_the_bounds_parses_as_dom_query_parses_it(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "<div>", "</div>", "<p>", "</p>", "<b id=1>", "<b>", "</b>", "<i>", "</i>",
                "<a href=x>", "</a>", "<table>", "</table>", "<tr>", "<td>", "</td>",
                "<svg>", "</svg>", "<path/>", "<template>", "</template>", "<select>",
                "<option>", "<script>x</div></script>", "<style>", "</style>", "<h2>",
                "</h2>", "<ul>", "<li>", "<br>", "<hr>", "<img>", "<!-- c -->", "<title>",
                "</title>", "<noscript>", "</noscript>", "word", " ", "&amp;", "<object>",
                "</object>", "<math>", "<mi>", "<frameset>",
            ]), 0..120),
        ) {
            as_dom_query(&pieces.concat());
        }
    }

    fn nested(depth: usize, inside: &str) -> String {
        format!(
            "<h1>Deep</h1>{}{inside}{}<p>After.</p>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    #[test]
    fn past_the_bound_the_page_is_read_flat_with_its_text_in_order() {
        let parsed = parse(&nested(
            100_000,
            "<p>Inside</p>a<br>b<script>x()</script><div hidden><p>no</p></div>\
             <svg><text>no</text></svg><p><textarea><b>kept</b></textarea></p>",
        ));
        let rest = parsed.rest.expect("flattened");
        assert_eq!(texts(&rest), ["Inside", "a", "b", "<b>kept</b>", "After."]);
        let mut before = Lines::default();
        super::super::walk(parsed.document.root(), &mut before);
        before.flush();
        assert_eq!(texts(&before), ["Deep"]);
    }

    #[test]
    fn the_bound_is_at_max_depth() {
        // Below html (1) and body (2), the nth <div> is n + 2 deep.
        let divs = |n: usize| format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        let deepest = MAX_DEPTH as usize - 2;
        assert!(parse(&divs(deepest)).rest.is_none());
        assert!(parse(&divs(deepest + 1)).rest.is_some());
    }

    #[test]
    fn a_tree_growing_faster_than_the_page_is_cut_short() {
        // Each <p> gets a copy of every <b> opened before it.
        let html: String = (0..5_000).map(|i| format!("<p><b id={i}>x</p>")).collect();
        let parsed = parse(&html);
        assert!(parsed.rest.is_some());
        assert!(parsed.document.tree.len() < SPARE_NODES + 8 * 5 * 5_000);
    }
}
