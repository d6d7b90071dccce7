import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def settle_after_start_up() -> None:
    """Load the URLconf (and with it every view) now, then freeze what start-up made: the garbage
    collector stops walking Django's ~130,000 long-lived objects on each full collection, which
    otherwise lands in a request now and then (100 ms on the editor of a big meeting)."""
    get_resolver().url_patterns  # noqa: B018 - imported for its effect
    gc.freeze()


application = get_wsgi_application()
settle_after_start_up()
