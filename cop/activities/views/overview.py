from django.http import Http404


def overview(request):
    raise Http404


def export(request, fmt):
    raise Http404
