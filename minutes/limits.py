"""Size limits of minutes, set far above honest work and far below what makes the PDF slow.

Measured (bench/document_render.py): the real minutes in tests/minutes/reference are 10,000
to 21,000 characters and 4 to 6 pages; rendering time grows with the text, and with the
square of the longest unbreakable word. Anything over these limits is refused on save
with a message in the user's language, so no stored meeting can hold a web or Celery
worker for long.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from bangla.digits import bn_number

MAX_WORD = 300  # characters without a space; long web addresses fit
MAX_DISCUSSION = 30_000  # visible characters of one agenda item's discussion
MAX_TEXT = 10_000  # a decision (visible characters), an opening or closing paragraph, a progress note
MAX_DOCUMENT = 150_000  # visible characters of the whole minutes
MAX_PASTED_HTML = 1_000_000  # raw pasted HTML of a discussion or decision, before cleaning (Word: verbose)
MAX_AGENDA_ITEMS = 200
MAX_DECISIONS_PER_ITEM = 60
MAX_DECISIONS = 1_000  # in the whole minutes
MAX_ATTENDEES = 400
MAX_RECIPIENTS = 400

# Spaces that do not let a line break there (no-break, figure, narrow no-break, word joiner):
# Word pastes are full of them, and to the layout they glue words into one.
_GLUE = "\u00a0\u2007\u202f\u2060\ufeff"
_LONG_WORD = re.compile(rf"(?:[^\s]|[{_GLUE}]){{{MAX_WORD + 1},}}")


def validate_word_lengths(text: str) -> None:
    """A run of more than MAX_WORD characters without a space cannot be laid out in reasonable time."""
    match = _LONG_WORD.search(text or "")
    if match:
        raise ValidationError(
            _(
                "A word of %(length)s characters without a space was found (“%(start)s…”). "
                "Words can be at most %(limit)s characters; add spaces."
            ),
            code="word_too_long",
            params={"length": bn_number(len(match[0])), "start": match[0][:20], "limit": bn_number(MAX_WORD)},
        )


class MaxTextLengthValidator(MaxLengthValidator):
    """ "At most N characters (it has M)", with the numbers in Bangla digits."""

    message = _("Write at most %(limit_value)s characters here (it has %(show_value)s).")

    def __call__(self, value):
        if len(value or "") > self.limit_value:
            params = {"limit_value": bn_number(self.limit_value), "show_value": bn_number(len(value))}
            raise ValidationError(self.message, code=self.code, params=params)


def validate_document_size(total_characters: int) -> None:
    if total_characters > MAX_DOCUMENT:
        raise ValidationError(
            _(
                "The minutes are too long: %(count)s characters, at most %(limit)s. "
                "Move long annexes into separate documents."
            ),
            code="document_too_long",
            params={"count": bn_number(total_characters), "limit": bn_number(MAX_DOCUMENT)},
        )
