//! Quotations and who said them.
//!
//! [`spans`] finds the quotations; this module decides which are speech
//! and attributes each to a speaker through the cues news writing uses:
//! "…," Peskov said / said Peskov / Peskov told reporters / according to
//! Peskov / Peskov was quoted as saying / he said (a pronoun resolved to the
//! nearest person before it) / the spokesperson said (resolved through the
//! entities' roles), or a colon after the speaker ("Ferraz was
//! sceptical: “…”"). A quote with no cue continues the speaker of the
//! quote before it in the same paragraph, or of the previous paragraph's
//! when it opens a paragraph; failing that, a speaker named in the next
//! sentence with a cue is taken.
//!
//! A short quote embedded in a sentence with no speech cue, or introduced by
//! "so-called", "dubbed", "calls" and the like (right before it, or a few
//! words back for a quote of up to three words: "called the service
//! “broken”"), is a scare quote or a title ("special military operation"),
//! not speech, and is left out.
//! Every look-around is bounded (one sentence, at most a few hundred
//! bytes), so the whole pass is linear.

pub mod spans;

use crate::analysis::{Entity, Mention, Quote};
use crate::entities::gender::{self, Gender};
use crate::label::Label;
use crate::span::{floor_char_boundary, Span};

/// Speech verbs and phrases, longest first where one contains another.
const CUES: &[&str] = &[
    "was quoted as saying",
    "were quoted as saying",
    "is quoted as saying",
    "according to",
    "pointed out",
    "went on",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "asks",
    "stated",
    "declared",
    "explained",
    "noted",
    "warned",
    "warns",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "insisted",
    "argued",
    "continued",
    "replied",
    "recalled",
    "claimed",
    "acknowledged",
    "admitted",
    "announced",
    "commented",
    "confirmed",
    "stressed",
    "urged",
    "predicted",
    "suggested",
    "cautioned",
    "concluded",
    "responded",
    "conceded",
    "complained",
    "vowed",
    "promised",
    "remarked",
    "observed",
    "quipped",
    "joked",
    "shouted",
    "testified",
    "insists",
    "explains",
    "notes",
    "recounted",
    "emphasised",
    "emphasized",
];

/// Verbs that name a thing with a quoted term a few words after them
/// ("called the service “broken”"); [`Ctx::named_by_verb`].
const NAMING_VERBS: &[&str] = &[
    "called", "calls", "call", "calling", "dubbed", "dubs", "termed", "terms", "labelled",
    "labeled", "branded", "brands", "deemed", "declared",
];

/// Nouns for an organization already named ("the company said", "the
/// ministry said"), resolved to the last organization named before them.
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "ministry",
    "agency",
    "bank",
    "airline",
    "carrier",
    "department",
    "commission",
    "union",
    "party",
    "club",
    "insurer",
    "lender",
    "retailer",
    "automaker",
    "carmaker",
    "regulator",
    "watchdog",
];

/// How many words may stand between a naming verb and its quoted term.
const NAMING_REACH: usize = 4;

/// Words that introduce a term or title rather than speech.
const SCARE_INTRODUCERS: &[&str] = &[
    "so-called",
    "called",
    "calls",
    "call",
    "calling",
    "dubbed",
    "dubs",
    "termed",
    "terms",
    "titled",
    "entitled",
    "named",
    "as",
    "labelled",
    "labeled",
    "branded",
    "word",
    "phrase",
    "term",
    "a",
    "an",
    "the",
    "his",
    "her",
    "its",
    "their",
    "of",
    "what",
];

/// Pronouns that can name a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// How far (bytes) to look for a cue around a quote.
const WINDOW: usize = 240;

/// How far back (bytes) a pronoun or a nominal looks for its person: a few
/// paragraphs. Bounding it keeps attribution linear.
const ANTECEDENT_WINDOW: usize = 3000;

/// A word of a window, with its absolute byte span.
#[derive(Clone, Copy, Debug)]
struct Word<'t> {
    span: Span,
    text: &'t str,
}

