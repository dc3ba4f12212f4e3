//! The learned name tagger: people, organizations, places and other names.
//!
//! A two-stage averaged structured perceptron over BIO tags for the four
//! CoNLL-2003 types (PER, ORG, LOC, MISC), decoded with Viterbi
//! ([`decode`]). Features ([`features`]) follow Ratinov & Roth (2009): words
//! and their case-folded forms in a ±2 window, shapes, suffixes, flags
//! (including "a common lower-case word", from a Bloom filter shipped in the
//! model), headline (ALL-CAPS or title case) conjunctions, gazetteer
//! matches ([`gazetteer`]); the second stage adds document features: how the
//! first stage tagged the same word elsewhere in the document, whether it
//! also occurs lower-cased, and the words around its other occurrences.
//! Weights are hashed into fixed tables of 2^16 rows and quantized to `i8`
//! ([`model`]), embedded in the binary and parsed once.
//!
//! Spans leave out leading titles ("Mr.", "President") and punctuation, as
//! CoNLL does, and every occurrence of a name's exact text gets the type it
//! has most often in the document, except that the place opening a
//! dateline (`ROME 1996-12-06`, `ANKARA (Reuters) -`) is always a location
//! and its wire credit an organization. Output types are refined with gazetteers and conservative
//! rules ([`refine`]): PER → PERSON, ORG → ORG, LOC → GPE / LOC / FAC,
//! MISC → NORP / EVENT / LAW / LANGUAGE or MISC.
//!
//! The model is trained on CoNLL-2003 rebuilt as natural text ([`conll`])
//! and tokenized by [`crate::tokenize`], exactly as pasted text is at run
//! time (`models/SOURCES.md` has the details):
//!
//! ```text
//! cargo run --release --bin train-ner -- /work/shared/data/conll2003/train.txt models/ner.bin
//! cargo run --release --bin evaluate-ner -- /work/shared/data/conll2003/valid.txt
//! cargo run --release --bin evaluate-ner -- /work/shared/data/conll2003/valid.txt --speed
//! cargo bench --bench ner
//! ```
//!
//! Tagging is linear in the text and never panics.

pub mod conll;
pub mod decode;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod refine;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use crate::analysis::Mention;
use crate::merge::{priority, Candidate};
use crate::span::Span;
use crate::tokenize::{sentences, tokenize, Token};
use features::{flag, DocFeat, Hasher, TokenInfo};
use gazetteer::Gazetteer;
use model::{Model, ModelError, Stage};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// A `BuildHasher` for keys that are already good 64-bit hashes.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdentityHash;

/// The [`IdentityHash`] hasher state.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = features::mix(self.0 ^ b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

impl std::hash::BuildHasher for IdentityHash {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

/// Number of name types.
pub const NTYPES: usize = 4;
/// Number of BIO tags: `O`, then `B-X`, `I-X` for each type.
pub const NTAGS: usize = 1 + 2 * NTYPES;

/// The CoNLL-2003 name types the tagger predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameType {
    /// People.
    Per,
    /// Organizations.
    Org,
    /// Locations.
    Loc,
    /// Other names (nationalities, events, works, products...).
    Misc,
}

impl NameType {
    /// All types, in tag order.
    pub const ALL: [NameType; NTYPES] =
        [NameType::Per, NameType::Org, NameType::Loc, NameType::Misc];

    /// Index in tag order (0–3).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The CoNLL name (`PER`, `ORG`, `LOC`, `MISC`).
    pub const fn conll(self) -> &'static str {
        match self {
            NameType::Per => "PER",
            NameType::Org => "ORG",
            NameType::Loc => "LOC",
            NameType::Misc => "MISC",
        }
    }

    /// Parses a CoNLL name.
    pub fn from_conll(s: &str) -> Option<NameType> {
        NameType::ALL.into_iter().find(|t| t.conll() == s)
    }

    /// The `B-` tag of this type.
    pub const fn begin_tag(self) -> u8 {
        1 + 2 * self as u8
    }

    /// The `I-` tag of this type.
    pub const fn inside_tag(self) -> u8 {
        2 + 2 * self as u8
    }

    /// The type of a tag (`None` for `O` or an out-of-range tag).
    pub fn of_tag(tag: u8) -> Option<NameType> {
        if tag == 0 {
            return None;
        }
        NameType::ALL.get((tag as usize - 1) / 2).copied()
    }
}

/// One name found by the tagger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    /// Byte span in the text.
    pub span: Span,
    /// Its CoNLL type.
    pub kind: NameType,
}

/// A tokenized document ready for tagging.
#[derive(Debug)]
pub struct Doc {
    /// Tokens of the text.
    pub tokens: Vec<Token>,
    /// Sentences, as token index ranges.
    pub sentences: Vec<Range<usize>>,
    /// One summary per token, with sentence flags and gazetteer matches.
    pub infos: Vec<TokenInfo>,
}

impl Doc {
    /// Tokenizes `text`, splits sentences and summarizes every token.
    pub fn new(text: &str, gazetteer: &Gazetteer) -> Doc {
        let tokens = tokenize(text);
        let sentences = sentences(text, &tokens);
        let mut infos: Vec<TokenInfo> = tokens
            .iter()
            .map(|t| TokenInfo::new(t.text(text)))
            .collect();
        let mut folded = Vec::new();
        let mut capital = Vec::new();
        let mut gaz = Vec::new();
        for r in &sentences {
            let s = &mut infos[r.clone()];
            features::mark_sentence(s);
            folded.clear();
            capital.clear();
            folded.extend(s.iter().map(|t| t.fold));
            capital.extend(s.iter().map(|t| t.capitalized()));
            gazetteer.annotate(&folded, &capital, &mut gaz);
            for (t, g) in s.iter_mut().zip(&gaz) {
                t.gaz = *g;
            }
        }
        Doc {
            tokens,
            sentences,
            infos,
        }
    }

