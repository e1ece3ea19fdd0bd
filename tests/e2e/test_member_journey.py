"""A member's day on a 390 px phone, in Chromium, as one journey: a lesson link opened while
signed out says why it needs an account; logging in from it lands back on the lesson (in
the member's language, Thai for the demo learner); the dashboard resumes at the first
step not done, never one already finished; a message in a space reads in the profile's
time zone (not the browser's) live and after a reload; the header's menu opens and closes
with the keyboard. Each stage is saved as a screenshot for review (tests/e2e/conftest.py:
build/screenshots/, or E2E_SCREENSHOTS)."""

import pytest
from wagtail.models import Locale

from accounts.models import User
from cop.models import Message
from core.times import format_time
from courses import services
from courses.models import CoursePage, LessonPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
COURSE = "from-mapping-to-policy-dialogue"
BROWSER_ZONE = "America/New_York"
PROFILE_ZONE = "Asia/Kathmandu"  # UTC+05:45, far from the browser's


def header_fits(page):
    height = page.locator(".site-header").bounding_box()["height"]
    assert height <= 0.15 * PHONE["height"], f"{page.url}: the header is {height} px high"
    return True


def in_view(page, locator):
    rect = locator.bounding_box()
    return rect is not None and rect["y"] >= 0 and rect["y"] + rect["height"] <= PHONE["height"]


def focus_in_menu(page):
    return page.evaluate("document.activeElement.closest('#site-menu') !== null")


def test_a_members_day_on_a_phone(asgi_server, chromium, shots):
    learner = User.objects.get(email="learner@example.org")
    assert learner.language == "th"  # the demo learner prefers Thai
    User.objects.filter(pk=learner.pk).update(time_zone=PROFILE_ZONE)
    course = CoursePage.objects.get(slug=COURSE, locale__language_code="en")
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    assert len(lessons) >= 3
    # Done earlier, on another device: the third lesson. The dashboard must not send the
    # learner back to it.
    services.complete_step(learner, course, lessons[2])
    thai_first = lessons[0].get_translation(Locale.objects.get(language_code="th"))

    context = chromium.new_context(
        base_url=asgi_server, viewport=PHONE, locale="en-US", timezone_id=BROWSER_ZONE
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    saved = []

    # 1. A lesson link, signed out: why it needs an account, and a way in back to it.
    page.goto(lessons[0].url)
    page.get_by_role("heading", level=1, name=lessons[0].title).wait_for()
    page.get_by_role("heading", name="Lessons are free, with an account").wait_for()
    assert header_fits(page)
    saved.append(shots(page, "1-lesson-signed-out"))
    page.get_by_role("main").get_by_role("link", name="Log in", exact=True).click()
    page.get_by_label("Email").fill("learner@example.org")
    page.get_by_label("Password:", exact=True).fill("demo-pass-2026")
    page.get_by_role("button", name="Log in", exact=True).click()

    # 2. Back on the lesson, in the learner's language, with its body to work through.
    page.wait_for_url(f"**{thai_first.url}")
    page.locator('html[lang="th"]').wait_for(state="attached")
    assert page.get_by_role("heading", level=1).inner_text() == thai_first.title
    assert page.locator('input[name="action"][value="complete"]').count() == 1  # the body
    assert header_fits(page)
    saved.append(shots(page, "2-back-on-the-lesson-in-thai"))
    page.locator('.language-switcher button[value="en"]').click()  # on in English
    page.wait_for_url(f"**{lessons[0].url}")
    page.locator('html[lang="en"]').wait_for(state="attached")
    page.get_by_role("button", name="Mark complete and continue").click()
    page.wait_for_url(f"**{lessons[1].url}")
    page.get_by_role("button", name="Mark complete and continue").click()
    page.wait_for_url(f"**{lessons[2].url}")
    page.get_by_text("You have completed this lesson.").wait_for()  # done on the other device

    # 3. The dashboard resumes at the first step not done: after the third lesson.
    outline = services.course_outline(course, learner)
    first_open = outline.first_incomplete()
    assert first_open is not None
    assert outline.position(first_open.page) > outline.position(lessons[2])
    page.goto("/")
    section = page.get_by_role("region", name="Continue learning")
    resume = section.get_by_role("link", name=f"Continue: {first_open.page.title}")
    assert resume.get_attribute("href") == first_open.page.url
    assert section.get_by_role("link", name=f"Continue: {lessons[2].title}").count() == 0
    assert header_fits(page)
    saved.append(shots(page, "3-dashboard"))
    resume.click()
    page.wait_for_url(f"**{first_open.page.url}")
    page.get_by_role("heading", level=1, name=first_open.page.title).wait_for()

    # 4. A space: the latest messages and the composer in view; a message's time in the
    # profile's zone, live and after a reload, never the browser's.
    page.goto("/spaces/thailand/")
    page.locator("#connection-status").filter(has_text="Connected").wait_for()
    composer = page.get_by_label("Message")
    assert in_view(page, composer)
    composer.fill("Who else is on the policy course?")
    page.get_by_role("button", name="Send").click()
    mine = page.locator("#messages li.message[data-id]:not(.is-local)").filter(
        has_text="on the policy course?"
    )
    mine.wait_for()
    message = Message.objects.get(pk=mine.get_attribute("data-id"))
    expected = format_time(message.created_at, PROFILE_ZONE)
    assert expected != format_time(message.created_at, BROWSER_ZONE)
    live = mine.locator("time").inner_text()
    author = mine.locator(".message-author a")  # linked live, as after a reload
    assert author.get_attribute("href") == f"/members/{learner.handle}/"
    assert in_view(page, composer)
    assert in_view(page, mine)
    saved.append(shots(page, "4-space-live", full_page=False))
    page.reload()
    again = page.locator(f"#m-{message.pk} time")
    again.wait_for()
    assert live == again.inner_text() == expected
    assert in_view(page, composer)
    saved.append(shots(page, "5-space-after-reload", full_page=False))

    # 5. The menu, with the keyboard alone: Tab to it, Enter opens, Escape closes.
    page.locator("body").focus()
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('menu-button')"):
            break
    menu = page.get_by_role("button", name="Menu")
    assert menu.evaluate("button => button === document.activeElement")
    page.keyboard.press("Enter")
    main_nav = page.get_by_role("navigation", name="Main")
    main_nav.wait_for()
    page.locator('.menu-button[aria-expanded="true"]').wait_for()  # set by the toggle event
    page.keyboard.press("Tab")
    assert focus_in_menu(page)
    assert main_nav.get_by_role("link", name="My learning").is_visible()
    saved.append(shots(page, "6-menu-open", full_page=False))
    page.keyboard.press("Escape")
    main_nav.wait_for(state="hidden")
    assert menu.evaluate("button => button === document.activeElement")
    context.close()

    for path in saved:  # saved for review: real PNGs, one per stage
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len({path.name for path in saved}) == 6
