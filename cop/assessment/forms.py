"""The organizations' forms: an organization (registered, recorded or edited), what it
shares, an invitation, and the CSV import.

Forms validate; they never save. The views hand `cleaned_data` to services.py, which
sets what no form may: the source, who recorded it, its members, the latest result. The
country field offers only the countries the person may choose (a researcher's mapping
countries): a POSTed other country is the field's error.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.constants import PROGRAMME_COUNTRY_CHOICES
from core.text import is_blank, validate_user_text

from .constants import Formality
from .models import Organization
from .services import EDITABLE_FIELDS

# An uploaded CSV: at most this many bytes and data rows (csv_import checks both).
MAX_IMPORT_BYTES = 1_000_000
MAX_IMPORT_ROWS = 2_000
EARLIEST_YEAR = 1800


def visible_text(value, *, required=True):
    """`value` with its spacing collapsed; refuses what is never stored (NUL, lone
    surrogates, controls); text made only of invisible characters counts as empty."""
    validate_user_text(value)
    if is_blank(value):
        if required:
            raise ValidationError(_("This field is required."), code="required")
        return ""
    return " ".join(value.split())


def validate_year(year):
    """A year an organization can have been founded in: from 1800 to this year."""
    if year is None:
        return
    if year < EARLIEST_YEAR:
        raise ValidationError(
            _("Enter a year from %(earliest)d on.") % {"earliest": EARLIEST_YEAR}, code="early"
        )
    if year > datetime.date.today().year:
        raise ValidationError(_("The year founded cannot be in the future."), code="future")


def country_choices(codes):
    """The programme countries among `codes`, in the programme's order."""
    return [(code, name) for code, name in PROGRAMME_COUNTRY_CHOICES if code in codes]


class OrganizationForm(forms.ModelForm):
    """An organization's own fields. `countries`: the countries the person may choose
    (None: every programme country)."""

    class Meta:
        model = Organization
        fields = list(EDITABLE_FIELDS)  # what the services let a form set, no more
        widgets = {
            "formality": forms.RadioSelect,
            "year_founded": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "members_count": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        }
        help_texts = {
            "formality": _(
                "Informal: not registered under any law, e.g. a village savings group. "
                "An informal organization needs no legal form."
            ),
            "members_count": _("An estimate is fine."),
        }

    def __init__(self, *args, countries=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        if countries is not None:
            choices = country_choices(countries)
            fields["country"].choices = (
                choices if len(choices) == 1 else [("", "---------"), *choices]
            )
        fields["formality"].choices = Formality.choices  # no empty radio button
        fields["year_founded"].validators.append(validate_year)
        fields["year_founded"].widget.attrs["max"] = datetime.date.today().year
        fields["year_founded"].widget.attrs["min"] = EARLIEST_YEAR

    def clean_name(self):
        return visible_text(self.cleaned_data["name"])

    def clean_legal_form(self):
        return visible_text(self.cleaned_data["legal_form"], required=False)

    def clean_sector(self):
        return visible_text(self.cleaned_data["sector"], required=False)

    def organization_fields(self):
        """What services.register_organization / record_mapped / edit_organization take."""
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}


class SharingForm(forms.Form):
    publish_results = forms.BooleanField(
        label=_("Publish our results in the regional tapestry"),
        required=False,
        help_text=_(
            "Anyone, signed in or not, then sees our name, country and type, our "
            "classification and our score on each feature. Our answers are never published."
        ),
    )
    share_with_country = forms.BooleanField(
        label=_("Share our answers with our country's focal point and researchers"),
        required=False,
        help_text=_(
            "The national focal point and the national researchers of our country then "
            "see this page, our answers and our results, to support us and to map the "
            "SSE. Nobody else does."
        ),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Your colleague's e-mail address"),
        max_length=254,
        help_text=_("They get a link that works once, for two weeks."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        validate_user_text(email)
        return email.strip()


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, at most 1 MB and 2,000 organizations, with a header row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class ImportConfirmForm(forms.Form):
    """The previewed file's content, sent back to be checked again and saved."""

    content = forms.CharField(widget=forms.HiddenInput, strip=False)
