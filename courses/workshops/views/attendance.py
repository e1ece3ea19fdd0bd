"""Placeholder: being written (issue 11)."""

from django.http import Http404


def check_in(request, *args, **kwargs):
    raise Http404


def feedback(request, *args, **kwargs):
    raise Http404


def roster(request, *args, **kwargs):
    raise Http404


def check_in_code(request, *args, **kwargs):
    raise Http404


def feedback_results(request, *args, **kwargs):
    raise Http404
