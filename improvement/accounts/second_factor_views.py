"""The second factor's pages: the code after the password (or a recovery code), setting
up an authenticator app, and the recovery codes, shown once."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from improvement.accounts import second_factor
from improvement.accounts.forms import CodeForm, RecoveryCodeForm
from improvement.core.forms import bound, run_service

SETUP_KEY = "ib_otp_setup_key"
CODES_KEY = "ib_otp_recovery_codes"
WRONG_CODE = "The code is not correct. Enter the 6-digit code from your authenticator app"
WRONG_RECOVERY = "The recovery code is not correct, or it has been used. Check it and try again"


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next(request)})}"


def _too_many(wait: int) -> str:
    return (
        f"You entered a wrong code too many times. Wait {wait} "
        f"second{'s' if wait != 1 else ''}, then try again"
    )


def _check(request: HttpRequest, form: Any, device: Any, wrong: str) -> bool:
    """Check the form's code against the device, putting any refusal on the form."""
    wait = second_factor.wait_seconds(device)
    if wait:
        form.add_error("code", _too_many(wait))
        return False
    if not second_factor.check_code(device, form.cleaned_data["code"]):
        form.add_error("code", wrong)
        return False
    request.session.cycle_key()
    otp_login(request, device)
    return True


def _signed_in(request: HttpRequest) -> HttpResponse:
    return redirect(_next(request))


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """After the password: the 6-digit code from the person's authenticator app."""
    device = second_factor.app_device(request.user)
    if request.user.is_verified() or device is None:
        return _signed_in(request)
    form = bound(request, CodeForm)
    if request.method == "POST" and form.is_valid() and _check(request, form, device, WRONG_CODE):
        return _signed_in(request)
    return render(
        request,
        "registration/second_factor_code.html",
        {"form": form, "next": _next(request), "recovery": False},
    )


@login_required
def verify_recovery(request: HttpRequest) -> HttpResponse:
    """Instead of the app's code: one of the recovery codes, which then stops working."""
    device = second_factor.recovery_device(request.user)
    if request.user.is_verified() or second_factor.app_device(request.user) is None:
        return _signed_in(request)
    form = bound(request, RecoveryCodeForm)
    if (
        request.method == "POST"
        and form.is_valid()
        and device is not None
        and _check(request, form, device, WRONG_RECOVERY)
    ):
        left = second_factor.recovery_codes_left(request.user)
        messages.warning(
            request,
            f"You used a recovery code. You have {left} left: "
            "get new ones from your second factor page if you are running low",
        )
        return _signed_in(request)
    if request.method == "POST" and form.is_valid() and device is None:
        form.add_error("code", WRONG_RECOVERY)
    return render(
        request,
        "registration/second_factor_code.html",
        {"form": form, "next": _next(request), "recovery": True},
    )


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """The person's own second factor: set it up, or get new recovery codes."""
    user = request.user
    return render(
        request,
        "accounts/second_factor.html",
        {
            "has_app": second_factor.has_second_factor(user),
            "required": second_factor.required_for(user),
            "codes_left": second_factor.recovery_codes_left(user),
        },
    )


@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """Scan the QR code (or type the key), then confirm with a code from the app."""
    user = request.user
    if second_factor.has_second_factor(user):
        return redirect("otp_overview")
    key = request.session.get(SETUP_KEY) or second_factor.new_secret()
    request.session[SETUP_KEY] = key
    form = bound(request, CodeForm)
    if request.method == "POST" and form.is_valid():
        result = run_service(
            form, lambda: second_factor.set_up(user, key, form.cleaned_data["code"])
        )
        if result is not None:
            device, codes = result
            request.session.cycle_key()
            otp_login(request, device)
            request.session.pop(SETUP_KEY, None)
            request.session[CODES_KEY] = codes
            messages.success(request, "Your authenticator app is set up")
            return redirect(_with_next("otp_recovery_codes", request))
    return render(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "next": _next(request),
            "qr_code": second_factor.qr_code_svg(user, key),
            "secret": second_factor.secret_as_text(key),
            "required": second_factor.required_for(user),
        },
    )


@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The ten new recovery codes, shown this once: reloading the page does not show them."""
    codes = request.session.pop(CODES_KEY, None)
    if not codes:
        return redirect("otp_overview")
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next(request)})


@login_required
@require_POST
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    if not request.user.is_verified():
        return redirect("otp_overview")
    codes = second_factor.new_recovery_codes(request.user)
    request.session[CODES_KEY] = codes
    return redirect(_with_next("otp_recovery_codes", request))
