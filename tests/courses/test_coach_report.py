"""The coach report: a course's learners with their progress and quiz results, for
trainers and content editors only; filtered by country, constituency and completion,
paginated, exported as CSV that a spreadsheet opens safely."""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from accounts.constants import Constituency, Country, Role
from core.times import iso
from courses import services
from courses.models import Enrolment
from tests.accounts.factories import UserFactory, focal_point, site_admin
from tests.courses.conftest import build_course, lessons_of, quiz_of, right_choices

pytestmark = pytest.mark.django_db


def report_url(course, query=""):
    return f"/coach/{course.pk}/{query}"


def export_url(course, query=""):
    return f"/coach/{course.pk}/export.csv{query}"


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def trainer(client):
    user = UserFactory(roles=[Role.TRAINER], time_zone="Asia/Bangkok")
    client.force_login(user)
    return user


def learner_in(course, *, done=0, quiz=None, **fields):
    """A learner of `course` with its first `done` lessons complete and `quiz` attempts
    ("fail", "pass", in order)."""
    user = UserFactory(**fields)
    services.enrol(user, course)
    for lesson in lessons_of(course)[:done]:
        services.complete_step(user, course, lesson)
    quiz_page = quiz_of(course)
    for outcome in quiz or []:
        answers = right_choices(quiz_page) if outcome == "pass" else {}
        services.submit_quiz(user, course, quiz_page, answers)
    return user


@pytest.mark.parametrize("path", ["/coach/", "{report}", "{export}"])
def test_visitors_are_sent_to_log_in(client, course, path):
    url = path.format(report=report_url(course), export=export_url(course))

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(
    "member",
    [
        lambda: UserFactory(),
        lambda: UserFactory(roles=[Role.MODERATOR]),
        lambda: focal_point("TH"),
    ],
    ids=["learner", "moderator", "focal point"],
)
def test_other_members_are_refused(client, course, member):
    learner_in(course, done=1, name="Secret Learner")
    client.force_login(member())

    for url in ("/coach/", report_url(course), export_url(course)):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Secret Learner" not in response.content.decode()


@pytest.mark.parametrize(
    "coach",
    [
        lambda: UserFactory(roles=[Role.TRAINER]),
        lambda: UserFactory(roles=[Role.CONTENT_EDITOR]),
        site_admin,
    ],
    ids=["trainer", "content editor", "site admin"],
)
def test_trainers_and_content_editors_see_it(client, course, coach):
    client.force_login(coach())

    for url in ("/coach/", report_url(course), export_url(course)):
        assert client.get(url).status_code == 200, url


def test_a_course_that_is_not_live_is_not_found(client, trainer, course):
    course.unpublish()

    assert client.get(report_url(course)).status_code == 404
    assert client.get(export_url(course)).status_code == 404
    assert client.get("/coach/999999/").status_code == 404


def test_a_post_is_not_allowed(client, trainer, course):
    assert client.post(report_url(course)).status_code == 405


def test_learners_with_their_progress_and_quiz_results(client, trainer, course):
    started = learner_in(course, done=2, quiz=["fail"], name="Aung San")
    finished = learner_in(course, done=3, quiz=["fail", "pass"], name="Bopha Chan")
    UserFactory(name="Not Enrolled")
    learner_in(course, name="Gone Away", is_active=False)

    html = client.get(report_url(course)).content.decode()
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    first, second = body.split("</tr>")[:2]

    assert "2 learners, 1 completed" in html
    assert "Not Enrolled" not in html
    assert "Gone Away" not in html
    assert "Aung San" in first  # by name
    assert "Bopha Chan" in second
    assert "Thailand · Cooperative or SSE organization · Village Savings Cooperative" in first
    assert "2 (50%)" in first  # 2 of 4 required steps
    assert "0% best, 1 attempt" in first
    assert "passed" not in first
    assert "Not yet" in first
    assert "4 (100%)" in second
    assert "100% best, 2 attempts" in second
    assert "✓ passed" in second
    completed = Enrolment.objects.get(user=finished).completed_at
    day = f"{completed.astimezone(ZoneInfo('Asia/Bangkok')):%-d %b %Y}"  # the reader's zone
    assert f'<time datetime="{iso(completed)}" data-time="date">{day}</time>' in second
    assert started.name in first


def test_the_report_counts_a_quiz_never_tried(client, trainer, course):
    learner_in(course, done=1)

    html = client.get(report_url(course)).content.decode()

    assert "Not tried" in html
    assert quiz_of(course).title in html  # the quiz's column


@pytest.fixture
def mixed(course):
    learner_in(course, done=3, quiz=["pass"], name="Ana TH", country=Country.THAILAND)
    learner_in(
        course,
        name="Bo KH",
        country=Country.CAMBODIA,
        constituency=Constituency.GOVERNMENT,
    )
    learner_in(
        course,
        done=1,
        name="Chi KH",
        country=Country.CAMBODIA,
        constituency=Constituency.WORKERS,
    )
    return course


def names(html):
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [n for n in ("Ana TH", "Bo KH", "Chi KH") if n in body]


def test_filter_by_country(client, trainer, mixed):
    html = client.get(report_url(mixed, "?country=KH")).content.decode()

    assert names(html) == ["Bo KH", "Chi KH"]
    assert "2 learners, 0 completed" in html


