//! Titles and roles: "Russian President" in "Russian President Vladimir
//! Putin", "the Kremlin spokesperson" in "Dmitry Peskov, the Kremlin
//! spokesperson, said".
//!
//! A role is a short phrase that contains a title word (president,
//! spokesperson, minister, ...) and sits directly before a person's name
//! (no punctuation between) or in an appositive right after it. The words
//! before the title are kept only while they look like modifiers:
//! capitalized words ("Kremlin", "U.S."), "former", "deputy", "acting".

use crate::span::Span;

/// Title words and multi-word titles (lower case).
const TITLES: &[&str] = &[
    "president",
    "vice president",
    "president-elect",
    "prime minister",
    "premier",
    "minister",
    "secretary",
    "secretary-general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chancellor",
    "chief",
    "chief executive",
    "ceo",
    "cfo",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "director-general",
    "governor",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "lawmaker",
    "ambassador",
    "envoy",
    "general",
    "gen.",
    "admiral",
    "commander",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "mayor",
    "judge",
    "justice",
    "prosecutor",
    "attorney general",
    "attorney",
    "head",
    "official",
    "analyst",
    "economist",
    "professor",
    "prof.",
    "coach",
    "captain",
    "founder",
    "executive",
    "manager",
    "editor",
    "correspondent",
    "diplomat",
    "adviser",
    "advisor",
    "aide",
    "negotiator",
    "inspector",
    "officer",
    "colonel",
    "col.",
    "lieutenant",
    "lt.",
    "sergeant",
    "sgt.",
    "president's",
    "speaker",
    "emir",
    "sheikh",
    "ayatollah",
    "cardinal",
    "bishop",
    "rabbi",
    "imam",
    "chief of staff",
    "researcher",
    "scientist",
    "lawyer",
    "owner",
    "partner",
    "strategist",
    "commissioner",
    "deputy",
    "mp",
    "mep",
    "candidate",
    "nominee",
];

/// Modifier words allowed in front of a title besides capitalized words.
const MODIFIERS: &[&str] = &[
    "former",
    "deputy",
    "acting",
    "interim",
    "then",
    "then-",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "health",
    "economy",
    "energy",
    "trade",
    "justice",
    "education",
    "senior",
    "top",
    "chief",
    "vice",
    "assistant",
    "general",
    "state",
    "press",
    "military",
    "security",
    "national",
    "first",
    "current",
    "incoming",
    "outgoing",
    "longtime",
    "veteran",
    "opposition",
    "party",
    "government",
    "white",
    "house",
];

fn is_title(word: &str) -> bool {
    let listed = |w: &str| TITLES.iter().any(|t| t.eq_ignore_ascii_case(w));
    // "Vice-President" is "vice president"; "ex-" and "former" are alike.
    listed(word)
        || (word.contains('-') && listed(&word.replace('-', " ")))
        || word
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("ex-") && listed(&word[3..]))
}

/// Abbreviations that end in a period inside a role or a name ("Acme
/// Corp. Chairman"), beyond those with a period inside ("U.S.") and the
/// title words ("Sen.").
const ABBREVIATIONS: &[&str] = &[
    "Corp", "Inc", "Co", "Ltd", "Bros", "Dept", "Univ", "St", "Jr",
];

/// True when `word` ends a sentence: it ends in a period that is not an
/// abbreviation's ("Committee." in "... told the Committee. Senator Joe
/// Manchin said", against "U.S.", "Corp." or "Sen.").
fn ends_sentence(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    !(stem.contains('.') || is_title(word) || ABBREVIATIONS.contains(&stem))
}

fn is_modifier(word: &str) -> bool {
    let article = ["the", "a", "an", "The", "A", "An"].contains(&word);
    !article
        && (MODIFIERS.iter().any(|t| t.eq_ignore_ascii_case(word))
            || word.chars().next().is_some_and(char::is_uppercase))
}

