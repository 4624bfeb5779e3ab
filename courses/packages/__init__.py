"""Course packages: a course, its translations, quizzes, images and documents as one ZIP
archive another installation imports (``export.write_package``, ``importer.import_package``).
The archive is checked before anything is read into the database (``safety``), against the
manifest (``manifest``); the pages' content is serialised generically from the models and
their StreamField block definitions (``content``)."""
