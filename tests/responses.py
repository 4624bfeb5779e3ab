"""Reading the test client's responses: a page refused, a downloaded file."""

import csv
import io


def assert_refused(response, url):
    """A 403, or Wagtail's redirect to the dashboard or sign-in with a message: never the
    page at ``url`` itself, nor a file."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert not response["Location"].startswith(url)
    assert "Content-Disposition" not in response


def streamed(response):
    """The body of a streamed response (every export is one), as bytes."""
    return b"".join(response.streaming_content)


def body_of(response):
    """The body of a page or an export, as bytes."""
    return streamed(response) if response.streaming else response.content


def csv_rows(response):
    return list(csv.reader(io.StringIO(streamed(response).decode())))


def csv_dicts(response):
    return list(csv.DictReader(io.StringIO(streamed(response).decode())))
