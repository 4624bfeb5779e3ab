"""``GET /api/v1/xapi/statements/``: the xAPI statement feed (see ``api.xapi``).

The statements are built as plain dicts, because xAPI forbids nulls where a serializer would
write them; the serializers below only describe them for the OpenAPI schema, and a test
checks every statement against that description."""

from django.utils.translation import gettext_lazy as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from . import scopes, xapi
from .params import EmptyParamsAreAbsent


class XapiAccountSerializer(serializers.Serializer):
    homePage = serializers.URLField(help_text=_("This platform's address."))
    name = serializers.CharField(
        help_text=_(
            "The person's pseudonym: stable for that person, never their employee ID, email or name "
            "(per API client unless the server is set to one per installation)."
        )
    )


class XapiActorSerializer(serializers.Serializer):
    objectType = serializers.ChoiceField(choices=["Agent"], help_text=_("Always Agent."))
    account = XapiAccountSerializer(
        help_text=_("The person, by a pseudonymous account: statements carry no employee ID, email or name.")
    )


class XapiVerbSerializer(serializers.Serializer):
    id = serializers.ChoiceField(
        choices=xapi.VERB_IRIS,
        help_text=_("The ADL verb: completed (a course), passed or failed (a quiz), voided (a revocation)."),
    )
    display = serializers.DictField(
        child=serializers.CharField(), help_text=_("The verb's name, in a language map keyed en-US.")
    )


class XapiActivityDefinitionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=[xapi.COURSE_TYPE, xapi.ASSESSMENT_TYPE],
        help_text=_("course for a course; assessment for a module's quiz."),
    )
    name = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        help_text=_(
            "The title, keyed by the language it was taken in (und when unknown). Absent on the course "
            "named as a quiz's parent."
        ),
    )


class XapiActivitySerializer(serializers.Serializer):
    objectType = serializers.ChoiceField(choices=["Activity"], help_text=_("Always Activity."))
    id = serializers.URLField(
        help_text=_(
            "The activity's stable IRI: <base>/xapi/activities/course/<course code> or "
            "<base>/xapi/activities/module/<module key>."
        )
    )
    definition = XapiActivityDefinitionSerializer(help_text=_("What kind of activity it is."))


class XapiObjectSerializer(serializers.Serializer):
    objectType = serializers.ChoiceField(
        choices=["Activity", "StatementRef"],
        help_text=_(
            "Activity (a course or a quiz); StatementRef for the statement a voided statement voids."
        ),
    )
    id = serializers.CharField(
        help_text=_("The activity's IRI, as in an Activity; for a StatementRef, the voided statement's id.")
    )
    definition = XapiActivityDefinitionSerializer(required=False, help_text=_("Present on an Activity."))


class XapiScoreSerializer(serializers.Serializer):
    scaled = serializers.FloatField(help_text=_("The percentage as a fraction, 0 to 1."))
    raw = serializers.FloatField(help_text=_("The percentage, 0 to 100."))
    min = serializers.IntegerField(help_text=_("Always 0."))
    max = serializers.IntegerField(help_text=_("Always 100."))


class XapiResultSerializer(serializers.Serializer):
    score = XapiScoreSerializer(
        required=False,
        help_text=_(
            "A course: the average of the best passing percentage of each required module's quiz; a quiz: "
            "the percentage scored. Absent for a course without quizzes."
        ),
    )
    success = serializers.BooleanField(help_text=_("True for a completion or a passed quiz."))
    completion = serializers.BooleanField(help_text=_("Always true: only finished work is reported."))


class XapiContextActivitiesSerializer(serializers.Serializer):
    parent = XapiActivitySerializer(many=True, help_text=_("The course the quiz belongs to."))


class XapiContextSerializer(serializers.Serializer):
    platform = serializers.CharField(help_text=_("This platform's name."))
    language = serializers.CharField(
        required=False, help_text=_("The language the course or quiz was taken in, when known.")
    )
    contextActivities = XapiContextActivitiesSerializer(
        required=False, help_text=_("For a quiz: the course it belongs to.")
    )


