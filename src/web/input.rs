//! Getting text in: files (`.txt`, `.md`, `.html`) and pasted text, with clear refusals.
//!
//! * Size: anything above [`MAX_INPUT_BYTES`] is refused before it is read or analysed.
//! * Encoding: files must be UTF-8 (a UTF-8 byte-order mark is dropped). Invalid bytes are
//!   never replaced silently: [`InputError::NotUtf8`] keeps the bytes so the user can choose a
//!   lossy load explicitly. UTF-16 and binary files (NUL bytes) get their own messages.
//! * HTML: parsed by the browser's `DOMParser` (an inert document: no script runs, nothing is
//!   fetched), then reduced to the article's main text ([`html_main_text`]).
//! * Markdown (`.md`, `.markdown`, `text/markdown`): reduced to its text ([`markdown_text`]):
//!   no front matter, heading marks, emphasis, link targets or reference definitions.
//! * Line breaks are normalised to `\n`, the form a `<textarea>` gives back, so the editor,
//!   the analysed text and the spans always agree.

use std::fmt;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest input accepted, in bytes (10 MiB). Larger files are refused unread; larger
/// pasted text stays in the editor but is not analysed.
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Why an input was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// Above [`MAX_INPUT_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// No text (or only white space).
    Empty,
    /// Contains NUL bytes: not a text file.
    Binary,
    /// Starts with a UTF-16 byte-order mark.
    Utf16,
    /// Not valid UTF-8.
    NotUtf8 {
        /// Offset of the first invalid byte.
        at: usize,
        /// The bytes, kept for an explicit lossy load.
        bytes: Rc<[u8]>,
    },
    /// An HTML file with no text left once menus, scripts and forms are removed.
    NoHtmlText,
    /// The browser could not read the file.
    Read(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::TooLarge { bytes } => write!(
                f,
                "it is {}, above the {} limit. Open or paste a shorter part of it.",
                human_size(*bytes),
                human_size(MAX_INPUT_BYTES)
            ),
            InputError::Empty => f.write_str("it contains no text."),
            InputError::Binary => f.write_str(
                "it looks like a binary file (it contains NUL bytes), not text. \
                 Open a .txt, .md or .html file.",
            ),
            InputError::Utf16 => f.write_str("it is UTF-16 text. Save it as UTF-8 and open it again."),
            InputError::NotUtf8 { at, .. } => write!(
                f,
                "it is not valid UTF-8 (the first invalid byte is at offset {at}). It may use an \
                 older encoding such as Windows-1252: save it as UTF-8, or load it with the \
                 invalid bytes replaced by �."
            ),
            InputError::NoHtmlText => {
                f.write_str("no article text was found in it once menus, scripts and forms were removed.")
            }
            InputError::Read(e) => write!(f, "the browser could not read it ({e})."),
        }
    }
}

/// A size for people: "812 bytes", "4.2 KB", "10 MB".
///
/// In integers: formatting a float links the float printing code into the app (kilobytes).
pub fn human_size(bytes: usize) -> String {
    const K: usize = 1024;
    let tenths = |unit: usize| (bytes as u64 * 10 + unit as u64 / 2) / unit as u64;
    if bytes < K {
        format!("{bytes} bytes")
    } else if bytes < K * K || !bytes.is_multiple_of(K * K) {
        let (t, unit) = if bytes < K * K { (tenths(K), "KB") } else { (tenths(K * K), "MB") };
        format!("{}.{} {unit}", t / 10, t % 10)
    } else {
        format!("{} MB", bytes / (K * K))
    }
}

/// Decodes a file's bytes as UTF-8 text (strict), dropping a UTF-8 BOM.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16);
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(normalize_newlines(s)),
        Err(e) => Err(InputError::NotUtf8 { at: e.valid_up_to(), bytes: Rc::from(bytes) }),
    }
}

/// The explicit, user-requested lossy decoding of [`InputError::NotUtf8`] bytes.
pub fn decode_lossy(bytes: &[u8]) -> String {
    normalize_newlines(&String::from_utf8_lossy(bytes))
}

