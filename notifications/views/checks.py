"""`/e-post/stammer-det/<token>/`: "Stämmer det?" from the link in the email, no account.

GET shows the question (with the answer given before, if any), POST records the answer and
redirects to the thanks (`?sparat=1`). The same link changes the answer; it never adds one.
The form carries a CSRF token: the page is private (never cached), so the cookie it sets
reaches only the person who opened their own link.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from portal.web.headers import private_page
from rounds.proposals.checks import record_answer

from ..checks import find_check
from ..forms import CheckForm

LINK_PROBLEM_STATUS = {"expired": 410, "forged": 400, "gone": 404}


@require_http_methods(["GET", "HEAD", "POST"])
@private_page()
def check(request, token):
    found = find_check(token)
    if found.state != "valid":
        return TemplateResponse(
            request,
            "notifications/check_link_problem.html",
            {"state": found.state},
            status=LINK_PROBLEM_STATUS[found.state],
        )
    question = found.check
    if request.method != "POST":
        initial = {"answer": question.answer, "comment": question.comment}
        saved = request.GET.get("sparat") == "1" and bool(question.answer)
        return render(request, token, question, CheckForm(initial=initial), saved=saved)
    form = CheckForm(request.POST)
    if not form.is_valid():
        return render(request, token, question, form, status=422)
    record_answer(question, form.cleaned_data["answer"], form.cleaned_data["comment"])
    url = reverse("notifications:check", args=[token]) + "?sparat=1"
    return HttpResponseRedirect(url, status=303)


def render(request, token, question, form, saved=False, status=200):
    proposal = question.proposal
    context = {
        "check": question,
        "proposal": proposal,
        "form": form,
        "saved": saved,
        "action": reverse("notifications:check", args=[token]),
        "public_url": proposal.get_public_url(request),
    }
    return TemplateResponse(request, "notifications/check.html", context, status=status)
