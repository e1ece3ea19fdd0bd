"""Request handling of the course pages that act (their serve() calls these); quizzes
have theirs in quiz_views.py.

Lessons and quizzes need an account; every change goes through courses.services.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import services
from .models import ReflectionAnswer
from .quiz import AnswerError, grade_question, parse_choices


def _bad_request(request, page, message):
    return TemplateResponse(
        request, "courses/bad_request.html", {"page": page, "message": message}, status=400
    )


def enrol(request, course):
    if not request.user.is_authenticated:
        return redirect_to_login(course.get_url(request))
    enrolment = services.enrol(request.user, course)
    target = services.resume_page(services.course_outline(course, request.user), enrolment)
    return HttpResponseRedirect(target.get_url(request) if target else course.get_url(request))


def _lesson_context(request, lesson, course, outline):
    position = outline.position(lesson)
    steps = outline.steps
    return {
        "page": lesson,
        "self": lesson,
        "course": course,
        "outline": outline,
        "step": steps[position] if position is not None else None,
        "previous_page": steps[position - 1].page if position else None,
        "next_page": steps[position + 1].page
        if position is not None and position + 1 < len(steps)
        else None,
        "module": next((m for m in outline.modules if lesson.path.startswith(m.page.path)), None),
    }


def is_preview(request):
    """An editor previewing in the Wagtail admin: show the page, record nothing."""
    return getattr(request, "is_preview", False)


def signed_out_lesson(request, lesson):
    """A lesson opened while signed out: what a free account gives (saved progress,
    quizzes, a certificate), with Sign up and Log in that come back here. 403, as for
    anything that needs an account; nothing is recorded and nothing of the lesson's
    body is shown."""
    course = services.course_for(lesson)
    context = {
        "page": lesson,
        "self": lesson,
        "course": course,
        "course_url": course.get_url(request) if course else None,
        "next": request.get_full_path(),
    }
    return TemplateResponse(request, "courses/lesson_signed_out.html", context, status=403)


def serve_lesson(request, lesson):
    if not request.user.is_authenticated:
        return signed_out_lesson(request, lesson)
    course = services.course_for(lesson)
    user = request.user
    checks = {}
    if request.method == "POST" and not is_preview(request):
        action = request.POST.get("action")
        if action == "complete":
            certificate = services.complete_step(user, course, lesson)
            return _after_completion(request, course, lesson, certificate)
        if action == "reflect":
            return _save_reflection(request, lesson)
        if action == "check":
            checks = _knowledge_check(request, lesson)
            if checks is None:
                return _bad_request(request, lesson, _("That answer is not one of the options."))
        else:
            return _bad_request(request, lesson, _("Unknown action."))
    if not is_preview(request):
        services.visit_step(user, course, lesson)
    outline = services.course_outline(course, user)
    context = _lesson_context(request, lesson, course, outline)
    has_prompts = any(raw["type"] == "reflection" for raw in lesson.body.raw_data)
    context["reflections"] = (
        {
            answer.block_id: answer
            for answer in ReflectionAnswer.objects.filter(
                user=user, lesson_key=lesson.translation_key
            )
        }
        if has_prompts
        else {}
    )
    context["checks"] = checks
    context["body_parts"], context["outline_html"] = _fragments(request, lesson, outline, context)
    return TemplateResponse(request, "courses/lesson_page.html", context)


# A learner's own blocks: rendered on every request, from the page's body.
INTERACTIVE = ("reflection", "knowledge_check")
FRAGMENT_SECONDS = 24 * 60 * 60  # a bound only: the keys change with the outline's version


def _fragments(request, lesson, outline, context):
    """(body parts, outline HTML) of a lesson, rendered once and then read from the cache:
    - the body's blocks that are the same for every learner, per language and version of
      the course's outline (which changes when any page of the course, or a feature, is
      published): [(type, id, html or None, block or None)], with the block itself only for
      reflections and knowledge checks, which show the learner's own answers;
    - the outline beside it, also per the steps this learner has completed.
    Both in one cache read. An editor's preview renders everything afresh."""
    language = get_language()
    body_key = f"courses:lesson-body:{lesson.pk}:{outline.version}:{language}"
    outline_key = (
        f"courses:lesson-outline:{lesson.pk}:{outline.version}:{outline.completed_digest}:"
        f"{language}"
    )
    found = (
        {}
        if is_preview(request) or not outline.version
        else cache.get_many([body_key, outline_key])
    )
    body = found.get(body_key)
    if body is None:
        body = [
            (
                block.block_type,
                block.id,
                None
                if block.block_type in INTERACTIVE
                else str(block.render_as_block(context={"request": request, "page": lesson})),
            )
            for block in lesson.body
        ]
    outline_html = found.get(outline_key)
    if outline_html is None:
        outline_html = render_to_string(
            "courses/includes/outline_aside.html",
            {**context, "show_progress": True, "current": lesson, "user": request.user},
            request=request,
        )
    if not is_preview(request) and outline.version and len(found) < 2:
        cache.set_many({body_key: body, outline_key: outline_html}, FRAGMENT_SECONDS)
    parts = [
        (kind, block_id, mark_safe(html) if html is not None else None, None)  # noqa: S308 - rendered by our templates
        for kind, block_id, html in body
    ]
    if any(html is None for _kind, _id, html, _block in parts):
        # Only these blocks are converted (a StreamValue converts lazily, by block type).
        body_value = lesson.body
        blocks = {
            body_value[index].id: body_value[index]
            for index, raw in enumerate(body_value.raw_data)
            if raw["type"] in INTERACTIVE
        }
        parts = [
            (kind, block_id, html, blocks.get(block_id) if html is None else None)
            for kind, block_id, html, _block in parts
        ]
    return parts, mark_safe(outline_html)  # noqa: S308 - rendered by our templates


def _after_completion(request, course, step, certificate):
    outline = services.course_outline(course, request.user)
    position = outline.position(step)
    if certificate is not None and outline.is_complete:
        messages.success(request, _("You have completed the course. Your certificate is ready."))
        return HttpResponseRedirect(course.get_url(request))
    if position is not None and position + 1 < len(outline.steps):
        return HttpResponseRedirect(outline.steps[position + 1].page.get_url(request))
    return HttpResponseRedirect(course.get_url(request))


def _save_reflection(request, lesson):
    block_id = request.POST.get("block", "")
    text = request.POST.get("text", "").strip()
    prompts = {block.id for block in lesson.body if block.block_type == "reflection"}
    if block_id not in prompts:
        return _bad_request(request, lesson, _("That reflection prompt does not exist."))
    if not text:
        return _bad_request(request, lesson, _("Write something before you save."))
    if len(text) > ReflectionAnswer.MAX_LENGTH:
        return _bad_request(
            request,
            lesson,
            _("Your answer is too long: at most %(limit)d characters.")
            % {"limit": ReflectionAnswer.MAX_LENGTH},
        )
    services.save_reflection(request.user, lesson, block_id, text)
    messages.success(request, _("Your reflection is saved. Only you can see it."))
    return HttpResponseRedirect(f"{lesson.get_url(request)}#block-{block_id}")


def _knowledge_check(request, lesson):
    """{block id: QuestionResult} for the check answered, or None if the answer is bogus."""
    block_id = request.POST.get("block", "")
    block = next(
        (b for b in lesson.body if b.id == block_id and b.block_type == "knowledge_check"), None
    )
    if block is None:
        return None
    try:
        chosen = parse_choices(request.POST.getlist("option"), len(block.value["options"]))
        return {block_id: grade_question(block_id, block.value, chosen)}
    except AnswerError:
        return None
