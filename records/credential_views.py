"""The public side of Open Badges credentials: the issuer's profile, its public keys and the
status lists. Verifiers anywhere fetch these, so they need no sign-in and may be read from
other origins (CORS); nothing on them is about a person."""

import json

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from records.credentials import open_badges
from records.credentials.keys import previous_public_keys, public_jwk, signing_key


def _public(response, max_age):
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


def _json(data, content_type="application/json", max_age=3600):
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return _public(HttpResponse(body, content_type=f"{content_type}; charset=utf-8"), max_age)


def _published_keys():
    """{thumbprint: JWK}: the signing key's public half first, then earlier keys still published."""
    keys = {}
    for key in (signing_key(), *previous_public_keys()):
        jwk, thumbprint = public_jwk(key)
        keys.setdefault(thumbprint, {**jwk, "kid": open_badges.absolute("credentials:key", thumbprint)})
    return keys


@login_not_required
@require_safe
def issuer(request):
    """The issuing organisation as an Open Badges Profile (the credentials' ``issuer.id``)."""
    return _json(open_badges.issuer_profile(), "application/ld+json")


@login_not_required
@require_safe
def jwks(request):
    """Every key a credential of ours may be signed with, as a JWK Set."""
    return _json({"keys": list(_published_keys().values())}, "application/jwk-set+json")


@login_not_required
@require_safe
def key(request, thumbprint):
    """One public key as a JWK: what a credential's ``kid`` URL answers."""
    jwk = _published_keys().get(thumbprint)
    if jwk is None:
        raise Http404("No such key.")
    return _json(jwk, "application/jwk+json")


@login_not_required
@require_safe
def status_list(request, name):
    """A Bitstring Status List credential, signed (application/vc+jwt). Built from the
    database on each request (two small queries) and cached by verifiers for its ttl."""
    if name not in open_badges.STATUS_PURPOSES:
        raise Http404("No such status list.")
    token = open_badges.sign(open_badges.status_list_credential(name))
    response = HttpResponse(token, content_type=open_badges.MEDIA_TYPE)
    return _public(response, open_badges.STATUS_LIST_TTL_MS // 1000)
