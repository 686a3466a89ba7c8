#include "ui/report/pdf_page_writer.h"

#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPageLayout>
#include <QPageSize>

namespace cxr::ui {

PdfPageWriter::PdfPageWriter(QIODevice* device, const QString& title, const QString& footer)
    : m_writer(device), m_footer(footer) {
    m_writer.setPageSize(QPageSize(QPageSize::A4));
    m_writer.setPageMargins(QMarginsF(16, 14, 16, 16), QPageLayout::Millimeter);
    m_writer.setResolution(300);
    m_writer.setTitle(title);
    m_writer.setCreator(QStringLiteral("CXR Studio"));
    if (!m_painter.begin(&m_writer))
        return;
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setRenderHint(QPainter::TextAntialiasing);
    // Images carry the findings: keep them lossless in the PDF.
    m_painter.setRenderHint(QPainter::LosslessImageRendering);
    const QRect page = m_writer.pageLayout().paintRectPixels(m_writer.resolution());
    m_body = QRectF(0, 0, page.width(), page.height() - mm(8));  // room for the footer
    m_y = 0;
}

PdfPageWriter::~PdfPageWriter() {
    finish();
}

void PdfPageWriter::finish() {
    if (!m_painter.isActive())
        return;
    drawFooter();
    m_painter.end();
}

qreal PdfPageWriter::mm(qreal millimetres) const {
    return millimetres * m_writer.resolution() / 25.4;
}

QFont PdfPageWriter::font(qreal points, bool bold) const {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    // No shaping, so no ligatures: a SHA-256 with "ff" or a word with "fi" must copy, search
    // and extract from the PDF as the letters it is, not as one ligature glyph.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

void PdfPageWriter::drawFooter() {
    m_painter.save();
    m_painter.setFont(font(7.5));
    m_painter.setPen(QColor(90, 90, 90));
    const QRectF footer(0, m_body.bottom() + mm(2), m_body.width(), mm(6));
    m_painter.drawLine(QPointF(0, footer.top()), QPointF(m_body.width(), footer.top()));
    m_painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, m_footer);
    m_painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, QObject::tr("page %1").arg(m_page));
    m_painter.restore();
}

void PdfPageWriter::newPage() {
    drawFooter();
    m_writer.newPage();
    ++m_page;
    m_y = 0;
}

void PdfPageWriter::ensure(qreal height) {
    if (m_y > 0 && m_y + height > m_body.height())
        newPage();
}

void PdfPageWriter::space(qreal millimetres) {
    m_y += mm(millimetres);
}

void PdfPageWriter::title(const QString& text, const QString& subtitle) {
    m_painter.setFont(font(20, true));
    m_painter.setPen(QColor(20, 40, 80));
    const QRectF r(0, m_y, m_body.width(), mm(11));
    m_painter.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, text);
    m_y += mm(12);
    paragraph(subtitle, 10);
    m_painter.setPen(QPen(QColor(20, 40, 80), mm(0.5)));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_body.width(), m_y));
    m_y += mm(3);
}

void PdfPageWriter::heading(const QString& text) {
    ensure(mm(20));  // never a heading alone at the foot of a page
    m_y += mm(3);
    m_painter.setFont(font(13, true));
    m_painter.setPen(QColor(20, 40, 80));
    m_painter.drawText(QRectF(0, m_y, m_body.width(), mm(7)), Qt::AlignLeft | Qt::AlignVCenter, text);
    m_y += mm(8.5);
}

void PdfPageWriter::paragraph(const QString& text, qreal points, bool bold) {
    m_painter.setFont(font(points, bold));
    m_painter.setPen(Qt::black);
    const QRectF area(0, m_y, m_body.width(), m_body.height());
    const QRectF need = m_painter.boundingRect(area, Qt::TextWordWrap, text);
    ensure(need.height());
    const QRectF r(0, m_y, m_body.width(), need.height());
    m_painter.drawText(r, Qt::TextWordWrap, text);
    m_y += need.height() + mm(1.5);
}

void PdfPageWriter::notice(const QString& text) {
    m_painter.setFont(font(9.5, true));
    const qreal pad = mm(2.5);
    const QRectF inner(pad, 0, m_body.width() - 2 * pad, m_body.height());
    const QRectF need = m_painter.boundingRect(inner, Qt::TextWordWrap, text);
    ensure(need.height() + 2 * pad);
    const QRectF box(0, m_y, m_body.width(), need.height() + 2 * pad);
    m_painter.setPen(QPen(QColor(200, 130, 30), mm(0.3)));
    m_painter.setBrush(QColor(255, 244, 229));
    m_painter.drawRoundedRect(box, mm(1), mm(1));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.setPen(Qt::black);
    m_painter.drawText(box.adjusted(pad, pad, -pad, -pad), Qt::TextWordWrap, text);
    m_y += box.height() + mm(2);
}

