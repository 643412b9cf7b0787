"""Synthetic news-like articles, generated deterministically (no real corpus is copied).

``articles(n, seed)`` returns ``n`` varied texts: headlines ("X: …"), datelines, direct quotes
(curly, straight, « », „ “), quotes interrupted by their attribution, reported speech with
said/told/claimed/insisted/denied/conceded/acknowledged, "according to", anonymous and vague
sources, outlets citing officials, beliefs, "reportedly", multi-paragraph quotations, page
debris, pronouns; names with diacritics, non-Latin scripts and emoji, so that byte and
code-point offsets differ. ``corpus_of_size(nbytes)`` repeats the generator up to a size.
"""

from __future__ import annotations

import random

FIRST = ["Anna", "José", "Zoë", "Björn", "Ngozi", "Dmitri", "Aiko", "Fatima", "Liam", "Søren", "Chloé", "Mehmet",
         "Priya", "Tomás", "Olúwadámilọ́lá", "Wei", "Rachel", "Kwame", "Élodie", "Jürgen"]
LAST = ["Berg", "Álvarez", "Müller", "Ødegaard", "Okonjo-Iweala", "Prokófiev", "Tanaka", "Haddad", "O'Connor",
        "Kierkegård", "Dubois", "Yılmaz", "Raghunathan", "Núñez", "Adébáyọ̀", "Zhang", "Cohen", "Mensah",
        "Lefèvre", "Schröder"]
CJK = ["李明", "王芳", "佐藤健", "김민준"]
TITLES = ["Foreign Minister", "Prime Minister", "Senator", "Governor", "Mayor", "Economy Minister",
          "Defense Secretary", "chief executive", "spokesperson", "President"]
ROLES = ["a spokesperson for the ministry", "the party's press secretary", "a senior adviser to the mayor",
         "the head of the central bank", "a former ambassador to Brazil", "the union's general secretary"]
OUTLETS = ["NBC News", "Reuters", "Le Monde", "Der Spiegel", "The Guardian", "Agence France-Presse",
           "Yomiuri Shimbun", "El País", "Süddeutsche Zeitung"]
ANON = ["a senior official who spoke on condition of anonymity", "two people familiar with the talks",
        "an administration official", "sources close to the negotiations", "a diplomat who asked not to be named"]
VAGUE = ["Critics", "Many economists", "Some lawmakers", "Experts", "Opponents of the plan"]
PLACES = ["Brussels", "Kyiv", "São Paulo", "Zürich", "Reykjavík", "Nairobi", "Montréal", "Kraków", "Tōkyō"]
TOPICS = ["the budget", "the ceasefire", "the new tariffs", "the pension reform", "the election results",
          "the water crisis", "the trade agreement", "the refugee quota", "the energy subsidies"]
CLAIMS = [
    "{topic} would be approved before the end of the month",
    "the government had no intention of changing {topic}",
    "talks on {topic} had stalled over the weekend",
    "{topic} was a mistake that would cost billions",
    "nobody in {place} had been consulted about {topic}",
    "the figures on {topic} had been exaggerated",
    "negotiations on {topic} would resume in {place} next week",
    "the deal on {topic} was “dead on arrival”",
]
QUOTES = [
    "We will not accept {topic} in its current form",
    "This is a historic day for {place}",
    "Nobody should be surprised by this",
    "We have done everything we could — and more",
    "Les négociations continuent",
    "I have never met him, and I never will",
    "The numbers speak for themselves 📈",
    "Our position on {topic} has not changed",
]
DEBRIS = ["Sign up for our newsletter", "LATEST POSTS", "Share this article", "Advertisement",
          "Leave a comment", "Read more: what we know so far"]
CUES = ["said", "told reporters", "claimed", "insisted", "denied", "conceded", "acknowledged", "warned",
        "added", "confirmed", "argued"]
QUOTE_MARKS = [("“", "”"), ('"', '"'), ("« ", " »"), ("„", "“")]


def _name(r: random.Random) -> str:
    if r.random() < 0.08:
        return r.choice(CJK)
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _fill(r: random.Random, template: str) -> str:
    return template.format(topic=r.choice(TOPICS), place=r.choice(PLACES))


