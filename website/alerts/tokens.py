"""The signed links of e-mail alerts (django.core.signing, with the SECRET_KEY): a confirmation link
carries what the reader asked to follow and expires; an unsubscribe link names the subscription and
its address and works for as long as the subscription exists."""

from django.core import signing

from offices.models import Office
from website.following import Criteria

CONFIRM_SALT = "website.alerts.confirm"
UNSUBSCRIBE_SALT = "website.alerts.unsubscribe"
CONFIRM_MAX_AGE = 3 * 24 * 3600  # seconds a confirmation link works
MAX_TOKEN = 2000  # characters: longer is no token of ours


class BadToken(ValueError):
    """The link was altered, cut, or (a confirmation link) has expired."""


def confirmation_token(*, email: str, criteria: Criteria, language: str) -> str:
    data = {
        "e": email,
        "o": criteria.office.pk if criteria.office else None,
        "s": criteria.subordinates,
        "q": criteria.query,
        "y": criteria.fiscal_year,
        "l": language,
    }
    return signing.dumps(data, salt=CONFIRM_SALT, compress=True)


def read_confirmation(token: str) -> tuple[str, Criteria, str]:
    """(e-mail, criteria, language) of a confirmation link; BadToken if altered or expired, or if its
    office has gone meanwhile."""
    data = _loads(token, CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    try:
        office = Office.objects.filter(pk=data["o"]).first() if data["o"] is not None else None
        if data["o"] is not None and office is None:
            raise BadToken("the office has gone")
        criteria = Criteria(
            office=office, subordinates=bool(data["s"]), query=data["q"], fiscal_year=data["y"]
        )
        return data["e"], criteria, data["l"]
    except (KeyError, TypeError) as error:
        raise BadToken(str(error)) from error


def unsubscribe_token(subscription) -> str:
    return signing.dumps({"s": subscription.pk, "e": subscription.email}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe(token: str) -> tuple[int, str]:
    """(subscription id, e-mail); both must match a subscription for it to be cancelled."""
    data = _loads(token, UNSUBSCRIBE_SALT)
    try:
        return int(data["s"]), str(data["e"])
    except (KeyError, TypeError, ValueError) as error:
        raise BadToken(str(error)) from error


def _loads(token: str, salt: str, max_age: int | None = None) -> dict:
    if len(token) > MAX_TOKEN:
        raise BadToken("too long")
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, UnicodeError) as error:  # SignatureExpired is a BadSignature
        raise BadToken(str(error)) from error
    if not isinstance(data, dict):
        raise BadToken("not ours")
    return data
