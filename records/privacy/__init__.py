"""A person's personal data: erasure (``erasure``), retention (``retention``) and export."""
