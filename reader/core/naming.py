"""How the app names a report and cites it, from the identity its metadata carries.

Apart from ``reader.core.identity``, which reads the identity out of a report's text with many
patterns: naming only reads metadata, and the window needs it before its first paint.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from reader.core.document import Document
from reader.core.regions import NATIONAL, full_name


@dataclass(frozen=True)
class Identity:
    """What identifies a report among many (every field may be empty)."""

    region: str = ""  # 浙江, 内蒙古, 广州, 全国
    level: str = ""  # national, provincial, municipal
    year: int | None = None  # the year of the session that heard it
    kind: str = ""  # 政府工作报告, 决议, 通知…
    speaker: str = ""  # 王浩
    speaker_role: str = ""  # 浙江省省长
    meeting: str = ""  # 浙江省第十四届人民代表大会第二次会议
    delivered: str = ""  # 2024-01-23

    def to_meta(self) -> dict[str, str]:
        """The known fields as metadata entries (the year as digits)."""
        return {key: str(value) for key, value in asdict(self).items() if value not in ("", None)}

    @staticmethod
    def from_meta(meta: dict[str, str]) -> Identity:
        """Rebuild from metadata entries."""
        year = meta.get("year", "")
        return Identity(
            region=meta.get("region", ""),
            level=meta.get("level", ""),
            year=int(year) if year.isdigit() else None,
            kind=meta.get("kind", ""),
            speaker=meta.get("speaker", ""),
            speaker_role=meta.get("speaker_role", ""),
            meeting=meta.get("meeting", ""),
            delivered=meta.get("delivered", ""),
        )


def display_name(document: Document) -> str:
    """How the app names a document everywhere: "浙江 · 2024年政府工作报告", or its title."""
    identity = Identity.from_meta(document.meta)
    if not identity.region:
        return document.title
    if identity.kind == "政府工作报告" and identity.year:
        return f"{identity.region} · {identity.year}年政府工作报告"
    return f"{identity.region} · {document.title}"


def citation_source(document: Document) -> str:
    """The source in a citation: "浙江省《2024年政府工作报告》", or "《title》"."""
    identity = Identity.from_meta(document.meta)
    title = f"{identity.year}年政府工作报告" if identity.kind == "政府工作报告" and identity.year else document.title
    place = "" if identity.region in ("", NATIONAL) else full_name(identity.region)
    if identity.region == NATIONAL and identity.kind == "政府工作报告":
        place = "国务院"
    return f"{place}《{title}》"
