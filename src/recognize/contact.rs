//! Contacts and handles: e-mail addresses, URLs, phone numbers, hashtags
//! and @mentions.

use super::{ends_word, starts_word};
use crate::analysis::{Mention, Value};
use crate::automata::{Automaton, Pattern};
use crate::label::Label;
use crate::merge::{priority, Candidate};
use crate::span::Span;

// Every pattern here is compiled at build time (crate::automata); the
// e-mail, handle and hashtag automata are only searched in texts with an
// `@` or a `#`.

/// Host names ending in one of these are taken as bare domains
/// (`example.com/path`).
const TLDS: &str = "com|org|net|gov|edu|int|mil|info|biz|io|co|ai|app|dev|news|uk|us|eu|de|fr|ru|cn|jp|in|au|ca|ch|nl|se|no|es|it|pl|ua|il|br|za|nz|ie|be|at|dk|fi|kr|tv|me|ly";

/// The e-mail pattern ([`crate::automata`]), matched only in a window
/// around each '@' (see `emails_at_signs`).
pub fn email_pattern() -> &'static str {
    r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}"
}

/// The URL pattern ([`crate::automata`]). Unbounded classes keep the
/// automaton small; lengths are capped after matching.
pub fn url_pattern() -> String {
    format!(
        concat!(
            r"(?i:(?:https?|ftp)://|www\.)[^\s<>{{}}\x22\x27`]+",
            r"|(?-i:[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{tlds}))(?:/[^\s<>{{}}\x22\x27`]*)?"
        ),
        tlds = TLDS
    )
}

/// The phone pattern ([`crate::automata`]). ASCII digits only: a number's
/// value keeps only those.
pub fn phone_pattern() -> &'static str {
    concat!(
        // International: +44 20 7946 0958, +1-202-555-0143, +7 (495) 123-45-67
        r"\+[1-9][0-9]{0,2}[\s.-]?(?:\([0-9]{1,4}\)[\s.-]?)?[0-9]{1,4}(?:[\s.-]?[0-9]{2,4}){1,4}",
        // North American: (202) 555-0143, 202-555-0143, 202.555.0143, 1-800-555-0199
        r"|(?:(?-u:\b)1[\s.-])?(?:\([0-9]{3}\)\s?|(?-u:\b)[0-9]{3}[\s.-])[0-9]{3}[.-][0-9]{4}(?-u:\b)",
    )
}

/// The hashtag pattern ([`crate::automata`]). Unbounded, which keeps the
/// automaton small; capped after matching.
pub fn hashtag_pattern() -> &'static str {
    r"#[\p{L}\p{N}_]+"
}

/// The @handle pattern ([`crate::automata`]).
pub fn handle_pattern() -> &'static str {
    r"@[A-Za-z0-9_]{1,30}"
}

/// The longest hashtag kept, in characters after the `#`.
const HASHTAG_MAX_CHARS: usize = 139;

/// Characters that end a sentence rather than a URL.
const URL_TRAILERS: &[char] = &['.', ',', ';', ':', '!', '?', '\'', '"', '’', '”', '»'];

/// Trims trailing punctuation from a URL match, keeping a `)` that closes a
/// `(` inside the URL (Wikipedia-style links).
fn trim_url(s: &str) -> &str {
    let mut s = s;
    loop {
        let before = s.len();
        s = s.trim_end_matches(URL_TRAILERS);
        if s.ends_with(')') && s.matches('(').count() < s.matches(')').count() {
            s = &s[..s.len() - 1];
        }
        if s.ends_with(']') && s.matches('[').count() < s.matches(']').count() {
            s = &s[..s.len() - 1];
        }
        if s.len() == before {
            return s;
        }
    }
}

