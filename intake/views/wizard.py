"""The request form, step by step: plain GET/POST pages that work without JavaScript."""

import uuid

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from intake import ratelimit, steps
from intake.drafts import Draft
from intake.forms import SubmitForm
from intake.models import HelpRequest, RequestLanguage
from intake.services import register_request
from intake.summary import StepNeedsAnswers, build_request, cleaned_answers, summary_sections

RETURN_TO_CHECK = "sprawdz"


def _page_url(page):
    """The form page's address in the language being served.

    Normally the page is the translation of that language and this is its own URL. Without
    one, Wagtail serves the Polish page under /uk/ in the Ukrainian interface, and its own
    URL would send the applicant on to Polish steps: the address keeps the language instead.
    """
    language = get_language()
    # The page's URL is read in the page's own language, then written in the one being served.
    with override(page.locale.language_code):
        return translate_url(page.url, language)


def _step_url(page, step, back_to_check=False):
    url = _page_url(page) + page.reverse_subpage("step", kwargs={"step": step.slug})
    return url + f"?powrot={RETURN_TO_CHECK}" if back_to_check else url


def _check_url(page):
    return _page_url(page) + page.reverse_subpage("check_answers")


def _confirmation_url(page):
    return _page_url(page) + page.reverse_subpage("confirmation")


def _request_language():
    """The language of the address the form was sent from; Polish for anything else."""
    language = get_language()
    return language if language in RequestLanguage.values else RequestLanguage.POLISH


def _first_missing(draft):
    return next((step for step in steps.STEPS if not draft.has(step)), None)


def _render(request, page, template, context, status=200):
    context = {"page": page, "self": page, **context}
    return TemplateResponse(request, template, context, status=status)


def start(request, page):
    first = steps.STEPS[0]
    return _render(request, page, "intake/intake_form_page.html", {"start_url": _step_url(page, first)})


def step(request, page, slug):
    current = steps.BY_SLUG.get(slug)
    if current is None:
        raise Http404
    draft = Draft(request.session)
    missing = _first_missing(draft)
    if missing is not None and steps.index_of(missing) < steps.index_of(current):
        return redirect(_step_url(page, missing))
    draft.start()
    back_to_check = request.GET.get("powrot") == RETURN_TO_CHECK

    if request.method == "POST":
        form = current.form_class(request.POST, answers=draft.values())
        if form.is_valid():
            draft.store(current, request.POST)
            following = steps.following(current)
            if back_to_check or following is None:
                return redirect(_check_url(page))
            return redirect(_step_url(page, following))
    else:
        form = current.form_class(draft.raw(current), answers=draft.values())

    previous = steps.previous(current)
    context = {
        "step": current,
        "form": form,
        "step_number": steps.index_of(current) + 1,
        "step_count": len(steps.STEPS),
        "back_url": _check_url(page) if back_to_check else (_step_url(page, previous) if previous else _page_url(page)),
        "action_url": _step_url(page, current, back_to_check),
        "danger": current.key == "safety" and form.is_bound and form.data.get("child_in_danger") == "yes",
    }
    return _render(request, page, f"intake/steps/{current.key}.html", context)


def check_answers(request, page):
    draft = Draft(request.session)
    if request.method == "POST":
        token = _token(request.POST.get("token"))
        already = HelpRequest.objects.filter(submission_token=token).first() if token else None
        if already:
            # Sent before (a double click, or back and send again): show the same reference.
            draft.finish(already.reference)
            return redirect(_confirmation_url(page))

    try:
        answers = cleaned_answers(draft)
    except StepNeedsAnswers as problem:
        return redirect(_step_url(page, problem.step))

    form = SubmitForm(
        request.POST if request.method == "POST" else None,
        initial={"token": draft.token},
        recaptcha=settings.INTAKE_RECAPTCHA_ENABLED,
    )
    status = 200
    if request.method == "POST":
        if form.is_bot:
            return _render(request, page, "intake/intake_refused.html", {}, status=400)
        if form.is_valid():
            if draft.seconds_since_start < settings.INTAKE_MIN_FILL_SECONDS:
                form.add_error(None, _("The form was sent unusually fast. Check your answers and send it again."))
            elif not ratelimit.allow(request, answers["contact"]["contact_email"]):
                form.add_error(
                    None, _("Too many requests were sent from here in a short time. Please try again later or call us.")
                )
                status = 429
            else:
                help_request = build_request(answers, _request_language())
                help_request.privacy_acknowledged_at = timezone.now()
                saved, _created = register_request(help_request, submission_token=form.cleaned_data["token"])
                draft.finish(saved.reference)
                return redirect(_confirmation_url(page))

    context = {
        "sections": summary_sections(answers, lambda step: _step_url(page, step, back_to_check=True)),
        "form": form,
        "action_url": _check_url(page),
        "back_url": _step_url(page, steps.STEPS[-1]),
        "recaptcha": settings.INTAKE_RECAPTCHA_ENABLED,
    }
    return _render(request, page, "intake/intake_check.html", context, status=status)


def _token(raw):
    try:
        return uuid.UUID(str(raw))
    except (TypeError, ValueError):
        return None


def confirmation(request, page):
    draft = Draft(request.session)
    help_request = HelpRequest.objects.filter(reference=draft.last_reference or "").first()
    if help_request is None:
        return redirect(_page_url(page))
    return _render(request, page, "intake/intake_confirmation.html", {"help_request": help_request})
