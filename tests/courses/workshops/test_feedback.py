"""Feedback after a workshop: who gives it and when, once and editable, its Markdown, and
the trainer's results (courses/workshops/views/attendance.py, attendance.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.constants import Role
from courses.workshops import attendance
from courses.workshops.constants import AttendanceStatus as A
from courses.workshops.models import Feedback
from tests.accounts.factories import focal_point
from tests.factories import UserFactory

from .factories import RegistrationFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

GOOD = {"overall": "5", "usefulness": "4", "will_apply": "yes", "comment": "Very *useful*."}


@pytest.fixture
def trainer():
    return UserFactory(roles=[Role.TRAINER])


@pytest.fixture
def past(trainer):
    """A workshop of two sessions that ended yesterday."""
    start = timezone.now() - timedelta(days=3)
    return WorkshopFactory(trainers=[trainer], sessions=2, sessions__start=start)


def attended(workshop, trainer, *, sessions=1, **user_fields):
    registration = RegistrationFactory(workshop=workshop, user=UserFactory(**user_fields))
    for session in workshop.sessions.order_by("starts_at")[:sessions]:
        attendance.mark_roster(session, {registration.pk: A.PRESENT}, by=trainer)
    return registration


def url(workshop):
    return f"/workshops/{workshop.pk}/feedback/"


def results_url(workshop):
    return f"/workshops/manage/{workshop.pk}/feedback/"


def test_a_participant_who_attended_gives_feedback_once_and_may_change_it(client, past, trainer):
    registration = attended(past, trainer)
    client.force_login(registration.user)
    assert client.get(url(past)).status_code == 200

    assert client.post(url(past), GOOD).status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.overall, feedback.usefulness, feedback.will_apply) == (5, 4, True)
    assert feedback.comment_html.strip() == "<p>Very <em>useful</em>.</p>"

    html = client.get(url(past)).content.decode()
    assert "You gave your feedback already" in html
    assert 'value="5"' in html
    client.post(url(past), {**GOOD, "overall": "3", "will_apply": "no", "comment": ""})

    feedback = Feedback.objects.get()  # still one row
    assert (feedback.overall, feedback.will_apply, feedback.comment_html) == (3, False, "")


def test_the_comment_goes_through_the_sanitiser(client, past, trainer):
    registration = attended(past, trainer)
    client.force_login(registration.user)

    client.post(
        url(past), {**GOOD, "comment": "<script>alert(1)</script> [x](javascript:alert(1))"}
    )

    html = Feedback.objects.get().comment_html
    assert "<script" not in html
    assert 'href="javascript' not in html


@pytest.mark.parametrize(
    "bad",
    [
        {"overall": "6"},
        {"overall": "0"},
        {"usefulness": "-1"},
        {"overall": "x"},
        {"will_apply": "perhaps"},
        {"overall": ""},
        {"comment": "a" * 2001},
        {"comment": "bad \x07 char"},
    ],
)
def test_bad_input_is_a_form_error_and_saves_nothing(client, past, trainer, bad):
    registration = attended(past, trainer)
    client.force_login(registration.user)

    response = client.post(url(past), {**GOOD, **bad})

    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_comment_of_invisible_characters_is_no_comment(client, past, trainer):
    registration = attended(past, trainer)
    client.force_login(registration.user)

    client.post(url(past), {**GOOD, "comment": "\u200b \u200d\ufeff"})

    assert Feedback.objects.get().comment == ""


def test_before_the_last_session_ends_there_is_no_form(client, trainer):
    start = timezone.now() - timedelta(hours=1)  # one session today, one tomorrow
    workshop = WorkshopFactory(trainers=[trainer], sessions=2, sessions__start=start)
    registration = attended(workshop, trainer)
    client.force_login(registration.user)

    response = client.post(url(workshop), GOOD)

    assert response.status_code == 403
    assert "opens when the workshop&#x27;s last session has ended" in response.content.decode()
    assert not Feedback.objects.exists()


def test_only_those_who_attended_give_feedback(client, past, trainer):
    absent = RegistrationFactory(workshop=past)
    attendance.mark_roster(past.sessions.first(), {absent.pk: A.ABSENT}, by=trainer)
    for person in (absent.user, RegistrationFactory(workshop=past).user, UserFactory()):
        client.force_login(person)
        response = client.post(url(past), GOOD)
        assert response.status_code == 403
        assert "Only participants who attended" in response.content.decode()
    assert not Feedback.objects.exists()
    assert client.get(url(WorkshopFactory(status="draft"))).status_code == 404


def test_feedback_posts_are_rate_limited(client, past, trainer, monkeypatch):
    from courses.workshops.views import attendance as views

    monkeypatch.setattr(views, "FEEDBACK_POSTS", 1)
    registration = attended(past, trainer)
    client.force_login(registration.user)
    client.post(url(past), GOOD)

    response = client.post(url(past), {**GOOD, "overall": "1"})

    assert response.status_code == 429
    assert Feedback.objects.get().overall == 5


def test_the_trainer_sees_averages_distribution_and_anonymous_comments(client, past, trainer):
    for overall, usefulness, apply, comment in [
        (5, 4, True, "Great **cases**"),
        (4, 4, True, ""),
        (3, 2, False, "Too long"),
    ]:
        registration = attended(past, trainer, name=f"Commenter Nakamura {overall}")
        attendance.save_feedback(
            registration, overall=overall, usefulness=usefulness, will_apply=apply, comment=comment
        )
    attended(past, trainer)  # attended, said nothing
    client.force_login(trainer)

    response = client.get(results_url(past))

    html = response.content.decode()
    assert response.status_code == 200
    assert "3 answers from 4 participants who attended." in html
    assert "4.0 out of 5" in html  # overall
    assert "3.3 out of 5" in html  # usefulness
    assert "2 (67%)" in html  # will apply
    assert "<strong>cases</strong>" in html
    assert "Too long" in html
    assert "Commenter Nakamura" not in html  # comments are anonymous
    summary = attendance.feedback_summary(past)
    assert [row["overall"] for row in summary["distribution"]] == [1, 1, 1, 0, 0]


def test_the_results_are_for_managers_and_the_countrys_focal_point(client, past):
    for outsider in (UserFactory(), UserFactory(roles=[Role.TRAINER]), focal_point("KH")):
        client.force_login(outsider)
        assert client.get(results_url(past)).status_code == 404
    for insider in (focal_point("TH"), UserFactory(roles=[Role.MODERATOR])):
        client.force_login(insider)
        assert client.get(results_url(past)).status_code == 200


@pytest.mark.parametrize("answers", [1, 25])
def test_the_results_make_the_same_queries_whatever_the_answers(
    client, django_assert_num_queries, past, trainer, answers
):
    for n in range(answers):
        attendance.save_feedback(
            attended(past, trainer), overall=n % 5 + 1, usefulness=3, will_apply=True, comment="ok"
        )
    client.force_login(trainer)
    client.get(results_url(past))

    # Session, user; workshop, roles, is a trainer; totals, attended, comments; the site.
    with django_assert_num_queries(8):
        assert client.get(results_url(past)).status_code == 200


@pytest.mark.parametrize("sessions", [1, 8])
def test_the_form_makes_the_same_queries_whatever_the_sessions(
    client, django_assert_num_queries, trainer, sessions
):
    start = timezone.now() - timedelta(days=10)
    workshop = WorkshopFactory(trainers=[trainer], sessions=sessions, sessions__start=start)
    registration = attended(workshop, trainer, sessions=sessions)
    client.force_login(registration.user)
    client.get(url(workshop))

    # Session, user, roles; workshop, its sessions; the registration with its feedback;
    # the site.
    with django_assert_num_queries(6):
        assert client.get(url(workshop)).status_code == 200
