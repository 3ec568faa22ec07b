"""Spoken takes kept: metrics with the take, audio only when asked, 0600, gone with the take."""

import json
import stat
from datetime import datetime

from fikadesk.domain.interview.records import Answer, Take
from fikadesk.domain.interview.speech import SpeechMetrics, SpokenWord, measure
from fikadesk.services.container import Services

TEXT = "We moved the import to a queue. Nobody lost an order after that."


def spoken() -> SpeechMetrics:
    said = "we moved the import to a queue um".split()
    words = [SpokenWord(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(said)]
    return measure(words, [-20.0] * 100, 0.03, TEXT)


def answer(services: Services) -> Answer:
    return services.interview.save_answer(Answer(None, "own-q", "A fix", "story", None, TEXT))


def test_metrics_are_kept_with_the_take_and_audio_is_off_by_default(services: Services,
                                                                   fixed_now: datetime) -> None:
    saved = answer(services)
    assert services.speech.keep_recordings() is False
    services.speech.record(Take(None, int(saved.id or 0), fixed_now, 20, 3), spoken(), b"RIFF...")
    services.speech.record(Take(None, int(saved.id or 0), fixed_now, 25, 4), None)
    takes = services.interview.takes(int(saved.id or 0))
    found = services.speech.metrics(int(saved.id or 0))
    assert list(found) == [takes[0].id]
    assert found[int(takes[0].id or 0)].missed == ("Nobody lost an order after that.",)
    assert found[int(takes[0].id or 0)].fillers == {"um": 1}
    assert not services.speech.folder.exists()  # no recording without the preference


def test_kept_recordings_are_private_and_go_with_their_answer(services: Services,
                                                              fixed_now: datetime) -> None:
    saved = answer(services)
    services.speech.set_keep_recordings(True)
    services.speech.record(Take(None, int(saved.id or 0), fixed_now, 20, 3), spoken(), b"RIFF-audio")
    take_id = int(services.interview.takes(int(saved.id or 0))[0].id or 0)
    path = services.speech.recording_path(take_id)
    assert path.read_bytes() == b"RIFF-audio"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    services.interview.delete_answer(int(saved.id or 0))
    assert not path.exists()
    assert services.speech.metrics(int(saved.id or 0)) == {}


def test_export_carries_the_metrics_never_the_audio(services: Services, fixed_now: datetime) -> None:
    saved = answer(services)
    services.speech.set_keep_recordings(True)
    services.speech.record(Take(None, int(saved.id or 0), fixed_now, 20, 3), spoken(), b"RIFF-audio")
    document = services.transfer.export_document()
    rows = document["tables"]["interview_take_speech"] if "tables" in document else \
        document["interview_take_speech"]
    assert len(rows) == 1
    assert json.loads(rows[0]["metrics"])["missed"] == ["Nobody lost an order after that."]
    assert "RIFF-audio" not in json.dumps(document)


def test_kept_recordings_move_with_the_journal(tmp_path, fixed_now: datetime) -> None:
    from fikadesk.services.container import build_services
    from fikadesk.storage.journal_move import move_journal

    old = tmp_path / "old" / "journal.fikadesk"
    services = build_services(old, clock=lambda: fixed_now)
    try:
        saved = answer(services)
        services.speech.set_keep_recordings(True)
        services.speech.record(Take(None, int(saved.id or 0), fixed_now, 20, 3), spoken(), b"RIFF-audio")
        take_id = int(services.interview.takes(int(saved.id or 0))[0].id or 0)
    finally:
        services.close()
    new = move_journal(old, tmp_path / "new" / "mine.fikadesk")
    moved = build_services(new, create=False)
    try:
        assert moved.speech.recording_path(take_id).read_bytes() == b"RIFF-audio"
        assert not (tmp_path / "old" / "journal.fikadesk-recordings").exists()
    finally:
        moved.close()
