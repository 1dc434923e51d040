#!/usr/bin/env python
"""Check that nlp.TableAttributeRuler rules exactly like spaCy's AttributeRuler on real texts.

    python scripts/check_attribute_ruler.py [-n 300]

Parses GVA article bodies and MUC-4 dev texts (upper case, as in the raw files, and the
lower-cased GTT copies), runs both rulers on copies of each parsed Doc, and compares POS,
MORPH, LEMMA, TAG and DEP token by token. Prints the documents compared and any difference.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc

from blotter.nlp import load_nlp

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
COMPARED = ("pos_", "morph", "lemma_", "tag_", "dep_")


def sample_texts(n: int) -> Iterator[str]:
    """Up to n GVA bodies, then up to n MUC-4 dev texts in their lower-cased and upper-cased forms."""
    with open(DATA / "gva" / "articles.jsonl", encoding="utf-8") as fh:
        yield from itertools.islice((json.loads(line).get("content") or "" for line in fh), n)
    with open(DATA / "muc4" / "dev.json", encoding="utf-8") as fh:
        for line in itertools.islice(fh, n // 2):
            text = json.loads(line)["doctext"]
            yield text
            yield text.upper()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=300)
    args = parser.parse_args()
    nlp = load_nlp()
    original, table = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("table_attribute_ruler")
    before_ruler = nlp.component_names[: nlp.component_names.index("attribute_ruler")]
    documents = tokens = differences = 0
    with nlp.select_pipes(enable=before_ruler):
        for doc in nlp.pipe(sample_texts(args.n)):
            expected, actual = original(Doc.from_docs([doc])), table(Doc.from_docs([doc]))
            documents += 1
            tokens += len(doc)
            for want, got in zip(expected, actual):
                for attr in COMPARED:
                    if str(getattr(want, attr)) != str(getattr(got, attr)):
                        differences += 1
                        print(f"{documents}: {want.text!r} {attr} expected {getattr(want, attr)} got {getattr(got, attr)}")
    print(f"{documents} documents, {tokens} tokens, {differences} differences")


if __name__ == "__main__":
    main()
