from django.http import HttpResponse


def todo(request, *args, **kwargs):
    return HttpResponse("todo")
