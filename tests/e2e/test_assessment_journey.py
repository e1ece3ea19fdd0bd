"""The demo learner assesses their rice cooperative in Chromium: from the header's
"Self-assessment" through the eight steps (on a 390 px phone, partly with the keyboard)
to a result classified PHO with guidance on the weak feature 5 and the lesson that
teaches it; they publish it, and an anonymous reader finds it in the tapestry, filtered
by Thailand. Then the questionnaire without JavaScript: a step answered and saved."""

import re

import pytest

from cop.assessment.classification import Classification
from cop.assessment.constants import Band
from cop.assessment.models import Assessment, FeatureScore, Organization, Response
from cop.assessment.seed_content import LEARNER, LEARNER_ORGANIZATION
from courses.models import LessonPage
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PHO = "Partial hybrid organization (PHO)"
FEATURE_5 = "5. Democratic and/or participatory governance"
# Feature 5 answered "partly, no, no": 1 of 6 points, 17%, weak; every other feature yes.
FEATURE_5_ANSWERS = ["Partly", "No", "No"]
# The sub-conditions, in the order step 8 asks them: both economic ones and one social
# one met, no democratic one: conditions under exactly two dimensions, a PHO.
CONDITIONS = {
    "social": ["Yes", "No"],
    "economic": ["Yes", "Yes"],
    "democratic": ["No", "No"],
}


