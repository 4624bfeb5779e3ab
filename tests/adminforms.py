"""Submitting a rendered admin form as a browser would: the test reads the form's fields
from the page it was served, so it posts exactly what the screen offers (plus any changes)."""

from tests.htmlutils import elements


def _inside(element, container):
    return any(parent is container for parent in element.parents)


def _form(every, action):
    forms = [
        element
        for element in every
        if element.tag == "form"
        and (element.attrs.get("method") or "").lower() == "post"
        and (action is None or (element.attrs.get("action") or "").endswith(action))
    ]
    assert forms, f"no POST form{' for ' + action if action else ''} on the page"
    return forms[0]


def _fields(response, action):
    every = elements(response.content.decode())
    form = _form(every, action)
    fields = [
        element
        for element in every
        if element.tag in ("input", "select", "textarea")
        and element.attrs.get("name")
        and _inside(element, form)
    ]
    return every, fields


def field_names(response, action=None):
    """Every named field the form offers, checked or not."""
    return {element.attrs["name"] for element in _fields(response, action)[1]}


def form_data(response, action=None):
    """The values a browser would submit from the page's POST form (the one whose action
    ends with ``action`` when given): text inputs, checked boxes and radios, selected
    options (a single select's first option when none is marked), textareas."""
    every, fields = _fields(response, action)
    data = {}
    for element in fields:
        name = element.attrs["name"]
        kind = (element.attrs.get("type") or "text").lower()
        if element.tag == "input":
            if kind in ("submit", "button", "image", "file", "reset"):
                continue
            if kind in ("checkbox", "radio") and "checked" not in element.attrs:
                continue
            default = "on" if kind in ("checkbox", "radio") else ""
            data.setdefault(name, []).append(element.attrs.get("value") or default)
        elif element.tag == "textarea":
            data.setdefault(name, []).append(element.text)
        else:
            options = [option for option in every if option.tag == "option" and _inside(option, element)]
            chosen = [option for option in options if "selected" in option.attrs]
            if not chosen and options and "multiple" not in element.attrs:
                chosen = options[:1]
            data[name] = [option.attrs.get("value", option.text) for option in chosen]
    return data
