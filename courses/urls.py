from django.urls import include, path

from . import views

urlpatterns = [
    path("learn/", views.learn, name="learn"),
    path("certificates/<str:code>.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("", include("courses.workshops.urls")),
]
