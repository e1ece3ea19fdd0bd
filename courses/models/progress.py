"""What learners did: enrolments, completed steps, quiz attempts, reflections, certificates.

Progress follows a person across languages: rows are keyed by the pages' translation_key
(the same for a page and its translations), with a page foreign key for convenience.
One row per learner and step (StepCompletion) is the summary; quiz attempts are the log.
"""

import base64
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_certificate_code():
    """16 characters, 80 random bits: unguessable, and easy to read out or type."""
    return base64.b32encode(secrets.token_bytes(10)).decode()


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    course_key = models.UUIDField(db_index=True)
    enrolled_at = models.DateTimeField(auto_now_add=True)
    last_step = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_visited_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrolment_per_course")
        ]

    def __str__(self):
        return f"{self.user} in {self.course_id}"


class StepCompletion(models.Model):
    """A lesson marked complete, or a quiz passed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="completions"
    )
    course_key = models.UUIDField()
    step_key = models.UUIDField()
    step = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("completed step")
        constraints = [
            models.UniqueConstraint(fields=["user", "step_key"], name="one_completion_per_step")
        ]
        indexes = [models.Index(fields=["user", "course_key"])]

    def __str__(self):
        return f"{self.user_id} completed {self.step_id}"


class QuizAttempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    quiz_key = models.UUIDField()
    course_key = models.UUIDField()
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    answers = models.JSONField(_("answers"), help_text=_("Question id -> chosen options."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "quiz_key"])]

    def __str__(self):
        return f"{self.user_id} scored {self.score}% on {self.quiz_id}"


class ReflectionAnswer(models.Model):
    """A learner's private answer to a reflection prompt. Only its author ever sees it."""

    MAX_LENGTH = 5000

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    lesson_key = models.UUIDField()
    block_id = models.CharField(max_length=64)
    text = models.TextField(_("answer"), max_length=MAX_LENGTH)
    html = models.TextField(help_text=_("The answer, rendered by the sanitiser."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reflection")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "block_id"], name="one_reflection_per_prompt"
            )
        ]

    def __str__(self):
        return f"{self.user_id} on {self.lesson_key}/{self.block_id}"


class Certificate(models.Model):
    """Issued once per learner and course; public by its code. Name and title are a
    snapshot taken at issue, as printed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course_key = models.UUIDField()
    course = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    code = models.CharField(max_length=32, unique=True, default=new_certificate_code)
    name = models.CharField(_("name on the certificate"), max_length=150)
    course_title = models.CharField(_("course"), max_length=255)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="one_certificate_per_course"
            )
        ]

    def __str__(self):
        return f"{self.code}: {self.name}, {self.course_title}"
