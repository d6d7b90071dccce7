"""Benchmark: the reminders' daily sweep over 1,000,000 open items (decisions of issued minutes and
action-plan indicators) of 10,000 officials in 100 offices, on PostgreSQL.

Prints, for two days with different numbers of items due (2,000 and 20,000):
- the daily selection (status = open, next_reminder_on <= today) and its EXPLAIN (ANALYZE): the index
  followup_occ_reminder is used and the time follows what is due that day, not the million;
- recording the day's reminders (items/s) and enqueuing the day's digests (closing them, queueing
  one send per digest on Redis);
and, on the first day, the digests handed to a local SMTP server (aiosmtpd) per second by one
worker process (--pool=solo).

    .venv/bin/python bench/followup_reminders.py   # needs PostgreSQL and Redis on 127.0.0.1

The database sobha_bench_reminders is migrated and its follow-up tables filled again on each run
(COPY for the big tables); Redis database 7 is emptied.
"""

import datetime
import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

setup_django(
    database_url="postgres://postgres@127.0.0.1:5432/sobha_bench_reminders",
    CELERY_BROKER_URL="redis://127.0.0.1:6379/7",
    SOBHA_REMINDER_DIGEST_HOUR="0",  # every digest closes at once (the officials' hours do not matter here)
    DJANGO_LOG_LEVEL="WARNING",
)

from aiosmtpd.controller import Controller  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

OFFICES, OFFICIALS_PER_OFFICE = 100, 100  # 10,000 officials
MEETINGS_PER_OFFICE, DECISIONS_PER_MEETING = 100, 90  # 900,000 decisions, one item each
INDICATORS_PER_OFFICE, QUARTERS = 250, 4  # 100,000 indicator items
DUE_DAYS = (2_000, 20_000)
TABLES = [
    "followup_reminder", "followup_digestdelivery", "followup_digest", "followup_occurrence",
    "minutes_responsibility", "minutes_decision", "minutes_agendaitem", "minutes_meeting",
    "actionplan_indicator", "actionplan_activity", "actionplan_area", "actionplan_plan",
    "offices_teammember", "offices_innovationteam", "offices_official", "offices_post", "offices_branch",
    "offices_office",
]  # fmt: skip


def copy(table: str, columns: list[str], rows) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def ids(table: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} ORDER BY id")
        return [row[0] for row in cursor.fetchall()]


