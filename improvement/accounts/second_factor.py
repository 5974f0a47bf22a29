"""The second factor: an authenticator app (TOTP) and ten one-time recovery codes,
kept by django-otp. Who must have one, setting it up, checking a code, and the
council administrator's reset (docs/adr/015).
"""

import base64
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from improvement.accounts.models import Role
from improvement.core import access, audit
from improvement.core.actors import require_actor
from improvement.core.models import Council

MANAGE = "accounts.manage_people"
RECOVERY_CODE_COUNT = 10
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"

# Every role that reads personal data (complaints, case-level Annex A, evidence) or
# exempt papers must use a second factor; an action owner in a partner agency reads
# the plan and their own actions, and may choose one (docs/adr/015).
REQUIRED_ROLES = frozenset(
    {
        Role.BOARD_MANAGER,
        Role.CHAIR,
        Role.BOARD_MEMBER,
        Role.COUNCILLOR,
        Role.COMPLAINTS_MANAGER,
        Role.PERFORMANCE_OFFICER,
        Role.COUNCIL_ADMIN,
    }
)


def required_for(user: Any) -> bool:
    """Whether this person must use a second factor before any council page."""
    if not settings.OTP_REQUIRED:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return user.memberships.filter(role__in=REQUIRED_ROLES).exists()


def app_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_device(user: Any) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def has_second_factor(user: Any) -> bool:
    return app_device(user) is not None


def new_secret() -> str:
    """A fresh 20-byte key, as hex (how django-otp stores it)."""
    return random_hex(20)


def secret_as_text(key_hex: str) -> str:
    """The key as an authenticator app takes it typed in: base32, in groups of four."""
    text = base64.b32encode(bytes.fromhex(key_hex)).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_code_svg(user: Any, key_hex: str) -> str:
    """The set-up link as a QR code, drawn as inline SVG: nothing leaves the server."""
    # Imported here, on the one page that draws it: qrcode costs every process that
    # starts (this module loads with the app) some tens of milliseconds.
    import qrcode
    import qrcode.image.svg

    url = TOTPDevice(user=user, key=key_hex, name=APP_NAME).config_url
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = re.sub(
        r'width="[^"]*" height="[^"]*"',
        'width="200" height="200"',
        image.to_string(encoding="unicode"),
        count=1,
    )
    label = escape("QR code to scan with your authenticator app")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def code_is_right(key_hex: str, code: str) -> bool:
    """Whether a code matches a key not yet saved (the set-up check)."""
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return False
    totp = TOTP(bytes.fromhex(key_hex))
    return totp.verify(int(code), tolerance=1)


@transaction.atomic
def set_up(actor: Any, key_hex: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Save the person's authenticator app once they have shown a code from it, and
    give them ten new recovery codes (returned so they are shown once)."""
    require_actor(actor)
    if has_second_factor(actor):
        raise ValidationError("You already have a second factor set up")
    if not code_is_right(key_hex, code):
        raise ValidationError(
            {"code": "The code is not correct. Enter the 6-digit code your app shows now"}
        )
    TOTPDevice.objects.filter(user=actor).delete()
    device = TOTPDevice.objects.create(user=actor, name=APP_NAME, key=key_hex, confirmed=True)
    device.last_t = TOTP(bytes.fromhex(key_hex)).t()
    device.save(update_fields=["last_t"])
    codes = _replace_recovery_codes(actor)
    audit.record(actor, "second factor set up", actor, None, {"second_factor": True})
    return device, codes


@transaction.atomic
def new_recovery_codes(actor: Any) -> list[str]:
    """Replace the person's recovery codes with ten new ones; the old ones stop working."""
    require_actor(actor)
    if not has_second_factor(actor):
        raise ValidationError("Set up a second factor first")
    codes = _replace_recovery_codes(actor)
    audit.record(actor, "recovery codes replaced", actor, None, {"recovery_codes": len(codes)})
    return codes


def _replace_recovery_codes(user: Any) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def wait_seconds(device: Any) -> int:
    """How long the person must wait after too many wrong codes (0: they may try now)."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return 0
    until = (details or {}).get("locked_until")
    if until is None:
        return 1
    return max(1, int((until - timezone.now()).total_seconds() + 0.999))


def check_code(device: Any, code: str) -> bool:
    """Check a code against one device; django-otp throttles wrong codes, and a
    recovery code works once (it is deleted when used)."""
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        if not locked.verify_token(code.strip().replace(" ", "").lower()):
            return False
        # Proved by either means: earlier wrong codes on the other no longer count.
        for model in (TOTPDevice, StaticDevice):
            model.objects.filter(user_id=device.user_id).update(
                throttling_failure_count=0, throttling_failure_timestamp=None
            )
        return True


@transaction.atomic
def reset(actor: Any, council: Council, user: Any) -> int:
    """The council administrator removes a person's second factor (a lost phone):
    they set up a new one at their next sign-in."""
    access.require(actor, MANAGE, council)
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    audit.record(
        actor,
        "second factor reset",
        user,
        {"second_factor": True},
        {"devices_removed": removed},
        council,
    )
    return removed
