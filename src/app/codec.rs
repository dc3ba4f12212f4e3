//! The compact binary form in which the analysis worker hands an
//! [`Analysis`] back to the page (the text itself stays on the page).
//!
//! Little-endian, length-prefixed, no schema evolution: the page and the
//! worker always run the same wasm module. Encoding destructures every type
//! and decoding builds every field, so a field added to the core fails to
//! compile here rather than being dropped silently. Decoding never panics:
//! bad input is an [`Error`].

use crate::analysis::{DateSource, DocumentDate, Entity, Mention, Quote, TimeKind, Value};
use crate::{Analysis, Label, Span};
use chrono::{Datelike, NaiveDate};

/// Why bytes could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(pub &'static str);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad analysis data ({})", self.0)
    }
}

/// `analysis` as bytes.
pub fn encode(analysis: &Analysis) -> Vec<u8> {
    let Analysis {
        document_date,
        mentions,
        debris,
        entities,
        quotes,
    } = analysis;
    let mut w = Writer(Vec::with_capacity(64 + mentions.len() * 40));
    w.option(document_date.as_ref(), |w, d| {
        let DocumentDate { date, source } = d;
        w.u32(date.num_days_from_ce() as u32);
        match source {
            DateSource::Given => w.u8(0),
            DateSource::Detected(s) => {
                w.u8(1);
                w.span(*s);
            }
        }
    });
    w.seq(mentions, |w, m| {
        let Mention {
            span,
            label,
            text,
            value,
            entity,
        } = m;
        w.span(*span);
        w.label(*label);
        w.str(text);
        w.option(value.as_ref(), Writer::value);
        w.option(entity.as_ref(), |w, e| w.usize(*e));
    });
    w.seq(debris, |w, s| w.span(*s));
    w.seq(entities, |w, e| {
        let Entity {
            label,
            name,
            aliases,
            roles,
            mentions,
            country,
        } = e;
        w.label(*label);
        w.str(name);
        w.seq(aliases, |w, s| w.str(s));
        w.seq(roles, |w, s| w.str(s));
        w.seq(mentions, |w, m| w.usize(*m));
        w.option(country.as_ref(), |w, s| w.str(s));
    });
    w.seq(quotes, |w, q| {
        let Quote { span, speaker, cue } = q;
        w.span(*span);
        w.option(speaker.as_ref(), |w, s| w.usize(*s));
        w.option(cue.as_ref(), |w, s| w.span(*s));
    });
    w.0
}

/// The analysis in `bytes` (made by [`encode`]).
pub fn decode(bytes: &[u8]) -> Result<Analysis, Error> {
    let mut r = Reader(bytes);
    let document_date = r.option(|r| {
        let days = r.u32()? as i32;
        let date = NaiveDate::from_num_days_from_ce_opt(days).ok_or(Error("date"))?;
        let source = match r.u8()? {
            0 => DateSource::Given,
            1 => DateSource::Detected(r.span()?),
            _ => return Err(Error("date source")),
        };
        Ok(DocumentDate { date, source })
    })?;
    let mentions = r.seq(|r| {
        Ok(Mention {
            span: r.span()?,
            label: r.label()?,
            text: r.string()?,
            value: r.option(Reader::value)?,
            entity: r.option(Reader::usize)?,
        })
    })?;
    let debris = r.seq(Reader::span)?;
    let entities = r.seq(|r| {
        Ok(Entity {
            label: r.label()?,
            name: r.string()?,
            aliases: r.seq(Reader::string)?,
            roles: r.seq(Reader::string)?,
            mentions: r.seq(Reader::usize)?,
            country: r.option(Reader::string)?,
        })
    })?;
    let quotes = r.seq(|r| {
        Ok(Quote {
            span: r.span()?,
            speaker: r.option(Reader::usize)?,
            cue: r.option(Reader::span)?,
        })
    })?;
    if !r.0.is_empty() {
        return Err(Error("trailing bytes"));
    }
    Ok(Analysis {
        document_date,
        mentions,
        debris,
        entities,
        quotes,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn usize(&mut self, v: usize) {
        // Texts are far below 4 GB (wasm32 addresses 4 GB in all).
        self.u32(u32::try_from(v).unwrap_or(u32::MAX));
    }
    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn span(&mut self, s: Span) {
        self.usize(s.start);
        self.usize(s.end);
    }
    fn label(&mut self, l: Label) {
        let i = Label::ALL.iter().position(|&x| x == l).unwrap_or(0);
        self.u8(i as u8);
    }
    fn option<T>(&mut self, v: Option<&T>, f: impl FnOnce(&mut Self, &T)) {
        match v {
            None => self.u8(0),
            Some(v) => {
                self.u8(1);
                f(self, v);
            }
        }
    }
    fn seq<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.usize(items.len());
        for item in items {
            f(self, item);
        }
    }
    fn value(&mut self, v: &Value) {
        match v {
            Value::Time { timex, kind } => {
                self.u8(0);
                self.str(timex);
                self.u8(match kind {
                    TimeKind::Date => 0,
                    TimeKind::Time => 1,
                    TimeKind::Duration => 2,
                    TimeKind::Set => 3,
                });
            }
            Value::Number(n) => {
                self.u8(1);
                self.f64(*n);
            }
            Value::Money {
                amount,
                max,
                currency,
            } => {
                self.u8(2);
                self.f64(*amount);
                self.option(max.as_ref(), |w, m| w.f64(*m));
                self.str(currency);
            }
            Value::Quantity { amount, unit } => {
                self.u8(3);
                self.f64(*amount);
                self.str(unit);
            }
            Value::Text(s) => {
                self.u8(4);
                self.str(s);
            }
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], Error> {
        if self.0.len() < n {
            return Err(Error("truncated"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn usize(&mut self) -> Result<usize, Error> {
        Ok(self.u32()? as usize)
    }
    fn f64(&mut self) -> Result<f64, Error> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }
    fn string(&mut self) -> Result<String, Error> {
        let n = self.usize()?;
        let b = self.take(n)?;
        std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|_| Error("text"))
    }
    fn span(&mut self) -> Result<Span, Error> {
        Ok(Span::new(self.usize()?, self.usize()?))
    }
    fn label(&mut self) -> Result<Label, Error> {
        let i = self.u8()? as usize;
        Label::ALL.get(i).copied().ok_or(Error("label"))
    }
    fn option<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        match self.u8()? {
            0 => Ok(None),
            1 => f(self).map(Some),
            _ => Err(Error("option")),
        }
    }
    fn seq<T>(
        &mut self,
        mut f: impl FnMut(&mut Self) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let n = self.usize()?;
        // Each item takes at least one byte: a corrupt length cannot make
        // us reserve more than the input could hold.
        let mut out = Vec::with_capacity(n.min(self.0.len()));
        for _ in 0..n {
            out.push(f(self)?);
        }
        Ok(out)
    }
    fn value(&mut self) -> Result<Value, Error> {
        Ok(match self.u8()? {
            0 => Value::Time {
                timex: self.string()?,
                kind: match self.u8()? {
                    0 => TimeKind::Date,
                    1 => TimeKind::Time,
                    2 => TimeKind::Duration,
                    3 => TimeKind::Set,
                    _ => return Err(Error("time kind")),
                },
            },
            1 => Value::Number(self.f64()?),
            2 => Value::Money {
                amount: self.f64()?,
                max: self.option(Reader::f64)?,
                currency: self.string()?,
            },
            3 => Value::Quantity {
                amount: self.f64()?,
                unit: self.string()?,
            },
            4 => Value::Text(self.string()?),
            _ => return Err(Error("value")),
        })
    }
}
