"""A person's learning actions, served under /learning/ with the quiz pages (quizzes/urls.py)
in one URL namespace, "quizzes" (see elearning/urls.py)."""

from django.urls import path

from quizzes.urls import urlpatterns as quiz_urlpatterns
from records.views import learning, reflections

app_name = "quizzes"

urlpatterns = [
    path("reflections/<int:module_id>/<str:block_id>/", reflections.save_reflection, name="save_reflection"),
    path("courses/<int:course_id>/enrol/", learning.enrol, name="enrol"),
    path("courses/<int:course_id>/complete/", learning.course_complete, name="course_complete"),
    path("courses/<int:course_id>/retake/", learning.retake, name="retake"),
    path("modules/<int:module_id>/complete/", learning.mark_complete, name="mark_complete"),
    path("modules/<int:module_id>/quiz/", learning.start_quiz, name="start_quiz"),
    *quiz_urlpatterns,
]
