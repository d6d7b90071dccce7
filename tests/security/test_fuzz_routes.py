"""No input gives a server error: every route, fed random and hostile values, by every kind of user.

The routes come from the URL resolver (tests/security/route_world.py), so a route added later is
fuzzed without being listed here. Path parameters get real ids of the world's objects (a draft, a
submitted, an approved, an issued and a published meeting with content, a delivery, files,
branches, officials, offices) and made-up, huge ones where the converter allows.

For each route the test renders its pages as a superuser and collects the names of the fields,
buttons and links that lead to it. Hypothesis then sends those forms back, tampered with:
1. field by field: each field (one per kind of row: items-N-decisions-N-deadline_date stands for
   them all) gets hostile values in turn, the rest of the form as the page filled it in;
2. at random: several fields at once, repeated keys, made-up keys, and hostile values under the
   names the portal's forms use (KNOWN_FIELDS), which reaches the POST-only routes too.
Values: NUL bytes, odd Unicode (RTL marks, U+0338, ZWJ, emoji), Bangla and other digits, huge and
negative numbers, impossible dates in every accepted format, strings up to 100 KB, empty values.
Users: anonymous, each role of the meetings' office and of another office, and a superuser.

Each request runs in a savepoint that is rolled back, so every one meets the same world. A 500
does not stop the run: all are collected, with the route, the user, the data and where the
exception was raised, and the test fails at the end listing them all.
"""

import collections
import re
import time
import traceback
from pathlib import Path

import django.test.client
import hypothesis
import pytest
from django.db import transaction
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st

from minutes.models import Meeting
from tests.security.route_world import (
    all_routes,
    build_world,
    concrete_paths,
    logged_in_clients,
    page_forms,
    path_of,
    query_names,
    quiet_request_log,
    route_of,
    store_documents,
)

ROOT = Path(__file__).resolve().parents[2]

# Hypothesis examples. Field by field: per kind of field of a route's forms (the admin's forms are
# Django's own: one example each, at most ADMIN_FIELDS of them per route). At random: per route.
EXAMPLES_PER_PATH = 3  # a route's made-up ids
EXAMPLES_PER_NUMERIC_FIELD = 6  # ids, row counts, years: where int() and the database's integers bite
EXAMPLES_PER_TEMPORAL_FIELD = 4
EXAMPLES_PER_FIELD = 2
EXAMPLES_PER_ADMIN_FIELD = 1
ADMIN_FIELDS = 12
EXAMPLES_RANDOM = {"minutes:edit": 60, "minutes:add_group": 30, "minutes:step": 40}
EXAMPLES_RANDOM_APP = 20
EXAMPLES_RANDOM_ADMIN = 3

# ---- Values ------------------------------------------------------------------------------------------

