"""A course's outline: its modules and steps in order, from a per-course cache, with what
one learner has completed.

The structure (titles, URLs, kinds, which lessons are required) is the same for every
learner, and changes only when an editor publishes, unpublishes, moves or deletes a page
of the course: it is built with one query, kept in the cache under the course's id, and
dropped by the receivers below. What a learner has completed is one query over the
structure's step keys. So a lesson's outline costs one query (and one cache read), however
long the course.
"""

import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import BooleanField, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

from .models import CoursePage, LessonPage, ModulePage, QuizPage, StepCompletion

LESSON, QUIZ = "lesson", "quiz"
CACHE_SECONDS = 24 * 60 * 60  # a bound only: publishing drops the entry at once


@dataclass(frozen=True)
class PageLink:
    """What the outline keeps of a page: enough to link it and recognise it. Templates
    use `url` (not `{% pageurl %}`, which wants a Page); get_url() is there for code that
    takes either."""

    id: int
    title: str
    url: str
    path: str
    translation_key: uuid.UUID

    def get_url(self, request=None):
        return self.url


@dataclass
class Step:
    page: PageLink
    kind: str
    required: bool
    completed: bool = False

    @property
    def key(self):
        return self.page.translation_key


@dataclass
class Module:
    page: PageLink
    steps: list = field(default_factory=list)

    @property
    def done(self):
        return sum(step.completed for step in self.steps)

    @property
    def total(self):
        return len(self.steps)


@dataclass
class Outline:
    """A course's modules and steps in order, with what one learner has completed.
    `version` changes whenever the structure is rebuilt (template fragments key on it)."""

    modules: list
    steps: list
    version: str = ""

    @property
    def required(self):
        return [step for step in self.steps if step.required]

    @property
    def done(self):
        return sum(step.completed for step in self.required)

    @property
    def total(self):
        return len(self.required)

    @property
    def percent(self):
        return (100 * self.done) // self.total if self.total else 0

    @property
    def is_complete(self):
        return self.total > 0 and self.done == self.total

    @property
    def completed_digest(self):
        """The completed steps, as a short string (fragments that show them key on it)."""
        return uuid.uuid5(
            uuid.NAMESPACE_OID, ",".join(str(s.key) for s in self.steps if s.completed)
        ).hex

    def position(self, page):
        for index, step in enumerate(self.steps):
            if step.page.id == page.id:
                return index
        return None

    def first_incomplete(self):
        return next((step for step in self.steps if not step.completed), None)


def _content_type_ids():
    get = ContentType.objects.get_for_model  # cached after the first call
    return {get(ModulePage).id: "module", get(LessonPage).id: LESSON, get(QuizPage).id: QUIZ}


def cache_key(course_id):
    return f"courses:outline:{course_id}"


def _build_structure(course):
    """(version, [(kind, PageLink, required, module index or None)]) in tree order: one query."""
    kinds = _content_type_ids()
    pages = (
        Page.objects.descendant_of(course)
        .live()
        .filter(content_type_id__in=kinds)
        .annotate(
            is_required=Coalesce("lessonpage__required", Value(True), output_field=BooleanField())
        )
        .select_related("locale")
        .only(
            "id",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "translation_key",
            "content_type_id",
            "locale__language_code",
        )
        .order_by("path")
    )
    rows, module_index, module_path = [], None, None
    for page in pages:
        kind = kinds[page.content_type_id]
        link = PageLink(page.id, page.title, page.get_url(), page.path, page.translation_key)
        if kind == "module":
            module_index = module_index + 1 if module_index is not None else 0
            module_path = page.path
            rows.append(("module", link, True, None))
            continue
        in_module = module_path is not None and page.path.startswith(module_path)
        rows.append((kind, link, page.is_required, module_index if in_module else None))
    return uuid.uuid4().hex, rows


def course_structure(course):
    """The cached (version, rows) of `course`; built and stored on a miss."""
    key = cache_key(course.pk)
    structure = cache.get(key)
    if structure is None:
        structure = _build_structure(course)
        cache.set(key, structure, CACHE_SECONDS)
    return structure


def course_outline(course, user=None):
    """The outline of `course` for `user`: a cache read and, for a learner, one query."""
    if course is None:
        return Outline(modules=[], steps=[])
    version, rows = course_structure(course)
    keys = [link.translation_key for kind, link, _r, _m in rows if kind != "module"]
    done = set()
    if user is not None and user.is_authenticated and keys:
        done = set(
            StepCompletion.objects.filter(user=user, step_key__in=keys).values_list(
                "step_key", flat=True
            )
        )
    modules, steps = [], []
    for kind, link, required, module in rows:
        if kind == "module":
            modules.append(Module(page=link))
            continue
        step = Step(page=link, kind=kind, required=required, completed=link.translation_key in done)
        steps.append(step)
        if module is not None:
            modules[module].steps.append(step)
    return Outline(modules=modules, steps=steps, version=version)


def _forget(keys):
    """Drop `keys` at once, and again once the transaction commits (a learner's request in
    between would have cached what was about to change)."""
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def forget_outlines(page):
    """Drop the cached outline of every course `page` is in (or is)."""
    course_ids = CoursePage.objects.ancestor_of(page, inclusive=True).values_list("pk", flat=True)
    _forget([cache_key(pk) for pk in course_ids])


def forget_all_outlines(**kwargs):
    """Drop every course's cached outline (a feature, shown in lessons, changed)."""
    _forget([cache_key(pk) for pk in CoursePage.objects.values_list("pk", flat=True)])
