"""Which weapons, in GTD's vocabulary. Entry point: ``fill_weapons(frame) -> list[Weapon]``. (Stub, owned by a helper.)"""

from __future__ import annotations

from ..models import Weapon
from .frame import IncidentFrame


def fill_weapons(frame: IncidentFrame) -> list[Weapon]:
    return []
