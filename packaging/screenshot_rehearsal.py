"""Take rehearsal-mode screenshots from the real window (run under xvfb-run for a real X screen).

Writes three PNGs into the folder given (default packaging/screenshots): the question before the
clock starts, a teleprompter take nearing the end of its target length, and the rating page.
"""

import sys
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fikadesk.domain.interview.records import Answer
from fikadesk.domain.preferences import Preferences
from fikadesk.services.container import build_services
from fikadesk.ui.interview.rehearsal import RehearsalWindow

ANSWER = ("Right now I want to get very good at our data pipelines in Python and Airflow, and learn how "
          "the finance warehouse is used day to day. In two or three years I would like to own the data "
          "platform for a product area: its roadmap, its reliability and the people who build on it. "
          "Longer term I am working toward being the person teams rely on for data quality, someone "
          "who makes a whole organisation trust its numbers. This role is the right next step because "
          "it puts me next to the warehouse and the people who depend on it.")


class Clock:
    """A clock the script sets, so the timer shows a chosen moment."""

    value = 0.0

    def __call__(self) -> float:
        return self.value


def main(folder: Path) -> None:
    app = QApplication(sys.argv[:1])
    with TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "journal.fikadesk", clock=lambda: datetime(2026, 11, 20, 9, 30))
        answer = services.interview.save_answer(Answer(None, "aspirations-career",
                                                       "What are your career aspirations?", "aspiration",
                                                       None, ANSWER))
        clock = Clock()
        window = RehearsalWindow(services.interview, [answer], Preferences(), services.now, clock=clock)
        window.resize(1280, 800)
        window.show()

        def shot(name: str) -> None:
            screen = window.screen()
            image = screen.grabWindow(0) if screen is not None else window.grab()
            image.copy(window.frameGeometry()).save(str(folder / name))

        def take() -> None:
            shot("rehearsal-ready.png")
            window.teleprompter_radio.setChecked(True)
            window.start_button.click()
            clock.value = 78.0
            window.tick()
            QTimer.singleShot(300, rate)

        def rate() -> None:
            shot("rehearsal-take.png")
            window.finish_take()
            window.rating_buttons[3].click()
            window.note_edit.setText("Open with the warehouse, it is what they asked about")
            QTimer.singleShot(300, finish)

        def finish() -> None:
            shot("rehearsal-rate.png")
            window.confirm_discard = lambda: True  # type: ignore[method-assign]
            window.reject()
            services.close()
            app.quit()

        QTimer.singleShot(900, take)
        app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("packaging/screenshots"))
