"""References staff and families read over the phone."""

import re

from intake.references import ALPHABET, new_reference, normalise


def test_reference_is_short_grouped_and_has_no_look_alike_characters():
    for _ in range(500):
        reference = new_reference()
        assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", reference)
        assert not set(reference.replace("-", "")) & set("0O1IL2Z5S8BUVQ")


def test_references_are_random_not_sequential():
    references = {new_reference() for _ in range(2000)}
    assert len(references) == 2000
    assert len(set(ALPHABET)) == len(ALPHABET) >= 20


def test_typed_references_are_normalised():
    assert normalise(" cdnp gjjx ") == "CDNP-GJJX"
    assert normalise("cdnp-gjjx") == "CDNP-GJJX"
