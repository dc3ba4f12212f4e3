//! Training: averaged structured perceptron with Viterbi decoding, and the
//! two-stage recipe with jackknifed first-stage output.
//!
//! 1. Every document is rebuilt as natural text ([`super::conll`]),
//!    tokenized and projected to gold BIO tags.
//! 2. Stage 1 is trained on all sentences. For stage 2, stage 1 is also
//!    trained `folds` times on all documents but one fold and tags that
//!    fold, so the document features stage 2 learns from are as noisy as
//!    they will be on unseen text.
//! 3. Each stage: `epochs` passes in a seeded shuffled order; the averaged
//!    weights are quantized to `i8` ([`Stage::quantize`]).
//!
//! Deterministic for a given seed and data (single-threaded).

use super::conll::{project, Document, Scores};
use super::decode::{viterbi, Scratch};
use super::features::flag;
use super::features::{extract, DocFeat, Hasher};
use super::gazetteer::Gazetteer;
use super::model::{LowerVocab, Model, Stage};
use super::IdentityHash;
use super::{doc_features, run_stage, BaseFeatures, Doc, Tagger, NTAGS};
use std::collections::HashMap;

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Weight tables have `2^bits` rows.
    pub bits: u32,
    /// Passes over the data per stage.
    pub epochs: usize,
    /// Jackknife folds for the second stage's inputs.
    pub folds: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// 1 or 2 stages.
    pub stages: usize,
    /// Perceptrons trained per stage (different shuffles), averaged: less
    /// variance from the data order.
    pub runs: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bits: 16,
            epochs: 12,
            folds: 8,
            seed: 20_031,
            stages: 2,
            runs: 5,
        }
    }
}

/// A document ready for training: tokens and gold tags.
#[derive(Debug)]
pub struct Prepared {
    /// The tokenized document.
    pub doc: Doc,
    /// One gold tag per token.
    pub gold: Vec<u8>,
}

/// Tokenizes documents and projects their gold names; also returns how
/// many names did not align with token boundaries.
pub fn prepare(docs: &[Document], gazetteer: &Gazetteer) -> (Vec<Prepared>, usize) {
    let mut misaligned = 0;
    let out = docs
        .iter()
        .map(|d| {
            let doc = Doc::new(&d.text, gazetteer);
            let (gold, m) = project(&doc.tokens, &d.names);
            misaligned += m;
            Prepared { doc, gold }
        })
        .collect();
    (out, misaligned)
}

/// One sentence's features and gold tags.
struct Example {
    feats: Vec<u32>,
    offsets: Vec<u32>,
    gold: Vec<u8>,
}

fn examples(p: &Prepared, h: &Hasher, docf: Option<&[DocFeat]>, out: &mut Vec<Example>) {
    for r in &p.doc.sentences {
        let mut feats = Vec::new();
        let mut offsets = Vec::new();
        extract(
            h,
            &p.doc.infos[r.clone()],
            docf.map(|d| &d[r.clone()]),
            &mut feats,
            &mut offsets,
        );
        out.push(Example {
            feats,
            offsets,
            gold: p.gold[r.clone()].to_vec(),
        });
    }
}

/// xorshift64*: a small deterministic generator for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

struct Perceptron {
    w: Vec<f32>,
    u: Vec<f64>,
    trans: [f32; NTAGS * NTAGS],
    trans_u: [f64; NTAGS * NTAGS],
    start: [f32; NTAGS],
    start_u: [f64; NTAGS],
    c: f64,
}

impl Perceptron {
    fn new(bits: u32) -> Perceptron {
        let n = (1usize << bits) * NTAGS;
        Perceptron {
            w: vec![0.0; n],
            u: vec![0.0; n],
            trans: [0.0; NTAGS * NTAGS],
            trans_u: [0.0; NTAGS * NTAGS],
            start: [0.0; NTAGS],
            start_u: [0.0; NTAGS],
            c: 1.0,
        }
    }

    fn emit(&self, ex: &Example, out: &mut Vec<[f32; NTAGS]>) {
        out.clear();
        for win in ex.offsets.windows(2) {
            let mut e = [0f32; NTAGS];
            for &f in &ex.feats[win[0] as usize..win[1] as usize] {
                let row = &self.w[f as usize * NTAGS..(f as usize + 1) * NTAGS];
                for (a, &w) in e.iter_mut().zip(row) {
                    *a += w;
                }
            }
            out.push(e);
        }
    }

