"""Phone first, in real Chromium at 390 x 844: the header is one short bar whose Menu button
opens the navigation (with the keyboard, and without JavaScript); a space opens at its
latest messages with the composer in view, and the composer stays there while reading."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from cop.models import Space
from tests.accounts.factories import UserFactory
from tests.cop.factories import MembershipFactory, MessageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def new_page(chromium, base_url, **options):
    options.setdefault("viewport", PHONE)
    context = chromium.new_context(base_url=base_url, locale="en-US", **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture
def member(seeded_database):
    """A member of the regional and the Thai space who reads the site in English."""
    person = UserFactory(name="Malee Chaiyo", language="en")
    for slug in ("regional", "thailand"):
        MembershipFactory(space=Space.objects.get(slug=slug), user=person)
    return person


def signed_in(context, base_url, person):
    """The browser context carries `person`'s session (logging in is not what these tests
    are about: tests/e2e/test_account_journey.py goes through the form)."""
    client = Client()
    client.force_login(person)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


def box(locator):
    return locator.bounding_box()


def in_view(page, locator):
    """The element's whole box is inside the viewport."""
    rect = box(locator)
    size = page.viewport_size
    return (
        rect is not None
        and rect["y"] >= 0
        and rect["y"] + rect["height"] <= size["height"] + 0.5
        and rect["x"] >= 0
        and rect["x"] + rect["width"] <= size["width"] + 0.5
    )


def focused(page):
    """The focused element's accessible text (its name, roughly)."""
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return (e.getAttribute('aria-label') || e.innerText || e.value || e.tagName).trim(); }"
    )


def expanded(page, value):
    """Wait until the Menu button says aria-expanded=value (the toggle event is a task)."""
    page.wait_for_function(
        "value => document.querySelector('.menu-button').getAttribute('aria-expanded') === value",
        arg=value,
    )
    return True


def menu_is_open(page):
    return page.evaluate("document.getElementById('site-menu').matches(':popover-open')")


def test_the_header_is_one_short_bar_on_a_phone_and_full_on_a_desktop(
    member, live_server, chromium, shots
):
    for who in (None, member):
        context, page = new_page(chromium, live_server.url)
        if who:
            signed_in(context, live_server.url, who)
        for path in ("/", "/courses/", "/spaces/", "/forum/", "/workshops/", "/search/?q=sse"):
            page.goto(path)
            height = box(page.locator(".site-header"))["height"]
            assert height <= 0.15 * PHONE["height"], f"{path}: the header is {height} px high"
            assert page.get_by_role("button", name="Menu").is_visible()
            assert not page.get_by_role("navigation", name="Main").is_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        shots(page, "header-" + ("member" if who else "visitor"))
        if who is None:  # the visitor's essential: logging in, in the bar itself
            assert in_view(page, page.locator(".header-bar").get_by_role("link", name="Log in"))

        # A desktop keeps the full header: no Menu button, every link in sight.
        page.set_viewport_size(DESKTOP)
        page.goto("/courses/")
        assert not page.get_by_role("button", name="Menu").is_visible()
        main = page.get_by_role("navigation", name="Main")
        for name in ("Courses", "Spaces", "Forum"):
            assert main.get_by_role("link", name=name, exact=True).is_visible()
        assert page.get_by_role("searchbox", name="Search the site").is_visible()
        account = page.get_by_role("navigation", name="Your account")
        assert account.get_by_role(
            "button" if who else "link", name="Log out" if who else "Sign up"
        ).is_visible()
        assert box(account)["y"] < box(main)["y"]  # the account links top right, above the menu
        shots(page, "header-desktop-" + ("member" if who else "visitor"))
        context.close()