    /// Sets [`flag::COMMON`] on tokens whose stem is in `vocab`.
    pub fn mark_common(&mut self, vocab: &model::LowerVocab) {
        for t in &mut self.infos {
            if vocab.contains(t.stem) {
                t.flags |= flag::COMMON;
            }
        }
    }
}

/// Document features for every token from the first stage's `tags`.
pub fn doc_features(doc: &Doc, tags: &[u8]) -> Vec<DocFeat> {
    /// Occurrences remembered per word for context aggregation.
    const OCC: usize = 5;
    #[derive(Default)]
    struct Stats {
        types: [u32; NTYPES],
        outside: u32,
        lower: u32,
        cap: u32,
        occ: [u32; OCC],
        n_occ: usize,
    }
    let neighbour = |j: Option<usize>, salt: u64| -> u32 {
        let h = j.and_then(|j| doc.infos.get(j)).map_or(salt, |t| t.fold);
        features::mix(h ^ salt) as u32 | 1
    };
    let caps = |i: &TokenInfo| i.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0;
    let cap_inner = |i: &TokenInfo| {
        i.flags & flag::INIT_CAP != 0 && i.flags & (flag::FIRST | flag::CAPS_SENTENCE) == 0
    };
    let mut stats: HashMap<u64, Stats, IdentityHash> = HashMap::default();
    for (i, info) in doc.infos.iter().enumerate() {
        if info.flags & flag::PUNCT != 0 || info.flags & flag::NUMBER != 0 {
            continue;
        }
        let s = stats.entry(info.fold).or_default();
        let tag = tags.get(i).copied().unwrap_or(0);
        match NameType::of_tag(tag) {
            Some(t) => s.types[t.index()] += 1,
            None if caps(info) => s.outside += 1,
            None => {}
        }
        if info.flags & flag::ALL_LOWER != 0 {
            s.lower += 1;
        }
        if cap_inner(info) {
            s.cap += 1;
        }
        if caps(info) && s.n_occ < OCC {
            s.occ[s.n_occ] = i as u32;
            s.n_occ += 1;
        }
    }
    doc.infos
        .iter()
        .enumerate()
        .map(|(i, info)| {
            let tag = tags.get(i).copied().unwrap_or(0);
            let mut d = DocFeat {
                tag,
                ..DocFeat::default()
            };
            if !caps(info) {
                return d;
            }
            let Some(s) = stats.get(&info.fold) else {
                return d;
            };
            let mut types = s.types;
            let mut outside = s.outside;
            match NameType::of_tag(tag) {
                Some(t) => types[t.index()] = types[t.index()].saturating_sub(1),
                None => outside = outside.saturating_sub(1),
            }
            let mut best = 0;
            for (k, &c) in types.iter().enumerate() {
                if c > 0 {
                    d.types |= 1 << k;
                    if c > types[best] || types[best] == 0 {
                        best = k;
                    }
                }
            }
            if d.types != 0 {
                d.major = best as u8 + 1;
            } else if outside > 0 {
                d.only_outside = true;
            }
            let mut k = 0;
            for &j in s.occ[..s.n_occ]
                .iter()
                .filter(|&&j| j as usize != i)
                .take(4)
            {
                let j = j as usize;
                d.contexts[k] = neighbour(j.checked_sub(1), 0x51);
                d.contexts[k + 1] = neighbour(Some(j + 1), 0x52);
                k += 2;
            }
            d.lower_elsewhere = s.lower > 0;
            d.cap_elsewhere = s.cap > u32::from(cap_inner(info));
            d
        })
        .collect()
}

/// Name spans (token index ranges and types) from BIO tags.
pub fn tag_spans(tags: &[u8]) -> Vec<(Range<usize>, NameType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NameType)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let kind = NameType::of_tag(tag);
        let continues = tag != 0 && tag % 2 == 0 && open.is_some_and(|(_, k)| Some(k) == kind);
        if continues {
            continue;
        }
        if let Some((s, k)) = open.take() {
            out.push((s..i, k));
        }
        if let Some(k) = kind {
            open = Some((i, k));
        }
    }
    if let Some((s, k)) = open {
        out.push((s..tags.len(), k));
    }
    out
}

/// First-stage features of every token of a document, computed once and
/// shared by both stages.
#[derive(Debug, Default)]
pub(crate) struct BaseFeatures {
    feats: Vec<u32>,
    /// Token `i`'s features are `feats[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
}

impl BaseFeatures {
    pub(crate) fn new(hasher: &Hasher, doc: &Doc) -> BaseFeatures {
        let mut b = BaseFeatures {
            feats: Vec::with_capacity(doc.tokens.len() * 48),
            offsets: Vec::with_capacity(doc.tokens.len() + 1),
        };
        for r in &doc.sentences {
            features::extract(
                hasher,
                &doc.infos[r.clone()],
                None,
                &mut b.feats,
                &mut b.offsets,
            );
            // The sentence's end offset is the next sentence's start.
            b.offsets.pop();
        }
        b.offsets.push(b.feats.len() as u32);
        b
    }

    fn token(&self, i: usize) -> &[u32] {
        let (Some(&s), Some(&e)) = (self.offsets.get(i), self.offsets.get(i + 1)) else {
            return &[];
        };
        self.feats.get(s as usize..e as usize).unwrap_or(&[])
    }
}

