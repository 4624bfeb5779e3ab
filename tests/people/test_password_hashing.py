"""Passwords are hashed with Argon2id; a hash made before (PBKDF2) still signs in and is
rehashed with Argon2 then. (The other tests hash with MD5, for speed: elearning/settings/test.py.)"""

from django.contrib.auth.hashers import make_password

import pytest

from elearning.settings import base

PASSWORD = "a long enough passphrase 2026"


@pytest.fixture
def production_hashers(settings):
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS


def test_new_passwords_are_argon2id(production_hashers, amira):
    amira.set_password(PASSWORD)
    assert amira.password.startswith("argon2$argon2id$")


def test_an_older_pbkdf2_hash_signs_in_and_is_rehashed(production_hashers, client, amira):
    amira.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    amira.save(update_fields=["password"])
    response = client.post("/accounts/login/", {"username": amira.username, "password": PASSWORD})
    assert response.status_code == 302
    amira.refresh_from_db()
    assert amira.password.startswith("argon2$argon2id$")
    assert amira.check_password(PASSWORD)