/// `\r\n` and lone `\r` become `\n` (what a `<textarea>` reports anyway).
pub fn normalize_newlines(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

/// True for files to be read as HTML (by extension, else by MIME type).
pub fn is_html(name: &str, mime: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".html")
        || lower.ends_with(".htm")
        || lower.ends_with(".xhtml")
        || mime.starts_with("text/html")
        || mime.starts_with("application/xhtml")
}

/// True for files to be read as Markdown (by extension, else by MIME type).
pub fn is_markdown(name: &str, mime: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown") || mime.starts_with("text/markdown")
}

/// A text converted from another one, with a map back: which bytes of the text were copied
/// from which bytes of the original. Everything else (inserted line breaks) was not copied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Converted {
    /// The text.
    pub text: String,
    /// Runs of bytes copied verbatim, sorted and disjoint on both sides:
    /// `(text offset, original offset, length)`.
    pub runs: Vec<(usize, usize, usize)>,
}

impl Converted {
    /// Appends `c`, copied from byte `from` of the original.
    fn push(&mut self, c: char, from: usize) {
        let at = self.text.len();
        self.text.push(c);
        match self.runs.last_mut() {
            Some((out, src, len)) if *out + *len == at && *src + *len == from => *len += c.len_utf8(),
            _ => self.runs.push((at, from, c.len_utf8())),
        }
    }

    /// Where a span of the text starting at `i` starts in the original: the byte `i` was copied
    /// from; for an inserted byte, the end of the copy before it (the start of the first copy
    /// when there is none).
    pub fn start(&self, i: usize) -> usize {
        self.at(i, 1)
    }

    /// Where a span of the text ending at `i` (exclusive) ends in the original: just after the
    /// byte `i - 1` was copied from; after an inserted byte, the end of the copy before it.
    pub fn end(&self, i: usize) -> usize {
        self.at(i, 0)
    }

    /// The run holding byte `i` (`start` = 1) or `i - 1` (`start` = 0), else the one before.
    fn at(&self, i: usize, start: usize) -> usize {
        let k = self.runs.partition_point(|r| r.0 < i + start);
        match k.checked_sub(1).map(|k| self.runs[k]) {
            Some((out, src, len)) => src + (i - out).min(len),
            None => self.runs.first().map_or(0, |r| r.1),
        }
    }
}

/// The text of a Markdown document, as a reader sees it: front matter (`---` YAML or `+++`
/// TOML) dropped; heading marks, block quote marks, list bullets, rules, code fences and link
/// reference definitions removed; links and images replaced by their text; emphasis,
/// strike-through and code marks removed (an `_` inside a word stays); backslash escapes
/// resolved. Paragraphs (blank lines) are kept, so the article's structure is too.
pub fn markdown_text(md: &str) -> String {
    markdown(md).text
}

