"""Settings as a table of typed options: each one key, one default, one reader that validates.

An ``Option`` is a descriptor on ``Settings``: ``settings.theme`` reads the stored value
through the option's ``parse`` (a value a hand-edited or older file holds that does not
parse is the default), and ``settings.theme = "dark"`` stores the parsed value and
announces the change (``Settings.changed``). ``Settings.options()`` lists them all, so a
preferences page, a reset or a test walks one table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar, overload

T = TypeVar("T")


class OptionStore(Protocol):
    """Where options keep their values (``Settings``)."""

    def stored(self, key: str, default: object) -> object:
        """The raw stored value of a key (``default`` when there is none)."""

    def store(self, option: Option[Any], value: object) -> None:
        """Keep an option's (parsed) value."""


class Option(Generic[T]):
    """One setting.

    Args:
        key: Where QSettings keeps it ("view/theme").
        default: Its value when nothing (or nothing valid) is stored.
        parse: Turns a stored value into the option's type; raises ``ValueError`` or ``TypeError`` when it cannot.
        doc: What it is, for the table and for people.
    """

    def __init__(self, key: str, default: T, parse: Callable[[Any], T], doc: str) -> None:
        self.key = key
        self.default = default
        self.parse = parse
        self.__doc__ = doc
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> Option[T]: ...

    @overload
    def __get__(self, instance: OptionStore, owner: type) -> T: ...

    def __get__(self, instance: OptionStore | None, owner: type) -> Option[T] | T:
        if instance is None:
            return self
        return self.read(instance.stored(self.key, self.default))

    def __set__(self, instance: OptionStore, value: T) -> None:
        instance.store(self, self.read(value))

    def read(self, value: object) -> T:
        """``value`` as the option's type, or the default when it is not a valid value."""
        try:
            return self.parse(value)
        except (TypeError, ValueError):
            return self.default


def one_of(choices: Sequence[str]) -> Callable[[Any], str]:
    """A reader that accepts only one of ``choices``."""

    def parse(value: Any) -> str:
        text = str(value)
        if text not in choices:
            raise ValueError(f"{text!r} is not one of {choices}")
        return text

    return parse


def int_in(low: int, high: int) -> Callable[[Any], int]:
    """A reader of whole numbers, clamped to ``low``..``high``."""
    return lambda value: min(max(int(value), low), high)


def int_of(choices: Sequence[int]) -> Callable[[Any], int]:
    """A reader that accepts only one of the whole numbers ``choices``."""

    def parse(value: Any) -> int:
        number = int(value)
        if number not in choices:
            raise ValueError(f"{number} is not one of {choices}")
        return number

    return parse


def float_in(low: float, high: float) -> Callable[[Any], float]:
    """A reader of numbers, clamped to ``low``..``high`` (NaN is not a number here)."""

    def parse(value: Any) -> float:
        number = float(value)
        if number != number:
            raise ValueError("NaN")
        return min(max(number, low), high)

    return parse


def flag(value: Any) -> bool:
    """A yes/no read as QSettings' ini files store it ("true"/"false")."""
    if isinstance(value, bool):
        return value
    return str(value).lower() == "true"


def text(value: Any) -> str:
    """Any text ('' for nothing)."""
    return str(value or "")
