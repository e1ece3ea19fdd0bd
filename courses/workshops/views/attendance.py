"""Attendance and feedback: the trainer's roster and check-in code of a session, the
participant's self check-in and feedback form, and the trainer's feedback results.

Every view checks on the server: the roster, the code and the results are for the
workshop's managers (permissions.can_manage; the results also for whoever may see the
participants), anyone else gets 404; check-in is for confirmed participants, feedback
for those who attended. Posts are rate-limited (core.ratelimit) and each makes a
constant number of queries. The rules are attendance.py's.
"""

import io

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from core import ratelimit
from core.text import is_blank, validate_user_text

from .. import attendance, permissions
from ..constants import AttendanceStatus
from ..models import Session, Workshop
from ..services import Refused
from ..times import for_reader

# Per person, per window (seconds): a roster is saved a few times a session; a code is
# typed once, so ten tries in ten minutes stop guessing (32^6 codes) cold.
ROSTER_POSTS, ROSTER_WINDOW = 60, 600
CHECK_IN_TRIES, CHECK_IN_WINDOW = 10, 600
FEEDBACK_POSTS, FEEDBACK_WINDOW = 10, 600
COMMENT_MAX_LENGTH = 2000


def _too_fast(request, action, limit, window):
    return ratelimit.hit(f"workshop-{action}:{request.user.pk}", limit, window)


def _managed(request, pk, predicate=permissions.can_manage):
    """The workshop, if `request.user` may manage it (else 404, never a hint)."""
    workshop = get_object_or_404(Workshop, pk=pk)
    if not predicate(request.user, workshop):
        raise Http404
    return workshop


def _managed_session(request, pk, session_id):
    workshop = _managed(request, pk)
    sessions = list(Session.objects.filter(workshop=workshop).order_by("starts_at", "id"))
    session = next((s for s in sessions if s.pk == session_id), None)
    if session is None:
        raise Http404
    session.workshop = workshop
    return workshop, session, sessions


def _session_times(sessions, workshop, show):
    return [
        {
            "session": s,
            "number": n,
            "starts": show(s.starts_at, workshop),
            "ends": show(s.ends_at, workshop),
        }
        for n, s in enumerate(sessions, 1)
    ]


# The trainer's roster -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def roster(request, pk, session_id):
    """The confirmed participants of one session, present or absent each: one form."""
    workshop, session, sessions = _managed_session(request, pk, session_id)
    rows = attendance.roster(session)
    error, status = None, 200
    submitted = {}
    if request.method == "POST":
        if _too_fast(request, "roster", ROSTER_POSTS, ROSTER_WINDOW):
            return render(request, "429.html", status=429)
        every = request.POST.get("all") == AttendanceStatus.PRESENT
        valid = set(AttendanceStatus.values) | {""}
        for registration, _status in rows:
            value = request.POST.get(f"r{registration.pk}", "")
            submitted[registration.pk] = AttendanceStatus.PRESENT if every else value
        if any(value not in valid for value in submitted.values()):
            error, status = _("Choose present or absent for each participant."), 400
        else:
            marks = {pk: value for pk, value in submitted.items() if value}
            try:
                changed = attendance.mark_roster(session, marks, by=request.user)
            except Refused as refusal:
                error, status = refusal.message, 400
            else:
                messages.success(
                    request,
                    _("Attendance saved (%(count)s changed).") % {"count": changed}
                    if changed
                    else _("Attendance saved: nothing changed."),
                )
                return redirect("workshop_roster", workshop.pk, session.pk)
    show = for_reader(request.user)
    people = [
        {
            "registration": registration,
            "status": submitted.get(registration.pk, marked) if submitted else marked,
        }
        for registration, marked in rows
    ]
    context = {
        "workshop": workshop,
        "session": session,
        "number": sessions.index(session) + 1,
        "sessions": _session_times(sessions, workshop, show),
        "starts": show(session.starts_at, workshop),
        "ends": show(session.ends_at, workshop),
        "people": people,
        "present": sum(p["status"] == AttendanceStatus.PRESENT for p in people),
        "is_open": attendance.roster_is_open(session),
        "error": error,
    }
    return render(request, "workshops/attendance/roster.html", context, status=status)


@login_required
@require_safe
def check_in_code(request, pk, session_id):
    """The session's code, big, and a QR code of the check-in URL with the code in it,
    for the screen at the venue."""
    workshop, session, sessions = _managed_session(request, pk, session_id)
    url = request.build_absolute_uri(
        f"{reverse('workshop_check_in', args=[workshop.pk])}?code={session.check_in_code}"
    )
    show = for_reader(request.user)
    context = {
        "workshop": workshop,
        "session": session,
        "sessions": _session_times(sessions, workshop, show),
        "starts": show(session.starts_at, workshop),
        "ends": show(session.ends_at, workshop),
        "opens": show(session.starts_at - attendance.ROSTER_OPENS, workshop),
        "is_on": session.is_on(),
        "url": url,
        "qr": qr_svg(url),
    }
    return render(request, "workshops/check_in/code.html", context)


