"""Django's PostgreSQL backend, unchanged but for one thing: the test database is created with the
LC_CTYPE named in DATABASES["default"]["TEST"]["CTYPE"] (settings.py: C.UTF-8).

pg_trgm reads a database's LC_CTYPE to tell letters: where it is "C", no Bangla letter is one, and
the search finds no Bangla word inside another (minutes/checks.py warns about such a database).
Django sets the test database's encoding and template (TEST CHARSET, TEMPLATE), not its LC_CTYPE,
and a test database created from template0 would otherwise take the cluster's, "C" on many servers.
"""

from django.db.backends.postgresql import base, creation


class DatabaseCreation(creation.DatabaseCreation):
    def sql_table_creation_suffix(self):
        suffix = super().sql_table_creation_suffix()
        ctype = self.connection.settings_dict["TEST"].get("CTYPE")
        if not ctype:
            return suffix
        quoted = "'" + ctype.replace("'", "''") + "'"
        return f"{suffix or 'WITH'} LC_CTYPE {quoted}"


class DatabaseWrapper(base.DatabaseWrapper):
    creation_class = DatabaseCreation
