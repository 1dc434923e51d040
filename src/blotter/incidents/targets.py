"""What was attacked, in GTD's target types. Entry point: ``fill_targets(frame) -> list[Target]``. (Stub, owned by a helper.)"""

from __future__ import annotations

from ..models import Target
from .frame import IncidentFrame


def fill_targets(frame: IncidentFrame) -> list[Target]:
    return []
