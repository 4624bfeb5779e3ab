"""What the API says about each record. These fields are the whole allowlist: nothing
else (quiz answers, reflections, attempts) is ever serialised."""

from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from records.models import CourseCompletion, Enrolment

from .models import Tombstone


class PersonFields(serializers.Serializer):
    """Who the record is about: no more than HR needs to match it to their own records."""

    employee_id = serializers.CharField(
        source="user.employee_id", allow_null=True, help_text=_("The person's employee ID from the roster.")
    )
    email = serializers.EmailField(source="user.email", help_text=_("The person's work email."))
    name = serializers.CharField(source="user.full_name", help_text=_("The person's full name."))
    department = serializers.CharField(
        source="user.department.name", allow_null=True, default=None, help_text=_("The person's department.")
    )


class CompletionSerializer(PersonFields, serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("This completion's stable ID: upsert on it."))
    course_code = serializers.CharField(help_text=_("The course's code, the same in every language."))
    course_title = serializers.CharField(help_text=_("The course title in the language it was taken in."))
    course_language = serializers.CharField(
        help_text=_("The language the course was taken in (en, es, fr, ar).")
    )
    completed_at = serializers.DateTimeField(help_text=_("When the last required module was completed."))
    score = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        coerce_to_string=False,
        allow_null=True,
        help_text=_("The average of the best passing percentage of each required module's quiz (0–100)."),
    )
    passed = serializers.SerializerMethodField(
        help_text=_("Whether this completion counts as a pass: false once it is revoked.")
    )
    certificate_id = serializers.CharField(help_text=_("Verifiable at /certificates/<certificate_id>/."))
    valid_until = serializers.DateField(
        allow_null=True, help_text=_("The last day the completion counts; null if it never expires.")
    )
    status = serializers.ChoiceField(
        choices=CourseCompletion.Standing.values,
        help_text=_("valid; expired (after valid_until); revoked (by HR, with a reason)."),
    )
    revoked_at = serializers.DateTimeField(allow_null=True, help_text=_("When HR revoked it, if they did."))
    revoked_reason = serializers.CharField(help_text=_("Why HR revoked it; empty if not revoked."))
    created_at = serializers.DateTimeField(help_text=_("When this record was created."))
    updated_at = serializers.DateTimeField(
        help_text=_("When this record last changed; rows are ordered by (updated_at, id).")
    )
    module_versions = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_(
            "The version of each required module this completion covers, by module key "
            "(a module's versions move on when an editor publishes a material change)."
        ),
    )
    superseded_at = serializers.DateTimeField(
        allow_null=True,
        help_text=_(
            "When a newer completion, after a material change, replaced this one; null if it has "
            "not been. Not a revocation: it was valid until then."
        ),
    )
    superseded_by = serializers.IntegerField(
        source="superseded_by_id", allow_null=True, help_text=_("The id of the completion that replaced it.")
    )

    class Meta:
        model = CourseCompletion
        fields = [
            "id",
            "employee_id",
            "email",
            "name",
            "department",
            "course_code",
            "course_title",
            "course_language",
            "completed_at",
            "score",
            "passed",
            "certificate_id",
            "valid_until",
            "status",
            "revoked_at",
            "revoked_reason",
            "created_at",
            "updated_at",
            "module_versions",
            "superseded_at",
            "superseded_by",
        ]

    def get_passed(self, completion) -> bool:
        return not completion.is_revoked


class UpdatedModuleSerializer(serializers.Serializer):
    module_key = serializers.CharField(help_text=_("The module's key, the same in every language."))
    title = serializers.CharField(help_text=_("The module's title when it was re-opened."))
    version = serializers.IntegerField(help_text=_("The version of the module to complete."))


class UpdateRequiredSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        help_text=_("The lowest version among the re-opened modules (each module has its own).")
    )
    modules = UpdatedModuleSerializer(many=True, help_text=_("The modules to complete again."))
    due_date = serializers.DateField(allow_null=True, help_text=_("The day the update is due by."))


