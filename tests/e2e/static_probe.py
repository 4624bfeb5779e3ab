"""``python -m tests.e2e.static_probe DIR``, run by test_reach.py in a process of its own
with DJANGO_SETTINGS_MODULE=elearning.settings.production: collects the static files into
DIR as a deployment does, then prints (as JSON) the manifest entries of the site's CSS and
JavaScript, the URLs the templates link, and how whitenoise serves them."""

import json
import sys


def main(static_root):
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.template import engines
    from django.test import Client, override_settings

    with override_settings(STATIC_ROOT=static_root):
        call_command("collectstatic", interactive=False, verbosity=0)
        with open(f"{static_root}/staticfiles.json", encoding="utf-8") as manifest_file:
            manifest = json.load(manifest_file)["paths"]
        template = engines["django"].from_string(
            "{% load static %}{% static 'css/site.css' %} {% static 'js/site.js' %}"
        )
        rendered = template.render({}).split()
        client = Client()
        responses = {}
        for url in rendered:
            response = client.get(url, secure=True, HTTP_ACCEPT_ENCODING="gzip")
            responses[url] = {
                "status": response.status_code,
                "cache_control": response.headers.get("Cache-Control", ""),
                "encoding": response.headers.get("Content-Encoding", ""),
            }
            response.close()
    result = {
        "storage": settings.STORAGES["staticfiles"]["BACKEND"],
        "manifest": {name: manifest[name] for name in ("css/site.css", "js/site.js")},
        "rendered": rendered,
        "responses": responses,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
