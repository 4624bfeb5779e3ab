"""Webhooks never reach into the platform's own network: loopback, private, link-local,
multicast, reserved and unspecified addresses are refused when an endpoint is saved (in any
spelling of the address) and before every delivery, for every address the name resolves
to then; the connection goes to the address checked (DNS rebinding cannot swap it), with
TLS still verified for the URL's host name. WEBHOOK_ALLOWED_NETWORKS lets receivers inside
the organisation's network in.

Name resolution is faked per test by wrapping ``socket.getaddrinfo`` (every other name
still goes to the real resolver); the receivers are real servers on 127.0.0.1."""

import shutil
import socket
import ssl
import subprocess

from django.core.exceptions import ImproperlyConfigured, ValidationError

import pytest

from api.models import Event, WebhookDelivery, WebhookEndpoint
from api.models.webhooks import validate_webhook_url
from api.webhooks import addresses
from api.webhooks import delivery as sender
from records.services import progress
from tests.api.receiver import Receiver

ENDPOINTS = "/admin/snippets/api/webhookendpoint/"
HOOKS_HOST = "hooks.example.test"


@pytest.fixture(autouse=True)
def _no_allowlist(settings):
    settings.WEBHOOKS_ALLOW_LOCAL_HTTP = True
    settings.WEBHOOK_ALLOWED_NETWORKS = []


@pytest.fixture
def dns(monkeypatch):
    """dns.answers[name] = [ip, ...] or a function of the call count; dns.calls counts
    the lookups of each faked name."""
    real = socket.getaddrinfo

    class FakeDns:
        answers = {}
        calls = {}

        def getaddrinfo(self, host, port, *args, **kwargs):
            if host not in self.answers:
                return real(host, port, *args, **kwargs)
            self.calls[host] = self.calls.get(host, 0) + 1
            answer = self.answers[host]
            ips = answer(self.calls[host]) if callable(answer) else answer
            return [
                (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (ip, port or 0, 0, 0))
                if ":" in ip
                else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port or 0))
                for ip in ips
            ]

    fake = FakeDns()
    monkeypatch.setattr(socket, "getaddrinfo", fake.getaddrinfo)
    return fake


@pytest.fixture
def send(amira, module, course, django_capture_on_commit_callbacks):
    """send(url): an endpoint for ``url`` (saved without validation, as if the rules changed
    since), Amira completes the course, and the one delivery's attempt is returned."""

    def run(url):
        from api.models import ApiClient

        client, _key = ApiClient.objects.create_key(name="HR system", scopes=["completions:read"])
        WebhookEndpoint.objects.create(client=client, url=url, events=[Event.COMPLETION_CREATED])
        with django_capture_on_commit_callbacks(execute=True):
            progress.mark_module_read(amira, module, course)
        return WebhookDelivery.objects.get().attempts.get()

    return run


# --- Addresses written in the URL ----------------------------------------------------------

REFUSED = [
    "https://127.0.0.1/hooks",
    "https://127.1/hooks",
    "https://2130706433/hooks",  # 127.0.0.1 in decimal
    "https://0x7f000001/hooks",  # hexadecimal
    "https://0x7f.0.0.1/hooks",
    "https://0177.0.0.1/hooks",  # octal
    "https://017700000001/hooks",
    "https://localhost/hooks",
    "https://LOCALHOST./hooks",
    "https://api.localhost/hooks",
    "https://[::1]/hooks",
    "https://[::ffff:127.0.0.1]/hooks",  # IPv4-mapped IPv6
    "https://[::ffff:7f00:1]/hooks",
    "https://[::ffff:169.254.169.254]/latest/meta-data/",
    "https://169.254.169.254/latest/meta-data/",  # the cloud's metadata service
    "https://2852039166/latest/meta-data/",  # the same, in decimal
    "https://[fe80::1]/hooks",
    "https://10.0.0.1/hooks",
    "https://172.16.5.4/hooks",
    "https://192.168.1.10/hooks",
    "https://100.64.0.1/hooks",  # carrier-grade NAT
    "https://198.18.0.1/hooks",
    "https://0.0.0.0/hooks",
    "https://0/hooks",
    "https://[::]/hooks",
    "https://224.0.0.1/hooks",
    "https://239.255.255.250/hooks",
    "https://[ff02::1]/hooks",
    "https://240.0.0.1/hooks",
    "https://255.255.255.255/hooks",
    "https://[fc00::1]/hooks",
    "https://[fd12:3456::1]/hooks",
    "https://[fec0::1]/hooks",
    "https://[64:ff9b::7f00:1]/hooks",  # NAT64 of 127.0.0.1
    "https://[2002:a00:1::]/hooks",  # 6to4 of 10.0.0.1
    "http://127.0.0.1:5432/",
]


@pytest.mark.parametrize("url", REFUSED)
def test_internal_addresses_are_refused_in_any_spelling(url):
    with pytest.raises(ValidationError) as error:
        validate_webhook_url(url)
    message = " ".join(error.value.messages)
    assert "WEBHOOK_ALLOWED_NETWORKS" in message
    assert "address" in message


