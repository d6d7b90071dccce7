"""A GET never writes: every route that answers GET, opened by anonymous, by each role of the meetings'
office and by a superuser, sends no INSERT, UPDATE or DELETE to the database.

The routes come from the URL resolver (tests/security/route_world.py), with real ids of a draft, a
submitted, an approved, an issued and a published meeting with content, a delivery, files,
branches, officials and offices. Users log in before anything is captured, so the session rows of
logging in are not counted. The one write excused is Django's own password-reset link, which moves
its token into the session on the first GET (SESSION_WRITE_BY_DESIGN); the test prints it.

The issued document and its PDF are opened twice: before the worker has stored them (the pages say
"being prepared" with status 202, and nothing is printed or queued) and after.
"""

import collections
import re

import pytest
from celery.signals import before_task_publish
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from minutes.models import Meeting
from tests.security.route_world import (
    all_routes,
    build_world,
    concrete_paths,
    logged_in_clients,
    quiet_request_log,
    store_documents,
)
from website.addresses import minutes_url

S = Meeting.State
USERS = ("anonymous", "A:drafter", "A:approver", "A:issuer", "A:admin", "superuser")
WRITE = re.compile(r"^\W*(INSERT|UPDATE|DELETE|REPLACE|MERGE|UPSERT)\b", re.IGNORECASE)
PATHS_PER_ADMIN_ROUTE = 2  # the admin's ~125 routes are Django's own: two objects each
# Django's password reset link moves its token from the URL into the session on the first GET (so
# that it does not leak through the Referer header) and redirects: a session write by design.
SESSION_WRITE_BY_DESIGN = {"password_reset_confirm"}
BEING_PREPARED = ("প্রস্তুত করা হচ্ছে", "being prepared")  # the Bangla translation is pending


class Watch:
    """What the requests did besides answering and querying: Celery tasks queued, documents printed."""

    def __init__(self):
        self.tasks = []
        self.prints = 0

    def on_publish(self, sender=None, **kwargs):
        self.tasks.append(sender)


@pytest.fixture
def watch(monkeypatch):
    """Counts the requests' prints (none may happen) and Celery tasks; keeps Django's request log quiet."""
    watch = Watch()
    before_task_publish.connect(watch.on_publish, weak=False)

    def printing(*args, **kwargs):
        watch.prints += 1
        raise AssertionError("a web request printed a document")

    monkeypatch.setattr("weasyprint.HTML", printing)
    monkeypatch.setattr("os.fork", printing)  # documents are printed in a forked child
    with quiet_request_log():
        yield watch
    before_task_publish.disconnect(watch.on_publish)


def get(client, cookies, url, watch):
    """GET in a savepoint that is rolled back; returns the response, its writes and the tasks it queued."""
    client.cookies = cookies.__class__(cookies)
    tasks_before = len(watch.tasks)
    connection.queries_log.clear()  # the log keeps 9,000 queries; past that a capture would come back empty
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        try:
            response = client.get(url)
        finally:
            transaction.set_rollback(True)
    writes = [q["sql"] for q in queries.captured_queries if WRITE.match(q["sql"])]
    return response, writes, watch.tasks[tasks_before:]


