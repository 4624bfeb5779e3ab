from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import ModulePage
from courses.models.pages import refuse_unless_open
from records.forms import ReflectionForm
from records.models import ReflectionAnswer


def _reflection_prompt(module, block_id):
    for block in module.body:
        if block.block_type == "reflection" and block.id == block_id:
            return block.value["prompt"]
    raise Http404("No such reflection prompt on this module.")


@require_POST
def save_reflection(request, module_id, block_id):
    """Save the signed-in person's answer to one reflection prompt, for them only."""
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    refuse_unless_open(request, module.parent_course())
    prompt = _reflection_prompt(module, block_id)
    form = ReflectionForm(request.POST, auto_id=f"id_%s_{block_id}")
    if not form.is_valid():
        # Show the module again with the error beside the field and the text kept.
        response = module.serve(request)
        response.context_data["reflection_errors"] = {block_id: form}
        response.status_code = 400
        return response
    ReflectionAnswer.objects.update_or_create(
        user=request.user,
        module=module,
        block_id=block_id,
        defaults={"answer": form.cleaned_data["answer"], "prompt": prompt, "module_title": module.title},
    )
    messages.success(request, _("Your reflection was saved. Only you can see it."))
    return redirect(f"{module.url}#reflection-{block_id}")
