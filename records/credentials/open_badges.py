"""Open Badges 3.0 credentials and their status lists, as JSON and as signed JWS.

A credential is built from the completion on demand and signed each time it is asked for:
the same completion always gives the same claims (dates, identifiers and the salt of the
hashed email are derived from it), so a credential downloaded twice says the same thing.
Revocation and supersession are not written into the credential (it may already be in a
wallet) but published in two Bitstring Status Lists, indexed by the completion's primary
key; a verifier fetches the list named in the credential and reads the bit.
"""

import base64
import datetime
import gzip
import hashlib
import hmac
import json
import uuid

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation

from joserfc import jws

from records.models import CourseCompletion

from .keys import ALGORITHM, public_jwk, signing_key

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
# The Open Badges 3.0 context for the VC Data Model 2.0 (validFrom/validUntil).
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
MEDIA_TYPE = "application/vc+jwt"

# Bitstring Status List: at least 16 KiB (131,072 entries) uncompressed, so a list says
# little about how many credentials exist; it grows by whole blocks of that size.
STATUS_LIST_BLOCK = 131_072
# How long (ms) a verifier may keep a status list before fetching it again.
STATUS_LIST_TTL_MS = 300_000
REVOCATION = "revocation"
SUPERSESSION = "supersession"
# The list's name in its URL -> the statusPurpose it publishes. Supersession is not one of
# the spec's fixed purposes (a superseded certificate was valid and is not suspended), so
# it is a "message" list whose entries say what its bit means.
STATUS_PURPOSES = {REVOCATION: "revocation", SUPERSESSION: "message"}


def _base_url():
    return (getattr(settings, "OPEN_BADGES_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute(name, *args):
    """An absolute URL from the configured base (not the request's Host: ids must be stable),
    in the default language, without a language prefix."""
    with translation.override(None):
        return _base_url() + reverse(name, args=args)


def _timestamp(moment):
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _end_of_day(day):
    """``valid_until`` is the last day the completion counts (CourseCompletion.lapsed_on)."""
    midnight = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(midnight) - datetime.timedelta(seconds=1)


def issuer_profile():
    return {
        "id": absolute("credentials:issuer"),
        "type": ["Profile"],
        "name": settings.OPEN_BADGES_ISSUER_NAME,
        "url": _base_url() + "/",
    }


def key_id():
    """The JWS ``kid``: a URL that answers with the public key as a JWK (OB 3.0 §8.2)."""
    _jwk, thumbprint = public_jwk(signing_key())
    return absolute("credentials:key", thumbprint)


def sign(payload):
    """``payload`` as a compact JWS, ``typ`` vc+jwt (VC-JOSE-COSE)."""
    header = {"alg": ALGORITHM, "typ": "vc+jwt", "cty": "vc", "kid": key_id()}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return jws.serialize_compact(header, body, signing_key(), algorithms=[ALGORITHM])


# --- A completion's credential ----------------------------------------------------------------


def _salt(completion):
    # Derived, not random: the credential is rebuilt on each download and must not change.
    # Keyed with SECRET_KEY so nobody can recompute it from the certificate code alone.
    message = f"open-badges-salt:{completion.certificate_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def identity_hash(email, salt):
    """OB 3.0 IdentityObject.identityHash: ``sha256$`` + hex SHA-256 of the email then the salt.
    The email is lower-cased first (addresses are compared without case) - README."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def achievement_id(course_code):
    """A stable URN per course (course codes never change; titles may)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{_base_url()}/courses/{course_code}").urn


def _status_entry(completion, list_name):
    list_url = absolute("credentials:status_list", list_name)
    entry = {
        "id": f"{list_url}#{completion.pk}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": STATUS_PURPOSES[list_name],
        "statusListIndex": str(completion.pk),
        "statusListCredential": list_url,
    }
    if STATUS_PURPOSES[list_name] == "message":
        entry["statusSize"] = 1
        entry["statusMessage"] = [
            {"status": "0x0", "message": "valid"},
            {"status": "0x1", "message": "superseded by a newer certificate"},
        ]
    return entry


def _description(completion):
    course = completion.course
    if course is not None and course.summary:
        return course.summary
    return f"Completion of the course {completion.course_title} ({completion.course_code})."


def credential(completion):
    """The OpenBadgeCredential (unsigned JSON) for ``completion``. Its text is in English,
    the language of the record, whatever language the holder reads the site in."""
    salt = _salt(completion)
    valid_from = _timestamp(completion.completed_at)
    achievement = {
        "id": achievement_id(completion.course_code),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": completion.course_title,
        "description": _description(completion),
        "humanCode": completion.course_code,
        "inLanguage": completion.course_language,
        "criteria": {
            "narrative": (
                "Complete every required module of the course and pass each module's quiz "
                "at or above its pass mark."
            )
        },
    }
    document = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": absolute("certificates:verify", completion.certificate_id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": completion.course_title,
        "issuer": issuer_profile(),
        "validFrom": valid_from,
        "awardedDate": valid_from,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "identityHash": identity_hash(completion.user.email, salt),
                    "salt": salt,
                }
            ],
            "achievement": achievement,
        },
        "credentialStatus": [_status_entry(completion, REVOCATION), _status_entry(completion, SUPERSESSION)],
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if completion.valid_until:
        document["validUntil"] = _timestamp(_end_of_day(completion.valid_until))
    return document


def signed_credential(completion):
    return sign(credential(completion))


def enveloped_credential(completion):
    """The signed credential inside a JSON document (VC 2.0 §4.13, EnvelopedVerifiableCredential):
    JSON for those who want JSON, with the JWS as the credential itself."""
    return {
        "@context": VC_CONTEXT,
        "id": f"data:{MEDIA_TYPE},{signed_credential(completion)}",
        "type": "EnvelopedVerifiableCredential",
    }


# --- Status lists -----------------------------------------------------------------------------


def _set_pks(list_name):
    completions = CourseCompletion.objects.order_by()
    completions = completions.revoked() if list_name == REVOCATION else completions.superseded()
    return completions.values_list("pk", flat=True)


def bitstring(list_name):
    """The uncompressed list: bit ``pk`` (counting from the left-most bit of the first
    byte) is 1 for each completion on it. Two queries, however many completions."""
    highest = CourseCompletion.objects.aggregate(highest=Max("pk"))["highest"] or 0
    blocks = highest // STATUS_LIST_BLOCK + 1
    bits = bytearray(blocks * STATUS_LIST_BLOCK // 8)
    for pk in _set_pks(list_name).iterator(chunk_size=5000):
        bits[pk // 8] |= 0x80 >> (pk % 8)
    return bytes(bits)


def encode_list(bits):
    """Multibase base64url (``u``, no padding) of the GZIP-compressed bitstring."""
    # mtime=0: the same bits always encode the same way.
    compressed = gzip.compress(bits, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def status_list_credential(list_name, now=None):
    now = now or timezone.now()
    url = absolute("credentials:status_list", list_name)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_profile(),
        "validFrom": _timestamp(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": STATUS_PURPOSES[list_name],
            "encodedList": encode_list(bitstring(list_name)),
            "ttl": STATUS_LIST_TTL_MS,
        },
    }
