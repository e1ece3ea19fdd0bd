"""The tracker's forms: an activity (added or edited), a progress update, a comment, an
indicator, and one quarter's values of an indicator.

Forms validate; they never save. The views hand `cleaned_data` to services.py, which sets
what no form may: the country (from who adds the activity), the creator, and the owners
and draft flag only after its own permission check. The country and owners fields exist
only for those who may choose them. The links to the learning and the community (a
workshop, a course or module page, a space, a forum topic) are rows of sibling apps,
reached by app label (django.apps), never imported.
"""

from decimal import Decimal
from zoneinfo import ZoneInfo

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from accounts.constants import PROGRAMME_COUNTRY_CHOICES, Constituency, Gender
from core.text import is_blank, validate_user_text
from core.times import reader_zone

from .constants import REGIONAL, Status
from .models import DECIMAL, Activity, Indicator
from .services import EDITABLE_FIELDS

BODY_MAX_LENGTH = 10_000
NOTE_MAX_LENGTH = 500
MAX_OWNERS = 20
REGIONAL_VALUE = "regional"  # the country field's (and the URLs') word for ""
# The pages an activity's learning may be: a course or one of its modules.
COURSE_MODELS = ("coursepage", "modulepage")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def visible_text(value, *, required=True):
    """Refuse what is never stored (NUL, controls); invisible-only text is empty."""
    validate_user_text(value)
    if required and is_blank(value):
        raise ValidationError(_("This field is required."), code="required")
    return value


def country_value(code):
    """A country code as forms and URLs write it: "regional" for ""."""
    return REGIONAL_VALUE if code == REGIONAL else code


def country_code(value):
    """The stored code of a form's or URL's country ("regional" -> "")."""
    return REGIONAL if value == REGIONAL_VALUE else value


def country_choices(codes):
    """The choices among `codes` (ISO codes, "" regional), in the programme's order."""
    named = [(code, name) for code, name in PROGRAMME_COUNTRY_CHOICES if code in codes]
    if REGIONAL in codes:
        named.append((REGIONAL_VALUE, _("Regional")))
    return named


def _model(label):
    return apps.get_model(*label.split("."))


def course_pages():
    """Every live page of the courses app: what the course link accepts."""
    return Page.objects.live().filter(content_type__app_label="courses")


def _course_choices(current_id=None):
    """The course and module pages of the default language, a module after its course
    and named with it; `current_id` (a page already chosen, in any language) is kept in
    the list. Read when the select is drawn, not when a POST is checked."""

    def choices():
        pages = course_pages().filter(content_type__model__in=COURSE_MODELS)
        pages = pages.filter(Q(locale=Locale.get_default()) | Q(pk=current_id))
        titles, out = {}, [("", "---------")]
        for page in pages.order_by("path").only("id", "title", "path"):
            titles[page.path] = page.title
            course = titles.get(page.path[: -Page.steplen])
            out.append((page.pk, f"{course} / {page.title}" if course else page.title))
        return out

    return choices


