"""Every change to complaints and compliments, each a named function, audited, called
alike by views, commands and tests."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from improvement.complaints.clock import open_stage
from improvement.complaints.letters import LETTERS, available_letters, letter_document
from improvement.complaints.models import (
    CaseAccessGrant,
    ComplaintsSettings,
    DecisionProcess,
    OmbudsmanDecision,
    ReportNote,
    Representation,
)
from improvement.complaints.procedure import procedure_errors
from improvement.complaints.queries import records_for_person, settings_for
from improvement.complaints.references import next_reference
from improvement.core import access, audit
from improvement.core.actors import require_actor
from improvement.core.models import Council
from improvement.core.retention import retention_for
from improvement.core.tracking import archive, create_tracked, save_tracked
from improvement.documents.render import render

STAGE1_FIELDS = (
    "acknowledged_on",
    "stage1_route",
    "stage1_extended",
    "stage1_responded_on",
    "stage1_outcome",
    "manager_contacted",
    "service_improvement",
)
STAGE2_FIELDS = (
    "stage2_requested_on",
    "stage2_extended",
    "stage2_investigating_officer",
    "stage2_independent_person",
    "stage2_completed_on",
    "stage2_outcome",
)
STAGE3_FIELDS = (
    "stage3_requested_on",
    "stage3_panel_on",
    "stage3_report_on",
    "stage3_response_on",
    "stage3_outcome",
)
OMBUDSMAN_FIELDS = (
    "ombudsman_referred_on",
    "ombudsman_decided_on",
    "ombudsman_outcome",
    "ombudsman_reference",
)
PERSONAL_FIELDS = (
    "complainant_name",
    "complainant_address",
    "complainant_email",
    "complainant_telephone",
    "on_behalf_of",
    "summary",
)
# What the case form changes: the record as received, never its reference or stages.
CASE_FIELDS = (
    "received_on",
    "process",
    "not_logged_reason",
    "explanation_sent_on",
    "service",
    "team",
    "category",
    "complainant_name",
    "complainant_type",
    "complainant_address",
    "complainant_email",
    "complainant_telephone",
    "preferred_contact",
    "on_behalf_of",
    "advocate",
    "summary",
)
# Attempts at a reference when others take the next number at the same moment.
REFERENCE_ATTEMPTS = 5
MANAGE, CASES = "complaints.manage", "complaints.view_cases"


def _check(rep: Representation) -> None:
    values = {field.name: getattr(rep, field.name) for field in rep._meta.concrete_fields}
    errors = procedure_errors(values, timezone.localdate())
    if errors:
        raise ValidationError(errors)


def normalise_category(council: Council, category: str) -> str:
    """The council's spelling of a category, matched ignoring case and spacing."""
    if not category:
        return ""
    wanted = "".join(category.split()).lower()
    for known in settings_for(council).categories:
        if "".join(known.split()).lower() == wanted:
            return known
    raise ValidationError({"category": f"“{category}” is not in the council's category list"})


def add_representation(actor: Any, council: Council, data: dict[str, Any]) -> Representation:
    """Create a record as it is given (a complaint, a compliment, or a register row);
    one given without a reference is numbered (`references`).
    Imports and the demo call it as a `SystemActor` naming the job; a person must be
    the complaints manager; `None` is refused."""
    access.require(actor, MANAGE, council)
    rep = Representation(council=council, **data)
    rep.category = normalise_category(council, rep.category)
    if not rep.reference:
        _check(rep)
        return _create_numbered(actor, rep)
    if council.representations.filter(reference=rep.reference).exists():
        raise ValidationError({"reference": f"{rep.reference} is already recorded"})
    _check(rep)
    create_tracked(rep, actor, verb="recorded")
    sync_decision(actor, rep)
    return rep


