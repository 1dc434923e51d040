"""Extraction at scale: ``run_batch`` writes document records as Parquet (``output``) with
the local engine (worker processes) or the Ray engine (a local instance or a cluster)."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .output import BatchSummary, prepare_output

ENGINES = ("local", "ray")


def run_batch(inputs: Sequence[str], output: Path, *, engine: str = "local", workers: int = 0,
              ray_address: str | None = None) -> BatchSummary:
    """Extract ``inputs`` into ``output`` (see ``output`` for the layout); ``workers`` 0 = every core."""
    from ..pipeline import default_jobs

    workers = workers or default_jobs()
    prepare_output(output)
    if engine == "ray":
        from .ray_engine import run_ray

        return run_ray(inputs, output, workers=workers, address=ray_address)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")
    from .local import run_local

    return run_local(inputs, output, workers=workers)


__all__ = ["ENGINES", "BatchSummary", "run_batch"]
