"""The trainer's forms: a workshop with its languages, quotas and co-trainers, its
sessions (an inline formset), and the small forms of the overview's actions.

Times are entered as wall-clock times in the workshop's own time zone and stored in
UTC: `LocalDateTimeField` reads them naive, and the form that knows the zone makes them
aware (`_in_zone`). The workshop form's zone is the one it is given in the same POST, so
the sessions formset is told it (`SessionFormSet.zone`) before it validates.
"""

import zoneinfo
from datetime import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from accounts.constants import Constituency, Role
from accounts.forms import time_zone_choices
from core.text import is_blank, render_markdown, validate_user_text
from courses.models import CoursePage, Feature

from .constants import LANGUAGES, Mode
from .models import Quota, Session, Workshop, WorkshopLanguage

NOTE_MAX_LENGTH = 500
MAX_CUTOFF_HOURS = 24 * 60  # two months
MAX_SEATS = 10_000  # more than any hall or webinar; keeps the numbers inside the columns
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def visible_text(value, *, required=True):
    """Refuse what is never stored (NUL, controls); invisible-only text is empty."""
    validate_user_text(value)
    if required and is_blank(value):
        raise ValidationError(_("This field is required."), code="required")
    return value


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return None


def _in_zone(value, zone, stored=None):
    """A naive wall-clock time in `zone` -> an aware datetime (stored as UTC). The form
    shows minutes: a `stored` time with seconds, sent back unchanged, stays as it was."""
    if value is None or zone is None:
        return value
    value = timezone.make_aware(value, zone) if timezone.is_naive(value) else value
    if stored is not None and value == stored.replace(second=0, microsecond=0):
        return stored
    return value


class LocalDateTimeField(forms.DateTimeField):
    """A date and time read as written (naive), shown in `zone` (set by the form)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL)
    zone = None

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value
        value = super().to_python(value)  # aware in the current zone (UTC)...
        return value.replace(tzinfo=None) if value is not None else None  # ...as written

    def prepare_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value) and self.zone is not None:
            return value.astimezone(self.zone).replace(tzinfo=None)
        return value

    def has_changed(self, initial, data):
        try:
            data = self.to_python(data)
        except ValidationError:
            return True
        return self.prepare_value(initial) != data


def time_zone_field_choices():
    """The profile's zone list without its "same as my country" entry."""
    return [choice for choice in time_zone_choices() if choice[0] != ""]


def course_choices():
    return CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("title")


def feature_choices():
    """The seven features of the SSE, as the default language's snippets name them."""
    return Feature.objects.filter(locale=Locale.get_default()).order_by("number")


def trainer_choices(current=()):
    """People with the Trainer role, and whoever already trains the workshop."""
    users = get_user_model().objects
    return (
        (users.filter(groups__name=Role.TRAINER) | users.filter(pk__in=[u.pk for u in current]))
        .distinct()
        .order_by("name")
    )