def _create_numbered(actor: Any, rep: Representation, first: str = "") -> Representation:
    """Save a new record under the next free reference. `first` is a reference read
    earlier (by someone else's request, in effect): taken by now, it is passed over."""
    for attempt in range(REFERENCE_ATTEMPTS):
        rep.reference = (first if attempt == 0 and first else "") or next_reference(
            rep.council, rep.kind, rep.service, rep.received_on.year
        )
        try:
            # A savepoint: a reference taken meanwhile fails only this attempt.
            with transaction.atomic():
                create_tracked(rep, actor, verb="recorded")
        except IntegrityError:
            rep.pk = None
            continue
        sync_decision(actor, rep)
        return rep
    raise ValidationError("Others are recording cases at this moment: try again")


@transaction.atomic
def record_representation(actor: Any, council: Council, data: dict[str, Any]) -> Representation:
    access.require(actor, MANAGE, council)
    return add_representation(actor, council, {"kind": "complaint", **data})


@transaction.atomic
def record_compliment(actor: Any, council: Council, data: dict[str, Any]) -> Representation:
    access.require(actor, MANAGE, council)
    return add_representation(actor, council, {**data, "kind": "compliment", "process": ""})


@transaction.atomic
def change_representation(actor: Any, rep: Representation, data: dict[str, Any], version: int):
    """Correct a record as it was received (its complainant, contact details, service,
    eligibility); its reference stays, and its stages have their own forms. Refused if
    someone changed it since the form was read."""
    access.require(actor, MANAGE, rep)
    if "category" in data:
        data = {**data, "category": normalise_category(rep.council, data["category"])}
    return _change(actor, rep, data, CASE_FIELDS, "changed", version)


def write_letter(actor: Any, rep: Representation, kind: str) -> bytes:
    """A letter to the complainant as a Word file. Writing it is recorded in the case's
    history (it names the person), though nothing about the case changes."""
    access.require(actor, MANAGE, rep)
    if kind not in dict(available_letters(rep)):
        raise ValidationError(f"This case has no {kind} letter yet")
    content = render(letter_document(rep, kind, timezone.localdate()), "docx")
    audit.record(actor, f"wrote the {LETTERS[kind].lower()}", rep, None, {"letter": kind})
    return content


def _change(
    actor: Any, rep: Representation, data: dict[str, Any], fields: tuple, verb: str, version: int
) -> Representation:
    def apply() -> None:
        for name in fields:
            if name in data:
                setattr(rep, name, data[name])
        _check(rep)

    return save_tracked(rep, actor, expected_version=version, verb=verb, apply=apply)


@transaction.atomic
def record_stage1(actor: Any, rep: Representation, data: dict[str, Any], version: int):
    access.require(actor, MANAGE, rep)
    return _change(actor, rep, data, STAGE1_FIELDS, "recorded stage 1", version)


@transaction.atomic
def record_stage2(actor: Any, rep: Representation, data: dict[str, Any], version: int):
    access.require(actor, MANAGE, rep)
    return _change(actor, rep, data, STAGE2_FIELDS, "recorded stage 2", version)


@transaction.atomic
def record_stage3(actor: Any, rep: Representation, data: dict[str, Any], version: int):
    access.require(actor, MANAGE, rep)
    return _change(actor, rep, data, STAGE3_FIELDS, "recorded stage 3", version)


@transaction.atomic
def record_ombudsman(actor: Any, rep: Representation, data: dict[str, Any], version: int):
    access.require(actor, MANAGE, rep)
    _change(actor, rep, data, OMBUDSMAN_FIELDS, "recorded ombudsman", version)
    sync_decision(actor, rep)
    return rep


REPORT_FIELDS = ("in_annual_report", "report_text", "report_impact")
DECISION_FIELDS = ("reference", "decided_on", "process", "service", "outcome", "link", "summary")
LINK_FIELDS = ("link", "summary")


@transaction.atomic
def choose_for_report(actor: Any, rep: Representation, data: dict[str, Any], version: int):
    """Choose a case, or not, as an example in its year's annual report, with the words
    the report prints; a chosen case without words is refused."""
    access.require(actor, MANAGE, rep)
    if data.get("in_annual_report") and not (data.get("report_text") or "").strip():
        raise ValidationError({"report_text": "Enter the words for the report"})
    return _change(actor, rep, data, REPORT_FIELDS, "chose for the annual report", version)


