"""Request references: short enough to read over the phone, impossible to confuse.

Random, so a reference says nothing about how many requests the centre gets, and
drawn from an alphabet without look-alikes (no 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V).
"""

import secrets

ALPHABET = "ACDEFGHJKMNPRTWXY34679"
GROUP = 4
GROUPS = 2
# 22^8 ≈ 55 billion: collisions are rare, and checked for anyway.


def new_reference():
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUP * GROUPS))
    return "-".join(chars[i : i + GROUP] for i in range(0, len(chars), GROUP))


def is_complete(normalised):
    """Whether a normalised reference has all its characters ("ABCD-EFGH"), not just a part."""
    groups = normalised.split("-")
    return len(groups) == GROUPS and all(len(group) == GROUP for group in groups)


def normalise(text):
    """What staff type back in: any case, spaces or no dash ("abcd efgh" -> "ABCD-EFGH")."""
    chars = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(chars[i : i + GROUP] for i in range(0, len(chars), GROUP))
