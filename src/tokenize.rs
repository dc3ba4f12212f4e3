//! Tokenizer and sentence splitter for raw pasted text.
//!
//! The name tagger ([`crate::ner`]) sees the text through these tokens both
//! when it is trained (CoNLL-2003 rebuilt as natural text) and when it runs,
//! so the two always agree. Tokens are byte spans into the text as given;
//! nothing is copied.
//!
//! Rules, in the spirit of the Penn Treebank / CoNLL tokenization:
//! - whitespace and control characters separate tokens;
//! - quotes of every kind (`" “ ” „ « » ‹ › ' ‘ ’` and backticks), brackets,
//!   `; ! ? …`, dashes that are not inside a word, `%` and currency signs
//!   are tokens of their own (a run of one character, like `...` or `--`,
//!   is one token);
//! - possessives and clitics are split off: `Iran's` → `Iran` `'s`,
//!   `Iran’s` → `Iran` `’s`, `don't` → `do` `n't`, `Reuters'` → `Reuters`
//!   `'`; an apostrophe inside a name stays (`O'Neill`);
//! - a final period is split off unless the word is an abbreviation: initials
//!   and dotted acronyms (`U.S.`, `J.`, `p.m.`) and a list of titles, months,
//!   company suffixes and US state abbreviations (`Mr.`, `Dec.`, `Corp.`);
//!   company suffixes and months give their period back at the end of a
//!   line, where it ends the sentence;
//! - a dollar sign after a country prefix is part of the currency: `C$`,
//!   `A$`, `HK$`, `US$` (but `$` alone and `AT$` stay apart);
//! - hyphenated words (`Sino-U.S.`, `Weston-super-Mare`) and numbers with
//!   separators (`1,250.5`, `10:30`, `1996-12-06`) are one token.
//!
//! [`sentences`] splits tokens into sentences at line breaks and after
//! `. ! ?` (with any closing quotes or brackets) before a token that can
//! start a sentence; never after an abbreviation.
//!
//! Everything is one left-to-right pass: linear in the text.

use crate::span::Span;
use std::ops::Range;

/// One token: a byte span of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is, in bytes.
    pub span: Span,
    /// True when a line break (or the start of the text) precedes the
    /// token, with nothing but whitespace between.
    pub line_start: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Characters that are always a token of their own (runs of the same one
/// are grouped).
fn is_split_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '`'
            | '´'
            | '‘'
            | '‚'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | ';'
            | '!'
            | '?'
            | '…'
            | '—'
            | '–'
            | '―'
            | '%'
            | '$'
            | '£'
            | '€'
            | '¥'
            | '|'
            | '*'
            | '='
            | '+'
            | '~'
            | '^'
            | '\\'
            | '•'
            | '·'
            | '、'
            | '。'
            | '，'
            | '！'
            | '？'
            | '：'
            | '；'
            | '（'
            | '）'
            | '「'
            | '」'
            | '『'
            | '』'
            | '¡'
            | '¿'
    )
}

/// Characters that join a word only between two word characters
/// (`AT&T`, `and/or`, `1,000`, `10:30`, `U.S`, `well-known`).
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '&' | '/' | ',' | ':' | '.' | '_' | '‐' | '‑')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// True for characters that make up words: anything but whitespace,
/// controls, apostrophes, joiners and split characters. Combining marks,
/// CJK and emoji are word characters, so no script is broken apart.
fn is_word_char(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || is_apostrophe(c)
        || is_joiner(c)
        || is_split_char(c)
        || c == '@'
        || c == '#')
}

