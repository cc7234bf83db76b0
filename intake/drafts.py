"""The answers a person has given so far, kept server-side in their session.

Nothing typed into the form ever goes into a URL. Answers are stored as
submitted (strings), so a step can be shown again exactly as it was typed.

The session gets a new id when the first answer is stored and again when the request
is sent. Someone who left a session cookie of their own in a shared browser (a library,
a family's computer) would otherwise read, with that id, everything the next person
typed: the check page shows the family's name, address, phone and story.
"""

import time
import uuid

from django.utils.datastructures import MultiValueDict

from intake import steps

SESSION_KEY = "intake"


def _takes_several(field):
    return field is not None and getattr(field.widget, "allow_multiple_selected", False)


class Draft:
    def __init__(self, session):
        self.session = session
        self.data = session.get(SESSION_KEY) or {"answers": {}}

    def save(self):
        self.session[SESSION_KEY] = self.data
        self.session.modified = True

    @property
    def answers(self):
        return self.data["answers"]

    def start(self):
        if "started_at" not in self.data:
            self.data["started_at"] = time.time()
            self.save()

    @property
    def seconds_since_start(self):
        return time.time() - self.data.get("started_at", time.time())

    def has(self, step):
        return step.key in self.answers

    def raw(self, step):
        """The step's answers as form data, or None when the step was not answered yet."""
        stored = self.answers.get(step.key)
        return MultiValueDict(stored) if stored is not None else None

    def store(self, step, post):
        first = not self.answers
        names = step.form_class.base_fields.keys()
        self.answers[step.key] = {name: post.getlist(name) for name in names if name in post}
        self.save()
        if first:
            # From the first answer on the session holds personal data: whatever id the
            # browser came with (perhaps one planted there), the answers go under a new one.
            self.session.cycle_key()

    def values(self):
        """Earlier answers as plain values, for questions that depend on them.

        Read the way the step's form read them: a name sent several times counts once,
        with the last value, unless the field takes several (ticked boxes). Otherwise a
        later step could see a list where the form accepted a single answer.
        """
        result = {}
        for step in steps.STEPS:
            stored = self.answers.get(step.key)
            if stored is None:
                continue
            fields = step.form_class.base_fields
            result[step.key] = {
                name: values if _takes_several(fields.get(name)) else (values[-1] if values else None)
                for name, values in stored.items()
            }
        return result

    @property
    def token(self):
        """A one-time key for this submission: the same answers can never make two requests."""
        if "token" not in self.data:
            self.data["token"] = str(uuid.uuid4())
            self.save()
        return self.data["token"]

    def finish(self, reference):
        """Forget the answers; remember only which reference to show on the confirmation page."""
        self.data = {"answers": {}, "last_reference": reference}
        self.save()
        # The id used while filling in no longer opens even the confirmation.
        self.session.cycle_key()

    @property
    def last_reference(self):
        return self.data.get("last_reference")