/// The words of `text[from..to]`.
fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let slice = &text[from..to];
    for (i, c) in slice.char_indices() {
        let inside =
            c.is_alphanumeric() || (start.is_some() && matches!(c, '.' | '\'' | '’' | '-'));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(word(text, from + s, from + i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(word(text, from + s, to));
    }
    out
}

fn word(text: &str, s: usize, e: usize) -> Word<'_> {
    // A trailing period belongs to the sentence, not the word, unless the
    // word is an abbreviation like "U.S.".
    let raw = &text[s..e];
    let end = if raw.ends_with('.') && !raw[..raw.len() - 1].contains('.') {
        e - 1
    } else {
        e
    };
    Word {
        span: Span::new(s, end),
        text: &text[s..end],
    }
}

/// The cues split into words, built once.
fn cue_words() -> &'static [Vec<&'static str>] {
    static CUE_WORDS: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    CUE_WORDS.get_or_init(|| CUES.iter().map(|c| c.split(' ').collect()).collect())
}

/// Finds a cue among `ws` starting at word `k`: its length in words.
fn cue_at(ws: &[Word<'_>], k: usize) -> Option<usize> {
    cue_words()
        .iter()
        .filter(|parts| {
            parts.len() <= ws.len() - k
                && parts
                    .iter()
                    .zip(&ws[k..])
                    .all(|(p, w)| w.text.eq_ignore_ascii_case(p))
        })
        .map(Vec::len)
        .max()
}

/// True when the `.`, `!` or `?` at byte `i` of `s` ends a sentence: it is
/// followed by white space (or the end) and does not close an abbreviation
/// ("U.S.", "Mr.").
fn ends_sentence(s: &str, i: usize) -> bool {
    if !s[i + 1..].chars().next().is_none_or(char::is_whitespace) {
        return false;
    }
    let word_start = s[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '.')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let w = &s[word_start..i];
    !(w.contains('.') || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Gen" | "Sen" | "Rep"))
}

/// The end of the sentence that starts at `from` (exclusive), bounded.
fn sentence_end(text: &str, from: usize) -> usize {
    let to = floor_char_boundary(text, from + WINDOW);
    let s = &text[from..to];
    for (i, c) in s.char_indices() {
        if c == '\n' {
            return from + i;
        }
        if matches!(c, '.' | '!' | '?') && ends_sentence(s, i) {
            return from + i + 1;
        }
    }
    to
}

/// The start of the sentence that ends at `to`, bounded.
fn sentence_start(text: &str, to: usize) -> usize {
    let from = floor_char_boundary(text, to.saturating_sub(WINDOW));
    let s = &text[from..to];
    for (i, c) in s.char_indices().rev() {
        if c == '\n' || (matches!(c, '.' | '!' | '?') && ends_sentence(s, i)) {
            return from + i + 1;
        }
    }
    from
}

/// The sentence around `span` (bounded to a few hundred bytes each side),
/// for showing a mention in context.
pub fn sentence_around(text: &str, span: Span) -> Span {
    let start = sentence_start(text, span.start);
    let end = sentence_end(text, span.end).max(span.end);
    let s = Span::new(start, end);
    let lead = s.slice(text).len() - s.slice(text).trim_start().len();
    Span::new(start + lead, end)
}

/// What a speaker phrase resolved to.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    /// A mention (index into the mentions).
    Mention(usize),
    /// A pronoun at this position, and the gender it asks for.
    Pronoun(usize, Option<Gender>),
    /// A nominal ("the spokesperson") with its head word.
    Nominal(Span),
}

/// Context shared by the attribution steps.
struct Ctx<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    entities: &'a [Entity],
    quotes: &'a [spans::RawQuote],
    /// Every word of every person's roles, lower-cased.
    role_words: std::collections::HashSet<String>,
    /// Each entity's gender as far as the text tells, worked out on first
    /// use (only quotes with a pronoun cue need it).
    genders: std::cell::OnceCell<Vec<Option<Gender>>>,
}