/// [`markdown_text`] with the map back to `md`'s bytes. `md` may be the file as it is: a
/// UTF-8 byte-order mark is skipped and `\r\n` or `\r` end lines (the text has `\n` only), so
/// the map gives offsets into the file itself.
pub fn markdown(md: &str) -> Converted {
    let base = md.as_ptr() as usize;
    let mut all: Vec<&str> = Vec::new();
    let mut rest = md.strip_prefix('\u{feff}').unwrap_or(md);
    while !rest.is_empty() {
        let end = rest.bytes().position(|b| b == b'\n' || b == b'\r').unwrap_or(rest.len());
        all.push(&rest[..end]);
        let skip = if rest[end..].starts_with("\r\n") { 2 } else { 1 };
        rest = rest.get(end + skip..).unwrap_or("");
    }
    // Front matter: from a first line `---` (or `+++`) to the next such line (YAML may end with `...`).
    let mut start = 0;
    if let Some(&fence @ ("---" | "+++")) = all.first().map(|l| l.trim_end()).as_ref() {
        let end = all[1..].iter().position(|l| {
            let l = l.trim_end();
            l == fence || (fence == "---" && l == "...")
        });
        if let Some(end) = end {
            start = end + 2;
        }
    }
    let mut out = Converted::default();
    let mut previous_blank = true;
    for line in &all[start..] {
        let t = line.trim();
        let rule = t.len() >= 3
            && t.chars().all(|c| c == t.chars().next().unwrap_or(' ') || c == ' ')
            && matches!(t.chars().next(), Some('-' | '*' | '_' | '='));
        let definition = t.starts_with('[') && t.contains("]:") && !t.contains("](");
        if t.starts_with("```") || t.starts_with("~~~") || definition || rule {
            // A setext underline or a rule ends the line above, like a blank line would.
            if rule && !previous_blank {
                out.text.push('\n');
                previous_blank = true;
            }
            continue;
        }
        let mut body = t;
        while let Some(rest) = body.strip_prefix('>') {
            body = rest.trim_start();
        }
        let hashes = body.len() - body.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && body[hashes..].starts_with([' ', '\t']) {
            body = body[hashes..].trim().trim_end_matches('#').trim_end();
        }
        for bullet in ["- ", "* ", "+ "] {
            if let Some(rest) = body.strip_prefix(bullet) {
                body = rest;
            }
        }
        let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && body[digits..].starts_with(". ") {
            body = &body[digits + 2..];
        }
        if body.is_empty() {
            if !previous_blank {
                out.text.push('\n');
            }
            previous_blank = true;
            continue;
        }
        if !out.text.is_empty() && !out.text.ends_with('\n') {
            out.text.push('\n');
        }
        if previous_blank && !out.text.is_empty() {
            out.text.push('\n');
        }
        markdown_inline(body, body.as_ptr() as usize - base, &mut out);
        previous_blank = false;
    }
    let len = out.text.trim_end().len();
    out.text.truncate(len);
    out.runs.retain(|r| r.0 < len);
    if let Some(r) = out.runs.last_mut() {
        r.2 = r.2.min(len - r.0);
    }
    out
}

/// Links inside link text deeper than this are text: a line of `[` stays linear.
const MAX_LINK_DEPTH: u8 = 4;

/// One line's inline Markdown, as text; `at`: the line's offset in the original.
fn markdown_inline(line: &str, at: usize, out: &mut Converted) {
    inline_at_depth(line, at, out, 0);
}

fn inline_at_depth(line: &str, at: usize, out: &mut Converted, depth: u8) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let word = |i: usize| ch(i).is_some_and(|c| c.is_alphanumeric());
    // The next `]`, `)` and `>` at or after each character, found in one pass from the end, so
    // that each look-ahead is a lookup (a scan per `[` would be quadratic on a line of them).
    let mut next = vec![[u32::MAX; 3]; chars.len() + 1];
    for k in (0..chars.len()).rev() {
        next[k] = next[k + 1];
        if let Some(slot) = [']', ')', '>'].iter().position(|&x| x == chars[k].1) {
            next[k][slot] = k as u32;
        }
    }
    let find = |from: usize, c: char| {
        let slot = [']', ')', '>'].iter().position(|&x| x == c)?;
        next.get(from).map(|n| n[slot]).filter(|&k| k != u32::MAX).map(|k| k as usize)
    };
    let mut i = 0;
    while i < chars.len() {
        let (o, c) = chars[i];
        let mut copy = true;
        match c {
            '\\' if ch(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                i += 1;
                out.push(chars[i].1, at + chars[i].0);
                copy = false;
            }
            // `![alt](url)` and `[text](url)` / `[text][ref]`: the text.
            '!' if ch(i + 1) == Some('[') => copy = false,
            '[' if depth < MAX_LINK_DEPTH => {
                if let Some(close) = find(i + 1, ']') {
                    let target = match ch(close + 1) {
                        Some('(') => find(close + 1, ')'),
                        Some('[') => find(close + 1, ']'),
                        _ => None,
                    };
                    if let Some(end) = target {
                        let from = chars[i + 1].0;
                        inline_at_depth(&line[from..chars[close].0], at + from, out, depth + 1);
                        i = end;
                        copy = false;
                    }
                }
            }
            '`' => copy = false,
            // A lone `*` between spaces is a times sign, not emphasis.
            '*' => copy = i > 0 && ch(i - 1) == Some(' ') && ch(i + 1) == Some(' '),
            '_' => copy = i > 0 && word(i - 1) && word(i + 1),
            '~' if ch(i + 1) == Some('~') => {
                i += 1;
                copy = false;
            }
            '<' if line[o..].starts_with("<http") => {
                if let Some(end) = find(i + 1, '>') {
                    for &(p, c) in &chars[i + 1..end] {
                        out.push(c, at + p);
                    }
                    i = end;
                    copy = false;
                }
            }
            _ => {}
        }
        if copy {
            out.push(c, at + o);
        }
        i += 1;
    }
}

