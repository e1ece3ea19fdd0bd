"""The platform's user: e-mail login, one full name, and the profile that reports use."""

import zoneinfo

from anyascii import anyascii
from django.conf import settings
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
    PROGRAMME_COUNTRY_CHOICES,
    Constituency,
    Country,
    Gender,
    Role,
)
from .managers import UserManager
from .validators import is_reserved_handle


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


HANDLE_PATTERN = r"[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?"
validate_handle = RegexValidator(
    rf"^{HANDLE_PATTERN}\Z",
    _("Use lower-case letters a-z, digits, and . _ - inside (not at either end)."),
)


def handle_from_name(name):
    """A handle for @mentions, in ASCII letters whatever the script of the name; never a
    reserved one (@admin, @all...: "member" then, numbered by _free_handle)."""
    handle = slugify(anyascii(name or ""))[:24].strip("-") or "member"
    return "member" if is_reserved_handle(handle) else handle


class User(AbstractUser):
    """A person using the platform.

    One `name` field instead of first/last name: names across the region do not split
    that way, and the name is printed as written on certificates. The profile fields
    (country, constituency, organization, gender) drive reports disaggregated by them.
    They are the member's own to edit and grant nothing: the country a national focal
    point serves is a `RoleScope` an administrator grants.
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
        self.__dict__.pop("_role_scopes", None)
        super().refresh_from_db(*args, **kwargs)

    @property
    def role_names(self):
        """Names of this user's role groups; cached on the instance for one request."""
        if not hasattr(self, "_role_names"):
            self._role_names = frozenset(self.groups.values_list("name", flat=True))
        return self._role_names

    def has_role(self, role):
        return self.is_active and role in self.role_names

    def scopes_of(self, role):
        """The countries an administrator granted this user for `role` (a frozenset of ISO
        codes), none while the user lacks the role. One query for all of a user's scopes,
        made only for a user with a scoped role, then cached on the instance for the
        request; users without a scoped role pay nothing."""
        if role not in SCOPED_ROLES or not self.has_role(role):
            return frozenset()
        if not hasattr(self, "_role_scopes"):
            scopes = {}
            for scoped_role, country in self.role_scopes.values_list("role", "country"):
                scopes.setdefault(scoped_role, set()).add(country)
            self._role_scopes = {name: frozenset(codes) for name, codes in scopes.items()}
        return self._role_scopes.get(role, frozenset())

    @property
    def is_focal_point(self):
        """A national focal point with at least one country granted."""
        return bool(self.scopes_of(Role.FOCAL_POINT))


# The roles whose permissions read a scope, with their labels. A later scoped role (a
# trainer's countries) is added here when a permission starts reading it.
SCOPED_ROLES = {
    Role.FOCAL_POINT: _("National focal point"),
    Role.NATIONAL_RESEARCHER: _("National researcher"),
}


class RoleScope(models.Model):
    """Where a member exercises a role: the country a national focal point serves.

    Granted by an administrator (Django admin, inline on the user), kept apart from the
    member's own profile, which grants nothing. Every permission that is scoped reads
    these rows (through `User.scopes_of`), and only for a member who also has the role.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_scopes",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=80, choices=list(SCOPED_ROLES.items()))
    country = models.CharField(_("country"), max_length=2, choices=PROGRAMME_COUNTRY_CHOICES)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role scope")
        verbose_name_plural = _("role scopes")
        ordering = ["role", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "country"], name="accounts_rolescope_unique"
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.get_country_display()}"
