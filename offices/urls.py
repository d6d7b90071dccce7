from django.urls import path

from offices import views
from offices.administration import holidays, office, people, records, teams, users

app_name = "offices"

urlpatterns = [
    path("", views.office_list, name="list"),
    path("<int:pk>/", views.office_detail, name="detail"),
    path("invitation/<uidb64>/<token>/", views.InvitationAcceptView.as_view(), name="invitation_accept"),
    # The office administrator's area
    path("manage/", office.manage_home, name="manage_home"),
    path("<int:pk>/manage/", office.overview, name="manage"),
    path("<int:pk>/manage/settings/", office.office_settings, name="settings"),
    path("<int:pk>/manage/audit/", office.audit, name="audit"),
    path("<int:pk>/manage/users/", users.user_list, name="users"),
    path("<int:pk>/manage/users/invite/", users.user_invite, name="user_invite"),
    path("<int:pk>/manage/users/<int:user_pk>/", users.user_detail, name="user"),
    path("<int:pk>/manage/users/<int:user_pk>/deactivate/", users.user_deactivate, name="user_deactivate"),
    path(
        "<int:pk>/manage/users/<int:user_pk>/invite-again/", users.user_invite_again, name="user_invite_again"
    ),
    path("<int:pk>/manage/officials/", people.official_list, name="officials"),
    path("<int:office_pk>/officials/new/", people.official_create, name="official_create"),
    path("officials/<int:pk>/edit/", people.official_edit, name="official_edit"),
    path("<int:office_pk>/posts/new/", people.post_create, name="post_create"),
    path("posts/<int:pk>/edit/", people.post_edit, name="post_edit"),
    path("posts/<int:pk>/transfer/", people.post_transfer, name="post_transfer"),
    path("<int:pk>/manage/branches/", records.branch_list, name="branches"),
    path("<int:office_pk>/branches/new/", records.branch_create, name="branch_create"),
    path("branches/<int:pk>/edit/", records.branch_edit, name="branch_edit"),
    path("<int:pk>/manage/files/", records.file_list, name="files"),
    path("<int:office_pk>/files/new/", records.file_create, name="file_create"),
    path("files/<int:pk>/edit/", records.file_edit, name="file_edit"),
    path("files/<int:pk>/starting-serial/", records.file_starting_serial, name="file_starting_serial"),
    path("<int:pk>/manage/holidays/", holidays.holiday_list, name="holidays"),
    path("<int:pk>/manage/holidays/new/", holidays.holiday_create, name="holiday_create"),
    path("<int:pk>/manage/holidays/move/", holidays.holiday_move, name="holiday_move"),
    path("<int:pk>/manage/holidays/cancel/", holidays.holiday_cancel, name="holiday_cancel"),
    path("holidays/<int:pk>/edit/", holidays.holiday_edit, name="holiday_edit"),
    path("holidays/<int:pk>/remove/", holidays.holiday_remove, name="holiday_remove"),
    path("<int:pk>/manage/teams/", teams.team_list, name="teams"),
    path("<int:office_pk>/teams/new/", teams.team_create, name="team_create"),
    path("teams/<int:pk>/", teams.team_detail, name="team"),
    path("teams/<int:pk>/members/add/", teams.team_member_add, name="team_member_add"),
    path("team-members/<int:pk>/edit/", teams.team_member_edit, name="team_member_edit"),
    path("team-members/<int:pk>/remove/", teams.team_member_remove, name="team_member_remove"),
]
