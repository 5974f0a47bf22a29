"""Reads of the forward plan, each taking the council so no view reaches another's records."""

from typing import Any

from improvement.core.models import Council
from improvement.forward_plan.models import DecisionComment, Edition, ForwardPlanSettings


def public_council(slug: str) -> Council | None:
    """A council by slug for the public pages of the plan (no sign-in)."""
    return Council.objects.filter(slug=slug).first()


def settings_for(council: Council) -> ForwardPlanSettings:
    """The council's settings, or the defaults (Peterborough's) when none are saved."""
    found = ForwardPlanSettings.objects.filter(council=council).first()
    return found or ForwardPlanSettings(council=council)


def register(council: Council) -> Any:
    return council.forward_decisions.register()


def decision_or_none(council: Council, pk: int) -> Any:
    return register(council).filter(pk=pk).first()


def editions(council: Council) -> Any:
    return council.forward_plan_editions.all()


def published_editions(council: Council) -> Any:
    return editions(council).published()


def current_edition(council: Council) -> Edition | None:
    """The latest published edition: it supersedes every earlier one."""
    return published_editions(council).first()


def draft_edition(council: Council) -> Edition | None:
    return editions(council).drafts().order_by("published_on").first()


def superseded_by(edition: Edition) -> Edition | None:
    if not edition.is_published:
        return None
    later = published_editions(edition.council).filter(published_on__gt=edition.published_on)
    return later.order_by("published_on").first()


def entries_of(edition: Edition) -> list[Any]:
    return list(
        edition.entries.select_related("decision", "decision__scrutiny").order_by(
            "part", "previously_advertised", "decision__position", "decision_id"
        )
    )


def publicly_listed(council: Council, pk: int) -> Any:
    """A decision the public may comment on: one printed in a published edition."""
    return council.forward_decisions.publicly_listed().filter(pk=pk).first()


def scrutiny_bodies(council: Council) -> Any:
    return council.bodies.live().filter(kind="scrutiny")


def cabinet_body(council: Council) -> Any:
    return council.bodies.live().filter(kind="cabinet").first()


def comments_of(council: Council) -> Any:
    return DecisionComment.objects.filter(decision__council=council).select_related("decision")


def executive_decisions_of(council: Council) -> Any:
    """Published executive decisions, newest first, with their call-in state (and the
    item each was taken under, whose exemption says who may read it)."""
    return (
        council.decisions.filter(kind="executive")
        .select_related("scrutiny", "item__meeting")
        .prefetch_related("called_in_by", "call_in_request__supporters")
        .order_by("-published_on", "-id")
    )


def scrutiny_members(council: Council, committee: Any) -> Any:
    """The people who sit (not as substitutes) on a scrutiny committee: who may call in."""
    if committee is None:
        return council.people.none()
    return council.people.filter(
        body_memberships__body=committee, body_memberships__substitute=False
    ).distinct()