def test_filter_by_constituency_and_country(client, trainer, mixed):
    html = client.get(report_url(mixed, "?country=KH&constituency=workers")).content.decode()

    assert names(html) == ["Chi KH"]


def test_filter_by_completion(client, trainer, mixed):
    done = client.get(report_url(mixed, "?completed=yes")).content.decode()
    not_done = client.get(report_url(mixed, "?completed=no")).content.decode()

    assert names(done) == ["Ana TH"]
    assert names(not_done) == ["Bo KH", "Chi KH"]


def test_a_bad_filter_is_left_out_and_reported(client, trainer, mixed):
    response = client.get(report_url(mixed, "?country=XX&constituency=government"))
    html = response.content.decode()

    assert response.status_code == 400
    assert "Some filters could not be used" in html
    assert "Select a valid choice" in html
    assert names(html) == ["Bo KH"]  # the good filter still applies


def test_no_match_says_so(client, trainer, mixed):
    html = client.get(report_url(mixed, "?country=MN")).content.decode()

    assert "No learner matches these filters." in html


def test_fifty_a_page_and_the_filters_kept_on_the_next(client, trainer, course):
    for n in range(52):
        learner_in(course, name=f"Learner {n:02}", country=Country.VIET_NAM)
    learner_in(course, name="Learner TH")

    first = client.get(report_url(course, "?country=VN")).content.decode()
    second = client.get(report_url(course, "?country=VN&page=2")).content.decode()

    assert first.count('<th scope="row">') == 50
    assert second.count('<th scope="row">') == 2
    assert "Learner 51" in second
    assert "Learner TH" not in second
    assert 'href="?country=VN&amp;page=2"' in first


def test_the_export_is_what_the_filters_show_every_page(client, trainer, mixed):
    rows = read_csv(client.get(export_url(mixed, "?country=KH&page=2")))

    header, *lines = rows
    assert header[:10] == [
        "Name",
        "Country",
        "Constituency",
        "Organization",
        "Enrolled",
        "Last visit",
        "Steps done",
        "Steps",
        "Progress (%)",
        "Completed",
    ]
    quiz = quiz_of(mixed).title
    assert header[10:] == [f"{quiz}: best score (%)", f"{quiz}: attempts", f"{quiz}: passed"]
    assert [line[0] for line in lines] == ["Bo KH", "Chi KH"]
    assert lines[1][1:4] == ["Cambodia", "Workers' organization", "Village Savings Cooperative"]
    assert lines[1][6:10] == ["1", "4", "25", ""]
    assert lines[1][10:] == ["", "0", "no"]


def test_the_export_gives_the_results_and_times_in_the_readers_zone(client, trainer, course):
    user = learner_in(course, done=3, quiz=["fail", "pass"], name="Dara")
    enrolment = Enrolment.objects.get(user=user)

    _header, line = read_csv(client.get(export_url(course)))

    completed = datetime.strptime(line[9], "%Y-%m-%d %H:%M").replace(
        tzinfo=ZoneInfo("Asia/Bangkok")
    )
    assert abs((completed - enrolment.completed_at).total_seconds()) < 60
    assert line[6:9] == ["4", "4", "100"]
    assert line[10:] == ["100", "2", "yes"]


def test_the_export_neutralises_formulas(client, trainer, course):
    learner_in(course, name='=HYPERLINK("http://evil.example","x")', organization="@SUM(A1)")
    learner_in(course, name="+1 Plus", organization="-2 Minus")

    lines = read_csv(client.get(export_url(course)))[1:]

    cells = {cell for line in lines for cell in line}
    assert '\'=HYPERLINK("http://evil.example","x")' in cells
    assert {"'@SUM(A1)", "'+1 Plus", "'-2 Minus"} <= cells
    assert not any(cell[:1] in "=+-@" for cell in cells if cell)


def test_an_export_with_bad_filters_is_refused(client, trainer, mixed):
    response = client.get(export_url(mixed, "?constituency=nobody"))

    assert response.status_code == 400
    assert "Correct the filters to export." in response.content.decode()


def test_exports_are_rate_limited(client, trainer, course):
    statuses = [client.get(export_url(course)).status_code for _ in range(21)]

    assert statuses[:20] == [200] * 20
    assert statuses[20] == 429


def test_the_course_page_links_to_it_for_those_who_may_see_it(client, course):
    link = f'href="{report_url(course)}"'
    anonymous = client.get(course.url).content.decode()
    client.force_login(UserFactory())
    learner = client.get(course.url).content.decode()
    client.force_login(UserFactory(roles=[Role.CONTENT_EDITOR]))
    editor = client.get(course.url).content.decode()

    assert link not in anonymous
    assert link not in learner
    assert link in editor


def test_the_index_lists_the_courses_with_their_learners(client, trainer, course):
    other = build_course(slug="other-course")
    learner_in(course, done=3, quiz=["pass"])
    learner_in(course)

    html = client.get("/coach/").content.decode()

    assert f'href="{report_url(course)}"' in html
    assert f'href="{report_url(other)}"' in html
    assert "2 learners, 1 completed" in html
    assert "0 learners, 0 completed" in html
