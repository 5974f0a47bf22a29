"""Asking for a file as a person does: the worker makes it once the request commits
(tasks run at once in tests), and asking again downloads the stored file."""

from typing import Any


def fetch_built(client: Any, url: str, capture: Any) -> Any:
    """The response that serves the file `url` asks for, after the worker made it."""
    with capture(execute=True):
        asked = client.get(url)
    assert asked.status_code == 302, asked.status_code
    served = client.get(url, follow=True)
    assert served.streaming, "the file was not made"
    return served


def content(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def page_built(client: Any, url: str, capture: Any) -> Any:
    """A page whose body the worker builds (a draft report's): asked for once, the build
    runs as the request commits, and the page asked for again shows it."""
    with capture(execute=True):
        asked = client.get(url)
    assert asked.status_code == 200, asked.status_code
    return client.get(url)