class XapiStatementSerializer(serializers.Serializer):
    id = serializers.UUIDField(
        help_text=_("Derived from the record, so the same record always gives the same statement.")
    )
    actor = XapiActorSerializer(help_text=_("Who: the person."))
    verb = XapiVerbSerializer(help_text=_("What they did."))
    object = XapiObjectSerializer(help_text=_("What they did it to."))
    result = XapiResultSerializer(required=False, help_text=_("The outcome; absent on a voided statement."))
    context = XapiContextSerializer(required=False, help_text=_("Where; absent on a voided statement."))
    timestamp = serializers.DateTimeField(
        help_text=_("When it happened: completed, revoked or submitted (UTC).")
    )
    version = serializers.CharField(help_text=_("The xAPI version: 1.0.3."))


class XapiStatementResultSerializer(serializers.Serializer):
    statements = XapiStatementSerializer(many=True, help_text=_("Up to `limit` statements, in feed order."))
    more = serializers.CharField(
        allow_blank=True,
        help_text=_(
            "The path and query of the next page, relative to this server; an empty string on the last page."
        ),
    )


CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through"


# Always read from the primary, never the replica (no ReplicaReadsMixin): the feed's horizon
# promises every statement up to a wall-clock time, which a lagging replica could break.
@extend_schema(tags=["xapi"])
class StatementListView(EmptyParamsAreAbsent, APIView):
    required_scope = scopes.XAPI

    @extend_schema(
        summary=_("Completions and quiz results as xAPI statements"),
        parameters=[
            OpenApiParameter(
                "since",
                OpenApiTypes.DATETIME,
                description=_(
                    "Only statements that became available here after this time (exclusive): pass the "
                    f"{CONSISTENT_THROUGH} header of your previous run. It is not the statements' "
                    "timestamp: a completion recorded late has an earlier timestamp."
                ),
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 0, "maximum": xapi.MAX_LIMIT, "default": xapi.DEFAULT_LIMIT},
                description=_(
                    f"Statements per page, 1 to {xapi.MAX_LIMIT} (default {xapi.DEFAULT_LIMIT}); "
                    f"0 means {xapi.MAX_LIMIT}."
                ),
            ),
            OpenApiParameter(
                "cursor",
                OpenApiTypes.STR,
                description=_(
                    "Where the page starts; it comes in the previous page's `more` link. Any other "
                    "value is answered 400 with the error's `fields.cursor`."
                ),
            ),
            OpenApiParameter(
                "X-Experience-API-Version",
                OpenApiTypes.STR,
                location=OpenApiParameter.HEADER,
                response=[200],
                description=_("1.0.3"),
            ),
            OpenApiParameter(
                CONSISTENT_THROUGH,
                OpenApiTypes.DATETIME,
                location=OpenApiParameter.HEADER,
                response=[200],
                description=_(
                    "Every statement available up to this time is in this run's pages; later ones wait "
                    "for the next run. Keep it and pass it as `since` next time."
                ),
            ),
        ],
        responses=XapiStatementResultSerializer,
    )
    def get(self, request):
        """Course completions (verb completed), their revocations (voided) and submitted quizzes
        (passed or failed) as xAPI 1.0.3 statements, in xAPI's StatementResult shape, for a
        learning record store to ingest. Follow `more` until it is empty; next time, pass this
        run's X-Experience-API-Consistent-Through header as `since`. A statement's id never
        changes, so one received twice is stored once."""
        query = xapi.parse_query(request.query_params)
        page = xapi.statement_page(request.auth, query)
        more = ""
        if page.next_cursor:
            more = replace_query_param(request.get_full_path(), "cursor", page.next_cursor)
        response = Response({"statements": page.statements, "more": more})
        response["X-Experience-API-Version"] = xapi.VERSION
        response[CONSISTENT_THROUGH] = xapi.timestamp(page.horizon)
        return response
