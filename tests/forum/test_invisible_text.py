"""Titles and bodies made only of invisible characters are empty, in every forum form."""

import pytest
from django.utils import translation

from forum.forms import EditForm, ReplyForm, TopicForm


@pytest.fixture(autouse=True)
def _in_english():
    """The forms are called directly here, outside a request: the messages in English."""
    with translation.override("en"):
        yield


INVISIBLE_ONLY = [
    "\u200b\u200b\u200b\u200b\u200b\u200b",  # zero width spaces
    "\u200d\u200c\u2060\ufeff\u200b",  # joiners, word joiner, BOM
    " \u200b \u3164\u2800 \u00ad\u200e ",  # with spaces, fillers and marks
]


@pytest.mark.parametrize("invisible", INVISIBLE_ONLY)
def test_a_topic_title_of_invisible_characters_is_empty(invisible):
    form = TopicForm(data={"title": invisible, "body": "What makes an SSE unit?"})

    assert form.errors == {"title": ["Give your topic a title."]}


@pytest.mark.parametrize("invisible", INVISIBLE_ONLY)
@pytest.mark.parametrize("form_class", [TopicForm, ReplyForm, EditForm])
def test_a_body_of_invisible_characters_is_empty(form_class, invisible):
    form = form_class(data={"title": "Cooperatives", "body": invisible})

    assert form.errors == {"body": ["Write something before you post."]}


def test_a_title_is_one_line():
    form = TopicForm(data={"title": "Our first\nfair\t in Hue", "body": "Welcome."})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "Our first fair in Hue"


@pytest.mark.parametrize("form_class", [TopicForm, ReplyForm, EditForm])
def test_a_body_with_a_control_character_is_refused(form_class):
    form = form_class(data={"title": "Cooperatives", "body": "colour \x1b[31mred"})

    assert form.errors == {
        "body": [
            "The text contains a character that cannot be stored (U+001B). Remove it and try again."
        ]
    }


def test_a_body_with_visible_text_between_invisible_characters_is_kept():
    form = ReplyForm(data={"body": "\u200b สวัสดี \u200b"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["body"] == "\u200b สวัสดี \u200b"
