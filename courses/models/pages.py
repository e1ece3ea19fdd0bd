"""The course tree: catalogue > course > module > lesson or quiz (and a course's final quiz).

Page-type rules keep the tree whole: a lesson only lives in a module, a module only in a
course, a course only in the catalogue. Reading the catalogue, a course and a module is
open to everyone; lessons and quizzes need an account (their serve() says so).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.constants import PREFERRED_LANGUAGES
from core.searchfields import FoldedSearch, folded_search_fields

from ..blocks import LessonStreamBlock, QuestionBlock
from ..permissions import can_coach


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CourseIndexPage(FoldedSearch, Page):
    """The course catalogue at /courses/."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *folded_search_fields()]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.child_of(self)
            .live()
            .public()
            .select_related("cover_image")
            .order_by("path")
        )
        return context


class CoursePage(FoldedSearch, Page):
    summary = models.TextField(_("summary"))
    audience = models.TextField(_("who it is for"))
    learning_outcomes = StreamField(
        [("outcome", blocks.CharBlock(label=_("Learning outcome"), max_length=300))],
        verbose_name=_("learning outcomes"),
    )
    estimated_minutes = models.PositiveIntegerField(_("estimated time (minutes)"))
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.INTRODUCTORY
    )
    language = models.CharField(
        _("language of the course"), max_length=8, choices=PREFERRED_LANGUAGES, default="en"
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("level"), FieldPanel("language")],
            heading=_("About the course"),
        ),
        FieldPanel("cover_image"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("learning_outcomes"),
        *folded_search_fields(),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage", "courses.QuizPage"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from ..services import course_overview  # services import these models  # noqa: PLC0415 - services and page views import these models (a cycle at import)

        context = super().get_context(request, *args, **kwargs)
        context.update(course_overview(request.user, self))
        context["may_coach"] = can_coach(request.user)
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from ..page_views import enrol  # noqa: PLC0415 - services and page views import these models (a cycle at import)

            return enrol(request, self)
        return super().serve(request, *args, **kwargs)


class ModulePage(FoldedSearch, Page):
    summary = models.TextField(_("summary"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), *folded_search_fields()]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage"]

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        from ..services import course_overview  # noqa: PLC0415 - services and page views import these models (a cycle at import)

        context = super().get_context(request, *args, **kwargs)
        course = CoursePage.objects.ancestor_of(self).first()
        context["course"] = course
        context.update(course_overview(request.user, course))
        return context


class LessonPage(FoldedSearch, Page):
    summary = models.TextField(_("summary"), blank=True)
    estimated_minutes = models.PositiveIntegerField(_("estimated time (minutes)"), default=10)
    required = models.BooleanField(
        _("required"),
        default=True,
        help_text=_("The course is complete when every required lesson is complete."),
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))
    teaches_feature = models.PositiveSmallIntegerField(
        _("teaches SSE feature"),
        null=True,
        blank=True,
        choices=[(n, str(n)) for n in range(1, 8)],
        help_text=_(
            "The feature (1 to 7) this lesson teaches: the self-assessment links to it "
            "when an organization lacks that feature."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("teaches_feature"),
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("required")], heading=_("Completion")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        *folded_search_fields(),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        from ..page_views import serve_lesson  # noqa: PLC0415 - services and page views import these models (a cycle at import)

        return serve_lesson(request, self)

    def serve_preview(self, request, mode_name):
        return self.serve(request)  # the page as learners see it (it records nothing)


class AnswersShown(models.TextChoices):
    """When a learner sees a quiz's correct answers (as Moodle's "Right answer" review
    option): until then a result says which questions were wrong, never what is right."""

    AFTER_PASSING = "after_passing", _("After passing")
    AFTER_LAST_ATTEMPT = "after_last_attempt", _("After the last attempt")
    NEVER = "never", _("Never")


class QuizPage(FoldedSearch, Page):
    """A graded quiz. Its editor decides how many attempts a learner has, how long they
    wait between two, when the correct answers are shown, and whether questions and
    options come in a random order; courses.services enforces all of it on the server."""

    intro = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    questions = StreamField([("question", QuestionBlock())], verbose_name=_("questions"))
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Leave empty for unlimited attempts."),
    )
    attempt_wait_minutes = models.PositiveIntegerField(
        _("wait between attempts (minutes)"),
        default=0,
        validators=[MaxValueValidator(60 * 24 * 30)],
        help_text=_("0: a learner may try again at once. At most 30 days."),
    )
    show_answers = models.CharField(
        _("show the correct answers"),
        max_length=20,
        choices=AnswersShown.choices,
        default=AnswersShown.AFTER_PASSING,
        help_text=_(
            "Until then a result marks the questions answered wrongly without saying what "
            'is right. "After the last attempt" needs a number of attempts allowed.'
        ),
    )
    shuffle_questions = models.BooleanField(
        _("questions in a random order"),
        default=False,
        help_text=_("Each attempt draws its own order; reloading the page keeps it."),
    )
    shuffle_options = models.BooleanField(
        _("options in a random order"),
        default=False,
        help_text=_("Each attempt draws its own order. True/false keeps True first."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("pass_mark"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("max_attempts"),
                FieldPanel("attempt_wait_minutes"),
                FieldPanel("show_answers"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
            ],
            heading=_("Attempts and review"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), *folded_search_fields()]
    parent_page_types = ["courses.ModulePage", "courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")

    def save(self, *args, **kwargs):
        # Every option gets its stored id now: answers name options by it (the order a
        # learner sees may be shuffled), so it must be the same on every load. Wagtail
        # keeps the ids of data it converted; raw data saved as given would get new ones
        # each time it is read.
        list(self.questions)  # converts every block: its options get their ids
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        from ..quiz_views import serve_quiz  # noqa: PLC0415 - services and page views import these models (a cycle at import)

        return serve_quiz(request, self)

    def serve_preview(self, request, mode_name):
        return self.serve(request)  # the page as learners see it (it records nothing)
