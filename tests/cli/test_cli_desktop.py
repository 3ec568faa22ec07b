from fikadesk.desktop_install import APP_ID
from tests.cli.helpers import run_cli


def test_install_desktop_with_prefix_needs_no_journal(capsys, tmp_path, _private_user_folders):
    code, out, err = run_cli(capsys, "install-desktop", "--prefix", str(tmp_path / "usr"))
    assert (code, err) == (0, "")
    assert out.startswith(f"Installed 11 files under {tmp_path / 'usr' / 'share'}:\n")
    assert (tmp_path / "usr/share/applications" / f"{APP_ID}.desktop").is_file()
    assert not (_private_user_folders / ".local/share/fikadesk").exists()


def test_install_desktop_defaults_to_the_xdg_data_home(capsys, _private_user_folders):
    code, _out, _err = run_cli(capsys, "install-desktop")
    assert code == 0
    data = _private_user_folders / ".local" / "share"
    assert (data / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").is_file()
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()


def test_install_desktop_into_an_unwritable_place_is_one_line(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _out, err = run_cli(capsys, "install-desktop", "--prefix", str(blocker))
    assert code == 1
    assert err.startswith("fikadesk: ") and err.count("\n") == 1
