"""Checks on a module's quiz that need its questions and choices together, with the
messages shown to editors beside the question or setting at fault."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminPageForm

from courses.models.quiz import QuestionKind


def _kept_forms(formset):
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


def question_problems(kind, choices):
    """What is wrong with one question, given its (text, is_correct) choices."""
    correct = sum(1 for _text, is_correct in choices if is_correct)
    problems = []
    if correct == 0:
        problems.append(_("Mark at least one choice as correct."))
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and correct > 1:
        problems.append(_("A single-choice or true/false question has exactly one correct choice."))
    if kind == QuestionKind.TRUE_FALSE and len(choices) != 2:
        problems.append(_("A true/false question has exactly two choices, such as “True” and “False”."))
    if len(choices) < 2:
        problems.append(_("Give at least two choices."))
    return problems


class ModulePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        questions = self.formsets.get("quiz_questions")
        if questions is None:
            return cleaned_data
        # The page form is cleaned before its formsets; validate them first (it is cached).
        questions.is_valid()
        kept = _kept_forms(questions)
        for form in kept:
            form.formsets["choices"].is_valid()
            choices = [
                (choice.cleaned_data.get("text"), choice.cleaned_data.get("is_correct"))
                for choice in _kept_forms(form.formsets["choices"])
            ]
            for problem in question_problems(form.cleaned_data.get("kind"), choices):
                form.add_error(None, problem)
        draw = cleaned_data.get("quiz_draw_count")
        if draw and draw > len(kept):
            self.add_error(
                "quiz_draw_count",
                ngettext(
                    "The quiz has only %(count)d question; draw at most that many.",
                    "The quiz has only %(count)d questions; draw at most that many.",
                    len(kept),
                )
                % {"count": len(kept)},
            )
        return cleaned_data
