"""A bar chart of figures by month, drawn on the server as inline SVG: no script and
nothing from another host, so it works in the admin's Content-Security-Policy, without
JavaScript and on a slow connection. The SVG is an image with a title and a description
for screen readers (``role="img"``), and the same figures follow as a table."""

from django.utils import formats, translation

from wagtail.admin.ui.components import Component

WIDTH = 640
HEIGHT = 220
TOP = 24  # room for the figure above the tallest bar
BOTTOM = 28  # room for the month under each bar


def _n(number):
    """A coordinate as SVG reads it: never localised ("12,5" in French would break it)."""
    return f"{number:.1f}"


class MonthlyChart(Component):
    template_name = "records/components/monthly_chart.html"

    def __init__(self, months, *, chart_id, title, description, value_label):
        """``months``: [(first day of the month, figure)], oldest first."""
        self.months = months
        self.chart_id = chart_id
        self.title = title
        self.description = description
        self.value_label = value_label

    def bars(self):
        if not self.months:
            return []
        slot = WIDTH / len(self.months)
        width = slot * 0.6
        plot = HEIGHT - TOP - BOTTOM
        tallest = max(value for _month, value in self.months) or 1
        right_to_left = translation.get_language_bidi()
        bars = []
        for index, (month, value) in enumerate(self.months):
            # Right to left, the months run from the right, as the text does.
            position = len(self.months) - 1 - index if right_to_left else index
            x = position * slot + (slot - width) / 2
            height = plot * value / tallest
            bars.append(
                {
                    "month": month,
                    "label": formats.date_format(month, "M"),
                    "value": value,
                    "x": _n(x),
                    "y": _n(HEIGHT - BOTTOM - height),
                    "width": _n(width),
                    "height": _n(height),
                    "centre": _n(x + width / 2),
                    "value_y": _n(HEIGHT - BOTTOM - height - 6),
                }
            )
        return bars

    def get_context_data(self, parent_context=None):
        return {
            "chart": self,
            "bars": self.bars(),
            "width": WIDTH,
            "height": HEIGHT,
            "baseline": HEIGHT - BOTTOM,
            "month_y": HEIGHT - 8,
            "total": sum(value for _month, value in self.months),
        }
