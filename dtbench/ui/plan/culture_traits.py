"""The key cultural traits (guide 6.3.2 e): each rated now and target, and a radar of the
ratings, redrawn in a chart worker while the consultant types (only when it can be seen)."""

from __future__ import annotations

import math
from functools import partial

import msgspec
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
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
from dtbench.ui.kit.autosave import TEXT_IDLE_MS
from dtbench.ui.kit.chart_view import LOGICAL_DPI, ChartRenderer, ChartView
from dtbench.ui.kit.redraw import RedrawWhenShown
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.org_culture_parts import hint_label, now_or_target
from dtbench.ui.plan.session import PlanSession

REDRAW_DELAY_MS = 150
RADAR_ASPECT = 0.8


class CultureTraits(QGroupBox):
    """Spin boxes for the six traits, now and target, beside their radar. A rating is saved on
    a pause, Enter or leaving the field; the radar follows at once. The Culture tab shows the
    stored ratings (``load``). ``drawn`` fires each time the radar has been rendered and
    shown."""

    drawn = Signal()

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._loading = False
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
                spin.valueChanged.connect(lambda _v, s=spin: self._changed(s))
                spin.editingFinished.connect(self._commit)
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
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_IDLE_MS)
        self._timer.timeout.connect(self._commit)
        self.retranslate()

    # ------------------------------------------------------------ showing
    def load(self, record: Culture) -> None:
        """Show the stored ratings (unless some are being typed) in the UI language."""
        lang = ui_language()
        self._loading = True
        if not self._timer.isActive():
            for code, (now, target) in self.spins.items():
                rating = record.traits.get(code, TraitRating())
                now.setValue(rating.now or 0)
                target.setValue(rating.target or 0)
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
            self._timer.start()  # saved on a pause, Enter or leaving the field
        else:
            self._commit()

    def _commit(self) -> None:
        self._timer.stop()
        if self._loading:
            return
        ratings = self.ratings()
        old = self.session.value("culture")
        assert isinstance(old, Culture)
        if old.traits == ratings:
            return
        self.session.set_value(
            "culture", msgspec.structs.replace(old, traits=ratings), self.tr("Cultural traits")
        )

    def flush(self) -> None:
        """Save a rating still waiting for its pause."""
        if self._timer.isActive():
            self._commit()

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
