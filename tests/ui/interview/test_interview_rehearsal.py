"""Rehearsal mode driven offscreen: the clock and its colours, recall and teleprompter, rating a
take, the Leitner schedule it feeds, leaving safely, and the history of takes."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QPushButton

from fikadesk.domain.interview.records import Answer, Take
from fikadesk.domain.preferences import Preferences
from fikadesk.services.container import Services
from fikadesk.ui.interview.rehearsal import PHASE_COLOURS, RehearsalWindow
from fikadesk.ui.interview.takes import TakeHistoryDialog
from fikadesk.ui.shell.main_window import MainWindow

ASPIRATION = ("Right now I want to get very good at our data pipelines in Python and Airflow. "
              "In two or three years I would like to own the data platform for a product area. "
              "Longer term I am working toward being the person teams rely on for data quality.")


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def _answer(services: Services, text: str = ASPIRATION, key: str = "aspirations-career",
            kind: str = "aspiration") -> Answer:
    question = "What are your career aspirations?"
    return services.interview.save_answer(Answer(None, key, question, kind, None, text))


def _window(qtbot, services: Services, answers: list[Answer], clock: FakeClock,
            prefs: Preferences | None = None) -> RehearsalWindow:
    window = RehearsalWindow(services.interview, answers, prefs or Preferences(), services.now, clock=clock)
    qtbot.addWidget(window)
    window.confirm_discard = lambda: True  # closing at the end of a test asks nobody
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_clock_changes_colour_as_the_target_nears_and_passes(qtbot, services: Services) -> None:
    clock = FakeClock()
    window = _window(qtbot, services, [_answer(services)], clock)
    assert window.question_label.text() == "What are your career aspirations?"
    assert window.target_label.text().startswith("Aim for 0:15 to 1:30.")
    window.start_button.click()
    assert window.pages.currentIndex() == 1 and window._ticker.isActive()
    seen = {}
    for seconds in (5, 40, 80, 97):
        clock.value = 1000.0 + seconds
        window.tick()
        seen[seconds] = (window.timer_label.text(), window.timer_label.property("phase"),
                         window.timer_label.styleSheet(), window.phase_label.text())
    assert seen[5][:3] == ("0:05", "early", "")
    assert seen[40][:3] == ("0:40", "on_target", f"color: {PHASE_COLOURS['on_target']}")
    assert seen[80][:3] == ("1:20", "nearing_end", f"color: {PHASE_COLOURS['nearing_end']}")
    assert seen[97][:3] == ("1:37", "over", f"color: {PHASE_COLOURS['over']}")
    assert seen[97][3] == "Over your target length by 0:07 (0:15–1:30)"


def test_recall_hides_the_answer_until_revealed_and_shows_it_to_compare(qtbot, services: Services) -> None:
    clock = FakeClock()
    window = _window(qtbot, services, [_answer(services)], clock)
    window.start_button.click()
    assert not window.answer_view.isVisible() and window.hidden_label.isVisible()
    window.reveal_button.click()
    assert window.answer_view.isVisible() and not window.reveal_button.isVisible()
    clock.value += 30
    window.done_button.click()
    assert window.pages.currentIndex() == 2
    assert window.duration_label.text() == "That take lasted 0:30: within your target of 0:15–1:30."
    assert window.compare_view.toPlainText() == ASPIRATION


def test_the_teleprompter_scrolls_at_the_speaking_pace(qtbot, services: Services) -> None:
    long_text = " ".join(f"Sentence number {i} about the data platform and what it changed."
                         for i in range(60))
    clock = FakeClock()
    window = _window(qtbot, services, [_answer(services, long_text)], clock)
    window.teleprompter_radio.setChecked(True)
    window.start_button.click()
    bar = window.answer_view.verticalScrollBar()
    assert window.answer_view.isVisible() and not window.reveal_button.isVisible()
    assert bar.maximum() > 0 and bar.value() == 0
    # 600 words at 140 a minute is about 257 s; after the 2 s lead it moves evenly
    clock.value += 2 + 257 / 2
    window.tick()
    assert bar.maximum() * 0.4 < bar.value() < bar.maximum() * 0.6
    clock.value += 300
    window.tick()
    assert bar.value() == bar.maximum()
    window.done_button.click()
    window.rating_buttons[3].click()
    window.save_button.click()
    [take] = services.interview.takes(window._answers[0].id)
    assert take.mode == "teleprompter"


def test_a_rated_take_is_kept_and_schedules_the_next_rehearsal(qtbot, services: Services) -> None:
    answer = _answer(services)
    clock = FakeClock()
    window = _window(qtbot, services, [answer], clock)
    window.start_button.click()
    clock.value += 52.4
    window.done_button.click()
    assert not window.save_button.isEnabled()  # a rating comes first
    qtbot.keyClick(window.rating_buttons[2], Qt.Key.Key_4)  # the keys 1-5 rate, wherever the focus is
    assert window.rating_group.checkedId() == 4 and window.save_button.isEnabled()
    qtbot.keyClicks(window.note_edit, "Open with the 3 waves")
    assert window.rating_group.checkedId() == 4  # a digit typed in the note is text, not a rating
    window.save_button.click()
    [take] = services.interview.takes(answer.id)
    assert (take.seconds, take.rating, take.note, take.mode) == (52, 4, "Open with the 3 waves", "recall")
    assert take.taken_at == services.now()
    stored = services.interview.answer(answer.id)
    assert stored.rehearsal.box == 2 and stored.rehearsal.due == date(2026, 11, 22)
    assert services.interview.due(date(2026, 11, 21)) == []
    assert window.pages.currentIndex() == 3
    assert window.summary_label.text() == "1 take saved. Well done for saying it aloud."
    assert window.summary_lines.text() == ("What are your career aspirations? — rated 4 of 5, 1 take, "
                                           "best 4, one take so far; next rehearsal Sun 22 Nov.")
    window.finish_button.click()
    assert window.result() == QDialog.DialogCode.Accepted and window.saved_count == 1


def test_skipping_and_trying_again(qtbot, services: Services) -> None:
    first = _answer(services)
    second = _answer(services, "Once I led the billing migration. " * 20, key="own-story", kind="story")
    clock = FakeClock()
    window = _window(qtbot, services, [first, second], clock)
    assert window.count_label.text() == "Answer 1 of 2"
    window.skip_button.click()
    assert window.count_label.text() == "Answer 2 of 2"
    assert window.target_label.text().startswith("Aim for 0:45 to 2:30.")  # a story's range
    window.start_button.click()
    clock.value += 10
    window.done_button.click()
    window.rating_buttons[0].click()
    window.again_button.click()  # that take is forgotten, the clock starts again
    assert window.pages.currentIndex() == 1 and window.rating_group.checkedId() == -1
    clock.value += 70
    window.done_button.click()
    window.rating_buttons[4].click()
    window.save_button.click()
    assert services.interview.takes(first.id) == []
    assert [(t.seconds, t.rating) for t in services.interview.takes(second.id)] == [(70, 5)]


def test_leaving_mid_take_asks_first_and_keeps_nothing(qtbot, services: Services,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    answer = _answer(services)
    clock = FakeClock()
    window = _window(qtbot, services, [answer], clock)
    window.start_button.click()
    answers = iter([False, True])
    asked = []
    monkeypatch.setattr(window, "confirm_discard", lambda: asked.append(1) or next(answers))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible() and window.pages.currentIndex() == 1  # "Cancel" kept the take going
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible() and len(asked) == 2
    assert not window._ticker.isActive() and services.interview.takes(answer.id) == []


def test_a_take_that_cannot_be_saved_says_why_and_keeps_the_rating(qtbot, services: Services) -> None:
    answer = _answer(services)
    clock = FakeClock()
    window = _window(qtbot, services, [answer], clock)
    window.start_button.click()
    clock.value += 20
    window.done_button.click()
    window.rating_buttons[2].click()
    services.interview.delete_answer(answer.id)  # gone meanwhile (another window, the command line)
    window.save_button.click()
    assert window.error_label.text() == f"Not saved: There is no answer {answer.id} to rehearse."
    assert window.pages.currentIndex() == 2 and window.rating_group.checkedId() == 3


def _drive(monkeypatch: pytest.MonkeyPatch, act) -> None:
    def exec_and_act(self) -> int:
        QTimer.singleShot(0, lambda: act(self))
        return QDialog.exec(self)

    monkeypatch.setattr(RehearsalWindow, "exec", exec_and_act)


def test_rehearse_due_answers_from_the_tab_then_read_the_takes(
        qtbot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = _answer(services)
    services.interview.record_take(Take(None, answer.id, datetime(2026, 11, 10, 9, 0), 61, 2, "too long"))
    tab = window.interview_tab
    window.tabs.setCurrentWidget(tab)
    tab.refresh()  # what the window does when the journal changed outside it
    assert tab.due_button.text() == "Rehearse &due answers (1)"
    seen = {}

    def rehearse(dialog: RehearsalWindow) -> None:
        seen["full screen"] = bool(dialog.windowState() & Qt.WindowState.WindowFullScreen)
        seen["question"] = dialog.question_label.text()
        dialog.start_button.click()
        dialog.started_at -= 45  # forty-five seconds of speaking
        dialog.done_button.click()
        dialog.rating_buttons[4].click()
        dialog.note_edit.setText("Shorter now")
        dialog.save_button.click()
        dialog.finish_button.click()

    _drive(monkeypatch, rehearse)
    tab.due_button.click()
    assert seen == {"full screen": True, "question": "What are your career aspirations?"}
    takes = services.interview.takes(answer.id)
    assert [(t.seconds, t.rating, t.note) for t in takes] == [(61, 2, "too long"), (45, 5, "Shorter now")]
    assert tab.due_button.text() == "Rehearse &due answers (0)"
    tab.select_question("aspirations-career")
    shown = {}

    def read(dialog: QDialog) -> None:
        shown["summary"] = dialog.summary_label.text()
        model = dialog.model
        shown["rows"] = [[model.item(r, c).text() for c in range(5)] for r in range(model.rowCount())]
        dialog.findChild(QPushButton, "interview_takes_close_button").click()

    def exec_and_read(self) -> int:
        QTimer.singleShot(0, lambda: read(self))
        return QDialog.exec(self)

    monkeypatch.setattr(TakeHistoryDialog, "exec", exec_and_read)
    tab.findChild(QPushButton, "interview_takes_button").click()
    assert shown["summary"] == ("2 takes, last rated 5 of 5, best 5, improving; about 0:53 a take. "
                                "Next rehearsal Tue 24 Nov 2026 (box 3 of 5). Ratings over time: 2 → 5.")
    assert shown["rows"] == [["2026-11-20 10:00", "Recall", "0:45", "5 of 5", "Shorter now"],
                             ["2026-11-10 09:00", "Recall", "1:01", "2 of 5", "too long"]]


def test_write_an_answer_fix_what_the_coach_flags_then_rehearse_and_rate_it(
        qtbot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = window.interview_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_question("aspirations-career")
    pane = tab.pane
    qtbot.keyClicks(pane.coached.editor, "I just want to grow and make a lot of money.")
    assert {"vague", "money_status"} <= {f.code for f in pane.coached.recheck()}
    pane.coached.editor.setPlainText(ASPIRATION)
    assert not {"vague", "money_status"} & {f.code for f in pane.coached.recheck()}
    seen = {}

    def rehearse(dialog: RehearsalWindow) -> None:
        seen["question"] = dialog.question_label.text()
        dialog.start_button.click()
        dialog.started_at -= 38
        dialog.done_button.click()
        dialog.rating_buttons[2].click()
        dialog.save_button.click()
        dialog.finish_button.click()

    _drive(monkeypatch, rehearse)
    tab.findChild(QPushButton, "interview_rehearse_button").click()  # saves the answer first
    saved = services.interview.find_answer("aspirations-career", None)
    assert saved.text == ASPIRATION and seen["question"] == saved.question_text
    assert [(t.seconds, t.rating) for t in services.interview.takes(saved.id)] == [(38, 3)]
    assert window.statusBar().currentMessage() == "1 take saved."
