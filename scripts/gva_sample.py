#!/usr/bin/env python
"""Print N Gun Violence Archive articles from ../shared/data as Blotter input (JSON Lines).

Only the fields a user would have (id, url, title, publication date, text) are written;
the archive's labels stay in the dataset.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gva" / "articles.jsonl"


def main() -> int:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    written = 0
    with open(DATA, encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            body = (art.get("content") or "").strip()
            if not body:
                continue
            doc = {"id": f"gva-{art['id']}", "url": art.get("uri"), "title": art.get("title"),
                   "published": art.get("dct"), "text": body}
            print(json.dumps(doc, ensure_ascii=False))
            written += 1
            if written >= limit:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
