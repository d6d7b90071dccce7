"""Staff pages for writing minutes: the office's list, starting a draft, and the editor."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from minutes import selectors
from minutes.content import services
from minutes.content.deadline_proposals import (
    DECISION_PREFIX,
    DeadlineProposals,
    proposal_for,
    reference_date,
    render_proposal,
)
from minutes.content.editor import MeetingEditor
from minutes.content.forms import MeetingCreateForm
from minutes.content.panels import decision_panels
from minutes.content.richtext import normalize_text, sanitize_rich_text
from minutes.conventions.forms import SUGGESTIONS
from minutes.filters import MeetingFilter
from minutes.limits import MAX_PASTED_HTML
from minutes.models import DistributionGroup, Meeting
from minutes.workflow.steps import can_edit, check, may_start_minutes, offices_where_user_starts_minutes
from offices.access import can_administer_office
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
        "drafting_offices": offices_where_user_starts_minutes(request.user),
    }
    return render(request, "minutes/meeting_list.html", ctx)


@login_required
def meeting_create(request, office_pk):
    office = get_office_for_user_or_404(request.user, office_pk)
    if not may_start_minutes(request.user, office):
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
    check("edit", meeting, request.user)
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
    office = meeting.office
    officials = list(
        Official.objects.filter(office=office, is_active=True)
        .select_related("branch", "office")
        .order_by("name")
    )
    subordinate_offices = list(office.children.values_list("name", flat=True))
    ctx = {
        "meeting": meeting,
        "editor": editor,
        "has_subordinate_offices": bool(subordinate_offices),
        "officials": officials,
        "officials_json": {
            o.pk: {f: getattr(o, f) for f in ("name", "designation", "workplace", "mobile", "email")}
            for o in officials
        },
        "responsible_names": [
            *dict.fromkeys(o.designation for o in officials),
            *office.branches.values_list("name", flat=True),
            office.name,
            *subordinate_offices,
        ],
        "groups": list(DistributionGroup.objects.filter(office=office)),
        "suggestions": SUGGESTIONS,
        "may_set_office_conventions": can_administer_office(request.user, office),
        "decision_panels": decision_panels(meeting),  # other apps' (the action plan's links)
        "deadline_proposals": DeadlineProposals(
            reference=reference_date(editor.data.get("date") if editor.data else None, meeting.date),
            edit_url=reverse("minutes:edit", args=[meeting.pk]),
            proposal_url=reverse("minutes:deadline_proposal", args=[meeting.pk]),
        ),
    }
    return render(request, "minutes/meeting_edit.html", ctx, status=status)


class GroupChoiceForm(forms.Form):
    group = forms.ModelChoiceField(
        queryset=DistributionGroup.objects.none(),
        error_messages={"invalid_choice": gettext_lazy("Pick one of this office's distribution groups.")},
    )

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = DistributionGroup.objects.filter(office=office)


@login_required
@require_POST
def recipients_add_group(request, pk):
    """Add a distribution group's members to the list (kept in the posted, still unsaved, editor data)."""
    meeting = _get_editable_meeting(request, pk)
    form = GroupChoiceForm(request.POST, office=meeting.office)
    data = request.POST.copy()
    if form.is_valid():
        MeetingEditor.add_rows(data, "recipients", services.recipients_from_group(form.cleaned_data["group"]))
    else:
        messages.error(request, " ".join(form.errors["group"]))
    return _render_editor(request, meeting, MeetingEditor(meeting, data))


@login_required
@require_POST
def deadline_proposal(request, pk):
    """The deadline a decision's words propose, as the drafter left its text (htmx): an HTML
    fragment, empty for none. It writes nothing; a POST because the text may be 10,000 characters."""
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    if not can_edit(meeting, request.user):  # a request in the background: no redirect, only a refusal
        return HttpResponse("", status=403)
    prefix = request.POST.get("prefix", "")
    if not DECISION_PREFIX.fullmatch(prefix):
        return HttpResponse("", status=400)
    text = request.POST.get(f"{prefix}-text", "")
    if len(text) > MAX_PASTED_HTML:  # refused on save anyway
        return HttpResponse("")
    text = sanitize_rich_text(normalize_text(text))
    reference = reference_date(request.POST.get("date"), meeting.date)
    proposal = proposal_for(text, request.POST.get(f"{prefix}-deadline_kind"), reference)
    return HttpResponse(render_proposal(proposal, prefix, reverse("minutes:edit", args=[meeting.pk])))