def _sentence(r: random.Random, person: str, title: str) -> str:
    surname = person.split()[-1]
    claim = _fill(r, r.choice(CLAIMS))
    quote = _fill(r, r.choice(QUOTES))
    o, c = r.choice(QUOTE_MARKS)
    kind = r.randrange(14)
    if kind == 0:
        return f"{o}{quote},{c} {title} {person} said on {r.choice(['Monday', 'Tuesday', 'Friday'])}."
    if kind == 1:
        return f"{person} {r.choice(CUES)} that {claim}."
    if kind == 2:
        return f"According to {r.choice(OUTLETS)}, {claim}."
    if kind == 3:
        return f"{r.choice(ANON).capitalize()} said {claim}."
    if kind == 4:
        return f"{r.choice(OUTLETS)} reported, citing {r.choice(ANON)}, that {claim}."
    if kind == 5:
        return f"{o}{quote},{c} {surname} said. {o}{_fill(r, r.choice(QUOTES))}.{c}"
    if kind == 6:
        return f"{r.choice(VAGUE)} argue that {claim}."
    if kind == 7:
        return f"{claim[0].upper() + claim[1:]}, {r.choice(['he', 'she'])} added."
    if kind == 8:
        return f"{title} {person} reportedly believes that {claim}."
    if kind == 9:
        return f"{person}, {r.choice(ROLES)}, {r.choice(['told', 'assured', 'warned'])} {r.choice(OUTLETS)} that {claim}."
    if kind == 10:
        if r.random() < 0.3:  # an unclosed quotation: a diagnostic
            return f"The ministry denied the report. {o}{quote}."
        return f"The ministry denied the report. {o}{quote}.{c}"
    if kind == 11:
        return f"{_fill(r, 'Asked about {topic},')} {person} said: {o}{quote}.{c}"
    if kind == 12:
        return f"{claim[0].upper() + claim[1:]}, according to {person} {r.choice(['🙂', '🇺🇳', ''])}".rstrip() + "."
    return f"It was not immediately clear whether {claim}."


def article(r: random.Random) -> str:
    people = [(_name(r), r.choice(TITLES)) for _ in range(r.randint(1, 4))]
    head_person = people[0][0]
    paras = []
    if r.random() < 0.4:
        paras.append(f"{r.choice(OUTLETS)}: {_fill(r, r.choice(CLAIMS)).capitalize()}")
    else:
        paras.append(f"{head_person.split()[-1]} {r.choice(['rejects', 'defends', 'questions'])} {r.choice(TOPICS)}")
    if r.random() < 0.3:
        paras.append(r.choice(DEBRIS))
    dateline = f"{r.choice(PLACES).upper()}, {r.randint(1, 28)} {r.choice(['March', 'June', 'October'])} — "
    for p in range(r.randint(3, 9)):
        sentences = [_sentence(r, *r.choice(people)) for _ in range(r.randint(1, 4))]
        text = (" " if r.random() < 0.9 else "\u00a0").join(sentences)
        paras.append((dateline if p == 0 else "") + text)
    if r.random() < 0.2:
        o, c = QUOTE_MARKS[0]
        paras.append(f"{o}{_fill(r, r.choice(QUOTES))}.")
        paras.append(f"{o}{_fill(r, r.choice(QUOTES))},{c} {people[-1][0]} said.")
    if r.random() < 0.3:
        paras.append(r.choice(DEBRIS))
    sep = "\n\n" if r.random() < 0.7 else "\n"
    return sep.join(paras) + ("\n" if r.random() < 0.5 else "")


def articles(n: int, seed: int = 14) -> list[str]:
    """``n`` synthetic articles, the same for the same ``(n, seed)``."""
    r = random.Random(seed)
    return [article(r) for _ in range(n)]


def corpus_of_size(nbytes: int, seed: int = 14) -> list[str]:
    """Synthetic articles adding up to at least ``nbytes`` bytes of UTF-8."""
    r = random.Random(seed)
    out, size = [], 0
    while size < nbytes:
        a = article(r)
        out.append(a)
        size += len(a.encode())
    return out
