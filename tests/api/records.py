"""Reading a feed to its end, for the API tests that page through many rows."""


def sync_all(api, url, **params):
    """Follow ``next`` links to the end; returns every row read, in order."""
    rows = []
    response = api.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        rows.extend(body["results"])
        if not body["next"]:
            return rows
        response = api.get(body["next"])