/// Words of `s` with their byte offsets (a word is a run of letters,
/// digits, `.`, `'`, `’` or `-`).
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-');
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// The role directly before a name starting at `start`: "Russian President"
/// before "Vladimir Putin". Looks back at most 60 bytes on the same line.
pub fn before(text: &str, start: usize) -> Option<Span> {
    let from = crate::span::floor_char_boundary(text, start.saturating_sub(60));
    let window = &text[from..start];
    // A hyphen stops the role only as a dash between words ("GENEVA
    // (Wire) - Russian President"), not inside a title ("Vice-President",
    // "Director-General", "President-elect").
    let window_start = window
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            let dash = c == '-'
                && !(window[..i].ends_with(char::is_alphanumeric)
                    && window[i + 1..].starts_with(char::is_alphanumeric));
            dash || matches!(
                c,
                '\n' | ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—'
            )
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let ws = words(&window[window_start..]);
    // The word right before the name must be a title (possibly "Mr."-style
    // honorifics are not roles).
    let last = ws.last()?;
    if window[window_start + last.0 + last.1.len()..]
        .chars()
        .any(|c| !c.is_whitespace())
    {
        return None;
    }
    // A title may end in an "of" phrase: "Secretary of State".
    let n = ws.len();
    let mut top = n;
    for k in (n.saturating_sub(3)..n).rev() {
        if ws[k].1.eq_ignore_ascii_case("of") && k > 0 && is_title(ws[k - 1].1) {
            top = k;
            break;
        }
    }
    let mut first = top;
    let mut has_title = false;
    for (k, (_, w)) in ws[..top].iter().enumerate().rev() {
        // A word may begin a title of two words: "prime" in "prime minister".
        let two_words = ws
            .get(k + 1)
            .filter(|_| k + 1 < top)
            .is_some_and(|(_, next)| is_title(&format!("{w} {next}")));
        let title = two_words || is_title(w.trim_end_matches(['\'', '’']));
        if k == top - 1 && !title {
            return None;
        }
        if ends_sentence(w) {
            break;
        }
        if title || (has_title && is_modifier(w)) {
            has_title |= title;
            first = k;
        } else {
            break;
        }
    }
    (has_title && first < ws.len()).then(|| {
        let s = from + window_start + ws[first].0;
        Span::new(s, from + window_start + last.0 + last.1.len())
    })
}

/// The role a name at `start..end` stands in apposition to: "the
/// company's CFO, Jane Roe, resigned" → "CFO", "Apple's chief executive,
/// Tim Cook, said" → "Apple's chief executive". The name must sit between
/// two commas.
pub fn before_appositive(text: &str, start: usize, end: usize) -> Option<Span> {
    if !text.get(end..)?.starts_with(',') {
        return None;
    }
    let comma = text.get(..start)?.trim_end().strip_suffix(',')?.len();
    before(text, comma)
}

