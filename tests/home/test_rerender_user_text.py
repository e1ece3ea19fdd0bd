"""`manage.py rerender_user_text` brings stored HTML up to the sanitiser's current list."""

import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models, transaction

from accounts.constants import Country
from cop.models import Message
from courses.models.progress import ReflectionAnswer
from courses.workshops.models import Feedback, Workshop
from forum.models import Category, CategoryKind, Post, PostRevision, Topic
from home.management.commands.rerender_user_text import RENDERED_FIELDS
from tests.accounts.factories import UserFactory
from tests.cop.activities.factories import (
    ActivityFactory,
    CommentFactory,
    ReportFactory,
    UpdateFactory,
)
from tests.cop.factories import MessageFactory, national_space
from tests.courses.workshops.factories import RegistrationFactory, WorkshopFactory
from tests.forum.factories import PostFactory

SOURCE = "# Plan\n\n| Step | Who |\n|---|:-:|\n| Meet | [all](https://e.org) |"
# What the sanitiser made of it before headings and tables were on its list.
OLD_HTML = (
    "Plan\n\n\n\n\nStep\nWho\n\n\n\n\nMeet\n"
    '<a href="https://e.org" rel="nofollow ugc noopener">all</a>\n\n\n\n'
)
NEW_HTML = (
    "<h3>Plan</h3>\n<table>\n<thead>\n<tr>\n<th>Step</th>\n"
    '<th class="align-center">Who</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Meet</td>\n'
    '<td class="align-center"><a href="https://e.org" rel="nofollow ugc noopener">all</a>'
    "</td>\n</tr>\n</tbody>\n</table>\n"
)


def rerender(*args):
    out = StringIO()
    call_command("rerender_user_text", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.fixture
def stale_rows(db):
    """One row of each model, stored with the HTML of the old list."""
    # Rows rendered with the current list, which stay as they are.
    PostFactory(body="# Current\n\n| a |\n|---|\n| b |")
    MessageFactory(body="Already *current*")
    author = UserFactory()
    category = Category.objects.create(slug="rerender", name="Re", kind=CategoryKind.THEMATIC)
    topic = Topic.objects.create(category=category, title="Plans", author=author)
    post = Post.objects.create(
        topic=topic, number=1, author=author, body=SOURCE, body_html=OLD_HTML
    )
    revision = PostRevision.objects.create(
        post=post, body=SOURCE, body_html=OLD_HTML, edited_by=author
    )
    with transaction.atomic():
        message = Message.objects.create_next(
            national_space(Country.THAILAND),
            author=author,
            client_id=uuid.uuid4(),
            body=SOURCE,
            body_html=OLD_HTML,
        )
    reflection = ReflectionAnswer.objects.create(
        user=author, lesson_key=uuid.uuid4(), block_id="b1", text=SOURCE, html=OLD_HTML
    )
    workshop = WorkshopFactory(description=SOURCE, description_html=OLD_HTML)
    feedback = Feedback.objects.create(
        registration=RegistrationFactory(workshop=workshop),
        overall=4,
        usefulness=5,
        comment=SOURCE,
        comment_html=OLD_HTML,
    )
    activity = ActivityFactory(description=SOURCE, description_html=OLD_HTML)
    update = UpdateFactory(activity=activity, body=SOURCE, body_html=OLD_HTML)
    comment = CommentFactory(activity=activity, body=SOURCE, body_html=OLD_HTML)
    report = ReportFactory(summary=SOURCE, summary_html=OLD_HTML)
    return (
        post,
        revision,
        message,
        reflection,
        workshop,
        feedback,
        activity,
        update,
        comment,
        report,
    )


def test_every_stored_text_is_rendered_again_from_its_source(stale_rows):
    post, revision, message, reflection, workshop, feedback, *tracker = stale_rows
    activity, update, comment, report = tracker

    lines = rerender("--batch-size", "7")

    assert lines == [
        f"forum.Post: {Post.objects.count()} rows, 1 re-rendered",
        f"forum.PostRevision: {PostRevision.objects.count()} rows, 1 re-rendered",
        f"cop.Message: {Message.objects.count()} rows, 1 re-rendered",
        f"courses.ReflectionAnswer: {ReflectionAnswer.objects.count()} rows, 1 re-rendered",
        f"workshops.Workshop: {Workshop.objects.count()} rows, 1 re-rendered",
        f"workshops.Feedback: {Feedback.objects.count()} rows, 1 re-rendered",
        "activities.Activity: 1 rows, 1 re-rendered",
        "activities.Update: 1 rows, 1 re-rendered",
        "activities.Comment: 1 rows, 1 re-rendered",
        "activities.Report: 1 rows, 1 re-rendered",
        "10 rows re-rendered.",
    ]
    for row, field in [
        (post, "body_html"),
        (revision, "body_html"),
        (message, "body_html"),
        (reflection, "html"),
        (workshop, "description_html"),
        (feedback, "comment_html"),
        (activity, "description_html"),
        (update, "body_html"),
        (comment, "body_html"),
        (report, "summary_html"),
    ]:
        row.refresh_from_db()
        assert getattr(row, field) == NEW_HTML, type(row)


def test_a_second_run_re_renders_nothing(stale_rows):
    rerender()

    lines = rerender("--batch-size", "1")

    assert lines[-1] == "0 rows re-rendered."
    assert all(line.endswith(" 0 re-rendered") for line in lines[:-1])


def test_deleted_and_hidden_rows_are_re_rendered_too(stale_rows):
    post, _, message, *_ = stale_rows
    Post.objects.filter(pk=post.pk).update(state="hidden")
    Message.objects.filter(pk=message.pk).update(deleted_at=message.created_at)

    rerender()

    post.refresh_from_db()
    message.refresh_from_db()
    assert post.body_html == NEW_HTML
    assert message.body_html == NEW_HTML


def _project_models():
    root = Path(settings.BASE_DIR)
    for config in apps.get_app_configs():
        path = Path(config.path)
        if path.is_relative_to(root) and ".venv" not in path.parts:
            yield from config.get_models()


def test_every_model_that_stores_rendered_html_is_listed():
    listed = {(label, html) for label, _, html in RENDERED_FIELDS}

    stored = {
        (model._meta.label, field.name)
        for model in _project_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField)
        and (field.name == "html" or field.name.endswith("_html"))
    }

    assert stored == listed
