"""Typed errors raised by the core library.

Every failure a user can cause with bad input is one of these, so the CLI and
the GUI can show one clear line instead of a traceback.
"""

from __future__ import annotations


class ReaderError(Exception):
    """Base class of every error the core raises on purpose."""


class InputError(ReaderError):
    """The input could not be turned into a document."""


class EmptyInputError(InputError):
    """The input holds no bytes, or only whitespace."""


class BinaryInputError(InputError):
    """The input is not text (an image, an archive, random bytes...)."""


class InputTooLargeError(InputError):
    """The input is larger than the reader accepts."""


class UndecodableInputError(InputError):
    """No character set decodes the input into plausible text."""


class NoBodyTextError(InputError):
    """The page parsed, but no readable body text was found in it."""


class FetchError(InputError):
    """A URL could not be fetched (timeout, HTTP error, refused connection)."""


class UnsupportedSourceError(InputError):
    """The path does not exist or is not a kind of file the reader opens."""


class DamagedFileError(InputError):
    """A PDF, Word or OFD file is damaged or incomplete."""


class EncryptedFileError(InputError):
    """The document is protected by a password."""


class ScannedDocumentError(InputError):
    """The document holds images of pages but no text (a scan without a text layer)."""
