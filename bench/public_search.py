"""Benchmark: the public search over 100,000 published minutes (about 1,000,000 decisions) on PostgreSQL.

Prints the time to generate the minutes (once: a database that has them is used again) and to build
the index (manage.py search_rebuild's function), then the median and 95th percentile of 50 searches
(Bangla words, names, words inside words, misspellings, memo numbers in both digits), the queries
of the search page, and EXPLAIN ANALYZE of the searches' statements (which indexes they use).

    .venv/bin/python bench/public_search.py            # postgres://postgres@127.0.0.1:5432/sobha_bench_search
    BENCH_SEARCH_MEETINGS=20000 .venv/bin/python bench/public_search.py     # fewer minutes, another database
    .venv/bin/python bench/public_search.py --regenerate

The minutes' text is drawn from the three reference minutes (../shared/reference-minutes, or the
copies in tests/minutes/reference): sentences made by a word-pair chain over their words, offices'
names, officials' names and designations as they write them.
"""

import bisect
import datetime
import io
import itertools
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEETINGS = int(os.environ.get("BENCH_SEARCH_MEETINGS", "100000"))
NAME = "sobha_bench_search" if MEETINGS == 100_000 else f"sobha_bench_search_{MEETINGS}"
URL = os.environ.get("DATABASE_URL") or f"postgres://postgres@127.0.0.1:5432/{NAME}"
ITEMS, DECISIONS, ATTENDEES = 3, (2, 5), 8  # per meeting: 3 items × 2-5 decisions ≈ 10 decisions
UNPUBLISHED = MEETINGS // 20  # drafts and issued minutes that are never found
RUNS = 3  # each of the 50 searches, after one warm-up run

sys.path.insert(0, str(ROOT))
from config.standalone import setup_django  # noqa: E402


