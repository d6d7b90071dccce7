"""Benchmark: a published document's public page against a static file of the same bytes, both
served by the same gunicorn (2 workers, DEBUG off, PostgreSQL, WhiteNoise for the static file),
loaded by wrk from a second process. Prints requests/s, p99 latency and errors of each, and the
ratio. Target: the page at least half the static file's throughput, no error, p99 under 50 ms.

    scripts/system-packages.sh                 # installs wrk (Debian package) if missing
    .venv/bin/python bench/public_page.py      # PostgreSQL at 127.0.0.1:5432 (user postgres)
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine .venv/bin/python bench/public_page.py

The document is the reference minutes 004 (a 9-row table, 16 recipients, an attendance sheet),
printed for real and stored as on issue. The page is asked for as a browser would ask the first
time (no cookie, no conditional header, no compression), so every request is answered in full.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import ROOT, setup_django  # noqa: E402

VAR = Path(tempfile.mkdtemp(prefix="sobha-bench-"))
ENVIRONMENT = {  # production settings: only environment values differ
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_COOKIES": "false",
    "DJANGO_LOG_LEVEL": "WARNING",
    "SOBHA_VAR_DIR": str(VAR),
    "SOBHA_SITE_URL": "http://127.0.0.1",
}
setup_django(
    database_url=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sobha_bench"),
    **ENVIRONMENT,
)

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

WORKERS, CONNECTIONS, SECONDS, ROUNDS = 2, 8, 10, 3


def published_document() -> str:
    """Reference minutes 004, issued, published and stored as the worker stores them; its page's path."""
    from minutes.document.store import store_issued_document
    from minutes.models import Meeting
    from tests.minutes.reference_fixtures import make_minutes_004
    from website.addresses import minutes_url

    meeting = make_minutes_004(state=Meeting.State.PUBLISHED)
    store_issued_document(meeting)
    return minutes_url(Meeting.objects.select_related("office").get(pk=meeting.pk))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wrk(url: str) -> dict:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p99": float(p99[1]) * scale[p99[2]],
        "non_2xx": int(m[1]) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


def main():
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: run scripts/system-packages.sh (Debian package wrk)")
    databases = setup_databases(verbosity=0, interactive=False)  # a fresh test_… database
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
        path = published_document()
        from django.test import Client

        page = Client(HTTP_HOST="127.0.0.1").get(path)
        assert page.status_code == 200, page.status_code
        static = VAR / "staticfiles" / "bench-page.html"
        static.write_bytes(page.content)  # the same bytes, as a static file
        settings = connection.settings_dict
        database_url = (
            f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"
        )
        connections.close_all()
        port = free_port()
        env = {**os.environ, **ENVIRONMENT, "DATABASE_URL": database_url}
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "-w", str(WORKERS), "-b", f"127.0.0.1:{port}", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            urls = {
                "page": f"http://127.0.0.1:{port}{path}",
                "static": f"http://127.0.0.1:{port}/static/bench-page.html",
            }
            _wait_for(urls["static"])
            for url in urls.values():  # warm: each worker's connection, the cached page
                for _ in range(20):
                    urllib.request.urlopen(url).read()
            print(
                f"{len(page.content):,} bytes each; gunicorn {WORKERS} workers; wrk 1 thread, {CONNECTIONS} connections, {SECONDS} s"
            )
            results = {"page": [], "static": []}
            for round_ in range(1, ROUNDS + 1):
                for name in ("static", "page"):
                    result = wrk(urls[name])
                    results[name].append(result)
                    print(
                        f"round {round_} {name:>6}: {result['rps']:8.0f} requests/s, p99 {result['p99']:6.1f} ms, "
                        f"errors {result['non_2xx'] + result['socket_errors']}"
                    )
        finally:
            server.terminate()
            server.wait(timeout=20)
        best = {name: max(runs, key=lambda r: r["rps"]) for name, runs in results.items()}
        ratio = best["page"]["rps"] / best["static"]["rps"]
        errors = sum(r["non_2xx"] + r["socket_errors"] for runs in results.values() for r in runs)
        print(
            f"best: page {best['page']['rps']:.0f}/s (p99 {best['page']['p99']:.1f} ms), "
            f"static {best['static']['rps']:.0f}/s (p99 {best['static']['p99']:.1f} ms); "
            f"ratio {ratio:.2f} (target >= 0.50), errors {errors} (target 0), "
            f"page p99 {'under' if best['page']['p99'] < 50 else 'OVER'} 50 ms"
        )
    finally:
        connections.close_all()
        teardown_databases(databases, verbosity=0)
        shutil.rmtree(VAR, ignore_errors=True)


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


if __name__ == "__main__":
    main()
