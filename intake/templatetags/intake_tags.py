from django import template

register = template.Library()


@register.filter
def anchor(field):
    """Where an error summary link should land: the first option of a group, else the input."""
    return f"{field.auto_id}_0" if field.use_fieldset else field.auto_id


@register.filter
def overdue_by(days_left):
    """Working days past the deadline, from a negative "days left"."""
    return -days_left
