"""The portal as a hostile client sees it, for the security tests.

- `build_world()`: an office with a meeting in every state (with content), a delivery, files,
  branches, officials, a distribution group, another office, and a user for every role of each
  office (plus a site superuser, who reaches the admin and every office).
- `all_routes()`: every route of the URL resolver, walked recursively, so that a route added
  later is tested without anyone listing it here.
- `concrete_paths()`: a route's path with real ids of the world's objects (and, if asked,
  hostile ids the route's converters accept).
- `page_forms()`: the forms, buttons and links of a rendered page, so that the tests post the
  field names each route really accepts.
"""

import contextlib
import dataclasses
import datetime
import logging
import re
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urljoin, urlsplit

from django.contrib.admin import ModelAdmin
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.regex_helper import normalize

from minutes.models import (
    Delivery,
    DistributionGroup,
    DistributionGroupMember,
    Meeting,
    Responsibility,
)
from offices.models import Branch, InnovationTeam, OfficeHoliday, OfficeRole, Post, TeamMember, User
from tests.factories import (
    BranchFactory,
    GovernmentFileFactory,
    MeetingFactory,
    OfficeFactory,
    OfficialFactory,
    UserFactory,
    store_stand_in_document,
)
from website.addresses import fiscal_year_of, fiscal_year_segment

R = OfficeRole.Role
S = Meeting.State
ROLES = (R.DRAFTER, R.APPROVER, R.ISSUER, R.ADMIN)

# ---- The world ---------------------------------------------------------------------------------------


@dataclasses.dataclass
class World:
    office: object  # office A: the meetings' office
    other_office: object  # office B
    child_office: object  # below office A
    users: dict  # label -> User, or None for anonymous
    meetings: dict  # state -> Meeting of office A
    other_meeting: object  # a draft of office B
    delivery: object
    files: list
    branches: list
    officials: list  # [office A's, office A's second, office B's]
    group: object
    other_group: object
    reset_user: object  # a user whose password-reset link is real
    plan_objects: list = dataclasses.field(
        default_factory=list
    )  # plans, indicators, reports, evidence, ideas
    followup_objects: list = dataclasses.field(default_factory=list)  # items, their history and files
    holidays: list = dataclasses.field(default_factory=list)  # office A's and office B's announced days

    def ids(self) -> dict[str, list[int]]:
        """Real ids per kind of object, to put into paths."""
        return {
            "meeting": [m.pk for m in (*self.meetings.values(), self.other_meeting)],
            "office": [self.office.pk, self.other_office.pk, self.child_office.pk],
            "official": [o.pk for o in self.officials],
            "file": [f.pk for f in self.files],
            "branch": [b.pk for b in self.branches],
            "delivery": [self.delivery.pk],
            "group": [self.group.pk, self.other_group.pk],
            "actionplan": [obj.pk for obj in self.plan_objects],
            "followup": [obj.pk for obj in self.followup_objects],
            "holiday": [h.pk for h in self.holidays],
        }

    def all_ids(self) -> list[int]:
        return sorted({pk for pks in self.ids().values() for pk in pks})


def _user(office, role, label):
    user = UserFactory(username=label.replace(":", "-"), first_name=label)
    OfficeRole.objects.create(user=user, office=office, role=role)
    user.official = OfficialFactory(office=office, name=f"কর্মকর্তা {label}", designation="উপসচিব")
    user.save()
    return user


def _content(meeting, officials):
    for i in range(2):
        item = meeting.agenda_items.create(
            order=i, title=f"আলোচ্যসূচি {i + 1}", discussion=f"<p>আলোচনা <b>{i + 1}</b></p>"
        )
        for j in range(2):
            decision = item.decisions.create(
                order=j,
                text=f"<p>সিদ্ধান্ত {i + 1}.{j + 1}</p>",
                deadline_kind="working_days" if j else "date",
                deadline_working_days=7 if j else None,
                deadline_date=None if j else meeting.date + datetime.timedelta(days=30),
            )
            Responsibility.objects.create(decision=decision, order=0, label="ইনোভেশন শাখা")
    for i, official in enumerate(officials):
        meeting.attendees.create(
            order=i,
            official=official,
            name=official.name,
            designation=official.designation,
            email=official.email,
        )
    meeting.attendees.create(order=len(officials), name="অতিথি", designation="প্রতিনিধি", mobile="০১৭১১০০০০০০")
    meeting.recipients.create(
        order=0, designation="সচিব", office_name="জনপ্রশাসন মন্ত্রণালয়", email="secy@example.gov.bd"
    )
    meeting.recipients.create(order=1, designation="উপসচিব", branch="শাখা-১", email="")


