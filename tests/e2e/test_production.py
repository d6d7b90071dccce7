"""Production, end to end: the README's "Production" steps with DEBUG off, spoken to over HTTP.

`collectstatic` (WhiteNoise's compressed manifest storage) into a temporary SOBHA_VAR_DIR, then
gunicorn and a real Celery worker with the same production environment against the test
database. The issuing officer logs in, issues and publishes approved minutes; the worker prints
the PDF, which must embed the portal's Noto Bengali fonts (loaded under their hashed names) and
give back the Bangla title as typed. Requests carry the Host a TLS proxy would pass on and its
X-Forwarded-Proto header, as behind the proxy the README asks for.
"""

import http.cookies
import importlib.util
import io
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.utils import timezone

from minutes.models import IssuedDocument, Meeting
from offices.models import OfficeRole
from tests.conftest import services_required
from tests.factories import (
    GovernmentFileFactory,
    MeetingFactory,
    OfficeFactory,
    OfficialFactory,
    user_with_role,
)
from tests.worker import LOGS, ROOT, _database_url, _redis_url, running_worker, stop
from website.addresses import minutes_url

pytestmark = pytest.mark.production

HOST = "sobha.test"
PASSWORD = "issuer-pass-2026"
TITLE = "সুরক্ষা সেবা বিভাগের ইনোভেশন টিমের ২০২০-২১ অর্থবছরের চতুর্থ সভার কার্যবিবরণী"
WAIT = 60  # seconds for the worker to print the issued PDF


def _require(found: bool, what: str) -> None:
    if not found:
        if services_required():
            pytest.fail(f"{what} is required in CI but missing")
        pytest.skip(f"{what} is missing")


def _production(var_dir, **extra: str) -> dict:
    """The environment of a production process: only environment values differ from the default."""
    return {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_PROXY_SSL_HEADER": "true",
        "SOBHA_SITE_URL": f"https://{HOST}",
        "SOBHA_VAR_DIR": str(var_dir),
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_ALLOW_ASYNC_UNSAFE": "",  # set for Playwright by tests/e2e/conftest.py; empty is off
        **extra,
    }


@pytest.fixture
def production_env(tmp_path):
    """For collectstatic, gunicorn and the worker: the test database and the tests' Redis broker."""
    for tool in ("pdffonts", "pdftotext"):
        _require(shutil.which(tool) is not None, f"{tool} (poppler-utils)")
    _require(importlib.util.find_spec("gunicorn") is not None, "gunicorn")
    return _production(
        tmp_path / "var",
        DATABASE_URL=_database_url(),
        CELERY_BROKER_URL=_redis_url(),
        CELERY_TASK_ALWAYS_EAGER="false",
    )


