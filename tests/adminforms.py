"""Submitting a rendered admin form as a browser would: the test reads the form's fields
from the page it was served, so it posts exactly what the screen offers (plus any changes)."""

from tests.htmlutils import soup, text_of


def _fields(response, action):
    forms = [
        form
        for form in soup(response).find_all("form")
        if (form.get("method") or "").lower() == "post"
        and (action is None or (form.get("action") or "").endswith(action))
    ]
    assert forms, f"no POST form{' for ' + action if action else ''} on the page"
    return [field for field in forms[0].find_all(["input", "select", "textarea"]) if field.get("name")]


def field_names(response, action=None):
    """Every named field the form offers, checked or not."""
    return {field["name"] for field in _fields(response, action)}


def form_data(response, action=None):
    """The values a browser would submit from the page's POST form (the one whose action
    ends with ``action`` when given): text inputs, checked boxes and radios, selected
    options (a single select's first option when none is marked), textareas."""
    data = {}
    for field in _fields(response, action):
        name = field["name"]
        kind = (field.get("type") or "text").lower()
        if field.name == "input":
            if kind in ("submit", "button", "image", "file", "reset"):
                continue
            if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            default = "on" if kind in ("checkbox", "radio") else ""
            data.setdefault(name, []).append(field.get("value") or default)
        elif field.name == "textarea":
            data.setdefault(name, []).append(text_of(field))
        else:
            options = field.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not field.has_attr("multiple"):
                chosen = options[:1]
            data[name] = [option.get("value", text_of(option)) for option in chosen]
    return data
