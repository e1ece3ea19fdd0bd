"""The demo learner takes the short policy course from start to certificate, in Chromium."""

import re

import pytest

from courses.models import CoursePage, LessonPage, QuizPage
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COURSE = "from-mapping-to-policy-dialogue"


def answer(page, quiz, right):
    """Tick the right options of every question, or a wrong one where it can."""
    for block in quiz.questions:
        options = block.value["options"]
        if right:
            picks = [i for i, o in enumerate(options) if o["correct"]]
        else:
            picks = [next(i for i, o in enumerate(options) if not o["correct"])]
        for index in picks:
            page.locator(f"#q-{block.id}-{index}").check()


def test_enrol_learn_fail_pass_and_verify_the_certificate(browser_page):
    page = browser_page
    course = CoursePage.objects.get(slug=COURSE, locale__language_code="en")
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    quiz = QuizPage.objects.descendant_of(course).live().get()

    log_in(page, "learner@example.org")  # who prefers Thai: back to English for the journey

    page.get_by_role("link", name="Courses").first.click()
    page.get_by_role("link", name=course.title).click()
    page.get_by_role("button", name="Enrol and start").click()
    page.wait_for_url(f"**{lessons[0].url}")
    page.get_by_role("heading", level=1, name=lessons[0].title).wait_for()

    for lesson in lessons:
        assert page.url.endswith(lesson.url)
        page.get_by_role("button", name=re.compile("^Mark complete")).click()
    page.wait_for_url(f"**{quiz.url}")

    answer(page, quiz, right=False)
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_role("heading", name="Not passed yet.").wait_for()

    page.get_by_role("link", name="Take the quiz again").click()
    answer(page, quiz, right=True)
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_role("heading", name="You passed.").wait_for()
    page.get_by_role("link", name="See your certificate").click()
    page.get_by_role("heading", level=1, name="Somchai Wongsakul").wait_for()
    certificate_url = page.url

    pdf_href = page.get_by_role("link", name="Download the PDF").get_attribute("href")
    pdf = page.request.get(pdf_href)
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body()[:5] == b"%PDF-"

    page.get_by_role("button", name="Log out").click()
    page.goto(certificate_url)
    page.get_by_text("Verified certificate").wait_for()
    assert course.title in page.content()
