"""Sign-up and profile forms. Both ask the same profile questions, defined once here."""

import zoneinfo
from functools import cache

from django import forms
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from .constants import COUNTRY_TIME_ZONES
from .languages import language_choices
from .models import User
from .validators import (
    normalise_name,
    validate_display_name,
    validate_handle_characters,
    validate_handle_not_reserved,
    validate_not_staff_name,
)

PROFILE_FIELDS = [
    "name",
    "country",
    "constituency",
    "organization",
    "gender",
    "language",
    "time_zone",
]


@cache
def time_zone_choices():
    """The programme countries' zones first (what most people pick), then all the others."""
    regional = sorted(set(COUNTRY_TIME_ZONES.values()))
    others = sorted(
        zone
        for zone in zoneinfo.available_timezones()
        if "/" in zone
        and not zone.startswith(("Etc/", "SystemV/", "posix/", "right/"))
        and zone not in regional
    )
    return [
        ("", _("Same as my country")),
        (_("Programme countries"), [(zone, zone.replace("_", " ")) for zone in regional]),
        (_("Everywhere else"), [("UTC", "UTC"), *((z, z.replace("_", " ")) for z in others)]),
    ]


class TimeZoneChoiceField(forms.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Time zone"))
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", _("Workshop times are shown in it. Leave blank to use your country's.")
        )
        super().__init__(choices=time_zone_choices, **kwargs)


def profile_fields():
    """Fresh form fields for the profile questions, as the model defines them."""
    fields = forms.fields_for_model(User, fields=PROFILE_FIELDS)
    fields["time_zone"] = TimeZoneChoiceField()
    fields["language"].choices = language_choices()
    fields["language"].help_text = _(
        "When the site itself is in this language, it switches to it as you log in."
    )
    fields["gender"].help_text = User._meta.get_field("gender").help_text
    fields["gender"].choices = [("", _("Not answered")), *fields["gender"].choices[1:]]
    fields["name"].widget.attrs.update({"autocomplete": "name"})
    fields["organization"].widget.attrs.update({"autocomplete": "organization"})
    return fields


def clean_profile(cleaned_data):
    """A blank time zone means the country's own."""
    if not cleaned_data.get("time_zone"):
        cleaned_data["time_zone"] = COUNTRY_TIME_ZONES.get(cleaned_data.get("country"), "UTC")
    return cleaned_data


class DisplayNameMixin:
    """clean_name for every form that sets a name (the admin forms too): spaces made plain,
    then one line without control, direction-changing or invisible characters. A newline
    in a name would break the subject of every e-mail notice about that member's posts."""

    def clean_name(self):
        name = normalise_name(self.cleaned_data.get("name") or "")
        validate_display_name(name)
        return name


class OwnNameMixin(DisplayNameMixin):
    """For the forms where members name themselves: not a staff member's name."""

    def clean_name(self):
        name = super().clean_name()
        validate_not_staff_name(name, user=getattr(self, "instance", None))
        return name


class SignupProfileForm(OwnNameMixin, forms.Form):
    """allauth puts this form's fields after e-mail and password (ACCOUNT_SIGNUP_FORM_CLASS)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(profile_fields())

    def clean(self):
        return clean_profile(super().clean())

    def signup(self, request, user):
        for field in PROFILE_FIELDS:
            setattr(user, field, self.cleaned_data[field])
        user.save()


class ProfileForm(OwnNameMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = [*PROFILE_FIELDS, "handle", "notify_by_email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(profile_fields())
        self.fields["handle"].required = False

    def clean(self):
        return clean_profile(super().clean())

    def clean_handle(self):
        """Left blank, the handle stays as it is; a new one must be free, and not reserved."""
        handle = (self.cleaned_data.get("handle") or "").strip().lower()
        if not handle or handle == self.instance.handle:
            return self.instance.handle
        validate_handle_characters(handle)
        validate_handle_not_reserved(handle)
        if User.objects.filter(handle=handle).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Someone already has that handle."))
        return handle


class AdminUserChangeForm(DisplayNameMixin, UserChangeForm):
    """The Django admin's user form, with the rules for names."""


class AdminUserAddForm(DisplayNameMixin, UserCreationForm):
    """The Django admin's form for a new user, with the rules for names."""
