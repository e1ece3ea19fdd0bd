import asyncio
import logging

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

HEALTH_TIMEOUT_SECONDS = 2.0


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    finally:
        # This runs in a thread of its own (below), not the request's: give the
        # connection back now, since no request_finished will close it here.
        connection.close()


# One small client per Redis host of the channel layer, made once per process (and event
# loop) and reused: a direct PING, not a message through the layer, whose receive waits on
# the same lock as every consumer of this worker (so a few idle sockets made it time out).
_redis_clients = {}


def _redis_client(host):
    import redis.asyncio  # noqa: PLC0415 - only a Redis channel layer needs the Redis client
    from channels_redis.utils import create_pool  # noqa: PLC0415 - only a Redis channel layer needs the Redis client
    from redis.asyncio.retry import Retry  # noqa: PLC0415 - only a Redis channel layer needs the Redis client
    from redis.backoff import NoBackoff  # noqa: PLC0415 - only a Redis channel layer needs the Redis client

    loop = asyncio.get_running_loop()
    key = repr(sorted(host.items(), key=lambda item: item[0]))
    made = _redis_clients.get(key)
    if made is None or made[0] is not loop:
        pool = create_pool(
            {
                **host,
                "socket_timeout": 1.0,
                "socket_connect_timeout": 1.0,
                "max_connections": 2,
                "retry": Retry(NoBackoff(), 1),
            }
        )
        made = (loop, redis.asyncio.Redis(connection_pool=pool))
        _redis_clients[key] = made
    return made[1]


def _layer_hosts(layer):
    """The Redis hosts a channels_redis layer uses; none for the in-memory layer."""
    if hasattr(layer, "hosts"):  # RedisChannelLayer
        return layer.hosts
    return [shard.host for shard in getattr(layer, "_shards", ())]  # RedisPubSubChannelLayer


async def _channel_layer_answers():
    """Every Redis the channel layer uses answers a PING (the in-memory layer is this
    process: it answers if we do)."""
    for host in _layer_hosts(get_channel_layer()):
        if not await _redis_client(host).ping():
            return False
    return True


async def _check(name, probe):
    try:
        ok = await asyncio.wait_for(probe(), HEALTH_TIMEOUT_SECONDS)
    except Exception:  # any failure of a dependency is "down", never a 500
        logger.exception("healthz: %s is not answering", name)
        ok = False
    return name, "ok" if ok else "down"


@never_cache
@require_safe
async def healthz(request):
    """Readiness: 200 with JSON when the database and the channel layer's Redis answer,
    503 otherwise (a load balancer sends no traffic to this worker while it is 503)."""
    checks = dict(
        await asyncio.gather(
            # Not the thread every consumer's database work queues on: its own.
            _check("database", sync_to_async(_database_answers, thread_sensitive=False)),
            _check("channel_layer", _channel_layer_answers),
        )
    )
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


@never_cache
@require_safe
def livez(request):
    """Liveness: 200 as long as this process serves requests, whatever its dependencies
    say (restart the worker when this fails, not when /healthz does)."""
    return JsonResponse({"status": "ok"})
