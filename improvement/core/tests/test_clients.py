"""The client's address behind our proxies, for sign-in lockout and rate limits."""

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory

from improvement.core.clients import client_address


def _request(forwarded: str = ""):
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)


def test_with_no_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(_request("203.0.113.1")) == "10.0.0.1"


def test_with_one_trusted_proxy_the_right_most_untrusted_entry_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote 6.6.6.6 itself; our proxy appended the address it heard from.
    assert client_address(_request("6.6.6.6, 203.0.113.1")) == "203.0.113.1"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (2, "6.6.6.6, 203.0.113.1, 10.0.0.2", "203.0.113.1"),
        (1, "", "10.0.0.1"),
        (3, "203.0.113.1", "203.0.113.1"),
    ],
)
def test_more_proxies_and_short_chains(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(_request(forwarded)) == expected


def test_sign_in_lockout_keys_on_the_same_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert get_client_ip_address(_request("6.6.6.6, 203.0.113.1")) == "203.0.113.1"