impl Ctx<'_> {
    /// Indices of mentions inside `[from, to)`.
    fn mentions_in(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let a = self.mentions.partition_point(|m| m.span.start < from);
        let b = self.mentions.partition_point(|m| m.span.start < to);
        a..b.max(a)
    }

    fn in_quote(&self, pos: usize) -> bool {
        let k = self.quotes.partition_point(|q| q.span.start <= pos);
        k > 0 && self.quotes[k - 1].span.end > pos
    }

    /// A speaker in `[from, to)`: the person mention nearest the cue (last
    /// when `last`), else a pronoun, else an organization or place, else a
    /// nominal with a role word.
    fn speaker_in(&self, from: usize, to: usize, last: bool) -> Option<Who> {
        let r = self.mentions_in(from, to);
        let pick = |f: &dyn Fn(&Mention) -> bool| {
            let mut it = r
                .clone()
                .filter(|&i| f(&self.mentions[i]) && self.mentions[i].span.end <= to);
            if last {
                it.next_back()
            } else {
                it.next()
            }
        };
        // A person inside a relative clause before the cue is not its
        // subject: "Keir Starmer, who replaced Rishi Sunak in July, said".
        let in_clause = |m: &Mention| {
            let lead = &self.text[from..m.span.start];
            let tail = &self.text[m.span.end.min(to)..to];
            [", who ", ", whom ", ", whose ", ", which "]
                .iter()
                .any(|w| lead.contains(w))
                && tail.contains(',')
        };
        if let Some(i) = pick(&|m| m.label == Label::Person && !(last && in_clause(m))) {
            return Some(Who::Mention(i));
        }
        let ws = words(self.text, from, to);
        let pron = if last {
            ws.iter().rev().find(|w| PRONOUNS.contains(&w.text))
        } else {
            ws.iter().find(|w| PRONOUNS.contains(&w.text))
        };
        if let Some(w) = pron {
            return Some(Who::Pronoun(w.span.start, gender::of_pronoun(w.text)));
        }
        let nominal = ws
            .iter()
            .find(|w| {
                w.text.chars().all(|c| c.is_lowercase())
                    && w.text.len() > 3
                    && (self.role_word(w.text) || ORG_NOUNS.contains(&w.text))
            })
            .map(|w| Who::Nominal(w.span));
        if let Some(i) = pick(&|m| matches!(m.label, Label::Org | Label::Gpe | Label::Norp)) {
            // "the Russian president said": the nationality only qualifies
            // the role, whose holder is the speaker.
            if self.mentions[i].label == Label::Norp && nominal.is_some() {
                return nominal;
            }
            return Some(Who::Mention(i));
        }
        nominal
    }

    /// True when entity `e` can be referred to by a pronoun of gender
    /// `wanted` (an entity of unknown gender fits any pronoun).
    fn fits(&self, e: usize, wanted: Option<Gender>) -> bool {
        let Some(wanted) = wanted else {
            return true;
        };
        let genders = self.genders.get_or_init(|| {
            self.entities
                .iter()
                .map(|ent| {
                    (ent.label == Label::Person)
                        .then(|| gender::of_entity(self.text, ent, self.mentions))
                        .flatten()
                })
                .collect()
        });
        genders
            .get(e)
            .copied()
            .flatten()
            .is_none_or(|g| g == wanted)
    }

    /// True when some person's role contains `word`.
    fn role_word(&self, word: &str) -> bool {
        self.role_words.contains(&word.to_lowercase())
    }

    /// True when the name at `start` is spoken to, not speaking: "told
    /// Reuters", "said to the BBC", "speaking to CNN".
    fn addressed(&self, start: usize) -> bool {
        let from = floor_char_boundary(self.text, start.saturating_sub(12));
        let before = self.text[from..start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        let last = before.rsplit(' ').next().unwrap_or("");
        matches!(last.to_ascii_lowercase().as_str(), "told" | "to" | "tells")
    }

    /// The entity a speaker phrase refers to.
    fn resolve(&self, who: Who) -> Option<usize> {
        match who {
            Who::Mention(i) => self.mentions[i].entity,
            Who::Pronoun(pos, wanted) => {
                // The nearest person outside quotes whom the pronoun fits:
                // "she" skips a man named in between.
                let r = self.mentions_in(pos.saturating_sub(ANTECEDENT_WINDOW), pos);
                r.rev()
                    .map(|i| &self.mentions[i])
                    .filter(|m| m.label == Label::Person && !self.in_quote(m.span.start))
                    .filter_map(|m| m.entity)
                    .find(|&e| self.fits(e, wanted))
            }
            Who::Nominal(span) => {
                let word = span.slice(self.text);
                let r = self.mentions_in(span.start.saturating_sub(ANTECEDENT_WINDOW), span.start);
                if ORG_NOUNS.contains(&word) && !self.role_word(word) {
                    // "the company said": the organization last named
                    // outside a quotation.
                    return r
                        .rev()
                        .map(|i| &self.mentions[i])
                        .filter(|m| {
                            m.label == Label::Org
                                && !self.in_quote(m.span.start)
                                && !self.addressed(m.span.start)
                        })
                        .find_map(|m| m.entity);
                }
                r.rev()
                    .map(|i| &self.mentions[i])
                    .filter(|m| m.label == Label::Person)
                    .filter_map(|m| m.entity)
                    .find(|&e| {
                        self.entities.get(e).is_some_and(|ent| {
                            ent.roles
                                .iter()
                                .any(|r| r.split_whitespace().any(|x| x.eq_ignore_ascii_case(word)))
                        })
                    })
            }
        }
    }

    /// A cue after the quote ending at `end`: `," Peskov said` or `," said
    /// Peskov`. Returns the speaker phrase and the cue.
    fn after(&self, end: usize) -> Option<(Option<Who>, Span)> {
        let stop = sentence_end(self.text, end);
        let ws = words(self.text, end, stop);
        // The cue must come within the first few words.
        for k in 0..ws.len().min(7) {
            if let Some(n) = cue_at(&ws, k) {
                let cue = Span::new(ws[k].span.start, ws[k + n - 1].span.end);
                let who = if k == 0 {
                    // said Peskov / according to Peskov
                    let next_stop = self.text[cue.end..stop]
                        .find([',', ';'])
                        .map_or(stop, |p| cue.end + p);
                    self.speaker_in(cue.end, next_stop, false)
                } else {
                    self.speaker_in(end, cue.start, true)
                };
                return Some((who, cue));
            }
        }
        None
    }

    /// A cue before the quote starting at `start`, in the same sentence:
    /// `Peskov said: "…"`, `according to Peskov, "…"`, or an embedded quote
    /// after a speech verb (`told the FT that it was "fragile"`).
    fn before(&self, start: usize) -> Option<(Option<Who>, Span)> {
        let from = sentence_start(self.text, start);
        let ws = words(self.text, from, start);
        let Some(k) = (0..ws.len()).rev().find(|&k| cue_at(&ws, k).is_some()) else {
            // "Ferraz was more sceptical: “…”" — a colon introduces the
            // words of the sentence's subject.
            let lead = self.text[from..start].trim_end();
            let colon = lead.strip_suffix(':')?;
            let cue = Span::new(from + colon.len(), from + lead.len());
            return Some((self.speaker_in(from, cue.start, false), cue));
        };
        let n = cue_at(&ws, k)?;
        let cue = Span::new(ws[k].span.start, ws[k + n - 1].span.end);
        let who = if ws[k].text.eq_ignore_ascii_case("according") {
            self.speaker_in(cue.end, start, false)
        } else {
            self.speaker_in(from, cue.start, true)
                .or_else(|| self.speaker_in(cue.end, start, false).filter(|_| n == 1))
        };
        Some((who, cue))
    }

    /// True when the quote at `start` is introduced as a term or title
    /// ("so-called", "a", "dubbed"), not as speech.
    fn introduced_as_term(&self, start: usize) -> bool {
        let from = sentence_start(self.text, start);
        let ws = words(self.text, from, start);
        let gap = ws
            .last()
            .map_or("", |w| self.text[w.span.end..start].trim());
        gap.is_empty()
            && ws.last().is_some_and(|w| {
                SCARE_INTRODUCERS
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(w.text))
            })
    }

    /// True when the short quote at `start` is the object complement of a
    /// naming verb a few words back in the same clause: the Labour Party
    /// "called the service “broken”", "dubbed the plan “a fraud”".
    fn named_by_verb(&self, start: usize) -> bool {
        let from = sentence_start(self.text, start);
        let ws = words(self.text, from, start);
        let clause = ws.iter().rev().take(NAMING_REACH + 1);
        let mut after = start;
        for w in clause {
            // Not across a comma, colon or dash: "…, called for calm, “We …”".
            if self.text[w.span.end..after].contains([',', ';', ':', '—', '(', ')']) {
                return false;
            }
            if NAMING_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w.text)) {
                return true;
            }
            after = w.span.start;
        }
        false
    }

    /// True when the quote at `start` sits inside a sentence (a word right
    /// before it, no colon or comma).
    fn embedded(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end_matches([' ', '\u{a0}']);
        before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    }
}

