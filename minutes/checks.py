"""System checks (`manage.py check`, and `runserver` at start-up): the database must hold Bangla
and let the public search tell Bangla letters.

pg_trgm, which finds words inside longer words and near spellings, reads the database's
LC_CTYPE to tell letters from other characters: where it is "C" (or "POSIX"), no Bangla letter is
a letter, and those searches find nothing in Bangla. Create the database in UTF-8 with a UTF-8
character type (docs/search.md):
    CREATE DATABASE sobha ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0;
"""

import re

from django.core.checks import Error, Warning, register
from django.db import DatabaseError, connection

DOCS = "docs/search.md: create the database with ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' TEMPLATE template0."


def database_locale_problems(encoding: str, ctype: str) -> list:
    """What is wrong, for the search, with a PostgreSQL database of this encoding and LC_CTYPE."""
    if encoding.upper() != "UTF8":
        return [
            Error(
                f"The database's encoding is {encoding}, not UTF8: it cannot hold all Bangla text.",
                hint=DOCS,
                id="minutes.E001",
            )
        ]
    if ctype.upper() in ("C", "POSIX") or not re.search(r"utf-?8", ctype, re.IGNORECASE):
        return [
            Warning(
                f"The database's LC_CTYPE is {ctype!r}: pg_trgm sees no Bangla letters in it, so the "
                "public search finds no Bangla word inside a longer word nor a near spelling.",
                hint=DOCS,
                id="minutes.W001",
            )
        ]
    return []


@register()
def search_database_locale(app_configs, **kwargs) -> list:
    if connection.vendor != "postgresql":
        return []
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database WHERE datname = current_database()"
            )
            encoding, ctype = cursor.fetchone()
    except DatabaseError:  # not reachable (yet): the first request or migrate says so
        return []
    return database_locale_problems(encoding, ctype)