/// Decodes one stage over every sentence of `doc`, writing one tag per
/// token into `tags`. `docf` (second stage) adds document features.
pub(crate) fn run_stage(
    stage: &Stage,
    doc: &Doc,
    base: &BaseFeatures,
    docf: Option<&[DocFeat]>,
    tags: &mut Vec<u8>,
) {
    let hasher = Hasher::new(stage.bits);
    tags.clear();
    tags.resize(doc.tokens.len(), 0);
    let mut extra = Vec::new();
    let mut offsets = Vec::new();
    let mut emit = Vec::new();
    let mut scratch = decode::Scratch::default();
    let mut out = Vec::new();
    for r in &doc.sentences {
        extra.clear();
        offsets.clear();
        if let Some(d) = docf {
            features::extract_doc(
                &hasher,
                &doc.infos[r.clone()],
                &d[r.clone()],
                &mut extra,
                &mut offsets,
            );
        }
        emit.clear();
        for (k, i) in r.clone().enumerate() {
            let more = match (offsets.get(k), offsets.get(k + 1)) {
                (Some(&s), Some(&e)) => extra.get(s as usize..e as usize).unwrap_or(&[]),
                _ => &[],
            };
            emit.push(stage.score(base.token(i), more));
        }
        decode::viterbi(&emit, &stage.trans, &stage.start, &mut scratch, &mut out);
        tags[r.clone()].copy_from_slice(&out);
    }
}

/// Titles and roles that precede a name ("Mr.", "Dr", "Sen.",
/// "President"); CoNLL leaves them out of the name.
fn is_title(token: &str) -> bool {
    const TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "capt",
        "lt",
        "sgt",
        "adm",
        "maj",
        "rev",
        "fr",
        "hon",
        "pres",
        "supt",
        "cmdr",
        "messrs",
        "president",
        "chancellor",
        "premier",
        "senator",
        "governor",
        "mayor",
        "judge",
        "pope",
        "minister",
        "secretary",
        "chairman",
        "ambassador",
        "general",
        "colonel",
        "captain",
        "sheikh",
        "ayatollah",
        "cardinal",
        "bishop",
        // Royal titles: CoNLL leaves "Queen" (3 of 3 in train.txt),
        // "Princess" (6 of 6) and mostly "King" (7 of 9) out; "Prince" it
        // includes as often as not ("Prince Charles"), so it stays.
        "king",
        "queen",
        "princess",
        "emperor",
        "empress",
        "coach",
        "striker",
        "defender",
        "goalkeeper",
        "midfielder",
        "quarterback",
        "pitcher",
        "economist",
        "analyst",
    ];
    let t = token.strip_suffix('.').unwrap_or(token);
    t.len() <= 12 && TITLES.iter().any(|x| x.eq_ignore_ascii_case(t))
}

/// The head word of a name: the word before its first "of" ("Party of
/// Democratic Action"), else its last word.
fn head_word<'t>(doc: &Doc, text: &'t str, r: &Range<usize>) -> &'t str {
    let words = || {
        doc.tokens
            .get(r.clone())
            .unwrap_or(&[])
            .iter()
            .map(|t| t.text(text))
    };
    match words().position(|w| w == "of") {
        Some(k) if k > 0 => words().nth(k - 1).unwrap_or(""),
        _ => words().next_back().unwrap_or(""),
    }
}

/// Head nouns of institutions' names ("Commerce Department", "Party of
/// Democratic Action"), which take "the" as an article, not as part of the
/// name.
fn is_institution_head(token: &str) -> bool {
    const HEADS: &[&str] = &[
        "department",
        "ministry",
        "party",
        "committee",
        "commission",
        "council",
        "agency",
        "army",
        "union",
        "association",
        "court",
        "government",
        "office",
        "bureau",
        "board",
        "authority",
        "federation",
        "league",
        "institute",
        "organisation",
        "organization",
        "front",
        "movement",
        "alliance",
        "parliament",
        "assembly",
        "senate",
        "congress",
        "bank",
        "fund",
        "foundation",
        "service",
        "police",
    ];
    HEADS.iter().any(|h| h.eq_ignore_ascii_case(token))
}

/// Month names, full or abbreviated (`Aug.`, `Sept`), from the date
/// grammar's list. Weekdays are left out (`Sunday Times`), and so are `May`
/// (a surname and a given name), `Mar` (`Mar del Plata`), `Jun` and `Jul`
/// (given names).
fn is_calendar_word(token: &str) -> bool {
    const NOT: &[&str] = &["may", "mar", "jun", "jul"];
    let t = token.strip_suffix('.').unwrap_or(token);
    crate::time::lexicon::MONTHS
        .iter()
        .any(|(m, _)| m.eq_ignore_ascii_case(t))
        && !NOT.iter().any(|n| n.eq_ignore_ascii_case(t))
}

/// True when the name at token range `r` is, or is followed by, a given
/// name and a regnal number `II`–`XXIII` (`Elizabeth II`, `John Paul II`).
fn monarch(doc: &Doc, text: &str, r: &Range<usize>) -> bool {
    let given = |i: usize| {
        doc.infos
            .get(i)
            .is_some_and(|t| t.gaz.single & gazetteer::cat::FIRST != 0)
    };
    let numeral = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.text(text) != "I" && regnal(doc, text, i))
    };
    let last = r.end.saturating_sub(1);
    (r.len() >= 2 && numeral(last) && given(last - 1))
        || (!r.is_empty() && numeral(r.end) && given(last))
}

/// True when token `i` of `doc` is a regnal number after a name: a Roman
/// numeral `II`–`XXIII`, or `I` when nothing but punctuation, `of` or
/// `'s` follows it (`Elizabeth I of England`, not `Diana I said`).
fn regnal(doc: &Doc, text: &str, i: usize) -> bool {
    let word = |k: usize| doc.tokens.get(k).map(|t| t.text(text));
    let Some(w) = word(i) else { return false };
    // The numeral must follow the name directly ("Charles VI", not "Charles, VI").
    let adjacent = doc
        .tokens
        .get(i.wrapping_sub(1))
        .zip(doc.tokens.get(i))
        .is_some_and(|(a, b)| {
            text.get(a.span.end..b.span.start) == Some(" ")
                && a.text(text).chars().any(char::is_alphabetic)
        });
    if !adjacent {
        return false;
    }
    if w == "I" {
        return match word(i + 1) {
            None => true,
            Some(n) => matches!(n, "of" | "'s" | "’s") || !n.chars().any(char::is_alphanumeric),
        };
    }
    const NUMERALS: &[&str] = &[
        "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
        "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII",
    ];
    NUMERALS.contains(&w)
}

