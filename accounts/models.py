"""The platform's user: e-mail login, one full name, and the profile that reports use."""

import zoneinfo

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
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
        super().save(*args, **kwargs)

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
