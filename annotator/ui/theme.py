"""Light and dark themes, fonts, and the colours spans are drawn in (from the schema's label colours)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

# Families tried in order; Qt falls back per character, so Cyrillic, Arabic and emoji render with
# whatever the system has (Noto/DejaVu on Linux, Segoe on Windows, SF/Apple Color Emoji on macOS).
TEXT_FAMILIES = ["Noto Serif", "Source Serif 4", "Georgia", "DejaVu Serif", "Noto Naskh Arabic",
                 "Noto Color Emoji", "Segoe UI Emoji", "Apple Color Emoji", "serif"]
UI_FAMILIES = ["Inter", "Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "sans-serif"]
TEXT_POINT_SIZE = 12.0


def text_font(zoom: int = 0) -> QFont:
    font = QFont()
    font.setFamilies(TEXT_FAMILIES)
    font.setPointSizeF(max(6.0, TEXT_POINT_SIZE + zoom))
    return font


def ui_font() -> QFont:
    font = QFont()
    font.setFamilies(UI_FAMILIES)
    font.setPointSizeF(9.5)
    return font


LIGHT = {
    "window": "#f4f5f7", "base": "#ffffff", "text": "#1d2126", "muted": "#6b7280", "border": "#d9dce1",
    "paper": "#ffffff", "highlight": "#2563eb", "highlight_text": "#ffffff", "button": "#eceef1",
    "alt_base": "#f7f8fa", "ok": "#15803d", "bad": "#b91c1c",
}
DARK = {
    "window": "#1f2227", "base": "#26292f", "text": "#e6e8eb", "muted": "#9aa1ab", "border": "#3a3f47",
    "paper": "#2a2d33", "highlight": "#3b82f6", "highlight_text": "#ffffff", "button": "#30343b",
    "alt_base": "#2c3036", "ok": "#4ade80", "bad": "#f87171",
}


def colours(theme: str) -> dict[str, str]:
    return DARK if theme == "dark" else LIGHT


def apply_theme(app: QApplication, theme: str) -> None:
    """Fusion style with a palette and a small style sheet for the panels' hierarchy."""
    c = colours(theme)
    app.setStyle("Fusion")
    pal = QPalette()
    role = QPalette.ColorRole
    for r, key in ((role.Window, "window"), (role.Base, "base"), (role.AlternateBase, "alt_base"),
                   (role.Text, "text"), (role.WindowText, "text"), (role.Button, "button"),
                   (role.ButtonText, "text"), (role.Highlight, "highlight"),
                   (role.HighlightedText, "highlight_text"), (role.ToolTipBase, "base"),
                   (role.ToolTipText, "text"), (role.PlaceholderText, "muted")):
        pal.setColor(r, QColor(c[key]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(c["muted"]))
    app.setPalette(pal)
    app.setFont(ui_font())
    app.setStyleSheet(style_sheet(theme))


def style_sheet(theme: str) -> str:
    c = colours(theme)
    return f"""
QMainWindow::separator {{ background: {c['border']}; width: 1px; height: 1px; }}
QDockWidget {{ font-weight: 600; color: {c['muted']}; }}
QDockWidget::title {{ padding: 6px 8px; background: {c['window']}; text-transform: uppercase; }}
QToolBar {{ border: none; border-bottom: 1px solid {c['border']}; spacing: 4px; padding: 3px 6px; }}
QStatusBar {{ border-top: 1px solid {c['border']}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
QTableView, QListView, QTreeView {{ border: none; gridline-color: {c['border']}; }}
QHeaderView::section {{ background: {c['window']}; color: {c['muted']}; border: none;
    border-bottom: 1px solid {c['border']}; padding: 4px 6px; font-weight: 600; }}
QLineEdit {{ border: 1px solid {c['border']}; border-radius: 4px; padding: 4px 6px; background: {c['base']}; }}
QLineEdit:focus {{ border-color: {c['highlight']}; }}
#DocHeader {{ background: {c['paper']}; border-bottom: 1px solid {c['border']}; }}
#DocTitle {{ font-size: 14pt; font-weight: 600; color: {c['text']}; }}
#DocMeta {{ color: {c['muted']}; }}
#Badge {{ border-radius: 9px; padding: 2px 9px; font-weight: 600; }}
#SaveFailed {{ background: {c['bad']}; color: white; border-radius: 4px; padding: 2px 8px; font-weight: 600; }}
#SaveOk {{ color: {c['ok']}; }}
#ErrorBanner {{ background: {c['bad']}; color: white; }}
#ErrorBanner QLabel {{ color: white; font-weight: 600; }}
#PaletteKey {{ border: 1px solid {c['border']}; border-radius: 3px; padding: 0 5px;
    font-family: "DejaVu Sans Mono", monospace; background: {c['base']}; }}
#SectionTitle {{ color: {c['muted']}; font-weight: 600; }}
"""


def blend(color: str | QColor, base: str | QColor, alpha: float) -> QColor:
    """`color` laid over `base` at `alpha`: an opaque highlight that keeps the text readable."""
    a, b = QColor(color), QColor(base)
    return QColor(
        round(a.red() * alpha + b.red() * (1 - alpha)),
        round(a.green() * alpha + b.green() * (1 - alpha)),
        round(a.blue() * alpha + b.blue() * (1 - alpha)),
    )


def span_background(color: str, theme: str) -> QColor:
    return blend(color, colours(theme)["paper"], 0.42 if theme == "dark" else 0.30)
