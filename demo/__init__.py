"""Demo content for ``manage.py seed_demo``, as Python data: one module per course
(influencers.py, storytelling.py) and per translation (storytelling_ar.py). site.py builds
the page tree from them (``ensure_site_structure()`` and friends, reusable in tests),
covers.py draws the course covers, organisation.py the departments, staff and demo accounts,
assignments.py and history.py the assignments and past completions, report.py records what
a run created. The app sits above every other one (it imports them; none imports it)."""