    fn bump_feats(&mut self, ex: &Example, i: usize, tag: u8, d: f32) {
        let c = self.c;
        for &f in &ex.feats[ex.offsets[i] as usize..ex.offsets[i + 1] as usize] {
            let k = f as usize * NTAGS + tag as usize;
            self.w[k] += d;
            self.u[k] += c * d as f64;
        }
    }

    fn bump_trans(&mut self, prev: Option<u8>, tag: u8, d: f32) {
        let c = self.c;
        match prev {
            Some(p) => {
                let k = p as usize * NTAGS + tag as usize;
                self.trans[k] += d;
                self.trans_u[k] += c * d as f64;
            }
            None => {
                self.start[tag as usize] += d;
                self.start_u[tag as usize] += c * d as f64;
            }
        }
    }

    /// One perceptron step; returns the number of wrong tags.
    fn learn(&mut self, ex: &Example, pred: &[u8]) -> usize {
        let mut wrong = 0;
        for i in 0..ex.gold.len() {
            let (g, p) = (ex.gold[i], pred[i]);
            if g != p {
                wrong += 1;
                self.bump_feats(ex, i, g, 1.0);
                self.bump_feats(ex, i, p, -1.0);
            }
            let gp = i.checked_sub(1).map(|j| ex.gold[j]);
            let pp = i.checked_sub(1).map(|j| pred[j]);
            if (gp, g) != (pp, p) {
                self.bump_trans(gp, g, 1.0);
                self.bump_trans(pp, p, -1.0);
            }
        }
        self.c += 1.0;
        wrong
    }

    /// Adds this run's averaged weights to `acc` (weights, transitions,
    /// start scores).
    fn add_averaged(&self, acc: &mut FloatStage) {
        let c = self.c;
        for ((a, &w), &u) in acc.w.iter_mut().zip(&self.w).zip(&self.u) {
            *a += w as f64 - u / c;
        }
        for (k, a) in acc.trans.iter_mut().enumerate() {
            *a += self.trans[k] as f64 - self.trans_u[k] / c;
        }
        for (k, a) in acc.start.iter_mut().enumerate() {
            *a += self.start[k] as f64 - self.start_u[k] / c;
        }
    }
}

/// Sum of several runs' averaged weights, before quantization.
struct FloatStage {
    w: Vec<f64>,
    trans: [f64; NTAGS * NTAGS],
    start: [f64; NTAGS],
}

fn train_stage(examples: &[Example], cfg: &Config, log: &mut dyn FnMut(&str), name: &str) -> Stage {
    let runs = cfg.runs.max(1);
    let mut acc = FloatStage {
        w: vec![0.0; (1usize << cfg.bits) * NTAGS],
        trans: [0.0; NTAGS * NTAGS],
        start: [0.0; NTAGS],
    };
    let total: usize = examples.iter().map(|e| e.gold.len()).sum();
    for run in 0..runs {
        let mut p = Perceptron::new(cfg.bits);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = Rng(cfg.seed.wrapping_add(run as u64 * 0x9e37_79b9) | 1);
        let mut emit = Vec::new();
        let mut pred = Vec::new();
        let mut scratch = Scratch::default();
        for epoch in 0..cfg.epochs {
            rng.shuffle(&mut order);
            let mut wrong = 0;
            for &k in &order {
                let ex = &examples[k];
                p.emit(ex, &mut emit);
                viterbi(&emit, &p.trans, &p.start, &mut scratch, &mut pred);
                wrong += p.learn(ex, &pred);
            }
            log(&format!(
                "{name} run {} epoch {:>2}: {:.4} of {total} tags wrong",
                run + 1,
                epoch + 1,
                wrong as f64 / total.max(1) as f64
            ));
        }
        p.add_averaged(&mut acc);
    }
    let k = runs as f64;
    let w: Vec<f32> = acc.w.iter().map(|&x| (x / k) as f32).collect();
    Stage::quantize(
        cfg.bits,
        &w,
        acc.trans.map(|x| (x / k) as f32),
        acc.start.map(|x| (x / k) as f32),
    )
}

/// The lower-case vocabulary of the training documents: stems of the
/// words seen all lower-case.
pub fn lower_vocab(docs: &[Prepared]) -> LowerVocab {
    let mut counts: HashMap<u64, u32, IdentityHash> = HashMap::default();
    for d in docs {
        for t in &d.doc.infos {
            if t.flags & flag::ALL_LOWER != 0 {
                *counts.entry(t.stem).or_default() += 1;
            }
        }
    }
    let words = counts.into_keys();
    LowerVocab::build(words, 16 * 1024)
}

