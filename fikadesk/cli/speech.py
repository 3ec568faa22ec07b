"""The ``speech`` command: measure a spoken take from a WAV file, offline; no Qt, no journal unless asked."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from fikadesk.domain.preferences import Preferences
from fikadesk.errors import InputError
from fikadesk.paths import resolve_journal_path


def add_speech_parsers(commands: Any) -> None:
    """Add the ``speech`` command to the subparsers ``commands``."""
    parser = commands.add_parser(
        "speech", help="measure a spoken take (WAV): pace, long pauses, fillers, sentences left out")
    parser.add_argument("file", metavar="FILE.wav", help="the recording (WAV, any sample rate and channels)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--text", help="the written answer the take should follow")
    source.add_argument("--answer", type=int, metavar="ID",
                        help="an answer stored in the journal (its text and kind)")
    parser.add_argument("--kind", choices=("aspiration", "story"),
                        help="the answer's kind (with --text; aspirations are checked for Now/Next/Future)")
    parser.add_argument("--json", action="store_true",
                        help="print JSON: transcript, words_per_minute, speaking_seconds, pauses, "
                        "fillers, missed (and more)")


def _answer_text(args: argparse.Namespace) -> tuple[str, str, Preferences]:
    """The written text, its kind and the journal's preferences (defaults without a journal)."""
    path = resolve_journal_path(args.db)
    if not path.exists():
        if args.answer is not None:
            raise ValueError(f"--answer {args.answer} needs a journal, and there is none at {path} "
                             "(choose one with --db, or give the text with --text)")
        return args.text or "", args.kind or "story", Preferences()
    from fikadesk.domain.interview.records import InterviewError
    from fikadesk.services.container import build_services

    services = build_services(path, create=False)
    try:
        prefs = services.preferences.get()
        if args.answer is None:
            return args.text or "", args.kind or "story", prefs
        try:
            answer = services.interview.answer(args.answer)
        except InterviewError:
            raise ValueError(f"there is no answer {args.answer} in {path}") from None
        if not answer.text.strip():
            raise ValueError(f"answer {args.answer} has no text yet")
        return answer.text, args.kind or answer.kind, prefs
    finally:
        services.close()


def run_speech(args: argparse.Namespace, out: TextIO) -> int:
    """Measure one recording and print what was found; 2 for input that cannot be measured."""
    from fikadesk.domain.interview.speech import pace_verdict
    from fikadesk.services.interview.speech import analyse, recognizer_missing
    from fikadesk.services.interview.speech_audio import read_wav

    try:
        samples = read_wav(Path(args.file).expanduser())
        text, kind, prefs = _answer_text(args)
    except (ValueError, InputError) as exc:  # a StorageError goes up to cli.run: exit 1
        print(f"fikadesk: {exc}", file=sys.stderr)
        return 2
    missing = recognizer_missing()
    if missing:
        print(f"fikadesk: {missing} Measuring pauses and speaking time only.", file=sys.stderr)
    metrics = analyse(samples, text, kind)
    if args.json:
        json.dump(metrics.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print(f"Transcript: {metrics.transcript or '(nothing recognized)'}", file=out)
    if metrics.words_per_minute is not None:
        verdict = {"slow": "slower than", "fast": "faster than", "on_pace": "on"}[
            pace_verdict(metrics.words_per_minute, prefs.words_per_minute)]
        print(f"Pace: {metrics.words_per_minute:.0f} words a minute over {metrics.speaking_seconds:.1f} s "
              f"of speaking ({verdict} your pace of {prefs.words_per_minute})", file=out)
    else:
        print(f"Speaking time: {metrics.speaking_seconds:.1f} s", file=out)
    print(f"Long pauses: {len(metrics.pauses)}", file=out)
    for pause in metrics.pauses:
        where = f" after \u201c{pause.after}\u201d" if pause.after else ""
        print(f"  at {pause.start:.1f} s, {pause.seconds:.1f} s{where}", file=out)
    fillers = ", ".join(f"{word} \u00d7{count}" for word, count in sorted(metrics.fillers.items()))
    print(f"Fillers: {fillers or 'none'} ({metrics.fillers_per_minute:.1f} a minute)", file=out)
    for sentence in metrics.missed:
        print(f"Left out: {sentence}", file=out)
    for sentence in metrics.changed:
        print(f"Changed: {sentence}", file=out)
    if metrics.parts_missing:
        plural = "s" if len(metrics.parts_missing) > 1 else ""
        print("Not heard: the " + ", ".join(p.capitalize() for p in metrics.parts_missing) + f" part{plural}",
              file=out)
    return 0


SPEECH_COMMANDS = {"speech": run_speech}