def qr_svg(data):
    """An inline SVG QR code of `data` (no script, no style: CSP allows it)."""
    out = io.BytesIO()
    segno.make(data, error="m").save(
        out, kind="svg", border=2, xmldecl=False, svgclass="qr", nl=False, omitsize=True
    )
    # segno's own output of our own URL: numbers and path data only.
    return mark_safe(out.getvalue().decode())  # noqa: S308


# The participant's check-in -------------------------------------------------------------


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Session code"),
        max_length=20,
        help_text=gettext_lazy("The six letters and digits shown in the room."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk):
    """Type the session's code (or open the QR code's link, which fills it in)."""
    workshop = get_object_or_404(permissions.visible_to(request.user), pk=pk)
    status = 200
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if _too_fast(request, "check-in", CHECK_IN_TRIES, CHECK_IN_WINDOW):
            form.is_valid()
            form.add_error(None, _("Too many tries: wait ten minutes, or ask the trainer."))
            status = 429
        elif form.is_valid():
            try:
                session, _created = attendance.check_in(
                    workshop, request.user, form.cleaned_data["code"]
                )
            except Refused as refusal:
                form.add_error("code" if refusal.code == "wrong_code" else None, refusal.message)
                status = 403 if refusal.code == "not_participant" else 400
            else:
                messages.success(
                    request,
                    _("You are checked in to %(session)s. Welcome!")
                    % {"session": session.title or workshop.title},
                )
                return redirect(workshop)
        else:
            status = 400
    else:
        form = CheckInForm(initial={"code": attendance.normalise_code(request.GET.get("code"))})
    context = {"workshop": workshop, "form": form}
    return render(request, "workshops/check_in/form.html", context, status=status)


# Feedback -------------------------------------------------------------------------------

SCORE_CHOICES = [(score, str(score)) for score in attendance.SCORES]
YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]


class FeedbackForm(forms.Form):
    overall = forms.TypedChoiceField(
        label=gettext_lazy("Overall, how was the workshop? (1 poor, 5 excellent)"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    usefulness = forms.TypedChoiceField(
        label=gettext_lazy("How useful is it for your work? (1 not at all, 5 very)"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    will_apply = forms.TypedChoiceField(
        label=gettext_lazy("Will you apply what you learned?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_user_text],
        help_text=gettext_lazy("What worked, what to change. Markdown works."),
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        return "" if is_blank(comment) else comment


def _initial(feedback):
    if feedback is None:
        return {}
    return {
        "overall": feedback.overall,
        "usefulness": feedback.usefulness,
        "will_apply": "yes" if feedback.will_apply else "no",
        "comment": feedback.comment,
    }


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request, pk):
    """Short feedback after the workshop, from those who attended: once, editable."""
    workshop = get_object_or_404(
        permissions.visible_to(request.user).prefetch_related("sessions"), pk=pk
    )
    registration = attendance.feedback_registration(workshop, request.user)
    refusal = None
    if registration is None:
        refusal = _("Only participants who attended a session of this workshop give feedback.")
    elif not attendance.feedback_is_open(workshop):
        refusal = _("The feedback form opens when the workshop's last session has ended.")
    if refusal is not None:
        context = {"workshop": workshop, "refusal": refusal}
        return render(request, "workshops/feedback/form.html", context, status=403)
    existing = getattr(registration, "feedback", None)
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if _too_fast(request, "feedback", FEEDBACK_POSTS, FEEDBACK_WINDOW):
            form.is_valid()
            form.add_error(None, _("Too many submissions: wait a few minutes and try again."))
            status = 429
        elif form.is_valid():
            _feedback, created = attendance.save_feedback(registration, **form.cleaned_data)
            messages.success(
                request,
                _("Thank you for your feedback.") if created else _("Your feedback is updated."),
            )
            return redirect(workshop)
        else:
            status = 400
    else:
        form = FeedbackForm(initial=_initial(existing))
    context = {"workshop": workshop, "form": form, "existing": existing}
    return render(request, "workshops/feedback/form.html", context, status=status)


@login_required
@require_safe
def feedback_results(request, pk):
    """What the participants said: averages, distributions and comments (anonymous)."""
    workshop = _managed(request, pk, permissions.can_see_participants)
    context = {"workshop": workshop, "summary": attendance.feedback_summary(workshop)}
    return render(request, "workshops/feedback/results.html", context)
