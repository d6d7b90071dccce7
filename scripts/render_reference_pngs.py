"""Regenerate tests/minutes/rendered/<000|002|004>-page<N>.png from the reference fixtures, to look at.

.venv/bin/python scripts/render_reference_pngs.py
"""

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import ROOT, setup_django  # noqa: E402

setup_django(database_url=f"sqlite:///{tempfile.mkdtemp()}/render.sqlite3")

from django.core.management import call_command  # noqa: E402

OUT = ROOT / "tests" / "minutes" / "rendered"


def main():
    from minutes.document.render import html_to_pdf, render_html
    from tests.minutes.reference_fixtures import NAMES, make_minutes

    call_command("migrate", verbosity=0)
    OUT.mkdir(exist_ok=True)
    for name in NAMES:
        pdf = html_to_pdf(render_html(make_minutes(name)))
        (OUT / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", "-", str(OUT / f"{name}-page")],
                       input=pdf, check=True)  # fmt: skip
        (OUT / f"{name}.pdf").unlink()
        print("rendered", name)


if __name__ == "__main__":
    main()
