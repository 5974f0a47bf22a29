"""The container's health check: exit 0 when /healthz answers 200, else 1.

`python config/healthcheck.py` inside the web container. It asks gunicorn directly,
as the reverse proxy would: with a Host the service accepts (the first of
ALLOWED_HOSTS) and X-Forwarded-Proto: https, so /healthz needs no exemption from
the HTTPS redirect. Only the standard library: it runs before Django is loaded.
"""

import os
import sys
import urllib.error
import urllib.request


def main() -> int:
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    host = hosts[0].lstrip(".") if hosts and hosts[0] != "*" else "localhost"
    port = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").rsplit(":", 1)[-1]
    request = urllib.request.Request(  # noqa: S310 - a fixed local http URL
        f"http://127.0.0.1:{port}/healthz",
        headers={"Host": host, "X-Forwarded-Proto": "https"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as exc:
        print(f"healthz: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
