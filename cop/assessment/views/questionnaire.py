"""The questionnaire: starting (or resuming) an assessment, its eight steps, and the
review that submits it.

Every view finds the assessment through views.common (404 for anyone who may not
assess its organization, whatever the id says) and changes it through services.py.
A step is saved by each of its three buttons (on to the next step, back to the previous
one, or back to the organization to finish later); unanswered questions may wait, but
an answer off its scale shows the step again (400) with nothing saved. A submitted
assessment is never changed: its steps lead to its result, and submitting it again is
a 409. Every POST counts against the assessment's rate limit.

A step and the review each make a constant number of queries: the assessment with its
organization, the reader's memberships, the questions (one query, views.questionnaire),
the answers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import services
from ..constants import Answer, Met
from ..questionnaire import questions, step_of, steps
from ..step_forms import StepForm, field_name
from .common import assessable_org, assessment_for, refusal_status, slow_down, too_fast


def answers_of(assessment):
    """{question translation key: value} of the assessment's answers (one query)."""
    return dict(assessment.responses.values_list("question_key", "value"))


def _first_unanswered_step(assessment, by_key, answers):
    missing = services.unanswered(assessment, by_key, answers=answers)
    return step_of(missing[0]) if missing else None


def _resume(assessment, by_key, answers):
    """Where a draft carries on: the first step with a question left, else the review."""
    number = _first_unanswered_step(assessment, by_key, answers)
    if number is None:
        return redirect("assessment_review", assessment.pk)
    return redirect("assessment_step", assessment.pk, number)


@login_required
@require_POST
def start(request, pk):
    """Starts an assessment of the organization, or resumes the one in progress."""
    org = assessable_org(request, pk)
    if too_fast(request):
        return slow_down(request)
    try:
        draft = services.start_assessment(request.user, org)
    except services.Refused:
        raise Http404 from None
    by_key = questions()
    return _resume(draft, by_key, answers_of(draft))


# --- A step ------------------------------------------------------------------------------


def _step_page(request, assessment, step, all_steps, form, *, error=None, status=200):
    context = {
        "assessment": assessment,
        "org": assessment.organization,
        "step": step,
        "step_count": len(all_steps),
        "form": form,
        "error": error,
    }
    return render(request, "assessment/step.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def step(request, pk, step):
    assessment = assessment_for(request, pk, assess=True)
    all_steps = steps(questions())
    if not 1 <= step <= len(all_steps):
        raise Http404
    if not assessment.is_draft:
        return redirect("assessment_result", assessment.pk)
    current = all_steps[step - 1]
    answers = answers_of(assessment)
    if request.method != "POST":
        return _step_page(request, assessment, current, all_steps, StepForm(current, answers))
    if too_fast(request):
        return slow_down(request)
    form = StepForm(current, answers, request.POST)
    if not form.is_valid():
        return _step_page(request, assessment, current, all_steps, form, status=400)
    try:
        services.save_answers(request.user, assessment, form.answers())
    except services.Refused as refusal:
        return _step_page(
            request,
            assessment,
            current,
            all_steps,
            form,
            error=refusal.message,
            status=refusal_status(refusal),
        )
    action = request.POST.get("action")
    if action == "later":
        messages.success(
            request, _("Your answers are saved. Carry on with the assessment when you are ready.")
        )
        return redirect("assessment_org", assessment.organization_id)
    if action == "back" and step > 1:
        return redirect("assessment_step", assessment.pk, step - 1)
    if action == "back":
        return redirect("assessment_org", assessment.organization_id)
    if step < len(all_steps):
        return redirect("assessment_step", assessment.pk, step + 1)
    return redirect("assessment_review", assessment.pk)


# --- The review --------------------------------------------------------------------------


def _labels():
    return {"feature": dict(Answer.choices), "condition": dict(Met.choices)}


def _review_steps(assessment, all_steps, answers):
    """Each step with its questions and the label of each answer (None: not answered)."""
    labels = _labels()
    rows = []
    for s in all_steps:
        scale = labels["condition"] if s.is_conditions else labels["feature"]
        items = []
        for q in s.in_order():
            value = answers.get(q.translation_key)
            items.append(
                {
                    "question": q,
                    "answer": None if value is None else scale.get(value),
                    "url": reverse("assessment_step", args=[assessment.pk, s.number])
                    + f"#{field_name(q)}",
                }
            )
        rows.append({"step": s, "items": items})
    return rows


def _review_page(request, assessment, by_key, answers, *, error=None, status=200):
    all_steps = steps(by_key)
    rows = _review_steps(assessment, all_steps, answers)
    missing = [item for row in rows for item in row["items"] if item["answer"] is None]
    context = {
        "assessment": assessment,
        "org": assessment.organization,
        "rows": rows,
        "missing": missing,
        "error": error,
    }
    return render(request, "assessment/review.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def review(request, pk):
    """Every answer, step by step, with a link to change each step; POST submits."""
    assessment = assessment_for(request, pk, assess=True)
    if request.method != "POST":
        if not assessment.is_draft:
            return redirect("assessment_result", assessment.pk)
        by_key = questions()
        return _review_page(request, assessment, by_key, answers_of(assessment))
    if too_fast(request):
        return slow_down(request)
    try:
        services.submit(request.user, assessment)
    except services.Refused as refusal:
        if refusal.code == "submitted":
            context = {"assessment": assessment, "org": assessment.organization}
            return render(request, "assessment/review_submitted.html", context, status=409)
        by_key = questions()
        return _review_page(
            request,
            assessment,
            by_key,
            answers_of(assessment),
            error=refusal.message,
            status=refusal_status(refusal),
        )
    messages.success(request, _("The assessment is submitted. Here is your result."))
    return redirect("assessment_result", assessment.pk)