/// E-mail addresses, found by matching only in a bounded window around
/// each `@` (64 bytes before, 320 after), so no input can make matching
/// superlinear. The automaton is loaded at the first `@`.
fn emails_at_signs(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (at, _) in text.match_indices('@') {
        let floor = out.last().map_or(0, |s| s.end);
        if at < floor {
            continue;
        }
        let from = crate::span::floor_char_boundary(text, at.saturating_sub(64)).max(floor);
        let to = crate::span::floor_char_boundary(text, at + 320);
        let window = &text[from..to];
        let found = Automaton::get(Pattern::Email)
            .find_iter(window)
            .map(|m| Span::new(from + m.start(), from + m.end()))
            .find(|s| s.start <= at && at < s.end);
        if let Some(span) = found {
            if starts_word(text, span.start) && ends_word(text, span.end) {
                out.push(span);
            }
        }
    }
    out
}

/// Pushes every contact and handle candidate in `text`.
#[inline(never)] // a pipeline stage: see crate::analyze
pub fn recognize(text: &str, out: &mut Vec<Candidate>) {
    let mut emails: Vec<Span> = Vec::new();
    // One scan for '@': text without one has no e-mail or handle.
    let has_at = text.contains('@');
    let found = if has_at {
        emails_at_signs(text)
    } else {
        Vec::new()
    };

    for span in found {
        emails.push(span);
        let value = Value::Text(span.slice(text).to_lowercase());
        out.push(Candidate::new(
            Mention::new(text, span, Label::Email).with_value(value),
            priority::CONTACT,
        ));
    }

    for m in Automaton::get(Pattern::Url).find_iter(text) {
        if !starts_word(text, m.start()) || text[..m.start()].ends_with('@') {
            continue;
        }
        // Longer than any real address: keep the first 2,000 bytes.
        let capped = &m.as_str()[..crate::span::floor_char_boundary(m.as_str(), 2000)];
        let trimmed = trim_url(capped);
        let span = Span::new(m.start(), m.start() + trimmed.len());
        // A bare domain needs a dot-separated host of at least two labels and
        // must not be the domain part of an e-mail address.
        if span.is_empty() || span.overlaps_any(&emails) {
            continue;
        }
        if !trimmed.contains("://") && !ends_word(text, span.end) && !trimmed.ends_with('/') {
            continue;
        }
        let lower = trimmed.to_ascii_lowercase();
        let value = if lower.starts_with("http") || lower.starts_with("ftp") {
            trimmed.to_string()
        } else {
            format!("https://{trimmed}")
        };
        out.push(Candidate::new(
            Mention::new(text, span, Label::Url).with_value(Value::Text(value)),
            priority::CONTACT,
        ));
    }

    for m in Automaton::get(Pattern::Phone).find_iter(text) {
        let s = m.as_str();
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        let international = s.starts_with('+');
        // Too short or too long for a real number (E.164: at most 15 digits).
        if !(10..=15).contains(&digits.len()) || !ends_word(text, m.end()) {
            continue;
        }
        if !international && !starts_word(text, m.start()) && !text[..m.start()].ends_with('(') {
            continue;
        }
        let value = if international {
            format!("+{digits}")
        } else if digits.len() == 10 {
            format!("+1{digits}")
        } else {
            format!("+{digits}")
        };
        out.push(Candidate::new(
            Mention::new(text, Span::new(m.start(), m.end()), Label::Phone)
                .with_value(Value::Text(value)),
            priority::CONTACT,
        ));
    }

    let hashtags = text
        .contains('#')
        .then(|| Automaton::get(Pattern::Hashtag).find_iter(text));
    for m in hashtags.into_iter().flatten() {
        let before = text[..m.start()].chars().next_back();
        // At most 139 characters after the '#', as on the platforms.
        let end = m
            .as_str()
            .char_indices()
            .nth(HASHTAG_MAX_CHARS + 1)
            .map_or(m.end(), |(i, _)| m.start() + i);
        let tag = &text[m.start()..end];
        let has_letter = tag.chars().any(char::is_alphabetic);
        if has_letter && before.is_none_or(|c| !c.is_alphanumeric() && c != '&' && c != '#') {
            out.push(Candidate::new(
                Mention::new(text, Span::new(m.start(), end), Label::Hashtag),
                priority::CONTACT,
            ));
        }
    }

    for m in has_at
        .then(|| Automaton::get(Pattern::Handle).find_iter(text))
        .into_iter()
        .flatten()
    {
        let before = text[..m.start()].chars().next_back();
        if before.is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != '.' && c != '@')
            && ends_word(text, m.end())
            && !emails
                .iter()
                .any(|e| e.contains(&Span::new(m.start(), m.end())))
        {
            out.push(Candidate::new(
                Mention::new(text, Span::new(m.start(), m.end()), Label::Mention),
                priority::CONTACT,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Label, String)> {
        let mut c = Vec::new();
        recognize(text, &mut c);
        crate::merge::resolve(c)
            .into_iter()
            .map(|m| (m.label, m.text))
            .collect()
    }

    fn one(text: &str, label: Label, expected: &str) {
        let f = found(text);
        assert!(
            f.iter().any(|(l, t)| *l == label && t == expected),
            "{label:?} {expected:?} not in {f:?} for {text:?}"
        );
    }

    #[test]
    fn emails() {
        one(
            "Write to press.office@kremlin.example.ru today.",
            Label::Email,
            "press.office@kremlin.example.ru",
        );
        one("(tips@example.com)", Label::Email, "tips@example.com");
        assert!(found("user@localhost").is_empty());
    }

    #[test]
    fn urls() {
        one(
            "See https://example.com/a?b=1.",
            Label::Url,
            "https://example.com/a?b=1",
        );
        one(
            "at www.reuters.com, the agency",
            Label::Url,
            "www.reuters.com",
        );
        one(
            "(see https://en.wikipedia.org/wiki/Foo_(bar))",
            Label::Url,
            "https://en.wikipedia.org/wiki/Foo_(bar)",
        );
        one(
            "visit nytimes.com/world today",
            Label::Url,
            "nytimes.com/world",
        );
        assert!(found("The U.S. said so. Mr. Smith agreed.").is_empty());
        assert!(found("file.txt and main.rs").is_empty());
    }

    #[test]
    fn phones() {
        one(
            "Call +44 20 7946 0958 now",
            Label::Phone,
            "+44 20 7946 0958",
        );
        one("Call (202) 555-0143.", Label::Phone, "(202) 555-0143");
        one("or 202-555-0143", Label::Phone, "202-555-0143");
        one("toll-free 1-800-555-0199", Label::Phone, "1-800-555-0199");
        one(
            "Moscow +7 (495) 123-45-67",
            Label::Phone,
            "+7 (495) 123-45-67",
        );
        assert!(found("on 2023-12-16 at 10:30").is_empty());
        assert!(found("about 1,234,567 people").is_empty());
    }

    #[test]
    fn phone_value_is_digits() {
        let mut c = Vec::new();
        recognize("(202) 555-0143", &mut c);
        assert_eq!(c[0].mention.value, Some(Value::Text("+12025550143".into())));
    }

    #[test]
    fn hashtags_and_handles() {
        one(
            "Trending: #Ukraine2023 and #café",
            Label::Hashtag,
            "#Ukraine2023",
        );
        one("Trending: #Ukraine2023 and #café", Label::Hashtag, "#café");
        one(
            "said @KremlinRussia_E on X",
            Label::Mention,
            "@KremlinRussia_E",
        );
        assert!(found("We're #1 at it").is_empty());
        assert!(found("AT&#8217;s").is_empty());
        let f = found("mail bob@example.com");
        assert_eq!(f, vec![(Label::Email, "bob@example.com".to_string())]);
    }

    #[test]
    fn hashtags_are_capped_at_139_characters() {
        let long = format!("#{}", "é".repeat(200));
        let f = found(&format!("see {long} now"));
        let want = format!("#{}", "é".repeat(HASHTAG_MAX_CHARS));
        assert_eq!(f, vec![(Label::Hashtag, want)]);
        let exact = format!("#{}", "a".repeat(HASHTAG_MAX_CHARS));
        assert_eq!(found(&exact), vec![(Label::Hashtag, exact.clone())]);
    }
}
