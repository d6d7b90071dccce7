"""Django's PostgreSQL backend, with the test database created in the character type the search
needs (base.py)."""
