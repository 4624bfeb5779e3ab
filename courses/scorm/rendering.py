"""A module as a standalone HTML page (a SCO): its blocks rendered to static HTML, in the
module's language, with its quiz as a form that assets/scorm12.js scores."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language_info

from courses.models.quiz import FeedbackPolicy, QuestionKind

# Blocks whose site template is already static HTML without addresses are reused as they
# are; the others (rich text, images, documents, videos, forms) have a package template.
SITE_TEMPLATES = {"heading", "quote", "do_dont", "checklist", "key_takeaways"}


def block_template(block_type):
    if block_type in SITE_TEMPLATES:
        return f"courses/blocks/{block_type}.html"
    return f"courses/scorm/blocks/{block_type}.html"


def render_block(child, files):
    return render_to_string(
        block_template(child.block_type),
        {"value": child.value, "block_id": child.id, "scorm_files": files},
    )


def quiz_of(module, questions):
    """The quiz as the page's form and answer key (the organisation accepts that the package
    carries its answers), or None for a module without questions. Scored as the site
    scores it (quizzes.services.scoring): a question's points only when exactly its correct
    choices are picked; passed at a percentage of the points at or above the pass mark."""
    if not questions:
        return None
    form, key = [], []
    for number, question in enumerate(questions, start=1):
        name = f"q{number}"
        choices = [
            {
                "value": f"{name}c{index}",
                "text": choice.text,
                "correct": choice.is_correct,
                "feedback": choice.feedback,
            }
            for index, choice in enumerate(question.choices.all(), start=1)
        ]
        form.append(
            {
                "name": name,
                "prompt": question.prompt,
                "points": question.points,
                "multiple": question.kind == QuestionKind.MULTIPLE,
                "choices": choices,
            }
        )
        key.append(
            {
                "name": name,
                "points": question.points,
                "correct": [choice["value"] for choice in choices if choice["correct"]],
                "explanation": question.explanation,
                "feedback": {choice["value"]: choice["feedback"] for choice in choices if choice["feedback"]},
            }
        )
    policy = module.quiz_feedback_policy
    return {
        "questions": form,
        "pass_mark": module.quiz_pass_mark,
        "key": {
            "passMark": module.quiz_pass_mark,
            "feedback": policy if policy in FeedbackPolicy.values else FeedbackPolicy.AFTER_EACH_ATTEMPT,
            # Served as the site serves an attempt (quizzes.services.attempts.build_snapshot):
            # drawn, then shuffled, by the page's script.
            "draw": module.quiz_draw_count,
            "shuffleQuestions": module.quiz_shuffle_questions,
            "shuffleChoices": module.quiz_shuffle_choices,
            "questions": key,
        },
    }


def render_module(course, module, questions, files, number, count):
    language = module.locale.language_code
    with translation.override(language):
        blocks = [render_block(child, files) for child in module.body]
        return render_to_string(
            "courses/scorm/module.html",
            {
                "course": course,
                "module": module,
                "blocks": blocks,
                "quiz": quiz_of(module, questions),
                "language": language,
                "direction": "rtl" if get_language_info(language)["bidi"] else "ltr",
                "number": number,
                "count": count,
                "scorm_files": files,
            },
        )