def generate(today: datetime.date) -> None:
    from actionplan.models import Activity, Area, Plan
    from minutes.models import AgendaItem, Meeting
    from offices.models import InnovationTeam, Office, Official, Post, TeamMember, User

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
    user, _ = User.objects.get_or_create(username="bench")
    divisions = Office.objects.bulk_create(
        Office(name=f"বিভাগ {d}", kind=Office.Kind.DIVISION) for d in range(OFFICES // 10)
    )
    offices = divisions + Office.objects.bulk_create(
        Office(name=f"অধিদপ্তর {d}-{i}", kind=Office.Kind.DIRECTORATE, parent=division)
        for d, division in enumerate(divisions)
        for i in range(9)
    )
    posts = Post.objects.bulk_create(
        Post(office=office, title=f"পদ {i}") for office in offices for i in range(OFFICIALS_PER_OFFICE)
    )
    officials = Official.objects.bulk_create(
        Official(office=post.office, post=post, name=f"কর্মকর্তা {n}", designation="উপসচিব",
                 email=f"official{n}@example.gov.bd")
        for n, post in enumerate(posts)
    )  # fmt: skip
    teams = InnovationTeam.objects.bulk_create(InnovationTeam(office=office) for office in offices)
    by_office = {office.pk: [o for o in officials if o.office_id == office.pk] for office in offices}
    TeamMember.objects.bulk_create(
        TeamMember(team=team, official=by_office[team.office_id][k], role=role, order=k)
        for team in teams
        for k, role in enumerate((TeamMember.Role.CHAIR, TeamMember.Role.MEMBER_SECRETARY))
    )
    meetings = Meeting.objects.bulk_create(
        (
            Meeting(office=office, title=f"ইনোভেশন টিমের {m} সভা", chair_name="সভাপতি", chair_designation="সচিব",
                    date=today - datetime.timedelta(days=60), start_time=datetime.time(10), venue="সভাকক্ষ",
                    state=Meeting.State.ISSUED, memo_number=f"58.{office.pk}.{m}", created_by=user)
            for office in offices
            for m in range(MEETINGS_PER_OFFICE)
        ),
        batch_size=2000,
    )  # fmt: skip
    AgendaItem.objects.bulk_create(
        (AgendaItem(meeting=meeting, title="ই-নথি") for meeting in meetings), batch_size=5000
    )
    agenda = dict(AgendaItem.objects.values_list("meeting_id", "id"))
    rng = random.Random(15)
    decision_rows, responsibility_rows, office_of_decision = [], [], []
    n = 0
    for meeting in meetings:
        people = by_office[meeting.office_id]
        for k in range(DECISIONS_PER_MEETING):
            n += 1
            decision_rows.append((agenda[meeting.pk], k, f"<p>সিদ্ধান্ত {n}: ই-নথির ব্যবহার বাড়াতে হবে।</p>",
                                  "date", "", "pending", ""))  # fmt: skip
            official = rng.choice(people)
            responsibility_rows.append((n, 0, official.name, official.pk))
            office_of_decision.append(meeting.office_id)
    copy("minutes_decision",
         ["agenda_item_id", '"order"', "text", "deadline_kind", "deadline_rule", "status", "progress_note"],
         decision_rows)  # fmt: skip
    copy("minutes_responsibility", ["decision_id", '"order"', "label", "official_id"], responsibility_rows)
    plans = Plan.objects.bulk_create(
        Plan(office=office, fiscal_year=2025, total_marks=50, origin="import") for office in offices
    )
    areas = Area.objects.bulk_create(Area(plan=plan, number="1", marks=50) for plan in plans)
    activities = Activity.objects.bulk_create(
        Activity(area=area, number="1.1", title="কার্যক্রম") for area in areas
    )
    indicator_rows = []
    for plan, activity in zip(plans, activities, strict=True):
        posts_here = [o.post_id for o in by_office[plan.office_id]]
        for i in range(INDICATORS_PER_OFFICE):
            indicator_rows.append((plan.pk, activity.pk, f"1.1.{i + 1}", f"সূচক {i + 1}", "count", 1, 4, "", "[]", i,
                                   rng.choice(posts_here)))  # fmt: skip
    copy("actionplan_indicator",
         ["plan_id", "activity_id", "number", "title", "unit", "weight", "target_value", "responsible",
          "evidence_kinds", '"order"', "responsible_post_id"], indicator_rows)  # fmt: skip
    indicator_plan = {pk: office for pk, office in zip(ids("actionplan_indicator"),
                        [r[0] for r in indicator_rows], strict=True)}  # fmt: skip
    plan_office = {plan.pk: plan.office_id for plan in plans}
    now = timezone.now().isoformat()

    def occurrence_rows():
        for decision_id, office_id in enumerate(office_of_decision, start=1):
            yield _item(rng, today, office_id, decision_id=decision_id, now=now)
        for indicator_id, plan_id in indicator_plan.items():
            for quarter in range(1, QUARTERS + 1):
                yield _item(
                    rng, today, plan_office[plan_id], indicator_id=indicator_id, period=quarter, now=now
                )

    copy("followup_occurrence",
         ["decision_id", "indicator_id", "office_id", "due_date", "period", "status", "next_reminder_on", "created_at"],
         occurrence_rows())  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), count(*) FILTER (WHERE status = 'open') FROM followup_occurrence")
        total, open_ = cursor.fetchone()
        cursor.execute("VACUUM ANALYZE")
    print(f"generated {total:,} items ({open_:,} open) of {len(officials):,} officials in {len(offices)} offices "
          f"in {time.perf_counter() - started:.0f} s")  # fmt: skip


def _item(rng, today, office_id, *, decision_id=None, indicator_id=None, period=1, now=""):
    """An item due within the year; 10% done; the next reminder of an open one: in the future."""
    due = today + datetime.timedelta(days=rng.randint(-60, 365))
    done = rng.random() < 0.1
    upcoming = None if done else today + datetime.timedelta(days=rng.randint(1, 365))
    return (decision_id, indicator_id, office_id, due, period, "done" if done else "open", upcoming, now)


