"""Staff pages for minutes: the office's list, starting a draft, and the editor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minutes import selectors, services
from minutes.editor import MeetingEditor
from minutes.filters import MeetingFilter
from minutes.forms import MeetingCreateForm
from minutes.models import DistributionGroup, Meeting
from offices.access import has_role
from offices.models import Official
from offices.selectors import get_office_for_user_or_404, offices_for_user


@login_required
def meeting_list(request):
    offices = offices_for_user(request.user).order_by("name")
    meetings = selectors.meetings_for_user(request.user).order_by("-date", "-id")
    meeting_filter = MeetingFilter(request.GET or None, queryset=meetings, offices=offices)
    ctx = {
        "filter": meeting_filter,
        "meetings": meeting_filter.qs[:200],
        "drafting_offices": selectors.offices_where_user_drafts(request.user),
    }
    return render(request, "minutes/meeting_list.html", ctx)


@login_required
def meeting_create(request, office_pk):
    office = get_office_for_user_or_404(request.user, office_pk)
    if not has_role(request.user, office, *selectors.EDITOR_ROLES):
        raise PermissionDenied
    form = MeetingCreateForm(request.POST or None, office=office, instance=Meeting(office=office))
    if request.method == "POST" and form.is_valid():
        header = {f: form.cleaned_data[f] for f in form.Meta.fields}
        try:
            meeting = services.meeting_create(office=office, by=request.user, **header)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("The draft is created. Type in the minutes and save."))
            return redirect("minutes:edit", pk=meeting.pk)
    return render(request, "minutes/meeting_create.html", {"office": office, "form": form})


def _get_editable_meeting(request, pk) -> Meeting:
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    services.require_editable(meeting, request.user)
    return meeting


@login_required
def meeting_edit(request, pk):
    meeting = _get_editable_meeting(request, pk)
    status = 200
    if request.method != "POST":
        editor = MeetingEditor(meeting)
    elif request.POST.get("action"):
        editor = MeetingEditor.apply_action(meeting, request.POST, request.POST["action"])
    else:
        editor = MeetingEditor(meeting, request.POST)
        if editor.is_valid():
            try:
                services.meeting_save(
                    meeting=editor.header.instance,
                    content=editor.content(),
                    participating_offices=editor.participating_offices(),
                    by=request.user,
                )
            except ValidationError as error:
                editor.header.add_error(None, error.messages)
            else:
                messages.success(request, _("The minutes are saved."))
                return redirect("minutes:edit", pk=meeting.pk)
        status = 200 if request.htmx else 400
        messages.error(request, _("Nothing was saved: correct the fields marked in red."))
    return _render_editor(request, meeting, editor, status)


def _render_editor(request, meeting: Meeting, editor: MeetingEditor, status: int = 200):
    officials = list(
        Official.objects.filter(office=meeting.office, is_active=True)
        .select_related("branch")
        .order_by("name")
    )
    ctx = {
        "meeting": meeting,
        "editor": editor,
        "officials": officials,
        "officials_json": {
            o.pk: {
                "name": o.name,
                "designation": o.designation,
                "workplace": ", ".join(p.name for p in (o.branch, meeting.office) if p),
                "mobile": o.mobile,
                "email": o.email,
            }
            for o in officials
        },
        "groups": list(DistributionGroup.objects.filter(office=meeting.office)),
    }
    return render(request, "minutes/meeting_edit.html", ctx, status=status)


@login_required
@require_POST
def recipients_add_group(request, pk):
    """Add a distribution group's members to the list (kept in the posted, still unsaved, editor data)."""
    meeting = _get_editable_meeting(request, pk)
    group = get_object_or_404(DistributionGroup, pk=request.POST.get("group"), office=meeting.office)
    data = request.POST.copy()
    for recipient in services.recipients_from_group(group):
        MeetingEditor.add_row(data, "recipients")
        index = int(data["recipients-TOTAL_FORMS"]) - 1
        for field, value in vars(recipient).items():
            if field not in ("id", "office_id"):
                data[f"recipients-{index}-{field}"] = value
    return _render_editor(request, meeting, MeetingEditor(meeting, data))
