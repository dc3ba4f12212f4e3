//! CoNLL-2003 data: reading, rebuilding natural text with gold spans,
//! projecting gold spans onto our tokens, and exact-span scoring.
//!
//! The files are one token per line (`word POS chunk NER`, IOB1 or IOB2
//! tags), a blank line between sentences and `-DOCSTART-` between
//! documents. A document is rebuilt as a user would paste it:
//! - no space before `, . ; : ! ? ) ] } %` and clitics (`'s`, `n't`), none
//!   after `( [ {` and `$`; straight double quotes alternate opening and
//!   closing within a sentence; a sentence-final `.` after a word that
//!   already ends in one (`U.S.`) is dropped;
//! - the first sentence (the headline), ALL-CAPS sentences, and sentences
//!   not ending in `. ! ?` (datelines, bylines, table rows) are lines of
//!   their own; other sentences are joined into paragraphs of up to three.

use super::{Name, NameType, NTAGS};
use crate::span::Span;
use crate::tokenize::Token;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One sentence as read: words and their types (`None` outside names), with
/// begin markers.
#[derive(Clone, Debug, Default)]
struct RawSentence {
    words: Vec<String>,
    /// Per word: the type and whether the word begins a name.
    tags: Vec<Option<(NameType, bool)>>,
}

/// A rebuilt document: natural text and its gold names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The text.
    pub text: String,
    /// Gold names, byte spans into `text`, in order.
    pub names: Vec<Name>,
}

fn parse(input: &str) -> Vec<Vec<RawSentence>> {
    let mut docs: Vec<Vec<RawSentence>> = Vec::new();
    let mut sent = RawSentence::default();
    let flush = |docs: &mut Vec<Vec<RawSentence>>, sent: &mut RawSentence| {
        if !sent.words.is_empty() {
            if docs.is_empty() {
                docs.push(Vec::new());
            }
            if let Some(d) = docs.last_mut() {
                d.push(std::mem::take(sent));
            }
        }
    };
    for line in input.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut sent);
            continue;
        }
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        if word == "-DOCSTART-" {
            flush(&mut docs, &mut sent);
            docs.push(Vec::new());
            continue;
        }
        let tag = fields.last().unwrap_or("O");
        let parsed = tag
            .split_once('-')
            .and_then(|(bi, ty)| Some((bi, NameType::from_conll(ty)?)));
        let entry = parsed.map(|(bi, ty)| {
            let prev = sent.tags.last().copied().flatten();
            // IOB1: I- after another type or outside begins a name too.
            let begins = bi == "B" || prev.is_none_or(|(p, _)| p != ty);
            (ty, begins)
        });
        sent.words.push(word.to_string());
        sent.tags.push(entry);
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.is_empty());
    docs
}

fn attaches_left(w: &str) -> bool {
    matches!(
        w,
        "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "%" | "..." | "'"
    ) || {
        let l = w.to_ascii_lowercase();
        matches!(
            l.as_str(),
            "'s" | "n't" | "'re" | "'ve" | "'ll" | "'m" | "'d"
        )
    }
}

fn attaches_right(w: &str) -> bool {
    matches!(w, "(" | "[" | "{" | "$")
}

fn ends_sentence(s: &RawSentence) -> bool {
    let mut words = s.words.iter().rev();
    let mut last = words.next().map(String::as_str);
    if last == Some("\"") {
        last = words.next().map(String::as_str);
    }
    matches!(last, Some("." | "!" | "?"))
}

fn all_caps(s: &RawSentence) -> bool {
    !s.words.iter().any(|w| w.chars().any(char::is_lowercase))
}

