"""The one report of the benchmark and fault scripts: checks and figures as they happen, then a table.

A check passes or fails; a figure is printed with what it is compared with but neither
passes nor fails (a speed in requests per second, a Lighthouse performance score: they
depend on the machine and its load). The table lists both, grouped, and the report ends
with "N passed, N failed"; the scripts exit non-zero when anything failed.
"""

import statistics
import sys
from dataclasses import dataclass


def percentile(sorted_values, fraction):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


@dataclass
class Spread:
    """The median of some repeated figure and the lowest and highest it took."""

    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, values):
        values = sorted(values)
        if not values:
            return cls(0.0, 0.0, 0.0, 0)
        return cls(statistics.median(values), values[0], values[-1], len(values))

    def format(self, spec=".2f", suffix=""):
        return f"{self.median:{spec}}{suffix} (median of {self.count}; {self.low:{spec}}-{self.high:{spec}}{suffix})"


@dataclass
class Row:
    group: str
    name: str
    result: str  # PASS, FAIL, or "figure"
    figure: str
    target: str


class Report:
    def __init__(self, out=None):
        self.out = out or sys.stdout
        self.rows = []

    def say(self, text=""):
        print(text, file=self.out, flush=True)

    def check(self, group, name, passed, figure="", target=""):
        passed = bool(passed)
        self._add(Row(group, name, "PASS" if passed else "FAIL", str(figure), str(target)))
        return passed

    def figure(self, group, name, figure, target=""):
        """Printed for the reader, compared with `target` by the reader: never passes or fails."""
        self._add(Row(group, name, "figure", str(figure), str(target)))

    def _add(self, row):
        self.rows.append(row)
        target = f" (target {row.target})" if row.target else ""
        self.say(f"  {row.result:<6} {row.name}" + (f": {row.figure}" if row.figure else "") + target)

    def section(self, group):
        return Section(self, group)

    @property
    def passed(self):
        return sum(row.result == "PASS" for row in self.rows)

    @property
    def failed(self):
        return sum(row.result == "FAIL" for row in self.rows)

    def table(self):
        name_width = min(60, max((len(row.name) for row in self.rows), default=10))
        lines = []
        group = None
        for row in self.rows:
            if row.group != group:
                lines.append(f"-- {row.group}")
                group = row.group
            target = f"  [{row.target}]" if row.target else ""
            lines.append(f"{row.result:<6}  {row.name:<{name_width}}  {row.figure}{target}")
        return "\n".join(lines)

    def summary(self):
        return f"{self.passed} passed, {self.failed} failed"


class Section:
    """The checks of one group (a case on a database, a target), with indented remarks."""

    def __init__(self, report, group):
        self.report, self.group = report, group

    def check(self, name, passed, figure="", target=""):
        return self.report.check(self.group, name, passed, figure, target)

    def figure(self, name, figure, target=""):
        self.report.figure(self.group, name, figure, target)

    def say(self, text):
        self.report.say(f"  {text}")