BANGLA_DIGITS = "০১২৩৪৫৬৭৮৯"
ODD_CHARACTERS = [
    "\x00",
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u0338",  # combining long solidus overlay
    "\u200d",  # zero-width joiner
    "\u200c",
    "\ufeff",
    "\u00a0",
    "\u2028",
    "\r\n",
    "\t",
    "\x7f",
    "\x1b",
    "👨\u200d👩\u200d👧\u200d👦",
    "🙂",
    "ক্ষ",
    "ৎ",
    "İ",
    "ß",
    "²",
    "①",
    "١",  # Arabic-Indic one
    "１",  # full-width one
    "%",
    "<",
    "'",
    '"',
    "\\",
    *BANGLA_DIGITS,
]
HOSTILE = [
    "ক" * 1000,  # first: longer than any of the portal's text columns
    "",
    " ",
    "\x00",
    "1\x00",
    "\x00\x00\x00",
    "\u200f১২",
    "a\u0338",
    "০",
    "৯৯৯৯",
    "১২৩",
    "-১",
    "০১৭১০০০০০০০",
    "০৭:৩০",
    "৩০.০২.২০২৪",
    "২০২৪-০২-৩০",
    "2024-02-30",
    "2024-02-29",
    "9999-12-31",
    "0001-01-01",
    "0000-00-00",
    "1971-12-15",
    "31.12.9999",
    "2024-13-01",
    "24:00",
    "25:61",
    "23:59:60",
    "0",
    "-0",
    "-1",
    "1",
    "2",
    "9999",
    "99999",
    "65536",
    "2147483648",
    str(2**63 - 1),
    str(2**63),
    str(-(2**63) - 1),
    str(10**30),
    "9" * 400,
    "1e309",
    "1.5",
    "0x10",
    "NaN",
    "inf",
    "²",
    "①",
    "١٢",
    "１２",
    "abc",
    "None",
    "null",
    "true",
    "on",
    "off",
    "[]",
    "{}",
    "'; DROP TABLE minutes_meeting; --",
    "<script>alert(1)</script>",
    "<p onclick=x>ক</p><img src=x>",
    "%00",
    "%",
    "../../../../etc/passwd",
    "//evil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
    "\r\nSet-Cookie: x=1",
    "draft",
    "published",
    "sections",
    "date",
    "working_days",
    "👨\u200d👩\u200d👧\u200d👦",
]
ACTIONS = [
    "add:items",
    "add:items-0-decisions",
    "add:attendees",
    "add:recipients",
    "up:items-0",
    "down:items-0",
    "up:items-1",
    "remove:items-0",
    "remove:attendees-0",
    "up:items-0-decisions-1",
    "down:items-1-decisions-0",
    "remove:items-0-decisions-0",
    "up:items-x",
    "down:items-",
    "remove:attendees-99999",
    "up:items-9999",
    "add:items-9999-decisions",
    "add:items-0-decisions-0-decisions",
    "up:attendees-০",
    "up:items-²",
    "up:recipients--1",
    "add:",
    "add",
    "delete:items",
    "add:items\x00",
    "ADD:ITEMS",
    "deadline:items-0-decisions-0",
    "deadline:items-0-decisions-9999",
    "deadline:items-0",
]
KNOWN_FIELDS = [
    "items-TOTAL_FORMS",
    "items-INITIAL_FORMS",
    "items-MIN_NUM_FORMS",
    "items-MAX_NUM_FORMS",
    "items-0-id",
    "items-0-title",
    "items-0-discussion",
    "items-0-ORDER",
    "items-0-DELETE",
    "items-0-decisions-TOTAL_FORMS",
    "items-0-decisions-INITIAL_FORMS",
    "items-0-decisions-0-id",
    "items-0-decisions-0-text",
    "items-0-decisions-0-responsible",
    "items-0-decisions-0-deadline_kind",
    "items-0-decisions-0-deadline_date",
    "items-0-decisions-0-deadline_working_days",
    "items-0-decisions-0-deadline_rule",
    "items-0-decisions-0-deadline_every",
    "items-0-decisions-0-deadline_month",
    "items-0-decisions-0-deadline_day",
    "prefix",
    "items-0-decisions-0-status",
    "items-0-decisions-0-ORDER",
    "items-1-decisions-TOTAL_FORMS",
    "attendees-TOTAL_FORMS",
    "attendees-INITIAL_FORMS",
    "attendees-0-id",
    "attendees-0-official",
    "attendees-0-name",
    "attendees-0-mobile",
    "attendees-0-email",
    "attendees-0-is_present",
    "attendees-0-ORDER",
    "attendees-0-DELETE",
    "recipients-TOTAL_FORMS",
    "recipients-0-id",
    "recipients-0-email",
    "recipients-0-designation",
    "recipients-0-ORDER",
    "action",
    "save",
    "comment",
    "government_file",
    "issue_date",
    "signer",
    "expected_memo_number",
    "group",
    "title",
    "date",
    "day_part",
    "start_time",
    "fiscal_year",
    "ordinal",
    "quarter",
    "layout",
    "chair",
    "issuer",
    "team",
    "participating_offices",
    "online_link",
    "q",
    "state",
    "office",
    "page",
    "next",
    "language",
    "o",
    "p",
    "all",
    "_changelist_filters",
    "_popup",
    "_to_field",
    "term",
    "app_label",
    "model_name",
    "field_name",
    "username",
    "password",
    "email",
    "old_password",
    "new_password1",
    "new_password2",
    "number",
    "subject",
    "last_serial",
    "branch",
    "parent",
    "post",
    "is_active",
]


