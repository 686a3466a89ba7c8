#pragma once
// PdfPageWriter: flowing layout on A4 pages for the report — headings, wrapped paragraphs,
// tables, charts and images placed one under the other, a new page when the next block does
// not fit, and a footer on every page. Text is drawn as text (searchable, selectable); charts
// go through a QGraphicsScene with a set geometry (a chart view that was never shown renders
// tiny); images are drawn lossless.
#include <functional>
#include <memory>

#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <QStringList>

class QChart;
class QIODevice;

namespace cxr::ui {

class PdfPageWriter {
public:
    // Writes into `device`, open for writing (the caller owns it, e.g. a QSaveFile, and commits
    // it after finish()). `footer` is printed on every page next to the page number.
    PdfPageWriter(QIODevice* device, const QString& title, const QString& footer);
    ~PdfPageWriter();

    bool isOpen() const { return m_painter.isActive(); }
    void finish();  // ends the last page; the file is complete after this

    qreal width() const { return m_body.width(); }  // usable width in device units
    qreal mm(qreal millimetres) const;              // device units per millimetre
    QFont font(qreal points, bool bold = false) const;

    void title(const QString& text, const QString& subtitle);
    void heading(const QString& text);
    void paragraph(const QString& text, qreal points = 9.5, bool bold = false);
    // A boxed, shaded paragraph (the intended-use statement).
    void notice(const QString& text);
    // Two columns: label and value.
    void keyValues(const QList<QPair<QString, QString>>& rows);
    // A grid with a header row; columns after the first are right-aligned when `numeric`.
    void table(const QStringList& header, const QList<QStringList>& rows, bool numeric = true,
               const QList<qreal>& columnShares = {});
    // Lays the chart out at `logicalSize` (as a screen would) and scales it into the full width.
    void chart(QChart* chart, QSizeF logicalSize);
    // Two charts side by side.
    void chartPair(QChart* left, QChart* right, QSizeF logicalSize);
    // Custom drawing of a block `height` high.
    void block(qreal height, const std::function<void(QPainter&, const QRectF&)>& draw);
    void images(const QList<QImage>& images, const QStringList& captions, qreal imageHeightMm);
    void space(qreal millimetres);
    // Starts a new page unless `height` still fits (keeps a caption with its figure).
    void keep(qreal height) { ensure(height); }
    void newPage();

private:
    void ensure(qreal height);
    void drawFooter();
    void renderChart(QChart* chart, QSizeF logicalSize, const QRectF& target);

    QPdfWriter m_writer;
    QPainter m_painter;
    QRectF m_body;
    qreal m_y = 0;
    int m_page = 1;
    QString m_footer;
};

}  // namespace cxr::ui
