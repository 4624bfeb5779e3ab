"""The OpenAPI schema's shared parts: the one error shape, documented on every operation."""

ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error the API returns has this shape.",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "description": "What went wrong.",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer", "description": "The HTTP status code, repeated."},
                "code": {
                    "type": "string",
                    "description": "A stable machine-readable code, e.g. not_authenticated, "
                    "permission_denied, not_found, invalid, throttled.",
                },
                "message": {"type": "string", "description": "A human-readable explanation."},
                "fields": {
                    "type": "object",
                    "description": "For 400: each bad parameter with its messages.",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
        }
    },
}

ERRORS = {
    "400": "A parameter is not valid (a malformed time or number, an unknown choice, a cursor not "
    "taken from a `next`/`more` link); `fields` names it.",
    "401": "No key, or the key is wrong, revoked or expired.",
    "403": "The key lacks the scope this endpoint needs.",
    "404": "Nothing here that this client may see.",
    "405": "The API is read-only.",
    "429": "Too many requests for this client; wait for `Retry-After` seconds.",
}


def add_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook; also says that text parameters cannot hold a
    NUL character, which no database column can store either."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if schema.get("type") == "string" and not schema.get("format") and "enum" not in schema:
                    schema.setdefault("pattern", "^[^\\x00]*$")
                if parameter.get("in") == "query":
                    allow_empty(parameter)
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
    return result


EMPTY_MEANS_ABSENT = "An empty value is the same as leaving the parameter out."


def allow_empty(parameter):
    """The API reads ``name=`` as no ``name`` at all (api.params); a plain string already
    allows the empty value, anything narrower (a time, a number, a choice) gets it added."""
    schema = parameter.get("schema", {})
    plain_string = schema.get("type") == "string" and not (
        {"format", "enum", "minLength"} & set(schema) or schema.get("pattern", "^[^\\x00]*$") != "^[^\\x00]*$"
    )
    if not plain_string:
        parameter["schema"] = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
    description = parameter.get("description", "")
    if EMPTY_MEANS_ABSENT not in description:
        parameter["description"] = f"{description} {EMPTY_MEANS_ABSENT}".strip()


def only_this_api(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: Wagtail's admin API is not part of this API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