/// A loaded tagger: model and gazetteer.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
    gazetteer: Gazetteer,
}

impl Tagger {
    /// A tagger from a parsed model and gazetteer.
    pub fn new(model: Model, gazetteer: Gazetteer) -> Tagger {
        Tagger { model, gazetteer }
    }

    /// Parses a serialized model and the gazetteer text.
    pub fn from_bytes(model: &[u8], gazetteer: &str) -> Result<Tagger, ModelError> {
        Ok(Tagger::new(
            Model::from_bytes(model)?,
            Gazetteer::parse(gazetteer),
        ))
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Prepares `text` for tagging.
    pub fn doc(&self, text: &str) -> Doc {
        let mut doc = Doc::new(text, &self.gazetteer);
        doc.mark_common(&self.model.vocab);
        doc
    }

    /// One BIO tag per token of `doc`: the first stage, then the document
    /// stage when the model has one.
    pub fn tag_doc(&self, doc: &Doc) -> Vec<u8> {
        let mut tags = Vec::new();
        let Some(first) = self.model.stages.first() else {
            tags.resize(doc.tokens.len(), 0);
            return tags;
        };
        let base = BaseFeatures::new(&Hasher::new(first.bits), doc);
        run_stage(first, doc, &base, None, &mut tags);
        if let Some(second) = self.model.stages.get(1) {
            let docf = doc_features(doc, &tags);
            let base2;
            let base = if second.bits == first.bits {
                &base
            } else {
                base2 = BaseFeatures::new(&Hasher::new(second.bits), doc);
                &base2
            };
            run_stage(second, doc, base, Some(&docf), &mut tags);
        }
        tags
    }

    /// The names in `text`, in order.
    pub fn names(&self, text: &str) -> Vec<Name> {
        let doc = self.doc(text);
        let tags = self.tag_doc(&doc);
        let mut spans = tag_spans(&tags)
            .into_iter()
            .filter_map(|(mut r, mut kind)| {
                // Titles are not part of a person's name (CoNLL convention).
                while kind == NameType::Per
                    && r.len() > 1
                    && doc
                        .tokens
                        .get(r.start)
                        .is_some_and(|t| is_title(t.text(text)))
                {
                    r.start += 1;
                }
                // Nor is a month opening a longer name ("June
                // Comelf", "September Treasury"): CoNLL never includes them.
                while r.len() > 1
                    && kind != NameType::Per
                    && doc
                        .tokens
                        .get(r.start)
                        .is_some_and(|t| is_calendar_word(t.text(text)))
                {
                    r.start += 1;
                }
                // The name's head word (unchanged by dropping an initial
                // "The" below).
                let head = head_word(&doc, text, &r);
                // A sentence-initial "The" before an institution's name is
                // the article, capitalized for its position ("The Commerce
                // Department said"): CoNLL leaves it out (26 of 26 such
                // names in train.txt), unlike mid-sentence "told The Times".
                if r.len() > 2
                    && doc
                        .infos
                        .get(r.start)
                        .is_some_and(|t| t.flags & flag::FIRST != 0)
                    && doc
                        .tokens
                        .get(r.start)
                        .is_some_and(|t| t.text(text) == "The")
                    && is_institution_head(head)
                {
                    r.start += 1;
                }
                // A name headed by an institution's head noun is an
                // organization ("International Olympic Committee", "Party
                // of God"), except a league, which CoNLL takes for the
                // competition ("American League", MISC).
                if kind == NameType::Misc
                    && r.len() > 1
                    && is_institution_head(head)
                    && !head.eq_ignore_ascii_case("league")
                {
                    kind = NameType::Org;
                }
                // "the Clinton administration": a one-word name before
                // "administration" is the president it is named after.
                if r.len() == 1
                    && kind != NameType::Per
                    && doc
                        .tokens
                        .get(r.end)
                        .is_some_and(|t| t.text(text) == "administration")
                {
                    kind = NameType::Per;
                }
                // Names neither start nor end with punctuation ("Sun:"),
                // brackets excepted ("Proleter (Z)", "(Tom) Seaver").
                let punct = |i: usize| {
                    doc.infos.get(i).is_some_and(|t| t.flags & flag::PUNCT != 0)
                        && doc
                            .tokens
                            .get(i)
                            .is_some_and(|t| !matches!(t.text(text), "(" | ")"))
                };
                while !r.is_empty() && punct(r.start) {
                    r.start += 1;
                }
                while !r.is_empty() && punct(r.end - 1) {
                    r.end -= 1;
                }
                // A given name with a regnal number is a monarch or a pope,
                // whatever type the tagger gave it ("Elizabeth II").
                if kind != NameType::Per && monarch(&doc, text, &r) {
                    kind = NameType::Per;
                }
                // A regnal number belongs to the name ("Elizabeth II").
                if kind == NameType::Per && !r.is_empty() && regnal(&doc, text, r.end) {
                    r.end += 1;
                }
                (!r.is_empty()).then_some((r, kind))
            })
            .collect::<Vec<_>>();
        balance_brackets(&doc, text, &mut spans);
        nicknames(&doc, text, &mut spans);
        companies_not_people(&doc, text, &mut spans);
        surnames_of_people(&doc, text, &mut spans);
        let mut names = spans
            .into_iter()
            .filter_map(|(r, kind)| {
                let first = doc.tokens.get(r.start)?;
                let last = doc.tokens.get(r.end.checked_sub(1)?)?;
                Some(Name {
                    span: Span::new(first.span.start, last.span.end),
                    kind,
                })
            })
            .collect::<Vec<_>>();
        consistent_types(text, &mut names);
        for n in &mut names {
            if let Some(kind) = dateline_type(text, n.span) {
                n.kind = kind;
            }
        }
        names
    }
}

/// A name holds its brackets in pairs: one that closes a bracket opened
/// just before it takes the opening one in ("(Tom) Seaver", as news writes
/// a given name the reader may not need), and a person's name so completed
/// joins a person's name right before it ("James Leander (Leo) Nichols").
fn balance_brackets(doc: &Doc, text: &str, spans: &mut Vec<(Range<usize>, NameType)>) {
    let token = |i: usize| doc.tokens.get(i).map_or("", |t| t.text(text));
    for (r, _) in spans.iter_mut() {
        let mut depth = 0i32;
        let mut unopened = false;
        for i in r.clone() {
            match token(i) {
                "(" => depth += 1,
                ")" if depth == 0 => unopened = true,
                ")" => depth -= 1,
                _ => {}
            }
        }
        if unopened && r.start > 0 && token(r.start - 1) == "(" {
            r.start -= 1;
        }
    }
    let mut out: Vec<(Range<usize>, NameType)> = Vec::with_capacity(spans.len());
    for (r, kind) in spans.drain(..) {
        if let Some((last, last_kind)) = out.last_mut() {
            if kind == NameType::Per
                && *last_kind == NameType::Per
                && last.end == r.start
                && token(r.start) == "("
            {
                last.end = r.end;
                continue;
            }
        }
        out.push((r, kind));
    }
    *spans = out;
}

/// Joins a person's name written with a nickname in quotes into one name,
/// as news writes them and CoNLL annotates them (`Roberto "Hands of Stone"
/// Duran`, `Joaquin "El Chapo" Guzman`): a person's name, an opening quote,
/// one to four words starting with a capital, a closing quote, and a
/// person's name right after. Whatever the tagger made of the nickname
/// goes.
fn nicknames(doc: &Doc, text: &str, spans: &mut Vec<(Range<usize>, NameType)>) {
    let token = |i: usize| doc.tokens.get(i).map(|t| t.text(text));
    let quote =
        |i: usize| token(i).is_some_and(|t| matches!(t, "\"" | "“" | "”" | "'" | "‘" | "’"));
    let mut k = 0;
    while k < spans.len() {
        let (first, kind) = spans[k].clone();
        let open = first.end;
        let capital = token(open + 1)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase);
        if kind == NameType::Per && quote(open) && capital {
            let close = (open + 2..=open + 5).find(|&j| quote(j));
            let last = close.and_then(|c| {
                spans[k + 1..]
                    .iter()
                    .position(|(r, kind)| r.start == c + 1 && *kind == NameType::Per)
            });
            if let Some(m) = last.map(|m| k + 1 + m) {
                spans[k].0.end = spans[m].0.end;
                spans.drain(k + 1..=m);
            }
        }
        k += 1;
    }
}