def _formfield(db_field, **kwargs):
    """Model fields as form fields; a link typed without a scheme is https."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


class WorkshopForm(forms.ModelForm):
    """Everything about a workshop but its sessions. `by`: who creates or edits it (the
    creator is always one of its trainers). `confirmed`: how many seats are taken (the
    capacity may not go below it)."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_field_choices,
        help_text=_("Where the workshop happens; enter the sessions' times in this zone."),
        error_messages={"invalid_choice": _("“%(value)s” is not a known time zone.")},
    )
    registration_opens = LocalDateTimeField(
        label=_("Registration opens"),
        required=False,
        help_text=_("In the workshop's time zone. Leave empty to open on publication."),
    )
    registration_closes = LocalDateTimeField(
        label=_("Registration closes"),
        required=False,
        help_text=_("In the workshop's time zone. Leave empty to close when it starts."),
    )
    capacity = forms.IntegerField(label=_("Seats"), min_value=1, max_value=MAX_SEATS)
    cancellation_cutoff_hours = forms.IntegerField(
        label=Workshop._meta.get_field("cancellation_cutoff_hours").verbose_name,
        help_text=Workshop._meta.get_field("cancellation_cutoff_hours").help_text,
        min_value=0,
        max_value=MAX_CUTOFF_HOURS,
        initial=24,
    )
    features = forms.ModelMultipleChoiceField(
        label=_("Features of the SSE it helps adopt"),
        queryset=Feature.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Optional. The self-assessment suggests the workshop to organizations that "
            "lack these features."
        ),
    )
    co_trainers = forms.ModelMultipleChoiceField(
        label=_("Co-trainers"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They manage the workshop with you."),
    )

    class Meta:
        model = Workshop
        fields = [
            "title",
            "description",
            "kind",
            "country",
            "time_zone",
            "mode",
            "venue",
            "joining_link",
            "capacity",
            "registration_opens",
            "registration_closes",
            "cancellation_cutoff_hours",
            "requires_approval",
            "prerequisite_course",
            "course",
            "features",
        ]
        formfield_callback = _formfield
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "venue": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, by, confirmed=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.by = by
        self.confirmed = confirmed
        workshop = self.instance
        fields = self.fields
        fields["country"].choices = [
            ("", _("Regional (no single country)")),
            *Workshop._meta.get_field("country").choices,
        ]
        for name in ("prerequisite_course", "course"):
            fields[name].queryset = course_choices()
        fields["features"].queryset = feature_choices()
        current = list(workshop.trainers.all()) if workshop.pk else []
        lead = workshop.created_by if workshop.pk else by
        fields["co_trainers"].queryset = trainer_choices(current).exclude(
            pk=getattr(lead, "pk", None)
        )
        for constituency in Constituency:
            fields[f"quota_{constituency.value}"] = forms.IntegerField(
                label=constituency.label, required=False, min_value=0, max_value=MAX_SEATS
            )
        if workshop.pk:
            zone = _zone(workshop.time_zone)
            for name in ("registration_opens", "registration_closes"):
                fields[name].zone = zone
            self.initial["languages"] = [row.language for row in workshop.languages.all()]
            self.initial["co_trainers"] = [
                t.pk for t in current if t.pk != getattr(lead, "pk", None)
            ]
            for quota in workshop.quotas.all():
                self.initial[f"quota_{quota.constituency}"] = quota.seats
        else:
            self.initial.setdefault("time_zone", getattr(by, "time_zone", "") or "UTC")

    def quota_fields(self):
        return [self[f"quota_{c.value}"] for c in Constituency]

    def clean_title(self):
        return " ".join(visible_text(self.cleaned_data["title"]).split())

    def clean_description(self):
        return visible_text(self.cleaned_data["description"])

    def clean_venue(self):
        return visible_text(self.cleaned_data["venue"], required=False).strip()

    @staticmethod
    def below_confirmed_error(count):
        return ValidationError(
            _("%(count)d people are confirmed already: the capacity cannot be lower."),
            params={"count": count},
            code="below_confirmed",
        )

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity is not None and capacity < self.confirmed:
            raise self.below_confirmed_error(self.confirmed)
        return capacity

    def clean(self):
        data = super().clean()
        zone = _zone(data.get("time_zone"))
        for name in ("registration_opens", "registration_closes"):
            data[name] = _in_zone(data.get(name), zone, getattr(self.instance, name))
        opens, closes = data.get("registration_opens"), data.get("registration_closes")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes", _("Registration must close after it opens."))
        mode = data.get("mode")
        if mode in (Mode.IN_PERSON, Mode.HYBRID) and not data.get("venue"):
            self.add_error("venue", _("An in-person or hybrid workshop needs a venue."))
        if mode in (Mode.ONLINE, Mode.HYBRID) and not data.get("joining_link"):
            self.add_error("joining_link", _("An online or hybrid workshop needs a joining link."))
        lead = self.instance.created_by if self.instance.pk else self.by
        if lead is None and not data.get("co_trainers") and "co_trainers" not in self.errors:
            self.add_error("co_trainers", _("A workshop needs at least one trainer."))
        capacity = data.get("capacity")
        quotas = self.quotas()
        if capacity is not None and sum(quotas.values()) > capacity:
            self.add_error(
                None,
                _("The quotas add up to %(sum)d seats, more than the %(capacity)d seats.")
                % {"sum": sum(quotas.values()), "capacity": capacity},
            )
        return data

    def quotas(self):
        """{constituency: seats} for the quotas given (blank: no quota)."""
        data = getattr(self, "cleaned_data", {})
        return {
            c.value: data[f"quota_{c.value}"]
            for c in Constituency
            if data.get(f"quota_{c.value}") is not None
        }

    def save(self, commit=True):
        """Save the workshop, its languages, quotas, trainers and features (call inside a
        transaction, with the sessions formset)."""
        workshop = super().save(commit=False)
        workshop.description_html = render_markdown(workshop.description)
        if workshop.pk is None:
            workshop.created_by = self.by
        workshop.save()
        languages = set(self.cleaned_data["languages"])
        workshop.languages.exclude(language__in=languages).delete()
        have = set(workshop.languages.values_list("language", flat=True))
        WorkshopLanguage.objects.bulk_create(
            WorkshopLanguage(workshop=workshop, language=code) for code in sorted(languages - have)
        )
        quotas = self.quotas()
        workshop.quotas.exclude(constituency__in=quotas).delete()
        for constituency, seats in quotas.items():
            Quota.objects.update_or_create(
                workshop=workshop, constituency=constituency, defaults={"seats": seats}
            )
        lead = [workshop.created_by] if workshop.created_by else []
        workshop.trainers.set([*lead, *self.cleaned_data["co_trainers"]])
        workshop.features.set(self.cleaned_data["features"])
        return workshop


class SessionForm(forms.ModelForm):
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))

    class Meta:
        model = Session
        fields = ["title", "starts_at", "ends_at"]

    def __init__(self, *args, zone=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone
        for name in ("starts_at", "ends_at"):
            self.fields[name].zone = zone

    def clean_title(self):
        return visible_text(self.cleaned_data["title"], required=False).strip()

    def clean(self):
        data = super().clean()
        for name in ("starts_at", "ends_at"):
            data[name] = _in_zone(data.get(name), self.zone, getattr(self.instance, name))
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A session must end after it starts."))
        return data


class BaseSessionFormSet(BaseInlineFormSet):
    """The sessions; `zone` (the workshop's, from the same POST) is set before they
    validate."""

    zone = None

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "zone": self.zone}