/// Abbreviations that keep their period (compared case-sensitively, without
/// the period).
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Blvd", "Bros", "Brig", "Calif",
    "Capt", "Cdr", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Cos", "Cpl", "Dec", "Del", "Dept",
    "Dr", "Feb", "Fla", "Fr", "Ft", "Ga", "Gen", "Gov", "Hon", "Ill", "Inc", "Ind", "Jan", "Jr",
    "Jul", "Jun", "Kan", "Kans", "Ky", "La", "Lt", "Ltd", "Maj", "Mar", "Mass", "Md", "Messrs",
    "Mich", "Minn", "Mo", "Mont", "Mr", "Mrs", "Ms", "Mt", "Neb", "Nev", "Nov", "Oct", "Okla",
    "Ore", "Pa", "Penn", "Plc", "Pres", "Prof", "Pte", "Pty", "Rep", "Reps", "Rev", "Rd", "Sen",
    "Sens", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "Tenn", "Tex", "Univ", "Va", "Vt", "Wash",
    "Wis", "Wyo", "approx", "cf", "etc", "vol", "vs",
];

/// Prefixes that make a dollar sign right after them one currency token
/// (`C$`, `A$`, `HK$`, `US$`: Canadian, Australian, Hong Kong, US dollars),
/// as CoNLL-2003 tokenizes them, instead of a one-letter name and `$`.
const DOLLAR_PREFIXES: &[&str] = &["A", "C", "HK", "NT", "NZ", "R", "S", "US", "Z"];

/// Abbreviations that usually end a sentence when they end a line.
const LINE_FINAL_SPLIT: &[&str] = &[
    "Co", "Corp", "Cos", "Inc", "Ltd", "Plc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "etc",
];

/// True for `U.S`, `p.m`, `J`, `e.g`: single letters separated by periods
/// (at most two letters per part, at most 6 parts).
fn is_dotted_initials(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        parts += 1;
        let n = part.chars().count();
        if n == 0 || n > 2 || parts > 6 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
    }
    // A lone part must be one capital letter (an initial), not "a" or "to".
    parts > 1 || word.chars().count() == 1 && word.chars().all(char::is_uppercase)
}

/// True when `word` (without its final period) keeps the period.
/// `line_final` says the period is followed by a line break or the end.
fn keeps_period(word: &str, line_final: bool) -> bool {
    // Only the last hyphen part decides: "Sino-U.S." keeps, "well-off." not.
    let last = word.rsplit(['-', '/']).next().unwrap_or(word);
    if is_dotted_initials(last) {
        return !(line_final && last.chars().count() == 1);
    }
    // A known abbreviation keeps it, unless it ends a line and often ends
    // a sentence there.
    let known = |w: &str| {
        ABBREVIATIONS
            .contains(&w)
            .then(|| !(line_final && LINE_FINAL_SPLIT.contains(&w)))
    };
    if let Some(keep) = known(last) {
        return keep;
    }
    // ALL-CAPS datelines and headlines: "ST. LOUIS", "FT. LAUDERDALE".
    let mut title = [0u8; 8];
    if (2..=title.len()).contains(&last.len()) && last.bytes().all(|b| b.is_ascii_uppercase()) {
        for (k, (t, b)) in title.iter_mut().zip(last.bytes()).enumerate() {
            *t = if k == 0 { b } else { b.to_ascii_lowercase() };
        }
        if let Some(keep) = known(std::str::from_utf8(&title[..last.len()]).unwrap_or("")) {
            return keep;
        }
    }
    false
}

