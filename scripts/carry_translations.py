"""Carry translations across contexts after code moves between classes.

``lupdate`` keys a message by its class (context): a string that moved from one class
to another comes back unfinished. This fills each unfinished message whose source
text has a translation in another context of the same catalogue (or in the catalogue
given as ``--from``, e.g. the committed version), so moving code does not lose work.

Usage: python scripts/carry_translations.py CATALOGUE.ts [--from OLD.ts]
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def _translations(root: ET.Element) -> dict[str, str]:
    known: dict[str, str] = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        finished = translation is not None and translation.get("type") not in ("unfinished", "obsolete")
        if source and finished and translation.text:
            known.setdefault(source, translation.text)
    return known


def fill_unfinished(tree: ET.ElementTree, known: dict[str, str]) -> int:
    """Give each unfinished message whose source ``known`` translates that translation; returns how many."""
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is not None and translation.get("type") == "unfinished" and source in known:
            translation.text = known[source]
            del translation.attrib["type"]
            filled += 1
    return filled


def main(argv: list[str]) -> int:
    """Fill the unfinished messages of ``argv[0]``; returns the exit status."""
    path = argv[0]
    tree = ET.parse(path)
    known = _translations(tree.getroot())
    if "--from" in argv:
        known = {**_translations(ET.parse(argv[argv.index("--from") + 1]).getroot()), **known}
    filled = fill_unfinished(tree, known)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"carried {filled} translations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
