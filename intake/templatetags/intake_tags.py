from django import forms, template
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.filter
def is_choice_group(field):
    return isinstance(field.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))


@register.filter
def is_checkbox(field):
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def anchor(field):
    """Where an error summary link should land: the first option of a group, else the input."""
    return f"{field.auto_id}_0" if is_choice_group(field) else field.auto_id


@register.simple_tag
def form_field(field):
    """A question of the form: its label or legend, hint, error and input(s).

    Written here rather than in a template: drawn through an included template, the
    questions took a fifth of the server's time for a whole request.
    """
    auto_id = field.auto_id
    invalid = bool(field.errors)
    hint = format_html('<p class="field__hint{}" id="{}-hint">{}</p>', " field__hint--checkbox" if is_checkbox(field) else "", auto_id, field.help_text) if field.help_text else ""
    error = _error(field) if invalid else ""
    css = "field field--error" if invalid else "field"
    if is_choice_group(field):
        described = " ".join(([f"{auto_id}-hint"] if field.help_text else []) + ([f"{auto_id}-error"] if invalid else []))
        choices = format_html_join(
            "",
            '<div class="choice">{}<label class="choice__label" for="{}">{}</label></div>',
            ((choice_input(choice), choice.id_for_label, choice.choice_label) for choice in field),
        )
        return format_html(
            '<div class="{}" id="{}-field"><fieldset class="field__fieldset"{}><legend class="field__legend">{}</legend>{}{}<div class="choices">{}</div></fieldset></div>',
            css,
            auto_id,
            format_html(' aria-describedby="{}"', described) if described else "",
            field.label,
            hint,
            error,
            choices,
        )
    if is_checkbox(field):
        return format_html(
            '<div class="{}" id="{}-field">{}<div class="choice">{}<label class="choice__label" for="{}">{}</label></div>{}</div>',
            css,
            auto_id,
            error,
            described_input(field),
            auto_id,
            field.label,
            hint,
        )
    optional = "" if field.field.required else format_html(' <span class="field__optional">{}</span>', gettext("(optional)"))
    return format_html(
        '<div class="{}" id="{}-field"><label class="field__label" for="{}">{}{}</label>{}{}{}</div>',
        css,
        auto_id,
        auto_id,
        field.label,
        optional,
        hint,
        error,
        described_input(field),
    )


def _error(field):
    prefix = gettext("Error:")
    return format_html(
        '<p class="field__error" id="{}-error">{}</p>',
        field.auto_id,
        format_html_join("", '<span class="visually-hidden">{} </span>{} ', ((prefix, error) for error in field.errors)),
    )


@register.simple_tag
def described_input(field):
    """The input with its hint and error tied to it for screen readers."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    attrs = {}
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    if field.errors:
        attrs["aria-invalid"] = "true"
    widget = field.field.widget
    if type(widget) in WRITTEN_HERE:
        return _written_widget(field, widget, attrs)
    return field.as_widget(attrs=attrs)


# The form's own widgets, written as Django's templates for them (django/forms/widgets/)
# write them: drawing each through the template engine was most of a step's time.
WRITTEN_HERE = {forms.TextInput, forms.EmailInput, forms.NumberInput, forms.Textarea, forms.Select, forms.CheckboxInput}


def _written_widget(field, widget, attrs):
    attrs = field.build_widget_attrs({**attrs}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    html_attrs = flatatt({name: value for name, value in context["attrs"].items() if value is not False})
    if isinstance(widget, forms.Textarea):
        return format_html('<textarea name="{}"{}>\n{}</textarea>', context["name"], html_attrs, context["value"] or "")
    if isinstance(widget, forms.Select):
        options = [
            format_html('<option value="{}"{}>{}</option>', option["value"], flatatt(option["attrs"]), option["label"])
            for _group, choices, _index in context["optgroups"]
            for option in choices
        ]
        return format_html('<select name="{}"{}>{}\n</select>', context["name"], html_attrs, mark_safe("".join("\n  " + o for o in options)))
    value = "" if context["value"] is None else format_html(' value="{}"', context["value"])
    return format_html('<input type="{}" name="{}"{}{}>', context["type"], context["name"], value, html_attrs)


@register.simple_tag
def choice_input(choice):
    """One radio button or tick box of a group, as Django's widget template writes it.

    Written directly: rendering the widget's template for every option of every group
    was a large part of drawing a step of the form.
    """
    data = choice.data
    return format_html('<input type="{}" name="{}" value="{}"{}>', data["type"], data["name"], data["value"], flatatt(data["attrs"]))


@register.filter
def overdue_by(days_left):
    """Working days past the deadline, from a negative "days left"."""
    return -days_left
