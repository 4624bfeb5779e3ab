"""With S3_BUCKET, uploads live on S3-compatible object storage (django-storages), so any
app server can serve them: tested against moto's S3 server, started here on 127.0.0.1."""

import os
import secrets
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.factories import make_document, make_image

PROJECT_DIR = Path(__file__).resolve().parents[2]
BUCKET = "learning-uploads"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def s3(settings):
    """The default storage on a fresh bucket of a local S3 server: (boto3 client, endpoint)."""
    import boto3
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    credentials = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": credentials["aws_access_key_id"],
                "secret_key": credentials["aws_secret_access_key"],
                "addressing_style": "path",
                "querystring_auth": True,
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
    yield client, endpoint
    server.stop()


def keys(client):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the local S3 server)
        return response.read()


def test_images_and_their_renditions_are_in_the_bucket(s3):
    client, endpoint = s3
    image = make_image("Cover")
    rendition = image.get_rendition("fill-32x32")
    assert {image.file.name, rendition.file.name} <= keys(client)
    assert rendition.url.startswith(f"{endpoint}/{BUCKET}/") and "Signature" in rendition.url
    assert fetch(rendition.url)[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_document_is_served_through_wagtail_from_the_bucket(s3, amira_client):
    client, endpoint = s3
    content = b"Consent form template.\n"
    document = make_document("Consent form", content=content)
    assert document.file.name in keys(client)
    response = amira_client.get(document.url)
    # Wagtail's view checks who may have it, then sends the browser to a signed, expiring link.
    assert response.status_code == 302
    assert response["Location"].startswith(f"{endpoint}/{BUCKET}/") and "Expires" in response["Location"]
    assert fetch(response["Location"]) == content


@pytest.mark.subprocess
def test_the_settings_from_the_environment():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "S3_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="elearning.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        S3_BUCKET=BUCKET,
        S3_ENDPOINT_URL="https://objects.example.org:9000/",
    )
    code = (
        "from django.conf import settings; from elearning.csp import media_origins; "
        "print(settings.STORAGES['default']['BACKEND'], *media_origins())"
    )
    run = [sys.executable, "manage.py", "shell", "--no-imports", "-c", code]
    result = subprocess.run(run, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["storages.backends.s3.S3Storage", "https://objects.example.org:9000"]
    env.pop("S3_ENDPOINT_URL")
    result = subprocess.run(run, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "S3_BUCKET needs S3_ENDPOINT_URL" in result.stderr
