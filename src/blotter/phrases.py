"""How two role phrases are compared: the MUC/GTT filler match.

The role-filler model (``incidents.roles``) is trained against this match and the MUC-4 scorer
scores with it, so both import it from here. It lives on the extraction side of the package
because changing it changes what is extracted, and the evaluation cache fingerprints only the
extraction side.
"""

from __future__ import annotations

import re

_ARTICLE = re.compile(r"^(the|a|an)\s+")
_SPACES = re.compile(r"\s+")


def normalize_filler(text: str) -> str:
    """Lower-case, squeeze spaces and drop a leading "the/a/an" (the MUC/GTT filler match)."""
    return _ARTICLE.sub("", _SPACES.sub(" ", text.strip().lower()))
