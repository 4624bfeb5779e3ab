"""Open Badges 3.0 credentials, checked as a third-party verifier would: with a different
JOSE implementation (PyJWT; the site signs with joserfc), with the public key fetched from
the published JWKS, and the status read from the published, signed status lists."""

import base64
import datetime
import gzip
import hashlib
import json
import stat
from urllib.parse import urlsplit

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

import jsonschema
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from records import checks
from records.credentials import open_badges
from records.models import CourseCompletion
from records.models.sync import stamped_update
from records.services import progress
from records.services.progress import revoke_completion
from tests.factories import CourseCompletionFactory, UserFactory, make_module

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

# The elements OB 3.0 requires of an OpenBadgeCredential (1EdTech's
# ob_v3p0_achievementcredential_schema.json, VC 2.0 edition), restated: that schema is not
# ours to ship, and these are the parts a verifier rejects a credential without.
REQUIRED_ELEMENTS = {
    "type": "object",
    "required": ["@context", "id", "type", "issuer", "validFrom", "credentialSubject"],
    "properties": {
        "@context": {
            "type": "array",
            "minItems": 2,
            "prefixItems": [{"const": VC_CONTEXT}],
            "contains": {"type": "string", "pattern": r"^https://purl\.imsglobal\.org/spec/ob/v3p0/context"},
        },
        "id": {"type": "string", "format": "uri"},
        "type": {
            "type": "array",
            "allOf": [
                {"contains": {"const": "VerifiableCredential"}},
                {"contains": {"const": "OpenBadgeCredential"}},
            ],
        },
        "name": {"type": "string"},
        "validFrom": {
            "type": "string",
            "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$",
        },
        "validUntil": {
            "type": "string",
            "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$",
        },
        "issuer": {
            "type": "object",
            "required": ["id", "type"],
            "properties": {"type": {"type": "array", "contains": {"const": "Profile"}}},
        },
        "credentialSubject": {
            "type": "object",
            "required": ["type", "achievement"],
            "anyOf": [{"required": ["id"]}, {"required": ["identifier"]}],
            "properties": {
                "type": {"type": "array", "contains": {"const": "AchievementSubject"}},
                "identifier": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["type", "identityHash", "identityType", "hashed"],
                        "properties": {"type": {"const": "IdentityObject"}, "hashed": {"type": "boolean"}},
                    },
                },
                "achievement": {
                    "type": "object",
                    "required": ["id", "type", "criteria", "description", "name"],
                    "properties": {
                        "type": {"type": "array", "contains": {"const": "Achievement"}},
                        "criteria": {
                            "type": "object",
                            "anyOf": [{"required": ["id"]}, {"required": ["narrative"]}],
                        },
                    },
                },
            },
        },
        "credentialStatus": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "statusPurpose", "statusListIndex", "statusListCredential"],
                "properties": {
                    "type": {"const": "BitstringStatusListEntry"},
                    "statusListIndex": {"type": "string", "pattern": r"^\d+$"},
                },
            },
        },
    },
}


# --- An independent verifier ------------------------------------------------------------------


def _path(url):
    """Fetch through the test client: the ids are absolute URLs on http://testserver."""
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver", url
    return parts.path


def verify(client, token):
    """(header, claims) of a vc+jwt checked with PyJWT against the key the issuer publishes."""
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "ES256"
    assert header["typ"] == "vc+jwt"
    jwks = client.get("/.well-known/jwks.json").json()
    [published] = [key for key in jwks["keys"] if key["kid"] == header["kid"]]
    # The kid itself dereferences to the same JWK (OB 3.0).
    assert client.get(_path(header["kid"])).json() == published
    assert "d" not in published
    claims = jwt.decode(token, key=jwt.PyJWK(published).key, algorithms=["ES256"])
    return header, claims


