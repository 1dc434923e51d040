"""When an incident happened: resolve "on Sunday", "late on Friday", "last night" against the
publication date. Entry point: ``fill_date(frame) -> IncidentDate``. (Stub, owned by a helper.)"""

from __future__ import annotations

from ..models import IncidentDate
from .frame import IncidentFrame


def fill_date(frame: IncidentFrame) -> IncidentDate:
    return IncidentDate()