@pytest.mark.parametrize(
    "url",
    [
        "https://93.184.216.34/hooks",
        "https://[2606:2800:220:1:248:1893:25c8:1946]/hooks",
        "https://hr.example.org/hooks",  # a name: resolved and checked when used
        "https://1.2.3.example/hooks",
    ],
)
def test_public_addresses_and_names_are_accepted(url):
    validate_webhook_url(url)


def test_the_allowlist_lets_the_organisations_network_in(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["10.20.0.0/16", "fd12:3456::/48"]
    validate_webhook_url("https://10.20.1.5/hooks")
    validate_webhook_url("https://[::ffff:10.20.1.5]/hooks")
    validate_webhook_url("https://[fd12:3456::5]/hooks")
    for url in ("https://10.21.0.1/hooks", "https://127.0.0.1/hooks", "https://[fd12:3457::5]/hooks"):
        with pytest.raises(ValidationError):
            validate_webhook_url(url)


def test_a_bad_allowlist_is_a_configuration_error(settings, monkeypatch):
    from elearning.settings.env import env_networks

    monkeypatch.setenv("WEBHOOK_ALLOWED_NETWORKS", "10.0.0.0/8, intranet")
    with pytest.raises(ImproperlyConfigured, match="intranet"):
        env_networks("WEBHOOK_ALLOWED_NETWORKS")
    monkeypatch.setenv("WEBHOOK_ALLOWED_NETWORKS", "10.0.0.0/8, fd00::/8")
    assert env_networks("WEBHOOK_ALLOWED_NETWORKS") == ["10.0.0.0/8", "fd00::/8"]


# --- Saving an endpoint in the admin -------------------------------------------------------


@pytest.fixture
def workday(make_api_client):
    return make_api_client(name="Workday")[0]


def _post(hana_client, workday, url):
    data = {"client": workday.pk, "url": url, "events": [Event.COMPLETION_CREATED], "active": "on"}
    return hana_client.post(f"{ENDPOINTS}add/", data)


@pytest.mark.parametrize(
    "url, explained",
    [
        ("https://169.254.169.254/latest/meta-data/", True),
        ("https://[::ffff:10.0.0.1]/", True),
        ("https://[fe80::1]:8443/", True),
        # Django's URL field refuses the decimal form before the address check sees it.
        ("https://2130706433/hooks", False),
    ],
)
def test_the_admin_refuses_an_internal_address_next_to_the_url(hana_client, workday, url, explained):
    response = _post(hana_client, workday, url)
    assert response.status_code == 200
    [message] = response.context["form"].errors["url"]
    if explained:
        assert "address" in message and "WEBHOOK_ALLOWED_NETWORKS" in message
    assert not WebhookEndpoint.objects.exists()


def test_the_admin_resolves_the_name_and_checks_every_address(hana_client, workday, dns):
    dns.answers["intranet.example.test"] = ["93.184.216.34", "10.1.2.3"]
    response = _post(hana_client, workday, "https://intranet.example.test/hooks")
    assert response.status_code == 200
    [message] = response.context["form"].errors["url"]
    assert "intranet.example.test is a private address (10.1.2.3)" in message
    assert not WebhookEndpoint.objects.exists()


def test_the_admin_accepts_a_public_or_allowed_receiver(hana_client, workday, dns, settings):
    dns.answers["hr.example.test"] = ["93.184.216.34"]
    assert _post(hana_client, workday, "https://hr.example.test/hooks").status_code == 302
    settings.WEBHOOK_ALLOWED_NETWORKS = ["10.1.0.0/16"]
    dns.answers["intranet.example.test"] = ["10.1.2.3"]
    assert _post(hana_client, workday, "https://intranet.example.test/hooks").status_code == 302
    assert WebhookEndpoint.objects.count() == 2


# --- Sending ---------------------------------------------------------------------------


def test_a_loopback_receiver_is_not_called_without_the_allowlist(send, receiver):
    attempt = send(receiver.url)
    assert receiver.requests == []
    assert not attempt.succeeded and attempt.status_code is None
    assert attempt.error.startswith("URL not allowed: 127.0.0.1 is a loopback address")
    assert "No request was sent" in attempt.error


def test_the_same_receiver_is_called_when_its_network_is_allowed(send, receiver, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    attempt = send(receiver.url)
    assert attempt.succeeded and len(receiver.requests) == 1


@pytest.mark.parametrize(
    "answer, shown",
    [
        (
            ["93.184.216.34", "169.254.169.254"],
            "hooks.example.test is a link-local address (169.254.169.254)",
        ),
        (["127.0.0.1"], "hooks.example.test is a loopback address (127.0.0.1)"),
        (["2606:2800:220:1:248:1893:25c8:1946", "::ffff:127.0.0.1"], "a loopback address (::ffff:7f00:1)"),
        (["10.9.8.7"], "hooks.example.test is a private address (10.9.8.7)"),
    ],
)
def test_every_resolved_address_is_checked_before_sending(send, dns, answer, shown):
    """DNS rebinding: the name pointed somewhere public when the endpoint was saved; now
    one of its addresses is inside. Nothing is sent, and the delivery log says why."""
    dns.answers[HOOKS_HOST] = answer
    attempt = send(f"https://{HOOKS_HOST}:5432/hooks")
    assert attempt.error.startswith("Address not allowed: ")
    assert shown in attempt.error
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == WebhookDelivery.State.PENDING  # retried: DNS may be fixed
    assert delivery.last_outcome.startswith("Address not allowed")


def test_an_unresolvable_name_is_a_connection_failure(send, dns):
    attempt = send("https://nowhere.invalid/hooks")
    assert attempt.error.startswith("Connection failed: nowhere.invalid does not resolve")


# --- The connection goes to the checked address, TLS verified for the name ------------


def _openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A test CA, and server certificates it signed for HOOKS_HOST and for another name."""
    if shutil.which("openssl") is None:
        pytest.fail("the openssl command is needed to make test certificates")
    folder = tmp_path_factory.mktemp("tls")
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=Webhook test CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder,
    )  # fmt: skip
    for name in (HOOKS_HOST, "other.example.test"):
        (folder / f"{name}.ext").write_text(
            f"subjectAltName=DNS:{name}\nbasicConstraints=CA:FALSE\n"
            "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
        )
        _openssl(
            "req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
            "-subj", f"/CN={name}", cwd=folder,
        )  # fmt: skip
        _openssl(
            "x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", f"{name}.pem", "-days", "2", "-extfile", f"{name}.ext", cwd=folder,
        )  # fmt: skip
    return folder


def _tls_receiver(certificates, name):
    receiver = Receiver()
    receiver.server_names = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates / f"{name}.pem", certificates / f"{name}.key")
    context.sni_callback = lambda sock, server_name, ctx: receiver.server_names.append(server_name)
    receiver.server.socket = context.wrap_socket(receiver.server.socket, server_side=True)
    return receiver.start()


@pytest.fixture
def tls(certificates, monkeypatch, settings):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(certificates / "ca.pem"))
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    started = []

    def start(name):
        started.append(_tls_receiver(certificates, name))
        return started[-1]

    yield start
    for receiver in started:
        receiver.stop()


def test_the_connection_goes_to_the_address_checked(send, dns, tls):
    """The name resolves to the allowed 127.0.0.1 once; a second lookup would answer
    127.0.0.2 (outside the allowlist, and nothing listens there). The delivery arrives:
    the sender connected to the address it checked, never looking the name up again,
    and spoke to the name: Host header, TLS server name, certificate verified for it."""
    receiver = tls(HOOKS_HOST)
    port = receiver.server.server_address[1]
    dns.answers[HOOKS_HOST] = lambda call: ["127.0.0.1"] if call == 1 else ["127.0.0.2"]
    attempt = send(f"https://{HOOKS_HOST}:{port}/hooks/elearning")
    assert attempt.succeeded, attempt.error
    assert dns.calls[HOOKS_HOST] == 1
    [request] = receiver.requests
    assert request.headers["Host"] == f"{HOOKS_HOST}:{port}"
    assert request.path == "/hooks/elearning"
    assert receiver.server_names == [HOOKS_HOST]


def test_the_certificate_is_verified_for_the_name_not_the_address(send, dns, tls):
    receiver = tls("other.example.test")
    port = receiver.server.server_address[1]
    dns.answers[HOOKS_HOST] = ["127.0.0.1"]
    attempt = send(f"https://{HOOKS_HOST}:{port}/hooks")
    assert not attempt.succeeded
    assert attempt.error.startswith("TLS failed")
    assert receiver.requests == []


def test_every_checked_address_is_tried_in_turn(send, dns, receiver, settings, monkeypatch):
    """The first address refuses the connection: the next checked one is used."""
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    monkeypatch.setattr(sender, "TIMEOUT_SECONDS", 2)
    port = receiver.server.server_address[1]
    dns.answers["localhost"] = ["127.0.0.2", "127.0.0.1"]
    attempt = send(f"http://localhost:{port}/hooks")
    assert attempt.succeeded, attempt.error
    assert receiver.requests[0].headers["Host"] == f"localhost:{port}"


def test_the_refusal_reasons():
    assert addresses.refusal("8.8.8.8") is None
    assert addresses.refusal("169.254.169.254") == "link-local"
    assert addresses.refusal("::ffff:169.254.169.254") == "link-local"
    assert addresses.refusal("127.0.0.1") == "loopback"
    assert addresses.refusal("0.0.0.0") == "unspecified"
    assert addresses.refusal("224.0.0.251") == "multicast"
    assert addresses.refusal("192.168.0.1") == "private"
