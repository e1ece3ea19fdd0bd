"""No new Redis connection per request (issue 16, point 1): Django makes a cache object per
thread, and under ASGI per request; each used to open its own connection pool, so every
request (the unread badge, the menu, rate limits) connected to Redis anew."""

import os
import threading

import pytest
import redis

from config.cache import DegradingRedisCache
from tests.conftest import need

REDIS_URL = os.environ.get("REDIS_URL", "")


def connections_received(client):
    return client.info("stats")["total_connections_received"]


def reachable(url):
    try:
        return redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except (redis.exceptions.ConnectionError, ValueError):
        return False


@pytest.fixture
def redis_url():
    need(bool(REDIS_URL) and reachable(REDIS_URL), "no Redis at REDIS_URL")
    return REDIS_URL


def test_cache_objects_made_per_request_share_one_connection_pool(redis_url):
    probe = redis.Redis.from_url(redis_url)
    params = {"KEY_PREFIX": "connections-test"}
    DegradingRedisCache(redis_url, params).set("warm", 1)  # the process's pool, once
    before = connections_received(probe)

    def one_request():
        DegradingRedisCache(redis_url, params).get("warm")  # what each request's cache does

    for _ in range(20):
        thread = threading.Thread(target=one_request)
        thread.start()
        thread.join()

    assert connections_received(probe) - before <= 1  # the probe's own, if any


def test_caches_of_other_servers_or_options_keep_their_own_pools(redis_url):
    first = DegradingRedisCache(redis_url, {})
    other_db = redis_url.rsplit("/", 1)[0] + "/15"
    second = DegradingRedisCache(other_db, {})

    assert first._cache._get_connection_pool(write=True) is not second._cache._get_connection_pool(
        write=True
    )
    assert first._cache._get_connection_pool(write=True) is DegradingRedisCache(
        redis_url, {}
    )._cache._get_connection_pool(write=True)
