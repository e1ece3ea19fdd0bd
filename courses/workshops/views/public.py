"""Placeholder: being written (issue 11)."""

from django.http import Http404


def workshop_list(request, *args, **kwargs):
    raise Http404


def workshop_detail(request, *args, **kwargs):
    raise Http404


def register(request, *args, **kwargs):
    raise Http404


def cancel(request, *args, **kwargs):
    raise Http404
