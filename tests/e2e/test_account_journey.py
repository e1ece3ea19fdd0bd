"""A newcomer's first visit, in real Chromium: sign up, verify (which signs in), edit, go Thai."""

import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_sign_up_verify_log_in_edit_profile_and_switch_to_thai(browser_page, mailoutbox):
    page = browser_page

    page.goto("/")
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Email").fill("kanya@example.net")
    page.get_by_label("Password:", exact=True).fill("mutual-aid-in-practice")
    page.get_by_label("Password (again)").fill("mutual-aid-in-practice")
    page.get_by_label("Full name").fill("กัญญา ใจดี")
    page.get_by_label("Country").select_option("TH")
    page.get_by_label("Constituency").select_option("sse")
    page.get_by_label("Organization").fill("Ban Nong Savings Group")
    page.get_by_label("Gender").select_option("undisclosed")
    page.get_by_label("Preferred language").select_option("th")
    page.get_by_role("button", name="Sign Up").click()

    page.get_by_role("heading", name="Verify Your Email Address").wait_for()
    sent = [message for message in mailoutbox if message.to == ["kanya@example.net"]]
    assert len(sent) == 1  # (the demo seed's own e-mails may be in the outbox too)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", sent[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    # Confirming signs the new member in, on their dashboard, in the language they prefer.
    page.wait_for_url(re.compile(r"/th/$"))
    page.locator("section.dashboard-learning").wait_for()
    assert page.locator("html").get_attribute("lang") == "th"
    page.get_by_role("button", name="English").click()  # the footer's switcher
    page.wait_for_url(re.compile(r"/$"))
    page.locator('html[lang="en"]').wait_for(state="attached")
    page.get_by_role("link", name="กัญญา ใจดี").click()

    page.get_by_role("heading", name="Your profile").wait_for()
    page.get_by_label("Organization").fill("Ban Nong Savings Cooperative")
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Your profile is saved.").wait_for()
    user = get_user_model().objects.get(email="kanya@example.net")
    assert user.organization == "Ban Nong Savings Cooperative"
    assert user.time_zone == "Asia/Bangkok"

    page.get_by_role("button", name="ไทย").click()
    page.wait_for_url(re.compile(r"/th/accounts/profile/$"))
    assert page.locator("html").get_attribute("lang") == "th"
    page.get_by_role("button", name="บันทึกโปรไฟล์").wait_for()
    page.get_by_role("link", name="หน้าแรก").click()
    page.wait_for_url(re.compile(r"/th/$"))
    page.locator("section.dashboard-learning").wait_for()  # a member's home: their dashboard
