from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("reflections/<int:module_id>/<str:block_id>/", views.save_reflection, name="save_reflection"),
]