def _decision_process(rep: Representation) -> str:
    if rep.process == "statutory":
        return DecisionProcess.STATUTORY
    return DecisionProcess.NON_STATUTORY


def sync_decision(actor: Any, rep: Representation) -> OmbudsmanDecision | None:
    """Keep the Ombudsman decision of a case in step with the case's Ombudsman stage:
    made when the stage records a decision with its reference, changed with it, and
    archived if the stage no longer holds one. Its link and summary are its own."""
    require_actor(actor)
    found = OmbudsmanDecision.objects.filter(representation=rep).first()
    holds = bool(rep.ombudsman_decided_on and rep.ombudsman_outcome and rep.ombudsman_reference)
    if not holds:
        if found is not None and found.archived_at is None:
            archive(found, actor, "the case no longer records an Ombudsman decision")
        return None
    values = {
        "reference": rep.ombudsman_reference,
        "decided_on": rep.ombudsman_decided_on,
        "process": _decision_process(rep),
        "service": rep.service,
        "outcome": rep.ombudsman_outcome,
    }
    if found is None:
        decision = OmbudsmanDecision(council=rep.council, representation=rep, **values)
        return create_tracked(decision, actor, verb="recorded from the case")

    def apply() -> None:
        for name, value in values.items():
            setattr(found, name, value)
        found.archived_at, found.archived_by, found.archive_reason = None, None, ""

    return save_tracked(found, actor, verb="changed with the case", apply=apply)


@transaction.atomic
def record_decision(actor: Any, council: Council, data: dict[str, Any]) -> OmbudsmanDecision:
    """An Ombudsman decision on a complaint never recorded here."""
    access.require(actor, MANAGE, council)
    fields = {name: data[name] for name in DECISION_FIELDS if name in data}
    if council.ombudsman_decisions.live().filter(reference=fields.get("reference")).exists():
        raise ValidationError({"reference": f"{fields['reference']} is already recorded"})
    decision = OmbudsmanDecision(council=council, **fields)
    decision.full_clean(exclude=["council", "representation"])
    return create_tracked(decision, actor, verb="recorded")


@transaction.atomic
def change_decision(
    actor: Any, decision: OmbudsmanDecision, data: dict[str, Any], version: int
) -> OmbudsmanDecision:
    """Change a decision: all of it when entered on its own, only its link and summary
    when it belongs to a case (the rest is the case's Ombudsman stage)."""
    access.require(actor, MANAGE, decision)
    names = LINK_FIELDS if decision.representation_id else DECISION_FIELDS

    def apply() -> None:
        for name in names:
            if name in data:
                setattr(decision, name, data[name])
        decision.full_clean(exclude=["council", "representation"])

    return save_tracked(decision, actor, expected_version=version, verb="changed", apply=apply)


@transaction.atomic
def archive_decision(actor: Any, decision: OmbudsmanDecision, reason: str, version: int):
    """Remove a decision entered in error; one on a case goes with the case's stage."""
    access.require(actor, MANAGE, decision)
    if decision.representation_id:
        raise ValidationError(
            "This decision belongs to a case: clear it on the case's Ombudsman stage"
        )
    return archive(decision, actor, reason, expected_version=version)


@transaction.atomic
def withdraw_record(actor: Any, rep: Representation, reason: str, version: int):
    """Archive a record entered in error; it stays in the audit trail."""
    access.require(actor, MANAGE, rep)
    return archive(rep, actor, reason, expected_version=version)


@transaction.atomic
def grant_case_access(actor: Any, council: Council, user: Any, reason: str) -> CaseAccessGrant:
    access.require(actor, MANAGE, council)
    if not user.memberships.filter(council=council).exists():
        raise ValidationError({"user": "Case access can be given only to someone in the council"})
    grant = CaseAccessGrant(council=council, user=user, reason=reason)
    return create_tracked(grant, actor, verb="granted case access")


