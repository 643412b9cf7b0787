//! Stages 1 and 3: tokens and paragraphs (1), sentences (3).
//!
//! Tokens are words (letters and digits with inner apostrophes, hyphens and abbreviation dots:
//! `don't`, `high-ranking`, `U.S.`), quote marks, and single punctuation characters; white space
//! is not a token. A paragraph is a run of non-blank lines ended by a line break; a sentence ends
//! at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) followed by white
//! space and something that can start a sentence, unless the word before the dot is a known
//! abbreviation ("Mr.", "Sen.", "U.S."). Sentence ends inside a paired quotation are removed later
//! (see [`super::quotes`]), so a quote is never split between sentences.

use super::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters/digits (with inner `'`, `-`, `.`, `&`).
    Word,
    /// A quote mark; which way it faces is decided by [`super::quotes`].
    Quote,
    /// Any other single character that is neither a letter, a digit nor white space.
    Punct,
}

/// One token: a span and a kind, plus cheap flags about its first letter.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokKind,
    /// First character is an upper-case letter.
    pub cap: bool,
    /// First character is a character (`"`, `“`, `‘`, `'`, `«`, …) for quote marks, the char itself.
    pub ch: char,
}

/// A paragraph: a span and its token range.
#[derive(Clone, Copy, Debug)]
pub struct Paragraph {
    /// Where it is (without the line break).
    pub span: Span,
    /// First token index.
    pub tok_start: usize,
    /// One past the last token index.
    pub tok_end: usize,
}

/// A sentence: a span, its token range, and its paragraph.
#[derive(Clone, Copy, Debug)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// First token index.
    pub tok_start: usize,
    /// One past the last token index.
    pub tok_end: usize,
    /// Index of its paragraph.
    pub para: usize,
}

/// True for characters treated as quote marks.
pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '\'' | '‚' | '‹' | '›' | '″')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character starting at byte `i` (ASCII without decoding), if `i` is in bounds.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(b as char)
    } else {
        text.get(i..)?.chars().next()
    }
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() || c.is_control() {
            i += c.len_utf8();
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            // Extend over word characters and inner joiners followed by a word character.
            while let Some(d) = char_at(text, end) {
                if is_word_char(d) {
                    end += d.len_utf8();
                    continue;
                }
                // A thousands separator: "1,200", "90,000,000" (a comma then exactly three digits).
                let digit = |k: usize| matches!(bytes.get(k), Some(b'0'..=b'9'));
                if d == ',' && digit(end - 1) && digit(end + 1) && digit(end + 2) && digit(end + 3) && !digit(end + 4) {
                    end += 4;
                    continue;
                }
                if !matches!(d, '\'' | '’' | '-' | '‐' | '.' | '&') {
                    break;
                }
                match char_at(text, end + d.len_utf8()) {
                    Some(e) if is_word_char(e) => {
                        // "U.S" + ".": handled below; "don't", "high-ranking", "AT&T".
                        // "end.Next" glued words: only join single letters ("e.g").
                        if d == '.' && !bytes[i].is_ascii_uppercase() && !text[i..end].contains('.') && end - i > 1 {
                            break;
                        }
                        end += d.len_utf8() + e.len_utf8();
                    }
                    _ => break,
                }
            }
            // Abbreviation dot: "U.S." / "D.C." (a word already holding dots), or single capital "J."
            let word = &text[i..end];
            if bytes.get(end) == Some(&b'.') {
                let single_cap = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
                let title = word.as_bytes()[0].is_ascii_uppercase() && is_title_abbreviation(word);
                if word.contains('.') || single_cap || title {
                    end += 1;
                }
            }
            // "He’s", "they're", "I’ve": the pronoun and its auxiliary are two words, so that the
            // pronoun can be a source ("He’s not saying …") and the auxiliary part of the cue.
            if let Some(apos) = pronoun_contraction(word) {
                let (a, b) = (Span::new(i, i + apos), Span::new(i + apos, end));
                tokens.push(Token { span: a, kind: TokKind::Word, cap: c.is_uppercase(), ch: c });
                let ch = word[apos..].chars().next().unwrap_or('\'');
                tokens.push(Token { span: b, kind: TokKind::Word, cap: false, ch });
                i = end;
                continue;
            }
            tokens.push(Token { span: Span::new(i, end), kind: TokKind::Word, cap: c.is_uppercase(), ch: c });
            i = end;
            continue;
        }
        // Two apostrophes (or backticks) stand for a double quote mark: ''…''.
        if (c == '\'' || c == '`') && bytes.get(i + 1) == Some(&(c as u8)) {
            tokens.push(Token { span: Span::new(i, i + 2), kind: TokKind::Quote, cap: false, ch: '"' });
            i += 2;
            continue;
        }
        let kind = if is_quote_char(c) { TokKind::Quote } else { TokKind::Punct };
        // "..." as one token.
        let mut end = i + c.len_utf8();
        if c == '.' {
            while bytes.get(end) == Some(&b'.') {
                end += 1;
            }
        }
        let ch = if c == '.' && end - i > 1 { '…' } else { c };
        tokens.push(Token { span: Span::new(i, end), kind, cap: false, ch });
        i = end;
    }
    tokens
}

/// Where the apostrophe of a personal pronoun's contraction stands ("He’s" → 2, "they're" → 4),
/// if `word` is one: a pronoun, `'` or `’`, then `s`, `re`, `ve`, `d`, `ll` or `m`.
fn pronoun_contraction(word: &str) -> Option<usize> {
    // At most "there’ll": 10 bytes; most words are longer or hold no apostrophe.
    if word.len() > 10 {
        return None;
    }
    let apos = word.bytes().position(|b| b == b'\'' || b == 0xE2)?;
    let (pronoun, rest) = word.split_at(apos);
    let clitic = rest.trim_start_matches(['\'', '’']);
    let pronoun_ok = ["he", "she", "it", "they", "we", "i", "you", "who", "that", "there"]
        .iter()
        .any(|p| pronoun.eq_ignore_ascii_case(p));
    let clitic_ok = ["s", "re", "ve", "d", "ll", "m"].iter().any(|c| clitic.eq_ignore_ascii_case(c));
    (pronoun_ok && clitic_ok).then_some(apos)
}