/// A file's name and its text, ready to load.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The file name.
    pub name: String,
    /// The text (the main text for HTML).
    pub text: String,
    /// For Markdown: the file's text as saved, which [`markdown`] maps the text back to.
    pub markdown: Option<String>,
}

/// Reads a picked or dropped file: size check first, then strict UTF-8, then HTML extraction.
pub async fn read_file(file: web_sys::File) -> Result<Loaded, InputError> {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge { bytes: size });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| InputError::Read(e.as_string().unwrap_or_else(|| "unknown error".to_string())))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let mut text = decode(&bytes)?;
    let mime = file.type_();
    let mut markdown = None;
    if is_html(&name, &mime) {
        text = html_main_text(&text)?;
    } else if is_markdown(&name, &mime) {
        // Converted from the file as saved (valid UTF-8: `decode` checked it), so that the map gives
        // offsets in the file itself, byte-order mark and `\r\n` included.
        let md = std::str::from_utf8(&bytes).unwrap_or_default().to_string();
        text = self::markdown(&md).text;
        markdown = Some(md);
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Loaded { name, text, markdown })
}

/// Elements never part of an article's text.
const DROP_ALWAYS: &str = "script, style, noscript, template, iframe, object, embed, svg, canvas, \
                           form, nav, aside, button, select, textarea, input, dialog, menu, \
                           [hidden], [aria-hidden=true], [role=navigation], [role=complementary]";
/// Page chrome, dropped when the text is taken from the whole page.
const DROP_CHROME: &str = "header, footer, [role=banner], [role=contentinfo]";
/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "ADDRESS",
    "ARTICLE",
    "BLOCKQUOTE",
    "CAPTION",
    "DD",
    "DETAILS",
    "DIV",
    "DL",
    "DT",
    "FIGCAPTION",
    "FIGURE",
    "FOOTER",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "HEADER",
    "HR",
    "LI",
    "MAIN",
    "OL",
    "P",
    "PRE",
    "SECTION",
    "SUMMARY",
    "TABLE",
    "TR",
    "UL",
];

/// Elements whose whole content is dropped before parsing (raw text, never article text).
const RAW_DROP: &[&str] = &["script", "style", "noscript", "template", "iframe", "noembed", "noframes", "xmp"];
/// Attributes kept (the extraction's selectors use them); every other attribute is dropped.
const KEEP_ATTRS: &[&str] = &["role", "hidden", "aria-hidden"];