def status_bit(client, entry):
    """Resolve a BitstringStatusListEntry: fetch and verify its list, read the bit."""
    response = client.get(_path(entry["statusListCredential"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    _header, status_list = verify(client, response.content.decode())
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = status_list["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == entry["statusPurpose"]
    encoded = subject["encodedList"]
    assert encoded.startswith("u") and "=" not in encoded
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(raw) * 8 >= 131_072
    index = int(entry["statusListIndex"])
    return (raw[index // 8] >> (7 - index % 8)) & 1


def entries(claims):
    return {entry["statusPurpose"]: entry for entry in claims["credentialStatus"]}


def download(client, completion, kind="open_badge_jwt"):
    return client.get(reverse(f"certificates:{kind}", args=[completion.certificate_id]))


@pytest.fixture
def completion(amira, course):
    return CourseCompletionFactory(
        user=amira,
        course=course,
        completed_at=timezone.make_aware(datetime.datetime(2026, 3, 5, 10, 30)),
        valid_until=datetime.date(2028, 3, 5),
    )


# --- The credential ---------------------------------------------------------------------------


def test_issued_credential_verifies_and_has_the_open_badges_fields(client, amira, amira_client, completion):
    response = download(amira_client, completion)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="open-badge-{completion.certificate_id}.jwt"'
    )

    # The verifier is someone else: an anonymous client fetches keys and lists.
    header, claims = verify(client, response.content.decode())
    assert header["cty"] == "vc"
    jsonschema.validate(claims, REQUIRED_ELEMENTS)
    assert claims["@context"] == [VC_CONTEXT, OB_CONTEXT]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["id"] == f"http://testserver/certificates/{completion.certificate_id}/"
    assert claims["issuer"] == {
        "id": "http://testserver/credentials/issuer",
        "type": ["Profile"],
        "name": "Learning Hub",
        "url": "http://testserver/",
    }
    assert client.get(_path(claims["issuer"]["id"])).json() == claims["issuer"]
    assert claims["validFrom"] == "2026-03-05T10:30:00Z"
    # Valid through the whole of its last day, in the organisation's time zone.
    valid_until = datetime.datetime.fromisoformat(claims["validUntil"])
    assert timezone.localtime(valid_until).date() == datetime.date(2028, 3, 5)
    assert timezone.localtime(valid_until + datetime.timedelta(seconds=1)).date() == datetime.date(2028, 3, 6)

    subject = claims["credentialSubject"]
    achievement = subject["achievement"]
    assert achievement["name"] == "Working with influencers"
    assert achievement["humanCode"] == "INF-101"
    assert achievement["description"].startswith("How to partner with creators")
    assert achievement["criteria"]["narrative"]
    assert achievement["id"].startswith("urn:uuid:")


def test_the_holder_is_identified_by_a_salted_hash_of_their_email(client, amira, amira_client, completion):
    token = download(amira_client, completion).content.decode()
    _header, claims = verify(client, token)
    [identity] = claims["credentialSubject"]["identifier"]
    assert identity["identityType"] == "emailAddress" and identity["hashed"] is True
    expected = hashlib.sha256((amira.email.lower() + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    payload = base64.urlsafe_b64decode(token.split(".")[1] + "==").decode()
    assert amira.email not in payload
    assert amira.get_full_name() not in payload
    # The same completion gives the same credential each time (derived salt).
    assert verify(client, download(amira_client, completion).content.decode())[1] == claims


def test_a_credential_without_expiry_has_no_valid_until(client, amira, amira_client, course):
    completion = CourseCompletionFactory(user=amira, course=course, valid_until=None)
    _header, claims = verify(client, download(amira_client, completion).content.decode())
    assert "validUntil" not in claims


def test_the_json_download_envelopes_the_signed_credential(client, amira_client, completion):
    response = download(amira_client, completion, "open_badge")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["Content-Disposition"].endswith(f'open-badge-{completion.certificate_id}.json"')
    document = json.loads(response.content)
    assert document["@context"] == VC_CONTEXT
    assert document["type"] == "EnvelopedVerifiableCredential"
    prefix = "data:application/vc+jwt,"
    assert document["id"].startswith(prefix)
    _header, claims = verify(client, document["id"][len(prefix) :])
    assert claims["credentialSubject"]["achievement"]["humanCode"] == "INF-101"


def test_a_tampered_credential_does_not_verify(client, amira_client, completion):
    token = download(amira_client, completion).content.decode()
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["validUntil"] = "2099-01-01T00:00:00Z"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    with pytest.raises(jwt.InvalidSignatureError):
        verify(client, f"{header}.{forged}.{signature}")


# --- Status lists -----------------------------------------------------------------------------


def test_status_lists_say_valid_revoked_and_superseded(client, amira, amira_client, hana, course):
    valid = CourseCompletionFactory(user=amira, course=course, days_ago=30)
    newer = CourseCompletionFactory(user=amira, course=course, days_ago=1)
    superseded = CourseCompletionFactory(user=amira, course=course, days_ago=300)
    stamped_update(
        CourseCompletion.objects.filter(pk=superseded.pk), superseded_at=timezone.now(), superseded_by=newer
    )
    revoked = CourseCompletionFactory(user=amira, course=course, days_ago=400)
    # Signed before the revocation: the holder keeps this copy, the list tells the truth.
    revoked_token = download(amira_client, revoked).content.decode()
    revoke_completion(revoked, hana, "Entered by mistake")

    def bits(token):
        statuses = entries(verify(client, token)[1])
        return status_bit(client, statuses["revocation"]), status_bit(client, statuses["message"])

    assert bits(download(amira_client, valid).content.decode()) == (0, 0)
    assert bits(download(amira_client, superseded).content.decode()) == (0, 1)
    assert bits(revoked_token) == (1, 0)


def test_the_supersession_list_says_what_its_bit_means(client, amira_client, completion):
    statuses = entries(verify(client, download(amira_client, completion).content.decode())[1])
    assert set(statuses) == {"revocation", "message"}
    message = statuses["message"]
    assert message["statusListIndex"] == str(completion.pk)
    assert message["statusSize"] == 1
    assert {item["status"]: item["message"] for item in message["statusMessage"]} == {
        "0x0": "valid",
        "0x1": "superseded by a newer certificate",
    }
    assert statuses["revocation"]["statusListCredential"] == "http://testserver/credentials/status/revocation"


def test_the_revocation_list_changes_when_a_completion_is_revoked(client, amira_client, completion, hana):
    token = download(amira_client, completion).content.decode()
    entry = entries(verify(client, token)[1])["revocation"]
    assert status_bit(client, entry) == 0
    revoke_completion(completion, hana, "Entered by mistake")
    assert status_bit(client, entry) == 1


def test_the_list_grows_by_whole_blocks(db, client):
    far = CourseCompletionFactory(pk=200_000, revoked=True)
    entry = {
        "statusListCredential": "http://testserver/credentials/status/revocation",
        "statusPurpose": "revocation",
        "statusListIndex": str(far.pk),
    }
    assert status_bit(client, entry) == 1
    assert len(open_badges.bitstring("revocation")) * 8 == 2 * 131_072
    assert status_bit(client, {**entry, "statusListIndex": str(far.pk - 1)}) == 0


def test_status_lists_take_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    CourseCompletionFactory.create_batch(5, revoked=True)
    with django_assert_max_num_queries(2):
        response = client.get("/credentials/status/revocation")
    assert response.status_code == 200


def test_public_endpoints_need_no_sign_in_and_allow_other_origins(client, db):
    for url in ("/credentials/issuer", "/.well-known/jwks.json", "/credentials/status/supersession"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "public" in response["Cache-Control"]
    assert client.get("/credentials/status/suspension").status_code == 404
    assert client.get("/credentials/keys/not-a-key").status_code == 404
    assert client.post("/credentials/issuer").status_code == 405


# --- Who may download -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["open_badge", "open_badge_jwt"])
def test_only_the_holder_and_hr_download_the_credential(client, chen_client, hana_client, completion, kind):
    assert download(chen_client, completion, kind).status_code == 404
    assert download(hana_client, completion, kind).status_code == 200
    anonymous = download(client, completion, kind)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("kind", ["open_badge", "open_badge_jwt"])
def test_no_credential_for_a_revoked_completion_or_a_course_without_certificates(
    amira, amira_client, course, kind
):
    revoked = CourseCompletionFactory(user=amira, course=course, revoked=True)
    response = download(amira_client, revoked, kind)
    assert response.status_code == 410
    assert b"revoked" in response.content

    course.certificate_enabled = False
    course.save()
    other = CourseCompletionFactory(user=amira, course=course, days_ago=5)
    assert download(amira_client, other, kind).status_code == 404


def test_the_credential_is_offered_next_to_the_pdf(amira_client, completion, client):
    html = amira_client.get(reverse("certificates:verify", args=[completion.certificate_id])).content.decode()
    assert reverse("certificates:open_badge", args=[completion.certificate_id]) in html
    assert reverse("certificates:open_badge_jwt", args=[completion.certificate_id]) in html
    assert 'href="/credentials/issuer"' in html
    # The public page links to the issuer, not to downloads.
    html = client.get(reverse("certificates:verify", args=[completion.certificate_id])).content.decode()
    assert 'href="/credentials/issuer"' in html
    assert "open-badge.json" not in html


def test_my_learning_and_the_course_page_offer_the_credential(amira, amira_client, course):
    module = make_module(course)
    progress.enrol(amira, course)
    progress.mark_module_read(amira, module, course)
    badge_url = reverse("certificates:open_badge", args=[amira.completions.get().certificate_id])
    assert badge_url in amira_client.get("/my-learning/").content.decode()
    assert badge_url in amira_client.get(course.url).content.decode()


# --- Keys -------------------------------------------------------------------------------------


def _pem():
    return (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        .decode()
    )


def _public_pem(private_pem):
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def test_credentials_signed_before_a_rotation_still_verify(client, amira_client, completion, settings):
    old_key = _pem()
    settings.OPEN_BADGES_SIGNING_KEY = old_key
    old_token = download(amira_client, completion).content.decode()

    settings.OPEN_BADGES_SIGNING_KEY = _pem()
    settings.OPEN_BADGES_PREVIOUS_PUBLIC_KEYS = _public_pem(old_key)
    new_token = download(amira_client, completion).content.decode()
    assert jwt.get_unverified_header(old_token)["kid"] != jwt.get_unverified_header(new_token)["kid"]
    assert len(client.get("/.well-known/jwks.json").json()["keys"]) == 2
    assert verify(client, old_token)[1] == verify(client, new_token)[1]

    settings.OPEN_BADGES_PREVIOUS_PUBLIC_KEYS = ""
    with pytest.raises(ValueError):  # its kid is no longer published
        verify(client, old_token)


def test_check_deploy_flags_a_missing_or_bad_signing_key(settings, tmp_path):
    assert checks.open_badges_signing_key(None) == []
    settings.OPEN_BADGES_SIGNING_KEY = ""
    settings.OPEN_BADGES_SIGNING_KEY_FILE = ""
    [error] = checks.open_badges_signing_key(None)
    assert error.id == "records.E001" and "OPEN_BADGES_SIGNING_KEY" in error.msg
    settings.OPEN_BADGES_SIGNING_KEY = "not a key"
    [error] = checks.open_badges_signing_key(None)
    assert "not a PEM" in error.msg
    settings.OPEN_BADGES_SIGNING_KEY = _public_pem(_pem())
    [error] = checks.open_badges_signing_key(None)
    assert "public key" in error.msg


def test_development_makes_its_key_on_first_use(settings, tmp_path, client, db):
    path = tmp_path / "var" / "open-badges-signing-key.pem"
    settings.OPEN_BADGES_SIGNING_KEY = ""
    settings.OPEN_BADGES_SIGNING_KEY_FILE = str(path)
    settings.OPEN_BADGES_GENERATE_KEY = True
    assert client.get("/.well-known/jwks.json").status_code == 200
    assert path.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = client.get("/.well-known/jwks.json").json()
    assert client.get("/.well-known/jwks.json").json() == first  # made once, then kept


def test_generate_signing_key_writes_a_private_file(tmp_path, capsys, settings):
    path = tmp_path / "key.pem"
    call_command("generate_signing_key", "--output", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    settings.OPEN_BADGES_SIGNING_KEY = ""
    settings.OPEN_BADGES_SIGNING_KEY_FILE = str(path)
    assert checks.open_badges_signing_key(None) == []
    with pytest.raises(CommandError, match="exists"):
        call_command("generate_signing_key", "--output", str(path))
    capsys.readouterr()
    call_command("generate_signing_key", "--public")
    assert capsys.readouterr().out == _public_pem(path.read_text())
    call_command("generate_signing_key")
    assert capsys.readouterr().out.startswith("-----BEGIN PRIVATE KEY-----")


def test_an_unrelated_person_in_the_list_is_not_identifiable(db):
    """The list is indexed by primary key; it tells nothing but the bits."""
    someone = UserFactory(email="someone@example.org")
    CourseCompletionFactory(user=someone, revoked=True)
    document = open_badges.status_list_credential("revocation")
    assert "someone" not in json.dumps(document)