def _create_database() -> None:
    import psycopg2

    name = URL.rsplit("/", 1)[1]
    admin = psycopg2.connect(URL.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(
                f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' "
                "LC_COLLATE 'C.UTF-8' TEMPLATE template0"
            )
    admin.close()


_create_database()
setup_django(database_url=URL)

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# ---- text drawn from the reference minutes ---------------------------------------------------------------

REFERENCE = ROOT.parent / "shared" / "reference-minutes"
if not REFERENCE.exists():
    REFERENCE = ROOT / "tests" / "minutes" / "reference"
FIRST = [
    "আবদুল",
    "কাদির",
    "আসাদুজ্জামান",
    "মনিরুজ্জামান",
    "তরুণ",
    "নিপু",
    "কেয়া",
    "ফারহানা",
    "রফিকুল",
    "শাহীন",
    "মল্লিক",
    "আইয়ুব",
    "নাসরিন",
    "সেলিনা",
    "হাবিবুর",
    "মিজানুর",
    "জাহিদুল",
    "সাইফুল",
    "নুসরাত",
    "তাহমিনা",
    "শফিকুল",
    "মাহমুদা",
    "কামরুল",
    "আনোয়ার",
    "রোকসানা",
    "শাহনাজ",
    "দেলোয়ার",
    "মোস্তফা",
    "ফরিদা",
    "জসিম",
    "শামীম",
    "লুৎফুন",
    "আরিফুল",
    "তানভীর",
]
LAST = [
    "রহমান",
    "হোসেন",
    "হালদার",
    "শিকদার",
    "খান",
    "সুলতানা",
    "ইসলাম",
    "মাহবুব",
    "আহমেদ",
    "চৌধুরী",
    "সরকার",
    "আক্তার",
    "বেগম",
    "কবির",
    "মজুমদার",
    "ভূঁইয়া",
    "তালুকদার",
    "পাটোয়ারী",
    "মিয়া",
    "সিদ্দিকী",
    "রায়",
    "দাস",
    "বিশ্বাস",
    "মোল্লা",
    "প্রামানিক",
]
TITLES = ["জনাব", "মোঃ", "ড.", "বেগম", ""]
DESIGNATIONS = ["উপসচিব", "যুগ্মসচিব", "সিনিয়র সহকারী সচিব", "অতিরিক্ত সচিব", "প্রোগ্রামার", "সহকারী পরিচালক"]
SUBJECTS = [
    "স্বরাষ্ট্র",
    "জনপ্রশাসন",
    "কৃষি",
    "শিক্ষা",
    "স্বাস্থ্য",
    "বাণিজ্য",
    "শিল্প",
    "পরিকল্পনা",
    "অর্থ",
    "আইন",
    "ভূমি",
    "পরিবেশ",
    "খাদ্য",
    "মৎস্য",
    "প্রাণিসম্পদ",
    "পানিসম্পদ",
    "বিদ্যুৎ",
    "জ্বালানি",
    "রেলপথ",
    "নৌপরিবহন",
    "সড়ক",
    "পরিবহন",
    "তথ্য",
    "সংস্কৃতি",
    "ধর্ম",
    "যুব",
    "ক্রীড়া",
    "শ্রম",
    "প্রবাসী",
    "সমাজকল্যাণ",
    "মহিলা",
    "শিশু",
    "দুর্যোগ",
    "ত্রাণ",
    "পররাষ্ট্র",
    "প্রতিরক্ষা",
    "বিজ্ঞান",
    "প্রযুক্তি",
    "ডাক",
    "টেলিযোগাযোগ",
    "গৃহায়ন",
    "গণপূর্ত",
    "বস্ত্র",
    "পাট",
]
PLACES = [
    "ঢাকা",
    "চট্টগ্রাম",
    "রাজশাহী",
    "খুলনা",
    "বরিশাল",
    "সিলেট",
    "রংপুর",
    "ময়মনসিংহ",
    "কুমিল্লা",
    "নোয়াখালী",
    "ফেনী",
    "বগুড়া",
    "দিনাজপুর",
    "যশোর",
    "কুষ্টিয়া",
    "পাবনা",
    "টাঙ্গাইল",
    "গাজীপুর",
    "নারায়ণগঞ্জ",
    "ফরিদপুর",
    "মাদারীপুর",
    "গোপালগঞ্জ",
    "পটুয়াখালী",
    "ভোলা",
    "সুনামগঞ্জ",
    "হবিগঞ্জ",
    "মৌলভীবাজার",
    "কক্সবাজার",
    "রাঙ্গামাটি",
    "বান্দরবান",
    "খাগড়াছড়ি",
    "নাটোর",
    "নওগাঁ",
    "সিরাজগঞ্জ",
    "জামালপুর",
    "শেরপুর",
    "নেত্রকোনা",
    "কিশোরগঞ্জ",
]
SUFFIXES = ["ের", "কে", "য়", "তে", "সমূহ", "গুলো", "টি", "র", "ে", "েই", "দের", "ভিত্তিক", "কেন্দ্রিক"]
TAIL = 60_000  # rarer words: compounds, inflections and place names, drawn by Zipf's law


def _corpus() -> tuple[dict, list[str]]:
    """A word-pair chain over the reference minutes' sentences, and their words."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(REFERENCE.glob("*.txt")))
    sentences = [s.split() for s in re.split(r"[।\n]", text) if len(s.split()) >= 5]
    chain: dict = {}
    for words in sentences:
        for a, b in zip(["^", *words], [*words, "$"], strict=True):
            chain.setdefault(a, []).append(b)
    return chain, sorted({w for s in sentences for w in s if len(w) >= 3})


CHAIN, WORDS = _corpus()


def _long_tail() -> tuple[list[str], list[float]]:
    """The three reference minutes have some 700 words; a country's minutes have hundreds of
    thousands, most of them rare. Compounds of their words, their words with endings, and places
    give TAIL words, the n-th drawn with a weight of 1/n (cumulative weights for bisect)."""
    rng = random.Random(7)
    base = [w for w in WORDS if re.fullmatch("[\u0980-\u09e5]+", w)]
    tail: set[str] = set()
    while len(tail) < TAIL:
        kind = rng.random()
        if kind < 0.5:
            tail.add(rng.choice(base) + rng.choice(base))
        elif kind < 0.85:
            tail.add(rng.choice(base) + rng.choice(SUFFIXES))
        else:
            tail.add(rng.choice(PLACES) + rng.choice(["", *SUFFIXES]) + rng.choice(["", *base[:50]]))
    words = sorted(tail)
    rng.shuffle(words)
    return words, list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))


TAIL_WORDS, TAIL_WEIGHTS = _long_tail()


def rare_word(rng: random.Random) -> str:
    return TAIL_WORDS[bisect.bisect(TAIL_WEIGHTS, rng.random() * TAIL_WEIGHTS[-1])]


def sentence(rng: random.Random, longest: int = 24) -> str:
    """A sentence of the reference minutes' word pairs, one word in five a rarer one."""
    words, word = [], "^"
    while len(words) < longest:
        word = rng.choice(CHAIN.get(word, ["$"]))
        if word == "$":
            if len(words) >= 6:
                break
            word = "^"
            continue
        words.append(rare_word(rng) if rng.random() < 0.2 else word)
    return " ".join(words) + "।"


def person(rng: random.Random) -> str:
    return " ".join(p for p in (rng.choice(TITLES), rng.choice(FIRST), rng.choice(LAST)) if p)


# ---- generation by COPY ---------------------------------------------------------------------------------------


def _copy(model, rows: list[dict]) -> None:
    """Rows (field name -> value, the rest from the model's defaults) into the model's table, by COPY."""
    fields = model._meta.concrete_fields
    proto = model()
    buffer = io.StringIO()
    for row in rows:
        values = []
        for f in fields:
            value = row.get(f.attname, getattr(proto, f.attname))
            value = f.get_db_prep_save(value, connection)
            if value is None:
                values.append(r"\N")
            elif isinstance(value, bool):
                values.append("t" if value else "f")
            else:
                text = value.isoformat() if hasattr(value, "isoformat") else str(value)
                values.append(
                    text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                )
        buffer.write("\t".join(values) + "\n")
    buffer.seek(0)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(f"COPY {model._meta.db_table} ({columns}) FROM STDIN", buffer)


def _next_ids(*models) -> list[int]:
    with connection.cursor() as cursor:
        ids = []
        for model in models:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {model._meta.db_table}")
            ids.append(cursor.fetchone()[0])
        return ids


def _reset_sequences(*models) -> None:
    with connection.cursor() as cursor:
        for model in models:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            )


