//! The tense around a temporal expression, for anchoring "Friday" or "in
//! May" to the past or the future of the document date.
//!
//! No tagger is used: the nearest tense cue in the same sentence decides,
//! with a bias to the left of the expression (the governing verb usually
//! precedes it in English: "said Friday", "will meet on Friday"); a cue on
//! the right wins only when clearly nearer ("On Friday, the court ruled"). Future cues are modal and
//! planning words ("will", "'ll", "expected", "scheduled", "until"); past
//! cues are "-ed" verbs and irregular past forms ("said", "was", "met").

use super::lexicon::{FUTURE_BEFORE_TO, FUTURE_CUES, NOT_PAST_ED, PAST_CUES};
use super::token::{Kind, Token};

/// The tense of a sentence around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Past-tense reporting: anchor backwards.
    Past,
    /// Future or modal: anchor forwards.
    Future,
    /// No cue found.
    Unknown,
}

/// How far to look for a cue, in tokens.
const WINDOW: usize = 14;

/// How many tokens nearer a right cue must be to win over a left one.
const LEFT_BIAS: usize = 3;

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "st", "jr", "sr", "no", "co", "corp",
    "inc", "ltd", "lt", "col", "capt", "sgt", "prof", "vs", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "maj", "adm", "cmdr",
];

/// True when token `i` ends a sentence.
fn ends_sentence(toks: &[Token<'_>], i: usize) -> bool {
    let t = &toks[i];
    if t.kind != Kind::Punct {
        return false;
    }
    match t.text {
        "!" | "?" | ";" => true,
        "." => !(i > 0 && toks[i - 1].kind == Kind::Word && toks[i - 1].is_any(ABBREVIATIONS)),
        _ => false,
    }
}

/// The tense cue of one token, if it is one.
fn cue(toks: &[Token<'_>], i: usize) -> Option<Tense> {
    let t = &toks[i];
    if t.kind != Kind::Word {
        return None;
    }
    if t.is_any(FUTURE_CUES) {
        return Some(Tense::Future);
    }
    // "as early as Tuesday", "as soon as"
    if t.is("early") && i > 0 && toks[i - 1].is("as") {
        return Some(Tense::Future);
    }
    if t.is_any(FUTURE_BEFORE_TO) {
        if toks.get(i + 1).is_some_and(|n| n.is_any(&["to", "for"])) {
            return Some(Tense::Future);
        }
        return None;
    }
    // A participle after a form of "be" is passive, not past ("will be
    // held", "will be returned", "is expected").
    let passive =
        i > 0 && toks[i - 1].is_any(&["be", "been", "being", "is", "are", "am", "get", "gets"]);
    if t.is_any(PAST_CUES) && !passive {
        return Some(Tense::Past);
    }
    let lower = t.text.len() >= 5 && t.lowercase() && t.text.ends_with("ed");
    if lower && !t.is_any(NOT_PAST_ED) && !passive {
        return Some(Tense::Past);
    }
    None
}

/// True for a double quotation mark: the quoted clause and the words
/// around it ("“We expect a deal by March,” the statement said") have
/// tenses of their own.
fn is_quote_mark(t: &Token<'_>) -> bool {
    matches!(t.text, "\"" | "“" | "”" | "«" | "»")
}

/// The tense for an expression covering tokens `start..end`.
pub fn around(toks: &[Token<'_>], start: usize, end: usize) -> Tense {
    // Left, nearest first, within the sentence.
    let mut left = None;
    let mut i = start;
    let mut seen = 0;
    while i > 0 && seen < WINDOW {
        i -= 1;
        if ends_sentence(toks, i) || toks[i + 1].paragraph_before || is_quote_mark(&toks[i]) {
            break;
        }
        if let Some(t) = cue(toks, i) {
            left = Some((seen, t));
            break;
        }
        seen += 1;
    }
    // Right.
    let mut right = None;
    let mut j = end;
    seen = 0;
    while j < toks.len() && seen < WINDOW {
        if ends_sentence(toks, j) || toks[j].paragraph_before || is_quote_mark(&toks[j]) {
            break;
        }
        if let Some(t) = cue(toks, j) {
            right = Some((seen, t));
            break;
        }
        j += 1;
        seen += 1;
    }
    match (left, right) {
        (Some((dl, l)), Some((dr, r))) => {
            if dl <= dr + LEFT_BIAS {
                l
            } else {
                r
            }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        (None, None) => Tense::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn tense_of(text: &str, word: &str) -> Tense {
        let toks = tokenize(text);
        let i = toks.iter().position(|t| t.text == word).unwrap_or(0);
        around(&toks, i, i + 1)
    }

    #[test]
    fn cues() {
        assert_eq!(tense_of("He said on Friday that", "Friday"), Tense::Past);
        assert_eq!(
            tense_of("He will leave on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Officials said he will leave on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("On Friday, the court ruled.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("He left. On Friday there is a vote", "Friday"),
            Tense::Unknown
        );
        assert_eq!(
            tense_of("The talks are set to resume Friday", "Friday"),
            Tense::Future
        );
    }
}
