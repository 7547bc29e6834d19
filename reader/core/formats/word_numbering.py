"""Word's automatic numbering (``numbering.xml``) turned into the text Word prints: 一、 （二） 3. ②.

A numbered paragraph names a list instance (``numId``) and a level (``ilvl``); the
instance points at an abstract definition whose level gives the format (``numFmt``), the
pattern (``lvlText``, e.g. ``（%1）``) and the start value. Instances of one definition
continue one sequence unless an instance overrides its start. A level's counter restarts
whenever a higher level advances.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_count(value: int, digits: str = _DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (the way 一、二、… are numbered)."""
    if value <= 0:
        return digits[0]
    if value < 10:
        return digits[value]
    if value < 20:
        return ten + (digits[value - 10] if value > 10 else "")
    if value < 100:
        tens, units = divmod(value, 10)
        return digits[tens] + ten + (digits[units] if units else "")
    hundreds, rest = divmod(value, 100)
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = ("零" if digits is _DIGITS else digits[0]) + digits[rest]
    else:
        tail = chinese_count(rest, digits, ten, hundred)
        if rest < 20:
            tail = digits[1] + tail
    return digits[hundreds] + hundred + tail


def _roman(value: int) -> str:
    numerals: tuple[tuple[int, str], ...] = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
    )
    numerals += ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    found = ""
    for amount, letters in numerals:
        while value >= amount:
            found += letters
            value -= amount
    return found


def _letters(value: int) -> str:
    value = max(value, 1)
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def format_number(value: int, number_format: str) -> str:
    """A counter's value in one of Word's number formats (unknown formats print as digits)."""
    if number_format in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return chinese_count(value)
    if number_format == "chineseLegalSimplified":
        return chinese_count(value, _LEGAL, "拾", "佰")
    if number_format == "ideographDigital":
        return "".join(_DIGITS[int(d)] for d in str(value))
    if number_format in ("ideographTraditional", "ideographZodiac"):
        return _HEAVENLY[(value - 1) % 10]
    if number_format in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= 20:
        return _CIRCLED[value - 1]
    if number_format == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if number_format == "upperRoman":
        return _roman(value)
    if number_format == "lowerRoman":
        return _roman(value).lower()
    if number_format == "upperLetter":
        return _letters(value)
    if number_format == "lowerLetter":
        return _letters(value).lower()
    if number_format in ("none", "bullet"):
        return ""
    return str(value)


@dataclass
class _Level:
    number_format: str = "decimal"
    text: str = "%1."
    start: int = 1


class Numbering:
    """The list definitions of one document and the counters of the paragraphs read so far.

    Args:
        element: The root of ``numbering.xml`` (None when the document has no lists).
    """

    def __init__(self, element: Any) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._instances: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstract id, start overrides)
        self._counters: dict[str, dict[int, int]] = {}
        self._overridden: set[str] = set()
        if element is None:
            return
        for abstract in element.iter(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for level in abstract.iter(f"{W}lvl"):
                levels[int(level.get(f"{W}ilvl") or 0)] = _read_level(level)
            self._abstract[abstract.get(f"{W}abstractNumId") or ""] = levels
        for instance in element.iter(f"{W}num"):
            reference = instance.find(f"{W}abstractNumId")
            overrides: dict[int, int] = {}
            for override in instance.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None and (start.get(f"{W}val") or "").isdigit():
                    overrides[int(override.get(f"{W}ilvl") or 0)] = int(start.get(f"{W}val"))
            abstract_id = (reference.get(f"{W}val") or "") if reference is not None else ""
            self._instances[instance.get(f"{W}numId") or ""] = (abstract_id, overrides)

    def label(self, num_id: str, level: int) -> str:
        """Advance the counter of a numbered paragraph and return its printed number ('' for none)."""
        if num_id in ("", "0") or num_id not in self._instances:
            return ""
        abstract_id, overrides = self._instances[num_id]
        levels = self._abstract.get(abstract_id, {})
        definition = levels.get(level)
        if definition is None:
            return ""
        # Instances of one definition share its counters, unless an instance restarts them.
        key = num_id if overrides else abstract_id
        counters = self._counters.setdefault(key, {})
        if overrides and num_id not in self._overridden:
            self._overridden.add(num_id)
            for overridden_level, start in overrides.items():
                counters[overridden_level] = start - 1
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        if definition.number_format == "bullet":
            return ""
        text = definition.text
        for shown in range(9):
            marker = f"%{shown + 1}"
            if marker not in text:
                continue
            value = counters.get(shown, levels.get(shown, _Level()).start)
            shown_format = levels.get(shown, definition).number_format
            text = text.replace(marker, format_number(value, shown_format))
        return text


def _read_level(level: Any) -> _Level:
    found = _Level()
    number_format = level.find(f"{W}numFmt")
    if number_format is not None:
        found.number_format = number_format.get(f"{W}val") or "decimal"
    text = level.find(f"{W}lvlText")
    if text is not None:
        found.text = text.get(f"{W}val") or ""
    start = level.find(f"{W}start")
    if start is not None and (start.get(f"{W}val") or "").lstrip("-").isdigit():
        found.start = int(start.get(f"{W}val"))
    return found