/// Split into paragraphs (non-empty lines; a line break ends a paragraph).
pub fn paragraphs(text: &str, tokens: &[Token]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut t = 0usize;
    let bytes = text.as_bytes();
    let mut push = |s: usize, e: usize, t: &mut usize| {
        let span = Span::new(s, e).trim(text);
        if span.is_empty() {
            return;
        }
        let tok_start = *t;
        while *t < tokens.len() && tokens[*t].span.start < span.end {
            *t += 1;
        }
        out.push(Paragraph { span, tok_start, tok_end: *t });
    };
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            push(start, i, &mut t);
            start = i + 1;
        }
    }
    push(start, text.len(), &mut t);
    out
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "st", "jr", "sr", "rev", "hon", "pres", "supt", "atty", "no", "vs", "v", "etc", "inc", "corp", "co", "ltd", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "dept", "univ",
    "approx", "est", "fig", "al", "e.g", "i.e",
];

/// Abbreviated titles that precede a name: their dot belongs to the word ("Rep.", "Gen.").
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj",
    "St", "Jr", "Sr", "Rev", "Hon", "Pres", "Supt", "Atty", "Mt", "Ft", "Lt.Gov",
];

fn is_title_abbreviation(word: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(&word)
}

fn is_abbreviation(word: &str) -> bool {
    if word.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 6];
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
    ABBREVIATIONS.contains(&lower)
}

/// Split each paragraph into sentences.
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        let mut s_tok = para.tok_start;
        let mut t = para.tok_start;
        while t < para.tok_end {
            let tok = tokens[t];
            let mut boundary = false;
            let mut end_tok = t + 1;
            let is_terminal = tok.kind == TokKind::Punct && matches!(tok.ch, '.' | '!' | '?' | '…');
            // "U.S." at the end of a sentence: word with a final dot followed by a capital word
            // is ambiguous; treat as a boundary only if the next token is a capitalised non-name-like
            // word starting a new clause, i.e. we leave it to abbreviation handling (no boundary).
            if is_terminal {
                // Absorb closing quotes / brackets right after.
                while end_tok < para.tok_end {
                    let n = tokens[end_tok];
                    let adjacent = n.span.start == tokens[end_tok - 1].span.end;
                    if adjacent && (n.kind == TokKind::Quote || matches!(n.ch, ')' | ']')) {
                        end_tok += 1;
                    } else {
                        break;
                    }
                }
                boundary = if end_tok >= para.tok_end {
                    true
                } else {
                    let next = tokens[end_tok];
                    let spaced = next.span.start > tokens[end_tok - 1].span.end;
                    let starts = next.cap
                        || next.kind == TokKind::Quote
                        || next.ch.is_ascii_digit()
                        || matches!(next.ch, '(' | '[' | '—' | '-' | '<');
                    let prev_word = if t > para.tok_start && tokens[t - 1].kind == TokKind::Word {
                        Some(tokens[t - 1].span.text(text))
                    } else {
                        None
                    };
                    let abbrev = tok.ch == '.'
                        && prev_word.is_some_and(|w| is_abbreviation(w) && tokens[t - 1].span.end == tok.span.start);
                    spaced && starts && !abbrev
                };
            }
            if boundary {
                let span = Span::new(tokens[s_tok].span.start, tokens[end_tok - 1].span.end);
                out.push(Sentence { span, tok_start: s_tok, tok_end: end_tok, para: p });
                s_tok = end_tok;
                t = end_tok;
            } else {
                t += 1;
            }
        }
        if s_tok < para.tok_end {
            let span = Span::new(tokens[s_tok].span.start, tokens[para.tok_end - 1].span.end);
            out.push(Sentence { span, tok_start: s_tok, tok_end: para.tok_end, para: p });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn tokens_keep_inner_joiners_and_abbreviations() {
        assert_eq!(
            words("The U.S. official’s high-ranking “don't” ... end."),
            ["The", "U.S.", "official’s", "high-ranking", "“", "don't", "”", "...", "end", "."]
        );
    }

    #[test]
    fn a_thousands_separator_is_inside_the_number() {
        assert_eq!(
            words("In a survey of 1,200 adults, 90,000,000 voters, 3,45 or 1,2345 and 12, 000."),
            [
                "In",
                "a",
                "survey",
                "of",
                "1,200",
                "adults",
                ",",
                "90,000,000",
                "voters",
                ",",
                "3",
                ",",
                "45",
                "or",
                "1",
                ",",
                "2345",
                "and",
                "12",
                ",",
                "000",
                "."
            ]
        );
    }

    #[test]
    fn a_pronoun_and_its_contracted_auxiliary_are_two_words() {
        assert_eq!(
            words("He’s sure they're right; Trump’s aide won't."),
            ["He", "’s", "sure", "they", "'re", "right", ";", "Trump’s", "aide", "won't", "."]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let text = "Mr. Smith said so. “It is over.” She left!\nNew para";
        let toks = tokenize(text);
        let paras = paragraphs(text, &toks);
        let sents = sentences(text, &toks, &paras);
        let got: Vec<&str> = sents.iter().map(|s| s.span.text(text)).collect();
        assert_eq!(got, ["Mr. Smith said so.", "“It is over.”", "She left!", "New para"]);
    }
}
