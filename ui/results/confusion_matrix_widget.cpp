#include "ui/results/confusion_matrix_widget.h"

#include <QPainter>

#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {

void paintConfusionMatrix(QPainter& p, const QRectF& rect, const evaluation::ConfusionMatrix& m,
                          const std::vector<std::string>& classes) {
    const int n = m.numClasses();
    if (n <= 0)
        return;
    p.save();
    QFont font = p.font();
    const QFontMetricsF fm(font);
    const qreal captionH = fm.height() * 1.3;
    const qreal labelW = std::min(rect.width() * 0.3, fm.horizontalAdvance(QStringLiteral("PNEUMONIA")) + fm.height() * 2.2);
    const QRectF grid(rect.left() + labelW, rect.top() + captionH * 2, rect.width() - labelW, rect.height() - captionH * 2);
    const qreal cw = grid.width() / n, ch = grid.height() / n;

    auto name = [&](int i) {
        return i < static_cast<int>(classes.size()) ? toQString(classes[static_cast<std::size_t>(i)])
                                                    : QString::number(i);
    };
    p.setPen(Qt::black);
    QFont bold = font;
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(grid.left(), rect.top(), grid.width(), captionH), Qt::AlignCenter, QObject::tr("predicted"));
    p.setFont(font);
    for (int c = 0; c < n; ++c)
        p.drawText(QRectF(grid.left() + c * cw, rect.top() + captionH, cw, captionH), Qt::AlignCenter, name(c));
    // The "true" caption runs vertically beside the row labels.
    p.save();
    p.setFont(bold);
    p.translate(rect.left() + fm.height() * 0.6, grid.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-grid.height() / 2, -fm.height() * 0.6, grid.height(), fm.height() * 1.2), Qt::AlignCenter,
               QObject::tr("true"));
    p.restore();
    for (int r = 0; r < n; ++r)
        p.drawText(QRectF(rect.left() + fm.height() * 1.3, grid.top() + r * ch, labelW - fm.height() * 1.4, ch),
                   Qt::AlignVCenter | Qt::AlignRight, name(r));

    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            const auto count = m.at(r, c);
            const double share = m.rowShare(r, c);
            const QRectF cell(grid.left() + c * cw, grid.top() + r * ch, cw, ch);
            // Correct calls in blue, errors in red; the colour deepens with the row share.
            const QColor base = r == c ? QColor(31, 119, 180) : QColor(214, 39, 40);
            QColor fill = base;
            fill.setAlphaF(0.08 + 0.8 * share);
            p.fillRect(cell, Qt::white);
            p.fillRect(cell, fill);
            p.setPen(QPen(QColor(120, 120, 120), 0.8));
            p.drawRect(cell);
            p.setPen(share > 0.55 ? Qt::white : Qt::black);
            QFont big = bold;
            big.setPointSizeF(font.pointSizeF() * 1.4);
            p.setFont(big);
            const QRectF upper(cell.left(), cell.top(), cell.width(), cell.height() * 0.58);
            const QRectF lower(cell.left(), cell.top() + cell.height() * 0.55, cell.width(), cell.height() * 0.4);
            p.drawText(upper, Qt::AlignHCenter | Qt::AlignBottom, QString::number(static_cast<qlonglong>(count)));
            p.setFont(font);
            p.drawText(lower, Qt::AlignHCenter | Qt::AlignTop, QObject::tr("%1% of row").arg(localeNumber(share * 100.0, 1)));
        }
    }
    p.restore();
}

ConfusionMatrixWidget::ConfusionMatrixWidget(QWidget* parent) : QWidget(parent) {
    setMinimumSize(260, 190);
}

void ConfusionMatrixWidget::setMatrix(const evaluation::ConfusionMatrix& matrix, const std::vector<std::string>& classes) {
    m_matrix = matrix;
    m_classes = classes;
    update();
}

void ConfusionMatrixWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    paintConfusionMatrix(p, QRectF(rect()).adjusted(6, 4, -6, -6), m_matrix, m_classes);
}

}  // namespace cxr::ui