/// Splits `text` into tokens. Never panics; linear in the text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map_or(text.len(), |&(p, _)| p);
    let mut line_start = true;
    let push = |out: &mut Vec<Token>, s: usize, e: usize, line_start: &mut bool| {
        if e > s {
            out.push(Token {
                span: Span::new(s, e),
                line_start: *line_start,
            });
            *line_start = false;
        }
    };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            line_start = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        if is_split_char(c) || (is_joiner(c) && !(c == '.' && at(i + 1).is_some_and(is_word_char)))
        {
            // A run of the same character (`...`, `--`, `!!`).
            let mut j = i + 1;
            while j < n && chars[j].1 == c && j - i < 64 {
                j += 1;
            }
            push(&mut out, pos(i), pos(j), &mut line_start);
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            // A clitic at the start of a chunk ("'s" after a space, "'90s"),
            // or a quote.
            let j = clitic_end(&chars, i).unwrap_or(i + 1);
            push(&mut out, pos(i), pos(j), &mut line_start);
            i = j;
            continue;
        }
        // A word: word characters, with joiners and apostrophes inside.
        let start = i;
        let mut j = i;
        loop {
            while j < n && is_word_char(chars[j].1) {
                j += 1;
            }
            let Some(c) = at(j) else { break };
            let next_word = at(j + 1).is_some_and(is_word_char);
            if is_apostrophe(c) && next_word {
                // n't: split before the n.
                if j >= start + 2
                    && matches!(chars[j - 1].1, 'n' | 'N')
                    && matches!(at(j + 1), Some('t' | 'T'))
                    && !at(j + 2).is_some_and(is_word_char)
                {
                    j -= 1;
                    break;
                }
                // 's 're 've 'll 'm 'd: split before the apostrophe.
                if clitic_end(&chars, j).is_some() {
                    break;
                }
                // O'Neill, rock'n'roll.
                j += 1;
                continue;
            }
            if is_joiner(c) && next_word && j > start {
                // "U.S" continues; a comma or colon only between digits.
                let digits = chars[j - 1].1.is_ascii_digit()
                    && at(j + 1).is_some_and(|d| d.is_ascii_digit());
                if matches!(c, ',' | ':') && !digits {
                    break;
                }
                j += 1;
                continue;
            }
            break;
        }
        if j == start {
            // Defensive: a character no rule consumed becomes its own token.
            j = start + 1;
        }
        // A currency written as a country prefix and a dollar sign (`C$`).
        if at(j) == Some('$') && DOLLAR_PREFIXES.contains(&&text[pos(start)..pos(j)]) {
            j += 1;
        }
        let mut end = j;
        // A final period: keep it on abbreviations.
        if at(j) == Some('.') && at(j + 1).is_none_or(|d| d != '.') {
            let word = &text[pos(start)..pos(j)];
            let line_final = chars[j + 1..]
                .iter()
                .take_while(|&&(_, c)| c != '\n' && c.is_whitespace())
                .count()
                + j
                + 1
                >= n
                || chars[j + 1..]
                    .iter()
                    .find(|&&(_, c)| !(c.is_whitespace() && c != '\n'))
                    .is_some_and(|&(_, c)| c == '\n' || c == '\r');
            if keeps_period(word, line_final) {
                end = j + 1;
            }
        }
        push(&mut out, pos(start), pos(end), &mut line_start);
        // A trailing apostrophe after a word ending in s: "Reuters'".
        i = end;
        if at(i).is_some_and(is_apostrophe) && !at(i + 1).is_some_and(is_word_char) {
            push(&mut out, pos(i), pos(i + 1), &mut line_start);
            i += 1;
        }
    }
    out
}

/// If a clitic (`'s 're 've 'll 'm 'd`, any case) starts at the apostrophe
/// `chars[i]` and ends a word, the index after it.
fn clitic_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut j = i + 1;
    let mut letters = String::new();
    while j < chars.len() && letters.len() < 3 && chars[j].1.is_alphabetic() {
        letters.extend(chars[j].1.to_lowercase());
        j += 1;
    }
    let ends = chars.get(j).is_none_or(|&(_, c)| !is_word_char(c));
    (ends && matches!(letters.as_str(), "s" | "re" | "ve" | "ll" | "m" | "d")).then_some(j)
}

