from django import template

from records.forms import ReflectionForm

register = template.Library()


@register.simple_tag(takes_context=True)
def reflection_state(context, block_id):
    """The form and saved answer for one prompt: a bound form with errors after a
    failed save (so nothing typed is lost), else the saved answer ready to edit."""
    failed = (context.get("reflection_errors") or {}).get(block_id)
    saved = (context.get("reflections") or {}).get(block_id)
    if failed is not None:
        form = failed
    else:
        form = ReflectionForm(initial={"answer": saved.answer if saved else ""}, auto_id=f"id_%s_{block_id}")
    return {"form": form, "saved": saved}
