class PackageError(Exception):
    """A package refused: the message names the member (or page) and the reason, for the
    person importing it. Nothing has been written when it is raised."""
