"""A person's personal data: export (``export``), erasure (``erasure``) and retention (``retention``)."""
