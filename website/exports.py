"""Bulk exports of published decisions, as CSV (UTF-8 with a byte-order mark, so that Excel reads the
Bangla) and as JSON, streamed row by row (never the whole table in memory), filtered like the feeds
(office, sub, fy, q). Validators come from the public version (offices/publication.py): a reader
that has the current export gets 304 without a query."""

import csv
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from offices.publication import public_version, version_time
from website.feeds import bad_request
from website.following import BadCriteria, Criteria
from website.opendata import COLUMNS, criteria_decisions, decision_record
from website.pages import BROWSER_SECONDS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500  # decisions read per query (and their responsibilities in one more)


class _Line:
    """A file-like object that hands back what csv.writer writes (Django's streaming CSV recipe)."""

    def write(self, value: str) -> str:
        return value


@require_safe
def decisions_csv(request):
    return _export(request, "csv")


@require_safe
def decisions_json(request):
    return _export(request, "json")


def _export(request, kind: str):
    try:
        criteria = Criteria.from_params(request.GET)
    except BadCriteria as error:
        return bad_request(request, error)
    version = public_version()
    etag = f'"{hashlib.sha256(repr((version, kind, sorted(criteria.params().items()))).encode()).hexdigest()[:32]}"'
    last_modified = int(version_time(version))
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return _validators(not_modified, etag, last_modified)
    decisions = criteria_decisions(criteria).iterator(chunk_size=CHUNK)
    if kind == "csv":
        response = StreamingHttpResponse(_csv_rows(decisions), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(
            _json_rows(decisions), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="decisions.{kind}"'
    return _validators(response, etag, last_modified)


def _validators(response, etag: str, last_modified: int):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={BROWSER_SECONDS}"
    return response


def _csv_rows(decisions):
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(COLUMNS)
    for decision in decisions:
        record = decision_record(decision)
        yield writer.writerow([_cell(record[column]) for column in COLUMNS])


def _cell(value):
    """Text that a spreadsheet would take for a formula (=, +, -, @ first) starts with an apostrophe,
    which spreadsheets show as text (OWASP's advice on CSV injection); the JSON keeps it as typed."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def _json_rows(decisions):
    yield "["
    separator = "\n"
    for decision in decisions:
        yield separator + json.dumps(decision_record(decision), cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"