/// A one-word name tagged as a person that the gazetteer knows only as a
/// company (`Oxfam`, `Endesa`: the company list leaves out given names and
/// surnames) is an organization, unless the same word is part of a longer
/// person's name in the document (`Tata` after `Ratan Tata`). Unknown
/// one-word organizations are the tagger's most common wrong type: their
/// suffixes look like surnames.
fn companies_not_people(doc: &Doc, text: &str, spans: &mut [(Range<usize>, NameType)]) {
    use gazetteer::cat;
    let people = |spans: &[(Range<usize>, NameType)], word: &str| {
        spans.iter().any(|(r, kind)| {
            *kind == NameType::Per
                && r.len() > 1
                && doc
                    .tokens
                    .get(r.clone())
                    .is_some_and(|ts| ts.iter().any(|t| t.text(text) == word))
        })
    };
    for k in 0..spans.len() {
        let (r, kind) = &spans[k];
        if *kind != NameType::Per || r.len() != 1 {
            continue;
        }
        let Some(info) = doc.infos.get(r.start) else {
            continue;
        };
        let single = info.gaz.single;
        if single & cat::COMPANY == 0 || single & (cat::FIRST | cat::LAST) != 0 {
            continue;
        }
        let Some(word) = doc.tokens.get(r.start).map(|t| t.text(text)) else {
            continue;
        };
        if !people(spans, word) {
            spans[k].1 = NameType::Org;
        }
    }
}

/// After a person's full name, the surname alone names that person: a
/// one-word name that the gazetteer has as a surname and that ends a
/// longer person's name earlier in the document is a person, whatever
/// else the word can be ("MaliVai Washington ... Washington fell short").
fn surnames_of_people(doc: &Doc, text: &str, spans: &mut [(Range<usize>, NameType)]) {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.text(text));
    // Last words of the full names seen so far (linear in the names).
    let mut surnames: std::collections::HashSet<&str> = Default::default();
    for (r, kind) in spans.iter_mut() {
        if *kind == NameType::Per {
            if r.len() > 1 {
                surnames.insert(word(r.end - 1));
            }
            continue;
        }
        if r.len() == 1
            && doc
                .infos
                .get(r.start)
                .is_some_and(|t| t.gaz.single & gazetteer::cat::LAST != 0)
            && surnames.contains(word(r.start))
        {
            *kind = NameType::Per;
        }
    }
}

