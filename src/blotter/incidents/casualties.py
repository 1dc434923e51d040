"""How many were killed and injured, victims apart from perpetrators, by RECORD.md's counting rules.
Entry point: ``fill_casualties(frame) -> Casualties``. (Stub, owned by a helper.)"""

from __future__ import annotations

from ..models import Casualties
from .frame import IncidentFrame


def fill_casualties(frame: IncidentFrame) -> Casualties:
    return Casualties()