/// Trains a model on prepared documents (first setting their
/// [`flag::COMMON`] flags from the vocabulary it builds).
pub fn train(docs: &mut [Prepared], cfg: &Config, log: &mut dyn FnMut(&str)) -> Model {
    let vocab = lower_vocab(docs);
    for d in docs.iter_mut() {
        d.doc.mark_common(&vocab);
    }
    let docs = &*docs;
    let h = Hasher::new(cfg.bits);
    let mut ex1 = Vec::new();
    for d in docs {
        examples(d, &h, None, &mut ex1);
    }
    let first = train_stage(&ex1, cfg, log, "stage 1");
    if cfg.stages < 2 {
        return Model {
            stages: vec![first],
            vocab,
        };
    }
    // Jackknifed first-stage tags for every document.
    let folds = cfg.folds.max(2);
    let mut stage1_tags: Vec<Vec<u8>> = vec![Vec::new(); docs.len()];
    for fold in 0..folds {
        let mut ex = Vec::new();
        for (k, d) in docs.iter().enumerate() {
            if k % folds != fold {
                examples(d, &h, None, &mut ex);
            }
        }
        let stage = train_stage(&ex, cfg, &mut |_| {}, "fold");
        for (k, d) in docs.iter().enumerate() {
            if k % folds == fold {
                let base = BaseFeatures::new(&h, &d.doc);
                run_stage(&stage, &d.doc, &base, None, &mut stage1_tags[k]);
            }
        }
        log(&format!("fold {}/{folds} tagged", fold + 1));
    }
    let mut ex2 = Vec::new();
    for (d, tags) in docs.iter().zip(&stage1_tags) {
        let docf = doc_features(&d.doc, tags);
        examples(d, &h, Some(&docf), &mut ex2);
    }
    let second = train_stage(&ex2, cfg, log, "stage 2");
    Model {
        stages: vec![first, second],
        vocab,
    }
}

/// Exact-span scores of `tagger` alone (no pattern recognizers) on
/// rebuilt documents.
pub fn evaluate(tagger: &Tagger, docs: &[Document]) -> Scores {
    let mut scores = Scores::default();
    for d in docs {
        let gold: Vec<_> = d.names.iter().map(|n| (n.span, n.kind.conll())).collect();
        let pred: Vec<_> = tagger
            .names(&d.text)
            .iter()
            .map(|n| (n.span, n.kind.conll()))
            .collect();
        scores.add(&gold, &pred);
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::conll::read;
    use crate::ner::tag_spans;
    use std::ops::Range;

    const DATA: &str = "-DOCSTART- -X- -X- O

John NNP O B-PER
Smith NNP O I-PER
visited VBD O O
Paris NNP O B-LOC
. . O O

Mary NNP O B-PER
Jones NNP O I-PER
left VBD O O
Berlin NNP O B-LOC
. . O O

-DOCSTART- -X- -X- O

Acme NNP O B-ORG
Corp NNP O I-ORG
hired VBD O O
John NNP O B-PER
Smith NNP O I-PER
in IN O O
Paris NNP O B-LOC
. . O O
";

    #[test]
    fn learns_a_tiny_corpus_deterministically() {
        let docs = read(DATA);
        let gaz = Gazetteer::default();
        let (mut prepared, misaligned) = prepare(&docs, &gaz);
        assert_eq!(misaligned, 0);
        let cfg = Config {
            bits: 12,
            epochs: 8,
            folds: 2,
            seed: 7,
            stages: 2,
            runs: 2,
        };
        let a = train(&mut prepared, &cfg, &mut |_| {});
        let b = train(&mut prepared, &cfg, &mut |_| {});
        assert_eq!(a, b);
        assert_eq!(a.stages.len(), 2);
        // The first stage fits the corpus exactly.
        let first = Tagger::new(
            Model {
                stages: vec![a.stages[0].clone()],
                vocab: a.vocab.clone(),
            },
            Gazetteer::default(),
        );
        for (d, p) in docs.iter().zip(&prepared) {
            assert_eq!(first.tag_doc(&p.doc), p.gold, "{}", d.text);
        }
        // The second stage learned from jackknifed first-stage tags, which
        // on two documents are far from the full first stage's: it must
        // still find every name's extent.
        let tagger = Tagger::new(a, gaz);
        let extents = |tags: &[u8]| -> Vec<Range<usize>> {
            tag_spans(tags).into_iter().map(|(r, _)| r).collect()
        };
        for (d, p) in docs.iter().zip(&prepared) {
            let tags = tagger.tag_doc(&p.doc);
            assert_eq!(extents(&tags), extents(&p.gold), "{}", d.text);
        }
    }
}
