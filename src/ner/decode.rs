//! Viterbi decoding over BIO tags with the BIO constraints built in: `I-X`
//! may only follow `B-X` or `I-X`, and no sentence starts with `I-X`.
//! O(n · NTAGS²) per sentence, linear in its length.

use super::NTAGS;

/// True when tag `next` may follow tag `prev` (`None`: sentence start).
#[inline]
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    if next == 0 || next % 2 == 1 {
        return true; // O or B-X
    }
    match prev {
        None => false,
        Some(p) => p != 0 && p.div_ceil(2) == next / 2,
    }
}

/// Reusable buffers for [`viterbi`].
#[derive(Debug, Default)]
pub struct Scratch {
    back: Vec<[u8; NTAGS]>,
}

/// Best tag sequence for emission scores `emit` (one row per token) under
/// transition scores `trans[prev · NTAGS + next]` and `start`; written to
/// `tags`.
pub fn viterbi(
    emit: &[[f32; NTAGS]],
    trans: &[f32; NTAGS * NTAGS],
    start: &[f32; NTAGS],
    scratch: &mut Scratch,
    tags: &mut Vec<u8>,
) {
    tags.clear();
    let n = emit.len();
    if n == 0 {
        return;
    }
    let back = &mut scratch.back;
    back.clear();
    back.resize(n, [0; NTAGS]);
    // Disallowed transitions cost -inf, so the inner loop has no branch.
    let mut masked = *trans;
    for p in 0..NTAGS {
        for t in 0..NTAGS {
            if !allowed(Some(p), t) {
                masked[p * NTAGS + t] = f32::NEG_INFINITY;
            }
        }
    }
    let mut score = [f32::NEG_INFINITY; NTAGS];
    for t in 0..NTAGS {
        if allowed(None, t) {
            score[t] = start[t] + emit[0][t];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NTAGS];
        for t in 0..NTAGS {
            // I-X only follows B-X (t - 1) or I-X (t); others follow anything.
            let preds = if t != 0 && t % 2 == 0 {
                t - 1..t + 1
            } else {
                0..NTAGS
            };
            let mut best = f32::NEG_INFINITY;
            let mut arg = preds.start as u8;
            for p in preds {
                let s = score[p] + masked[p * NTAGS + t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[t] = best + emit[i][t];
            back[i][t] = arg;
        }
        score = next;
    }
    let mut best = 0;
    for t in 1..NTAGS {
        if score[t] > score[best] {
            best = t;
        }
    }
    tags.resize(n, 0);
    let mut t = best as u8;
    for i in (0..n).rev() {
        tags[i] = t;
        t = back[i][t as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints() {
        assert!(allowed(None, 0));
        assert!(allowed(None, 1));
        assert!(!allowed(None, 2));
        assert!(allowed(Some(1), 2));
        assert!(allowed(Some(2), 2));
        assert!(!allowed(Some(3), 2));
        assert!(!allowed(Some(0), 4));
    }

    #[test]
    fn picks_the_best_legal_path() {
        // Token 1 prefers I-PER (2) on its own, but after O it is illegal.
        let mut e = [[0f32; NTAGS]; 2];
        e[0][0] = 2.0;
        e[0][1] = 1.5;
        e[1][2] = 1.0;
        let trans = [0f32; NTAGS * NTAGS];
        let start = [0f32; NTAGS];
        let mut tags = Vec::new();
        viterbi(&e, &trans, &start, &mut Scratch::default(), &mut tags);
        assert_eq!(tags, vec![1, 2]);
        viterbi(&[], &trans, &start, &mut Scratch::default(), &mut tags);
        assert!(tags.is_empty());
    }
}
