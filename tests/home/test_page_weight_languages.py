"""A page in every interface language stays within the page weight a lesson is held to
(tests/courses/test_views.py: under 60 KB compressed with its stylesheet and scripts): the
demo's home page, a lesson of the first course (translated in Khmer, Lao, Vietnamese,
Mongolian and Thai) and the forum index, in each language."""

import gzip
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from wagtail.models import Locale

from accounts.models import User
from courses.curriculum import COURSE_SSE
from courses.models import CoursePage, LessonPage

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024


def weight(html):
    """The page's gzipped size with the stylesheet and scripts it links (as a first visit)."""
    total = len(gzip.compress(html))
    for asset in re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        with open(finders.find(asset.decode()), "rb") as file:
            total += len(gzip.compress(file.read()))
    return total


def test_every_language_stays_within_the_page_weight_budget(demo_db):
    learner = Client()
    learner.force_login(User.objects.get(email="learner@example.org"))
    course = CoursePage.objects.get(slug=COURSE_SSE["slug"], locale=Locale.get_default())
    lesson = LessonPage.objects.descendant_of(course).live().order_by("path").first()
    heavy = {}
    for code, _name in settings.LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        pages = {
            "home": (Client(), "/" if code == settings.LANGUAGE_CODE else f"/{code}/"),
            "lesson": (learner, lesson.get_translation(locale).url),
            "forum": (Client(), "/forum/" if code == settings.LANGUAGE_CODE else f"/{code}/forum/"),
        }
        for name, (client, url) in pages.items():
            response = client.get(url)
            assert response.status_code == 200, url
            assert f'<html lang="{code}"'.encode() in response.content, url
            if (size := weight(response.content)) >= BUDGET:
                heavy[f"{code} {name}"] = size
    assert heavy == {}
