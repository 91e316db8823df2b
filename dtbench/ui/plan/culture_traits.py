"""The key cultural traits (guide 6.3.2 e): each rated now and target, and a radar of the
ratings, redrawn in a chart worker while the consultant types (only when it can be seen)."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial

import msgspec
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dtbench.plan import catalogue as cat
from dtbench.plan.records import Culture, TraitRating
from dtbench.reports.raster import Raster
from dtbench.ui.kit.autosave import Autosave, LoadingFlag
from dtbench.ui.kit.chart_view import LOGICAL_DPI, ChartRenderer, ChartView
from dtbench.ui.kit.drafts import DraftFields
from dtbench.ui.kit.redraw import RedrawWhenShown
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.org_culture_parts import hint_label, now_or_target
from dtbench.ui.plan.session import PlanSession, field_path, record_key

REDRAW_DELAY_MS = 150
RADAR_ASPECT = 0.8
KEY = record_key(value="culture")


def _put(spin: QSpinBox, value: object) -> None:
    spin.setValue(value if isinstance(value, int) else 0)


class CultureTraits(QGroupBox):
    """Spin boxes for the six traits, now and target, beside their radar. A rating is saved on
    a pause, Enter or leaving the field; the radar follows at once. The Culture tab shows the
    stored ratings (``load``); a rating a cancelled conflict left unsaved stays in its spin
    box, marked, and is saved (asked about) again when the box is left or the page flushed.
    ``drawn`` fires each time the radar has been rendered and shown."""

    drawn = Signal()
    _loading = LoadingFlag()

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.autosave = Autosave(self)
        self.drafts = DraftFields(session, self.autosave)
        self.paths: dict[QSpinBox, str] = {}  # spin box → where its rating is kept
        self.renderer = ChartRenderer(self)
        layout = QHBoxLayout(self)
        grid = QGridLayout()
        self.now_head = QLabel(self)
        self.target_head = QLabel(self)
        grid.addWidget(self.now_head, 0, 1)
        grid.addWidget(self.target_head, 0, 2)
        self.labels: dict[str, QLabel] = {}
        self.spins: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        for n, option in enumerate(cat.CULTURE_TRAITS):
            label = QLabel(self)
            spins: list[QSpinBox] = []
            for col, when in ((1, "now"), (2, "target")):
                spin = QSpinBox(self)
                spin.setObjectName(f"trait_{option.code}_{when}")
                spin.setRange(0, cat.TRAIT_SCALE[1])
                spin.setSpecialValueText("—")
                spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
                spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
                path = field_path("traits", option.code, when)
                self.paths[spin] = path
                self.autosave.spin(spin, partial(self._commit, spin), self._began(path))
                spin.valueChanged.connect(lambda _v, s=spin: self._changed(s))
                grid.addWidget(spin, 1 + n, col)
                spins.append(spin)
            label.setBuddy(spins[0])
            self.labels[option.code] = label
            self.spins[option.code] = (spins[0], spins[1])
            grid.addWidget(label, 1 + n, 0)
        self.rate_label = QLabel(self)
        self.rate_label.setBuddy(self.spins[cat.CULTURE_TRAITS[0].code][0])
        self.scale = hint_label(self)
        left = QVBoxLayout()
        left.addWidget(self.rate_label)
        left.addLayout(grid)
        left.addWidget(self.scale)
        left.addStretch(1)
        layout.addLayout(left)
        self.radar = ChartView("culture_radar", RADAR_ASPECT, self)
        self.radar.setMinimumSize(280, int(280 * RADAR_ASPECT))
        self.radar.setMaximumWidth(460)
        layout.addWidget(self.radar, 1)
        self.redraw_when_shown = RedrawWhenShown(self.radar, self.redraw, REDRAW_DELAY_MS)
        self.radar.resized.connect(self.redraw_when_shown.invalidate)
        self.renderer.chart_ready.connect(self._show_chart)
        self.renderer.ready.connect(self.drawn)
        self.retranslate()

    def _began(self, path: str) -> Callable[[], None]:
        """Typing in a spin box began: what it shows now is its save's base."""
        return lambda: self.session.editing(KEY, path)

    # ------------------------------------------------------------ showing
    def load(self, record: Culture) -> None:
        """Show the stored ratings (unless some are being typed) in the UI language."""
        lang = ui_language()
        self._loading = True
        for code, pair in self.spins.items():
            rating = record.traits.get(code, TraitRating())
            for spin, value in zip(pair, (rating.now, rating.target), strict=True):
                if self.drafts.load(KEY, self.paths[spin], spin, partial(_put, spin)):
                    continue  # a rating a conflict left unsaved: shown, marked, saved again
                if not self.autosave.pending(spin):  # a rating being typed stays
                    spin.setValue(value or 0)
        for option in cat.CULTURE_TRAITS:
            name = option.label.get(lang)
            self.labels[option.code].setText(name)
            now, target = self.spins[option.code]
            now.setAccessibleName(now_or_target(name, "now"))
            target.setAccessibleName(now_or_target(name, "target"))
        self._loading = False
        self.redraw_when_shown.invalidate()

    def ratings(self) -> dict[str, TraitRating]:
        """The ratings the spin boxes show (saved or not yet)."""
        ratings: dict[str, TraitRating] = {}
        for code, (now, target) in self.spins.items():
            rating = TraitRating(now=now.value() or None, target=target.value() or None)
            if rating != TraitRating():
                ratings[code] = rating
        return ratings

    # ------------------------------------------------------------ radar
    def redraw(self) -> None:
        """Render the radar in a chart worker; ``drawn`` fires when it is shown."""
        from dtbench.reports.plan_charts import traits_radar
        from dtbench.reports.raster import draw

        lang = ui_language()
        ratings = self.ratings()

        def values(attribute: str) -> list[float]:
            out: list[float] = []
            for code in cat.codes(cat.CULTURE_TRAITS):
                value = getattr(ratings.get(code, TraitRating()), attribute)
                out.append(math.nan if value is None else float(value))
            return out

        axes = [o.label.get(lang) for o in cat.CULTURE_TRAITS]
        series = [(self.tr("Now"), values("now")), (self.tr("Target"), values("target"))]
        dpi = LOGICAL_DPI * self.devicePixelRatioF()
        self.renderer.request(
            {
                "culture_radar": partial(
                    draw,
                    traits_radar,
                    axes,
                    series,
                    cat.TRAIT_SCALE[1],
                    self.radar.inches(),
                    dpi=dpi,
                )
            }
        )

    def _show_chart(self, _name: str, raster: Raster) -> None:
        self.radar.show_raster(raster)

    # ------------------------------------------------------------ editing
    def _changed(self, spin: QSpinBox) -> None:
        if self._loading:
            return
        self.redraw_when_shown.invalidate()
        if spin.hasFocus():
            self.autosave.typed(spin)  # saved on a pause, Enter or leaving the field
        else:
            self.autosave.save(spin)  # a wheel or a click on an arrow

    def _commit(self, spin: QSpinBox, _final: bool = True) -> None:
        """Save the ratings as shown (one kept from a cancelled conflict too); ``spin`` the
        one just changed."""
        if self._loading:
            return
        old = self.session.value("culture")
        assert isinstance(old, Culture)
        dropped = False
        typing = ""  # the rating just changed, unless it says what is stored
        for code, pair in self.spins.items():
            stored = old.traits.get(code, TraitRating())
            for box, value in zip(pair, (stored.now, stored.target), strict=True):
                if box.value() != (value or 0):
                    typing = self.paths[box] if box is spin else typing
                elif self.session.draft(KEY, self.paths[box]):
                    self.session.drop_draft(KEY, self.paths[box])  # typed back
                    dropped = True
        ratings = self.ratings()
        if old.traits == ratings:
            if dropped:
                self.load(old)  # the mark goes
            return
        self.session.set_value(
            "culture",
            msgspec.structs.replace(old, traits=ratings),
            self.tr("Cultural traits"),
            typing=typing,
        )

    def flush(self) -> None:
        """Save a rating still waiting for its pause, or kept from a cancelled conflict
        (asked about again): the ratings are saved together, once."""
        held = [s for s in self.paths if self.autosave.pending(s)]
        if not held:
            return
        # the one being typed (no draft yet) names the save, so a cancel keeps it too
        typed = [s for s in held if self.session.draft(KEY, self.paths[s]) is None]
        for spin in held:
            spin.interpretText()
            self.autosave.release(spin)
        self._commit((typed or held)[0])

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.setTitle(self.tr("Key cultural traits (6.3.2 e)"))
        self.rate_label.setText(self.tr("Rate the &traits, now and target:"))
        self.now_head.setText(self.tr("Now"))
        self.target_head.setText(self.tr("Target"))
        self.scale.setText(self.tr("1 = weak … 5 = strong; — = not rated."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
