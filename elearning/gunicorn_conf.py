"""gunicorn's settings for the web processes (the Procfile's ``web`` line, ``make prod``);
each can be set from the environment, as on a platform that runs the Procfile.

Sync workers serve one request at a time each: ``WEB_CONCURRENCY`` of them, by default two
per core and one more (gunicorn's own advice), each keeping one database connection
(settings/database.py)."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# A request taking longer than this is stuck: its worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On SIGTERM (a deploy, honcho stopping), requests under way get this long to finish.
graceful_timeout = 20
accesslog = "-"
# gunicorn's runtime control socket lives at one path per user, shared by every gunicorn on
# the machine; nothing here uses it.
control_socket_disable = True
