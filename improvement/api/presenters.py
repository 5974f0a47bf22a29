"""What the API's pages and lists show.

Meetings as a reader of the API may see them: an exempt item keeps its number and
title, as the printed agenda does, and is withheld unless the reader sees the body's
exempt items (the rule of the meeting pages, meetings.see_exempt)."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone


def item_record(item: Any, see_exempt: bool) -> dict[str, Any]:
    withheld = item.is_exempt and not see_exempt
    return {
        "id": item.pk,
        "number": item.number,
        "title": item.title,
        "exempt_paragraph": item.exempt_paragraph,
        "withheld": withheld,
        "description": "" if withheld else item.description,
        "report_author": "" if withheld else item.report_author,
        "minute": "" if withheld else item.minute,
        "decisions": [] if withheld else list(item.decisions.all()),
    }


def meeting_record(meeting: Any, see_exempt: bool) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "body": meeting.body,
        "body_kind": meeting.body.kind,
        "starts_at": meeting.starts_at,
        "location": meeting.location,
        "status": meeting.status,
        "agenda_published_on": meeting.agenda_published_on,
        "minutes_status": meeting.minutes_status,
        "items": [item_record(item, see_exempt) for item in meeting.items.all()],
        "decisions": [d for d in meeting.decisions.all() if d.item_id is None],
        "modified_at": meeting.modified_at,
    }


def _when(moment: Any) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y}"


@dataclass
class TokenRow:
    """A token as its owner's list shows it: which one, where it reaches, its state."""

    token: Any

    @property
    def reaches(self) -> str:
        return (
            self.token.council.name if self.token.council_id else "Every council you hold a role in"
        )

    @property
    def status(self) -> str:
        if self.token.is_revoked:
            return f"Revoked {_when(self.token.revoked_at)}"
        if self.token.is_expired:
            return f"Expired {_when(self.token.expires_at)}"
        return f"Expires {_when(self.token.expires_at)}"

    @property
    def status_colour(self) -> str:
        return "green" if self.token.is_usable else "grey"

    @property
    def last_used(self) -> str:
        token = self.token
        if token.last_used_at is None:
            return "Never"
        return f"{_when(token.last_used_at)} from {token.last_used_from or 'an unknown address'}"


def token_rows(tokens: Any) -> list[TokenRow]:
    return [TokenRow(token) for token in tokens]


def answers(data: dict[str, Any]) -> dict[str, str]:
    """The answers of the token form as the check page reads them."""
    council = data["council"]
    expires = timezone.localdate() + datetime.timedelta(days=data["days"])
    return {
        "name": data["name"],
        "reaches": council.name if council else "Every council you hold a role in",
        "expires": f"{expires:%-d %B %Y} ({data['days']} days)",
    }
