"""What the security log keeps about API clients and webhook endpoints: their settings
before and after a change, never a key, a key's hash or a signing secret."""

from security.log import Action, record


def client_state(client):
    return {
        "name": client.name,
        "scopes": sorted(client.scopes),
        "departments": sorted(department.name for department in client.departments.all()),
        "expiry_date": client.expiry_date.isoformat() if client.expiry_date else None,
        "revoked": client.revoked,
    }


def endpoint_state(endpoint):
    return {
        "client": endpoint.client.name if endpoint.client_id else None,
        "url": endpoint.url,
        "events": sorted(endpoint.events),
        "active": endpoint.active,
    }


def changes(before, after):
    """{field: {"before": ..., "after": ...}} for the fields that differ."""
    return {
        field: {"before": before.get(field), "after": value}
        for field, value in after.items()
        if before.get(field) != value
    }


def client_created(client, request=None, via="admin"):
    return record(
        Action.API_CLIENT_CREATED,
        request=request,
        obj=client,
        client_id=client.pk,
        via=via,
        **{key: value for key, value in client_state(client).items() if key != "revoked"},
    )


def client_changed(client, before, request=None):
    changed = changes(before, client_state(client))
    if changed:
        record(Action.API_CLIENT_CHANGED, request=request, obj=client, client_id=client.pk, changes=changed)
    return changed


def client_revoked(client, request=None, via="admin"):
    return record(Action.API_CLIENT_REVOKED, request=request, obj=client, client_id=client.pk, via=via)


def endpoint_created(endpoint, request=None):
    return record(
        Action.WEBHOOK_ENDPOINT_CREATED,
        request=request,
        obj=endpoint,
        endpoint_id=endpoint.pk,
        **endpoint_state(endpoint),
    )


def endpoint_changed(endpoint, before, request=None, secret_replaced=False, **detail):
    changed = changes(before, endpoint_state(endpoint))
    if secret_replaced:
        # That it changed, never what it is.
        changed["secret"] = {"before": "(previous)", "after": "(new)"}
    if changed:
        record(
            Action.WEBHOOK_ENDPOINT_CHANGED,
            request=request,
            obj=endpoint,
            endpoint_id=endpoint.pk,
            changes=changed,
            **detail,
        )
    return changed
