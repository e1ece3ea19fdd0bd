"""Placeholder: being written (issue 11)."""

from django.http import Http404


def manage_list(request, *args, **kwargs):
    raise Http404


def create(request, *args, **kwargs):
    raise Http404


def overview(request, *args, **kwargs):
    raise Http404


def edit(request, *args, **kwargs):
    raise Http404


def publish(request, *args, **kwargs):
    raise Http404


def cancel_workshop(request, *args, **kwargs):
    raise Http404


def decide(request, *args, **kwargs):
    raise Http404


def cancel_registration(request, *args, **kwargs):
    raise Http404


def export(request, *args, **kwargs):
    raise Http404
