"""Settings for the SSE Asia platform: one module, driven by the environment.

With nothing set, the project runs on the embedded default (SQLite, in-memory channel
layer, console e-mail, local-memory cache) with DEBUG on. In production set at least
DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL and REDIS_URL; the
README lists every variable.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
EMBEDDED = not DATABASE_URL

# DEBUG is on by default only for the embedded default, never for a real database.
DEBUG = env_bool("DJANGO_DEBUG", default=EMBEDDED)

# This key is public (it is in the repository): good for a laptop, refused in production.
INSECURE_SECRET_KEY = "django-insecure-sse-asia-development-key-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "") or INSECURE_SECRET_KEY
if not DEBUG and (SECRET_KEY == INSECURE_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters when "
        "DEBUG is off. Generate one with: python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))'"
    )

# The address the site is served on, which every e-mail's links use (allauth's too: see
# accounts/adapters.py). `make run` sets it from HOST and PORT unless it is set.
SITE_URL = (os.environ.get("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")
# Served over HTTPS (secure cookies, HSTS, redirect to https://) whenever DEBUG is off,
# but for the embedded default on a plain http:// SITE_URL: `make run` on a laptop, which
# serves the production profile (DEBUG off) on http://127.0.0.1:8000/.
HTTPS = not DEBUG and not (EMBEDDED and urlsplit(SITE_URL).scheme == "http")
# This machine's names, and SITE_URL's, for the development profile and `make run`; in
# production only what DJANGO_ALLOWED_HOSTS lists.
LOCAL_HOSTS = list(dict.fromkeys(["127.0.0.1", "localhost", "[::1]", urlsplit(SITE_URL).hostname]))
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=LOCAL_HOSTS if DEBUG or EMBEDDED else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "home",
    "search",
    "courses",
    "courses.workshops",
    "forum",
    "cop",
    "cop.activities",
    "cop.assessment",
    "core",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.WagtailUsersAppConfig",  # wagtail.users, with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "simple_history",
    "channels",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # its translated "5 minutes ago" (core.times.relative)
]

MIDDLEWARE = [
    # Static files never come this far: config/static.py answers for them before Django.
    "django.middleware.security.SecurityMiddleware",
    # Pages (text: HTML, JSON, CSV, calendars) compressed for clients that accept gzip,
    # with Django's BREACH mitigations (random padding, CSRF tokens masked per response);
    # a page that holds a CSRF token not for a request another site started
    # (config/middleware.py says why).
    "config.middleware.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "config.middleware.RequestTextGuardMiddleware",  # 400 for NUL, lone surrogates, bad UTF-8
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # who changed a tracked row
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so every middleware above runs on a cached page as on a rendered one.
    "core.pagecache.AnonymousPageCacheMiddleware",  # anonymous readers' pages from the cache
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL)
    if DATABASE_URL
    else {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
        # Concurrent writers (ASGI requests and consumers run in threads) wait their turn
        # instead of failing with "database is locked": WAL lets readers go on during a
        # write, IMMEDIATE takes the write lock when a transaction begins (not halfway,
        # where SQLite cannot wait for it), and a writer waits up to 20 s for the lock.
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A connection pool per process (psycopg_pool): under ASGI every request and consumer
    # call would otherwise open a new PostgreSQL connection. Sized for one worker.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2,
        "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "10")),
        "timeout": 10,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            # RedisCache that serves per-process memory while Redis does not answer.
            "BACKEND": "config.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sse",
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # socket_timeout None: redis-py 8's 5 s default races the layer's own 5 s
                # blocking read and kills idle consumers (channels_redis#422).
                # max_connections: redis-py's async pool refuses (MaxConnectionsError) past
                # its limit, which a mass disconnect of a few hundred clients reached.
                "hosts": [{"address": REDIS_URL, "socket_timeout": None, "max_connections": 1000}],
                "prefix": "sse",
                "capacity": 1500,
                "expiry": 60,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # The default capacity (100) drops messages to a busy consumer; match Redis's.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels.layers.InMemoryChannelLayer",
            "CONFIG": {"capacity": 1500},
        }
    }

# Background jobs (Wagtail 8 uses django-tasks). Immediate until a DB worker is deployed.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Accounts ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Logging in returns to the page that asked for it (`next`, when safe: the adapter's
# is_safe_url), else to the home page, which is a member's dashboard.
LOGIN_REDIRECT_URL = "/"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming the e-mail signs the new member in: allauth does it in the browser that
# signed up (and then honours the `next` given at signup); the adapter does it in any
# other browser too, for an account that has never signed in (the link works once).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupProfileForm"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[SSE Asia] "
# Rate limits live in the cache, so with REDIS_URL they hold across every worker.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_email": "1/m/user",
    "manage_email": "10/m/user",
    "change_password": "5/m/user",
}

# Anonymous readers' pages come from the cache (core.pagecache) for at most this many
# seconds (publishing, posting and moderation drop them sooner); 0 turns it off, the
# default in development so that template edits show at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "120"))

# Community spaces: at most this many messages per person in 10 seconds (the benchmark
# raises it to measure throughput).
SPACES_MESSAGES_PER_10_SECONDS = int(os.environ.get("SPACES_MESSAGES_PER_10_SECONDS", "10"))

# Live connections (core.live), per worker process. A member may keep this many sockets
# open (tabs, devices) and an address this many (an office behind one NAT; the reverse
# proxy's limit_conn bounds it across workers); past them a new socket closes with 4429.
# A socket may send a burst of LIVE_FRAMES_BURST frames, then LIVE_FRAMES_PER_SECOND;
# frames beyond are refused as they arrive, and a socket that goes on is closed (1008).
# A socket the client has not sent a frame on for LIVE_IDLE_SECONDS is closed (4408;
# browsers ping every 25 s). Database work of live connections runs on its own pool of
# LIVE_DATABASE_THREADS threads (keep it under DATABASE_POOL_SIZE).
LIVE_MAX_SOCKETS_PER_USER = int(os.environ.get("LIVE_MAX_SOCKETS_PER_USER", "8"))
LIVE_MAX_SOCKETS_PER_ADDRESS = int(os.environ.get("LIVE_MAX_SOCKETS_PER_ADDRESS", "200"))
LIVE_FRAMES_BURST = int(os.environ.get("LIVE_FRAMES_BURST", "30"))
LIVE_FRAMES_PER_SECOND = float(os.environ.get("LIVE_FRAMES_PER_SECOND", "3"))
LIVE_IDLE_SECONDS = float(os.environ.get("LIVE_IDLE_SECONDS", "75"))
LIVE_DATABASE_THREADS = int(os.environ.get("LIVE_DATABASE_THREADS", "8"))
# A reconnect replays at most this many frames: in a space, a resync frame and then the
# latest ones, the older ones offered over HTTP ({"type": "resync", "oldest": <id>}).
# 200 replays in about 0.2 s whatever the history (1,000: about 1.2 s; docs/benchmarks.md).
LIVE_REPLAY_LIMIT = int(os.environ.get("LIVE_REPLAY_LIMIT", "200"))

# Forum: a new member's first posts wait for a moderator; this many members' flags hide a
# post until it is reviewed; at most this many posts a member in a minute.
FORUM_APPROVE_FIRST_POSTS = int(os.environ.get("FORUM_APPROVE_FIRST_POSTS", "2"))
FORUM_FLAGS_TO_HIDE = int(os.environ.get("FORUM_FLAGS_TO_HIDE", "3"))
FORUM_POSTS_PER_MINUTE = int(os.environ.get("FORUM_POSTS_PER_MINUTE", "6"))
# A follower of a busy topic gets one e-mail for the first unread reply, then the others
# together in one digest (`manage.py send_forum_digests`, from cron) at most this often.
FORUM_EMAIL_DIGEST_MINUTES = int(os.environ.get("FORUM_EMAIL_DIGEST_MINUTES", "60"))
# Workshops: a session's participants are reminded this many hours before it starts.
WORKSHOP_REMINDER_HOURS = int(os.environ.get("WORKSHOP_REMINDER_HOURS", "24"))

# --- Internationalisation ---------------------------------------------------------------
LANGUAGE_CODE = "en"
# Interface languages with a catalogue (locale/<code>/), each named in its own script: the
# programme's countries' languages, Russian (widely read in Kyrgyzstan), then the others.
# Add one here with its catalogue under locale/ (README, "Development").
LANGUAGES = [
    ("en", "English"),
    ("km", "ខ្មែរ"),
    ("lo", "ລາວ"),
    ("vi", "Tiếng Việt"),
    ("mn", "Монгол"),
    ("ky", "Кыргызча"),
    ("ru", "Русский"),
    ("th", "ไทย"),
    ("zh-hans", "简体中文"),
    ("id", "Bahasa Indonesia"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("ms", "Bahasa Melayu"),
    ("fil", "Filipino"),
]
# Django's own table of languages lacks Lao and Filipino, and names Khmer and Mongolian in
# English: each is named in its own script, as the switcher shows it.
LANG_INFO.update(
    {
        "km": {**LANG_INFO["km"], "name_local": "ខ្មែរ"},
        "mn": {**LANG_INFO["mn"], "name_local": "Монгол"},
        "lo": {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ລາວ"},
        "fil": {"bidi": False, "code": "fil", "name": "Filipino", "name_local": "Filipino"},
    }
)
# The catalogues a native speaker has reviewed (each catalogue's header says so too:
# X-Native-Review). The others are drafts, and /languages/ tells readers so.
REVIEWED_LANGUAGES = []
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date and time format per interface language (core/formats/<lang>/formats.py), which
# static/js/time.js prints too: "3 Mar 2027, 09:05" (core/times.py).
FORMAT_MODULE_PATH = ["core.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# --- Wagtail ----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "SSE Asia"
WAGTAILADMIN_BASE_URL = SITE_URL
# Staff sign in through allauth's login (its rate limits apply): see accounts/staff_login.py.
WAGTAILADMIN_LOGIN_URL = "staff_login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no outgoing request of any kind
# No Gravatar: the admin's avatars would be requests to another host (that the CSP blocks,
# and logs); editors get Wagtail's own default avatar, or the one they upload.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Django's default. Wagtail's project template raises it to 10,000 for "particularly
# complex page models"; ours need far less: the biggest editor form, the seeded "Final
# quiz" (14 questions), posts 372 fields (tests/config/test_upload_limits.py measures it).
# A quiz question with 8 options is 56 fields, so a quiz of about 17 such questions fits.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# --- Static and media -------------------------------------------------------------------
STATIC_URL = "/static/"
# Where collectstatic writes and the server reads (a benchmark or test collects elsewhere).
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Follow-up evidence: outside MEDIA_ROOT and the static root, never served as a file,
# only through the evidence view, which checks permission (cop/activities/evidence.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "evidence": {
        "BACKEND": "cop.activities.storage.PrivateStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    # collectstatic: hashed names (cached forever), a .gz and a .br beside each text file.
    "staticfiles": {"BACKEND": "servestatic.storage.CompressedManifestStaticFilesStorage"},
}
# Tests and a fresh checkout run without collectstatic: fall back to unhashed names.
SERVESTATIC_MANIFEST_STRICT = False


# --- E-mail -----------------------------------------------------------------------------
def parse_email_url(url):
    """smtp://user:password@host:587?tls=1 or smtps://... -> Django e-mail settings.

    Twelve lines instead of django-environ, which we would install for this alone.
    """
    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": parts.scheme == "smtp" and query.get("tls", "1") in {"1", "true"},
    }


if os.environ.get("EMAIL_URL"):
    globals().update(parse_email_url(os.environ["EMAIL_URL"]))
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "SSE Asia <no-reply@sse-asia.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ---------------------------------------------------------------------------
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
# Sessions in the database, read through the cache: a signed-in page needs no query for
# its session (a cache that forgets, or a Redis that is down, falls back to the table).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN
if HTTPS:
    # TLS ends at the reverse proxy, which must set X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # /healthz is probed over plain HTTP by load balancers inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^(healthz|livez)$"]

# One policy for the public site: nothing from outside, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # Lesson videos (Wagtail embeds) play from these providers' players only.
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Logging ----------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action and django-tasks every task at INFO.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # fontTools logs every font it subsets for a PDF (certificates, assessment results).
        "fontTools": {"level": "WARNING"},
    },
}