SessionFormSet = inlineformset_factory(
    Workshop,
    Session,
    form=SessionForm,
    formset=BaseSessionFormSet,
    extra=2,
    min_num=1,
    validate_min=True,
    can_delete=True,
    max_num=60,
    validate_max=True,
)


def session_formset(data=None, *, instance, zone_name):
    """The sessions formset of `instance`, reading times in `zone_name`'s zone (an
    unknown name leaves the times unconverted: the workshop form refuses it anyway)."""
    formset = SessionFormSet(data, instance=instance, prefix="sessions")
    formset.zone = _zone(zone_name) or _zone("UTC")
    formset.extra = 1 if instance.pk else 2
    return formset


class CancelWorkshopForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (every registrant is told)"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_reason(self):
        return visible_text(self.cleaned_data["reason"]).strip()


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        choices=[("1", _("Approve")), ("0", _("Decline"))], coerce=lambda v: v == "1"
    )
    note = forms.CharField(
        label=_("Note to the member"), max_length=NOTE_MAX_LENGTH, required=False
    )

    def clean_note(self):
        return visible_text(self.cleaned_data["note"], required=False).strip()


class CancelRegistrationForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=NOTE_MAX_LENGTH, required=False)

    def clean_reason(self):
        return visible_text(self.cleaned_data["reason"], required=False).strip()