@transaction.atomic
def build_world() -> World:
    office = OfficeFactory(name="নিরাপত্তা দপ্তর ক")
    other = OfficeFactory(name="নিরাপত্তা দপ্তর খ")
    child = OfficeFactory(name="নিরাপত্তা দপ্তর ক-এর অধীন", parent=office)
    users = {"anonymous": None}
    for prefix, which in (("A", office), ("B", other)):
        for role in ROLES:
            users[f"{prefix}:{role}"] = _user(which, role, f"{prefix}:{role}")
    users["superuser"] = User.objects.create_superuser("site-admin", "site-admin@example.gov.bd", "pass-1234")

    branch = BranchFactory(office=office, name="ইনোভেশন শাখা")
    sub_branch = BranchFactory(office=office, name="আইসিটি সেল", parent=branch)
    other_branch = BranchFactory(office=other)
    post = Post.objects.create(office=office, branch=branch, title="সিস্টেম এনালিস্ট")
    official = OfficialFactory(office=office, branch=branch, post=post, name="মোঃ আবদুল কাদির")
    official_2 = OfficialFactory(office=office, name="ড. তরুণ কান্তি শিকদার", designation="অতিরিক্ত সচিব")
    other_official = OfficialFactory(office=other, name="অন্য দপ্তরের কর্মকর্তা")
    team = InnovationTeam.objects.create(office=office)
    TeamMember.objects.create(team=team, official=official_2, role=TeamMember.Role.CHAIR)
    nothi = GovernmentFileFactory(office=office, branch=branch, last_serial=25)
    other_nothi = GovernmentFileFactory(office=other)
    group = DistributionGroup.objects.create(office=office, name="সকল শাখা")
    DistributionGroupMember.objects.create(
        group=group, order=0, designation="উপসচিব", email="a@example.gov.bd"
    )
    other_group = DistributionGroup.objects.create(office=other, name="অন্য দপ্তরের দল")

    drafter = users["A:drafter"]
    meetings = {}
    for n, state in enumerate((S.DRAFT, S.SUBMITTED, S.APPROVED, S.ISSUED, S.PUBLISHED)):
        issued = state in Meeting.ISSUED_STATES
        meeting = MeetingFactory(
            office=office,
            team=team,
            chair=official_2,
            fiscal_year=2024,
            ordinal=n + 1,
            date=datetime.date(2024, 7, 25) + datetime.timedelta(days=n),
            state=state,
            created_by=drafter,
            submitted_by=None if state == S.DRAFT else drafter,
            issuer=official if issued else None,
            issuer_name=official.name if issued else "",
            government_file=nothi if issued else None,
            memo_serial=20 + n if issued else None,
            memo_number=f"{nothi.number}.{20 + n}" if issued else "",
            issue_date=datetime.date(2024, 8, 1) if issued else None,
        )
        meeting.participating_offices.add(child)
        _content(meeting, [official, official_2])
        meetings[state] = meeting
    issued = meetings[S.ISSUED]
    recipient = issued.recipients.get(order=0)
    delivery = Delivery.objects.create(
        meeting=issued,
        recipient=recipient,
        email=recipient.email,
        status="failed",
        attempts=1,
        last_error="550",
    )
    other_meeting = MeetingFactory(office=other, created_by=users["B:drafter"])
    _content(other_meeting, [other_official])
    plan_objects = [
        *_action_plan(office, users["A:admin"], meetings),
        *_action_plan(other, users["B:admin"], {}),
    ]
    return World(
        office=office,
        other_office=other,
        child_office=child,
        users=users,
        meetings=meetings,
        other_meeting=other_meeting,
        delivery=delivery,
        files=[nothi, other_nothi],
        branches=[branch, sub_branch, other_branch],
        officials=[official, official_2, other_official],
        group=group,
        other_group=other_group,
        reset_user=drafter,
        plan_objects=plan_objects,
        followup_objects=_followup(users["A:drafter"]),
        holidays=[
            OfficeHoliday.objects.create(office=office, date=datetime.date(2024, 9, 4), name="সাধারণ ছুটি"),
            OfficeHoliday.objects.create(office=other, date=datetime.date(2024, 9, 5), name="সাধারণ ছুটি"),
        ],
    )


