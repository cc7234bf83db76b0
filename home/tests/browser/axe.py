"""axe-core checks at the level we promise: WCAG 2.2 AA (the law asks 2.1 AA), and axe's best practices."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# axe's advice beyond WCAG (each landmark named once, all content inside a landmark, one
# main, heading order...). Every page checked keeps it: public pages, form steps, and the
# admin pages the tests build (Wagtail's own markup passes too).
TAGS = [*WCAG_22_AA, "best-practice"]
_axe = Axe()


def violations(page, exclude=()):
    """Violations as readable lines: rule, impact, and the offending elements.

    `exclude` takes CSS selectors of parts that are not ours to fix (e.g. Wagtail's
    own animated message bar, measured mid-fade).
    """
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    results = _axe.run(page, context=context, options=options)
    lines = []
    for violation in results.response["violations"]:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return lines
