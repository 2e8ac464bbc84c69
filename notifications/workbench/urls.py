"""The admin URLs of notifications, under /admin/e-post/ (namespace "notifications_admin")."""

from django.urls import path

from . import reports, views

app_name = "notifications_admin"
urlpatterns = [
    path("", reports.EmailReportView.as_view(), name="emails"),
    path("results/", reports.EmailReportView.as_view(results_only=True), name="emails_results"),
    path("<int:pk>/forsok-igen/", views.retry, name="retry"),
    path("bevakare/", reports.FollowerReportView.as_view(), name="followers"),
    path(
        "bevakare/results/",
        reports.FollowerReportView.as_view(results_only=True),
        name="followers_results",
    ),
    path("bevakare/ta-bort/", views.ForgetFollowerView.as_view(), name="forget"),
]
