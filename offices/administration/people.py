"""Officials and posts. A transfer keeps the post and changes the person who holds it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from offices import selectors, services
from offices.administration.records import record_edit_page
from offices.administration.sections import render_section
from offices.forms import OfficialForm, PostForm, PostTransferForm, add_errors
from offices.models import Official, Post


@login_required
def official_list(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    ctx = {
        "posts": selectors.office_posts(office),
        "officials": list(
            Official.objects.filter(office=office)
            .select_related("branch", "post", "user")
            .order_by("-is_active", "name")
        ),
    }
    return render_section(request, office, "officials", "offices/manage/officials.html", ctx)


@login_required
def official_create(request, office_pk):
    office = selectors.get_office_to_administer_or_404(request.user, office_pk)
    official = Official(office=office)
    return record_edit_page(
        request, office, official, OfficialForm, section="officials", title=_("New official")
    )


@login_required
def official_edit(request, pk):
    official = selectors.get_record_to_administer_or_404(request.user, Official, pk, "branch")
    office = official.office
    return record_edit_page(
        request, office, official, OfficialForm, section="officials", title=_("Edit official")
    )


@login_required
def post_create(request, office_pk):
    office = selectors.get_office_to_administer_or_404(request.user, office_pk)
    return record_edit_page(
        request, office, Post(office=office), PostForm, section="officials", title=_("New post")
    )


@login_required
def post_edit(request, pk):
    post = selectors.get_record_to_administer_or_404(request.user, Post, pk, "branch")
    return record_edit_page(request, post.office, post, PostForm, section="officials", title=_("Edit post"))


@login_required
def post_transfer(request, pk):
    post = selectors.get_record_to_administer_or_404(request.user, Post, pk, "branch")
    form = PostTransferForm(request.POST or None, post=post)
    if request.method == "POST" and form.is_valid():
        try:
            holder = services.post_transfer(
                post=post,
                to=form.new_holder(),
                previous_leave_office=form.cleaned_data["previous"] == form.LEAVES,
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(name)s now holds the post.") % {"name": holder.name})
            return redirect("offices:officials", pk=post.office.pk)
    ctx = {"post": post, "holders": list(post.current_holders()), "form": form}
    return render_section(request, post.office, "officials", "offices/manage/post_transfer.html", ctx)