/// Rewrites HTML so that parsing it cannot even *try* to run or style anything: drops
/// comments, doctype and processing instructions, the contents of `<script>`, `<style>` and
/// other raw-text elements, and every attribute except [`KEEP_ATTRS`] (so no `on…=` handler,
/// `style=`, `src=` or `href=` survives). Text and character references are left as they are
/// for `DOMParser` to decode.
///
/// `DOMParser` never runs scripts, but Chromium still checks the page's Content-Security-Policy
/// (and reports violations) for inline handlers and styles of the parsed document; defusing
/// first keeps the page free of such reports and makes the parse cheaper.
pub fn defuse_html(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while let Some(rel) = html[i..].find('<') {
        let lt = i + rel;
        out.push_str(&html[i..lt]);
        let rest = &html[lt..];
        let skip_to = |pat: &str, from: usize| rest[from..].find(pat).map_or(html.len(), |e| lt + from + e + pat.len());
        if rest.starts_with("<!--") {
            i = skip_to("-->", 4);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = skip_to(">", 1);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_at = if closing { 2 } else { 1 };
        let name_len = rest.as_bytes()[name_at.min(rest.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[lt + name_at].is_ascii_alphabetic() {
            out.push_str("&lt;");
            i = lt + 1;
            continue;
        }
        let name = rest[name_at..name_at + name_len].to_ascii_lowercase();
        // The end of the tag, outside quoted attribute values.
        let mut j = name_at + name_len;
        let mut quote = None;
        while j < rest.len() {
            let b = rest.as_bytes()[j];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if b == b'>' => break,
                None => {}
            }
            j += 1;
        }
        let attrs = &rest[name_at + name_len..j.min(rest.len())];
        let end = (lt + j + 1).min(html.len());
        if !closing && RAW_DROP.contains(&name.as_str()) {
            i = match find_ascii_ci(&html[end..], &format!("</{name}")) {
                Some(k) => html[end + k..].find('>').map_or(html.len(), |g| end + k + g + 1),
                None => html.len(),
            };
            continue;
        }
        out.push('<');
        if closing {
            out.push('/');
        }
        out.push_str(&name);
        if !closing {
            for (key, value) in attributes(attrs) {
                if KEEP_ATTRS.contains(&key.as_str()) {
                    let value: String =
                        value.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ' ').collect();
                    out.push_str(&format!(" {key}=\"{value}\""));
                }
            }
        }
        out.push('>');
        i = end;
    }
    out.push_str(&html[i..]);
    out
}

/// The first position of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&k| h[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// The (lower-cased name, raw value) pairs of a tag's attribute text.
fn attributes(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        while k < b.len() && (b[k].is_ascii_whitespace() || b[k] == b'/') {
            k += 1;
        }
        let start = k;
        while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'=' && b[k] != b'/' {
            k += 1;
        }
        if start == k {
            k += 1;
            continue;
        }
        let key = s[start..k].to_ascii_lowercase();
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        let mut value = String::new();
        if k < b.len() && b[k] == b'=' {
            k += 1;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            if k < b.len() && (b[k] == b'"' || b[k] == b'\'') {
                let q = b[k];
                let v0 = k + 1;
                k = v0 + b[v0..].iter().position(|&c| c == q).unwrap_or(b.len() - v0);
                value = s[v0..k].to_string();
                k += 1;
            } else {
                let v0 = k;
                while k < b.len() && !b[k].is_ascii_whitespace() {
                    k += 1;
                }
                value = s[v0..k].to_string();
            }
        }
        out.push((key, value));
    }
    out
}

/// The main text of an HTML document, via the browser's `DOMParser`.
///
/// The HTML is first defused ([`defuse_html`]). Then this drops styles, navigation, asides,
/// forms and the like; takes the longest
/// `<article>`, else `<main>` (or `[role=main]`), else the `<body>` without its header and
/// footer; then writes one paragraph per block element.
pub fn html_main_text(html: &str) -> Result<String, InputError> {
    let read_err =
        |e: wasm_bindgen::JsValue| InputError::Read(e.as_string().unwrap_or_else(|| "cannot parse HTML".to_string()));
    let parser = web_sys::DomParser::new().map_err(read_err)?;
    let safe = defuse_html(html);
    let doc = parser.parse_from_string(&safe, web_sys::SupportedType::TextHtml).map_err(read_err)?;
    remove_all(&doc, DROP_ALWAYS);

    let longest = |selector: &str| -> Option<web_sys::Element> {
        let list = doc.query_selector_all(selector).ok()?;
        (0..list.length())
            .filter_map(|i| list.get(i)?.dyn_into::<web_sys::Element>().ok())
            .max_by_key(|e| e.text_content().map(|t| t.trim().len()).unwrap_or(0))
            .filter(|e| e.text_content().is_some_and(|t| !t.trim().is_empty()))
    };
    let root = match longest("article").or_else(|| longest("main, [role=main]")) {
        Some(r) => r,
        None => {
            remove_all(&doc, DROP_CHROME);
            match doc.body() {
                Some(b) => b.into(),
                None => return Err(InputError::NoHtmlText),
            }
        }
    };
    let text = block_text(&root);
    if text.trim().is_empty() {
        Err(InputError::NoHtmlText)
    } else {
        Ok(text)
    }
}