@transaction.atomic
def revoke_case_access(actor: Any, grant: CaseAccessGrant, version: int) -> CaseAccessGrant:
    access.require(actor, MANAGE, grant)
    return archive(grant, actor, "case access revoked", expected_version=version)


@transaction.atomic
def change_complaints_settings(
    actor: Any, council: Council, data: dict[str, Any], expected_version: int
) -> ComplaintsSettings:
    """Change the council's settings, refused if someone changed them since the form was
    read (`expected_version`; settings never saved read as version 1, their default)."""
    access.require(actor, MANAGE, council)
    current = settings_for(council)
    fields = {name: value for name, value in data.items() if name != "version"}
    if current.pk is None:
        if expected_version != current.version:
            raise ValidationError("These settings have changed: reload the page")
        for name, value in fields.items():
            setattr(current, name, value)
        return create_tracked(current, actor)

    def apply() -> None:
        for name, value in fields.items():
            setattr(current, name, value)

    return save_tracked(current, actor, expected_version=expected_version, apply=apply)


@transaction.atomic
def note_on_report(actor: Any, council: Council, year: int, text: str) -> ReportNote:
    """Add a note the annual report for the year from 1 April `year` prints above its
    figures; the same text twice is one note."""
    access.require(actor, MANAGE, council)
    existing = council.complaint_notes.filter(year=year, text=text).first()
    if existing is not None:
        return existing
    note = ReportNote(council=council, year=year, text=text)
    note.full_clean(exclude=["council"])
    return create_tracked(note, actor, verb="noted on the annual report")


def _closed_on(rep: Representation) -> datetime.date:
    dates = [rep.received_on, rep.explanation_sent_on, rep.stage1_responded_on]
    dates += [rep.stage2_completed_on, rep.stage3_response_on, rep.ombudsman_decided_on]
    return max(day for day in dates if day is not None)


def due_for_anonymising(council: Council, today: datetime.date) -> list[Representation]:
    """Closed cases whose last step is older than the council's retention period."""
    years = retention_for(council).complaint_years
    cutoff = today.replace(year=today.year - years) if years else today
    candidates = council.representations.filter(anonymised_at__isnull=True, received_on__lt=cutoff)
    return [
        rep
        for rep in candidates
        if open_stage(rep, today) is None
        and not (rep.ombudsman_referred_on and not rep.ombudsman_decided_on)
        and _closed_on(rep) < cutoff
    ]


@transaction.atomic
def anonymise_closed_cases(actor: Any, council: Council, today: datetime.date | None = None):
    """Blank the personal data of closed cases past retention; the figures stay."""
    access.require(actor, MANAGE, council)
    today = today or timezone.localdate()
    done = []
    for rep in due_for_anonymising(council, today):

        def apply(rep: Representation = rep) -> None:
            for name in PERSONAL_FIELDS:
                setattr(rep, name, "")
            rep.anonymised_at = timezone.now()

        save_tracked(rep, actor, verb="anonymised", apply=apply)
        # The audit trail keeps who did what and when, not the personal data.
        audit.redact(rep, PERSONAL_FIELDS)
        done.append(rep)
    return done


def subject_access_export(actor: Any, council: Council, name: str) -> dict[str, Any]:
    """A person's records for a subject access request; the export itself is audited."""
    access.require(actor, CASES, council)
    records = [audit.snapshot(rep) for rep in records_for_person(council, name)]
    audit.record(
        actor,
        "exported subject access",
        ensure_settings(actor, council),
        None,
        {"name": name, "records": len(records)},
    )
    return {"council": council.slug, "name": name, "records": records}


def ensure_settings(actor: Any, council: Council) -> ComplaintsSettings:
    """The council's settings, saved with the defaults the first time they are needed."""
    access.require(actor, CASES, council)
    found = settings_for(council)
    return found if found.pk else create_tracked(found, actor)
