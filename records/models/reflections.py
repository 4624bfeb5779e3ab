from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from records.sanitise import answer_html


class ReflectionAnswer(models.Model):
    """What a staff member wrote in answer to a module's reflection prompt. Private to them:
        managers and the HR API never see it. The module link is nullable so deleting a page
        never deletes what someone wrote; the prompt is copied as it was asked. The answer is stored exactly
    as typed and is only ever rendered through ``as_html``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reflections",
        verbose_name=_("staff member"),
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("module")
    )
    module_title = models.CharField(_("module title"), max_length=255)
    block_id = models.CharField(_("prompt ID"), max_length=64)
    prompt = models.TextField(_("prompt"))
    answer = models.TextField(_("answer"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        db_table = "quizzes_reflectionanswer"  # kept from quizzes: records/migrations/0001
        verbose_name = _("reflection answer")
        verbose_name_plural = _("reflection answers")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "block_id"], name="quizzes_reflection_one_per_prompt"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.module_title}"

    def as_html(self):
        """The answer as it may be shown: stored as typed, cleaned every time it is rendered."""
        return answer_html(self.answer)

    @classmethod
    def answers_for(cls, user, module):
        """The person's answers on one module, by prompt ID, in one query."""
        return {answer.block_id: answer for answer in cls.objects.filter(user=user, module=module)}