def _followup(drafter) -> list:
    """The items of the issued minutes and the plans (the follow-up's backfill), one of office A's
    reported done with an evidence file: what the follow-up's routes name by id."""
    from django.core.files.base import ContentFile

    from followup.models import Occurrence, ProgressEvidence, ProgressReport
    from followup.services import sync_occurrences

    sync_occurrences()
    item = Occurrence.objects.filter(decision__isnull=False).order_by("pk").first()
    report = ProgressReport.objects.create(
        occurrence=item, kind="done", note="সম্পন্ন", by=drafter, by_name="দীপু"
    )
    Occurrence.objects.filter(pk=item.pk).update(status=Occurrence.Status.DONE)
    evidence = ProgressEvidence.objects.create(
        report=report,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="notice.pdf"),
        name="notice.pdf",
        kind="pdf",
        size=14,
    )
    offices = set(Occurrence.objects.values_list("office_id", flat=True))  # an item of each office
    others = [
        Occurrence.objects.filter(office_id=pk).exclude(pk=item.pk).order_by("pk").first() for pk in offices
    ]
    return [item, report, evidence, *others]


def _action_plan(office, admin, meetings: dict) -> list:
    """The office's action plan (the reference, 2021-22) with a report of each kind of state, an
    evidence file, a decision link and attached minutes, and an innovation-bank entry: what the
    action plan's routes name by id."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from actionplan import services as plans
    from actionplan.models import AchievementReport, DecisionLink, Evidence, Idea, MeetingEvidence
    from tests.actionplan.templates import REFERENCE

    plan = plans.plan_import(office=office, fiscal_year=2021, data=REFERENCE.read_bytes(), by=admin)
    indicators = list(plan.indicators.order_by("order")[:3])
    now, State = timezone.now(), AchievementReport.State
    reports = [
        AchievementReport.objects.create(
            indicator=indicator, quarter=1, achieved_value=None if indicator.is_dated else 1,
            achieved_date=indicator.target_date, state=state, reported_by=admin, reported_at=now,
        )
        for indicator, state in zip(indicators, (State.REPORTED, State.CONFIRMED, State.RETURNED), strict=True)
    ]  # fmt: skip
    evidence = Evidence.objects.create(
        report=reports[0], file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="notice.pdf"), name="notice.pdf",
        kind="pdf", size=14, uploaded_by=admin, uploaded_at=now,
    )  # fmt: skip
    idea = Idea.objects.create(office=office, title="ই-নথি ড্যাশবোর্ড", created_by=admin)
    objects = [plan, *indicators, *reports, evidence, idea]
    if meetings:  # office A: a decision linked to an indicator, issued minutes attached to a meeting one
        issued = meetings[S.ISSUED]
        decision = issued.agenda_items.first().decisions.first()
        meeting_indicator = plan.indicators.get(number="2.2.3")
        objects += [
            DecisionLink.objects.create(decision=decision, indicator=indicators[0], linked_by=admin),
            MeetingEvidence.objects.create(meeting=issued, indicator=meeting_indicator, attached_by=admin),
            meeting_indicator,
        ]
    return objects


def store_documents(world: World, *states) -> None:
    """Store the issued documents of the given meetings as the worker would (a small stand-in for
    the printed PDF: the tests are about the pages, not the printing)."""
    for state in states:
        meeting = world.meetings[state]
        store_stand_in_document(meeting)


def logged_in_clients(world: World) -> dict[str, Client]:
    """A client per user label, logged in now (before any query is captured); the session rows
    are part of the setup, not of the requests under test."""
    clients = {}
    for label, user in world.users.items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        clients[label] = client
    return clients


@contextlib.contextmanager
def quiet_request_log():
    """Django logs every 4xx and 5xx with its traceback; the security tests collect what matters."""
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


# ---- Routes ------------------------------------------------------------------------------------------

_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")
_CHOICE_GROUP = re.compile(r"\(\?P<(\w+)>([\w|]+)\)")
_ANY_SEGMENT = re.compile(r"[^/]+")


@dataclasses.dataclass
class Route:
    key: str  # "minutes:edit"; an unnamed route is keyed by its pattern
    display: str  # "minutes/<int:pk>/edit/"
    template: str  # "/minutes/%(pk)s/edit/"
    params: dict  # name -> regex its value must match (the converter's), or a list of choices
    callback: object

    @property
    def is_admin(self) -> bool:
        return self.display.startswith("admin/")


def _route_piece(pattern, counter: list) -> tuple[str, str, dict]:
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        params = {}

        def substitute(match):
            name = match["parameter"]
            params[name] = re.compile(pattern.converters[name].regex)
            return f"%({name})s"

        template, i = "", 0  # the route with each <converter:name> as %(name)s, literal % escaped
        for match in _ROUTE_PARAM.finditer(route):
            template += route[i : match.start()].replace("%", "%%") + substitute(match)
            i = match.end()
        template += route[i:].replace("%", "%%")
        return template, route, params
    if isinstance(pattern, RegexPattern):
        regex = pattern._regex
        choices = {name: body.split("|") for name, body in _CHOICE_GROUP.findall(regex)}
        template, names = normalize(regex)[0]
        params = {}
        for name in names:
            if name.startswith("_"):  # a positional group: give it a name unique in the whole path
                unique = f"_{len(counter)}"
                counter.append(unique)
                template = template.replace(f"%({name})s", f"%({unique})s")
                name = unique
            params[name] = choices.get(name, _ANY_SEGMENT if name.startswith("_") else re.compile(".*"))
        return template, regex, params
    raise TypeError(f"unknown URL pattern {pattern!r}")


def all_routes() -> list[Route]:
    """Every route of the portal, from the URL resolver."""
    routes = []

    def walk(patterns, template, display, params, namespace, counter):
        for entry in patterns:
            piece, shown, new = _route_piece(entry.pattern, counter)
            if isinstance(entry, URLResolver):
                inner = [*namespace, entry.namespace] if entry.namespace else namespace
                walk(entry.url_patterns, template + piece, display + shown, {**params, **new}, inner, counter)
            else:
                key = ":".join([*namespace, entry.name]) if entry.name else display + shown
                routes.append(
                    Route(key, display + shown, "/" + template + piece, {**params, **new}, entry.callback)
                )

    walk(get_resolver().url_patterns, "", "", {}, [], [])
    return routes


def model_admin_of(callback) -> ModelAdmin | None:
    """The admin class behind an admin view (wrapped by admin_view and friends), if any."""
    for function in _unwrapped(callback):
        owner = getattr(function, "model_admin", None) or getattr(function, "__self__", None)
        if isinstance(owner, ModelAdmin):
            return owner
    return None


def _unwrapped(function):
    seen = []
    while function is not None and function not in seen:
        seen.append(function)
        function = getattr(function, "__wrapped__", None)
    return seen


# ---- Values for the path parameters --------------------------------------------------------------------

HOSTILE_PATH_VALUES = [
    "0",
    "1",
    "2147483648",
    str(2**63 - 1),
    str(2**63),
    str(10**30),
    "9" * 200,
    "-1",
    "abc",
    "১২",
    "²",
    "set-password",
    "MQ",
    "x-y_z",
    "\u202e",
    "😀",
    "a" * 300,
    "..",
    "a/b",
    "\x00",
]

# Which kind of object a route's parameter names, when its name alone does not say.
_PARAM_KIND = {
    "offices:detail": "office",
    "offices:official_edit": "official",
    "offices:file_edit": "file",
    "offices:file_starting_serial": "file",
    "offices:branch_edit": "branch",
    "minutes:delivery_retry": "delivery",
    "minutes:group_edit": "group",
    "minutes:group_delete": "group",
    "offices:holiday_edit": "holiday",
    "offices:holiday_remove": "holiday",
    "followup:dashboard": "office",
    "followup:dashboard_subordinates": "office",
}


def real_path_values(route: Route, param: str, world: World) -> list[str]:
    """Real values for a parameter: ids of the world's objects it should name."""
    ids = world.ids()
    if param == "office_pk":
        return [str(pk) for pk in ids["office"]]
    if route.key.startswith("public:") and param == "office":  # the public site: its web address or number
        return [world.office.web_name, world.other_office.web_name, world.child_office.web_name]
    if param == "fiscal_year":
        meetings = [*world.meetings.values(), world.other_meeting]
        return sorted({fiscal_year_segment(fiscal_year_of(m)) for m in meetings})
    if param == "memo_number":
        return [m.memo_number for m in world.meetings.values() if m.memo_number] or ["58.1.1"]
    if param == "quarter":
        return ["1", "2", "3", "4"]
    if param == "step":
        return ["submit", "return", "approve", "issue", "publish", "correct"]
    if param == "uidb64":
        return [urlsafe_base64_encode(force_bytes(world.reset_user.pk))]
    if param == "token":
        return [default_token_generator.make_token(world.reset_user), "set-password"]
    if param == "content_type_id":
        return [str(ContentType.objects.get_for_model(model).pk) for model in (Meeting, Branch)]
    kind = _PARAM_KIND.get(route.key)
    if kind:
        return [str(pk) for pk in ids[kind]]
    if route.key.startswith(("minutes:", "public:")) and param == "pk":
        return [str(pk) for pk in ids["meeting"]]
    model_admin = model_admin_of(route.callback)
    if model_admin is not None:
        model = model_admin.model
        values = [str(pk) for pk in model._default_manager.order_by("pk").values_list("pk", flat=True)[:3]]
        history = getattr(model, "history", None)
        if param.startswith("_") and history is not None and list(route.params).index(param) > 0:
            values = [
                str(pk) for pk in history.order_by("history_id").values_list("history_id", flat=True)[:3]
            ]
        return values
    return [str(pk) for pk in world.all_ids()]


