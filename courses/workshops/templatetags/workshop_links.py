"""`{% course_workshops page as workshops %}`: the upcoming workshops that point to a
course, for the course page (one query; see shell.course_workshops)."""

from django import template

from .. import shell

register = template.Library()


@register.simple_tag(takes_context=True)
def course_workshops(context, course):
    return shell.course_workshops(context.get("request"), course)