class EnrolmentSerializer(PersonFields, serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("This enrolment's stable ID: upsert on it."))
    course_code = serializers.CharField(help_text=_("The course's code, the same in every language."))
    course_title = serializers.CharField(help_text=_("The course title when the person was enrolled."))
    source = serializers.ChoiceField(
        choices=Enrolment.Source.values,
        help_text=_("assigned (by an assignment rule) or self (enrolled themselves)."),
    )
    status = serializers.ChoiceField(
        choices=Enrolment.Status.values,
        help_text=_(
            "not_started, in_progress, completed, overdue (due date passed, not completed), expired "
            "(the completion's validity ran out) or update_required (a material change re-opened "
            "modules of a valid completion: see update_required)."
        ),
    )
    status_changed_at = serializers.DateTimeField(help_text=_("When the status last changed."))
    enrolled_at = serializers.DateTimeField(help_text=_("When the person was enrolled or assigned."))
    due_date = serializers.DateField(
        allow_null=True, help_text=_("The day it is due by; null if no due date.")
    )
    completed_at = serializers.DateTimeField(
        allow_null=True, help_text=_("When the course was last completed; null if not (or since retaken).")
    )
    progress = serializers.SerializerMethodField(
        help_text=_("Percentage (0–100) of the course's required modules completed.")
    )
    updated_at = serializers.DateTimeField(
        help_text=_("When this record last changed; rows are ordered by (updated_at, id).")
    )
    update_required = serializers.SerializerMethodField(
        help_text=_(
            "The modules a material change re-opened and not yet completed again, with their "
            "version and due date; null when none. Still set once the update is overdue "
            "(status overdue)."
        )
    )

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "employee_id",
            "email",
            "name",
            "department",
            "course_code",
            "course_title",
            "source",
            "status",
            "status_changed_at",
            "enrolled_at",
            "due_date",
            "completed_at",
            "progress",
            "updated_at",
            "update_required",
        ]

    def get_progress(self, enrolment) -> int:
        return self.context["progress"].get(enrolment.pk, 0)

    @extend_schema_field(UpdateRequiredSerializer(allow_null=True))
    def get_update_required(self, enrolment):
        # From records.update_required_by_enrolment, as the feed's rows (api/rows.py).
        return self.context.get("update_required", {}).get(enrolment.pk)


class CourseSerializer(serializers.Serializer):
    course_code = serializers.CharField(help_text=_("The course's code, the same in every language."))
    title = serializers.CharField(help_text=_("The title in the course's original language."))
    original_language = serializers.CharField(help_text=_("The language the course was written in."))
    languages = serializers.ListField(
        child=serializers.CharField(), help_text=_("Every language the course is published in.")
    )
    titles = serializers.DictField(
        child=serializers.CharField(), help_text=_("The course title in each published language.")
    )
    estimated_minutes = serializers.IntegerField(
        allow_null=True, help_text=_("How long the course takes, in minutes.")
    )
    validity_months = serializers.IntegerField(
        allow_null=True, help_text=_("How many months a completion counts for; null if it never expires.")
    )
    required_modules = serializers.IntegerField(help_text=_("How many modules must be completed."))
    last_content_change = serializers.DateTimeField(
        allow_null=True,
        help_text=_("When the course or one of its modules was last published, in any language."),
    )


class TranscriptSerializer(serializers.Serializer):
    employee_id = serializers.CharField(help_text=_("The person's employee ID from the roster."))
    email = serializers.EmailField(help_text=_("The person's work email."))
    name = serializers.CharField(help_text=_("The person's full name."))
    department = serializers.CharField(allow_null=True, help_text=_("The person's department."))
    is_active = serializers.BooleanField(help_text=_("False once the person has left (deactivated)."))
    enrolments = EnrolmentSerializer(many=True, help_text=_("Every course the person is enrolled on."))
    completions = CompletionSerializer(
        many=True, help_text=_("Every completion, newest first, revoked and expired ones included.")
    )


class TombstoneSerializer(serializers.ModelSerializer):
    """A record that left this client's view: delete your copy. Nothing about the person."""

    id = serializers.IntegerField(help_text=_("This tombstone's own ID."))
    record_type = serializers.ChoiceField(
        choices=Tombstone.RecordType.values,
        help_text=_("completion (a row of the completion feed) or enrolment (of the enrolment feed)."),
    )
    record_id = serializers.IntegerField(
        help_text=_("The `id` of the completion or enrolment to delete from your copy.")
    )
    reason = serializers.ChoiceField(
        choices=Tombstone.Reason.values,
        help_text=_(
            "erased (the person's personal data was erased) or left_scope (the person moved out of "
            "this client's departments)."
        ),
    )
    updated_at = serializers.DateTimeField(
        help_text=_(
            "When the record left this client's view; rows are ordered by (updated_at, id). If your copy "
            "of the record has a later updated_at, keep it: the record came back after this tombstone."
        )
    )

    class Meta:
        model = Tombstone
        fields = ["id", "record_type", "record_id", "reason", "updated_at"]
