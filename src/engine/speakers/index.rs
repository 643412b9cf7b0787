//! The entities found so far, indexed by lower-cased name, word prefix (outlets and bodies:
//! "NBC" = "NBC News"), surname and anonymous key, so that a mention finds its entity without a
//! scan of all of them: clustering stays linear in the number of mentions.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

use super::Entity;
use crate::engine::model::SpeakerKind;

/// FNV-1a over `s`, calling `prefix(len, hash)` for every proper prefix of at least 2 bytes that
/// ends before a space ("nbc" of "nbc news"); returns the hash of the whole of `s`. One pass,
/// so a long name costs its length, not its length times its words.
pub(super) fn name_hashes(s: &str, mut prefix: impl FnMut(usize, u64)) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b == b' ' && i >= 2 {
            prefix(i, h);
        }
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Entity ids under one key, in order: nearly always just one (no allocation then).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ids {
    One(u32),
    Many(BTreeSet<u32>),
}

impl Ids {
    pub(super) fn insert(&mut self, e: u32) {
        match self {
            Ids::One(x) if *x == e => {}
            Ids::One(x) => *self = Ids::Many(BTreeSet::from([*x, e])),
            Ids::Many(set) => {
                set.insert(e);
            }
        }
    }

    /// Removes `e`; true when no id is left.
    pub(super) fn remove(&mut self, e: u32) -> bool {
        match self {
            Ids::One(x) => *x == e,
            Ids::Many(set) => {
                set.remove(&e);
                set.is_empty()
            }
        }
    }

    /// The greatest id (never empty: an emptied set is dropped from its map).
    pub(super) fn last(&self) -> u32 {
        match self {
            Ids::One(x) => *x,
            Ids::Many(set) => set.last().copied().unwrap_or(0),
        }
    }

    /// The ids, greatest first.
    pub(super) fn rev(&self) -> impl Iterator<Item = u32> + '_ {
        let (one, many) = match self {
            Ids::One(x) => (Some(*x), None),
            Ids::Many(set) => (None, Some(set.iter().rev().copied())),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }
}

pub(super) fn link<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Ids>, k: K, e: u32) {
    map.entry(k).and_modify(|ids| ids.insert(e)).or_insert(Ids::One(e));
}

pub(super) fn unlink<K: std::hash::Hash + Eq + std::borrow::Borrow<Q>, Q: std::hash::Hash + Eq + ?Sized>(
    map: &mut HashMap<K, Ids>,
    k: &Q,
    e: u32,
) {
    if map.get_mut(k).is_some_and(|ids| ids.remove(e)) {
        map.remove(k);
    }
}

/// The entities by everything `find_entity` compares, kept up to date as entities change, so
/// that a mention is placed in time independent of the number of entities. Sets of ids rather
/// than one id: `find_entity` takes the latest (or the first) entity that fits, and which one
/// that is changes as names grow and kinds are settled.
#[derive(Default)]
pub(super) struct Index {
    /// Named entities by the hash of their lower-cased name: persons, and all other kinds.
    pub(super) name_person: HashMap<u64, Ids>,
    pub(super) name_other: HashMap<u64, Ids>,
    /// Named non-person entities by the hash of each proper word prefix of their lower-cased
    /// name ("nbc" for "nbc news").
    pub(super) prefix_other: HashMap<u64, Ids>,
    /// Entities with a surname, by the surname [folded](super::fold): persons, and all other kinds.
    pub(super) surname_person: HashMap<String, Ids>,
    pub(super) surname_other: HashMap<String, Ids>,
    /// Entities created anonymous, by key, in creation order, and how many of them at the front
    /// are no longer anonymous (an entity never becomes anonymous again).
    pub(super) anonymous: HashMap<String, (Vec<u32>, usize)>,
    /// The first entity of each non-empty key.
    pub(super) first_by_key: HashMap<String, u32>,
}

/// How a hashed candidate's name must relate to the mention's lower-cased name `l`.
#[derive(Clone, Copy)]
pub(super) enum NameFit {
    /// Equal to `l[..n]`.
    Equal(usize),
    /// `l` followed by a space and more.
    Extends,
}

impl Index {
    /// A new entity: indexed by name, key and (when anonymous) as an anonymous source.
    pub(super) fn add(&mut self, e: usize, ent: &Entity) {
        self.link_name(e, ent);
        self.link_surname(e, ent);
        if ent.anonymous {
            self.anonymous.entry(ent.key.clone()).or_default().0.push(e as u32);
        }
        if !ent.key.is_empty() {
            self.first_by_key.entry(ent.key.clone()).or_insert(e as u32);
        }
    }

