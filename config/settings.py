"""Settings, read from the environment.

With no environment at all you get the embedded default a newcomer needs:
SQLite in var/, a Celery broker on a SQLite file (kombu's SQLAlchemy
transport), mail printed to the console. Production sets DATABASE_URL,
CELERY_BROKER_URL, DJANGO_SECRET_KEY, DJANGO_DEBUG=false and
DJANGO_ALLOWED_HOSTS; nothing else differs.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("SOBHA_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=True)


def _env_flag(name: str, *, default: bool) -> bool:
    """A yes/no variable. Unlike env.bool, which reads any unknown word as false, a typo stops the start."""
    value = env.str(name, default="").strip().lower()
    if not value:
        return default
    if value in ("true", "yes", "on", "1"):
        return True
    if value in ("false", "no", "off", "0"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def _secret_key() -> str:
    key = env.str("DJANGO_SECRET_KEY", default="")
    if not DEBUG and (len(key) < 50 or len(set(key)) < 5):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random string of at least 50 characters "
            "when DJANGO_DEBUG is false."
        )
    if key:
        return key
    # Embedded default only: a random key kept on this machine, never in the repository.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
# The embedded default serves this machine; production names its hosts (no default there).
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS",
    **({"default": ["127.0.0.1", "localhost", "[::1]", "testserver"]} if DEBUG else {}),
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SOBHA_SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    "django_celery_beat",
    "bangla",
    "offices",
    "minutes",
    "actionplan",
    "followup",
    "website",
    "health",
    "ninja",  # the public API's documentation page, served from its own static files
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "config.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.BanglaFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "minutes.workflow.middleware.StepRefusedMiddleware",
    "config.middleware.FriendlyErrorPagesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "offices.context_processors.administration",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'sobha.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the Celery worker share the file: WAL lets readers
    # run beside a writer, IMMEDIATE makes writers queue instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not memory, so that a Celery worker process in the tests sees the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-sobha.sqlite3")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The same backend, creating the test database in UTF-8 with a character type that knows Bangla
    # letters (config/postgresql/base.py): pg_trgm finds nothing in Bangla where LC_CTYPE is "C".
    DATABASES["default"]["ENGINE"] = "config.postgresql"
    DATABASES["default"]["TEST"] = {
        "TEMPLATE": "template0",
        "CHARSET": "UTF8",
        "CTYPE": env.str("SOBHA_TEST_DATABASE_CTYPE", default="C.UTF-8"),
    }
# Connections are kept between requests (seconds; 0 closes each at the request's end), checked
# before reuse so that a restarted database costs one failed check, not a failed request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = _env_flag("DJANGO_CONN_HEALTH_CHECKS", default=True)
if DATABASES["default"]["CONN_MAX_AGE"] < 0:
    raise ImproperlyConfigured(
        "DJANGO_CONN_MAX_AGE must be 0 (close after each request) or a number of seconds."
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "offices.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "bn"
LANGUAGES = [("bn", _("Bangla")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the language switch remembers the choice for a year
TIME_ZONE = "Asia/Dhaka"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns at start-up when it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("SOBHA_MEDIA_ROOT", default=str(VAR_DIR / "media")))


def _files(env_root: str, folder: str, env_bucket: str) -> dict:
    """A storage for the portal's own files: a folder (under the var directory by default), or an
    S3-compatible bucket when `env_bucket` is set (django-storages; then `pip install boto3==1.44.5`)."""
    bucket = env.str(env_bucket, default="")
    if not bucket:
        location = Path(env.str(env_root, default=str(VAR_DIR / folder)))
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location)},
        }
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }


STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
    # Action-plan evidence (SOBHA_EVIDENCE_ROOT, or the bucket SOBHA_EVIDENCE_S3_BUCKET).
    "evidence": _files("SOBHA_EVIDENCE_ROOT", "evidence", "SOBHA_EVIDENCE_S3_BUCKET"),
    # Issued minutes' HTML and PDF, written once under names that carry their SHA-256
    # (SOBHA_DOCUMENTS_ROOT, or the bucket SOBHA_DOCUMENTS_S3_BUCKET).
    "documents": _files("SOBHA_DOCUMENTS_ROOT", "documents", "SOBHA_DOCUMENTS_S3_BUCKET"),
}
SOBHA_EVIDENCE_MAX_BYTES = env.int("SOBHA_EVIDENCE_MAX_MB", default=10) * 1024 * 1024

# EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.gov.bd:587; the default prints mail.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="sobha@localhost")

CELERY_BROKER_URL = env.str(
    "CELERY_BROKER_URL", default=f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}"
)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]  # never pickle
CELERY_TASK_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# The schedule lives in the database (django-celery-beat): visible and editable in Django's admin
# (Periodic tasks). The entries below are copied there when beat starts; the follow-up's daily sweep
# is created there by a migration (followup/migrations/0003_daily_sweep_task.py).
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "health.tasks.record_heartbeat", "schedule": 60.0},
    "deliveries-recover": {"task": "minutes.tasks.deliveries_recover", "schedule": 300.0},
    "issued-documents-recover": {"task": "minutes.tasks.issued_documents_recover", "schedule": 600.0},
    # E-mail alerts of the public website: the minutes published since the last run (website/alerts/).
    "public-alerts-collect": {"task": "website.tasks.alerts_collect_task", "schedule": 300.0},
}

# Content-Security-Policy on every response, the stored issued documents included: scripts, styles
# and fonts only from the portal's own static files, no inline script or event handler, no plugin,
# no framing. htmx is configured (base.html) not to inject styles nor evaluate code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}

FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6's default: a typed "example.gov.bd" means https://

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"


# HTTPS. Production (DEBUG off) gets secure cookies, the redirect to HTTPS and HSTS unless the
# environment says otherwise; debug (the embedded default, `make run`) gets none of them.
SESSION_COOKIE_SECURE = _env_flag("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = _env_flag("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # monitors probe the server itself, over plain HTTP
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 365 * 24 * 3600)
if SECURE_HSTS_SECONDS < 0:
    raise ImproperlyConfigured("DJANGO_SECURE_HSTS_SECONDS must be 0 (off) or a number of seconds.")
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_flag("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = _env_flag("DJANGO_SECURE_HSTS_PRELOAD", default=not DEBUG)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and drops the clients' own): without
# it every request looks like plain HTTP to Django, and SECURE_SSL_REDIRECT redirects forever.
if _env_flag("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # WeasyPrint reports every rendering step at INFO; keep its warnings only.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},  # says at INFO that its C++ logging is bridged
        "axes": {"level": "WARNING"},  # it reports every log-in at INFO
    },
}

# The minutes editor posts a whole meeting at once: 200 agenda items with their decisions are
# several thousand fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 50_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# Failed e-mail deliveries are retried after this many seconds, doubling each time (at most an hour).
SOBHA_DELIVERY_RETRY_SECONDS = env.int("SOBHA_DELIVERY_RETRY_SECONDS", default=30)

# Follow-up reminders (followup/reminders/, docs/reminders.md). Each official gets one digest a day,
# at their own hour (their preference), else at SOBHA_REMINDER_DIGEST_HOUR (0-23, Dhaka time); by
# each channel in SOBHA_REMINDER_CHANNELS: "email", "sms" (the HTTP gateway below), "log" (writes the
# digest to the log instead: development). A failed send is retried after SOBHA_REMINDER_RETRY_SECONDS,
# doubling each time (at most an hour), SOBHA_REMINDER_MAX_ATTEMPTS times in all; a send left
# "sending" by a worker that died is taken up again after SOBHA_REMINDER_SENDING_TIMEOUT seconds.
SOBHA_REMINDER_DIGEST_HOUR = env.int("SOBHA_REMINDER_DIGEST_HOUR", default=9)
SOBHA_REMINDER_CHANNELS = env.list("SOBHA_REMINDER_CHANNELS", default=["email"])
SOBHA_REMINDER_RETRY_SECONDS = env.int("SOBHA_REMINDER_RETRY_SECONDS", default=60)
SOBHA_REMINDER_MAX_ATTEMPTS = env.int("SOBHA_REMINDER_MAX_ATTEMPTS", default=6)
SOBHA_REMINDER_SENDING_TIMEOUT = env.int("SOBHA_REMINDER_SENDING_TIMEOUT", default=15 * 60)
# A send queued (or due for its retry) this long ago that no worker has taken is queued again by the
# next sweep: its task was lost (a broker restarted without its queue). Claiming makes the copy harmless.
SOBHA_REMINDER_REQUEUE_AFTER = env.int("SOBHA_REMINDER_REQUEUE_AFTER", default=30 * 60)
if (
    not 0 <= SOBHA_REMINDER_DIGEST_HOUR <= 23
    or min(SOBHA_REMINDER_RETRY_SECONDS, SOBHA_REMINDER_MAX_ATTEMPTS) < 1
):
    raise ImproperlyConfigured(
        "SOBHA_REMINDER_DIGEST_HOUR must be 0-23; SOBHA_REMINDER_RETRY_SECONDS and "
        "SOBHA_REMINDER_MAX_ATTEMPTS at least 1."
    )
# An SMS gateway reached by an HTTP POST (SSL Wireless, BulkSMSBD and the like), for the "sms" channel:
# the URL, the API key (a secret: never logged), the sender id, a JSON or a form body, the names the
# gateway gives its fields (SOBHA_SMS_FIELDS, e.g. "api_key=api_token,sender=sid,to=msisdn,text=sms,
# reference=csms_id") and fixed extra fields (SOBHA_SMS_EXTRA, e.g. "type=unicode" for Bangla text).
SOBHA_SMS = {
    "URL": env.str("SOBHA_SMS_URL", default=""),
    "API_KEY": env.str("SOBHA_SMS_API_KEY", default=""),
    "SENDER_ID": env.str("SOBHA_SMS_SENDER_ID", default=""),
    "FORMAT": env.str("SOBHA_SMS_FORMAT", default="json"),
    "TIMEOUT": env.float("SOBHA_SMS_TIMEOUT", default=10.0),
    "FIELDS": env.dict("SOBHA_SMS_FIELDS", default={}),
    "EXTRA": env.dict("SOBHA_SMS_EXTRA", default={"type": "unicode"}),
}
if "sms" in SOBHA_REMINDER_CHANNELS and not (SOBHA_SMS["URL"] and SOBHA_SMS["API_KEY"]):
    raise ImproperlyConfigured("The sms reminder channel needs SOBHA_SMS_URL and SOBHA_SMS_API_KEY.")
if SOBHA_SMS["FORMAT"] not in ("json", "form"):
    raise ImproperlyConfigured("SOBHA_SMS_FORMAT must be json or form.")

# Printing documents (minutes/document/render.py): each print runs in a child process that is
# killed after its limit. Issued documents are printed by the worker once; a draft's PDF by the
# worker once per content, cached, while the page waits at most SOBHA_DRAFT_PDF_WAIT seconds.
SOBHA_RENDER_TIME_LIMIT = env.float("SOBHA_RENDER_TIME_LIMIT", default=60.0)
SOBHA_DRAFT_RENDER_TIME_LIMIT = env.float("SOBHA_DRAFT_RENDER_TIME_LIMIT", default=30.0)
SOBHA_DRAFT_PDF_WAIT = env.float("SOBHA_DRAFT_PDF_WAIT", default=3.0)
SOBHA_DRAFT_PDF_CACHE_SECONDS = env.int("SOBHA_DRAFT_PDF_CACHE_SECONDS", default=7 * 24 * 3600)

# The cache holds drafts' PDFs (by content hash), shared by the web server and the worker:
# files in var/ by default, e.g. CACHE_URL=redis://redis-host:6379/1 in production.
CACHES = {"default": env.cache_url("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}


# ---- Log-in lock-out (django-axes) -------------------------------------------------------------
# Failed log-ins are counted per user name (from any address) and per address (for any user name),
# each against its own limit (offices.lockout.LockoutHandler): AXES_FAILURE_LIMIT failures of one
# user name, or SOBHA_ADDRESS_FAILURE_LIMIT failures from one address, within the cool-off refuse
# the log-in, even with the right password, until AXES_COOLOFF_MINUTES have passed since the last
# failure. The address limit is higher because an office's officials share an address behind NAT;
# a failure while locked out does not restart the wait, so nobody can keep an address locked.
# Staff unlock early in the admin (Access attempts) or with `manage.py axes_reset_username NAME` /
# `axes_reset_ip ADDRESS`.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last, as axes asks: turns a lock-out into its page
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out log-in before the password check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "offices.lockout.LockoutHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
SOBHA_ADDRESS_FAILURE_LIMIT = env.int("SOBHA_ADDRESS_FAILURE_LIMIT", default=50)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
_cool_off_minutes = env.int("AXES_COOLOFF_MINUTES", default=15)
AXES_COOLOFF_TIME = timedelta(minutes=_cool_off_minutes)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # in this order: LockoutHandler reads them so
AXES_RESET_ON_SUCCESS = False
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "offices.lockout.lockout_response"
# Addresses come from REMOTE_ADDR only. Behind reverse proxies that append to X-Forwarded-For, set
# SOBHA_TRUSTED_PROXIES to how many there are; never trust the header otherwise, as clients forge it.
# (django-ipware is not installed, so axes' AXES_IPWARE_* settings do nothing here.)
AXES_CLIENT_IP_CALLABLE = "offices.lockout.client_ip"
SOBHA_TRUSTED_PROXIES = env.int("SOBHA_TRUSTED_PROXIES", default=0)
if min(AXES_FAILURE_LIMIT, SOBHA_ADDRESS_FAILURE_LIMIT, _cool_off_minutes) < 1 or SOBHA_TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured(
        "AXES_FAILURE_LIMIT, SOBHA_ADDRESS_FAILURE_LIMIT and AXES_COOLOFF_MINUTES must be at least 1, "
        "SOBHA_TRUSTED_PROXIES at least 0."
    )
