from django.http import Http404


def upload(request, pk):
    raise Http404


def download(request, pk, evidence_id):
    raise Http404
