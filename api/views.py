"""The read-only HR API. Every view needs a valid key (401) with the view's scope (403);
records outside a client's departments do not exist for it (404). With a read replica, these
views' GET requests read from it (``ReplicaReadsMixin``, elearning/db_router.py); the key and
its scopes are still checked on the primary."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from elearning.db_router import ReplicaReadsMixin
from people.models import User
from records.models import CourseCompletion, Enrolment

from . import driver, records, rows, scopes, statements
from .exports import UPDATE_REQUIRED_COLUMNS, chunked, csv_response
from .filters import CompletionFilterSet, EnrolmentFilterSet, TombstoneFilterSet
from .models import Tombstone
from .pagination import SyncCursorPagination
from .params import EmptyParamsAreAbsent
from .serializers import (
    CompletionSerializer,
    CourseSerializer,
    EnrolmentSerializer,
    TombstoneSerializer,
    TranscriptSerializer,
)

CSV_RESPONSE = {
    (200, "text/csv"): OpenApiResponse(
        response=OpenApiTypes.STR,
        description=_(
            "A CSV file: one row per record, the same columns as the JSON feed, in sync order; "
            "an object (update_required) is spread over columns of its own (update_required_version, "
            "update_required_modules, update_required_due_date) and a map (module_versions) is JSON."
        ),
    )
}


class SyncFeedViewSet(
    ReplicaReadsMixin, EmptyParamsAreAbsent, mixins.ListModelMixin, viewsets.GenericViewSet
):
    """A feed in (updated_at, id) order with its CSV export. Each feed defines
    ``read_values(queryset, today)`` (its columns as a ``.values()`` queryset) and
    ``shape_rows(names, tuples)`` (the feed's dicts), both in api/rows.py; the rows are read
    through api/driver.py. ``serializer_class`` describes them in the schema."""

    pagination_class = SyncCursorPagination
    filter_backends = [DjangoFilterBackend]
    export_name = None
    flat_export = None  # api.exports.FlatField: a nested field, as columns in the CSV
    filtered = False

    def list(self, request, *args, **kwargs):
        # Built only if used: a sync's kept page query does not need it (read_page).
        queryset = SimpleLazyObject(self.get_queryset)
        page = self.paginate_queryset(self.filter_queryset(queryset))
        return self.get_paginated_response(page)

    def filter_queryset(self, queryset):
        # A sync asks for no filter; building and validating the filter set's form would
        # change nothing and costs about a tenth of a small page's time (bench/README.md).
        if not any(name in self.request.query_params for name in self.filterset_class.base_filters):
            return queryset
        self.filtered = True
        return super().filter_queryset(queryset)

    def read_page(self, build, position, page_size):
        """A page's row dicts; ``build(position)`` is the page's queryset. A sync without
        filters reuses the page query compiled for this feed, database, client, size and day
        (the client's scope is read inside the query). The database is the one the router
        chooses for this request, the same one ``build`` reads: a query compiled for the
        replica is never run on the primary, nor the other way round."""
        today = timezone.localdate()

        def values(at):
            return self.read_values(build(at), today)

        if self.filtered:
            names, rows = driver.tuples(values(position))
        else:
            key = (type(self).__name__, self.queryset.db, self.request.auth.pk, page_size, today)
            key += self.statement_key()
            names, rows = statements.page(key, values, position)
        return self.shape_rows(names, rows)

    def statement_key(self):
        """What else a feed's page SQL depends on, read outside the query (a tuple)."""
        return ()

    def read_rows(self, queryset):
        """An export chunk's row dicts."""
        return self.shape_rows(*driver.tuples(self.read_values(queryset, timezone.localdate())))

    def perform_content_negotiation(self, request, force=False):
        # The export is CSV whatever the Accept header asks for; its errors are JSON.
        return super().perform_content_negotiation(request, force=force or self.action == "export")

    @action(detail=False, methods=["get"], url_path="export")
    def export(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        headings = list(self.get_serializer_class()().fields)
        rows = chunked(queryset, self.read_rows)
        if self.flat_export is not None:  # a nested field becomes columns of its own
            headings, rows = self.flat_export.headings(headings), map(self.flat_export.row, rows)
        return csv_response(rows, headings, self.export_name)


@extend_schema_view(
    list=extend_schema(summary=_("Course completions")),
    export=extend_schema(summary=_("Course completions as CSV"), responses=CSV_RESPONSE, filters=True),
)
@extend_schema(tags=["completions"])
class CompletionViewSet(SyncFeedViewSet):
    """Course completions, oldest change first. Revoked completions stay in the feed with
    `status: revoked`, so a sync learns about revocations."""

    required_scope = scopes.COMPLETIONS
    serializer_class = CompletionSerializer
    filterset_class = CompletionFilterSet
    export_name = "completions"
    queryset = CourseCompletion.objects.none()

    def get_queryset(self):
        return records.completions_for(self.request.auth)

    def read_values(self, queryset, today):
        return rows.completion_values(queryset, today)

    def shape_rows(self, names, tuples):
        return rows.completion_shape(names, tuples)


@extend_schema_view(
    list=extend_schema(summary=_("Enrolments")),
    export=extend_schema(summary=_("Enrolments as CSV"), responses=CSV_RESPONSE, filters=True),
)
@extend_schema(tags=["enrolments"])
class EnrolmentViewSet(SyncFeedViewSet):
    """Who is assigned or enrolled on what, with due dates, status and progress."""

    required_scope = scopes.ENROLMENTS
    serializer_class = EnrolmentSerializer
    filterset_class = EnrolmentFilterSet
    export_name = "enrolments"
    flat_export = UPDATE_REQUIRED_COLUMNS
    queryset = Enrolment.objects.none()

    def get_queryset(self):
        return records.enrolments_for(self.request.auth)

    def read_values(self, queryset, today):
        return rows.enrolment_values(queryset)

    def shape_rows(self, names, tuples):
        return rows.enrolment_shape(names, tuples)


@extend_schema_view(
    list=extend_schema(summary=_("Tombstones: records to delete")),
    export=extend_schema(summary=_("Tombstones as CSV"), responses=CSV_RESPONSE, filters=True),
)
@extend_schema(tags=["tombstones"])
class TombstoneViewSet(SyncFeedViewSet):
    """Completions and enrolments that left this client's view: the person's data was erased
    (`erased`), or they moved out of this client's departments (`left_scope`). Delete the
    record with `record_id` from your copy of the completion or enrolment feed, unless your
    copy changed after the tombstone's `updated_at`. Completion tombstones need the
    completions scope, enrolment tombstones the enrolments scope."""

    required_scope = (scopes.COMPLETIONS, scopes.ENROLMENTS)
    serializer_class = TombstoneSerializer
    filterset_class = TombstoneFilterSet
    export_name = "tombstones"
    queryset = Tombstone.objects.none()

    def get_queryset(self):
        return records.tombstones_for(self.request.auth)

    def statement_key(self):
        # The record types a client sees come from its scopes (records.visible_tombstones_filter).
        return (tuple(sorted(self.request.auth.scopes)),)

    def read_values(self, queryset, today):
        return rows.tombstone_values(queryset)

    def shape_rows(self, names, tuples):
        return rows.tombstone_shape(names, tuples)


@extend_schema(tags=["courses"])
class CourseListView(ReplicaReadsMixin, APIView):
    required_scope = scopes.COURSES

    @extend_schema(summary=_("The course catalogue"), responses=CourseSerializer(many=True))
    def get(self, request):
        """Every published course, one entry per course code, ordered by code."""
        return Response(CourseSerializer(records.catalogue(), many=True).data)


@extend_schema(tags=["learners"])
class TranscriptView(ReplicaReadsMixin, APIView):
    required_scope = scopes.LEARNERS

    @extend_schema(summary=_("One person's transcript"), responses=TranscriptSerializer)
    def get(self, request, employee_id):
        """One person's enrolments and completions, by employee ID."""
        client = request.auth
        people = User.objects.filter(records.visible_people_filter(client, prefix=""))
        person = (
            people.select_related("department")
            .prefetch_related(
                Prefetch("enrolments", queryset=Enrolment.objects.order_by("course_code")),
                Prefetch("completions", queryset=CourseCompletion.objects.order_by("-completed_at", "-id")),
            )
            .filter(employee_id=employee_id)
            .first()
        )
        if person is None:
            raise NotFound(_("No learner with this employee ID is visible to this API client."))
        enrolments = list(person.enrolments.all())
        completions = list(person.completions.all())
        for record in (*enrolments, *completions):
            record.user = person  # the serializers read the person's fields without a query each
        context = {
            "request": request,
            "progress": records.progress_by_enrolment(enrolments),
            "update_required": records.update_required_by_enrolment(enrolments),
        }
        data = {
            "employee_id": person.employee_id,
            "email": person.email,
            "name": person.full_name,
            "department": person.department.name if person.department else None,
            "is_active": person.is_active,
            "enrolments": enrolments,
            "completions": completions,
        }
        return Response(TranscriptSerializer(data, context=context).data)