void PdfPageWriter::keyValues(const QList<QPair<QString, QString>>& rows) {
    m_painter.setFont(font(9));
    const qreal labelW = m_body.width() * 0.28;
    for (const auto& [key, value] : rows) {
        const QRectF valueArea(labelW, m_y, m_body.width() - labelW, m_body.height());
        m_painter.setFont(font(9));
        const QRectF need = m_painter.boundingRect(valueArea, Qt::TextWordWrap, value);
        ensure(need.height());
        m_painter.setFont(font(9, true));
        m_painter.setPen(QColor(60, 60, 60));
        m_painter.drawText(QRectF(0, m_y, labelW - mm(2), need.height()), Qt::AlignLeft | Qt::AlignTop, key);
        m_painter.setFont(font(9));
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRectF(labelW, m_y, m_body.width() - labelW, need.height()), Qt::TextWordWrap, value);
        m_y += need.height() + mm(0.8);
    }
    m_y += mm(1.5);
}

void PdfPageWriter::table(const QStringList& header, const QList<QStringList>& rows, bool numeric,
                          const QList<qreal>& shares) {
    const int columns = static_cast<int>(header.size());
    if (columns == 0)
        return;
    QList<qreal> widths;
    qreal total = 0;
    for (int c = 0; c < columns; ++c) {
        const qreal s = c < shares.size() ? shares[c] : (c == 0 ? 2.0 : 1.0);
        widths << s;
        total += s;
    }
    for (auto& w : widths)
        w = w / total * m_body.width();
    const qreal rowH = mm(5.2);
    ensure(rowH * std::min<qsizetype>(rows.size() + 1, 6));
    auto drawRow = [&](const QStringList& cells, bool head, bool shade) {
        ensure(rowH);
        qreal x = 0;
        if (head)
            m_painter.fillRect(QRectF(0, m_y, m_body.width(), rowH), QColor(225, 232, 242));
        else if (shade)
            m_painter.fillRect(QRectF(0, m_y, m_body.width(), rowH), QColor(246, 247, 250));
        m_painter.setFont(font(8.5, head));
        m_painter.setPen(Qt::black);
        for (int c = 0; c < columns; ++c) {
            const QRectF cell(x + mm(1.2), m_y, widths[c] - mm(2.4), rowH);
            const Qt::Alignment align =
                (numeric && c > 0 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
            m_painter.drawText(cell, align, c < cells.size() ? cells[c] : QString());
            x += widths[c];
        }
        m_y += rowH;
    };
    drawRow(header, true, false);
    bool shade = false;
    for (const auto& row : rows) {
        drawRow(row, false, shade);
        shade = !shade;
    }
    m_painter.setPen(QPen(QColor(150, 150, 150), mm(0.2)));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_body.width(), m_y));
    m_y += mm(2.5);
}

void PdfPageWriter::renderChart(QChart* chart, QSizeF logical, const QRectF& target) {
    QGraphicsScene scene;
    // The chart must be in a scene with its geometry set before it lays itself out; a view
    // that was never shown would leave it at its default tiny size.
    const bool owned = chart->scene() == nullptr;
    if (owned)
        scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), logical));
    chart->resize(logical);
    chart->layout()->activate();
    QCoreApplication::processEvents();
    QGraphicsScene* s = chart->scene();
    s->render(&m_painter, target, QRectF(chart->pos(), logical));
    if (owned)
        scene.removeItem(chart);
}

void PdfPageWriter::chart(QChart* chart, QSizeF logical) {
    const qreal h = m_body.width() * logical.height() / logical.width();
    ensure(h);
    renderChart(chart, logical, QRectF(0, m_y, m_body.width(), h));
    m_y += h + mm(2);
}

void PdfPageWriter::chartPair(QChart* left, QChart* right, QSizeF logical) {
    const qreal gap = mm(4);
    const qreal w = (m_body.width() - gap) / 2;
    const qreal h = w * logical.height() / logical.width();
    ensure(h);
    renderChart(left, logical, QRectF(0, m_y, w, h));
    renderChart(right, logical, QRectF(w + gap, m_y, w, h));
    m_y += h + mm(2);
}

void PdfPageWriter::block(qreal height, const std::function<void(QPainter&, const QRectF&)>& draw) {
    ensure(height);
    m_painter.save();
    draw(m_painter, QRectF(0, m_y, m_body.width(), height));
    m_painter.restore();
    m_y += height + mm(2);
}

void PdfPageWriter::images(const QList<QImage>& images, const QStringList& captions, qreal imageHeightMm) {
    if (images.isEmpty())
        return;
    const int n = static_cast<int>(images.size());
    const qreal gap = mm(3);
    const qreal cellW = (m_body.width() - gap * (n - 1)) / n;
    const qreal imgH = std::min(mm(imageHeightMm), cellW);
    const qreal captionH = mm(9);
    ensure(imgH + captionH);
    for (int i = 0; i < n; ++i) {
        const QRectF cell(i * (cellW + gap), m_y, cellW, imgH);
        const QImage& img = images[i];
        if (!img.isNull()) {
            QSizeF size = img.size();
            size.scale(cell.size(), Qt::KeepAspectRatio);
            const QRectF target(cell.center().x() - size.width() / 2, cell.top(), size.width(), size.height());
            m_painter.drawImage(target, img);
        } else {
            m_painter.setPen(QColor(120, 120, 120));
            m_painter.drawRect(cell);
        }
        m_painter.setFont(font(7.5));
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRectF(cell.left(), m_y + imgH + mm(1), cellW, captionH), Qt::AlignHCenter | Qt::TextWordWrap,
                           i < captions.size() ? captions[i] : QString());
    }
    m_y += imgH + captionH + mm(2);
}

}  // namespace cxr::ui
