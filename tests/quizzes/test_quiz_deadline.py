"""A timed quiz states its deadline in the site's time zone (people have no time zone of
their own), named, without JavaScript; the page carries what static/js/site.js needs for a
live countdown, and the words it announces, in the reader's language."""

from datetime import UTC

from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt
from tests.factories import add_quiz, make_module
from tests.htmlutils import elements, main_html, text_of


def _form(client, module):
    response = client.post(reverse("quizzes:start_quiz", args=[module.pk]), follow=True)
    assert response.status_code == 200
    return response


def test_the_deadline_is_in_the_site_time_zone_and_says_which(amira_client, course, settings):
    settings.TIME_ZONE = "Asia/Beirut"  # UTC+2 in winter, UTC+3 in summer
    module = add_quiz(make_module(course), time_limit_minutes=20)
    response = _form(amira_client, module)
    deadline = Attempt.objects.get().deadline
    local = timezone.localtime(deadline, timezone.get_default_timezone())
    assert local.utcoffset().total_seconds() > 0  # the test means something: not UTC
    [box] = elements(main_html(response), "div", class_="time-limit")
    words = text_of(box)
    assert f"Submit your answers by {local:%H:%M}" in words
    assert "(Asia/Beirut, the site's time zone)" in words
    assert f"{deadline.astimezone(UTC):%H:%M} (UTC)" not in words
    [when] = elements(box, "time")
    assert when["datetime"].startswith(local.strftime("%Y-%m-%dT%H:%M"))


def test_the_countdown_is_there_for_javascript_and_hidden_without(amira_client, course):
    module = add_quiz(make_module(course), time_limit_minutes=20)
    response = _form(amira_client, module)
    deadline = Attempt.objects.get().deadline
    [countdown] = elements(main_html(response), "p", class_="countdown")
    assert countdown.has_attr("hidden")  # shown by the script; the sentence above says it all
    assert int(countdown["data-deadline"]) == int(deadline.timestamp())
    assert abs(int(countdown["data-now"]) - timezone.now().timestamp()) < 60
    [status] = elements(countdown, class_="countdown__status")
    assert status["aria-live"] == "polite"
    announced = {
        item["data-at"]: text_of(item) for item in elements(main_html(response), "li", **{"data-at": True})
    }
    assert announced["300"] == "5 minutes left to submit your answers."
    assert announced["60"] == "1 minute left to submit your answers."
    assert "0" in announced
    # No inline script or style: the policy allows neither (elearning/csp.py).
    assert not elements(main_html(response), "script") and not elements(main_html(response), style=True)


def test_an_untimed_quiz_has_no_countdown(amira_client, course):
    module = add_quiz(make_module(course))
    response = _form(amira_client, module)
    assert not elements(main_html(response), class_="countdown")
