"""The questionnaire over HTTP: starting and resuming, each step with its three buttons,
the answers kept across visits, bad values refused with nothing saved, the review and
its submission, repeating it later, and what a stranger or a forged id gets."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale

from accounts.constants import Role
from cop.assessment.classification import Classification, SubCondition
from cop.assessment.constants import FEATURES, Answer, Met
from cop.assessment.models import Assessment, FeatureScore, Question, Response
from cop.assessment.questionnaire import CONDITIONS_STEP, FEATURE_MEANINGS, FEATURE_NAMES, steps
from tests.accounts.factories import UserFactory, focal_point

from .factories import OrganizationFactory, assessed, mapped, questionnaire

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def name(question):
    return f"q-{question.translation_key}"


def step_url(assessment, number):
    return reverse("assessment_step", args=[assessment.pk, number])


def start_url(org):
    return reverse("assessment_start", args=[org.pk])


def review_url(assessment):
    return reverse("assessment_review", args=[assessment.pk])


@pytest.fixture
def member():
    return UserFactory(name="Malee Member")


@pytest.fixture
def org(member):
    return OrganizationFactory(name="Rice Growers of Surin", admins=[member])


@pytest.fixture
def by_key():
    return questionnaire()


@pytest.fixture
def draft(client, member, org, by_key):
    client.force_login(member)
    client.post(start_url(org))
    return Assessment.objects.get(organization=org, submitted_at__isnull=True)


def thai():
    return Locale.objects.get_or_create(language_code="th")[0]


def feature_questions(by_key, feature):
    return [q for q in by_key.values() if q.feature == feature]


def saved(assessment):
    return dict(Response.objects.filter(assessment=assessment).values_list("question_key", "value"))


def answer_everything(client, assessment, by_key, value=Answer.YES, met=()):
    for step in steps(by_key):
        data = {"action": "next"}
        for q in step.questions:
            if step.is_conditions:
                data[name(q)] = Met.YES if q.sub_condition in met else Met.NO
            else:
                data[name(q)] = value
        assert client.post(step_url(assessment, step.number), data).status_code == 302


# --- Starting and resuming -------------------------------------------------------------


def test_starting_makes_a_draft_and_opens_the_first_step(client, member, org, by_key):
    client.force_login(member)

    response = client.post(start_url(org))

    draft = Assessment.objects.get(organization=org)
    assert draft.is_draft
    assert draft.created_by == member
    assert response.status_code == 302
    assert response["Location"] == step_url(draft, 1)


def test_start_is_a_post_only(client, member, org, by_key):
    client.force_login(member)

    response = client.get(start_url(org))

    assert response.status_code == 405
    assert not Assessment.objects.exists()


def test_starting_again_resumes_the_draft_at_its_first_unanswered_step(client, draft, by_key):
    for number in (1, 2):
        data = {name(q): Answer.YES for q in feature_questions(by_key, number)}
        client.post(step_url(draft, number), {**data, "action": "next"})

    response = client.post(start_url(draft.organization))

    assert Assessment.objects.filter(organization=draft.organization).count() == 1
    assert response["Location"] == step_url(draft, 3)


def test_a_draft_with_every_answer_resumes_at_the_review(client, draft, by_key):
    answer_everything(client, draft, by_key)

    response = client.post(start_url(draft.organization))

    assert response["Location"] == review_url(draft)


def test_a_member_who_may_not_assess_or_see_the_organization_gets_404(client, org, by_key):
    client.force_login(UserFactory())

    assert client.post(start_url(org)).status_code == 404
    assert client.post(reverse("assessment_start", args=[987654])).status_code == 404
    assert not Assessment.objects.exists()


def test_a_focal_point_assesses_a_mapped_organization_of_their_country(client, by_key):
    org = mapped("KH")
    client.force_login(focal_point("KH"))

    response = client.post(start_url(org))

    assert response.status_code == 302
    assert Assessment.objects.filter(organization=org).count() == 1


def test_a_researcher_of_another_country_may_not_start_one(client, by_key):
    org = mapped("KH")
    researcher = UserFactory(
        roles=[Role.NATIONAL_RESEARCHER], scopes=[(Role.NATIONAL_RESEARCHER, "TH")]
    )
    client.force_login(researcher)

    assert client.post(start_url(org)).status_code == 404


def test_anonymous_people_are_sent_to_log_in_everywhere(client, org, by_key):
    draft = Assessment.objects.create(organization=org)
    for method, url in [
        ("post", start_url(org)),
        ("get", step_url(draft, 1)),
        ("post", step_url(draft, 1)),
        ("get", review_url(draft)),
        ("post", review_url(draft)),
    ]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url
    assert not Response.objects.exists()


# --- A step ------------------------------------------------------------------------------


def test_a_step_shows_its_number_feature_reminder_and_questions(client, draft, by_key):
    response = client.get(step_url(draft, 3))

    page = html(response)
    assert response.status_code == 200
    assert "Step 3 of 8" in page
    assert f"Feature 3: {FEATURE_NAMES[3]}" in page
    assert str(FEATURE_MEANINGS[3]).replace("'", "&#x27;") in page
    for q in feature_questions(by_key, 3):
        assert f'<fieldset class="question assessment-question" id="{name(q)}"' in page
        assert f"<legend>{q.text}</legend>" in page
        assert f'<p class="question-example" id="{name(q)}-example">{q.example}</p>' in page
        for value, label in Answer.choices:
            assert f'name="{name(q)}" value="{value}"' in page
            assert f">{label}</label>" in page
    for button in ("Save and continue", "Back", "Save and finish later"):
        assert f">{button}</button>" in page
    assert "<script" not in page.split("<main", 1)[1]  # no script needed in the page itself


def test_the_conditions_step_groups_yes_no_questions_under_the_three_dimensions(
    client, draft, by_key
):
    page = html(client.get(step_url(draft, CONDITIONS_STEP)))

    headings = re.findall(r'<h2 id="dimension-(\w+)">([^<]+)</h2>', page)
    assert headings == [
        ("social", "Social"),
        ("economic", "Economic"),
        ("democratic", "Democratic"),
    ]
    assert "It is easy to set up legally (free establishment)" in page
    social = page.index('id="dimension-social"')
    economic = page.index('id="dimension-economic"')
    for q in by_key.values():
        if q.sub_condition == SubCondition.PUBLIC_INTEREST:
            assert social < page.index(name(q)) < economic
        if q.sub_condition:
            assert f'name="{name(q)}" value="1"' in page
            assert f'name="{name(q)}" value="2"' not in page


@pytest.mark.parametrize("number", [0, 9, 100])
def test_a_step_outside_the_questionnaire_is_404(client, draft, number):
    assert client.get(step_url(draft, number)).status_code == 404
    assert client.post(step_url(draft, number), {"action": "next"}).status_code == 404


def test_save_and_continue_saves_and_opens_the_next_step(client, draft, by_key):
    first, second = feature_questions(by_key, 1)

    response = client.post(
        step_url(draft, 1), {name(first): "2", name(second): "0", "action": "next"}
    )

    assert response["Location"] == step_url(draft, 2)
    assert saved(draft) == {first.translation_key: 2, second.translation_key: 0}


def test_the_last_step_continues_to_the_review(client, draft, by_key):
    response = client.post(step_url(draft, CONDITIONS_STEP), {"action": "next"})

    assert response["Location"] == review_url(draft)


def test_back_saves_too_and_opens_the_previous_step(client, draft, by_key):
    question = feature_questions(by_key, 4)[0]

    response = client.post(step_url(draft, 4), {name(question): "1", "action": "back"})

    assert response["Location"] == step_url(draft, 3)
    assert saved(draft) == {question.translation_key: 1}


def test_back_from_the_first_step_goes_to_the_organization(client, draft, by_key):
    response = client.post(step_url(draft, 1), {"action": "back"})

    assert response["Location"] == reverse("assessment_org", args=[draft.organization_id])


def test_save_and_finish_later_saves_and_goes_to_the_organization(client, draft, by_key):
    question = feature_questions(by_key, 2)[1]

    response = client.post(step_url(draft, 2), {name(question): "2", "action": "later"})

    assert response["Location"] == reverse("assessment_org", args=[draft.organization_id])
    assert saved(draft) == {question.translation_key: 2}


def test_earlier_answers_are_preselected_when_the_step_is_opened_again(client, draft, by_key):
    first, second = feature_questions(by_key, 5)
    client.post(step_url(draft, 5), {name(first): "1", "action": "later"})

    page = html(client.get(step_url(draft, 5)))

    assert re.search(rf'name="{name(first)}" value="1"[^>]* checked', page)
    assert not re.search(rf'name="{name(first)}" value="[02]"[^>]* checked', page)
    assert not re.search(rf'name="{name(second)}" value="\d"[^>]* checked', page)


def test_a_question_not_sent_keeps_its_earlier_answer(client, draft, by_key):
    first, second = feature_questions(by_key, 6)
    client.post(step_url(draft, 6), {name(first): "0", "action": "next"})

    client.post(step_url(draft, 6), {name(second): "2", "action": "next"})

    assert saved(draft) == {first.translation_key: 0, second.translation_key: 2}


def test_a_changed_answer_replaces_the_earlier_one(client, draft, by_key):
    question = feature_questions(by_key, 6)[0]
    client.post(step_url(draft, 6), {name(question): "0", "action": "next"})

    client.post(step_url(draft, 6), {name(question): "2", "action": "next"})

    assert saved(draft) == {question.translation_key: 2}


@pytest.mark.parametrize("bad", ["3", "yes", "", "-1", "1.0", " 1"])
def test_a_value_off_the_scale_shows_the_step_again_and_saves_nothing(client, draft, by_key, bad):
    first, second = feature_questions(by_key, 7)
    client.post(step_url(draft, 7), {name(first): "0", "action": "next"})
    draft.refresh_from_db()
    before = draft.updated_at

    response = client.post(step_url(draft, 7), {name(first): "2", name(second): bad})

    page = html(response)
    assert response.status_code == 400
    assert saved(draft) == {first.translation_key: 0}
    draft.refresh_from_db()
    assert draft.updated_at == before
    assert "Nothing is saved yet" in page
    assert (
        f'<p class="field-error" id="{name(second)}-error">Choose one of No, Partly or Yes.</p>'
        in (page)
    )
    assert f'<fieldset class="question assessment-question has-error" id="{name(second)}"' in page
    assert f'aria-describedby="{name(second)}-example {name(second)}-error"' in page
    assert f'<a href="#{name(second)}">{second.text}</a>' in page
    # The other answer, as sent, is kept in the form.
    assert re.search(rf'name="{name(first)}" value="2"[^>]* checked', page)


def test_yes_no_questions_refuse_partly(client, draft, by_key):
    condition = next(q for q in by_key.values() if q.sub_condition)

    response = client.post(step_url(draft, CONDITIONS_STEP), {name(condition): "2"})

    assert response.status_code == 400
    assert "Choose one of No or Yes." in html(response)
    assert saved(draft) == {}


def test_a_question_of_another_step_or_an_unknown_name_is_ignored(client, draft, by_key):
    other_step = feature_questions(by_key, 2)[0]
    mine = feature_questions(by_key, 1)[0]

    response = client.post(
        step_url(draft, 1),
        {name(mine): "1", name(other_step): "2", "q-not-a-question": "9", "action": "next"},
    )

    assert response.status_code == 302
    assert saved(draft) == {mine.translation_key: 1}


def test_a_step_of_a_submitted_assessment_leads_to_its_result(client, member, org, by_key):
    client.force_login(member)
    done = assessed(org, by=member)
    question = feature_questions(by_key, 1)[0]

    shown = client.get(step_url(done, 1))
    posted = client.post(step_url(done, 1), {name(question): "0", "action": "next"})

    result = reverse("assessment_result", args=[done.pk])
    assert shown.status_code == posted.status_code == 302
    assert shown["Location"] == posted["Location"] == result
    assert Response.objects.get(assessment=done, question_key=question.translation_key).value == 2


def test_a_forged_or_another_organizations_assessment_is_404(client, draft, by_key):
    stranger_org = OrganizationFactory(admins=[UserFactory()])
    theirs = Assessment.objects.create(organization=stranger_org)
    question = feature_questions(by_key, 1)[0]

    for url in (
        step_url(theirs, 1),
        review_url(theirs),
        step_url(draft, 1).replace(str(draft.pk), "987654"),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {name(question): "2", "action": "next"}).status_code == 404, url
    assert not Response.objects.filter(assessment=theirs).exists()


def test_country_staff_who_see_a_shared_organization_may_not_answer_for_it(client, by_key):
    org = OrganizationFactory(country="KH", share_with_country=True, admins=[UserFactory()])
    draft = Assessment.objects.create(organization=org)
    client.force_login(focal_point("KH"))

    assert client.get(step_url(draft, 1)).status_code == 404
    assert client.post(start_url(org)).status_code == 404


def test_a_translated_question_is_shown_in_thai(client, draft, by_key):
    source = feature_questions(by_key, 1)[0]
    Question.objects.create(
        locale=thai(),
        translation_key=source.translation_key,
        feature=source.feature,
        text="องค์กรของคุณผลิตสินค้าหรือบริการหรือไม่?",
        example="เช่น สหกรณ์ขายข้าวที่สมาชิกปลูก",
        sort_order=source.sort_order,
    )
    untranslated = feature_questions(by_key, 1)[1]

    page = html(client.get(f"/th{step_url(draft, 1)}"))

    assert "<legend>องค์กรของคุณผลิตสินค้าหรือบริการหรือไม่?</legend>" in page
    assert "เช่น สหกรณ์ขายข้าวที่สมาชิกปลูก" in page
    assert source.text not in page
    assert f"<legend>{untranslated.text}</legend>" in page  # the source text until translated
    assert f'name="{name(source)}"' in page  # the same answer, whatever the language


def test_an_answer_given_in_thai_is_the_same_answer(client, draft, by_key):
    source = feature_questions(by_key, 1)[0]
    Question.objects.create(
        locale=thai(),
        translation_key=source.translation_key,
        feature=source.feature,
        text="คำถาม",
        example="ตัวอย่าง",
    )

    client.post(f"/th{step_url(draft, 1)}", {name(source): "1", "action": "next"})

    assert saved(draft) == {source.translation_key: 1}
    assert Response.objects.get(assessment=draft).feature == 1


# --- The review and the submission --------------------------------------------------------


def test_the_review_shows_every_step_its_answers_change_links_and_what_is_left(
    client, draft, by_key
):
    first, second = feature_questions(by_key, 1)
    client.post(step_url(draft, 1), {name(first): "1", "action": "next"})

    response = client.get(review_url(draft))

    page = html(response)
    assert response.status_code == 200
    for number in range(1, CONDITIONS_STEP + 1):
        assert f'href="{step_url(draft, number)}">Change' in page
    assert f"<dt>{first.text}</dt>\n              <dd>Partly</dd>" in page
    assert f'<li><a href="{step_url(draft, 1)}#{name(second)}">{second.text}</a></li>' in page
    assert f"{len(by_key) - 1} questions are still to answer" in page
    assert "Submit the assessment" not in page


def test_a_complete_draft_is_submitted_from_the_review(client, member, draft, by_key):
    answer_everything(
        client,
        draft,
        by_key,
        value=Answer.PARTLY,
        met=[SubCondition.SOCIAL_PROBLEM, SubCondition.PRODUCTIVE],
    )
    assert "Submit the assessment" in html(client.get(review_url(draft)))

    response = client.post(review_url(draft))

    assert response.status_code == 302
    assert response["Location"] == reverse("assessment_result", args=[draft.pk])
    draft.refresh_from_db()
    assert not draft.is_draft
    assert draft.submitted_by == member
    assert draft.classification == Classification.PHO
    assert draft.organization.__class__.objects.get(pk=draft.organization_id).latest_assessment == (
        draft
    )
    assert list(FeatureScore.objects.filter(assessment=draft).values_list("feature", "score")) == [
        (f, 50) for f in FEATURES
    ]


def test_submitting_with_questions_unanswered_is_400_with_the_list(client, draft, by_key):
    question = feature_questions(by_key, 3)[0]

    response = client.post(review_url(draft))

    page = html(response)
    assert response.status_code == 400
    assert "Answer every question before you submit." in page
    assert f"{question.text}</a></li>" in page
    draft.refresh_from_db()
    assert draft.is_draft
    assert not FeatureScore.objects.exists()


def test_submitting_twice_is_a_409_with_a_link_to_the_result(client, draft, by_key):
    answer_everything(client, draft, by_key)
    client.post(review_url(draft))

    response = client.post(review_url(draft))

    assert response.status_code == 409
    assert f'href="{reverse("assessment_result", args=[draft.pk])}"' in html(response)
    assert FeatureScore.objects.filter(assessment=draft).count() == len(FEATURES)


def test_the_review_of_a_submitted_assessment_leads_to_its_result(client, draft, by_key):
    answer_everything(client, draft, by_key)
    client.post(review_url(draft))

    response = client.get(review_url(draft))

    assert response["Location"] == reverse("assessment_result", args=[draft.pk])


# --- Repeating it ----------------------------------------------------------------------


def test_after_a_submission_start_makes_a_new_draft_and_keeps_the_earlier_one(
    client, member, org, by_key
):
    client.force_login(member)
    first = assessed(org, by=member, answers={1: [0, 0]})
    first_answers = saved(first)

    response = client.post(start_url(org))

    second = Assessment.objects.get(organization=org, submitted_at__isnull=True)
    assert second.pk != first.pk
    assert response["Location"] == step_url(second, 1)
    assert saved(second) == {}
    first.refresh_from_db()
    assert not first.is_draft
    assert saved(first) == first_answers
    org.refresh_from_db()
    assert org.latest_assessment == first

    answer_everything(client, second, by_key)
    client.post(review_url(second))

    org.refresh_from_db()
    assert org.latest_assessment == second
    assert Assessment.objects.filter(organization=org, submitted_at__isnull=False).count() == 2
    assert FeatureScore.objects.get(assessment=first, feature=1).score == 0
    assert FeatureScore.objects.get(assessment=second, feature=1).score == 100


def test_posts_are_rate_limited(client, draft, by_key, settings):
    from cop.assessment.views import common

    question = feature_questions(by_key, 1)[0]
    for _n in range(common.POSTS_PER_WINDOW - 1):  # the start was one
        client.post(step_url(draft, 1), {name(question): "1", "action": "next"})

    response = client.post(step_url(draft, 1), {name(question): "0", "action": "next"})

    assert response.status_code == 429
    assert saved(draft) == {question.translation_key: 1}