def test_no_get_writes_to_the_database(db, settings, capsys, watch):
    settings.SOBHA_DRAFT_PDF_WAIT = 0  # a draft's PDF page must not wait for a worker that is not there
    world = build_world()
    clients = logged_in_clients(world)
    cookies = {label: client.cookies for label, client in clients.items()}
    routes = all_routes()
    writes = collections.defaultdict(set)  # (route, user, url, stage) -> statements
    excused = collections.defaultdict(set)  # the same, for SESSION_WRITE_BY_DESIGN
    queued = collections.defaultdict(set)  # route -> tasks queued by its GETs
    refusing = set()  # routes that answer 405 to some user: POST only
    requests = 0

    def sweep(routes_to_check, stage):
        nonlocal requests
        for route in routes_to_check:
            paths = [p.url for p in concrete_paths(route, world, hostile=False)]
            for url in paths[:PATHS_PER_ADMIN_ROUTE] if route.is_admin else paths:
                for user in USERS:
                    response, statements, tasks = get(clients[user], cookies[user], url, watch)
                    requests += 1
                    if response.status_code == 405:
                        refusing.add(route.key)
                    for sql in statements:
                        by_design = route.key in SESSION_WRITE_BY_DESIGN and '"django_session"' in sql
                        (excused if by_design else writes)[(route.key, user, url, stage)].add(sql[:200])
                    queued[route.key].update(tasks)

    # 1. Before the issued documents are stored.
    sweep(routes, "before the documents were stored")
    issued, published = world.meetings[S.ISSUED], world.meetings[S.PUBLISHED]
    for user in ("A:drafter", "A:approver", "A:issuer", "A:admin", "superuser"):
        for meeting in (issued, published):
            for url in (f"/minutes/{meeting.pk}/document/", f"/minutes/{meeting.pk}/document.pdf"):
                _assert_being_prepared(get(clients[user], cookies[user], url, watch), url, user)
    published.office.refresh_from_db()
    for user in USERS:
        for url in (minutes_url(published), minutes_url(published, pdf=True)):
            _assert_being_prepared(get(clients[user], cookies[user], url, watch), url, user)
        for url in (
            f"/public/minutes/{issued.pk}/",
            f"/public/minutes/{issued.pk}.pdf",
        ):  # issued, not published
            assert get(clients[user], cookies[user], url, watch)[0].status_code == 404, (url, user)
    assert watch.prints == 0, "a web request printed a document"

    # 2. After the worker stored them: the same pages serve what was stored, and still write nothing.
    store_documents(world, S.ISSUED, S.PUBLISHED)
    stored = [r for r in routes if not r.is_admin or "issueddocument" in r.key]
    sweep(stored, "after the documents were stored")
    drafter = "A:drafter"
    for meeting in (issued, published):
        page = get(clients[drafter], cookies[drafter], f"/minutes/{meeting.pk}/document/", watch)[0]
        assert page.status_code == 200 and meeting.title in page.content.decode()
        pdf = get(clients[drafter], cookies[drafter], f"/minutes/{meeting.pk}/document.pdf", watch)[0]
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    public = get(clients["anonymous"], cookies["anonymous"], minutes_url(published, pdf=True), watch)[0]
    assert public.status_code == 200 and public["Content-Type"] == "application/pdf"
    assert watch.prints == 0, "a web request printed a document"

    with capsys.disabled():
        print(
            f"\n[get] {len(routes) - len(refusing)} routes answer GET and were checked ({len(refusing)} more are "
            f"POST only); {requests} GETs as {', '.join(USERS)}; {len(writes)} wrote to the database"
        )
        for key in sorted({key for key, *_rest in excused}):
            users = sorted({user for k, user, *_rest in excused if k == key})
            print(f"[get] by Django's design, {key} wrote the session on GET (its real link) for {users}")
        for key, tasks in sorted(queued.items()):
            if tasks:
                print(f"[get] {key} queued Celery tasks (no database write): {sorted(tasks)}")
    if writes:
        lines = [f"{len(writes)} GETs wrote to the database:"]
        for (key, user, url, stage), statements in sorted(writes.items()):
            lines.append(f"- {key}: {user} GET {url} ({stage})")
            lines.extend(f"    {sql}" for sql in sorted(statements))
        pytest.fail("\n".join(lines), pytrace=False)


def _assert_being_prepared(result, url, user):
    response, statements, tasks = result
    page = response.content.decode()
    assert response.status_code == 202, (url, user, response.status_code)
    assert response["Content-Type"].startswith("text/html"), (url, user)
    assert any(text in page for text in BEING_PREPARED), (url, user)
    assert not statements, (url, user, statements)
    assert not tasks, f"{user} GET {url} queued {tasks} while the document is being prepared"
