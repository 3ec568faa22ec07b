"""Make the README's brief image: the sample promotion case as a PDF, one page as PNG (needs poppler)."""

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import QLocale

from fikadesk.briefs.promotion import PromotionOptions, default_period
from fikadesk.services.container import build_services
from fikadesk.ui.briefs.pdf import export_pdf
from tests.briefs.sample import TODAY, fill_journal, sample_plan


def main(out: Path, page: int = 1) -> None:
    with TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "journal.fikadesk",
                                  clock=lambda: datetime(2026, 11, 20, 9, 30))
        fill_journal(services)
        brief = services.briefs.promotion(PromotionOptions(*default_period(TODAY)), TODAY,
                                          sample_plan())
        services.close()
        pdf = Path(tmp) / "brief.pdf"
        export_pdf(brief, "Promotion case: Senior Engineer", pdf,
                   QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(stem)], check=True)
        out.write_bytes(stem.with_suffix(".png").read_bytes())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("packaging/screenshots/brief.png"),
         int(sys.argv[2]) if len(sys.argv) > 2 else 1)
