"""E-mails about the quarterly reports, sent after the change is committed
(services.submit_report and review_report, through core.commit.after_commit):

- submitted: to every programme officer (the regional reviewers; the moderators when
  there is none), so that a report does not wait unseen;
- validated or returned: to the focal point who submitted it, with the reviewer's
  comment.

Each in the recipient's language, all on one connection. A failure to send is logged
(after_commit) and changes nothing: the report page shows its state whatever the mail.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.constants import COUNTRY_SLUGS, Role
from accounts.languages import email_language

from .constants import ReportStatus
from .models import COUNTRY_CHOICES, Report


def reviewers():
    """Who is told of a submitted report: the programme officers, else the moderators."""
    people = get_user_model().objects.filter(is_active=True).exclude(email="")
    officers = list(people.filter(groups__name=Role.PROGRAMME_OFFICER))
    return officers or list(people.filter(groups__name=Role.MODERATOR))


def _message(report, user, template, connection):
    with translation.override(email_language(user.language)):
        country = dict(COUNTRY_CHOICES)[report.country]
        slug = COUNTRY_SLUGS.get(report.country, "regional")
        url = settings.SITE_URL + reverse("activity_report", args=[slug, str(report.period)])
        subjects = {
            "submitted": _("A quarterly report awaits validation: %(country)s, %(period)s"),
            "validated": _("Your quarterly report is validated: %(country)s, %(period)s"),
            "returned": _("Your quarterly report was returned: %(country)s, %(period)s"),
        }
        values = {"country": country, "period": report.period.label}
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(
            (subjects[template] % values).split()
        )
        body = render_to_string(
            f"activities/email/report_{template}.txt",
            {"user": user, "report": report, "country": country, "url": url},
        )
    return EmailMessage(subject, body, None, [user.email], connection=connection)


def report_changed(report_id):
    """Tell whoever must know about the report's new state -> how many e-mails went out."""
    report = Report.objects.select_related("submitted_by", "reviewed_by").get(pk=report_id)
    submitter = report.submitted_by
    if report.status == ReportStatus.SUBMITTED:
        # Not the submitter (an officer submitting the regional report): it cannot review it.
        template = "submitted"
        recipients = [person for person in reviewers() if person.pk != report.submitted_by_id]
    elif report.status in (ReportStatus.VALIDATED, ReportStatus.RETURNED):
        template = str(report.status)  # "validated" or "returned"
        recipients = [submitter] if submitter and submitter.is_active and submitter.email else []
    else:
        return 0
    if not recipients:
        return 0
    connection = get_connection()
    messages = [_message(report, person, template, connection) for person in recipients]
    return connection.send_messages(messages) or 0