/// The type a name must have because of where it stands in a dateline:
/// the place that opens a line before a date or a wire credit
/// (`ROME 1996-12-06`, `ANKARA (Reuters) -`, `VENICE, Italy 1996-08-31`,
/// `SAN FRANCISCO, Oct 20 (Reuters) -`) is a location, whatever the same
/// words are elsewhere in the document (a baseball team, say); the credit
/// in the parentheses (`(EntityLens Wire) -`) is an organization.
fn dateline_type(text: &str, span: Span) -> Option<NameType> {
    let before = text.get(..span.start)?;
    let name = span.slice(text);
    let after = text.get(span.end..)?;
    let line_start = before.is_empty() || before.ends_with('\n');
    if line_start && !name.chars().any(char::is_lowercase) && name.len() <= 30 {
        // Up to three words (", Italy", ", Oct 20") before the date or the credit.
        let (mut rest, skip) = match after.strip_prefix(", ") {
            Some(r) => (r, 3),
            None => (after.strip_prefix(' ')?, 0),
        };
        for k in 0..=skip {
            if is_iso_date(rest) || credit_close(rest).is_some() {
                return Some(NameType::Loc);
            }
            let (word, next) = rest.split_once(' ')?;
            let plain = word.chars().all(|c| c.is_alphanumeric() || c == '.');
            if k == skip || word.is_empty() || !plain {
                return None;
            }
            rest = next;
        }
        return None;
    }
    // The credit: "(NAME) -" right after a line-opening place.
    let open = before.strip_suffix('(')?.strip_suffix(' ')?;
    // A dateline is short: look back a bounded way for the line's start
    // (an unbounded search made texts without line breaks quadratic).
    let from = crate::span::floor_char_boundary(open, open.len().saturating_sub(64));
    let tail = &open[from..];
    let line = match tail.rfind('\n') {
        Some(k) => &tail[k + 1..],
        None if from == 0 => tail,
        None => return None,
    };
    let place = line.split(", ").next().unwrap_or(line);
    let dash = after.strip_prefix(')')?.trim_start();
    let place_ok = !place.is_empty()
        && place.len() <= 40
        && !place.chars().any(char::is_lowercase)
        && place.chars().any(char::is_uppercase);
    (place_ok && dash.starts_with(['-', '–', '—'])).then_some(NameType::Org)
}

/// True when `s` starts with a `YYYY-MM-DD` date.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, &c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// For `s` starting with `(credit) -`, the credit's length.
fn credit_close(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('(')?;
    // Credits are short: search only as far as one may reach.
    let close = inner[..crate::span::floor_char_boundary(inner, 41)].find(')')?;
    let dash = inner[close + 1..].trim_start();
    (close > 0 && close <= 40 && dash.starts_with(['-', '–', '—'])).then_some(close)
}

/// Gives every name the type its exact text has most often in the
/// document (ties keep each name's own type): one entity, one type.
fn consistent_types(text: &str, names: &mut [Name]) {
    let mut votes: HashMap<&str, [u32; NTYPES]> = HashMap::new();
    for n in names.iter() {
        votes.entry(n.span.slice(text)).or_default()[n.kind.index()] += 1;
    }
    for n in names.iter_mut() {
        let Some(v) = votes.get(n.span.slice(text)) else {
            continue;
        };
        let own = v[n.kind.index()];
        if let Some((best, &count)) = v.iter().enumerate().max_by_key(|&(_, c)| *c) {
            if count > own {
                n.kind = NameType::ALL[best];
            }
        }
    }
}

static MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");
/// `models/gazetteer.txt` in binary form: what the tagger loads.
static GAZETTEER_BIN: &[u8] = include_bytes!("../../models/gazetteer.bin");
static GAZETTEER_TEXT: &str = include_str!("../../models/gazetteer.txt");

/// The tagger shipped with the library (`models/ner.bin` and
/// `models/gazetteer.bin`), loaded on first use; `Err` when the embedded
/// model is missing or does not match this code.
pub fn embedded() -> Result<&'static Tagger, &'static ModelError> {
    static TAGGER: OnceLock<Result<Tagger, ModelError>> = OnceLock::new();
    TAGGER
        .get_or_init(|| {
            let gazetteer = Gazetteer::from_bytes(GAZETTEER_BIN)
                .map_err(|e| ModelError::Incompatible(format!("gazetteer: {e}")))?;
            Ok(Tagger::new(Model::from_bytes(MODEL_BYTES)?, gazetteer))
        })
        .as_ref()
}

/// The embedded gazetteer text, `models/gazetteer.txt` (for tools and
/// tests; the tagger loads its binary form).
pub fn embedded_gazetteer_text() -> &'static str {
    GAZETTEER_TEXT
}

/// Job titles written as acronyms: the tagger, trained on 1996 wire text
/// that hardly has them, takes "the CEO said" for an organization. They are
/// roles (`crate::entities::roles`), not names.
const TITLE_ACRONYMS: &[&str] = &["CEO", "CFO", "COO", "CTO", "CIO", "CMO"];

/// True for a job title's acronym, possibly plural or possessive ("CEOs",
/// "CEO's").
fn is_title_acronym(name: &str) -> bool {
    let bare = crate::entities::display_name(name);
    let bare = bare.strip_suffix('s').unwrap_or(bare);
    TITLE_ACRONYMS.contains(&bare)
}

