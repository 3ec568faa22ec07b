"""Spoken takes kept: their measurements beside the take, the recording only when asked (0600)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from fikadesk.domain.interview.records import Answer, Take
from fikadesk.domain.interview.speech import SpeechMetrics
from fikadesk.paths import ensure_private_dir, recordings_dir
from fikadesk.services.interview.service import InterviewService
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories import interview as repo
from fikadesk.storage.repositories.meta import meta_value, set_meta_value

KEEP_KEY = "pref.keep_recordings"
_NAME = re.compile(r"^take-(\d+)\.wav$")


class SpeechTakes:
    """Measured takes of the rehearsal; each public method is one short transaction."""

    def __init__(self, db: Database, interview: InterviewService, folder: Path | None = None) -> None:
        self._db, self._interview = db, interview
        self.folder = folder or recordings_dir(db.path)

    # -- the preference ------------------------------------------------------------------------
    def keep_recordings(self) -> bool:
        """True when the person asked to keep the audio of their takes (off unless they did)."""
        with self._db.read() as conn:
            return meta_value(conn, KEEP_KEY) == "1"

    def set_keep_recordings(self, keep: bool) -> None:
        """Keep (or stop keeping) the audio of takes from now on; kept recordings stay until removed."""
        with self._db.write() as conn:
            set_meta_value(conn, KEEP_KEY, "1" if keep else "0")

    # -- takes ---------------------------------------------------------------------------------
    def record(self, take: Take, metrics: SpeechMetrics | None, audio: bytes | None = None) -> Answer:
        """Keep a take with what was measured on it; the audio only when recordings are kept."""
        answer = self._interview.record_take(take)
        if metrics is None:
            return answer
        with self._db.write() as conn:
            take_id = repo.last_take_id(conn, take.answer_id)
            assert take_id is not None
            repo.insert_take_speech(conn, take_id, json.dumps(metrics.to_dict()))
        if audio is not None and self.keep_recordings():
            self._write(self.recording_path(take_id), audio)
        return answer

    def metrics(self, answer_id: int) -> dict[int, SpeechMetrics]:
        """What was measured on each spoken take of an answer, by take id."""
        with self._db.read() as conn:
            rows = repo.take_speech(conn, answer_id)
        found = {}
        for take_id, metrics in rows:
            try:
                found[take_id] = SpeechMetrics.from_dict(json.loads(metrics))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # a damaged row (edited export): the take itself still shows
        return found

    def recording_path(self, take_id: int) -> Path:
        """Where the recording of a take is (or would be) kept."""
        return self.folder / f"take-{take_id}.wav"

    def prune(self) -> int:
        """Remove recordings whose take is gone (deleted with its answer or job); returns how many."""
        if not self.folder.is_dir():
            return 0
        with self._db.read() as conn:
            alive = repo.take_ids(conn)
        removed = 0
        for path in self.folder.iterdir():
            found = _NAME.match(path.name)
            if found and int(found.group(1)) not in alive:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def _write(self, path: Path, audio: bytes) -> None:
        ensure_private_dir(path.parent)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(audio)
        os.chmod(path, 0o600)
