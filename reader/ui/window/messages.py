"""Errors from the core (English, for logs and the CLI) said in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def friendly_error(kind: str, detail: str) -> str:
    """A sentence for an input error of class ``kind``; unknown kinds keep the detail as it is."""
    translate = QCoreApplication.translate
    if kind == "EmptyInputError":
        return translate("ErrorMessages", "The file is empty.")
    if kind == "BinaryInputError":
        return translate("ErrorMessages", "The file is not a kind of document the reader opens.")
    if kind == "InputTooLargeError":
        return translate("ErrorMessages", "The file is too large to open (%1).").replace("%1", detail)
    if kind == "UndecodableInputError":
        return translate("ErrorMessages", "The text's character encoding could not be recognised.")
    if kind == "NoBodyTextError":
        return translate("ErrorMessages", "The page has no readable body text.")
    if kind == "FetchError":
        return translate("ErrorMessages", "The page could not be downloaded: %1").replace("%1", detail)
    if kind == "DamagedFileError":
        return translate("ErrorMessages", "The file is damaged or incomplete.")
    if kind == "EncryptedFileError":
        return translate("ErrorMessages", "The document is protected by a password.")
    if kind == "ScannedDocumentError":
        return translate(
            "ErrorMessages", "The document holds scanned pages without text; it needs text recognition (OCR) first."
        )
    if kind == "UnsupportedSourceError":
        return translate("ErrorMessages", "The file does not exist or cannot be read: %1").replace("%1", detail)
    return detail
