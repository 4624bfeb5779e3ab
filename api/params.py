"""Query parameters: an empty value (``updated_since=``) is the same as leaving the
parameter out, for every parameter of every feed, and the schema says so (api.schema).
A script that passes ``updated_since=$LAST`` works on its first run, when LAST is empty."""


class EmptyParamsAreAbsent:
    """APIView mixin: drops query parameters whose every value is empty before anything
    (filters, pagination, xAPI's parser) reads them."""

    def initialize_request(self, request, *args, **kwargs):
        if any(value == "" for _key, values in request.GET.lists() for value in values):
            query = request.GET.copy()
            for key, values in list(query.lists()):
                if all(value == "" for value in values):
                    del query[key]
            request.GET = query
        return super().initialize_request(request, *args, **kwargs)
