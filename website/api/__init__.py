"""The public read-only JSON API (django-ninja) at /public/api/v1/, described by OpenAPI at
/public/api/v1/openapi.json and browsable at /public/api/v1/docs (docs/api.md)."""

from website.api.routes import api

__all__ = ["api"]
