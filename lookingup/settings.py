"""LOOKING UP settings: one module, read from the environment.

Every variable is listed in README.md. The defaults are for development: SQLite, an embedded
Celery broker on the file system and mail written to files, all under the git-ignored ``var/``.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    """A string setting; ``NAME_FILE`` points at a file holding it (Docker secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if not value:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# --- Core
DEBUG = env_bool("DEBUG", default=False)
# Set by pytest (pyproject.toml): production defaults, but plain HTTP on loopback.
TESTING = env_bool("TESTING", default=False)
DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env("SECRET_KEY") or (DEV_SECRET_KEY if DEBUG or TESTING else "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is required when DEBUG is off. Set SECRET_KEY (or SECRET_KEY_FILE)."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# allauth's emails and pages name the site; lookingup/site.py keeps the sites row in step.
SITE_NAME = env("SITE_NAME", "LOOKING UP")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django_countries",
    "csp",
    "allauth",
    "allauth.account",
    "simple_history",
    "lookingup",
    "participants",
    "programmes",
    "sessions_app",
    "goodpractices",
    "certificates",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Records who made each change kept in a model's history (attendance).
    "simple_history.middleware.HistoryRequestMiddleware",
    "participants.middleware.PreferredLanguageMiddleware",
    "lookingup.middleware.SignInNeedsCacheMiddleware",
]

ROOT_URLCONF = "lookingup.urls"
WSGI_APPLICATION = "lookingup.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lookingup.context_processors.site",
            ],
        },
    },
]

