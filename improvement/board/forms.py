"""Forms of the board's pages."""

from typing import Any

from django import forms
from django.http import QueryDict

from improvement.core.forms import GovukForm
from improvement.plans.progress import NOT_RATED

AS_AT_FIELDS = ("as_at_day", "as_at_month", "as_at_year")


class ActionFilterForm(GovukForm, forms.Form):
    """Which of the plan's actions to list. It filters the lean rows of the plan's
    summary, since a rating and a flag are worked out by the rules, not stored."""

    rating = forms.ChoiceField(label="Rating", required=False)
    organisation = forms.TypedChoiceField(
        label="Owner organisation", required=False, coerce=int, empty_value=None
    )
    slow = forms.BooleanField(label="Only actions slow to progress", required=False)

    def __init__(self, query: QueryDict, council: Any, organisations: list[tuple]) -> None:
        super().__init__(query)
        scale = [(row["code"], row["label"]) for row in council.rating_scale]
        self.fields["rating"].choices = [("", "Any"), *scale, (NOT_RATED, "Not yet rated")]
        self.fields["organisation"].choices = [("", "Any"), *organisations]
        # The date the page is as at travels with the filters.
        self.as_at = [(name, query[name]) for name in AS_AT_FIELDS if query.get(name)]

    def apply(self, rows: list[Any]) -> list[Any]:
        if not self.is_valid():
            return rows
        wanted = self.cleaned_data
        return [
            row
            for row in rows
            if (not wanted["rating"] or row.rating == wanted["rating"])
            and (wanted["organisation"] is None or row.organisation_id == wanted["organisation"])
            and (not wanted["slow"] or row.slow)
        ]