/// Appends one sentence to `text`, recording gold names.
fn render(s: &RawSentence, text: &mut String, names: &mut Vec<Name>) {
    let mut quotes = 0;
    let mut prev: Option<&str> = None;
    let mut open_quote = false;
    let mut current: Option<(usize, NameType)> = None;
    let mut last_end = text.len();
    for (i, w) in s.words.iter().enumerate() {
        if w == "." && prev.is_some_and(|p| p.ends_with('.') && p.len() > 1) {
            continue;
        }
        let mut space = prev.is_some();
        if w == "\"" {
            if quotes % 2 == 0 {
                open_quote = true;
            } else {
                space = false;
            }
            quotes += 1;
        } else if attaches_left(w) {
            space = false;
        }
        if prev.is_some_and(attaches_right) {
            space = false;
        }
        if prev == Some("\"") && quotes % 2 == 1 && open_quote && w != "\"" {
            space = false;
        }
        let tag = s.tags[i];
        // Close a name that does not continue here.
        if let Some((start, ty)) = current {
            if !matches!(tag, Some((t, false)) if t == ty) {
                names.push(Name {
                    span: Span::new(start, last_end),
                    kind: ty,
                });
                current = None;
            }
        }
        if space {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(w);
        last_end = text.len();
        if let Some((ty, begins)) = tag {
            if begins || current.is_none() {
                current = Some((start, ty));
            }
        }
        if w != "\"" {
            open_quote = false;
        }
        prev = Some(w);
    }
    if let Some((start, ty)) = current {
        names.push(Name {
            span: Span::new(start, last_end),
            kind: ty,
        });
    }
}

fn rebuild(doc: &[RawSentence]) -> Document {
    let mut text = String::new();
    let mut names = Vec::new();
    let mut in_para = 0;
    for (k, s) in doc.iter().enumerate() {
        if k > 0 {
            let prev = &doc[k - 1];
            let own_line = k == 1 || !ends_sentence(prev) || all_caps(prev) || all_caps(s);
            if own_line || in_para >= 3 {
                text.push('\n');
                in_para = 0;
            } else {
                text.push(' ');
            }
        }
        render(s, &mut text, &mut names);
        in_para += 1;
    }
    text.push('\n');
    Document { text, names }
}

/// Reads CoNLL-2003 data and rebuilds every document as natural text.
pub fn read(input: &str) -> Vec<Document> {
    parse(input).iter().map(|d| rebuild(d)).collect()
}

/// Like [`read`], with training augmentation for the styles of modern
/// news that CoNLL lacks: in every other document the dateline becomes a
/// wire dateline that runs into the first sentence (`BRUSSELS 1996-08-22`
/// then `The ...` becomes `BRUSSELS (Reuters) - The ...`, "Reuters" an
/// organization) and its ALL-CAPS headline is added again, alone and in
/// title case, as a document of its own; in the others the headline is
/// written in title case ([`title_case_headline`]).
pub fn read_augmented(input: &str) -> Vec<Document> {
    let mut out = Vec::new();
    for (k, d) in parse(input).iter_mut().enumerate() {
        if k % 2 == 0 {
            // Every other wire dateline has no credit (`GENEVA - The ...`).
            wire_dateline(d, k % 4 == 0);
            let doc = rebuild(d);
            // The headline alone, in title case, as an extra document.
            if let Some(head) = d.first() {
                let mut alone = rebuild(std::slice::from_ref(head));
                let before = alone.text.clone();
                title_case_headline(&mut alone);
                if alone.text != before {
                    out.push(alone);
                }
            }
            out.push(doc);
        } else {
            let mut doc = rebuild(d);
            title_case_headline(&mut doc);
            out.push(doc);
        }
    }
    out
}

/// Extra training documents for modern news: a copy of every `every`-th
/// document (`every` ≥ 1) in which every one-word organization written in
/// title case (`Lotte`, `Boatmen`) is replaced by a company name from
/// `companies`, the same replacement for every occurrence of a word in the
/// document, so the tagger learns organizations from their contexts and
/// from the company gazetteer rather than from the 1996 names themselves
/// (`Nvidia`, `Netflix` were tagged as a place and a person before).
/// Documents without such a name give no copy.
///
/// Deterministic for the same `seed`.
pub fn read_swapped(input: &str, companies: &[&str], every: usize, seed: u64) -> Vec<Document> {
    let every = every.max(1);
    let mut out = Vec::new();
    if companies.is_empty() {
        return out;
    }
    for (k, d) in parse(input).iter().enumerate() {
        if k % every != 0 {
            continue;
        }
        let salt = super::features::mix(seed ^ k as u64);
        let mut swapped = d.clone();
        let mut map: BTreeMap<String, String> = BTreeMap::new();
        for s in &mut swapped {
            for i in 0..s.words.len() {
                let single = matches!(s.tags[i], Some((NameType::Org, true)))
                    && !matches!(s.tags.get(i + 1), Some(Some((NameType::Org, false))));
                let w = &s.words[i];
                let title = w.len() >= 3
                    && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && w.chars().skip(1).all(|c| c.is_ascii_lowercase());
                if !single || !title {
                    continue;
                }
                let n = map.len() as u64;
                let new = map.entry(w.clone()).or_insert_with(|| {
                    let r = super::features::mix(salt ^ n.wrapping_mul(0x9e37));
                    companies[(r % companies.len() as u64) as usize].to_string()
                });
                s.words[i] = new.clone();
            }
        }
        if !map.is_empty() {
            out.push(rebuild(&swapped));
        }
    }
    out
}

/// Turns the second sentence, when it is a dateline (a few words then a
/// `YYYY-MM-DD` date), into `WORDS (Reuters) -` (or `WORDS -` without
/// `credit`) joined with the sentence after it.
fn wire_dateline(doc: &mut Vec<RawSentence>, credit: bool) {
    let is_date = |w: &str| {
        w.len() == 10
            && w.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
    };
    let dateline = doc.get(1).is_some_and(|s| {
        s.words.len() >= 2 && s.words.len() <= 6 && s.words.last().is_some_and(|w| is_date(w))
    });
    if !dateline || doc.len() < 3 {
        return;
    }
    let body = doc.remove(2);
    let Some(s) = doc.get_mut(1) else { return };
    s.words.pop();
    s.tags.pop();
    let wire: &[(&str, Option<(NameType, bool)>)] = if credit {
        &[
            ("(", None),
            ("Reuters", Some((NameType::Org, true))),
            (")", None),
            ("-", None),
        ]
    } else {
        &[("-", None)]
    };
    for &(w, tag) in wire {
        s.words.push(w.to_string());
        s.tags.push(tag);
    }
    s.words.extend(body.words);
    s.tags.extend(body.tags);
}

/// Rewrites an ALL-CAPS first line (the headline) in title case, as
/// modern news writes headlines: function words lower-case, other words
/// capitalized, words with periods (`U.S.`) and words written in capitals
/// in the body (acronyms such as `NATO`) kept. Only characters whose case
/// mapping keeps their UTF-8 length change, so gold spans stay valid.
/// Used to augment training data.
pub fn title_case_headline(doc: &mut Document) {
    let end = doc.text.find('\n').unwrap_or(doc.text.len());
    let (head, body) = doc.text.split_at(end);
    if head.chars().any(char::is_lowercase) || !head.chars().any(char::is_uppercase) {
        return;
    }
    let acronyms: std::collections::HashSet<&str> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && !w.chars().any(char::is_lowercase))
        .collect();
    const SMALL: &[&str] = &[
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
        "as", "vs", "v",
    ];
    let mut out = String::with_capacity(head.len());
    let mut first_word = true;
    for (k, piece) in head.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let core = piece.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = core.to_lowercase();
        let keep = core.contains('.') || acronyms.contains(core) || core.is_empty();
        let small = !first_word && SMALL.contains(&lower.as_str());
        if !core.is_empty() {
            first_word = false;
        }
        // The first letter of a word stays a capital unless the word is small.
        let mut seen_alnum = false;
        for c in piece.chars() {
            let initial = !seen_alnum;
            seen_alnum |= c.is_alphanumeric();
            let to = if keep || !c.is_alphabetic() || initial && !small {
                c
            } else {
                c.to_lowercase().next().unwrap_or(c)
            };
            let to = if to.len_utf8() == c.len_utf8() { to } else { c };
            out.push(to);
        }
    }
    if out.len() == head.len() {
        doc.text.replace_range(..end, &out);
    }
}

