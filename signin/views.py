"""Settings › Sign-in lockouts: superusers see who is locked out and unlock them."""

import ipaddress

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .lockout import ACCOUNT, ADDRESS, cool_off, current_lockouts, failure_limits, unlock


def can_unlock(user):
    return user.is_active and user.is_superuser


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """GET lists the lockouts in force; POST (with CSRF) unlocks one account or address."""

    template_name = "signin/admin/lockouts.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not can_unlock(request.user):
            # A plain 403 in the admin's look (Wagtail would redirect to the dashboard).
            return TemplateResponse(
                request,
                "signin/admin/forbidden.html",
                {
                    "page_title": self.page_title,
                    "header_title": self.page_title,
                    "header_icon": self.header_icon,
                },
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        limits = failure_limits()
        context.update(
            lockouts=current_lockouts(),
            account_limit=limits[ACCOUNT],
            address_limit=limits[ADDRESS],
            cool_off_minutes=int(cool_off().total_seconds() // 60),
        )
        return context

    def post(self, request, *args, **kwargs):
        kind = request.POST.get("kind", "")
        value = request.POST.get("value", "").strip()
        if kind == ADDRESS:
            try:
                value = str(ipaddress.ip_address(value))
            except ValueError:
                value = ""
        if kind not in (ACCOUNT, ADDRESS) or not value or len(value) > 255:
            messages.error(request, _("Choose a lockout from the list to unlock."))
            return redirect("signin_lockouts")
        removed = unlock(kind, value, request=request)
        if removed:
            if kind == ACCOUNT:
                text = _("The account “%(value)s” is unlocked.")
            else:
                text = _("The address %(value)s is unlocked.")
            messages.success(request, text % {"value": value})
        else:
            messages.warning(
                request,
                _("Nothing to unlock for “%(value)s”: the lockout had already ended.") % {"value": value},
            )
        return redirect("signin_lockouts")
