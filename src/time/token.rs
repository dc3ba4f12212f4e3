//! A small tokenizer for the temporal grammar.
//!
//! Words (letters, with internal periods kept for abbreviations such as
//! "a.m." and "U.S."), digit runs and single punctuation characters, each
//! with its byte span. Whitespace is skipped but remembered: a token knows
//! whether a blank line (paragraph break) precedes it, so an expression may
//! continue over a single line break but never over a paragraph.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and internal periods: `a.m.`, `U.S.`).
    Word,
    /// ASCII digits.
    Number,
    /// One other non-space character.
    Punct,
}

/// One token of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The token's text.
    pub text: &'t str,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// True when whitespace separates it from the previous token.
    pub space_before: bool,
    /// True when a blank line (two or more line breaks) precedes it.
    pub paragraph_before: bool,
}

impl Token<'_> {
    /// Case-insensitive comparison with an ASCII word.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// True when the token is any of `words` (case-insensitive).
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    /// The token as a number, when it is a digit run.
    pub fn number(&self) -> Option<u32> {
        if self.kind == Kind::Number && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// True when the token starts with an upper-case letter.
    pub fn capitalized(&self) -> bool {
        self.text.starts_with(|c: char| c.is_uppercase())
    }

    /// True when every letter of the token is lower case.
    pub fn lowercase(&self) -> bool {
        !self.text.chars().any(char::is_uppercase)
    }
}

/// Splits `text` into tokens. Linear in the text.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut newlines = 0usize;
    let mut space = false;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            space = true;
            chars.next();
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            (Kind::Number, end)
        } else if c.is_alphabetic() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if d == '.' && end > i {
                    // Keep a period inside an abbreviation ("a.m.", "U.S."):
                    // it must be followed by a letter and then a period or
                    // the end of the word ("a.m" + "." + ...).
                    let rest = &text[j + 1..];
                    let mut r = rest.chars();
                    let is_abbrev = r.next().is_some_and(char::is_alphabetic)
                        && r.next().is_none_or(|x| x == '.' || !x.is_alphabetic())
                        && end - i <= 2;
                    if !is_abbrev {
                        break;
                    }
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            // A trailing period of a dotted abbreviation ("a.m.") belongs to it.
            if text[i..end].contains('.') && text[end..].starts_with('.') {
                end += 1;
                chars.next();
            }
            (Kind::Word, end)
        } else {
            chars.next();
            (Kind::Punct, i + c.len_utf8())
        };
        out.push(Token {
            start: i,
            end,
            text: &text[i..end],
            kind,
            space_before: space,
            paragraph_before: newlines >= 2,
        });
        newlines = 0;
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_words_numbers_punctuation() {
        assert_eq!(
            texts("At 5 p.m. on Dec. 5, 2023's"),
            vec!["At", "5", "p.m.", "on", "Dec", ".", "5", ",", "2023", "'", "s"]
        );
        assert_eq!(
            texts("the U.S. and mid-1990s"),
            vec!["the", "U.S.", "and", "mid", "-", "1990", "s"]
        );
        assert_eq!(texts("10 a.m"), vec!["10", "a.m"]);
        assert_eq!(texts("Mr. Smith"), vec!["Mr", ".", "Smith"]);
    }

    #[test]
    fn paragraphs_are_marked() {
        let t = tokenize("May\n5 and\n\nMay");
        assert!(!t[1].paragraph_before);
        assert!(t[3].paragraph_before);
        assert!(t[1].space_before);
    }
}
