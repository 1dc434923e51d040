"""Who was harmed. Entry point: ``fill_victims(frame) -> list[Victim]``. (Stub, owned by a helper.)"""

from __future__ import annotations

from ..models import Victim
from .frame import IncidentFrame


def fill_victims(frame: IncidentFrame) -> list[Victim]:
    return []
