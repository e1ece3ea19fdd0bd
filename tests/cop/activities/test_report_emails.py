"""A submitted report is e-mailed to the programme officers (the moderators when there is
none); a decision to the focal point who submitted it, with the reviewer's comment; each
in the recipient's language, once the change is committed."""

import pytest
from django.core import mail

from accounts.constants import Role
from cop.activities import services
from cop.activities.periods import Period
from tests.accounts.factories import UserFactory, focal_point

pytestmark = pytest.mark.django_db


def submit(focal, capture):
    with capture(execute=True):
        return services.submit_report(focal, "TH", Period.current(), "All done.")


def test_a_submitted_report_is_sent_to_the_programme_officers(
    django_capture_on_commit_callbacks,
):
    officers = [UserFactory(roles=[Role.PROGRAMME_OFFICER]) for _ in range(2)]
    UserFactory(roles=[Role.MODERATOR])  # told only when there is no officer
    focal = focal_point("TH", name="Pimchanok Srisuk")

    report = submit(focal, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(o.email for o in officers)
    message = mail.outbox[0]
    assert "Thailand" in message.subject
    assert report.period.label in message.subject
    assert "Pimchanok Srisuk submitted the quarterly report of Thailand" in message.body
    assert f"/activities/reports/thailand/{report.period}/" in message.body


def test_without_officers_the_moderators_are_told(django_capture_on_commit_callbacks):
    moderator = UserFactory(roles=[Role.MODERATOR])

    submit(focal_point("TH"), django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [[moderator.email]]


def test_a_returned_report_tells_its_focal_point_the_comment_in_their_language(
    django_capture_on_commit_callbacks,
):
    officer = UserFactory(roles=[Role.PROGRAMME_OFFICER])
    focal = focal_point("TH", language="th")
    report = submit(focal, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.review_report(officer, report, validate=False, comment="Add the women's figures.")

    (message,) = mail.outbox
    assert message.to == [focal.email]
    assert "Add the women's figures." in message.body
    assert "ไทย" in message.subject  # Thailand, in Thai


def test_a_validated_report_tells_its_focal_point(django_capture_on_commit_callbacks):
    officer = UserFactory(roles=[Role.PROGRAMME_OFFICER])
    focal = focal_point("TH")
    report = submit(focal, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.review_report(officer, report, validate=True)

    (message,) = mail.outbox
    assert message.to == [focal.email]
    assert "validated" in message.subject
    assert "locked for good" in message.body


def test_nothing_is_sent_when_the_change_is_refused(django_capture_on_commit_callbacks):
    UserFactory(roles=[Role.PROGRAMME_OFFICER])

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.Refused):
        services.submit_report(focal_point("KH"), "TH", Period.current())

    assert mail.outbox == []
