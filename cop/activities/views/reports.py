from django.http import Http404


def report_list(request):
    raise Http404


def report(request, country, period):
    raise Http404


def submit(request, country, period):
    raise Http404


def review(request, country, period):
    raise Http404
