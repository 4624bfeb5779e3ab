"""The learner site's own addresses in the reader's language (elearning/urls.py puts them after
every other app's): search, then every page of the tree, served by Wagtail with the site, home
page and route kept between requests (serving.py)."""

from django.urls import path, re_path

from wagtail.urls import serve_pattern

from courses import serving, views

urlpatterns = [
    path("search/", views.search, name="search"),
    re_path(serve_pattern, serving.serve, name="wagtail_serve"),
]
