"""The platform's user: e-mail login, one full name, and the profile that reports use."""

import zoneinfo

from anyascii import anyascii
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .constants import (
    COUNTRY_SLUGS,
    COUNTRY_TIME_ZONES,
    PREFERRED_LANGUAGES,
    Constituency,
    Country,
    Gender,
    Role,
)
from .managers import UserManager


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


HANDLE_PATTERN = r"[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?"
validate_handle = RegexValidator(
    rf"^{HANDLE_PATTERN}\Z",
    _("Use lower-case letters a-z, digits, and . _ - inside (not at either end)."),
)


def handle_from_name(name):
    """A handle for @mentions, in ASCII letters whatever the script of the name."""
    return slugify(anyascii(name or ""))[:24].strip("-") or "member"


class User(AbstractUser):
    """A person using the platform.

    One `name` field instead of first/last name: names across the region do not split
    that way, and the name is printed as written on certificates. The profile fields
    (country, constituency, organization, gender) drive reports disaggregated by them.
    A national focal point's country is `country`.
    """

    username = None
    first_name = None
    last_name = None

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(
        _("full name"),
        max_length=150,
        help_text=_("As it should appear on your certificates, in any script."),
    )
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, default=Country.OTHER
    )
    constituency = models.CharField(
        _("constituency"), max_length=20, choices=Constituency.choices, default=Constituency.OTHER
    )
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    gender = models.CharField(
        _("gender"),
        max_length=12,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional. Only used, anonymously, to report on who the programme reaches."),
    )
    language = models.CharField(
        _("preferred language"), max_length=8, choices=PREFERRED_LANGUAGES, default="en"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    handle = models.CharField(
        _("handle"),
        max_length=30,
        unique=True,
        null=True,
        validators=[validate_handle],
        help_text=_("Others mention you in the forum as @handle."),
    )
    notify_by_email = models.BooleanField(
        _("e-mail me forum notifications"),
        default=True,
        help_text=_("Mentions, replies and new topics you follow, also sent by e-mail."),
    )
    suspended_until = models.DateTimeField(
        _("suspended until"),
        null=True,
        blank=True,
        help_text=_("No posting in the forum and no chatting in spaces until then."),
    )
    suspension_reason = models.CharField(_("reason for the suspension"), max_length=500, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "constituency"])]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        if self.handle:
            self.handle = self.handle.lower()
        else:
            self.handle = self._free_handle()
        super().save(*args, **kwargs)

    def _free_handle(self):
        base = handle_from_name(self.name)
        taken = set(
            type(self)
            .objects.filter(handle__startswith=base)
            .exclude(pk=self.pk)
            .values_list("handle", flat=True)
        )
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def is_suspended(self, now=None):
        return self.suspended_until is not None and self.suspended_until > (now or timezone.now())

    @property
    def country_slug(self):
        return COUNTRY_SLUGS.get(self.country, "")

    @property
    def default_time_zone(self):
        return COUNTRY_TIME_ZONES.get(self.country, "UTC")

    def refresh_from_db(self, *args, **kwargs):
        self.__dict__.pop("_role_names", None)
        super().refresh_from_db(*args, **kwargs)

    @property
    def role_names(self):
        """Names of this user's role groups; cached on the instance for one request."""
        if not hasattr(self, "_role_names"):
            self._role_names = frozenset(self.groups.values_list("name", flat=True))
        return self._role_names

    def has_role(self, role):
        return self.is_active and role in self.role_names

    @property
    def is_focal_point(self):
        return self.has_role(Role.FOCAL_POINT) and self.country != Country.OTHER
