"""Forms of bodies and meetings, drawn as GOV.UK components; every free-text field is
bounded by the limit of `core.text` that fits its use, and every form that edits a
record carries the version it was read at (`VersionedForm`)."""

from typing import Any

from django import forms

from improvement.core.forms import DateField, GovukForm, TimeField, VersionedForm
from improvement.core.text import LONG_TEXT, NOTES_TEXT, SHORT_TEXT, plural
from improvement.core.uploads import check_upload
from improvement.meetings.models import (
    EXEMPT_PARAGRAPHS,
    Attendance,
    Body,
    BodyMembership,
    Declaration,
)


def _people(council: Any) -> Any:
    """A council's people as a list of them reads: by name."""
    return council.people.live().order_by("name", "pk")


def _plan_actions(council: Any) -> Any:
    """A council's plan actions in the plan's own order: 1.1, 1.2, 2.1, never 1.10
    before 1.2."""
    return council.actions.live().in_plan_order()


class CouncilChoices:
    """Draws each `source_<field>` choice from the council's own records."""

    def __init__(self, *args: Any, council: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self.council = council
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            source = getattr(self, f"source_{name}", None)
            if source is not None:
                field.queryset = source(council)


class CouncilForm(CouncilChoices, GovukForm, forms.Form):
    """A form that adds a record, its choices drawn from the council's own records."""


class CouncilEditForm(CouncilChoices, VersionedForm):
    """A form that changes a record: it carries the version the record was read at."""


def _yes_no_usual(label: str, usual: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("", f"As usual for its kind ({usual})"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )


class BodyForm(CouncilForm):
    name = forms.CharField(max_length=SHORT_TEXT)
    slug = forms.SlugField(help_text="Used in web addresses, for example scrutiny")
    kind = forms.ChoiceField(choices=Body.Kind.choices)
    standing = forms.ChoiceField(choices=Body.Standing.choices)
    description = forms.CharField(widget=forms.Textarea, required=False, max_length=LONG_TEXT)
    members_vote = _yes_no_usual(
        "Do its members vote?", "an improvement board does not, a committee does"
    )
    meets_in_public = _yes_no_usual(
        "Are its meetings open to the public?",
        "an improvement board meets in private and publishes its papers, a committee meets "
        "in public",
    )


class MemberForm(CouncilForm):
    person = forms.ModelChoiceField(
        queryset=None, required=False, help_text="Leave empty if vacant"
    )
    role_title = forms.CharField(max_length=SHORT_TEXT)
    organisation = forms.ModelChoiceField(queryset=None, required=False)
    position = forms.ChoiceField(
        choices=BodyMembership.Position.choices,
        help_text="The secretariat (the board manager) supports the body and is not a member",
    )
    seat = forms.ChoiceField(
        choices=BodyMembership.Seat.choices,
        required=False,
        help_text="Whom the place is for: attendance is recorded seat by seat",
    )
    independent = forms.BooleanField(required=False)
    voting = forms.BooleanField(
        required=False, initial=True, help_text="Shown only where the body's members vote"
    )
    co_opted = forms.ChoiceField(choices=BodyMembership.CoOpted.choices, required=False)
    substitute = forms.BooleanField(required=False)
    starts_on = DateField(required=False)
    ends_on = DateField(required=False)

    def source_person(self, council: Any) -> Any:
        return _people(council)

    def source_organisation(self, council: Any) -> Any:
        return council.organisations.live().order_by("name", "pk")


class TermsForm(CouncilForm):
    purposes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=NOTES_TEXT,
        help_text="Each purpose on a line of its own",
    )
    scope = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=NOTES_TEXT
    )
    responsibilities = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        max_length=NOTES_TEXT,
        label="Further responsibilities",
        help_text="Each on a line of its own, in their order, without its number",
    )
    quorum = forms.IntegerField(
        min_value=1,
        required=False,
        help_text="Members present needed for a quorum. Leave empty if the terms set none",
    )
    voting = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=LONG_TEXT,
        label="How it decides",
        help_text="For example, by a majority of voting members present, or by its chair",
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=NOTES_TEXT,
        label="The rest of the terms",
        help_text="Meetings, membership and anything else, as approved",
    )
    approved_on = DateField()
    approved_by_name = forms.CharField(
        max_length=SHORT_TEXT, label="Approved by", help_text="For example, Full Council"
    )


class MeetingFields(forms.Form):
    """What a meeting is scheduled with and may be changed to until its agenda is out."""

    date = DateField()
    time = TimeField()
    location = forms.CharField(max_length=300, required=False)
    held_in_public = forms.BooleanField(
        required=False,
        label="Open to the public",
        help_text="Leave unticked for a meeting held in private",
    )
    is_public = forms.BooleanField(
        required=False,
        initial=True,
        label="Publish its agenda, papers and minutes on the public site",
        help_text="Exempt items are never published",
    )


