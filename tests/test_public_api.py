"""The package's small public API: importable without loading models, and enough to extract."""

from __future__ import annotations

import subprocess
import sys


def test_import_is_light_and_names_load_on_use():
    probe = "import sys, blotter; assert 'spacy' not in sys.modules; print(blotter.__version__)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0.1.0"


def test_extract_text_from_the_package_root():
    import blotter

    record = blotter.extract_text("Two men were shot dead in Lagos on Friday, police said.", published="2024-05-04")
    assert isinstance(record, blotter.DocumentRecord)
    assert record.incidents[0].casualties.killed.best == 2
    assert issubclass(blotter.BlotterError, Exception)


def test_unknown_names_are_attribute_errors():
    import blotter
    import pytest

    with pytest.raises(AttributeError):
        blotter.no_such_thing  # noqa: B018