class OwnersField(forms.CharField):
    """Members named by handle (@handle) or e-mail, separated by commas: active accounts
    only. Cleans to a list of users."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 2_000)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        validate_user_text(value)
        tokens = [t.strip().lstrip("@").lower() for t in value.replace(";", ",").split(",")]
        tokens = list(dict.fromkeys(t for t in tokens if t))
        if len(tokens) > MAX_OWNERS:
            raise ValidationError(
                _("An activity has at most %(max)d owners.") % {"max": MAX_OWNERS}, code="max"
            )
        if not tokens:
            return []
        emails = [t for t in tokens if "@" in t]
        handles = [t for t in tokens if "@" not in t]
        users = list(
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(email__in=emails) | Q(handle__in=handles))
            .order_by("name")
        )
        known = {u.email for u in users} | {u.handle for u in users}
        unknown = [t for t in tokens if t not in known]
        if unknown:
            raise ValidationError(
                _("No active member has the handle or e-mail: %(names)s.")
                % {"names": ", ".join(unknown)},
                code="unknown",
            )
        return users


class ActivityForm(forms.ModelForm):
    """An activity's own fields. `countries`: where the person may add it (a select
    when there is more than one; none on an edit); `may_manage`: the person chooses the
    owners and the draft flag. `user`: whose time zone says what "today" is."""

    constituencies = forms.MultipleChoiceField(
        label=_("Constituencies involved"),
        choices=Constituency.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Activity
        fields = list(EDITABLE_FIELDS)  # what the services let a form set, no more
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8, "maxlength": BODY_MAX_LENGTH}),
            "planned_start": DATE_INPUT,
            "planned_end": DATE_INPUT,
            "actual_start": DATE_INPUT,
            "actual_end": DATE_INPUT,
        }
        help_texts = {"description": _("Markdown works: **bold**, *italic*, lists, links.")}

    def __init__(self, *args, user, countries=(), may_manage=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        activity = self.instance
        fields = self.fields
        if len(countries) > 1:
            fields["country"] = forms.ChoiceField(
                label=_("Country"), choices=[("", "---------"), *country_choices(countries)]
            )
        fields["description"].validators.append(MaxLengthValidator(BODY_MAX_LENGTH))
        fields["workshop"].queryset = _model("workshops.Workshop").objects.filter(
            Q(pk__in=_model("workshops.Workshop").objects.published().values("pk"))
            | Q(pk=activity.workshop_id)
        )
        fields["workshop"].choices = self._workshop_choices
        fields["course_page"].queryset = course_pages()
        fields["course_page"].choices = _course_choices(
            activity.course_page_id or self.initial.get("course_page")
        )
        fields["course_page"].label = _("Course or module (the learning behind it)")
        fields["space"].queryset = _model("cop.Space").objects.order_by("name")
        fields["topic"] = forms.ModelChoiceField(
            label=_("Forum topic"),
            queryset=_model("forum.Topic").objects.filter(
                Q(is_visible=True) | Q(pk=activity.topic_id)
            ),
            required=False,
            widget=forms.NumberInput(attrs={"min": 1}),
            help_text=_("The topic's number, from its address: /forum/t/<number>/."),
            error_messages={"invalid_choice": _("No forum topic has this number.")},
        )
        if activity.pk:
            self.initial.setdefault("constituencies", activity.constituency_list)
        if may_manage:
            fields["owners"] = OwnersField(
                label=_("Owners"),
                help_text=_(
                    "Members who may edit this activity besides you: their @handles or "
                    "e-mail addresses, separated by commas."
                ),
            )
            fields["is_draft"] = forms.BooleanField(
                label=_("Draft"),
                required=False,
                help_text=_("Only the people who may edit it see a draft."),
            )
            if activity.pk:
                self.initial.setdefault(
                    "owners", ", ".join(f"@{owner.handle}" for owner in activity.owners.all())
                )
                self.initial.setdefault("is_draft", activity.is_draft)
        self.order_fields(["country"])  # first, when there is a choice

    def _workshop_choices(self):
        rows = self.fields["workshop"].queryset.order_by("-created_at", "-id")
        return [("", "---------"), *((w.pk, w.title) for w in rows.only("id", "title"))]

    def clean_title(self):
        return " ".join(visible_text(self.cleaned_data["title"]).split())

    def clean_description(self):
        return visible_text(self.cleaned_data["description"], required=False)

    def clean_lead_organization(self):
        return visible_text(self.cleaned_data["lead_organization"], required=False).strip()

    def clean_country(self):
        return country_code(self.cleaned_data["country"])

    def clean(self):
        data = super().clean()
        today = timezone.localdate(timezone=ZoneInfo(reader_zone(self.user)))
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if data.get(start) and data.get(end) and data[end] < data[start]:
                self.add_error(end, _("The end cannot come before the start."))
        for name in ("actual_start", "actual_end"):
            if data.get(name) and data[name] > today:
                self.add_error(name, _("An actual date cannot be in the future: plan it instead."))
        return data

    def activity_fields(self):
        """What services.create_activity / edit_activity take from this form."""
        names = self._meta.fields
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


class UpdateForm(forms.Form):
    body = forms.CharField(
        label=_("What happened"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown works: **bold**, *italic*, lists, links."),
    )
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[("", _("No change")), *Status.choices],
        required=False,
    )

    def clean_body(self):
        return visible_text(self.cleaned_data["body"]).strip()


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Markdown works: **bold**, *italic*, lists, links."),
    )

    def clean_body(self):
        return visible_text(self.cleaned_data["body"]).strip()


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target", "aggregation", "by_sex", "by_constituency"]

    def clean_name(self):
        return " ".join(visible_text(self.cleaned_data["name"]).split())

    def clean_unit(self):
        return " ".join(visible_text(self.cleaned_data["unit"]).split())

    def clean(self):
        data = super().clean()
        if data.get("baseline") is not None and data["baseline"] < 0:
            self.add_error("baseline", _("A baseline cannot be negative."))
        return data

    def indicator_fields(self):
        return dict(self.cleaned_data)


def _amount(label):
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal(0),
        max_digits=DECIMAL["max_digits"],
        decimal_places=DECIMAL["decimal_places"],
        widget=forms.NumberInput(attrs={"min": 0, "step": "any", "inputmode": "decimal"}),
    )


class QuarterValuesForm(forms.Form):
    """One quarter of an indicator: the total and, when the indicator is broken down, a
    cell per sex and per constituency. A blank cell is not reported; a cell reported
    before and left blank now is removed. `cells`: the quarter's stored values,
    {(sex, constituency): IndicatorValue}."""

    def __init__(self, *args, indicator, period, cells=None, **kwargs):
        kwargs.setdefault("prefix", str(period))
        super().__init__(*args, **kwargs)
        self.indicator, self.period, self.cells = indicator, period, cells or {}
        self.fields["total"] = _amount(_("Total (%(unit)s)") % {"unit": indicator.unit})
        self.fields["note"] = forms.CharField(
            label=_("Note"), max_length=NOTE_MAX_LENGTH, required=False
        )
        self.sex_names, self.constituency_names = [], []
        if indicator.by_sex:
            for code, label in Gender.choices:
                self.fields[f"sex_{code}"] = _amount(label)
                self.sex_names.append(f"sex_{code}")
        if indicator.by_constituency:
            for code, label in Constituency.choices:
                self.fields[f"constituency_{code}"] = _amount(label)
                self.constituency_names.append(f"constituency_{code}")
        for (sex, constituency), cell in self.cells.items():
            self.initial[self._name(sex, constituency)] = cell.value
            if not sex and not constituency:
                self.initial["note"] = cell.note

    @staticmethod
    def _name(sex, constituency):
        if sex:
            return f"sex_{sex}"
        if constituency:
            return f"constituency_{constituency}"
        return "total"

    @staticmethod
    def _cell(name):
        kind, _sep, code = name.partition("_")
        return (code, "") if kind == "sex" else ("", code) if kind == "constituency" else ("", "")

    def clean_note(self):
        return visible_text(self.cleaned_data["note"], required=False).strip()

    def clean(self):
        data = super().clean()
        total = data.get("total")
        for names, what in (
            (self.sex_names, _("by sex")),
            (self.constituency_names, _("by constituency")),
        ):
            given = [data[name] for name in names if data.get(name) is not None]
            if given and total is None:
                self.add_error("total", _("Enter the total as well as its breakdown."))
            elif given and sum(given) > total:
                self.add_error(
                    None,
                    _("The breakdown %(what)s adds up to more than the total.") % {"what": what},
                )
        return data

    def breakdown_fields(self):
        return [self[name] for name in self.sex_names], [
            self[name] for name in self.constituency_names
        ]

    def changes(self):
        """[(sex, constituency, value or None (remove), note)] for the cells that differ
        from what is stored."""
        out = []
        note = self.cleaned_data.get("note", "")
        for name in ["total", *self.sex_names, *self.constituency_names]:
            sex, constituency = self._cell(name)
            value = self.cleaned_data.get(name)
            stored = self.cells.get((sex, constituency))
            cell_note = note if name == "total" else ""
            if value is None:
                if stored is not None:
                    out.append((sex, constituency, None, ""))
            elif stored is None or stored.value != value or stored.note != cell_note:
                out.append((sex, constituency, value, cell_note))
        return out
