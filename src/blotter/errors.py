"""Blotter's exception tree. Every error carries a stable ``code`` that scripts can rely on.

    BlotterError
    ├── InputError          the document could not be read (code E1xx)
    │   ├── EmptyInput      E101 nothing to read
    │   ├── InputTooLarge   E102 over the size limit
    │   ├── BinaryInput     E103 not text (binary junk, an image, a PDF)
    │   ├── BadJSON         E104 a JSON Lines line that is not a document object
    │   └── UnsupportedInput E105 a file kind Blotter does not read
    ├── ExtractionError     a stage failed on a readable document (code E2xx)
    │   └── NoArticleText   E201 cleaning left no article text
    └── StorageError        the database refused a write or read (code E3xx)
"""

from __future__ import annotations


class BlotterError(Exception):
    code = "E000"
    slug = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def to_info(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


class InputError(BlotterError):
    code = "E100"
    slug = "bad_input"


class EmptyInput(InputError):
    code = "E101"
    slug = "empty_input"


class InputTooLarge(InputError):
    code = "E102"
    slug = "input_too_large"


class BinaryInput(InputError):
    code = "E103"
    slug = "binary_input"


class BadJSON(InputError):
    code = "E104"
    slug = "bad_json"


class UnsupportedInput(InputError):
    code = "E105"
    slug = "unsupported_input"


class ExtractionError(BlotterError):
    code = "E200"
    slug = "extraction_failed"


class NoArticleText(ExtractionError):
    code = "E201"
    slug = "no_article_text"


class StorageError(BlotterError):
    code = "E300"
    slug = "storage_error"