/// Gold BIO tags for `tokens` from `names`: a token gets the type of the
/// name it overlaps. Returns the tags and how many names do not start and
/// end on token boundaries.
pub fn project(tokens: &[Token], names: &[Name]) -> (Vec<u8>, usize) {
    let mut tags = vec![0u8; tokens.len()];
    let mut misaligned = 0;
    let mut t = 0;
    for name in names {
        while t < tokens.len() && tokens[t].span.end <= name.span.start {
            t += 1;
        }
        let mut first = true;
        let mut j = t;
        while j < tokens.len() && tokens[j].span.start < name.span.end {
            if tags[j] == 0 {
                tags[j] = if first {
                    name.kind.begin_tag()
                } else {
                    name.kind.inside_tag()
                };
            }
            let starts_inside = first && tokens[j].span.start != name.span.start;
            let ends_inside = tokens[j].span.end > name.span.end;
            if starts_inside || ends_inside {
                misaligned += 1;
            }
            first = false;
            j += 1;
        }
    }
    debug_assert!(tags.iter().all(|&x| (x as usize) < NTAGS));
    (tags, misaligned)
}

/// Exact-span counts for one type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall (1 when there was nothing to find).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Exact-span scores per CoNLL type, accumulated over documents.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Counts by type name.
    pub by_type: BTreeMap<&'static str, Counts>,
}

