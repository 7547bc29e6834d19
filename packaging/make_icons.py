"""Render the SVG icon to the PNG sizes desktops want (run after editing the SVG)."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 32, 48, 64, 128, 256, 512)


def main() -> int:
    """Write every PNG size next to the SVG."""
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "report-reader.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ROOT / "resources" / "icons" / f"report-reader-{size}.png"
        image.save(str(target))
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
