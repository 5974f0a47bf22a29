"""/healthz: can this installation do its work? The database answers a query, media
storage takes and gives up a small file, and the worker has been seen lately.

For load balancers and container health checks: no sign-in, nothing personal in the
answer (each check says only ok or what kind of failure), 200 when all pass, 503
otherwise. The worker records its heartbeat in the shared cache (the database cache
by default, Redis where configured), so every web process sees the same one.
"""

import time
import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

HEARTBEAT_KEY = "worker-heartbeat"
# The worker writes at most this often: a write per turn of its loop would be a
# database write a second on the default cache.
BEAT_EVERY_SECONDS = 15
_last_beat = 0.0


def beat(force: bool = False) -> None:
    """Record that the worker is alive (the wall-clock time, for every process to read)."""
    global _last_beat
    now = time.monotonic()
    if force or now - _last_beat >= BEAT_EVERY_SECONDS:
        cache.set(HEARTBEAT_KEY, time.time(), None)
        _last_beat = now


def worker_age() -> float | None:
    """Seconds since the worker's last heartbeat; None if it has never beaten."""
    seen = cache.get(HEARTBEAT_KEY)
    return None if seen is None else max(0.0, time.time() - float(seen))


def check_database() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure is the answer
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True}


def check_media() -> dict[str, Any]:
    try:
        name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
        default_storage.delete(name)
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True}


def check_worker() -> dict[str, Any]:
    try:
        age = worker_age()
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": type(exc).__name__}
    if age is None:
        return {"ok": False, "error": "no heartbeat recorded"}
    limit = settings.HEALTH_WORKER_STALE_SECONDS
    result: dict[str, Any] = {"ok": age <= limit, "seconds_since_heartbeat": round(age)}
    if age > limit:
        result["error"] = f"stale: no heartbeat for over {limit} seconds"
    return result


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {
        "database": check_database(),
        "media": check_media(),
        "worker": check_worker(),
    }
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks},
        status=200 if healthy else 503,
    )
