from django import forms, template

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
    return field.as_widget(attrs=attrs)


@register.filter
def overdue_by(days_left):
    """Working days past the deadline, from a negative "days left"."""
    return -days_left
