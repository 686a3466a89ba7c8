#include "ui/diagnosis/probability_bars.h"

#include "ui/common/notice_text.h"

#include <algorithm>

#include <QPainter>

namespace cxr::ui {
namespace {

const QColor kPositive(0xc0, 0x39, 0x2b);
const QColor kNegative(0x2e, 0x86, 0xc1);
const QColor kTrack(0, 0, 0, 28);

}  // namespace

ProbabilityBars::ProbabilityBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ProbabilityBars::setValues(const QStringList& titles, const std::vector<double>& probabilities, int positiveIndex,
                                double threshold) {
    m_titles = titles;
    m_values = probabilities;
    m_positive = positiveIndex;
    m_threshold = threshold;
    updateGeometry();
    update();
}

void ProbabilityBars::clear() { setValues({}, {}, -1, 0.5); }

int ProbabilityBars::rowHeight() const { return fontMetrics().height() * 2 + 6; }

QSize ProbabilityBars::sizeHint() const {
    return {240, std::max<int>(1, static_cast<int>(m_values.size())) * rowHeight() + 4};
}

QSize ProbabilityBars::minimumSizeHint() const { return {120, sizeHint().height()}; }

void ProbabilityBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int w = width() - 2;
    const int barH = fm.height() - 2;
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const int top = static_cast<int>(i) * rowHeight();
        const double v = std::clamp(m_values[i], 0.0, 1.0);
        const bool positive = static_cast<int>(i) == m_positive;
        const QString title = i < static_cast<std::size_t>(m_titles.size()) ? m_titles[static_cast<int>(i)] : QString();
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(1, top, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, title);
        p.drawText(QRect(1, top, w, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   localeNumber(v * 100.0, 1) + QLatin1Char('%'));
        const QRectF track(1, top + fm.height() + 2, w, barH);
        p.setPen(Qt::NoPen);
        p.setBrush(kTrack);
        p.drawRoundedRect(track, 3, 3);
        p.setBrush(positive ? kPositive : kNegative);
        p.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * v, track.height()), 3, 3);
        if (positive) {
            const double x = track.left() + track.width() * std::clamp(m_threshold, 0.0, 1.0);
            p.setPen(QPen(palette().color(QPalette::WindowText), 2));
            p.drawLine(QPointF(x, track.top() - 3), QPointF(x, track.bottom() + 3));
        }
    }
}

}  // namespace cxr::ui
