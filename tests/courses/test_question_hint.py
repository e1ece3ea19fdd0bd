"""A multiple-choice question says "Choose all that apply" once: the template's hint
(translated, tied to the question's fieldset), or the one the question's own text
already carries (the seeded curriculum writes it into the text), never both."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from courses.models import LessonPage
from tests.accounts.factories import UserFactory
from tests.courses.conftest import build_course, question, quiz_of

pytestmark = pytest.mark.django_db

HINT = "Choose all that apply."
FIELDS = "courses/includes/question_fields.html"


def quiz_html(client, *questions):
    course = build_course(slug="hinted", quiz_questions=list(questions))
    client.force_login(UserFactory())
    response = client.get(quiz_of(course).url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_question_whose_text_carries_the_hint_shows_it_once(client):
    html = quiz_html(
        client, question("Which are features of the SSE? Choose all that apply.", "multiple")
    )

    assert html.count("Choose all that apply") == 1


def test_a_question_without_it_gets_the_templates_hint_once_tied_to_its_fieldset(client):
    html = quiz_html(client, question("Which are features of the SSE?", "multiple"))

    assert html.count(HINT) == 1
    hint_id = html.split(f">{HINT}</p>")[0].rsplit('id="', 1)[1].split('"')[0]
    assert f'aria-describedby="{hint_id}"' in html


def test_single_answer_questions_have_no_hint(client):
    html = quiz_html(client, question(kind="single"), question(kind="true_false"))

    assert "Choose all" not in html


def test_a_translated_question_with_the_translated_hint_shows_it_once():
    with translation.override("th"):
        thai_hint = translation.gettext(HINT)
        assert thai_hint != HINT  # the Thai catalogue has it
        value = question(f"ข้อใดคือลักษณะของ SSE {thai_hint}", "multiple")["value"]
        with_hint = render_to_string(FIELDS, {"question": value, "name": "q", "field_id": "q"})
        value = question("ข้อใดคือลักษณะของ SSE", "multiple")["value"]
        without = render_to_string(FIELDS, {"question": value, "name": "q", "field_id": "q"})

    assert with_hint.count(thai_hint) == 1
    assert HINT not in with_hint
    assert without.count(thai_hint) == 1


def test_a_knowledge_check_in_a_lesson_shows_the_hint_once(client):
    course = build_course(slug="checked", lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    lesson.body = [
        {
            "type": "knowledge_check",
            "value": question("Which apply? Choose all that apply.", "multiple")["value"],
        }
    ]
    lesson.save_revision().publish()
    client.force_login(UserFactory())

    html = client.get(lesson.url).content.decode()

    assert html.count("Choose all that apply") == 1