impl Scores {
    /// Adds one document: `gold` and `predicted` as (span, CoNLL type).
    pub fn add(&mut self, gold: &[(Span, &'static str)], predicted: &[(Span, &'static str)]) {
        use std::collections::HashSet;
        let g: HashSet<_> = gold.iter().copied().collect();
        let p: HashSet<_> = predicted.iter().copied().collect();
        for &(_, ty) in &g {
            self.by_type.entry(ty).or_default();
        }
        for x in &p {
            let c = self.by_type.entry(x.1).or_default();
            if g.contains(x) {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        for x in &g {
            if !p.contains(x) {
                self.by_type.entry(x.1).or_default().fn_ += 1;
            }
        }
    }

    /// Micro-averaged counts over all types.
    pub fn micro(&self) -> Counts {
        let mut all = Counts::default();
        for c in self.by_type.values() {
            all.add(*c);
        }
        all
    }

    /// A table of precision, recall and F1 per type and micro.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<6} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6}",
            "type", "P", "R", "F1", "tp", "fp", "fn"
        );
        let rows = self
            .by_type
            .iter()
            .map(|(k, c)| (*k, *c))
            .chain(std::iter::once(("micro", self.micro())));
        for (k, c) in rows {
            let _ = writeln!(
                s,
                "{:<6} {:>7.4} {:>7.4} {:>7.4} {:>6} {:>6} {:>6}",
                k,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

BRUSSELS NNP B-NP B-LOC
1996-08-22 CD I-NP O

\" \" O O
We PRP B-NP O
met VBD B-VP O
Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
of IN O O
the DT O O
U.S. NNP B-NP B-LOC
. . O O
\" \" O O
He PRP O O
did VBD O O
n't RB O O
go VB O O
to TO O O
Iran NNP B-NP B-LOC
's POS O O
( ( O O
capital NN O O
) ) O O
. . O O

-DOCSTART- -X- -X- O

Bonn NNP B-NP I-LOC
Paris NNP B-NP B-LOC
";

    #[test]
    fn rebuilds_natural_text_with_gold_spans() {
        let docs = read(SAMPLE);
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(
            d.text,
            "EU rejects German call.\nBRUSSELS 1996-08-22\n\"We met Peter Blackburn of the U.S.\" He didn't go to Iran's (capital).\n"
        );
        let names: Vec<(&str, &str)> = d
            .names
            .iter()
            .map(|n| (n.span.slice(&d.text), n.kind.conll()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("EU", "ORG"),
                ("German", "MISC"),
                ("BRUSSELS", "LOC"),
                ("Peter Blackburn", "PER"),
                ("U.S.", "LOC"),
                ("Iran", "LOC")
            ]
        );
        // IOB1: two adjacent names of one type split only at B-.
        let d = &docs[1];
        assert_eq!(d.text, "Bonn Paris\n");
        assert_eq!(d.names.len(), 2);
    }

    #[test]
    fn projects_gold_onto_tokens() {
        let docs = read(SAMPLE);
        let d = &docs[0];
        let tokens = tokenize(&d.text);
        let (tags, misaligned) = project(&tokens, &d.names);
        assert_eq!(misaligned, 0);
        let words: Vec<(&str, u8)> = tokens.iter().map(|t| t.text(&d.text)).zip(tags).collect();
        assert!(words.contains(&("Peter", NameType::Per.begin_tag())));
        assert!(words.contains(&("Blackburn", NameType::Per.inside_tag())));
        assert!(words.contains(&("Iran", NameType::Loc.begin_tag())));
        assert!(words.contains(&("'s", 0)));
    }

    #[test]
    fn augments_datelines_and_headlines() {
        let docs = read_augmented(SAMPLE);
        assert_eq!(
            docs[0].text,
            "EU rejects German call.\nBRUSSELS (Reuters) - \"We met Peter Blackburn of the U.S.\" He didn't go to Iran's (capital).\n"
        );
        let names: Vec<&str> = docs[0]
            .names
            .iter()
            .map(|n| n.span.slice(&docs[0].text))
            .collect();
        assert!(names.contains(&"Reuters"));
        assert!(names.contains(&"BRUSSELS"));
        assert_eq!(docs[1].text, "Bonn Paris\n");
        assert_eq!(docs.len(), 2, "no all-caps headline to add");
    }

    #[test]
    fn every_other_wire_dateline_has_no_credit() {
        let three = format!("{SAMPLE}\n{SAMPLE}\n{SAMPLE}");
        let docs = read_augmented(&three);
        // SAMPLE holds two documents: the third copy of the first is k = 4.
        assert_eq!(docs.len(), 6);
        assert!(docs[0].text.contains("BRUSSELS (Reuters) - \"We met"));
        assert!(docs[4].text.contains("BRUSSELS (Reuters) - \"We met"));
        assert!(
            docs[2].text.contains("\nBRUSSELS - \"We met"),
            "{}",
            docs[2].text
        );
        let names: Vec<&str> = docs[2]
            .names
            .iter()
            .map(|n| n.span.slice(&docs[2].text))
            .collect();
        assert!(names.contains(&"BRUSSELS"));
        assert!(!names.contains(&"Reuters"));
    }

    #[test]
    fn swaps_one_word_organizations_for_companies() {
        let data = "-DOCSTART- -X- -X- O

Lotte NNP B-NP B-ORG
beat VBD B-VP O
Hyundai NNP B-NP B-ORG
Motor NNP I-NP I-ORG
and CC O O
NATO NNP B-NP B-ORG
. . O O

Lotte NNP B-NP B-ORG
won VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

Paris NNP B-NP B-LOC
. . O O
";
        let out = read_swapped(data, &["Nvidia"], 1, 3);
        assert_eq!(out.len(), 1, "no copy without a one-word organization");
        let d = &out[0];
        assert_eq!(d.text, "Nvidia beat Hyundai Motor and NATO.\nNvidia won.\n");
        let names: Vec<(&str, NameType)> = d
            .names
            .iter()
            .map(|n| (n.span.slice(&d.text), n.kind))
            .collect();
        assert_eq!(names[0], ("Nvidia", NameType::Org));
        assert_eq!(names[1], ("Hyundai Motor", NameType::Org));
        assert_eq!(read_swapped(data, &["Nvidia"], 1, 3), out);
        assert!(read_swapped(data, &[], 1, 3).is_empty());
    }

    #[test]
    fn title_cases_headlines() {
        let mut d = Document {
            text: "SOCCER - NATO AND U.S. BEAT JAPAN IN TOKYO.\nThe NATO team won.\n".into(),
            names: Vec::new(),
        };
        title_case_headline(&mut d);
        assert_eq!(
            d.text,
            "Soccer - NATO and U.S. Beat Japan in Tokyo.\nThe NATO team won.\n"
        );
        let mut lower = Document {
            text: "Already fine\n".into(),
            names: Vec::new(),
        };
        title_case_headline(&mut lower);
        assert_eq!(lower.text, "Already fine\n");
    }

    #[test]
    fn scores_exact_spans() {
        let mut s = Scores::default();
        let a = (Span::new(0, 2), "ORG");
        let b = (Span::new(5, 9), "PER");
        let c = (Span::new(5, 8), "PER");
        s.add(&[a, b], &[a, c]);
        let m = s.micro();
        assert_eq!((m.tp, m.fp, m.fn_), (1, 1, 1));
        assert!((m.f1() - 0.5).abs() < 1e-9);
        assert!(s.report().contains("micro"));
    }
}
