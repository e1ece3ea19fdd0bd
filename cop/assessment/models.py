"""Organizations, their members and invitations, the questionnaire, and assessments.

An organization is registered by its members (Source.SELF) or recorded by a country's
researcher or focal point from a mapping study (Source.MAPPING, often informal, often
with no member on the platform). Each assessment answers the questionnaire once; a
submitted one is kept for ever, so repeating it later shows change over time, and the
organization points at its latest submitted one (what the tapestry counts).
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from accounts.constants import PROGRAMME_COUNTRY_CHOICES

from .classification import Classification, SubCondition
from .constants import Band, Formality, MemberRole, OrgType, Source

FEATURE_CHOICES = [(n, str(n)) for n in range(1, 8)]


def new_token():
    return secrets.token_urlsafe(32)


class OrganizationQuerySet(models.QuerySet):
    def published(self):
        """Organizations that chose to publish their latest result (and have one)."""
        return self.filter(publish_results=True, latest_assessment__isnull=False)

    def assessed(self):
        return self.filter(latest_assessment__isnull=False)


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=PROGRAMME_COUNTRY_CHOICES)
    org_type = models.CharField(_("type"), max_length=20, choices=OrgType.choices)
    legal_form = models.CharField(
        _("legal form"),
        max_length=120,
        blank=True,
        help_text=_("As registered, e.g. agricultural cooperative, foundation, none."),
    )
    sector = models.CharField(
        _("sector"), max_length=120, blank=True, help_text=_("e.g. agriculture, finance, care.")
    )
    formality = models.CharField(
        _("formal or informal"), max_length=10, choices=Formality.choices, default=Formality.FORMAL
    )
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    members_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.SELF
    )
    publish_results = models.BooleanField(
        _("publish our results in the regional tapestry"),
        default=False,
        help_text=_(
            "Your name, country, type, classification and feature scores appear in the "
            "regional tapestry. Your answers are never published."
        ),
    )
    share_with_country = models.BooleanField(
        _("let our country's focal point and researchers see our answers"), default=False
    )
    latest_assessment = models.OneToOneField(
        "Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="sse_organizations"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["country", "org_type"]),
            models.Index(fields=["publish_results", "country"]),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sse_memberships"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="assessment_member_once")
        ]

    def __str__(self):
        return f"{self.user} in {self.organization}"


class Invitation(models.Model):
    """A colleague invited by e-mail; the link (with its secret token) works once, for a
    signed-in member with that e-mail address, until it expires."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} to {self.organization}"


class Question(TranslatableMixin, models.Model):
    """A question of the questionnaire: about one of the seven features (answered no,
    partly or yes), or about one of the phase-1 sub-conditions (answered no or yes). A
    translatable snippet: editors write it, wagtail-localize translates it. Answers name
    it by its translation key, so an assessment reads the same in every language."""

    feature = models.PositiveSmallIntegerField(
        _("feature"),
        null=True,
        blank=True,
        choices=FEATURE_CHOICES,
        help_text=_("The feature (1 to 7) it asks about; empty for a sub-condition."),
    )
    sub_condition = models.CharField(
        _("phase-1 sub-condition"),
        max_length=30,
        blank=True,
        choices=SubCondition.choices,
        help_text=_("The sub-condition it asks about; empty for a feature question."),
    )
    text = models.CharField(_("question"), max_length=300, help_text=_("Plain words, one idea."))
    example = models.TextField(_("example"), help_text=_("What a yes looks like in practice."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("assessment question")
        verbose_name_plural = _("assessment questions")
        ordering = ["feature", "sub_condition", "sort_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(feature__isnull=False, sub_condition="")
                    | models.Q(feature__isnull=True) & ~models.Q(sub_condition="")
                ),
                name="assessment_question_feature_xor_condition",
            ),
        ]

    def __str__(self):
        return self.text


class Assessment(models.Model):
    """One pass through the questionnaire. A draft (submitted_at empty) is saved step by
    step and resumed; submitting computes the scores and the classification, which are
    then kept as they were (the questionnaire may change later)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="assessments"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    classification = models.CharField(
        _("classification"), max_length=10, choices=Classification.choices, blank=True
    )
    conditions_met = models.JSONField(default=list, blank=True)  # SubCondition values

    class Meta:
        verbose_name = _("assessment")
        ordering = ["-submitted_at", "-started_at", "-id"]
        constraints = [
            # One draft at a time per organization: resuming finds it.
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(submitted_at__isnull=True),
                name="assessment_one_draft",
            ),
        ]

    def __str__(self):
        return f"{self.organization} ({self.started_at:%Y-%m-%d})"

    @property
    def is_draft(self):
        return self.submitted_at is None


class Response(models.Model):
    """One answer of an assessment, to the question with `question_key` (its translation
    key). `feature` or `sub_condition` is copied from the question so that scores need
    no join."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="responses")
    question_key = models.UUIDField()
    feature = models.PositiveSmallIntegerField(null=True, blank=True)
    sub_condition = models.CharField(max_length=30, blank=True)
    value = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question_key"], name="assessment_answer_once"
            )
        ]

    def __str__(self):
        return f"{self.question_key}: {self.value}"


class FeatureScore(models.Model):
    """A submitted assessment's score on one feature: a whole percentage of the maximum
    its answers could reach, and its band."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    feature = models.PositiveSmallIntegerField(choices=FEATURE_CHOICES)
    score = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    band = models.CharField(max_length=10, choices=Band.choices)

    class Meta:
        ordering = ["feature"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "feature"], name="assessment_score_once")
        ]
        indexes = [models.Index(fields=["feature", "score"])]

    def __str__(self):
        return f"feature {self.feature}: {self.score}%"
