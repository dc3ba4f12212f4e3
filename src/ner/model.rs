//! The tagger's weights: binary format, loading, saving and quantization.
//!
//! A model has one or two [`Stage`]s (the second sees document features
//! computed from the first's output). A stage is a hashed weight table of
//! `2^bits` rows × [`NTAGS`] tags, quantized to `i8` with one scale, plus
//! `f32` tag-transition and start scores.
//!
//! Format (little-endian), version 1:
//!
//! ```text
//! "ELNERv01"                     8 bytes magic
//! feature_version u32            must equal features::FEATURE_VERSION
//! ntags u32, stages u32
//! per stage:
//!   bits u32, scale f32
//!   trans  f32 × ntags²           score of tag b after tag a at [a·ntags + b]
//!   start  f32 × ntags
//!   rows   u32                    rows with a non-zero weight
//!   bitmap u8 × 2^bits / 8        bit r set when row r is stored
//!   weights i8 × rows × ntags     the stored rows, in row order
//! vocab_bytes u32, vocab u8 × vocab_bytes   LowerVocab Bloom filter
//! ```
//!
//! Rows that quantize to all zeros are not stored, which keeps the file
//! (and its gzip) small. Parsing checks every length and never panics.

use super::features::FEATURE_VERSION;
use super::NTAGS;
use std::fmt;

const MAGIC: &[u8; 8] = b"ELNERv01";

/// One stage's quantized weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    /// The table has `2^bits` rows.
    pub bits: u32,
    /// A weight is `i8 × scale`.
    pub scale: f32,
    /// `2^bits × NTAGS` quantized weights, row-major.
    pub weights: Vec<i8>,
    /// Transition scores, `[prev · NTAGS + next]`.
    pub trans: [f32; NTAGS * NTAGS],
    /// Scores of each tag first in a sentence.
    pub start: [f32; NTAGS],
}

/// Why a model could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// The data ended early or has trailing bytes.
    Truncated,
    /// Not a model file.
    BadMagic,
    /// Trained with other feature templates or another tag set.
    Incompatible(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Truncated => f.write_str("model data is truncated"),
            ModelError::BadMagic => f.write_str("not an EntityLens tagger model"),
            ModelError::Incompatible(why) => write!(f, "incompatible model: {why}"),
        }
    }
}

impl std::error::Error for ModelError {}

impl Stage {
    /// Quantizes float weights (`2^bits × NTAGS`) to `i8`. The scale maps
    /// the 99.99th percentile of the magnitudes to 127 (larger ones clip),
    /// so a few huge weights do not flatten all the others to zero.
    pub fn quantize(
        bits: u32,
        weights: &[f32],
        trans: [f32; NTAGS * NTAGS],
        start: [f32; NTAGS],
    ) -> Stage {
        let mut mags: Vec<f32> = weights
            .iter()
            .map(|w| w.abs())
            .filter(|&w| w > 0.0)
            .collect();
        let top = if mags.is_empty() {
            1.0
        } else {
            let k = ((mags.len() as f64) * 0.9999) as usize;
            let k = k.min(mags.len() - 1);
            let (_, v, _) = mags.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
            v.max(f32::MIN_POSITIVE)
        };
        let scale = top / 127.0;
        let q = weights
            .iter()
            .map(|&w| (w / scale).round().clamp(-127.0, 127.0) as i8)
            .collect();
        Stage {
            bits,
            scale,
            weights: q,
            trans,
            start,
        }
    }

    /// Emission scores of one token whose features are `a` and `b`.
    #[inline]
    pub fn score(&self, a: &[u32], b: &[u32]) -> [f32; NTAGS] {
        let mut acc = [0i32; NTAGS];
        for &f in a.iter().chain(b) {
            let base = f as usize * NTAGS;
            if let Some(row) = self.weights.get(base..base + NTAGS) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
        acc.map(|a| a as f32 * self.scale)
    }
}

/// Stems of the words seen in lower case in the training data, as a Bloom
/// filter over stem hashes (3 probes; about 2% false positives at 16 KB
/// for 15,000 stems).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LowerVocab {
    /// The filter's bits; the length is 0 or a power of two.
    pub bits: Vec<u8>,
}

