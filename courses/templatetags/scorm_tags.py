"""Tags of the SCORM package's templates (templates/courses/scorm/): they render through the
package's files (courses.scorm.files.PackageFiles), so nothing points outside the package."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def scorm_rich_text(context, value):
    return context["scorm_files"].rich_text(value)


@register.simple_tag(takes_context=True)
def scorm_block(context, child):
    from courses.scorm.rendering import render_block

    return render_block(child, context["scorm_files"])


@register.simple_tag(takes_context=True)
def scorm_image(context, image):
    """``{% scorm_image value.image as picture %}``: ``picture.src`` relative to the page and
    ``picture.rendition``, or an empty ``src`` when the image file is gone."""
    src, rendition = context["scorm_files"].image(image)
    return {"src": src, "rendition": rendition}


@register.simple_tag(takes_context=True)
def scorm_document(context, document):
    src, document = context["scorm_files"].document(document)
    return {"src": src, "document": document}
