"""The Redis cache, degrading to per-process memory while Redis does not answer.

With Redis down, Django's RedisCache raises on every call, and every page that reads the
cache (template fragments, allauth's and our rate limits) is a 500. This backend answers
from a local-memory cache of the process instead, so pages still render and rate limits
still hold per worker, logs the outage once, and tries Redis again every RETRY_SECONDS:
when Redis answers again it is used again, without restarting the worker. What was
written to memory during the outage is not copied back (a cache may forget).

Short socket timeouts, so a dead or hung Redis costs at most about a second a request
before the next RETRY_SECONDS are served from memory.

One connection pool and one client per process and server: Django makes a cache object
per thread and, under ASGI, per request, and each would open its own pool, so every
request opened a new connection to Redis (and left it to the garbage collector); and
Django's client builds a redis.Redis for every call, which redis-py 8 makes costly (it
fills a table of some 170 reply parsers each time).
"""

import logging
import threading
import time

import redis
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
REDIS_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)
DEFAULT_OPTIONS = {
    "socket_connect_timeout": 0.5,
    "socket_timeout": 0.5,
    # One immediate retry on a broken connection (a pooled socket Redis closed when it
    # restarted); none on a timeout, which would only double the wait on a hung Redis.
    "retry": Retry(NoBackoff(), 1, supported_errors=(redis.exceptions.ConnectionError,)),
}


class _Outage:
    """Whether the Redis at one location is taken as down, shared by every thread."""

    def __init__(self, location):
        self.location = location
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0

    def use_memory(self):
        """True while down and not yet time to try Redis again."""
        return self.down and time.monotonic() < self.retry_at

    def failed(self, error):
        with self.lock:
            if not self.down:
                logger.error(
                    "cache: Redis at %s does not answer (%s); serving this process's "
                    "memory until it answers again",
                    self.location,
                    error,
                )
            self.down = True
            self.retry_at = time.monotonic() + RETRY_SECONDS

    def answered(self):
        if not self.down:
            return
        with self.lock:
            if self.down:
                self.down = False
                logger.warning("cache: Redis at %s answers again", self.location)


_outages = {}
_outages_lock = threading.Lock()


def _outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, _Outage(location))


def _degrading(name):
    def method(self, *args, **kwargs):
        if self._outage.use_memory():
            return getattr(self._memory, name)(*args, **kwargs)
        try:
            result = getattr(super(DegradingRedisCache, self), name)(*args, **kwargs)
        except REDIS_ERRORS as error:
            self._outage.failed(error)
            return getattr(self._memory, name)(*args, **kwargs)
        self._outage.answered()
        return result

    method.__name__ = name
    return method


_clients = {}
_clients_lock = threading.Lock()


class SharedPoolClient(RedisCacheClient):
    """Django's Redis client, taking its redis.Redis clients (and so their connection
    pools) from one registry per process: redis-py's clients and pools are thread-safe,
    and a pool makes new connections after a fork."""

    def _shared(self, write):
        index = self._get_connection_pool_index(write)
        key = (self._servers[index], repr(sorted(self._pool_options.items())))
        client = _clients.get(key)
        if client is None:
            with _clients_lock:
                client = _clients.get(key)
                if client is None:
                    pool = self._pool_class.from_url(self._servers[index], **self._pool_options)
                    client = _clients[key] = self._client(connection_pool=pool)
        return client

    def _get_connection_pool(self, write):
        return self._shared(write).connection_pool

    def get_client(self, key=None, *, write=False):
        return self._shared(write)


class DegradingRedisCache(RedisCache):
    """RedisCache that falls back to a per-process LocMemCache while Redis is down."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = SharedPoolClient
        location = server if isinstance(server, str) else ",".join(server)
        self._outage = _outage_for(location)
        # LocMemCache keeps its data per name at module level: every thread's instance of
        # this backend shares one memory per process.
        self._memory = LocMemCache(
            f"degraded-redis:{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "KEY_FUNCTION": params.get("KEY_FUNCTION"),
                "OPTIONS": {"MAX_ENTRIES": 10_000},
            },
        )

    # Every operation RedisCache defines; BaseCache's others (get_or_set, decr, the
    # async variants...) are built on these.
    add = _degrading("add")
    get = _degrading("get")
    set = _degrading("set")
    touch = _degrading("touch")
    delete = _degrading("delete")
    get_many = _degrading("get_many")
    has_key = _degrading("has_key")
    incr = _degrading("incr")
    set_many = _degrading("set_many")
    delete_many = _degrading("delete_many")
    clear = _degrading("clear")
