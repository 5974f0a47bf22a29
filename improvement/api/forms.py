from typing import Any

from django import forms

from improvement.api.services import DEFAULT_DAYS
from improvement.core.forms import GovukForm

LIFETIMES = [(30, "30 days"), (90, "90 days"), (180, "180 days"), (365, "1 year")]


class TokenForm(GovukForm, forms.Form):
    name = forms.CharField(
        max_length=100,
        label="Name",
        help_text=(
            "Say what will use it, so you know which to revoke: for example 'Power BI plan report'."
        ),
        error_messages={"required": "Enter a name for the token"},
    )
    council = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Council",
        empty_label="Every council I hold a role in",
        help_text="Limit the token to one council if it needs only one.",
    )
    days = forms.TypedChoiceField(
        choices=LIFETIMES,
        coerce=int,
        initial=DEFAULT_DAYS,
        label="Expires after",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, councils: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils

    def answers(self) -> dict[str, Any]:
        """The answers as the session keeps them until they are checked."""
        data = self.cleaned_data
        council = data["council"]
        return {
            "name": data["name"],
            "council": council.pk if council else "",
            "days": data["days"],
        }
