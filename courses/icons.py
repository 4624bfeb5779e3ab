"""The learner site's icons, as inline SVG: a symbol character (✓, ⚠, 🔒) renders as an
empty box on a device without an emoji or symbol font, an SVG everywhere. Every icon is
decorative (``aria-hidden``): the words beside it say what it means. Drawn in
``currentColor`` with attributes, not style, so the Content-Security-Policy holds."""

from django.utils.safestring import mark_safe

# 24 x 24 drawings: stroked lines unless the shape says fill.
_SHAPES = {
    "check": '<path d="M4 12.5l5.5 5.5L20 6.5"/>',
    "cross": '<path d="M6 6l12 12M18 6L6 18"/>',
    "alert": '<path d="M12 3L2 21h20z"/><path d="M12 10v5M12 18v.5"/>',
    "half": '<circle cx="12" cy="12" r="8"/><path d="M12 4a8 8 0 0 1 0 16z" fill="currentColor"/>',
    "circle": '<circle cx="12" cy="12" r="8"/>',
    "sparkle": '<path d="M12 3l2.2 6.8L21 12l-6.8 2.2L12 21l-2.2-6.8L3 12l6.8-2.2z" fill="currentColor"/>',
    "star": (
        '<path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z"'
        ' fill="currentColor"/>'
    ),
    "pencil": '<path d="M4 20l1-4L16 5l3 3L8 19z"/><path d="M14 7l3 3"/>',
    "lock": '<rect x="5" y="11" width="14" height="9" rx="1.5"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/>',
    "download": '<path d="M12 4v11M7 10l5 5 5-5M5 20h14"/>',
    "play": '<path d="M7 4l13 8-13 8z" fill="currentColor"/>',
    "arrow-back": '<path d="M20 12H5M11 6l-6 6 6 6"/>',
    "arrow-forward": '<path d="M4 12h15M13 6l6 6-6 6"/>',
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 3"/>',
    "certificate": (
        '<rect x="3" y="4" width="18" height="12" rx="1.5"/><circle cx="12" cy="16" r="3"/>'
        '<path d="M10 18.5V22l2-1 2 1v-3.5"/>'
    ),
}

_SVG = (
    '<svg class="icon icon--{name}" viewBox="0 0 24 24" width="1em" height="1em" fill="none"'
    ' stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"'
    ' aria-hidden="true" focusable="false">{shape}</svg>'
)

ICONS = {name: mark_safe(_SVG.format(name=name, shape=shape)) for name, shape in _SHAPES.items()}  # noqa: S308 (constants)


def icon(name):
    """The named icon's ``<svg>`` (KeyError for an unknown name: a typo fails loudly)."""
    return ICONS[name]
