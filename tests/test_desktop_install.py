import shutil
import subprocess
from pathlib import Path

import pytest

from fikadesk.desktop_install import APP_ID, ICON_SIZES, install_desktop_files

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
DESKTOP = RESOURCES / "desktop" / f"{APP_ID}.desktop"
METAINFO = RESOURCES / "desktop" / f"{APP_ID}.metainfo.xml"


def test_install_puts_launcher_metainfo_and_icons_where_the_desktop_looks(tmp_path):
    written = install_desktop_files(RESOURCES, tmp_path, "/opt/fika desk/fikadesk")
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert names == {
        f"applications/{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        *(f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES),
    }
    launcher = (tmp_path / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert 'Exec="/opt/fika desk/fikadesk"\n' in launcher
    assert f"Icon={APP_ID}\n" in launcher
    png = tmp_path / "icons/hicolor/16x16/apps" / f"{APP_ID}.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_metainfo_names_the_launcher_and_committed_screenshots():
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>" in text
    for name in ("first-run.png", "first-run-dark.png", "journal.png", "about.png"):
        assert f"packaging/screenshots/{name}" in text
        assert (RESOURCES.parent / "packaging" / "screenshots" / name).is_file()
    # Every screenshot named is committed, at the size the metainfo gives for it.
    import re
    import struct

    images = re.findall(r'<image type="source" width="(\d+)" height="(\d+)">[^<]*/packaging/'
                        r"screenshots/([^<]+)</image>", text)
    assert len(images) == text.count("<screenshot") - text.count("<screenshots>") >= 8
    for width, height, name in images:
        head = (RESOURCES.parent / "packaging" / "screenshots" / name).read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n", name
        assert struct.unpack(">II", head[16:24]) == (int(width), int(height)), name
    assert text.count("<release ") >= 1 and "<description>" in text.split("<releases>")[1]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils missing")
def test_installed_launcher_is_valid(tmp_path):
    install_desktop_files(RESOURCES, tmp_path, "/usr/bin/fikadesk")
    for path in (DESKTOP, tmp_path / "applications" / f"{APP_ID}.desktop"):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream missing")
def test_metainfo_is_valid():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