# --- Database
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite in WAL mode lets the web process and the worker read while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    if TESTING:
        # A file rather than memory, so that a real Celery worker (tests/integration) can open
        # the test database; one per pytest process, so that parallel runs never share one.
        DATABASES["default"]["TEST"] = {
            "NAME": str((VAR_DIR / f"test-{os.getpid()}.sqlite3").resolve())
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (allauth's rate limits need a real, shared one in production)
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to "no cache" while Redis is down (lookingup/cache_backends.py).
            "BACKEND": "lookingup.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs must not hang the pages: give up on it quickly.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions are read from the cache and written through to the database: a signed-in request
# saves a query, and a cache flush loses no session.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Authentication
AUTH_USER_MODEL = "participants.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
if TESTING:
    # Hashing is deliberately slow; the suite creates hundreds of users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# After signing in, and after confirming the email address: My space, not the home page.
LOGIN_REDIRECT_URL = "participants:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# Sign-up asks for the profile (organisation, role, country, consent): participants/forms.py.
ACCOUNT_SIGNUP_FORM_CLASS = "participants.forms.SignupForm"
# Its mails go through the outbox like every other (participants/adapter.py).
ACCOUNT_ADAPTER = "participants.adapter.AccountAdapter"
# Bump when the privacy notice changes: everyone accepts the new text before enrolling again.
PRIVACY_NOTICE_VERSION = env("PRIVACY_NOTICE_VERSION", "2024-04")
# Invitation links to invitation-only programmes stay valid this many days.
INVITATION_MAX_AGE_DAYS = env_int("INVITATION_MAX_AGE_DAYS", 30)
# Certificates: the Ed25519 key that signs the Open Badges credentials (base64url of the
# 32-byte seed, or PEM); derived from SECRET_KEY when unset. See certificates/credentials.py.
CERTIFICATE_SIGNING_KEY = env("CERTIFICATE_SIGNING_KEY")
# Lookups on the public verification page per client address and hour.
CERTIFICATE_VERIFICATIONS_PER_HOUR = env_int("CERTIFICATE_VERIFICATIONS_PER_HOUR", 60)
# Behind a reverse proxy every request comes from the proxy's address: allauth must read the
# client's from X-Forwarded-For, trusting as many proxies as stand in front (docker-compose: 1).
# Never set it without a proxy that overwrites the header, or clients choose their address.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# allauth's own defaults (login failures, sign-ups, resets per IP and per key) stay on;
# ACCOUNT_RATE_LIMITS is only ever tightened, never switched off.

# --- Internationalisation
LANGUAGE_CODE = "it"
LANGUAGES = [
    ("it", _("Italian")),
    ("en", _("English")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
]
# LOCALE_DIR lets the catalogue test extract strings into a scratch copy.
LOCALE_PATHS = [Path(env("LOCALE_DIR", str(BASE_DIR / "locale")))]
TIME_ZONE = env("TIME_ZONE", "Europe/Rome")
USE_I18N = True
# Our corrections to Django's date formats; month and weekday names: lookingup/formats/.
FORMAT_MODULE_PATH = ["lookingup.formats"]
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "it"
MODELTRANSLATION_LANGUAGES = ("it", "en", "fr", "pt")
# An untranslated field falls back to the other languages, Italian first; a model may name
# its own original language first (programmes do, see programmes/translation.py).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("it", "en", "fr", "pt")}

# --- Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Largest accepted upload (lookingup/uploads.py); the proxy in docker-compose allows a bit more.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 25 * 1024 * 1024)
# Files only a view hands out after a permission check (partners-only materials): outside
# MEDIA_ROOT, so no URL reaches them. "django" streams them from the view itself; "proxy" answers
# with X-Accel-Redirect to PRIVATE_MEDIA_INTERNAL_URL, which the proxy maps to this directory.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "protected")))
PRIVATE_MEDIA_SERVING = env("PRIVATE_MEDIA_SERVING", "django" if DEBUG or TESTING else "proxy")
if PRIVATE_MEDIA_SERVING not in {"django", "proxy"}:
    raise ImproperlyConfigured("PRIVATE_MEDIA_SERVING must be 'django' or 'proxy'.")
PRIVATE_MEDIA_INTERNAL_URL = "/protected/"

# --- Maps (good-practice library): tiles from this server; empty for no tiles at all
MAP_TILE_URL = env("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors (openstreetmap.org/copyright)"
)


# --- Email
def _email_settings(url: str) -> dict:
    """Translate EMAIL_URL (smtp://, smtp+tls://, smtps://, file://, console://) to settings."""
    parsed = urlparse(url)
    if parsed.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parsed.scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": parsed.path or str(VAR_DIR / "mail"),
        }
    if parsed.scheme in {"smtp", "smtp+tls", "smtps"}:
        query = parse_qs(parsed.query)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parsed.hostname or "localhost",
            "EMAIL_PORT": parsed.port or {"smtps": 465, "smtp+tls": 587}.get(parsed.scheme, 25),
            "EMAIL_HOST_USER": unquote(parsed.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
            "EMAIL_USE_TLS": parsed.scheme == "smtp+tls",
            "EMAIL_USE_SSL": parsed.scheme == "smtps",
            "EMAIL_TIMEOUT": int(query.get("timeout", ["10"])[0]),
        }
    raise ImproperlyConfigured(f"EMAIL_URL has an unknown scheme: {parsed.scheme!r}")


globals().update(_email_settings(env("EMAIL_URL", f"file://{VAR_DIR / 'mail'}")))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "LOOKING UP <noreply@lookingup.localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# The outbox (lookingup/outbox.py): how mail is retried, swept and paced.
OUTBOX_SWEEP_SECONDS = env_int("OUTBOX_SWEEP_SECONDS", 60)
OUTBOX_LEASE_SECONDS = env_int("OUTBOX_LEASE_SECONDS", 300)
OUTBOX_BATCH_SIZE = env_int("OUTBOX_BATCH_SIZE", 50)
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 6)
OUTBOX_RETRY_SECONDS = env_int("OUTBOX_RETRY_SECONDS", 60)
# Reminders and change notices (sessions_app/notices.py): how often beat scans for them, and
# how long edits of a session settle before its participants are told (one mail for them all).
REMINDER_SCAN_SECONDS = env_int("REMINDER_SCAN_SECONDS", 300)
CHANGE_NOTICE_DELAY_MINUTES = env_int("CHANGE_NOTICE_DELAY_MINUTES", 10)
# The mail provider's limit, per worker process; 0 sends as fast as the server accepts.
EMAIL_RATE_PER_SECOND = float(env("EMAIL_RATE_PER_SECOND", "0"))

# --- Celery
# Without a broker URL, kombu's file-system transport under var/ is an embedded broker: the
# demo's worker and beat really run, with no server to install.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    _queue_dir = VAR_DIR / "celery" / "queue"
    _queue_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
# Every task is idempotent (the outbox's claims, unique keys): a task whose worker died is
# delivered again rather than lost, whether the pool child or the whole worker was killed.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# The hour (site time) at which coordinators who chose it get their digest of pending requests.
APPROVAL_DIGEST_HOUR = env_int("APPROVAL_DIGEST_HOUR", 8)
# Every periodic task is a scan that can run late, twice or concurrently without harm: one
# that waited longer than its own interval is superseded by the next and expires.
CELERY_BEAT_SCHEDULE: dict = {
    "deliver-due-mail": {
        "task": "lookingup.deliver_due_mail",
        "schedule": OUTBOX_SWEEP_SECONDS,
        "options": {"expires": OUTBOX_SWEEP_SECONDS},
    },
    # Coordinators who chose a daily digest of requests awaiting approval (participants).
    "approval-digests": {
        "task": "participants.send_approval_digests",
        "schedule": crontab(hour=APPROVAL_DIGEST_HOUR, minute=0),
        "options": {"expires": 3600},
    },
    "queue-due-reminders": {
        "task": "sessions_app.queue_due_reminders",
        "schedule": REMINDER_SCAN_SECONDS,
        "options": {"expires": REMINDER_SCAN_SECONDS},
    },
    "send-change-notices": {
        "task": "sessions_app.send_change_notices",
        "schedule": REMINDER_SCAN_SECONDS,
        "options": {"expires": REMINDER_SCAN_SECONDS},
    },
    "send-weekly-digests": {
        "task": "participants.send_weekly_digests",
        # Mondays at 07:00 in the site's time zone (CELERY_TIMEZONE).
        "schedule": crontab(minute=0, hour=7, day_of_week=1),
        "options": {"expires": 6 * 3600},
    },
}
CELERY_TIMEZONE = TIME_ZONE

# --- Security
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and not TESTING:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=True)
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading binds the whole domain for months: an operator opts in on purpose, so the
        # deploy check's reminder is silenced rather than the default switched on.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    # Behind a TLS-terminating proxy (docker-compose, most hosts) the scheme comes in a header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
_tile_origin = (
    "{0.scheme}://{0.netloc}".format(urlparse(MAP_TILE_URL.replace("{s}", "*")))
    if MAP_TILE_URL
    else ""
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The map page's tiles come from MAP_TILE_URL's server.
        "img-src": [SELF, "data:", *([_tile_origin] if _tile_origin else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Logging: to stderr, where containers and systemd collect it
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

CSRF_FAILURE_VIEW = "lookingup.views.csrf_failure"

# Histories (attendance) are for auditors to read: nobody reverts a row from its history.
SIMPLE_HISTORY_REVERT_DISABLED = True
