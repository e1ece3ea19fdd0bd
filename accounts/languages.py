"""A member's language: which ones the interface speaks (settings.LANGUAGES, each with its
catalogue) and which are content only, and putting a member's in force.

The preferred language on the profile (User.language) may be any of PREFERRED_LANGUAGES;
only an interface language switches the site: after login (receivers.py) and when the
member changes it on the profile (views.ProfileView). The language of a page is its URL's
(English unprefixed, /th/... for Thai), so switching means sending the member to the
same page under the language's prefix, and setting Django's language cookie as the
language switcher does.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .constants import COUNTRY_LANGUAGES, PREFERRED_LANGUAGES


def has_interface(code):
    """Whether the site itself can be read in the language `code`."""
    return code in dict(settings.LANGUAGES)


def email_language(code):
    """The language an e-mail to a member whose profile prefers `code` is written in: that
    language if the interface has it (its links then open in it), else the site's."""
    try:
        return translation.get_supported_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def is_reviewed(code):
    """Whether a native speaker has reviewed the catalogue of `code` (settings.
    REVIEWED_LANGUAGES; each catalogue's header says the same, tests/test_translations.py)."""
    return code == settings.LANGUAGE_CODE or code in settings.REVIEWED_LANGUAGES


def country_languages(country):
    """The interface languages the country `country` (a code, "KH") reads, its own first."""
    return [code for code in COUNTRY_LANGUAGES.get(country or "", []) if has_interface(code)]


def interface_languages(country=""):
    """Every interface language as (code, its name in its own script), the languages of
    `country` first (a country's profile, space or forum category offers them first),
    then the others in settings.LANGUAGES's order."""
    first = country_languages(country)
    named = dict(settings.LANGUAGES)
    return [(code, named[code]) for code in first] + [
        (code, name) for code, name in settings.LANGUAGES if code not in first
    ]


def language_choices():
    """The profile's choices: the interface languages first, as one group, then the
    languages only content comes in (each named in its own script, as PREFERRED_LANGUAGES)."""
    interface = [(code, name) for code, name in PREFERRED_LANGUAGES if has_interface(code)]
    content = [(code, name) for code, name in PREFERRED_LANGUAGES if not has_interface(code)]
    groups = [(_("The site and its content"), interface)]
    if content:
        groups.append((_("Content only: the site is not in these languages yet"), content))
    return groups


def translate_path(url, code):
    """`url` (a path, or an absolute URL of this site) as the same page in the language
    `code`: "/th/forum/" in English is "/forum/". Django's translate_url reads a path in the
    active language, where "/th/forum/" read as English is a Wagtail page "th/forum/"; here
    a path is read in its own language (its prefix's, else the default)."""
    own = translation.get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE
    with translation.override(own):
        return translate_url(url, code)


def switch_to(request, response, code):
    """Put the interface language `code` in force for the rest of `request` (its messages)
    and from `response` on: a redirect goes to the same page in that language, and the
    language cookie is set. Nothing changes for a language without an interface."""
    if not has_interface(code):
        return response
    if response.has_header("Location"):
        response["Location"] = translate_path(response["Location"], code)
    translation.activate(code)
    request.LANGUAGE_CODE = code
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