def bangla(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", BANGLA_DIGITS))


def _date(year, month, day, style):
    ascii_date = [
        f"{year:04d}-{month:02d}-{day:02d}",
        f"{day:02d}.{month:02d}.{year:04d}",
        f"{day}/{month}/{year}",
    ][style % 3]
    return bangla_digits(ascii_date) if style >= 3 else ascii_date


def bangla_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", BANGLA_DIGITS))


NUMBERS = [
    "²",  # first, so every numeric field gets it: str.isdigit() says yes, int() says no
    "abc",
    "",
    "-1",
    "①",
    "১২",
    "١٢",  # Arabic-Indic digits: str.isdigit() and int() accept them
    "1.5",
    " 1",
    "1_000",
    "0",
    str(2**63),
    str(10**30),
    "9" * 400,
    "-১",
    "1\x00",
]
# Fields whose value is a number or an id, by the end of their name.
NUMERIC_FIELDS = (
    "id",
    "official",
    "chair",
    "issuer",
    "team",
    "group",
    "government_file",
    "signer",
    "office",
    "offices",
    "fiscal_year",
    "ordinal",
    "quarter",
    "deadline_working_days",
    "ORDER",
    "TOTAL_FORMS",
    "INITIAL_FORMS",
    "MIN_NUM_FORMS",
    "MAX_NUM_FORMS",
    "page",
    "p",
    "last_serial",
    "branch",
    "parent",
    "post",
    "user",
    "meeting",
)


# Characters str.isdigit() accepts: ASCII, Bangla, Arabic-Indic, Devanagari, full-width digits, and
# superscripts, subscripts and circled digits, which int() refuses.
UNICODE_DIGITS = "0123456789০১২৩৪৫৬৭৮৯٠١٢٣٤٥٦٧٨٩०१२३४५६७८९０１２３４５６７８９²³¹⁰₀₁①②⑳"


DATES = [
    "2024-02-30",
    "৩০.০২.২০২৪",
    "9999-12-31",
    "0000-00-00",
    "31/12/99999",
    "1971-12-15",
    "২০২৪-১৩-০১",
    "",
]
TIMES = ["24:00", "২৫:৬১", "23:59:60", "0:0", "12:00 PM", "১৫:০০", "99999:00", ""]


def digit_strings() -> st.SearchStrategy[str]:
    return st.text(alphabet=UNICODE_DIGITS, min_size=1, max_size=25)


def dates() -> st.SearchStrategy[str]:
    return st.builds(
        _date,
        st.sampled_from([0, 1, 4, 999, 1971, 2024, 9998, 9999, 10000, 99999]),
        st.integers(0, 13),
        st.integers(0, 32),
        st.integers(0, 5),
    )


def is_numeric(name: str) -> bool:
    field = name.rsplit("-", 1)[-1]
    return field in NUMERIC_FIELDS or field.endswith("_id")


def values(extra: list[str], name: str = "") -> st.SearchStrategy[str]:
    """One hostile (or, from `extra`, real) value for a field; numbers and dates for fields that take them."""
    strategies = [
        st.sampled_from(HOSTILE),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.integers(min_value=0, max_value=10**7).map(bangla),
        dates(),
        st.lists(  # text mixing odd pieces with any character (no lone surrogates: HTTP cannot carry them)
            st.one_of(st.sampled_from(ODD_CHARACTERS), st.characters(exclude_categories=("Cs",))), max_size=30
        ).map("".join),
        st.builds(
            lambda piece, n: piece * n,
            st.sampled_from(["ক", "a", "9", "৯", "<b>ক</b>", "\u0338", "🙂 ", "ক্ষ "]),
            st.integers(min_value=1_000, max_value=100_000),
        ),
    ]
    if is_numeric(name) or is_temporal(name):
        strategies[:0] = [focused(name), focused(name)]
    if extra:
        strategies.append(st.sampled_from(extra))
    return st.one_of(strategies)


def focused(name: str) -> st.SearchStrategy[str]:
    """The values most likely to break a field of this kind: for a number or an id, strings that look
    numeric to one check and not to the next; for a date or a time, impossible ones in every format."""
    if is_numeric(name):
        return st.one_of(
            st.sampled_from(NUMBERS),
            st.integers(min_value=-1, max_value=100_000).map(str),
            st.integers(min_value=0, max_value=100_000).map(bangla),
            digit_strings(),
        )
    if is_temporal(name):
        return st.one_of(st.sampled_from(TIMES if name.endswith("time") else DATES), dates())
    return values([], "")


def is_temporal(name: str) -> bool:
    return name.endswith(("date", "time"))


# ---- Requests ------------------------------------------------------------------------------------------


def kind_of(name: str) -> str:
    """The field a name stands for, row numbers left out: items-3-decisions-0-text -> items-N-decisions-N-text."""
    return re.sub(r"(?<=-)\d+(?=-)", "N", name)


def field_kinds(specs) -> dict[str, list[str]]:
    """{kind of field: [its names on the pages]} for a route's forms (the CSRF token left out: the
    test client does not check it)."""
    kinds = collections.defaultdict(set)
    for spec in specs:
        for name in (*spec.defaults, *spec.choices, *(name for name, _value in spec.buttons)):
            if name != "csrfmiddlewaretoken":
                kinds[kind_of(name)].add(name)
    return {kind: sorted(names) for kind, names in sorted(kinds.items())}


def _tamper(draw, data: dict, name: str, offered: list[str]) -> str:
    """Replace, repeat or drop one field; an editor action gets a well-formed or malformed one."""
    operation = draw(st.sampled_from(["replace", "replace", "replace", "replace", "repeat", "drop"]))
    if operation == "drop":
        data.pop(name, None)
    elif operation == "repeat":
        data[name] = draw(st.lists(values(offered, name), min_size=2, max_size=4))
    elif name == "action" and draw(st.booleans()):
        data[name] = [draw(st.sampled_from(ACTIONS))]
    else:
        data[name] = [draw(values(offered, name))]
    return name


# Yes/no draws that list the usual case first: hypothesis starts from the first element.
often = st.sampled_from([True] * 7 + [False])
rarely = st.sampled_from([False] * 7 + [True])


class Requests:
    """Strategies for one route's requests: (user, method, url, data, query, htmx, names tampered with)."""

    def __init__(self, *, paths, real_paths, specs, link_names, users, real_values, admin=False):
        # Half the requests come from users who may reach the pages (the office's own roles and the
        # superuser; for the admin, the superuser) and most name real objects, so that hostile
        # values get past the permission checks into the forms.
        insiders = ["superuser"] if admin else [u for u in users if u.startswith(("A:", "superuser"))]
        self.user = st.one_of(st.sampled_from(insiders), st.sampled_from(users))
        self.insider = st.one_of(st.sampled_from(insiders), st.sampled_from(insiders), st.sampled_from(users))
        self.path = st.one_of(
            st.sampled_from(real_paths), st.sampled_from(real_paths), st.sampled_from(paths)
        )
        self.specs = specs
        self.real_values = real_values
        self.hostile_paths = [p for p in paths if p not in real_paths] or paths
        self.names = sorted(
            {*KNOWN_FIELDS, *link_names, *(name for kind in field_kinds(specs).values() for name in kind)}
        )
        self.has_post = any(spec.method == "post" for spec in specs)

    def _common(self, draw, spec=None, user_strategy=None):
        user = draw(self.user if user_strategy is None else user_strategy)
        url = draw(self.path)
        if spec is None:
            return (
                user,
                url,
                draw(st.sampled_from(["POST", "POST", "GET"] if self.has_post else ["GET", "GET", "POST"])),
            )
        method = spec.method.upper() if draw(often) else draw(st.sampled_from(["GET", "POST"]))
        if draw(often) or path_of(spec.url) == path_of(url):
            url = spec.url  # mostly where the page sends it; sometimes to another object of the route
        return user, url, method

    def _finish(self, draw, user, method, url, data, changed=None):
        """The request, and the names of the fields tampered with (None: all of them)."""
        query = {}
        if method == "POST" and draw(rarely):
            name = draw(st.sampled_from(self.names))
            query = {name: [draw(values(self.real_values, name))]}
        return user, method, url, data, query, draw(rarely), changed

    def sweeping(self, specs) -> "Requests":
        """The same requests, built from these forms only."""
        copy = object.__new__(Requests)
        copy.__dict__.update(self.__dict__, specs=specs)
        return copy

    def one_field(self, names: list[str]):
        """The page's form with one field of this kind tampered with (and now and then another)."""
        specs = [s for s in self.specs if set(names) & {*s.defaults, *s.choices, *(n for n, _v in s.buttons)}]

        @st.composite
        def strategy(draw):
            spec = draw(st.sampled_from(specs))
            user, url, method = self._common(draw, spec, self.insider)
            data = {name: list(v) for name, v in spec.defaults.items()}
            name = draw(st.sampled_from(names))
            if name == "action" or draw(rarely):
                _tamper(
                    draw,
                    data,
                    name,
                    [*spec.choices.get(name, []), *(v for n, v in spec.buttons if n == name)],
                )
            else:
                data[name] = [draw(focused(name))]
            changed = [name]
            if draw(rarely):
                changed.append(_tamper(draw, data, draw(st.sampled_from(self.names)), self.real_values))
            return self._finish(draw, user, method, url, data, changed)

        return strategy()

    def hostile_path(self):
        """A made-up, huge or malformed id in the path, by a user who may see the real one."""

        @st.composite
        def strategy(draw):
            user = draw(self.insider)
            url = draw(st.sampled_from(self.hostile_paths))
            method = draw(st.sampled_from(["GET", "POST"]))
            return self._finish(draw, user, method, url, {})

        return strategy()

    def random(self):
        """Several fields at once: the page's form tampered with, or hostile values under known names."""

        @st.composite
        def strategy(draw):
            if self.specs and draw(st.booleans()):
                spec = draw(st.sampled_from(self.specs))
                user, url, method = self._common(draw, spec)
                data = {name: list(v) for name, v in spec.defaults.items()}
                changed = []
                if spec.buttons and draw(st.booleans()):
                    name, value = draw(st.sampled_from(spec.buttons))
                    data[name] = [value]
                    changed.append(name)
                for _ in range(draw(st.integers(1, 6))):
                    name = draw(st.sampled_from(self.names))
                    changed.append(
                        _tamper(draw, data, name, [*spec.choices.get(name, []), *self.real_values])
                    )
                if draw(rarely):  # a made-up key
                    key = "".join(draw(st.lists(st.sampled_from([*ODD_CHARACTERS, *"ab-_0"]), max_size=12)))
                    data[key] = [draw(values([]))]
                    changed.append(key)
                return self._finish(draw, user, method, url, data, changed)
            user, url, method = self._common(draw)
            data = {
                name: draw(st.lists(values(self.real_values, name), min_size=1, max_size=3))
                for name in draw(st.lists(st.sampled_from(self.names), max_size=8, unique=True))
            }
            return self._finish(draw, user, method, url, data)

        return strategy()


def send(client, cookies, method, url, data, query, htmx):
    """One request in a savepoint that is rolled back, with the user's own cookies restored."""
    client.cookies = cookies.__class__(
        cookies
    )  # a logout or a language switch must not leak into the next request
    headers = {"HX-Request": "true"} if htmx else {}
    with transaction.atomic():
        try:
            if method == "GET":
                return client.get(url, {**query, **data}, headers=headers)
            return client.post(url, data, query_params=query, headers=headers)
        finally:
            transaction.set_rollback(True)


def fuzz(strategy, examples: int, attempt) -> None:
    """Run `attempt` on `examples` requests drawn from `strategy`: reproducible (derandomized), never
    shrinking (a 500 is recorded, not raised), no example database written into the repository."""

    @hypothesis.settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        # The requests take longer than hypothesis expects of a test, and some carry 100 KB values.
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(request=strategy)
    def run(request):
        attempt(request)

    run()


def where(exc_info) -> str:
    """The exception and the innermost frame of the portal's own code that it passed through."""
    if not exc_info:
        return "(no exception recorded)"
    kind, error, tb = exc_info
    frames = traceback.extract_tb(tb)
    own = [f for f in frames if f.filename.startswith(str(ROOT)) and "/.venv/" not in f.filename]
    frame = (own or frames)[-1]
    filename = Path(frame.filename)
    shown = filename.relative_to(ROOT) if filename.is_relative_to(ROOT) else filename
    message = (str(error).splitlines() or [""])[0][:300]  # the first line: PostgreSQL's DETAIL names the row
    return f"{kind.__name__}: {message} at {shown}:{frame.lineno} in {frame.name}"


def short(data: dict) -> str:
    def value(v):
        v = repr(v)
        return v if len(v) <= 80 else v[:60] + f"…({len(v)} chars)"

    return "{" + ", ".join(f"{k!r}: [{', '.join(value(x) for x in vs)}]" for k, vs in data.items()) + "}"


def _distinct(specs, *, by_url_pattern: bool = False):
    """The forms without repeats. With `by_url_pattern`, the first form sent to each URL pattern: the
    editor of office A's draft stands for the editor of office B's (the world's office A objects are
    visited first), so that field by field the form goes where its users may send it."""
    seen, result = set(), []
    for spec in specs:
        if by_url_pattern:
            key = (spec.method, re.sub(r"\d+", "N", spec.url))
        else:
            key = (spec.method, spec.url, tuple(sorted(spec.defaults)), tuple(spec.buttons))
        if key not in seen:
            seen.add(key)
            result.append(spec)
    return result


def plan(route, strategies: "Requests", specs, swept_forms: set) -> list:
    """[(strategy, examples)] for a route: its path parameters, its forms field by field, at random."""
    steps = []
    if route.params:
        steps.append((strategies.hostile_path(), EXAMPLES_PER_PATH))
    sweep_specs = _distinct(specs, by_url_pattern=True)
    kinds = field_kinds(sweep_specs)
    # A form already swept for another route (the editor's form also posts to add-group) gets one
    # example per field here.
    form = frozenset(kinds)
    again = form in swept_forms
    swept_forms.add(form)
    sweep = strategies.sweeping(sweep_specs)
    for names in list(kinds.values())[:ADMIN_FIELDS] if route.is_admin else kinds.values():
        if route.is_admin or again:
            examples = EXAMPLES_PER_ADMIN_FIELD
        elif is_numeric(names[0]):
            examples = EXAMPLES_PER_NUMERIC_FIELD
        elif is_temporal(names[0]):
            examples = EXAMPLES_PER_TEMPORAL_FIELD
        else:
            examples = EXAMPLES_PER_FIELD
        steps.append((sweep.one_field(names), examples))
    examples = EXAMPLES_RANDOM.get(
        route.key, EXAMPLES_RANDOM_ADMIN if route.is_admin else EXAMPLES_RANDOM_APP
    )
    steps.append((strategies.random(), examples))
    return steps


# ---- The test ------------------------------------------------------------------------------------------


@pytest.fixture
def quiet_log():
    with quiet_request_log():
        yield


def test_no_input_gives_a_server_error(db, settings, capsys, monkeypatch, quiet_log):
    settings.SOBHA_DRAFT_PDF_WAIT = 0  # a draft's PDF page must not wait for a worker that is not there
    # The test client copies every template's context for response.context; this test never
    # looks at it, and the copies are a good part of the editor's time.
    monkeypatch.setattr(django.test.client, "store_rendered_templates", lambda *args, **kwargs: None)
    world = build_world()
    store_documents(world, Meeting.State.PUBLISHED)  # the issued one stays "being prepared"
    clients = logged_in_clients(world)
    cookies = {label: client.cookies for label, client in clients.items()}
    routes = all_routes()
    real_values = [str(pk) for pk in world.all_ids()]
    started = time.monotonic()

    # 1. Field names: render every route's pages as the superuser; attribute each form, button
    #    and link on them to the route it leads to.
    specs = collections.defaultdict(list)
    link_names = collections.defaultdict(set)
    paths, real_paths = {}, {}
    for route in routes:
        paths[route.key] = [p.url for p in concrete_paths(route, world, hostile=True)]
        real_paths[route.key] = [p.url for p in concrete_paths(route, world, hostile=False)]
        for url in real_paths[route.key][: 1 if route.is_admin else 8]:
            response = send(clients["superuser"], cookies["superuser"], "GET", url, {}, {}, False)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            forms, links = page_forms(response.content.decode(errors="replace"), url)
            for spec in forms:
                target = route_of(path_of(spec.url), routes)
                if target is not None:
                    specs[target.key].append(spec)
            for link in links:
                target = route_of(path_of(link), routes)
                if target is not None:
                    link_names[target.key].update(query_names(link))
    discovered = time.monotonic() - started

    # 2. Fuzz every route: field by field, then at random.
    failures = collections.defaultdict(list)
    statuses = collections.Counter()
    by_route = collections.defaultdict(collections.Counter)
    timings = {}
    requests = 0

    def attempt(route, request):
        nonlocal requests
        user, method, url, data, query, htmx, changed = request
        response = send(clients[user], cookies[user], method, url, data, query, htmx)
        requests += 1
        statuses[response.status_code] += 1
        by_route[route.key][response.status_code] += 1
        if response.status_code == 500:
            shown = data if changed is None else {k: v for k, v in data.items() if k in changed}
            rest = (
                f" + {len(data) - len(shown)} fields as the page filled them in"
                if len(shown) < len(data)
                else ""
            )
            failures[(route.key, where(getattr(response, "exc_info", None)))].append(
                f"{user} {method} {url}{' (htmx)' if htmx else ''} query={short(query)} data={short(shown)}{rest}"
            )

    swept_forms = set()
    for route in routes:
        route_started = time.monotonic()
        strategies = Requests(
            paths=paths[route.key],
            real_paths=real_paths[route.key],
            specs=_distinct(specs[route.key]),
            link_names=sorted(link_names[route.key]),
            users=list(clients),
            real_values=real_values,
            admin=route.is_admin,
        )
        for strategy, examples in plan(route, strategies, specs[route.key], swept_forms):
            fuzz(strategy, examples, lambda request, route=route: attempt(route, request))
        timings[route.key] = time.monotonic() - route_started

    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(
            f"\n[fuzz] {len(routes)} routes fuzzed, {requests} requests in {elapsed:.0f} s "
            f"(field discovery {discovered:.0f} s); answers: {dict(sorted(statuses.items()))}"
        )
        slowest = sorted(timings.items(), key=lambda kv: -kv[1])[:6]
        print("[fuzz] slowest routes: " + ", ".join(f"{key} {seconds:.1f} s" for key, seconds in slowest))
        for route in routes:
            if not route.is_admin:
                print(f"[fuzz]   {route.key}: {dict(sorted(by_route[route.key].items()))}")
    unanswered = [route.key for route in routes if not by_route[route.key]]
    assert not unanswered, f"routes the fuzzer never reached: {unanswered}"
    lines = [f"{sum(len(v) for v in failures.values())} requests answered 500:"]
    for (key, failure), examples in sorted(failures.items()):
        users_seen = sorted({e.split(" ", 1)[0] for e in examples})
        lines.append(f"\n- {key}: {failure}\n  {len(examples)}x, users {users_seen}; e.g.:")
        lines.extend(f"    {e}" for e in examples[:3])
    assert not failures, "\n".join(lines)