/// Finds the quotations of `text` and attributes them to entities.
#[inline(never)] // a pipeline stage: see crate::analyze
pub fn find(text: &str, mentions: &[Mention], entities: &[Entity]) -> Vec<Quote> {
    let raw = spans::find(text);
    let ctx = Ctx {
        text,
        mentions,
        entities,
        quotes: &raw,
        role_words: entities
            .iter()
            .flat_map(|e| &e.roles)
            .flat_map(|r| r.split_whitespace())
            .map(str::to_lowercase)
            .collect(),
        genders: std::cell::OnceCell::new(),
    };
    let mut out: Vec<Quote> = Vec::new();
    for q in &raw {
        let words_inside = words(text, q.span.start, q.span.end).len();
        // The quote's text up to its last word or sentence mark.
        let inner = q
            .span
            .slice(text)
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?'));
        // A quote that ends its own sentence with a period ("… unworkable."
        // Cruz said he disagreed.) takes no cue from the sentence after it;
        // "?" and "!" still do ("Why now?" she asked).
        let after = if inner.ends_with('.') {
            None
        } else {
            ctx.after(q.span.end)
        };
        let before = if after.is_none() {
            ctx.before(q.span.start)
        } else {
            None
        };
        let cued = after.or(before);
        let embedded = ctx.embedded(q.span.start);
        let is_speech = if ctx.introduced_as_term(q.span.start)
            || (words_inside <= 3 && ctx.named_by_verb(q.span.start))
        {
            false
        } else if embedded {
            before.is_some() || (after.is_some() && words_inside >= 3)
        } else {
            cued.is_some() || words_inside >= 4
        };
        if !is_speech {
            continue;
        }
        let mut speaker = cued.and_then(|(who, _)| who).and_then(|w| ctx.resolve(w));
        let cue = cued.map(|(_, c)| c);
        if speaker.is_none() && cue.is_none() {
            // A paragraph-opening quote with no cue continues the previous
            // speaker; else the next sentence may name one.
            // (Bounded: in a text without line breaks an unbounded search
            // back would make every quote scan to the start.)
            let from = floor_char_boundary(text, q.span.start.saturating_sub(ANTECEDENT_WINDOW));
            let line_start = text[from..q.span.start]
                .rfind('\n')
                .map_or(from, |p| from + p + 1);
            let opens_paragraph = text[line_start..q.span.start].trim().is_empty();
            // A speaker named with a cue in the next sentence is explicit
            // evidence and wins over continuing the previous speaker. The
            // next sentence starts right after the quote when the quote
            // ends its own sentence ("… back down.”).
            let next_start = if inner.ends_with(['.', '!', '?']) {
                q.span.end
            } else {
                sentence_end(text, q.span.end)
            };
            let next_end = sentence_end(text, next_start);
            let ws = words(text, next_start, next_end);
            if (0..ws.len()).any(|k| cue_at(&ws, k).is_some()) {
                speaker = ctx
                    .speaker_in(next_start, next_end, false)
                    .filter(|w| matches!(w, Who::Mention(_)))
                    .and_then(|w| ctx.resolve(w));
            }
            if speaker.is_none() {
                let previous = out.last().filter(|p| {
                    // The previous quote, in this paragraph or just before it.
                    opens_paragraph || p.span.end >= line_start
                });
                speaker = previous.and_then(|p| p.speaker);
            }
        }
        out.push(Quote {
            span: q.span,
            speaker,
            cue,
        });
    }
    out
}

#[cfg(test)]
mod tests;
