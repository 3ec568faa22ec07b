"""Session fixtures of synthetic spoken takes (made once per test run; skipped without the tools)."""

from pathlib import Path

import pytest

from tests.speech_takes import ASPIRATION, RAMBLE, STORY, sentences, synthesize, tools_missing


def need_speech() -> None:
    """Skip the calling test when takes cannot be synthesized or recognized here."""
    missing = tools_missing()
    if missing:
        pytest.skip(missing)
    from fikadesk.services.interview.speech import recognizer_missing

    reason = recognizer_missing()
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="session")
def spoken_takes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """story150: STORY at 150 wpm with a 2 s silence after sentence 2; story_missing: without
    sentence 2; aspiration: ASPIRATION at 150 wpm; aspiration_no_future: without its last sentence;
    ramble: RAMBLE (five fillers) at 150 wpm; noisy: story150 under pink noise (about 20 dB SNR)."""
    need_speech()
    folder = tmp_path_factory.mktemp("takes")
    story = sentences(STORY)
    return {
        "story150": synthesize([story[0], story[1], 2.0, story[2], story[3]], folder / "story150.wav"),
        "story_missing": synthesize([story[0], story[2], story[3]], folder / "story_missing.wav"),
        "aspiration": synthesize(sentences(ASPIRATION), folder / "aspiration.wav"),
        "aspiration_no_future": synthesize(sentences(ASPIRATION)[:2], folder / "aspiration_no_future.wav"),
        "ramble": synthesize(sentences(RAMBLE), folder / "ramble.wav"),
        "noisy": synthesize([story[0], story[1], 2.0, story[2], story[3]], folder / "noisy.wav", noise=0.03),
    }
