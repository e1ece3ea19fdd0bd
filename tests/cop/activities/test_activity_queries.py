"""The activity page, its history and its values page make the same number of queries
whatever the number of indicators, values, updates, comments and changes behind them."""

from decimal import Decimal

import pytest
from simple_history.utils import bulk_create_with_history

from cop.activities.models import Evidence, IndicatorValue
from cop.activities.periods import recent
from tests.accounts.factories import UserFactory, focal_point
from tests.cop.factories import national_space
from tests.courses.factories import CoursePageFactory
from tests.courses.workshops.factories import WorkshopFactory
from tests.forum.factories import TopicFactory

from .factories import ActivityFactory, CommentFactory, IndicatorFactory, UpdateFactory

pytestmark = pytest.mark.django_db

SEXES = ("", "woman", "man", "undisclosed")


def build(indicators, quarters, updates, comments):
    """A Thai activity linked to a workshop, a course, a space and a topic, with
    `indicators` indicators broken down by sex, each with a total and three cells in each
    of `quarters` quarters, `updates` updates with a file each, and `comments` comments."""
    author = UserFactory()
    activity = ActivityFactory(
        country="TH",
        owners=[author],
        workshop=WorkshopFactory(),
        course_page=CoursePageFactory(),
        space=national_space("TH"),
        topic=TopicFactory(),
    )
    cells = []
    for _n in range(indicators):
        indicator = IndicatorFactory(activity=activity, by_sex=True, by_constituency=True)
        for period in recent(quarters):
            for sex in SEXES:
                cells.append(
                    IndicatorValue(
                        indicator=indicator,
                        year=period.year,
                        quarter=period.quarter,
                        sex=sex,
                        value=Decimal(10 if not sex else 3),
                        reported_by=author,
                    )
                )
    values = bulk_create_with_history(cells, IndicatorValue, default_user=author)
    for n, update in enumerate(
        UpdateFactory.create_batch(updates, activity=activity, author=author)
    ):
        Evidence.objects.create(
            activity=activity,
            update=update,
            value=values[n % len(values)],
            file=f"{activity.pk}/{n}.pdf",
            name=f"minutes-{n}.pdf",
            extension=".pdf",
            content_type="application/pdf",
            size=1000,
            sha256="0" * 64,
        )
    CommentFactory.create_batch(comments, activity=activity, author=author)
    return activity


SMALL = {"indicators": 1, "quarters": 1, "updates": 1, "comments": 1}
LARGE = {"indicators": 50, "quarters": 10, "updates": 100, "comments": 80}  # 2,000 values

# Session, user, roles; the activity with its links, its owners; the evidence, a page of
# updates, a page of comments, the indicators with their actuals, the values of the
# quarters shown; the history summary (the activity's versions, their owners, the
# indicators', the values', the reports'); the latest event (where a live reconnect
# replays from); the site (the header's menu).
ACTIVITY_PAGE_QUERIES = 16


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["small", "large"])
def test_the_activity_page_makes_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size
):
    activity = build(**size)
    assert IndicatorValue.objects.filter(indicator__activity=activity).count() == (
        size["indicators"] * size["quarters"] * 4
    )
    client.force_login(UserFactory())
    client.get(activity.get_absolute_url())

    with django_assert_num_queries(ACTIVITY_PAGE_QUERIES):
        response = client.get(activity.get_absolute_url())

    assert response.status_code == 200
    assert len(response.context["indicators"]) == size["indicators"]


# Session, user, roles; the activity with its links, its owners; the page of changes
# (the activity's versions, their owners, the indicators', the values', the reports');
# the site.
HISTORY_PAGE_QUERIES = 10


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["small", "large"])
def test_the_history_page_makes_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size
):
    activity = build(**size)
    client.force_login(UserFactory())
    url = f"/activities/{activity.pk}/history/"
    client.get(url)

    with django_assert_num_queries(HISTORY_PAGE_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    assert response.context["page"].changes


# Session, user, roles and scopes; the activity, its owners; the indicator; the
# country's reports and the indicator's values of the quarters offered; the site.
VALUES_PAGE_QUERIES = 9


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["small", "large"])
def test_the_values_page_makes_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size
):
    activity = build(**size)
    indicator = activity.indicators.last()
    client.force_login(focal_point("TH"))
    url = f"/activities/{activity.pk}/indicators/{indicator.pk}/values/"
    client.get(url)

    with django_assert_num_queries(VALUES_PAGE_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    assert len(response.context["forms"]) == 4
