"""What a seeding run did: the things it created or changed, and those already there.
Each thing is counted once, however many builders look it up."""


class SeedReport:
    def __init__(self):
        self._status = {}

    def record(self, label, created):
        self._status.setdefault(label, "created" if created else "present")
        return created

    def change(self, label):
        self._status.setdefault(label, "changed")

    def _with(self, status):
        return [label for label, value in self._status.items() if value == status]

    @property
    def created(self):
        return self._with("created")

    @property
    def changed(self):
        return self._with("changed")

    @property
    def present(self):
        return self._with("present")
