"""Regenerate tests/minutes/rendered/<000|002|004>-page<N>.png from the reference fixtures, to look at.

.venv/bin/python scripts/render_reference_pngs.py
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/render.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

OUT = ROOT / "tests" / "minutes" / "rendered"


def main():
    from minutes.pdf import render_pdf
    from tests.minutes.reference_fixtures import NAMES, make_minutes

    call_command("migrate", verbosity=0)
    OUT.mkdir(exist_ok=True)
    for name in NAMES:
        pdf = render_pdf(make_minutes(name))
        (OUT / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", "-", str(OUT / f"{name}-page")],
                       input=pdf, check=True)  # fmt: skip
        (OUT / f"{name}.pdf").unlink()
        print("rendered", name)


if __name__ == "__main__":
    main()