def test_the_menu_opens_with_the_keyboard_and_escape_closes_it(
    seeded_database, live_server, chromium, shots
):
    context, page = new_page(chromium, live_server.url)
    page.goto("/courses/")
    button = page.get_by_role("button", name="Menu")
    assert button.get_attribute("aria-controls") == "site-menu"
    assert button.get_attribute("aria-expanded") == "false"

    # Tab order: the skip link, the brand, the visitor's Log in, then the Menu button.
    page.locator("body").focus()
    seen = []
    for _ in range(4):
        page.keyboard.press("Tab")
        seen.append(focused(page))
    assert seen[0] == "Skip to main content"
    assert seen[1].startswith("SSE")
    assert seen[2:] == ["Log in", "Menu"]

    page.keyboard.press("Enter")
    assert expanded(page, "true")
    main = page.get_by_role("navigation", name="Main")
    main.wait_for()
    assert main.get_by_role("link", name="Courses", exact=True).is_visible()
    page.keyboard.press("Tab")  # into the menu, at its first link
    assert focused(page) == "Home"
    assert page.evaluate("document.activeElement.closest('#site-menu') !== null")
    shots(page, "menu-open")

    page.keyboard.press("Escape")
    assert not menu_is_open(page)
    assert not main.is_visible()
    assert focused(page) == "Menu"  # focus back on the button
    assert expanded(page, "false")

    # Tabbing past the menu's last control closes it; focus goes on into the page.
    page.keyboard.press("Enter")
    assert menu_is_open(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate("document.activeElement.closest('#site-menu') !== null"):
            break
    assert not menu_is_open(page)
    assert expanded(page, "false")

    # Enter on a link of the menu goes there.
    button.focus()
    page.keyboard.press("Enter")
    main.get_by_role("link", name="Spaces", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/spaces/")
    page.get_by_role("heading", level=1, name="Community spaces").wait_for()
    context.close()


def test_without_javascript_the_menu_still_opens_and_closes(member, live_server, chromium, shots):
    context, page = new_page(chromium, live_server.url, java_script_enabled=False)
    signed_in(context, live_server.url, member)
    page.goto("/")
    assert box(page.locator(".site-header"))["height"] <= 0.15 * PHONE["height"]

    page.get_by_role("button", name="Menu").click()
    account = page.get_by_role("navigation", name="Your account")
    account.get_by_role("button", name="Log out").wait_for()
    assert (
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Forum").is_visible()
    )
    shots(page, "menu-open-without-javascript")
    page.keyboard.press("Escape")
    assert not account.is_visible()

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Forum").click()
    page.wait_for_url("**/forum/")
    context.close()


def composer_and_latest_in_view(page):
    latest = page.locator("#messages li.message").last
    return in_view(page, latest) and in_view(page, page.locator("#composer"))


def list_is_at_its_end(page):
    return page.evaluate(
        "() => { const l = document.getElementById('messages');"
        " return l.scrollHeight - l.scrollTop - l.clientHeight <= 1; }"
    )


def test_a_space_opens_at_its_latest_messages_with_the_composer_in_view(
    member, asgi_server, chromium, shots
):
    regional = Space.objects.get(slug="regional")
    author = get_user_model().objects.get(email="focal.th@example.org")
    for n in range(1, 31):
        MessageFactory(space=regional, author=author, body=f"Follow-up note {n} from Bangkok.")
    context, page = new_page(chromium, asgi_server)
    signed_in(context, asgi_server, member)

    page.goto("/spaces/regional/")
    page.locator("#connection-status").filter(has_text="Connected").wait_for()
    latest = page.locator("#messages li.message").last
    assert "Follow-up note 30 from Bangkok." in latest.inner_text()
    assert list_is_at_its_end(page)
    assert composer_and_latest_in_view(page)
    assert page.evaluate("window.scrollY") == 0  # nothing scrolled: the title is there too
    assert in_view(
        page, page.get_by_role("heading", level=1, name="Regional community of practice")
    )
    assert in_view(page, page.get_by_role("button", name="Send"))
    shots(page, "space-on-load")

    # Reading back: the list scrolls, the composer stays where it is.
    at_end = page.evaluate("document.getElementById('messages').scrollTop")
    page.locator("#messages").hover()
    page.mouse.wheel(0, -1500)
    page.wait_for_function(
        "top => document.getElementById('messages').scrollTop < top - 1000", arg=at_end
    )
    assert not in_view(page, latest)
    assert in_view(page, page.locator("#composer"))
    assert in_view(page, page.get_by_label("Message"))
    shots(page, "space-reading-back")

    # Sending from there brings the list back to its end, the new message in view.
    page.get_by_label("Message").fill("Thank you, noted from my phone.")
    page.get_by_role("button", name="Send").click()
    mine = page.locator("#messages li.message").filter(has_text="noted from my phone")
    mine.wait_for()
    page.wait_for_function("() => !document.querySelector('#messages li.is-pending')")
    assert in_view(page, mine)
    assert in_view(page, page.locator("#composer"))
    shots(page, "space-after-sending")
    context.close()


def test_a_space_with_a_long_description_still_opens_at_its_latest_messages(
    member, asgi_server, chromium, shots
):
    thailand = Space.objects.get(slug="thailand")
    thailand.description = " ".join(
        ["The national space of Thailand: the follow-up of the mapping, national events,"]
        + ["local questions, the advisory committee's agenda and what members learn."] * 12
    )
    thailand.save(update_fields=["description"])
    context, page = new_page(chromium, asgi_server)
    signed_in(context, asgi_server, member)

    page.goto("/spaces/thailand/")
    page.locator("#connection-status").filter(has_text="Connected").wait_for()
    assert list_is_at_its_end(page)
    assert composer_and_latest_in_view(page)
    assert page.evaluate("window.scrollY") > 0  # the column is taller than the screen
    shots(page, "space-long-description")

    # Reading the description again: the composer stays at the bottom of the screen.
    page.evaluate("window.scrollTo(0, 0)")
    assert in_view(page, page.get_by_role("heading", level=1, name="Thailand"))
    assert in_view(page, page.locator("#composer"))
    shots(page, "space-long-description-top")
    context.close()
