"""`{% course_workshops page as workshops %}`: the upcoming workshops that point to a
course, for the course page (one query; see shell.course_workshops).
`{% workshop_when workshop as when %}`: a workshop's first session (its `first_start`
annotation) in the reader's zone with the workshop's beside it; no query."""

from django import template

from .. import shell
from ..times import for_reader

register = template.Library()


@register.simple_tag(takes_context=True)
def course_workshops(context, course):
    return shell.course_workshops(context.get("request"), course)


@register.simple_tag(takes_context=True)
def workshop_when(context, workshop):
    request = context.get("request")
    return for_reader(getattr(request, "user", None))(workshop.first_start, workshop)