impl LowerVocab {
    /// A filter of `bytes` bytes (rounded up to a power of two) holding
    /// `folds`.
    pub fn build(folds: impl IntoIterator<Item = u64>, bytes: usize) -> LowerVocab {
        let mut v = LowerVocab {
            bits: vec![0; bytes.next_power_of_two()],
        };
        for f in folds {
            for p in v.probes(f) {
                v.bits[p / 8] |= 1 << (p % 8);
            }
        }
        v
    }

    fn probes(&self, fold: u64) -> [usize; 3] {
        let m = (self.bits.len() * 8).max(1) as u64;
        let h = crate::ner::features::mix(fold ^ 0x0b10_0f11);
        [h % m, (h >> 21) % m, (h >> 42) % m].map(|x| x as usize)
    }

    /// True when the case-folded word hash `fold` is (probably) in the set.
    pub fn contains(&self, fold: u64) -> bool {
        !self.bits.is_empty()
            && self.probes(fold).iter().all(|&p| {
                self.bits
                    .get(p / 8)
                    .is_some_and(|b| b & (1 << (p % 8)) != 0)
            })
    }
}

/// A complete model: the first stage and, optionally, the document stage,
/// and the lower-case vocabulary behind [`flag::COMMON`](super::features::flag::COMMON).
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// One or two stages.
    pub stages: Vec<Stage>,
    /// Common lower-case words.
    pub vocab: LowerVocab,
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.data.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl Model {
    /// Serializes the model (see the module docs for the format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&(NTAGS as u32).to_le_bytes());
        out.extend_from_slice(&(self.stages.len() as u32).to_le_bytes());
        for s in &self.stages {
            out.extend_from_slice(&s.bits.to_le_bytes());
            out.extend_from_slice(&s.scale.to_le_bytes());
            for v in s.trans.iter().chain(&s.start) {
                out.extend_from_slice(&v.to_le_bytes());
            }
            let rows = 1usize << s.bits;
            let mut bitmap = vec![0u8; rows.div_ceil(8)];
            let mut stored = Vec::new();
            let mut count = 0u32;
            for r in 0..rows {
                let row = s
                    .weights
                    .get(r * NTAGS..(r + 1) * NTAGS)
                    .unwrap_or(&[0; NTAGS]);
                if row.iter().any(|&w| w != 0) {
                    bitmap[r / 8] |= 1 << (r % 8);
                    stored.extend(row.iter().map(|&w| w as u8));
                    count += 1;
                }
            }
            out.extend_from_slice(&count.to_le_bytes());
            out.extend_from_slice(&bitmap);
            out.extend_from_slice(&stored);
        }
        out.extend_from_slice(&(self.vocab.bits.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.vocab.bits);
        out
    }

    /// Parses a model; never panics on malformed data.
    pub fn from_bytes(data: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { data, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u32()?;
        if version != FEATURE_VERSION {
            return Err(ModelError::Incompatible(format!(
                "features v{version}, code v{FEATURE_VERSION}"
            )));
        }
        let ntags = r.u32()?;
        if ntags as usize != NTAGS {
            return Err(ModelError::Incompatible(format!("{ntags} tags")));
        }
        let nstages = r.u32()?;
        if !(1..=2).contains(&nstages) {
            return Err(ModelError::Incompatible(format!("{nstages} stages")));
        }
        let mut stages = Vec::new();
        for _ in 0..nstages {
            let bits = r.u32()?;
            if !(8..=24).contains(&bits) {
                return Err(ModelError::Incompatible(format!("{bits} bits")));
            }
            let scale = r.f32()?;
            let mut trans = [0f32; NTAGS * NTAGS];
            for v in trans.iter_mut() {
                *v = r.f32()?;
            }
            let mut start = [0f32; NTAGS];
            for v in start.iter_mut() {
                *v = r.f32()?;
            }
            let count = r.u32()? as usize;
            let rows = 1usize << bits;
            let bitmap = r.take(rows.div_ceil(8))?;
            let stored = r.take(count.checked_mul(NTAGS).ok_or(ModelError::Truncated)?)?;
            let set: usize = bitmap.iter().map(|b| b.count_ones() as usize).sum();
            if set != count {
                return Err(ModelError::Truncated);
            }
            // Stored rows go to the rows whose bit is set, in order (only
            // the set bits are visited: this runs at the page's start-up).
            let mut weights = vec![0i8; rows * NTAGS];
            let mut src = stored.chunks_exact(NTAGS);
            for (i, &byte) in bitmap.iter().enumerate() {
                let mut bits = byte;
                while bits != 0 {
                    let row = i * 8 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let from = src.next().ok_or(ModelError::Truncated)?;
                    let to = &mut weights[row * NTAGS..(row + 1) * NTAGS];
                    for (d, &s) in to.iter_mut().zip(from) {
                        *d = s as i8;
                    }
                }
            }
            stages.push(Stage {
                bits,
                scale,
                weights,
                trans,
                start,
            });
        }
        let vocab_len = r.u32()? as usize;
        if vocab_len != 0 && !vocab_len.is_power_of_two() {
            return Err(ModelError::Incompatible(format!(
                "vocabulary of {vocab_len} bytes"
            )));
        }
        let vocab = LowerVocab {
            bits: r.take(vocab_len)?.to_vec(),
        };
        if r.pos != data.len() {
            return Err(ModelError::Truncated);
        }
        Ok(Model { stages, vocab })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        let bits = 8;
        let mut w = vec![0f32; (1 << bits) * NTAGS];
        for (i, v) in w.iter_mut().enumerate() {
            if i % 7 == 0 {
                *v = (i as f32 - 500.0) / 100.0;
            }
        }
        let mut trans = [0f32; NTAGS * NTAGS];
        trans[3] = -1.5;
        let mut start = [0f32; NTAGS];
        start[1] = 0.25;
        Model {
            stages: vec![Stage::quantize(bits, &w, trans, start)],
            vocab: LowerVocab::build([1, 2, 3], 64),
        }
    }

    #[test]
    fn round_trips() {
        let m = sample();
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes), Ok(m));
    }

    #[test]
    fn vocabulary_filter() {
        let words: Vec<u64> = (0..1000u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        let v = LowerVocab::build(words.iter().copied(), 2048);
        assert!(words.iter().all(|&w| v.contains(w)));
        let false_positives = (5000..15_000u64)
            .filter(|i| v.contains(i.wrapping_mul(0x9e37_79b9_7f4a_7c15)))
            .count();
        assert!(false_positives < 300, "{false_positives}");
        assert!(!LowerVocab::default().contains(7));
    }

    #[test]
    fn quantization_keeps_weights_close() {
        let w: Vec<f32> = (0..(256 * NTAGS))
            .map(|i| (i % 50) as f32 / 10.0 - 2.5)
            .collect();
        let s = Stage::quantize(8, &w, [0.0; NTAGS * NTAGS], [0.0; NTAGS]);
        for (q, f) in s.weights.iter().zip(&w) {
            assert!((*q as f32 * s.scale - f).abs() <= s.scale);
        }
    }

    #[test]
    fn rejects_malformed_data_without_panicking() {
        let bytes = sample().to_bytes();
        for n in [0, 4, 8, 12, 20, 40, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..n]).is_err());
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(Model::from_bytes(&extra), Err(ModelError::Truncated));
        let mut bad = bytes.clone();
        bad[0] = b'X';
        assert_eq!(Model::from_bytes(&bad), Err(ModelError::BadMagic));
        let mut version = bytes;
        version[8] ^= 0xff;
        assert!(matches!(
            Model::from_bytes(&version),
            Err(ModelError::Incompatible(_))
        ));
    }
}
