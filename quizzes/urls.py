from django.urls import path

from quizzes.views import learning, quiz, reflections

app_name = "quizzes"
urlpatterns = [
    path("reflections/<int:module_id>/<str:block_id>/", reflections.save_reflection, name="save_reflection"),
    path("courses/<int:course_id>/enrol/", learning.enrol, name="enrol"),
    path("courses/<int:course_id>/retake/", learning.retake, name="retake"),
    path("modules/<int:module_id>/complete/", learning.mark_complete, name="mark_complete"),
    path("modules/<int:module_id>/quiz/", quiz.start, name="start_quiz"),
    path("attempts/<int:attempt_id>/", quiz.attempt_page, name="attempt"),
    path("attempts/<int:attempt_id>/submit/", quiz.submit, name="submit"),
    path("attempts/<int:attempt_id>/result/", quiz.result, name="result"),
]
