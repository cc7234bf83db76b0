"""Checks and figures of the fault script, printed as they happen and as a table at the end."""

import sys


def percentile(sorted_values, fraction):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


class Results:
    def __init__(self, out=sys.stdout):
        self.out = out
        self.rows = {}  # (case, check) -> {database: passed}
        self.databases = []

    def say(self, text=""):
        print(text, file=self.out, flush=True)

    def check(self, database, case, name, passed, detail=""):
        passed = bool(passed)
        if database not in self.databases:
            self.databases.append(database)
        self.rows.setdefault((case, name), {})[database] = passed
        self.say(f"  {'PASS' if passed else 'FAIL'}  {name}" + (f": {detail}" if detail else ""))
        return passed

    def for_case(self, database, case):
        return CaseResults(self, database, case)

    @property
    def passed(self):
        return sum(ok for columns in self.rows.values() for ok in columns.values())

    @property
    def failed(self):
        return sum(not ok for columns in self.rows.values() for ok in columns.values())

    def table(self):
        width = max((len(f"{case}  {name}") for case, name in self.rows), default=20)
        header = f"{'case / check':<{width}}  " + "  ".join(f"{db:<10}" for db in self.databases)
        lines = [header, "-" * len(header)]
        for (case, name), columns in self.rows.items():
            cells = [("PASS" if columns[db] else "FAIL") if db in columns else "-" for db in self.databases]
            lines.append(f"{case + '  ' + name:<{width}}  " + "  ".join(f"{cell:<10}" for cell in cells))
        return "\n".join(lines)


class CaseResults:
    """The checks of one case on one database."""

    def __init__(self, results, database, case):
        self.results, self.database, self.case = results, database, case

    def check(self, name, passed, detail=""):
        return self.results.check(self.database, self.case, name, passed, detail)

    def say(self, text):
        self.results.say(f"  {text}")
