"""The plan editor's page: opened and saved by the office's administrators (and those of the offices
above it); a GET only reads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from actionplan import selectors
from actionplan.editing import services
from actionplan.editing.editor import PlanEditor


@login_required
def plan_edit(request, pk):
    plan = selectors.get_plan_to_administer_or_404(request.user, pk)
    status = 200
    if request.method != "POST":
        editor = PlanEditor(plan)
    elif request.POST.get("action"):
        editor = PlanEditor.apply_action(plan, request.POST, request.POST["action"])
    else:
        editor = PlanEditor(plan, request.POST)
        if editor.is_valid():
            try:
                services.plan_edit(plan=plan, draft=editor.draft(), seen=editor.seen(), by=request.user)
            except ValidationError as error:
                editor.refuse(error)
            else:
                messages.success(request, _("The plan is saved."))
                return redirect(plan)
        status = 200 if request.htmx else 400
        messages.error(request, _("Nothing was saved: correct the fields marked in red."))
    ctx = {"plan": plan, "editor": editor, "has_reports": bool(editor.locks)}
    return render(request, "actionplan/plan_edit.html", ctx, status=status)