def _offices(rng: random.Random):
    from offices.models import Office

    offices = []
    for i, subject in enumerate(SUBJECTS):
        ministry = Office.objects.create(name=f"{subject} মন্ত্রণালয়", kind=Office.Kind.MINISTRY)
        offices.append(ministry)
        for j in range(8):
            other = SUBJECTS[(i * 7 + j * 3 + 1) % len(SUBJECTS)]
            directorate = Office.objects.create(
                name=f"{subject} মন্ত্রণালয়ের {other} অধিদপ্তর {j + 1}",
                kind=Office.Kind.DIRECTORATE,
                parent=ministry,
            )
            offices.append(directorate)
            if j < 2:
                offices.append(
                    Office.objects.create(
                        name=f"{directorate.name}, জেলা কার্যালয়", kind=Office.Kind.DISTRICT, parent=directorate
                    )
                )
    return offices


def generate() -> None:
    from minutes.models import AgendaItem, Attendee, Decision, Meeting
    from minutes.models.meeting import DEFAULT_CLOSING, DEFAULT_OPENING
    from offices.models import User

    rng = random.Random(2026)
    user = User.objects.create(username="bench-search")
    offices = _offices(rng)
    started = time.perf_counter()
    total = MEETINGS + UNPUBLISHED
    serial: dict[int, int] = {}
    chunk = 5000
    for begin in range(0, total, chunk):
        meeting_id, item_id, decision_id, attendee_id = _next_ids(Meeting, AgendaItem, Decision, Attendee)
        meetings, items, decisions, attendees = [], [], [], []
        for n in range(begin, min(begin + chunk, total)):
            office_index = rng.randrange(len(offices))
            office = offices[office_index]
            issue = datetime.date(2015, 7, 1) + datetime.timedelta(days=rng.randrange(11 * 365))
            published = n < MEETINGS
            state = (
                Meeting.State.PUBLISHED
                if published
                else rng.choice(["draft", "submitted", "approved", "issued"])
            )
            issued = state in ("published", "issued")
            serial[office.pk] = serial.get(office.pk, 0) + 1
            fy = issue.year if issue.month >= 7 else issue.year - 1
            chair = person(rng)
            meetings.append(
                {
                    "id": meeting_id,
                    "office_id": office.pk,
                    "title": f"{office.name}-এর ইনোভেশন টিমের {fy}-{(fy + 1) % 100:02d} অর্থবছরের সভার কার্যবিবরণী",
                    "chair_name": chair,
                    "chair_designation": rng.choice(DESIGNATIONS),
                    "date": issue - datetime.timedelta(days=rng.randrange(1, 10)),
                    "start_time": datetime.time(rng.choice([10, 11, 12, 15])),
                    "venue": "সভাকক্ষ",
                    "opening": DEFAULT_OPENING,
                    "closing": DEFAULT_CLOSING,
                    "issuer_name": chair if rng.random() < 0.5 else person(rng),
                    "issuer_designation": rng.choice(DESIGNATIONS),
                    "state": state,
                    "memo_number": (
                        f"{10 + office_index % 90:02d}.{office_index // 90:02d}.0000.{office_index:03d}.31.006.17.{serial[office.pk]}"
                        if issued
                        else ""
                    ),
                    "issue_date": issue if issued else None,
                    "fiscal_year": fy,
                    "created_by_id": user.pk,
                    "created_at": datetime.datetime.now(datetime.UTC),
                    "updated_at": datetime.datetime.now(datetime.UTC),
                }
            )
            for i in range(ITEMS):
                discussion = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
                items.append(
                    {
                        "id": item_id,
                        "meeting_id": meeting_id,
                        "order": i,
                        "title": sentence(rng, 10),
                        "discussion": f"<p>{discussion}</p>",
                    }
                )
                for j in range(rng.randint(*DECISIONS)):
                    decisions.append(
                        {
                            "id": decision_id,
                            "agenda_item_id": item_id,
                            "order": j,
                            "text": f"<p>{sentence(rng)}</p>",
                        }
                    )
                    decision_id += 1
                item_id += 1
            for k in range(ATTENDEES):
                attendees.append(
                    {
                        "id": attendee_id,
                        "meeting_id": meeting_id,
                        "order": k,
                        "name": person(rng),
                        "designation": rng.choice(DESIGNATIONS),
                        "workplace": office.name,
                    }
                )
                attendee_id += 1
            meeting_id += 1
        _copy(Meeting, meetings)
        _copy(AgendaItem, items)
        _copy(Decision, decisions)
        _copy(Attendee, attendees)
        print(f"  {begin + len(meetings):,} minutes, {time.perf_counter() - started:.0f} s", flush=True)
    _reset_sequences(Meeting, AgendaItem, Decision, Attendee)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# ---- the searches ---------------------------------------------------------------------------------------------