def _accepts(rule, value: str) -> bool:
    if isinstance(rule, list):
        return value in rule
    return rule.fullmatch(value) is not None


@dataclasses.dataclass(frozen=True)
class ConcretePath:
    url: str  # percent-encoded, for the client
    real: bool  # every parameter names a real object of the world


def concrete_paths(route: Route, world: World, *, hostile: bool) -> list[ConcretePath]:
    """The route's paths with real values (first) and, if `hostile`, each parameter in turn replaced
    by every hostile value its converter accepts. Only paths that resolve to this route are kept."""
    names = list(route.params)
    if not names:
        return [ConcretePath(route.template, True)]
    real = {}
    for name in names:
        rule = route.params[name]
        values = rule if isinstance(rule, list) else real_path_values(route, name, world)
        real[name] = [v for v in values if _accepts(rule, v)] or [
            v for v in HOSTILE_PATH_VALUES if _accepts(rule, v)
        ][:1]
    combos = [({n: real[n][0] for n in names}, True)]
    for name in names:  # every real value of each parameter, the others kept at their first real value
        for value in real[name][1:]:
            combos.append(({**combos[0][0], name: value}, True))
        if hostile:
            for value in HOSTILE_PATH_VALUES:
                if _accepts(route.params[name], value) and value not in real[name]:
                    combos.append(({**combos[0][0], name: value}, False))
    paths, seen = [], set()
    for values, is_real in combos:
        path_info = route.template % values
        url = route.template % {n: quote(v, safe="") for n, v in values.items()}
        if url in seen or not _resolves_to(path_info, route):
            continue
        seen.add(url)
        paths.append(ConcretePath(url, is_real))
    return paths


