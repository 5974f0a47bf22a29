"""Signing in with a council account: choosing the council, going to its identity
provider, and coming back (docs/adr/016)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache

from improvement.accounts import sso, sso_config
from improvement.accounts.models import SingleSignOn

NEXT_KEY = "ib_sso_next"
CHOOSE_ERROR = "Select your council"


def _enabled(slug: str) -> SingleSignOn:
    found = sso_config.enabled_for(slug)
    if found is None:
        raise Http404("No single sign-on for this council")
    return found


def _safe_next(request: HttpRequest, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _refused(request: HttpRequest, refusal: sso.Refused) -> HttpResponse:
    return render(request, "accounts/sso_refused.html", {"refusal": refusal}, status=403)


@never_cache
def choose(request: HttpRequest) -> HttpResponse:
    """Which council's account: straight on when one is chosen (or there is only one)."""
    councils = sso_config.enabled_councils()
    if not councils:
        raise Http404("No council offers single sign-on")
    chosen = request.GET.get("council", "")
    if len(councils) == 1 and not chosen:
        chosen = councils[0].slug
    next_url = _safe_next(request, request.GET.get("next", ""))
    if chosen in {council.slug for council in councils}:
        url = reverse("sso_start", args=[chosen])
        return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)
    error = CHOOSE_ERROR if "council" in request.GET else ""
    return render(
        request,
        "accounts/sso_choose.html",
        {"councils": councils, "error": error, "next": next_url},
    )


@never_cache
def start(request: HttpRequest, slug: str) -> HttpResponse:
    config = _enabled(slug)
    request.session[NEXT_KEY] = _safe_next(request, request.GET.get("next", ""))
    callback_url = request.build_absolute_uri(reverse("sso_callback", args=[slug]))
    try:
        return sso.start(request, config, callback_url)
    except sso.Refused as refusal:
        return _refused(request, refusal)


@never_cache
def callback(request: HttpRequest, slug: str) -> HttpResponse:
    config = _enabled(slug)
    next_url = request.session.pop(NEXT_KEY, "")
    try:
        sso.finish(request, config)
    except sso.Refused as refusal:
        return _refused(request, refusal)
    return redirect(next_url or reverse("board:start", args=[slug]))
