"""A quiz page (QuizPage.serve calls serve_quiz): the form of the learner's next attempt,
the result of the one just submitted, and the attempts so far.

Every rule of the quiz is the server's (courses.services): the number of attempts, the
wait between two, when the correct answers are shown, the order an attempt draws. An
attempt the quiz does not allow now is refused with the page itself saying why and when
it opens, in the reader's time zone: 409 when no attempt is left, 429 with Retry-After
during the wait. Submissions are rate limited per learner.
"""

import math

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import ratelimit
from core.times import reader_zone

from . import services
from .models import AnswersShown
from .page_views import _bad_request as bad_request
from .page_views import _lesson_context as step_context
from .page_views import is_preview
from .quiz import AnswerError, option_keys, parse_keys

# Quiz submissions per learner: far more than a person sends; a script stops here.
POSTS_PER_WINDOW = 20
POST_WINDOW = 300  # seconds


def too_fast(request):
    return ratelimit.hit(f"courses:quiz:{request.user.pk}", POSTS_PER_WINDOW, POST_WINDOW)


def _answers(request, quiz):
    """{question id: set of option keys} from the form, or AnswerError for a key the
    question does not have."""
    return {
        question_id: parse_keys(
            request.POST.getlist(f"q-{question_id}"),
            [key for key, _option in option_keys(question)],
        )
        for question_id, question in services.quiz_questions(quiz)
    }


def serve_quiz(request, quiz):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = services.course_for(quiz)
    user = request.user
    result = certificate = refused = None
    if request.method == "POST" and not is_preview(request):
        if too_fast(request):
            return render(request, "429.html", status=429)
        try:
            answers = _answers(request, quiz)
            # Grading refuses two options for a single-choice question; it comes before
            # anything is stored.
            result, certificate = services.submit_quiz(user, course, quiz, answers)
        except AnswerError:
            return bad_request(request, quiz, _("An answer is not one of the options."))
        except services.QuizClosed as closed:
            refused = closed
    elif not is_preview(request):
        services.visit_step(user, course, quiz)
    status = services.quiz_status(user, quiz)
    outline = services.course_outline(course, user)
    context = step_context(request, quiz, course, outline)
    context.update(
        result=result,
        certificate=certificate,
        refused=refused,
        status=status,
        shows_answers=services.answers_shown(quiz, status),
        answers_later=quiz.show_answers != AnswersShown.NEVER
        and (quiz.show_answers == AnswersShown.AFTER_PASSING or status.limit is not None),
        questions=services.draw_quiz(user, quiz, status.number)
        if result is None and status.is_open()
        else [],
        attempts=services.recent_attempts(user, quiz),
        reader_zone=reader_zone(user),
    )
    response = TemplateResponse(request, "courses/quiz_page.html", context)
    if refused is not None:
        if refused.code == "wait":
            response.status_code = 429
            wait = (status.opens_at - timezone.now()).total_seconds()
            response["Retry-After"] = str(max(1, math.ceil(wait)))
        else:
            response.status_code = 409
    return response
