from django.http import Http404


def create(request):
    raise Http404


def detail(request, pk):
    raise Http404


def edit(request, pk):
    raise Http404


def history(request, pk):
    raise Http404


def post_update(request, pk):
    raise Http404


def comment(request, pk):
    raise Http404


def indicator(request, pk, indicator_id=None):
    raise Http404


def values(request, pk, indicator_id):
    raise Http404