fn remove_all(doc: &web_sys::Document, selector: &str) {
    if let Ok(list) = doc.query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(el) = list.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                el.remove();
            }
        }
    }
}

/// Appends `t` with its white-space runs collapsed to single spaces.
fn push_collapsed(current: &mut String, t: &str) {
    let at_break = |c: &String| c.is_empty() || c.ends_with([' ', '\n']);
    if t.starts_with(char::is_whitespace) && !at_break(current) {
        current.push(' ');
    }
    for (i, word) in t.split_whitespace().enumerate() {
        if i > 0 {
            current.push(' ');
        }
        current.push_str(word);
    }
    if t.ends_with(char::is_whitespace) && !at_break(current) {
        current.push(' ');
    }
}

/// Text of `root` with a paragraph break around every block element and a line break for
/// `<br>`; runs of white space collapse to one space. Iterative, so deep nesting cannot
/// overflow the stack.
fn block_text(root: &web_sys::Element) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let lines: Vec<&str> = current.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
        if !lines.is_empty() {
            paragraphs.push(lines.join("\n"));
        }
        current.clear();
    };
    // (node, entering): a block element is visited twice, to break before and after it.
    let mut stack: Vec<(web_sys::Node, bool)> = vec![(root.clone().into(), true)];
    while let Some((node, entering)) = stack.pop() {
        match node.node_type() {
            web_sys::Node::TEXT_NODE => {
                if let Some(t) = node.node_value() {
                    push_collapsed(&mut current, &t);
                }
            }
            web_sys::Node::ELEMENT_NODE => {
                let name = node.node_name().to_ascii_uppercase();
                let block = BLOCKS.contains(&name.as_str());
                if !entering {
                    flush(&mut current, &mut paragraphs);
                    continue;
                }
                if name == "BR" {
                    current.push('\n');
                    continue;
                }
                if name == "TD" || name == "TH" {
                    current.push(' ');
                }
                if block {
                    flush(&mut current, &mut paragraphs);
                    stack.push((node.clone(), false));
                }
                let children = node.child_nodes();
                for i in (0..children.length()).rev() {
                    if let Some(child) = children.get(i) {
                        stack.push((child, true));
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_accepts_utf8_and_refuses_the_rest() {
        assert_eq!(decode("héllo\r\nworld".as_bytes()).unwrap(), "héllo\nworld");
        assert_eq!(decode(b"\xEF\xBB\xBFbom").unwrap(), "bom");
        assert_eq!(decode(b"a\0b"), Err(InputError::Binary));
        assert_eq!(decode(b"\xFF\xFEa\0"), Err(InputError::Utf16));
        match decode(b"caf\xE9 au lait") {
            Err(InputError::NotUtf8 { at, bytes }) => {
                assert_eq!(at, 3);
                assert_eq!(decode_lossy(&bytes), "caf\u{FFFD} au lait");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn defused_html_keeps_text_and_structure_only() {
        let html = "<!DOCTYPE html><!-- c --><HTML><head><STYLE>p{color:red}</style>\
                    <script type=\"x\">if (a < b) { alert('</p>') }</SCRIPT></head>\
                    <body onload='x()'><main role=\"main\" class=a><p style=\"x\" title='a > b'>1 &lt; 2 &amp; 3</p>\
                    <img src=x onerror=alert(1)><a href=\"javascript:x\">link</a> a < b <br/>\
                    <div hidden aria-hidden=\"true\">h</div></main></body></html>";
        assert_eq!(
            defuse_html(html),
            "<html><head></head><body><main role=\"main\"><p>1 &lt; 2 &amp; 3</p><img><a>link</a> a &lt; b <br>\
             <div hidden=\"\" aria-hidden=\"true\">h</div></main></body></html>"
        );
        assert_eq!(defuse_html("<script>never closed"), "");
        assert_eq!(defuse_html("text <"), "text &lt;");
        assert_eq!(defuse_html("<p unterminated"), "<p>");
    }

    #[test]
    fn sizes_and_html_detection() {
        assert_eq!(human_size(812), "812 bytes");
        assert_eq!(human_size(MAX_INPUT_BYTES), "10 MB");
        assert_eq!(human_size(20 * 1024 * 1024 + 100_000), "20.1 MB");
        assert_eq!(human_size(2970), "2.9 KB");
        assert_eq!(human_size(1024), "1.0 KB");
        assert_eq!(human_size(1023 * 1024 + 1000), "1024.0 KB");
        assert!(is_html("Story.HTML", ""));
        assert!(is_html("x", "text/html; charset=utf-8"));
        assert!(!is_html("notes.md", "text/markdown"));
        assert!(
            is_markdown("notes.MD", "") && is_markdown("x", "text/markdown") && !is_markdown("a.txt", "text/plain")
        );
    }

    #[test]
    fn markdown_is_read_as_its_text() {
        let md = "---\ntitle: \"Talks stall\"\nauthor: me\n---\n\n# Talks *stall* #\n\n\
                  > “We will **not** negotiate,” [Anna Berg](https://x.test/a \"t\") said.\n\n\
                  * She added that `talks` could ~~never~~ resume.\n1. snake_case and 2 * 3 stay; \\*escaped\\*.\n\n\
                  ---\n\nSetext heading\n==============\n![a photo](p.png) and [ref link][1] <https://x.test>\n\n\
                  [1]: https://x.test/ref\n```\ncode line\n```\n";
        assert_eq!(
            markdown_text(md),
            "Talks stall\n\n“We will not negotiate,” Anna Berg said.\n\n\
             She added that talks could never resume.\nsnake_case and 2 * 3 stay; *escaped*.\n\n\
             Setext heading\n\na photo and ref link https://x.test\n\ncode line"
        );
        // No front matter: nothing is dropped; an unclosed one is text.
        assert_eq!(markdown_text("Plain *text*."), "Plain text.");
        assert_eq!(markdown_text("---\nnot closed"), "not closed");
    }

    /// Checks a conversion's map against its original: every run is copied verbatim, on char
    /// boundaries, sorted and disjoint; every copied byte maps to the same bytes; spans made of
    /// whole copied words map to the same words.
    fn check_map(md: &str) -> Converted {
        let c = markdown(md);
        let (text, runs) = (&c.text, &c.runs);
        let mut last = (0, 0);
        for &(out, src, len) in runs {
            assert!(len > 0 && out >= last.0 && src >= last.1, "{md:?}: {runs:?}");
            assert_eq!(text.get(out..out + len), md.get(src..src + len), "{md:?}: run {out} {src} {len}");
            for i in out..out + len {
                assert_eq!(c.start(i), src + i - out);
                assert!(md.as_bytes()[c.start(i)..].starts_with(&text.as_bytes()[i..out + len]));
            }
            assert_eq!(c.end(out + len), src + len);
            last = (out + len, src + len);
        }
        // Every word of the text: its span maps to the same word when copied whole.
        let mut at = 0;
        for word in text.split([' ', '\n']) {
            let (s, e) = (at, at + word.len());
            at = e + 1;
            let copied = runs.iter().any(|&(out, _, len)| out <= s && e <= out + len);
            if copied && !word.is_empty() {
                assert_eq!(&md[c.start(s)..c.end(e)], word, "{md:?}");
            }
            // Never out of bounds, never reversed, for any span.
            assert!(c.start(s) <= md.len() && c.end(e) <= md.len());
            assert!(c.start(s) <= c.end(e) || s == e, "{md:?} {word:?}");
        }
        assert_eq!(c.start(text.len()), c.end(text.len()));
        c
    }

    #[test]
    fn markdown_spans_map_back_to_the_file() {
        let md = "---\ntitle: \"Talks\"\n---\n\n## Talks *stall* ##\n\n> “We will **not** negotiate,” \
                  [Anna _Berg_](https://x.test/a) said.\n\n- She added that `talks` could ~~never~~ resume.\n";
        let c = check_map(md);
        assert_eq!(
            c.text,
            "Talks stall\n\n“We will not negotiate,” Anna Berg said.\n\nShe added that talks could never resume."
        );
        let span = |w: &str| {
            let s = c.text.find(w).unwrap();
            &md[c.start(s)..c.end(s + w.len())]
        };
        // A span inside emphasis or a link stops at its last word, not at the closing mark.
        assert_eq!(span("not"), "not");
        assert_eq!(span("Talks stall"), "Talks *stall");
        assert_eq!(span("Anna Berg"), "Anna _Berg");
        assert_eq!(
            span("“We will not negotiate,” Anna Berg said."),
            "“We will **not** negotiate,” [Anna _Berg_](https://x.test/a) said."
        );
        assert_eq!(span("talks could never"), "talks` could ~~never");
        // Inserted line breaks map to the end of the copy before them.
        let nl = c.text.find('\n').unwrap();
        assert_eq!((c.start(nl), c.end(nl + 2)), (md.find("stall").unwrap() + 5, md.find("stall").unwrap() + 5));
        assert_eq!(span("Talks"), "Talks");
        assert_eq!(c.start(0), md.find("Talks *").unwrap());
    }

    #[test]
    fn markdown_maps_into_the_file_as_saved() {
        // A byte-order mark and Windows or old Mac line ends: the same text, offsets in the file.
        let md = "---\r\na: 1\r\n---\r\n# *Héllo*\r\n\r\nSay “hi”,\r[she](x) said.\r\n";
        let c = check_map(&format!("\u{feff}{md}"));
        assert_eq!(c.text, markdown_text(&normalize_newlines(md)));
        assert_eq!(c.text, "Héllo\n\nSay “hi”,\nshe said.");
        let crlf = format!("\u{feff}{md}");
        let s = c.text.find("she").unwrap();
        assert_eq!(&crlf[c.start(s)..c.end(s + 3)], "she");
        assert_eq!(c.start(s), crlf.find("[she").unwrap() + 1);
    }

    #[test]
    fn any_markdown_converts_and_maps_without_panicking() {
        let pieces = [
            "---", "+++", "...", "\n", "\r\n", "\r", " ", "  ", "*", "**", "_", "__", "~~", "~", "`", "```", "\\",
            "\\*", "[", "]", "(", ")", "![", "](", "][", "]:", "<", ">", "<http", "#", "## ", "- ", "* ", "1. ", "> ",
            "=", "===", "é", "😀", "“", "word", "Anna", "said", "\t", "\u{feff}",
        ];
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for _ in 0..3000 {
            let n = next() % 40;
            let md: String = (0..n).map(|_| pieces[next() as usize % pieces.len()]).collect();
            let c = check_map(&md);
            // Line ends as saved or as normalised when read: the same text.
            assert_eq!(c.text, markdown_text(&normalize_newlines(&md)), "{md:?}");
        }
        // Deep nesting, huge front matter, unclosed everything.
        check_map(&"[".repeat(2000));
        check_map(&format!("{}x](y)", "[".repeat(300)));
        // A line of 50,000 `[` (one look-up each, not a scan) and links nested 20,000 deep
        // (deeper than four is text: no recursion that deep).
        check_map(&"[".repeat(50_000));
        let nested = format!("{}x{}", "[".repeat(20_000), "](y)".repeat(20_000));
        assert!(check_map(&nested).text.contains('x'));
        check_map(&format!("---\n{}---\ntext", "key: value\n".repeat(50_000)));
        check_map(&format!("---\n{}", "key: value\n".repeat(1000)));
        check_map("**unclosed _emphasis ~~and `code [link](");
    }
}