def make_due(today: datetime.date, count: int) -> None:
    """`count` open items fall due a reminder today, at the steps of the default policy."""
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE followup_reminder, followup_digestdelivery, followup_digest")
        cursor.execute(
            """UPDATE followup_occurrence SET next_reminder_on = %s,
                      due_date = %s + (ARRAY[7, 1, 0, -7, -14, -21, -35])[1 + (id %% 7)]
               WHERE id IN (SELECT id FROM followup_occurrence WHERE status = 'open'
                            AND next_reminder_on > %s ORDER BY random() LIMIT %s)""",
            [today, today, today, count],
        )
        cursor.execute("ANALYZE followup_occurrence")


def one_day(today: datetime.date, due: int, *, send: bool) -> None:
    from followup.models import DigestDelivery, Reminder
    from followup.reminders import digests, recording
    from followup.reminders.selection import due_batch, due_for_reminder
    from followup.reminders.tasks import queue_sends

    make_due(today, due)
    print(f"\n== a day with {due:,} items due (of 1,000,000) ==")
    started = time.perf_counter()
    selected = list(due_for_reminder(today).values_list("id", flat=True))
    selection = time.perf_counter() - started
    print(f"daily selection: {len(selected):,} items in {selection * 1000:.0f} ms")
    plan = due_for_reminder(today).only("id").explain(analyze=True)
    print("EXPLAIN (ANALYZE) of the selection:\n    " + plan.replace("\n", "\n    "))
    with transaction.atomic():  # the query each of the sweep's batches runs (FOR UPDATE needs a transaction)
        batch = due_batch(today, recording.BATCH_SIZE).explain(analyze=True)
        print("EXPLAIN (ANALYZE) of one batch the sweep claims:\n    " + batch.replace("\n", "\n    "))
    started = time.perf_counter()
    handled, _finished = recording.reminders_record(today=today)
    recorded = time.perf_counter() - started
    reminders = Reminder.objects.count()
    print(f"recording: {handled:,} items, {reminders:,} reminders in {recorded:.1f} s "
          f"({handled / recorded:,.0f} items/s)")  # fmt: skip
    started = time.perf_counter()
    pending = digests.digests_close(now=timezone.now())
    closed = time.perf_counter() - started
    started = time.perf_counter()
    queue_sends(pending)
    queued = time.perf_counter() - started
    print(f"enqueuing the day's digests: {len(pending):,} digests closed in {closed:.1f} s, "
          f"their sends queued on Redis in {queued:.1f} s ({len(pending) / max(queued, 1e-9):,.0f}/s)")  # fmt: skip
    if send:
        _send(len(pending), DigestDelivery)


class Sink:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((time.perf_counter(), len(envelope.content)))
        return "250 OK"


def _send(expected: int, DigestDelivery) -> None:
    from tests.minutes.test_delivery import free_port
    from tests.worker import running_worker

    sink = Sink()
    smtp = Controller(sink, hostname="127.0.0.1", port=free_port())
    smtp.start()
    try:
        # flush=False: the sends queued above are what the worker takes.
        with running_worker(
            flush=False, EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}", DJANGO_LOG_LEVEL="WARNING"
        ):
            deadline = time.perf_counter() + 900
            while len(sink.received) < expected and time.perf_counter() < deadline:
                time.sleep(0.2)
    finally:
        smtp.stop()
    if len(sink.received) < 2:
        print("no digest reached the SMTP server")
        return
    span = sink.received[-1][0] - sink.received[0][0]
    size = sum(s for _t, s in sink.received) / len(sink.received) / 1024
    sent = DigestDelivery.objects.filter(status=DigestDelivery.Status.SENT).count()
    print(f"sending: {len(sink.received):,}/{expected:,} digests (about {size:.0f} KB each, text and HTML) handed to "
          f"SMTP in {span:.1f} s: {len(sink.received) / span:,.0f} digests/s with one worker process "
          f"(--pool=solo); {sent:,} marked sent")  # fmt: skip


def main():
    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    generate(today)
    for due in DUE_DAYS:
        one_day(today, due, send=due == DUE_DAYS[0])


if __name__ == "__main__":
    main()