/// The role in an appositive after a name ending at `end`:
/// "Dmitry Peskov, the Kremlin spokesperson, said" → "Kremlin spokesperson".
pub fn after(text: &str, end: usize) -> Option<Span> {
    let rest = &text[end..];
    let rest_trim = rest.strip_prefix(',')?;
    let to = crate::span::floor_char_boundary(rest_trim, 80);
    let window = &rest_trim[..to];
    let stop = window
        .find([',', '.', ';', '\n', '(', ')', '"', '“', '”'])
        .unwrap_or(window.len());
    if stop == window.len() {
        return None; // no closing comma: not an appositive we can trust
    }
    let phrase = &window[..stop];
    let ws = words(phrase);
    if ws.is_empty() || ws.len() > 8 || !ws.iter().any(|(_, w)| is_title(w)) {
        return None;
    }
    // "Robert Hale, and its new chairwoman, Susan Ortiz": a list, not an
    // appositive; "X, who ...": a clause.
    if matches!(
        ws[0].1.to_ascii_lowercase().as_str(),
        "and" | "or" | "but" | "nor" | "who" | "whose" | "which" | "while" | "where" | "with"
    ) {
        return None;
    }
    let mut first = 0;
    while first < ws.len()
        && matches!(
            ws[first].1.to_ascii_lowercase().as_str(),
            "the" | "a" | "an"
        )
    {
        first += 1;
    }
    let last = ws.last()?;
    let base = end + 1;
    (first < ws.len()).then(|| Span::new(base + ws[first].0, base + last.0 + last.1.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_before(text: &str, name: &str) -> Option<String> {
        let start = text.find(name)?;
        before(text, start).map(|s| s.slice(text).to_string())
    }

    fn role_after(text: &str, name: &str) -> Option<String> {
        let end = text.find(name)? + name.len();
        after(text, end).map(|s| s.slice(text).to_string())
    }

    #[test]
    fn a_name_in_apposition_to_a_title() {
        let t = "The company's CFO, Jane Roe, resigned.";
        let at = t.find("Jane Roe").unwrap_or(0);
        let role = before_appositive(t, at, at + "Jane Roe".len()).map(|s| s.slice(t));
        assert_eq!(role, Some("CFO"));
        let t = "Apple's chief executive, Tim Cook, said";
        let at = t.find("Tim Cook").unwrap_or(0);
        let role = before_appositive(t, at, at + "Tim Cook".len()).map(|s| s.slice(t));
        assert_eq!(role, Some("Apple's chief executive"));
        // Not closed by a comma, or no title before the first one.
        let t = "The company's CFO, Jane Roe said";
        let at = t.find("Jane Roe").unwrap_or(0);
        assert_eq!(before_appositive(t, at, at + "Jane Roe".len()), None);
        let t = "In Paris, Jane Roe, a lawyer, said";
        let at = t.find("Jane Roe").unwrap_or(0);
        assert_eq!(before_appositive(t, at, at + "Jane Roe".len()), None);
    }

    /// Roles before a name, one case a row: text, name, role.
    #[test]
    fn roles_before_names() {
        for (t, name, role) in [
            // Hyphenated titles stay whole; a dash between words ends a role.
            (
                "said Vice-President Kamala Harris",
                "Kamala Harris",
                "Vice-President",
            ),
            (
                "IAEA Director-General Rafael Grossi said",
                "Rafael Grossi",
                "IAEA Director-General",
            ),
            (
                "UN Secretary-General Antonio Guterres",
                "Antonio Guterres",
                "UN Secretary-General",
            ),
            (
                "met President-elect Donald Trump",
                "Donald Trump",
                "President-elect",
            ),
            (
                "PARIS (Reuters) - Finance Minister Eric Lombard",
                "Eric Lombard",
                "Finance Minister",
            ),
            // Titles of two words keep their modifiers.
            (
                "met the Dutch prime minister Pieter van den Berg",
                "Pieter van den Berg",
                "Dutch prime minister",
            ),
            (
                "said former vice president Al Gore",
                "Al Gore",
                "former vice president",
            ),
            // A role stops at the end of a sentence...
            (
                "Yellen told the House Financial Services Committee. Senator Joe Manchin said",
                "Joe Manchin",
                "Senator",
            ),
            (
                "He quit the Board. Gen. Mark Milley said",
                "Mark Milley",
                "Gen.",
            ),
            // ...but not at an abbreviation's period.
            (
                "said U.S. Secretary of State Antony Blinken",
                "Antony Blinken",
                "U.S. Secretary of State",
            ),
            (
                "said Acme Corp. Chairman John Doe",
                "John Doe",
                "Acme Corp. Chairman",
            ),
        ] {
            assert_eq!(role_before(t, name).as_deref(), Some(role), "{t}");
        }
    }

    #[test]
    fn a_list_or_a_clause_is_not_an_appositive() {
        let t = "The chief executive, Robert Hale, and its new chairwoman, Susan Ortiz, said";
        assert_eq!(role_after(t, "Robert Hale"), None);
        let t = "Robert Hale, who was chairman of the board, said";
        assert_eq!(role_after(t, "Robert Hale"), None);
    }

    #[test]
    fn titles_before_names() {
        let t = "date 2023-12-16\nRussian President Vladimir Putin said";
        assert_eq!(
            role_before(t, "Vladimir").as_deref(),
            Some("Russian President")
        );
        let t = "the Kremlin spokesperson Dmitry Peskov said";
        assert_eq!(
            role_before(t, "Dmitry").as_deref(),
            Some("Kremlin spokesperson")
        );
        let t = "former US President Donald Trump";
        assert_eq!(
            role_before(t, "Donald").as_deref(),
            Some("former US President")
        );
        let t = "U.S. Secretary of State Antony Blinken";
        assert_eq!(
            role_before(t, "Antony").as_deref(),
            Some("U.S. Secretary of State")
        );
        let t = "IAEA chief Rafael Grossi";
        assert_eq!(role_before(t, "Rafael").as_deref(), Some("IAEA chief"));
    }

    #[test]
    fn no_role_without_a_title() {
        assert_eq!(role_before("talks with Vladimir Putin", "Vladimir"), None);
        assert_eq!(role_before("GENEVA (Wire) - Putin", "Putin"), None);
        assert_eq!(role_before("Mr. Putin", "Putin"), None);
    }

    #[test]
    fn appositives() {
        let t = "Dmitry Peskov, the Kremlin spokesperson, said";
        assert_eq!(
            role_after(t, "Dmitry Peskov").as_deref(),
            Some("Kremlin spokesperson")
        );
        let t = "Peskov, who was in Moscow, said";
        assert_eq!(role_after(t, "Peskov"), None);
        let t = "Peskov, spokesperson for the Kremlin. He";
        assert_eq!(
            role_after(t, "Peskov").as_deref(),
            Some("spokesperson for the Kremlin")
        );
    }
}
