"""Match the responsible offices, branches, posts or officials a drafter typed to the portal's records.

A drafter types names separated by commas, as the document prints them
("প্রশাসন শাখা, ইনোভেশন শাখা, হোস্টেল শাখা"). Each name that matches a record is linked to it, so that
reminders reach whoever holds the post; a name that matches nothing is kept as
typed and flagged as outside the portal.
"""

import re

from offices.models import Branch, Office, Official, Post

_SEPARATORS = re.compile(r"\s*[,;،\n]\s*")


def split_responsible(text: str) -> list[str]:
    """'ক শাখা, খ শাখা; গ দপ্তর' -> ['ক শাখা', 'খ শাখা', 'গ দপ্তর']. Names are separated by commas."""
    return [part.strip() for part in _SEPARATORS.split(text or "") if part.strip()]


def join_responsible(labels: list[str]) -> str:
    """As the drafter typed them, so 'ক, খ ও গ' prints as typed."""
    return ", ".join(labels)


def resolve_responsibilities(labels: list[str], *, office_ids: list[int]) -> dict[str, dict]:
    """{label: {"office_id"|"branch_id"|"post_id"|"official_id": id}}; {} for a label outside the portal.

    Four queries, however many labels: offices by name anywhere in the portal,
    and branches, posts and officials of the meeting's offices.
    """
    names = set(labels)
    if not names:
        return {}
    found: dict[str, dict] = {}
    for model, key, name_field, scoped in (
        (Official, "official_id", "name", True),
        (Post, "post_id", "title", True),
        (Branch, "branch_id", "name", True),
        (Office, "office_id", "name", False),
    ):
        queryset = model.objects.filter(**{f"{name_field}__in": names})
        if scoped:
            queryset = queryset.filter(office_id__in=office_ids)
        for pk, name in queryset.values_list("id", name_field):
            found.setdefault(name, {key: pk})
    return {label: found.get(label, {}) for label in labels}
