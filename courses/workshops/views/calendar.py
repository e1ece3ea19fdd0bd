"""Placeholder: being written (issue 11)."""

from django.http import Http404


def workshop_ics(request, *args, **kwargs):
    raise Http404


def feed_settings(request, *args, **kwargs):
    raise Http404


def feed(request, *args, **kwargs):
    raise Http404
