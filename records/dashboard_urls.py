"""The "My learning" dashboard, at my-learning/ (elearning/urls.py), and the person's own data."""

from django.urls import path

from records.reports.partner_completion import FocalReportView
from records.views import learning, privacy

urlpatterns = [
    path("", learning.dashboard, name="dashboard"),
    # *Download my data* (the account page's form posts here): the person's own archive.
    path("my-data/", privacy.download_my_data, name="download_my_data"),
    # A partner organisation's focal point: their organisation's completion report.
    path("organisation/", FocalReportView.as_view(), name="partner_report"),
]
