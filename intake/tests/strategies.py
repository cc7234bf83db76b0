"""Hypothesis strategies for hostile form input, shared by the property tests.

A submission is built from a valid one and then spoiled the ways people, old
browsers and bots spoil it: fields left out, values replaced by odd Unicode, very
long text, null bytes or the wrong kind of value, one name sent several times,
fields nobody asked for.
"""

import datetime

from django.test.client import BOUNDARY, encode_multipart
from django.utils import translation
from hypothesis import strategies as st

# Any character a browser can send: everything but lone surrogates, which UTF-8 cannot carry.
CHARACTERS = st.characters(exclude_categories=("Cs",))

# Values that have broken web forms before: control and direction characters, markup,
# SQL and full-text syntax, numbers that overflow, digits from other scripts.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202e\u200b\ufeff",
    "😀" * 3,
    "\r\n\t",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"unterminated',
    "AND OR NOT NEAR",
    "*?~^()[]{}:",
    "%00",
    "%(value)s {0} %s",
    "1e309",
    "-1",
    "NaN",
    "inf",
    "99999999999999999999999",
    "٣",
    "１２",
    "0001-01-01",
    "9999-12-31",
    "00:00",
    "on",
    "true",
    "None",
    "[]",
]


def text(max_size=30):
    return st.text(CHARACTERS, max_size=max_size)


# Longer than every field's limit. A few of them together can pass the public body limit:
# the tests then expect the early 413 (portal.middleware.RequestLimitsMiddleware).
long_text = st.builds(lambda ch, n: ch * n, CHARACTERS, st.sampled_from([121, 201, 5001, 6000]))

posted_value = st.one_of(
    text(),
    st.sampled_from(NASTY),
    long_text,
    st.integers().map(str),
    st.floats().map(str),
    st.dates().map(datetime.date.isoformat),
)

field_name = st.one_of(st.sampled_from(["csrfmiddlewaretoken", "submit", "id", "pk", "status"]), text(12).filter(bool))


@st.composite
def spoiled(draw, base, names, values=posted_value):
    """`base` (a dict of name -> value or list of values) with up to four things done to it."""
    data = {name: list(value) if isinstance(value, list) else value for name, value in base.items()}
    names = sorted(set(names) | set(data))
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        if not names:  # a form with no fields (a button): only unasked-for fields can be added
            data[draw(field_name)] = draw(values)
            continue
        name = draw(st.sampled_from(names))
        current = data.get(name, "")
        kind = draw(st.sampled_from(["drop", "replace", "duplicate", "extra", "null", "list"]))
        if kind == "drop":
            data.pop(name, None)
        elif kind == "replace":
            data[name] = draw(values)
        elif kind == "duplicate":
            # The same name several times, e.g. a tampered form or a double-submitting script.
            first = (current or [""])[0] if isinstance(current, list) else current
            copies = [first, *draw(st.lists(st.one_of(st.just(first), values), min_size=1, max_size=2))]
            data[name] = draw(st.permutations(copies))
        elif kind == "extra":
            data[draw(field_name)] = draw(values)
        elif kind == "null":
            data[name] = f"{current if isinstance(current, str) else ''}\x00"
        elif kind == "list":
            data[name] = draw(st.lists(values, max_size=3))
    return data


@st.composite
def doubled(draw, base, values=posted_value):
    """`base` with some names sent twice: the same value again, or another value before it.

    Each value may be fine on its own; what matters is that every later step and the
    saved request read the answer the way the form that accepted it did.
    """
    data = {}
    for name, value in base.items():
        if isinstance(value, list) or not draw(st.booleans()):
            data[name] = value
        else:
            data[name] = [draw(st.one_of(st.just(value), values)), value]
    return data


def body_size(data):
    """How many bytes the test client sends for `data` (as multipart/form-data)."""
    return len(encode_multipart(BOUNDARY, data))


def last(data, name):
    """The value a single-value form field reads when a name is sent several times."""
    value = data.get(name)
    if isinstance(value, list):
        return value[-1] if value else None
    return value


def every(data, name):
    """All values sent under a name, as a multiple-choice field reads them."""
    value = data.get(name, [])
    return value if isinstance(value, list) else [value]


def representable(value):
    """A value as an HTML page can give it back: without NULs, with one kind of line break."""
    return value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def squash(value):
    """For comparing texts whose whitespace the page may reflow."""
    return " ".join(representable(value).split())


def as_search_text(typed, limit):
    """What a search box may give back: printable characters, single spaces, `limit` at most."""
    printable = "".join(ch for ch in typed if ch.isprintable())
    return " ".join(printable.split())[:limit]


def rendered(error, language):
    """A form error as a person using `language` reads it."""
    with translation.override(language):
        # Lazy plural messages pick their form from the params, so format before str().
        message = error.message % error.params if error.params else error.message
        return str(message)


def assert_polish(errors):
    """Every error of a form (form.errors.as_data()) is translated: its Polish text is not the English one.

    Returns the Polish texts, to look for them on the page.
    """
    texts = []
    for field, field_errors in errors.items():
        for error in field_errors:
            polish, english = rendered(error, "pl"), rendered(error, "en")
            assert polish != english, (field, english)
            texts.append((field, polish))
    return texts