def new_page(chromium, base_url, **options):
    context = chromium.new_context(base_url=base_url, locale="en-US", **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def fits_the_width(page, width=PHONE["width"]):
    return page.evaluate("document.documentElement.scrollWidth") <= width


def card(page, name=LEARNER_ORGANIZATION):
    return page.locator("li.card").filter(has=page.get_by_role("heading", name=name))


def answer_with_the_keyboard(page, question, choice):
    """Answer with the keyboard: Space on the group's first radio, then arrows to `choice`."""
    radios = question.get_by_role("radio")
    labels = [label.strip() for label in question.locator(".option label").all_inner_texts()]
    radios.first.focus()
    page.keyboard.press("Space")  # the first ("No") is now chosen
    for _ in range(labels.index(choice)):
        page.keyboard.press("ArrowRight")
    assert question.get_by_label(choice, exact=True).is_checked()


def answer_step(page, number, choices, keyboard=False):
    """Answer step `number`'s questions with `choices` (one label each, in order) and
    save it, by Enter or by the "Save and continue" button."""
    page.get_by_text(f"Step {number} of 8", exact=True).wait_for()
    assert fits_the_width(page), f"step {number} scrolls sideways at 390 px"
    questions = page.locator("fieldset.assessment-question")
    assert questions.count() == len(choices)
    for index, choice in enumerate(choices):
        question = questions.nth(index)
        if keyboard:
            answer_with_the_keyboard(page, question, choice)
        else:
            question.get_by_label(choice, exact=True).check()
    if keyboard:
        page.keyboard.press("Enter")  # the form's first button: "Save and continue"
    else:
        page.get_by_role("button", name="Save and continue").click()


def test_the_learner_assesses_publishes_and_finds_it_in_the_tapestry(
    seeded_database, live_server, chromium, shots
):
    org = Organization.objects.get(name=LEARNER_ORGANIZATION)
    earlier = Assessment.objects.get(organization=org)  # the seed's one, not published
    assert not org.publish_results
    lesson = LessonPage.objects.live().filter(teaches_feature=5, locale__language_code="en")
    lesson = lesson.order_by("path").first()
    assert lesson is not None, "the seed has a lesson on feature 5"

    context, page = new_page(chromium, live_server.url, viewport=DESKTOP)
    anonymous, reader = new_page(chromium, live_server.url, viewport=DESKTOP)

    # Not published yet: the tapestry does not name it.
    reader.goto("/assessment/tapestry/")
    reader.get_by_role("heading", level=1, name="The regional tapestry").wait_for()
    assert card(reader).count() == 0

    log_in(page, LEARNER)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Self-assessment").click()
    page.wait_for_url("**/assessment/")
    mine = card(page)
    assert "SSE organization or enterprise (SSEOE)" in mine.inner_text()

    # On a phone from here: every step fits its 390 px width.
    page.set_viewport_size(PHONE)
    mine.get_by_role("button", name=re.compile("^Start an assessment")).click()
    page.wait_for_url(re.compile(r"/assessment/\d+/step/1/$"))
    draft = Assessment.objects.get(organization=org, submitted_at__isnull=True)
    shots(page, "step-1-phone")
    answer_step(page, 1, ["Yes"] * 3, keyboard=True)
    for number in (2, 3, 4):
        answer_step(page, number, ["Yes"] * 3)
    answer_step(page, 5, FEATURE_5_ANSWERS, keyboard=True)
    for number in (6, 7):
        answer_step(page, number, ["Yes"] * 3)

    # Step 8: the sub-conditions, by dimension.
    page.get_by_role("heading", level=1, name="The three dimensions").wait_for()
    assert fits_the_width(page), "step 8 scrolls sideways at 390 px"
    shots(page, "step-8-phone")
    for dimension, choices in CONDITIONS.items():
        section = page.locator(f'section[aria-labelledby="dimension-{dimension}"]')
        questions = section.locator("fieldset.assessment-question")
        assert questions.count() == len(choices)
        for index, choice in enumerate(choices):
            questions.nth(index).get_by_label(choice, exact=True).check()
    page.get_by_role("button", name="Save and continue").click()

    # The review: every question answered, then submitted.
    page.get_by_role("heading", level=1, name="Review your answers").wait_for()
    assert page.locator(".unanswered").count() == 0
    assert page.locator("section.review-step").count() == 8
    page.get_by_role("button", name="Submit the assessment").click()

    # The result: PHO with its reason, the scores as a chart and a table, the guidance.
    page.wait_for_url(f"**/assessment/{draft.pk}/")
    page.get_by_text("The assessment is submitted. Here is your result.").wait_for()
    assert fits_the_width(page), "the result scrolls sideways at 390 px"
    page.set_viewport_size(DESKTOP)
    shots(page, "result")
    classification = page.locator(".result-classification")
    assert classification.locator(".classification").inner_text().strip() == PHO
    assert classification.locator(".classification-reason").inner_text().strip() == (
        "It meets conditions under exactly two dimensions (social, economic), "
        "none under democratic."
    )
    row = page.locator(".score-table tbody tr").filter(
        has=page.get_by_role("rowheader", name=FEATURE_5)
    )
    assert row.locator("td").nth(0).inner_text().strip() == "17%"
    assert row.locator("td").nth(1).inner_text().strip() == "Weak"
    assert page.locator(".score-table tbody tr").count() == 7
    chart = page.locator("figure.result-chart").get_by_role("img")
    assert chart.is_visible()
    assert chart.bounding_box()["height"] > 50
    assert "17% Weak" in chart.locator("text").all_text_contents()  # the table's numbers
    guidance = page.locator("article.feature-guidance")
    assert guidance.count() == 1  # only feature 5 needs work
    assert guidance.get_by_role("heading", level=3).inner_text().startswith(FEATURE_5)
    assert guidance.locator(".guidance-text").first.inner_text().strip()
    assert guidance.locator(".guidance-workshops li").count() >= 1  # upcoming, on feature 5

    submitted = Assessment.objects.get(pk=draft.pk)
    assert submitted.classification == Classification.PHO
    score = FeatureScore.objects.get(assessment=submitted, feature=5)
    assert (score.score, score.band) == (17, Band.WEAK)

    # The guidance's lesson link opens the lesson that teaches feature 5.
    guidance.locator(".guidance-lesson").get_by_role("link", name=lesson.title).click()
    page.wait_for_url(f"**{lesson.url}")
    page.get_by_role("heading", level=1, name=lesson.title).wait_for()

    # Back on the organization page: the result is published.
    page.go_back()
    page.get_by_role("link", name=f"Back to {LEARNER_ORGANIZATION}").click()
    page.get_by_role("heading", level=1, name=LEARNER_ORGANIZATION).wait_for()
    latest = page.locator(".organization-latest .classification")
    assert latest.inner_text().strip() == PHO
    publish = page.get_by_label("Publish our results in the regional tapestry")
    assert not publish.is_checked()
    publish.check()
    page.get_by_role("button", name="Save what we share").click()
    page.get_by_text("What the organization shares is saved.").wait_for()
    assert page.get_by_label("Publish our results in the regional tapestry").is_checked()
    org.refresh_from_db()
    assert (org.publish_results, org.share_with_country) == (True, False)

    # The history keeps the earlier result beside the new one, newest first.
    page.get_by_role("link", name="Earlier results and change over time").click()
    page.get_by_role("heading", level=1, name="Results over time").wait_for()
    entries = page.locator("article.history-entry")
    assert entries.count() == 2
    assert [entries.nth(i).locator(".classification").inner_text().strip() for i in range(2)] == [
        PHO,
        earlier.get_classification_display(),
    ]
    shots(page, "history")

    # Anonymous, in another browser context: the tapestry names it with its result.
    reader.reload()
    listed = card(reader)
    assert listed.locator(".classification").inner_text().strip() == PHO
    assert "Thailand" in listed.locator(".muted").first.inner_text()
    assert "Democratic and/or participatory governance" in listed.inner_text()

    # Filtered by Thailand it stays; every organization listed is Thai.
    reader.locator("details.tapestry-filters > summary").click()
    reader.get_by_label("Country", exact=True).select_option(label="Thailand")
    reader.get_by_role("button", name="Show").click()
    reader.wait_for_url(re.compile(r"[?&]country=TH"))
    assert card(reader).count() == 1
    countries = reader.locator("li.tapestry-card > p.muted").all_inner_texts()
    assert countries
    assert all(text.startswith("Thailand") for text in countries)
    shots(reader, "tapestry-thailand")
    # Its result opens for the anonymous reader, without the answers.
    card(reader).get_by_role("link", name=LEARNER_ORGANIZATION).click()
    reader.wait_for_url(f"**/assessment/{draft.pk}/")
    assert reader.locator(".result-classification .classification").inner_text().strip() == PHO
    assert reader.locator(".result-answers").count() == 0

    anonymous.close()
    context.close()


def test_a_step_answered_and_saved_without_javascript(seeded_database, live_server, chromium):
    org = Organization.objects.get(name=LEARNER_ORGANIZATION)
    context, page = new_page(chromium, live_server.url, viewport=PHONE, java_script_enabled=False)
    log_in(page, LEARNER)
    page.goto("/assessment/")
    card(page).get_by_role("button", name=re.compile("^Start an assessment")).click()
    page.wait_for_url(re.compile(r"/assessment/\d+/step/1/$"))
    draft = Assessment.objects.get(organization=org, submitted_at__isnull=True)

    first = page.locator("fieldset.assessment-question").first
    first.get_by_text("Partly", exact=True).click()  # the label, as a thumb would
    page.get_by_role("button", name="Save and finish later").click()
    page.get_by_text("Your answers are saved.", exact=False).wait_for()
    page.get_by_role("heading", level=1, name=LEARNER_ORGANIZATION).wait_for()
    assert list(Response.objects.filter(assessment=draft).values_list("value", flat=True)) == [1]

    # Continuing resumes on step 1 (two questions left there), the answer kept.
    page.get_by_role("button", name="Continue the assessment").click()
    page.wait_for_url(f"**/assessment/{draft.pk}/step/1/")
    first = page.locator("fieldset.assessment-question").first
    assert first.get_by_label("Partly", exact=True).is_checked()
    assert not page.locator("fieldset.assessment-question").nth(1).locator(":checked").count()
    context.close()
