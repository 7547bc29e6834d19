"""Fill unfinished messages of the catalogue from a source → translation table given as JSON.

Usage: python scripts/fill_translations.py CATALOGUE.ts TABLE.json
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from carry_translations import fill_unfinished  # the script's folder is on the path


def main(argv: list[str]) -> int:
    """Fill the unfinished messages whose source the table translates; returns the exit status."""
    path, table_path = argv
    table = json.loads(Path(table_path).read_text(encoding="utf-8"))
    tree = ET.parse(path)
    filled = fill_unfinished(tree, table)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} translations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
