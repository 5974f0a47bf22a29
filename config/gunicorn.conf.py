# ruff: noqa: N999 - gunicorn's own name for its settings file
"""gunicorn's settings for the web process: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Threaded workers (gthread): a slow request holds one thread, not a whole process,
so the pages others ask for meanwhile are not queued behind it. Nothing slow is
done in a request at all: files and imports are made by the worker (docs/adr/012),
and the public site has a pool of its own (docs/adr/018). Each value can be changed
by a variable.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "gthread"
# Processes x threads is how many requests run at once. Threads cost little and
# cover the time a request waits on the database, but a process's threads share one
# interpreter lock: pages busy in Python slow each other, and only processes add
# computing (about 150 MB each). Set WEB_CONCURRENCY to the cores the service has,
# plus one; it is not read from the machine, whose cores a container may not have.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# With threads this is not a limit on a request: it is how long a process may stop
# answering gunicorn (stuck, out of memory) before it is killed and replaced. A slow
# request is bounded by the database's statement_timeout (README "Running in
# production") and the proxy's read timeout.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On a restart or deploy, requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Renew each worker now and then, so slow memory growth never becomes an outage.
max_requests = 2000
max_requests_jitter = 200
# The worker needs no shared directory, the control socket no home directory.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
control_socket_disable = True

# X-Forwarded-Proto is believed from these addresses only: the reverse proxy's.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs to stdout/stderr as JSON lines beside Django's (config/settings.py LOGGING).
# The access line names the path without its query string (%(U)s) and no client
# address or user agent: the application's own line holds the person's id.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = (
    '{"logger": "gunicorn.access", "request_id": "%({x-request-id}o)s", '
    '"method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"duration_ms": %(M)s, "bytes": "%(B)s"}'
)
# gunicorn's own lines (start, stop, a worker timing out) as JSON too; the access
# line above is JSON already, so it is written as it is.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "improvement.core.logs.JsonFormatter"},
        "as_is": {"format": "%(message)s"},
    },
    "handlers": {
        "error": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        },
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "as_is",
            "stream": "ext://sys.stdout",
        },
    },
    # Django's LOGGING takes the root over once the application loads.
    "root": {"handlers": ["error"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["error"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}
