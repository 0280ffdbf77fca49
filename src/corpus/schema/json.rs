//! JSON read into the spanned values TOML is read into, so that one check
//! of a document's shape serves both and points into either at the value.
//! Only what serde_json has already refused is read here; anything that is
//! not plain JSON gives None, and serde_json's own message stands.

use std::borrow::Cow;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// The JSON value `text` holds, with the byte span of every value; None
/// for text that is not one JSON value.
pub fn parse(text: &str) -> Option<Spanned<DeValue<'_>>> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)??;
    reader.space();
    (reader.at == text.len()).then_some(value)
}

/// Deeper than this, a file is no document: serde_json stops at 128 too.
const DEPTH: usize = 128;

struct Reader<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Reader<'t> {
    fn space(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    /// A value, and its span; `null` is None, as a missing field reads.
    fn value(&mut self, depth: usize) -> Option<Option<Spanned<DeValue<'t>>>> {
        self.space();
        let start = self.at;
        let value = match self.peek()? {
            _ if depth > DEPTH => return None,
            b'{' => DeValue::Table(self.object(depth)?),
            b'[' => DeValue::Array(self.array(depth)?),
            b'"' => DeValue::String(Cow::Owned(self.string()?)),
            b't' | b'f' | b'n' => {
                let word = ["true", "false", "null"]
                    .into_iter()
                    .find(|w| self.text[self.at..].starts_with(w))?;
                self.at += word.len();
                match word {
                    "null" => return Some(None),
                    word => DeValue::Boolean(word == "true"),
                }
            }
            _ => {
                let text: &'t str = self.text;
                let rest = &text[self.at..];
                let len = rest
                    .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
                    .unwrap_or(rest.len());
                // A number by TOML's rules, which take JSON's.
                let number = DeValue::parse(&rest[..len]).ok()?.into_inner();
                if !matches!(number, DeValue::Integer(_) | DeValue::Float(_)) {
                    return None;
                }
                self.at += len;
                number
            }
        };
        Some(Some(Spanned::new(start..self.at, value)))
    }

    fn object(&mut self, depth: usize) -> Option<DeTable<'t>> {
        self.eat(b'{')?;
        let mut table = DeTable::new();
        if self.eat(b'}').is_some() {
            return Some(table);
        }
        loop {
            self.space();
            let start = self.at;
            let key = self.string()?;
            let key = Spanned::new(start..self.at, Cow::Owned(key));
            self.eat(b':')?;
            if let Some(value) = self.value(depth + 1)? {
                table.insert(key, value);
            }
            if self.eat(b',').is_none() {
                self.eat(b'}')?;
                return Some(table);
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<DeArray<'t>> {
        self.eat(b'[')?;
        let mut items = DeArray::new();
        if self.eat(b']').is_some() {
            return Some(items);
        }
        loop {
            let start = self.at;
            // A null item reads as nothing, which no list of ours takes.
            let item = self.value(depth + 1)?;
            items.push(
                item.unwrap_or_else(|| {
                    Spanned::new(start..self.at, DeValue::Table(DeTable::new()))
                }),
            );
            if self.eat(b',').is_none() {
                self.eat(b']')?;
                return Some(items);
            }
        }
    }

    /// A string, its escapes read.
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        let mut chars = self.text[self.at..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.at += i + 1;
                    return Some(out);
                }
                '\\' => {
                    let (_, escape) = chars.next()?;
                    out.push(match escape {
                        '"' | '\\' | '/' => escape,
                        'b' => '\u{8}',
                        'f' => '\u{c}',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'u' => {
                            let mut code = hex(&mut chars)?;
                            if (0xD800..0xDC00).contains(&code) {
                                let (_, '\\') = chars.next()? else {
                                    return None;
                                };
                                let (_, 'u') = chars.next()? else { return None };
                                let low = hex(&mut chars)?;
                                code =
                                    0x10000 + ((code - 0xD800) << 10) + low.checked_sub(0xDC00)?;
                            }
                            char::from_u32(code)?
                        }
                        _ => return None,
                    });
                }
                c if u32::from(c) < 0x20 => return None,
                c => out.push(c),
            }
        }
        None
    }
}

/// Four hex digits of a `\u` escape.
fn hex(chars: &mut std::str::CharIndices) -> Option<u32> {
    let mut code = 0;
    for _ in 0..4 {
        code = code * 16 + chars.next()?.1.to_digit(16)?;
    }
    Some(code)
}
