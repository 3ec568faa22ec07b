"""The committed icons are the sizes each platform needs, made from our SVG."""

import struct
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"


def test_png_sizes_16_to_512(qapp):
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(ICONS / f"fikadesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def test_svg_is_ours_and_square():
    text = (ICONS / "fikadesk.svg").read_text(encoding="utf-8")
    assert 'viewBox="0 0 64 64"' in text
    assert "<image" not in text  # drawn, not an embedded picture


def test_windows_and_macos_icons():
    ico = (ROOT / "packaging" / "icons" / "fikadesk.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 7)
    icns = (ROOT / "packaging" / "icons" / "fikadesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert [icns.find(kind) > 0 for kind in (b"icp4", b"ic07", b"ic09")] == [True, True, True]