def queries(rng: random.Random) -> list[str]:
    """50 searches a citizen might type: common words of these minutes, words and pairs of words
    remembered from a decision or a discussion, people's names, an office, the inside of a word,
    misspellings, and memo numbers (whole, or a file's number; Bangla and ASCII digits)."""
    from bangla.digits import to_bangla_digits
    from minutes.models import SearchEntry

    sample = list(SearchEntry.objects.order_by("?").values_list("body", "people", "memo")[:40])
    letters = re.compile("[\u0980-\u09e5]{3,}")
    found = ["উদ্ভাবনী ধারণা", "সেবা সহজিকরণ", "ডিজিটাইজেশন", "কর্মশালা", "ইনোভেশন টিম", "প্রমাণক"]
    found += ["সিদ্ধান্ত বাস্তবায়ন", "ওয়েবসাইট হালনাগাদ"]
    for body, _people, _memo in sample[:15]:
        found.append(rng.choice(letters.findall(body)))
    for body, _people, _memo in sample[15:23]:
        words = letters.findall(body)
        at = rng.randrange(len(words) - 8)
        found.append(f"{words[at]} {rng.choice(words[at + 1 : at + 8])}")
    for _body, people, _memo in sample[23:29]:
        found.append(" ".join(rng.choice(people.split("\n")[3:]).split()[-2:]))  # an attendee's name
    found += ["কৃষি মন্ত্রণালয়", "জ্জামান", "আসাদুজ্জমান", "ডিজিটাইজেসন", rare_word(rng)[1:6]]
    memos = [memo for _body, _people, memo in sample[29:37]]
    found += [to_bangla_digits(m) for m in memos[:4]] + memos[4:6]
    found += [to_bangla_digits(m.rsplit(".", 1)[0]) for m in memos[6:8]]  # a file's number: all its letters
    assert len(found) == 50, len(found)
    return found


