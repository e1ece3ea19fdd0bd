"""The main menu: the home page's children marked "show in menus", then the app sections.

Later apps add their section here as (label, URL name), e.g. (_("Forum"), "forum:index").
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

APP_SECTIONS = [
    # (label, URL name) - each app adds its own as it lands.
]


def localized_home(request):
    """The current language's home page (the English one if not translated yet)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    translated = (
        Page.objects.filter(translation_key=root.translation_key, locale=Locale.get_active())
        .live().first()
    )
    return translated or root


def main_menu(request):
    """[{label, url, current}] for the header. Three queries, whatever the page tree."""
    home = localized_home(request)
    items = []
    if home is not None:
        items.append({"label": _("Home"), "url": home.get_url(request)})
        for page in home.get_children().live().public().in_menu().only(
            "id", "title", "url_path", "locale_id", "depth", "path"
        ):
            items.append({"label": page.title, "url": page.get_url(request)})
    for label, url_name in APP_SECTIONS:
        items.append({"label": label, "url": reverse(url_name)})
    home_link = items[0]["url"] if items else "/"
    for item in items:
        url = item["url"] or ""
        # The home link is current only on the home page; a section also below it.
        item["current"] = request.path == url or (url != home_link and
                                                  request.path.startswith(url))
    return items