def _resolves_to(path_info: str, route: Route) -> bool:
    try:
        return resolve(path_info).func is route.callback
    except Resolver404:
        return False


def route_of(path: str, routes: list[Route]) -> Route | None:
    try:
        func = resolve(path).func
    except Resolver404:
        return None
    return next((r for r in routes if r.callback is func), None)


# ---- Forms on a page -----------------------------------------------------------------------------------


@dataclasses.dataclass
class FormSpec:
    """What a page lets a browser send to one route: field names, their values as shown, buttons."""

    method: str
    url: str
    defaults: dict = dataclasses.field(default_factory=lambda: defaultdict(list))  # name -> [values]
    choices: dict = dataclasses.field(default_factory=lambda: defaultdict(list))  # name -> offered values
    buttons: list = dataclasses.field(default_factory=list)  # [(name, value)]


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []  # [(action, method, FormSpec-like dicts, extra actions)]
        self.links = []
        self.current = None
        self.select = None
        self.textarea = None

    def _form(self):
        if self.current is None:  # fields outside any form: a form of their own, posted nowhere
            self.current = {"action": None, "method": "get", "spec": FormSpec("get", ""), "actions": set()}
            self.forms.append(self.current)
        return self.current

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "form":
            method = (a.get("method") or "get").lower()
            self.current = {
                "action": a.get("action", ""),
                "method": method,
                "spec": FormSpec(method, ""),
                "actions": set(),
            }
            self.forms.append(self.current)
            return
        if tag not in ("input", "button", "select", "option", "textarea"):
            return
        form = self._form()
        spec = form["spec"]
        for attr in ("formaction", "hx-post"):
            if a.get(attr):
                form["actions"].add(a[attr])
        name = a.get("name")
        kind = a.get("type", "submit" if tag == "button" else "text").lower()
        if tag == "option" and self.select:
            value = a.get("value", "")
            spec.choices[self.select].append(value)
            if "selected" in a:
                spec.defaults[self.select].append(value)
        elif not name or tag == "option":
            return
        elif tag == "select":
            self.select = name
            spec.choices.setdefault(name, [])
        elif tag == "textarea":
            self.textarea = name
            spec.defaults[name].append("")
        elif kind in ("submit", "image", "button", "reset"):
            spec.buttons.append((name, a.get("value", "")))
        elif kind in ("checkbox", "radio"):
            value = a.get("value", "on")
            spec.choices[name].append(value)
            if "checked" in a:
                spec.defaults[name].append(value)
            else:
                spec.defaults.setdefault(name, [])
        else:
            spec.defaults[name].append(a.get("value", ""))

    def handle_data(self, data):
        if self.textarea and self.current:
            values = self.current["spec"].defaults[self.textarea]
            values[-1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self.select and self.current:
            spec = self.current["spec"]
            if not spec.defaults.get(self.select) and spec.choices.get(self.select):
                spec.defaults[self.select] = [spec.choices[self.select][0]]
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.current = None


def page_forms(html: str, page_url: str) -> tuple[list[FormSpec], list[str]]:
    """The forms of a page, one FormSpec per place it can be sent (its action, each button's
    formaction), and the links' URLs. URLs are absolute paths with their query string."""
    parser = _FormParser()
    parser.feed(html)
    specs = []
    for form in parser.forms:
        if form["action"] is None:
            continue
        targets = {
            urljoin(page_url, form["action"] or page_url),
            *(urljoin(page_url, u) for u in form["actions"]),
        }
        for target in sorted(targets):
            base = form["spec"]
            spec = dataclasses.replace(
                base,
                url=target,
                defaults=defaultdict(list, {k: list(v) for k, v in base.defaults.items()}),
                choices=defaultdict(list, {k: list(v) for k, v in base.choices.items()}),
                buttons=list(base.buttons),
            )
            if spec.method == "get":  # a GET form's fields go into the query string; keep any that are there
                for name, value in parse_qsl(urlsplit(target).query, keep_blank_values=True):
                    spec.defaults[name].append(value)
            specs.append(spec)
    links = [
        urljoin(page_url, href)
        for href in parser.links
        if not href.startswith(("#", "mailto:", "javascript:"))
    ]
    return specs, links


def path_of(url: str) -> str:
    return urlsplit(url).path


def query_names(url: str) -> list[str]:
    return [name for name, _value in parse_qsl(urlsplit(url).query, keep_blank_values=True)]
