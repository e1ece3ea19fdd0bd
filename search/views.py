from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core import registry

PAGE_SIZE = 10
MAX_QUERY = 200


@require_safe
def search(request):
    """Site search over every provider in core.registry.search_providers.

    The first provider (the pages) fills the main column, a page at a time; each other one
    shows a short preview beside it and has a tab of its own, `?in=<key>`, that pages
    through its results alone. Each provider returns only what this reader may see.
    """
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    providers = list(registry.search_providers)
    main, others = providers[0], providers[1:]
    tab = next((p for p in others if p.key == request.GET.get("in")), None)
    context = {"query": query, "main": main, "others": others, "tab": tab}
    number = request.GET.get("page")
    if tab is not None:
        context["results"] = _page(tab.search(request, query) if query else [], number)
    else:
        context["results"] = _page(main.search(request, query) if query else [], number)
        context["previews"] = [
            (provider, list(provider.search(request, query)[: provider.preview]) if query else [])
            for provider in others
        ]
    return render(request, "search/search.html", context)


def _page(results, number):
    paginator = Paginator(results, PAGE_SIZE)
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
