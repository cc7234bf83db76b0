"""`{{ deadline|by_date }}`: "do piątku, 4 grudnia 2026 r." in the active language (intake/dates.py)."""

from django import template

from intake import dates

register = template.Library()


@register.filter
def by_date(day):
    return dates.by_date(day) if day else ""