def _manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def _run(env: dict, *args: str) -> None:
    done = _manage(env, *args)
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_gunicorn(env: dict):
    """gunicorn as the README starts it, on a free local port; yields the port."""
    port = _free_port()
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / "gunicorn.log"
    log = open(log_path, "ab")  # noqa: SIM115 - closed when gunicorn stops
    command = ["gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    process = subprocess.Popen(
        [sys.executable, "-m", *command, "--graceful-timeout", "5"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            assert process.poll() is None, f"gunicorn exited; see {log_path}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, f"gunicorn did not listen on port {port}; see {log_path}"
                time.sleep(0.2)
        yield port
    finally:
        stop(process, signal.SIGINT)  # gunicorn's quick shutdown
        log.close()


@dataclass
class Response:
    status: int
    headers: object
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """What reaches gunicorn from a browser through the TLS proxy: Host, X-Forwarded-Proto, cookies."""

    def __init__(self, port: int):
        self.origin = f"http://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}
        self.set_cookies: list[str] = []
        self.opener = urllib.request.build_opener(_NoRedirects)

    def request(self, path: str, data: dict | None = None, *, https: bool = True) -> Response:
        headers = {"Host": HOST}
        if https:
            headers["X-Forwarded-Proto"] = "https"
        if data is not None:  # Django checks the origin of secure POSTs
            headers["Origin"] = f"https://{HOST}"
            headers["Referer"] = f"https://{HOST}{path}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None if data is None else urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.origin + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx and 5xx
            response = error
        with response:
            content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.set_cookies.append(header)
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return Response(response.status, response.headers, content)

    def post(self, path: str, data: dict) -> Response:
        return self.request(path, {**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]})


@pytest.fixture
def approved_minutes(transactional_db, settings):
    office = OfficeFactory(name="সুরক্ষা সেবা বিভাগ")
    drafter = user_with_role(office, OfficeRole.Role.DRAFTER)
    user_with_role(office, OfficeRole.Role.APPROVER)
    issuer = user_with_role(office, OfficeRole.Role.ISSUER, username="issuer")
    issuer.official = OfficialFactory(office=office, name="জনাব মো: মনিরুজ্জামান", designation="উপসচিব")
    # gunicorn checks passwords with the production hashers, not the tests' fast MD5.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    issuer.set_password(PASSWORD)
    issuer.save()
    government_file = GovernmentFileFactory(office=office, number="58.00.0000.018.31.006.17", last_serial=25)
    meeting = MeetingFactory(office=office, title=TITLE, created_by=drafter, state=Meeting.State.APPROVED)
    meeting.agenda_items.create(order=0, title="বিবিধ")
    return meeting, government_file


def _wait_for(condition, what: str, log: str, deadline: float):
    while not (result := condition()):
        assert time.monotonic() < deadline, f"{what} within {WAIT} s; see {LOGS / log}"
        time.sleep(0.5)
    return result


def _messages(page: Response) -> list[str]:
    """The messages a page shows (why a step was refused)."""
    return re.findall(r'role="alert">(.*?)</div>', page.body.decode(), re.DOTALL)


def _pdf_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(name, embedded) of every font pdffonts lists."""
    listing = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    fonts = []
    for line in listing.splitlines()[2:]:
        match = re.match(r"(\S+)\s+.*?\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        assert match, f"unexpected pdffonts line: {line!r}"
        fonts.append((match[1], match[2] == "yes"))
    return fonts


def _embedded_font_families(pdf: bytes) -> set[str]:
    """The family names inside the embedded font files (pdffonts shows the CSS @font-face names)."""
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    families = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            for descendant in font.get_object().get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                if "/FontFile2" in descriptor:
                    data = descriptor["/FontFile2"].get_object().get_data()
                    families.add(TTFont(io.BytesIO(data))["name"].getDebugName(1))
    return families


def test_its_settings_pass_the_deployment_checks(tmp_path):
    done = _manage(_production(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0 and "no issues" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize(
    "variable, value",
    [
        ("DJANGO_SECRET_KEY", "too-short"),
        ("DJANGO_SECURE_SSL_REDIRECT", "ture"),
        ("DJANGO_SECURE_HSTS_SECONDS", "1y"),
        ("DJANGO_SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto"),
    ],
)
def test_it_refuses_to_start_on_a_bad_value(tmp_path, variable, value):
    done = _manage(_production(tmp_path, **{variable: value}), "check")
    assert done.returncode != 0 and variable in done.stderr + done.stdout, done.stderr


@pytest.mark.worker
def test_it_issues_publishes_and_prints_in_bangla_with_debug_off(production_env, approved_minutes):
    meeting, government_file = approved_minutes
    _run(production_env, "collectstatic", "--noinput")
    with running_worker(**production_env), running_gunicorn(production_env) as port:
        staff, citizen = Browser(port), Browser(port)

        # Plain HTTP is sent to HTTPS, and HTTPS answers carry HSTS.
        insecure = citizen.request("/public/minutes/", https=False)
        assert (insecure.status, insecure.headers["Location"]) == (301, f"https://{HOST}/public/minutes/")
        login_page = staff.request("/accounts/login/")
        assert login_page.status == 200
        hsts = login_page.headers["Strict-Transport-Security"]
        assert hsts.startswith("max-age=") and "includeSubDomains" in hsts and "preload" in hsts

        # The page links its CSS under the hashed name; WhiteNoise serves it as immutable.
        stylesheet = re.search(rb'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', login_page.body)
        assert stylesheet, "the page does not link the collected, hashed portal.css"
        css = citizen.request(stylesheet[1].decode())
        assert css.status == 200 and css.content_type.startswith("text/css")
        assert "immutable" in css.headers["Cache-Control"]

        logged_in = staff.post("/accounts/login/", {"username": "issuer", "password": PASSWORD})
        assert logged_in.status == 302, "the issuing officer could not log in"
        assert any(c.startswith("sessionid=") and "Secure" in c for c in staff.set_cookies)
        assert staff.request(f"/minutes/{meeting.pk}/").status == 200

        issued = staff.post(
            f"/minutes/{meeting.pk}/step/issue/",
            {
                "government_file": government_file.pk,
                "issue_date": timezone.localdate().strftime("%d.%m.%Y"),
                "signer": "typed",
            },
        )
        assert issued.status == 302
        meeting.refresh_from_db()
        assert meeting.state == Meeting.State.ISSUED, _messages(staff.request(f"/minutes/{meeting.pk}/"))
        deadline = time.monotonic() + WAIT
        _wait_for(
            IssuedDocument.objects.filter(meeting=meeting).exists,
            "the worker did not store the issued document",
            "celery-worker.log",
            deadline,
        )
        assert staff.post(f"/minutes/{meeting.pk}/step/publish/", {}).status == 302
        meeting.refresh_from_db()
        assert meeting.state == Meeting.State.PUBLISHED

        # The address printed on the document leads, for good, to the PDF's readable address.
        moved = citizen.request(f"/public/minutes/{meeting.pk}.pdf")
        assert (moved.status, moved.headers["Location"]) == (301, minutes_url(meeting, pdf=True))

        def public_pdf():
            response = citizen.request(moved.headers["Location"])
            return response if response.content_type == "application/pdf" else None

        pdf = _wait_for(public_pdf, "the public PDF was not served", "gunicorn.log", deadline).body

    fonts = _pdf_fonts(pdf)
    assert all(embedded for _name, embedded in fonts), fonts
    # The @font-face families of static/css/fonts.css: a font that failed to load would show up here
    # as a system font instead, and the Bangla as boxes.
    assert any(re.search(r"\+Sobha-(Sans|Serif)-Bangla", name) for name, _embedded in fonts), fonts
    assert {"Noto Sans Bengali", "Noto Serif Bengali"} & _embedded_font_families(pdf)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    assert TITLE in " ".join(text.stdout.decode().split())