/// Pushes a [`Candidate`] at [`priority::NAME`] for every name the embedded
/// tagger finds in `text`, with its refined label. Finds nothing when no
/// model is embedded.
#[inline(never)] // a pipeline stage: see crate::analyze
pub fn recognize(text: &str, candidates: &mut Vec<Candidate>) {
    let Ok(tagger) = embedded() else { return };
    for name in tagger.names(text) {
        if is_title_acronym(name.span.slice(text)) {
            continue;
        }
        let label = refine::label(text, name, tagger.gazetteer());
        candidates.push(Candidate::new(
            Mention::new(text, name.span, label),
            priority::NAME,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_types() {
        for t in NameType::ALL {
            assert_eq!(NameType::of_tag(t.begin_tag()), Some(t));
            assert_eq!(NameType::of_tag(t.inside_tag()), Some(t));
            assert_eq!(NameType::from_conll(t.conll()), Some(t));
        }
        assert_eq!(NameType::of_tag(0), None);
        assert_eq!(NameType::of_tag(200), None);
    }

    #[test]
    fn one_type_per_name_in_a_document() {
        let text = "Jordan said. Jordan left. Jordan won. Amman";
        let at = |s: usize, e: usize, kind| Name {
            span: Span::new(s, e),
            kind,
        };
        let mut names = vec![
            at(0, 6, NameType::Per),
            at(13, 19, NameType::Loc),
            at(26, 32, NameType::Per),
            at(38, 42, NameType::Loc),
        ];
        consistent_types(text, &mut names);
        let kinds: Vec<NameType> = names.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            vec![NameType::Per, NameType::Per, NameType::Per, NameType::Loc]
        );
    }

    #[test]
    fn datelines_fix_place_and_credit_types() {
        let text = "Mets lose.\nNEW YORK 1996-08-30\nVENICE, Italy 1996-08-31\n\
                    SAN FRANCISCO, Oct 20 (Reuters) - x\nGENEVA (EntityLens Wire) - The\n\
                    NEW YORK beat CHICAGO 3-1.";
        let at = |name: &str, nth: usize| {
            let start = text.match_indices(name).nth(nth).map_or(0, |(k, _)| k);
            Span::new(start, start + name.len())
        };
        let kind = |name: &str, nth: usize| dateline_type(text, at(name, nth));
        assert_eq!(kind("NEW YORK", 0), Some(NameType::Loc));
        assert_eq!(kind("VENICE", 0), Some(NameType::Loc));
        assert_eq!(kind("SAN FRANCISCO", 0), Some(NameType::Loc));
        assert_eq!(kind("Reuters", 0), Some(NameType::Org));
        assert_eq!(kind("GENEVA", 0), Some(NameType::Loc));
        assert_eq!(kind("EntityLens Wire", 0), Some(NameType::Org));
        assert_eq!(kind("NEW YORK", 1), None);
        assert_eq!(kind("CHICAGO", 0), None);
        assert_eq!(kind("Mets", 0), None);
        assert_eq!(kind("Italy", 0), None);
    }

    #[test]
    fn regnal_numbers_follow_names() {
        let text = "Elizabeth II spoke. Elizabeth I of England left. Then I said: Charles, VI.";
        let doc = Doc::new(text, &Gazetteer::default());
        let at = |w: &str, nth: usize| {
            doc.tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.text(text) == w)
                .nth(nth)
                .map_or(usize::MAX, |(i, _)| i)
        };
        assert!(regnal(&doc, text, at("II", 0)));
        assert!(regnal(&doc, text, at("I", 0)));
        assert!(!regnal(&doc, text, at("I", 1)), "Then I said");
        assert!(!regnal(&doc, text, at("VI", 0)), "not after a comma");
        assert!(!regnal(&doc, text, usize::MAX));
    }

    /// People keep a leading month ("April Ryan", "June Carter"); other
    /// names lose it.
    #[test]
    fn calendar_words_open_no_longer_name() {
        for w in ["June", "Sept.", "AUGUST", "Dec"] {
            assert!(is_calendar_word(w), "{w}");
        }
        for w in ["May", "Mar", "Jun", "Jul.", "Sunday", "Junes", "Marchese"] {
            assert!(!is_calendar_word(w), "{w}");
        }
        let Ok(tagger) = embedded() else { return };
        let text = "The figures came out on Friday. September Treasury yields rose, \
                    and the August National Association of Purchasing Management \
                    index fell.";
        for n in tagger.names(text) {
            let s = n.span.slice(text);
            assert!(
                !["September ", "August ", "June "]
                    .iter()
                    .any(|m| s.starts_with(m)),
                "{s}"
            );
        }
    }

    /// The index of the token `w` in `doc`, or `usize::MAX`.
    fn token_index(doc: &Doc, text: &str, w: &str) -> usize {
        doc.tokens
            .iter()
            .position(|t| t.text(text) == w)
            .unwrap_or(usize::MAX)
    }

    #[test]
    fn nicknames_in_quotes_join_the_name() {
        let gazetteer = Gazetteer::parse("# first\nRoberto\n");
        let text = "Roberto \"Hands of Stone\" Duran won. Ali \"a\" Bey, \"Max\" Ray";
        let doc = Doc::new(text, &gazetteer);
        let at = |w: &str| token_index(&doc, text, w);
        let (roberto, hands, duran) = (at("Roberto"), at("Hands"), at("Duran"));
        let (ali, bey, max, ray) = (at("Ali"), at("Bey"), at("Max"), at("Ray"));
        let mut spans = vec![
            (roberto..roberto + 1, NameType::Per),
            (hands..hands + 3, NameType::Misc),
            (duran..duran + 1, NameType::Per),
            // A nickname must start with a capital.
            (ali..ali + 1, NameType::Per),
            (bey..bey + 1, NameType::Per),
            // Not after a comma: the quote does not follow a person.
            (max..max + 1, NameType::Misc),
            (ray..ray + 1, NameType::Per),
        ];
        nicknames(&doc, text, &mut spans);
        assert_eq!(
            spans,
            vec![
                (roberto..duran + 1, NameType::Per),
                (ali..ali + 1, NameType::Per),
                (bey..bey + 1, NameType::Per),
                (max..max + 1, NameType::Misc),
                (ray..ray + 1, NameType::Per),
            ]
        );
    }

    #[test]
    fn one_word_companies_are_not_people() {
        let gazetteer = Gazetteer::parse("# company\nOxfam\nEndesa\n# last\nSlack\n");
        let text = "Oxfam said. Slack said. Endesa said. Maria Endesa said. Oxfam Trading";
        let doc = Doc::new(text, &gazetteer);
        let at = |w: &str| token_index(&doc, text, w);
        let oxfam = at("Oxfam");
        let (slack, endesa, maria) = (at("Slack"), at("Endesa"), at("Maria"));
        let trading = at("Trading");
        let mut spans = vec![
            (oxfam..oxfam + 1, NameType::Per),
            // A surname too: left alone.
            (slack..slack + 1, NameType::Per),
            // Part of a longer person's name in the document: left alone.
            (endesa..endesa + 1, NameType::Per),
            (maria..maria + 2, NameType::Per),
            (trading - 1..trading + 1, NameType::Org),
        ];
        companies_not_people(&doc, text, &mut spans);
        let kinds: Vec<NameType> = spans.iter().map(|s| s.1).collect();
        assert_eq!(
            kinds,
            vec![
                NameType::Org,
                NameType::Per,
                NameType::Per,
                NameType::Per,
                NameType::Org
            ]
        );
    }

    #[test]
    fn brackets_in_names_come_in_pairs() {
        let text = "he saw (Tom) Seaver. It came after James Leander (Leo) Nichols died.";
        let doc = Doc::new(text, &Gazetteer::default());
        let at = |w: &str| token_index(&doc, text, w);
        let mut spans = vec![
            (at("Tom")..at("Seaver") + 1, NameType::Per),
            (at("James")..at("Leander") + 1, NameType::Per),
            (at("Leo")..at("Nichols") + 1, NameType::Per),
        ];
        balance_brackets(&doc, text, &mut spans);
        let names: Vec<&str> = spans
            .iter()
            .map(|(r, _)| &text[doc.tokens[r.start].span.start..doc.tokens[r.end - 1].span.end])
            .collect();
        assert_eq!(names, ["(Tom) Seaver", "James Leander (Leo) Nichols"]);
    }

    #[test]
    fn a_surname_after_the_full_name_is_the_person() {
        let Ok(tagger) = embedded() else { return };
        let text = "Washington said so. MaliVai Washington lost. Then Washington served. Chechnya was calm.";
        let doc = Doc::new(text, tagger.gazetteer());
        let nth = |w: &str, n: usize| {
            doc.tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.text(text) == w)
                .nth(n)
                .map_or(usize::MAX, |(i, _)| i)
        };
        let mut spans = vec![
            (
                nth("Washington", 0)..nth("Washington", 0) + 1,
                NameType::Loc,
            ),
            (nth("MaliVai", 0)..nth("Washington", 1) + 1, NameType::Per),
            (
                nth("Washington", 2)..nth("Washington", 2) + 1,
                NameType::Loc,
            ),
            (nth("Chechnya", 0)..nth("Chechnya", 0) + 1, NameType::Loc),
        ];
        surnames_of_people(&doc, text, &mut spans);
        let kinds: Vec<NameType> = spans.iter().map(|s| s.1).collect();
        assert_eq!(
            kinds,
            [NameType::Loc, NameType::Per, NameType::Per, NameType::Loc],
            "only after the full name, and only a known surname"
        );
    }

    #[test]
    fn institutions_are_organizations_and_administrations_presidents() {
        let Ok(tagger) = embedded() else { return };
        let kinds = |text: &str| -> Vec<(String, &'static str)> {
            tagger
                .names(text)
                .iter()
                .map(|n| (n.span.slice(text).to_string(), n.kind.conll()))
                .collect()
        };
        let found = kinds("The Supreme Court ruled against the Trump administration on Thursday.");
        assert!(found.contains(&("Trump".to_string(), "PER")), "{found:?}");
        let found = kinds("The Games were postponed by the International Olympic Committee.");
        assert!(
            found.contains(&("International Olympic Committee".to_string(), "ORG")),
            "{found:?}"
        );
    }

    #[test]
    fn royal_titles_are_not_part_of_the_name() {
        assert!(is_title("Queen"));
        assert!(is_title("King"));
        assert!(!is_title("Prince"), "CoNLL includes it as often as not");
    }

    #[test]
    fn a_sentence_initial_article_is_not_part_of_an_institution() {
        let Ok(tagger) = embedded() else { return };
        for text in [
            "The Commerce Department said orders for manufactured goods rose.",
            "Elections are on September 14. The Party of Democratic Action had called for a boycott.",
        ] {
            for n in tagger.names(text) {
                assert!(
                    !n.span.slice(text).starts_with("The "),
                    "{:?} in {text:?}",
                    n.span.slice(text)
                );
            }
        }
        // Inside a sentence a capitalized article is the writer's choice.
        assert!(is_institution_head("Department"));
        assert!(!is_institution_head("Times"));
    }

    #[test]
    fn given_names_with_regnal_numbers_are_people() {
        let Ok(tagger) = embedded() else { return };
        let text = "Elizabeth II opened a new session of parliament. Then Vatican II ended.";
        let doc = tagger.doc(text);
        let range = |w: &str, n: usize| {
            let i = doc
                .tokens
                .iter()
                .position(|t| t.text(text) == w)
                .unwrap_or(usize::MAX);
            i..i.saturating_add(n)
        };
        assert!(monarch(&doc, text, &range("Elizabeth", 2)));
        assert!(monarch(&doc, text, &range("Elizabeth", 1)));
        assert!(
            !monarch(&doc, text, &range("Vatican", 2)),
            "not a given name"
        );
        assert!(!monarch(&doc, text, &range("Then", 1)));
    }

    #[test]
    fn spans_from_tags() {
        // B-PER I-PER O B-LOC B-LOC I-ORG(stray) I-ORG
        let tags = [1, 2, 0, 5, 5, 4, 4];
        let spans = tag_spans(&tags);
        assert_eq!(
            spans,
            vec![
                (0..2, NameType::Per),
                (3..4, NameType::Loc),
                (4..5, NameType::Loc),
                (5..7, NameType::Org)
            ]
        );
    }
}