def explain(sql: str, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params)
        return "\n".join(f"      {row[0]}" for row in cursor.fetchall())


def main() -> None:
    from minutes.models import Meeting, SearchEntry
    from minutes.search import search_entries_rebuild
    from website import search as public_search
    from website.search import search

    assert connection.vendor == "postgresql", "this benchmark is for PostgreSQL"
    call_command("migrate", verbosity=0)
    print(f"database: {connection.settings_dict['NAME']} (PostgreSQL)")
    published = Meeting.objects.filter(state=Meeting.State.PUBLISHED).count()
    if "--regenerate" in sys.argv or published < MEETINGS:
        if published:
            sys.exit(f"{published} published minutes but {MEETINGS} wanted: drop the database {NAME} first")
        started = time.perf_counter()
        generate()
        print(
            f"generated {MEETINGS:,} published minutes (and {UNPUBLISHED:,} others) in {time.perf_counter() - started:.0f} s"
        )
    if SearchEntry.objects.count() != MEETINGS:
        started = time.perf_counter()
        search_entries_rebuild(
            batch_size=1000, progress=lambda n: n % 10000 == 0 and print(f"  {n:,} indexed", flush=True)
        )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM FULL ANALYZE minutes_searchentry")  # as after any bulk load
            cursor.execute("VACUUM ANALYZE minutes_searchword")
        print(f"indexed {MEETINGS:,} published minutes in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM minutes_decision), (SELECT count(*) FROM minutes_searchword), "
            "pg_size_pretty(pg_total_relation_size('minutes_searchentry')), "
            "pg_size_pretty(pg_relation_size('search_entry_vector')), "
            "pg_size_pretty(pg_total_relation_size('minutes_searchword'))"
        )
        decisions, words, size, vector, words_size = cursor.fetchone()
    print(
        f"{decisions:,} decisions; index: entries {size} (GIN on the vectors {vector}), {words:,} words {words_size}"
    )

    rng = random.Random(50)
    typed = queries(rng)
    for query in typed:  # warm-up
        search(query)
    times: list[tuple[float, str, int]] = []
    for _ in range(RUNS):
        for query in typed:
            started = time.perf_counter()
            results = search(query)
            times.append((time.perf_counter() - started, query, results.total))
    ms = sorted(t * 1000 for t, _, _ in times)
    p95 = ms[int(len(ms) * 0.95) - 1]
    print(
        f"{len(typed)} searches × {RUNS}: median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"
    )
    slowest = sorted(times, reverse=True)[:5]
    for t, query, total in slowest:
        print(f"   slowest: {t * 1000:6.1f} ms  {query!r} ({total} found)")
    results = [search(q) for q in typed]
    no_hits = [q for q, r in zip(typed, results, strict=True) if not r.total]
    print(
        f"   {sum(r.by_relevance for r in results)} ranked (at most {public_search.COUNTED} matches), "
        f"{sum(r.more for r in results)} with more matches listed newest first, "
        f"finding nothing: {no_hits or 'none'}"
    )

    client = Client()
    for query, params in (("word", {"q": "উদ্ভাবনী ধারণা"}), ("memo number", {"q": typed[-4]})):
        client.get("/public/search/", params)
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/public/search/", params)
            elapsed = time.perf_counter() - started
        assert response.status_code == 200
        print(f"search page ({query} {params['q']!r}): {len(captured)} queries, {elapsed * 1000:.0f} ms")
        print("\n".join(f"   {q['sql'][:150]}" for q in captured.captured_queries))
    print("EXPLAIN ANALYZE of the count and the page: common words, two words of a decision, a memo number:")
    for query in ("উদ্ভাবনী ধারণা", typed[23], typed[-4]):  # common words, a pair from a decision, a memo number
        with CaptureQueriesContext(connection) as captured:
            search(query)
        for q in captured.captured_queries:
            sql = q["sql"]
            if "minutes_searchentry" in sql and sql.lstrip().upper().startswith("SELECT"):
                print(f"   {query!r}: {sql[:120]}…")
                with transaction.atomic():  # the plans the search itself gets (website/search.py)
                    public_search._limit()
                    if "COUNT(*)" not in sql:
                        public_search._indexes_again()
                    print(explain(sql, None))


if __name__ == "__main__":
    main()