    pub(super) fn link_name(&mut self, e: usize, ent: &Entity) {
        let Some(l) = &ent.lname else { return };
        let e = e as u32;
        if ent.kind == SpeakerKind::Person {
            link(&mut self.name_person, name_hashes(l, |_, _| {}), e);
        } else {
            let h = name_hashes(l, |_, h| link(&mut self.prefix_other, h, e));
            link(&mut self.name_other, h, e);
        }
    }

    pub(super) fn unlink_name(&mut self, e: usize, ent: &Entity) {
        let Some(l) = &ent.lname else { return };
        let e = e as u32;
        if ent.kind == SpeakerKind::Person {
            unlink(&mut self.name_person, &name_hashes(l, |_, _| {}), e);
        } else {
            let h = name_hashes(l, |_, h| unlink(&mut self.prefix_other, &h, e));
            unlink(&mut self.name_other, &h, e);
        }
    }

    pub(super) fn link_surname(&mut self, e: usize, ent: &Entity) {
        let Some(s) = &ent.surname else { return };
        let map = if ent.kind == SpeakerKind::Person { &mut self.surname_person } else { &mut self.surname_other };
        link(map, super::fold(s), e as u32);
    }

    pub(super) fn unlink_surname(&mut self, e: usize, ent: &Entity) {
        let Some(s) = &ent.surname else { return };
        let map = if ent.kind == SpeakerKind::Person { &mut self.surname_person } else { &mut self.surname_other };
        unlink(map, super::fold(s).as_str(), e as u32);
    }

    /// The latest entity that a mention named `l` (lower-cased) fits: the same name; for a
    /// person (mention or entity), the same surname; otherwise one name a word prefix of the
    /// other ("NBC" = "NBC News").
    pub(super) fn named(&self, entities: &[Entity], l: &str, person: bool) -> Option<usize> {
        let last = l.rsplit(' ').next().unwrap_or("");
        let mut best: Option<u32> = None;
        if last.len() > 2 {
            // `last` is lower-case already, so it is its own ASCII-lower-cased form.
            let top = |map: &HashMap<String, Ids>| map.get(last).map(Ids::last);
            best = best.max(top(&self.surname_person));
            if person {
                best = best.max(top(&self.surname_other));
            }
        }
        let mut probes: Vec<(&Ids, NameFit)> = Vec::new();
        let full = name_hashes(l, |n, h| {
            if !person {
                if let Some(ids) = self.name_other.get(&h) {
                    probes.push((ids, NameFit::Equal(n)));
                }
            }
        });
        for map in [&self.name_person, &self.name_other] {
            if let Some(ids) = map.get(&full) {
                probes.push((ids, NameFit::Equal(l.len())));
            }
        }
        if !person && l.len() >= 2 {
            if let Some(ids) = self.prefix_other.get(&full) {
                probes.push((ids, NameFit::Extends));
            }
        }
        // Each probe's ids are checked latest first and stop at the first that fits (or at the
        // best so far): with no hash collision that is one check per probe, in any order.
        let fits = |e: u32, fit: NameFit| {
            let Some(el) = entities[e as usize].lname.as_deref() else { return false };
            match fit {
                NameFit::Equal(n) => el == &l[..n],
                NameFit::Extends => el.len() > l.len() && el.as_bytes()[l.len()] == b' ' && el.starts_with(l),
            }
        };
        for (ids, fit) in probes {
            for e in ids.rev() {
                if Some(e) <= best {
                    break;
                }
                if fits(e, fit) {
                    best = Some(e);
                    break;
                }
            }
        }
        best.map(|e| e as usize)
    }

    /// The latest entity named exactly `l` (lower-cased).
    pub(super) fn same_name(&self, entities: &[Entity], l: &str) -> Option<usize> {
        let full = name_hashes(l, |_, _| {});
        [&self.name_person, &self.name_other]
            .into_iter()
            .filter_map(|map| map.get(&full)?.rev().find(|&e| entities[e as usize].lname.as_deref() == Some(l)))
            .max()
            .map(|e| e as usize)
    }

    /// The first entity created anonymous under `key` that still is.
    pub(super) fn first_anonymous(&mut self, entities: &[Entity], key: &str) -> Option<usize> {
        let (ids, gone) = self.anonymous.get_mut(key)?;
        while *gone < ids.len() && !entities[ids[*gone] as usize].anonymous {
            *gone += 1;
        }
        ids.get(*gone).map(|&e| e as usize)
    }
}