/// True for tokens that end a sentence: `.`, `!`, `?`, runs of them, `…`.
fn is_terminal(tok: &str) -> bool {
    !tok.is_empty() && tok.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// True for closing quotes and brackets that stay with the sentence they
/// follow.
fn is_closer(tok: &str) -> bool {
    matches!(
        tok,
        "\"" | "”" | "’" | "'" | "»" | "›" | ")" | "]" | "}" | "''"
    )
}

/// Splits tokens into sentences, returned as index ranges into `tokens`
/// that cover them all in order.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        if i > start && tokens[i].line_start {
            out.push(start..i);
            start = i;
        }
        if is_terminal(tokens[i].text(text)) {
            let mut j = i + 1;
            while j < tokens.len() && !tokens[j].line_start && is_closer(tokens[j].text(text)) {
                j += 1;
            }
            let next_starts = tokens.get(j).is_none_or(|t| {
                t.line_start
                    || t.text(text).chars().next().is_some_and(|c| {
                        c.is_uppercase()
                            || c.is_numeric()
                            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '«' | '[')
                    })
            });
            if next_starts {
                out.push(start..j);
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn sents(text: &str) -> Vec<String> {
        let t = tokenize(text);
        sentences(text, &t)
            .into_iter()
            .map(|r| {
                t[r].iter()
                    .map(|t| t.text(text))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn punctuation_and_quotes() {
        assert_eq!(
            toks("\"We are not in a hurry,\" Peskov said."),
            vec!["\"", "We", "are", "not", "in", "a", "hurry", ",", "\"", "Peskov", "said", "."]
        );
        assert_eq!(
            toks("“Yes” — «non» ‘maybe’ (really)!"),
            vec![
                "“", "Yes", "”", "—", "«", "non", "»", "‘", "maybe", "’", "(", "really", ")", "!"
            ]
        );
    }

    #[test]
    fn possessives_and_clitics() {
        assert_eq!(toks("Iran's oil"), vec!["Iran", "'s", "oil"]);
        assert_eq!(toks("Iran’s oil"), vec!["Iran", "’s", "oil"]);
        assert_eq!(toks("IRAN'S OIL"), vec!["IRAN", "'S", "OIL"]);
        assert_eq!(toks("don't we'll"), vec!["do", "n't", "we", "'ll"]);
        assert_eq!(toks("Reuters' reporter"), vec!["Reuters", "'", "reporter"]);
        assert_eq!(toks("O'Neill rock'n'roll"), vec!["O'Neill", "rock'n'roll"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            toks("Mr. Smith of the U.S. met Gen. Lee on Dec. 5."),
            vec!["Mr.", "Smith", "of", "the", "U.S.", "met", "Gen.", "Lee", "on", "Dec.", "5", "."]
        );
        assert_eq!(toks("J. R. Ewing"), vec!["J.", "R.", "Ewing"]);
        assert_eq!(toks("at 5 p.m. today"), vec!["at", "5", "p.m.", "today"]);
        assert_eq!(toks("Sino-U.S. ties"), vec!["Sino-U.S.", "ties"]);
        assert_eq!(toks("It is a tree."), vec!["It", "is", "a", "tree", "."]);
        assert_eq!(
            toks("shares of Acme Corp."),
            vec!["shares", "of", "Acme", "Corp", "."]
        );
        assert_eq!(toks("Acme Corp. said"), vec!["Acme", "Corp.", "said"]);
        assert_eq!(toks("Wait..."), vec!["Wait", "..."]);
    }

    #[test]
    fn hyphens_numbers_and_symbols() {
        assert_eq!(
            toks("Weston-super-Mare fell 1,250.5 points - 3.2% - at 10:30 on 1996-12-06"),
            vec![
                "Weston-super-Mare",
                "fell",
                "1,250.5",
                "points",
                "-",
                "3.2",
                "%",
                "-",
                "at",
                "10:30",
                "on",
                "1996-12-06"
            ]
        );
        assert_eq!(toks("$3.5 billion"), vec!["$", "3.5", "billion"]);
        assert_eq!(
            toks("C$1.2 billion, A$ 300 and HK$5"),
            vec!["C$", "1.2", "billion", ",", "A$", "300", "and", "HK$", "5"]
        );
        assert_eq!(toks("(US$40)"), vec!["(", "US$", "40", ")"]);
        assert_eq!(toks("NZ$ and S$."), vec!["NZ$", "and", "S$", "."]);
        assert_eq!(toks("AT&T and/or"), vec!["AT&T", "and/or"]);
        assert_eq!(
            toks("Paris, France: yes"),
            vec!["Paris", ",", "France", ":", "yes"]
        );
        assert_eq!(toks("a--b"), vec!["a", "--", "b"]);
    }

    #[test]
    fn dollar_prefixes_are_one_currency_token() {
        // Only the listed prefixes join; other words keep the sign apart.
        assert_eq!(toks("AT$5 Canada$"), vec!["AT", "$", "5", "Canada", "$"]);
        assert_eq!(toks("c$ 5"), vec!["c", "$", "5"]);
        assert_eq!(toks("U.S.$ 5"), vec!["U.S.", "$", "5"]);
        assert_eq!(toks("C$$"), vec!["C$", "$"]);
    }

    #[test]
    fn datelines_and_headlines() {
        assert_eq!(
            toks("ANKARA (Reuters) - Turkey"),
            vec!["ANKARA", "(", "Reuters", ")", "-", "Turkey"]
        );
        assert_eq!(
            toks("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT."),
            vec![
                "SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN", ",", "CHINA", "IN", "SURPRISE",
                "DEFEAT", "."
            ]
        );
        assert_eq!(toks("ROME 1996-12-06"), vec!["ROME", "1996-12-06"]);
    }

    #[test]
    fn all_caps_abbreviations_keep_their_period() {
        assert_eq!(
            toks("ST. LOUIS 1996-08-30"),
            vec!["ST.", "LOUIS", "1996-08-30"]
        );
        assert_eq!(sents("FT. LAUDERDALE, Fla. (AP) - Police said.").len(), 1);
        assert_eq!(toks("IT WAS OK."), vec!["IT", "WAS", "OK", "."]);
        assert_eq!(
            toks("SHARES OF ACME CO.\nNEW"),
            vec!["SHARES", "OF", "ACME", "CO", ".", "NEW"]
        );
    }

    #[test]
    fn sentences_split_on_terminals_and_lines() {
        assert_eq!(
            sents(
                "Mr. Smith went to Washington. He said \"no.\" Then U.S. officials left\nNEW LINE"
            ),
            vec![
                "Mr. Smith went to Washington .",
                "He said \" no . \"",
                "Then U.S. officials left",
                "NEW LINE"
            ]
        );
        assert_eq!(sents("the end. and more"), vec!["the end . and more"]);
        assert!(sents("").is_empty());
    }

    #[test]
    fn paragraphs_and_modern_style() {
        let text = "WASHINGTON — The U.S. Senate voted 52-48 on Monday. Sen. Mitch McConnell’s \
                    office said it was “historic.”\n\nDr. Anthony Fauci didn't comment.";
        assert_eq!(
            sents(text),
            vec![
                "WASHINGTON — The U.S. Senate voted 52-48 on Monday .",
                "Sen. Mitch McConnell ’s office said it was “ historic . ”",
                "Dr. Anthony Fauci did n't comment ."
            ]
        );
        // A dotted abbreviation before a capital does not end a sentence
        // (a known limit: "in the U.S. The" stays one sentence).
        assert_eq!(sents("in the U.S. The end."), vec!["in the U.S. The end ."]);
    }

    #[test]
    fn line_starts() {
        let text = "a b\n\n c";
        let t = tokenize(text);
        let flags: Vec<bool> = t.iter().map(|t| t.line_start).collect();
        assert_eq!(flags, vec![true, false, true]);
    }

    #[test]
    fn never_panics_and_covers_no_whitespace() {
        let long = "x".repeat(100_000);
        let inputs = [
            "",
            " ",
            "🙂🙂 Über straße",
            "北京欢迎你。东京！",
            "مرحبا بالعالم، كيف حالك؟",
            "\u{0}\u{1}\u{7f}a\u{200b}b",
            "'",
            "n't",
            "'s",
            ".",
            "a.",
            "-.-",
            "e\u{301}te\u{301}",
            long.as_str(),
        ];
        for text in inputs {
            let t = tokenize(text);
            for w in t.windows(2) {
                assert!(w[0].span.end <= w[1].span.start);
            }
            for tok in &t {
                assert!(!tok.span.is_empty());
                assert!(text.get(tok.span.range()).is_some());
                assert!(!tok.text(text).chars().any(char::is_whitespace));
            }
            let s = sentences(text, &t);
            assert_eq!(s.iter().map(|r| r.len()).sum::<usize>(), t.len());
        }
    }
}