class MeetingForm(CouncilForm, MeetingFields):
    """Schedule a meeting; where the body has a standard agenda, start from it."""

    standard_agenda = forms.BooleanField(
        required=False,
        label="Start the agenda from the standard agenda",
        help_text="Adds the body's standard items in their order",
    )

    def __init__(self, *args: Any, standard_items: list[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if not standard_items:
            del self.fields["standard_agenda"]
            return
        field = self.fields["standard_agenda"]
        field.initial = True
        field.help_text = (
            f"Adds {plural(len(standard_items), 'item')} in this order: "
            f"{'; '.join(standard_items)}. You can change, move or withdraw them until "
            "the agenda is published."
        )


class MeetingEditForm(CouncilEditForm, MeetingFields):
    """Change a meeting's date, time, venue and openness, read at a version."""


class ItemFields(forms.Form):
    """What an agenda item is added with and may be changed to until the agenda is out."""

    title = forms.CharField(max_length=500)
    description = forms.CharField(widget=forms.Textarea, required=False, max_length=LONG_TEXT)
    report_author = forms.CharField(max_length=SHORT_TEXT, required=False)
    exempt_paragraph = forms.TypedChoiceField(
        choices=[("", "Open to the public"), *EXEMPT_PARAGRAPHS],
        coerce=int,
        empty_value=None,
        required=False,
        label="Exempt under Schedule 12A to the Local Government Act 1972",
    )
    actions = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def source_actions(self, council: Any) -> Any:
        return _plan_actions(council)


class ItemForm(CouncilForm, ItemFields):
    """Add an item to a meeting's agenda."""


class ItemEditForm(CouncilEditForm, ItemFields):
    """Change an agenda item, read at a version."""


class StandardAgendaForm(CouncilEditForm):
    items = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=LONG_TEXT,
        label="Standard agenda items",
        help_text=(
            "Each item on a line of its own, in the order it comes on the agenda, without "
            "its number. Leave empty for no standard agenda"
        ),
    )


class PaperForm(CouncilForm):
    file = forms.FileField(
        max_length=SHORT_TEXT,
        help_text="A PDF, Word, Excel, PowerPoint, image, CSV or text file",
    )

    def clean_file(self) -> Any:
        # Papers are published with the agenda: refuse a file of the wrong type or size,
        # or one that is not what its name says, before it is stored.
        upload = self.cleaned_data["file"]
        check_upload(upload)
        return upload


class AttendanceForm(CouncilForm):
    person = forms.ModelChoiceField(queryset=None)
    status = forms.ChoiceField(choices=Attendance.Status.choices)
    substitute_for = forms.ModelChoiceField(queryset=None, required=False)
    capacity = forms.CharField(max_length=SHORT_TEXT, required=False)

    def source_person(self, council: Any) -> Any:
        return _people(council)

    source_substitute_for = source_person


class DeclarationForm(CouncilForm):
    person = forms.ModelChoiceField(queryset=None)
    kind = forms.ChoiceField(choices=Declaration.Kind.choices)
    detail = forms.CharField(widget=forms.Textarea, required=False, max_length=LONG_TEXT)

    source_person = AttendanceForm.source_person


class AttendanceChangeForm(CouncilEditForm):
    status = forms.ChoiceField(choices=Attendance.Status.choices)
    substitute_for = forms.ModelChoiceField(queryset=None, required=False)
    capacity = forms.CharField(max_length=SHORT_TEXT, required=False)

    source_substitute_for = AttendanceForm.source_person


class MinuteForm(CouncilEditForm):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}), label="Minute", max_length=NOTES_TEXT
    )


class CommentForm(CouncilForm):
    text = forms.CharField(
        widget=forms.Textarea, label="Your comment on the draft minutes", max_length=LONG_TEXT
    )


class ApproveForm(CouncilEditForm):
    at_meeting = forms.ModelChoiceField(queryset=None, label="Approved at the meeting of")

    def __init__(self, *args: Any, later: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = later


class TextForm(CouncilForm):
    text = forms.CharField(widget=forms.Textarea, label="Resolution", max_length=LONG_TEXT)


class MeetingActionForm(CouncilForm):
    text = forms.CharField(widget=forms.Textarea, label="Action", max_length=LONG_TEXT)
    kind = forms.ChoiceField(choices=[("action", "Action"), ("officer_request", "Request")])
    owner = forms.ModelChoiceField(queryset=None, required=False)
    due_on = DateField(required=False)
    plan_action = forms.ModelChoiceField(queryset=None, required=False)

    source_owner = AttendanceForm.source_person

    def source_plan_action(self, council: Any) -> Any:
        return _plan_actions(council)


class CloseForm(CouncilEditForm):
    outcome = forms.CharField(widget=forms.Textarea, required=False, max_length=LONG_TEXT)


class WorkProgrammeForm(CouncilForm):
    title = forms.CharField(max_length=500)
    meeting_on = DateField(label="Meeting date")
    contact_officer = forms.CharField(max_length=SHORT_TEXT, required=False)
    draft_deadline = DateField(required=False)
    final_deadline = DateField(required=False)
    comments = forms.CharField(widget=forms.Textarea, required=False, max_length=LONG_TEXT)


class RoutesForm(CouncilForm):
    """The bodies an improvement board reports to, Cabinet included where it is one."""

    bodies = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Bodies this board reports to",
        help_text="Each report goes once to each body ticked, and to no other.",
    )

    def source_bodies(self, council: Any) -> Any:
        return council.bodies.live().exclude(kind=Body.Kind.IMPROVEMENT_BOARD)


class ConfirmForm(CouncilForm):
    """A button with no fields: add the reporting-route items."""


class ConfirmEditForm(CouncilEditForm):
    """A button that changes a record read at a version: publish an agenda or minutes."""


class WithdrawItemForm(CouncilEditForm):
    """Why an item comes off an agenda not yet published: kept with the item's record."""

    reason = forms.CharField(
        label="Why is this item being withdrawn?",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why this item is being withdrawn"},
    )
