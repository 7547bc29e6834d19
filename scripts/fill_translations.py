"""Fill unfinished messages of the catalogue from a source → translation table given as JSON.

Usage: python scripts/fill_translations.py CATALOGUE.ts TABLE.json
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(argv: list[str]) -> int:
    """Fill the unfinished messages whose source the table translates; returns the exit status."""
    path, table_path = argv
    table = json.loads(Path(table_path).read_text(encoding="utf-8"))
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is not None and translation.get("type") == "unfinished" and source in table:
            translation.text = table[source]
            del translation.attrib["type"]
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} translations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
