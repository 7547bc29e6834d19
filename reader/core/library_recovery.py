"""Recovering the library's catalogue: from an older catalog.json when it is sound, else from the folders.

Every document folder holds its own ``entry.json`` and paragraph wording, so a new or
damaged catalogue is rebuilt without losing anything imported.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader.core.library_entry import LibraryEntry

CONTENT_FILE = "wording.json"
_DOCUMENT_ID_RE = re.compile(r"^d[0-9a-f]{12}$")


def is_document_id(text: str) -> bool:
    """Whether ``text`` is a document id (it names a folder under the library; ``../x`` never does)."""
    return bool(_DOCUMENT_ID_RE.match(text))


def recovered_entries(root: Path) -> list[LibraryEntry]:
    """Every entry, for a new or damaged catalogue: an older catalog.json if it is sound, else the folders."""
    try:
        raw = json.loads((root / "catalog.json").read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or not isinstance(raw.get("documents", {}), dict):
            raise ValueError("the catalog is JSON of another shape")  # [] or null: damaged all the same
        entries = [LibraryEntry(**value) for value in raw.get("documents", {}).values()]
        # An id names a folder under the library: anything else (``../../x``) is not ours to touch.
        return [entry for entry in entries if is_document_id(entry.id) and (root / entry.id).is_dir()]
    except FileNotFoundError:
        pass
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    return list(rebuilt_catalog(root).values())


def stored_wording(root: Path, document_id: str) -> dict[str, int]:
    """A document's stored paragraph wording (for the duplicate index); {} when unreadable."""
    try:
        found = json.loads((root / document_id / CONTENT_FILE).read_text(encoding="utf-8"))
        return found if isinstance(found, dict) else {}
    except (OSError, ValueError):
        return {}


def rebuilt_catalog(root: Path) -> dict[str, LibraryEntry]:
    """Recover a damaged catalog from the per-document folders (nothing imported is lost)."""
    catalog: dict[str, LibraryEntry] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.exists() else []:
        entry_file = folder / "entry.json"
        try:
            entry = LibraryEntry(**json.loads(entry_file.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            continue
        if is_document_id(folder.name) and entry.id == folder.name:
            catalog[folder.name] = entry
    return catalog
