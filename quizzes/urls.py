"""Answering a quiz, served under /learning/ in the "quizzes" URL namespace (elearning/urls.py)."""

from django.urls import path

from quizzes.views import quiz

urlpatterns = [
    path("attempts/<int:attempt_id>/", quiz.attempt_page, name="attempt"),
    path("attempts/<int:attempt_id>/submit/", quiz.submit, name="submit"),
    path("attempts/<int:attempt_id>/result/", quiz.result, name="result"),
]
