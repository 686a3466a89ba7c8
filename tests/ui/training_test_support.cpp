#include "training_test_support.h"

#include <QProcess>
#include <QRegularExpression>

#include "core/model/state_dict.h"
#include "core/synth/synthetic_set.h"
#include "core/workflows/train_workflow.h"
#include "ui/common/qt_convert.h"

namespace cxr::test {

QString makeTinyDataSet(const QString& dir, int train, int val, int test, int size) {
    synth::SynthOptions o;
    o.train = train;
    o.val = val;
    o.test = test;
    o.size = size;
    o.seed = 7;
    const auto root = ui::toPath(dir) / "data";
    synth::makeSyntheticSet(root, o);
    return ui::toQString(root);
}

void trainTinyRun(const QString& dataDir, const QString& runDir) {
    workflows::TrainFolderOptions o;
    o.dataDir = ui::toPath(dataDir);
    o.runDir = ui::toPath(runDir);
    o.config = tinyTrainingConfig(64);
    workflows::trainFolder(o);
}

int checkpointTensorCount(const QString& file) {
    try {
        return static_cast<int>(model::readStateDict(ui::toPath(file)).size());
    } catch (...) {
        return 0;
    }
}

QString pdfText(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    // The PDF's fonts set "fi", "fl" as ligatures; pdftotext hands them back as one character.
    QString text = QString::fromUtf8(p.readAllStandardOutput());
    text.replace(QChar(0xFB01), QStringLiteral("fi")).replace(QChar(0xFB02), QStringLiteral("fl"));
    text.replace(QChar(0xFB00), QStringLiteral("ff")).replace(QChar(0xFB03), QStringLiteral("ffi"));
    return text;
}

QList<PdfWord> pdfWords(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    QList<PdfWord> words;
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return words;
    const QString xhtml = QString::fromUtf8(p.readAllStandardOutput());
    static const QRegularExpression item(QString::fromLatin1(
        R"re(<page |<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>)re"));
    int page = -1;
    for (auto it = item.globalMatch(xhtml); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(0).startsWith(QStringLiteral("<page"))) {
            ++page;
            continue;
        }
        QString text = m.captured(5);
        text.replace(QStringLiteral("&lt;"), QStringLiteral("<")).replace(QStringLiteral("&gt;"), QStringLiteral(">"));
        text.replace(QStringLiteral("&quot;"), QStringLiteral("\"")).replace(QStringLiteral("&apos;"), QStringLiteral("'"));
        text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        text.replace(QChar(0xFB01), QStringLiteral("fi")).replace(QChar(0xFB02), QStringLiteral("fl"));
        const qreal x0 = m.captured(1).toDouble(), y0 = m.captured(2).toDouble();
        words.append({page, text, QRectF(QPointF(x0, y0), QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()))});
    }
    return words;
}

}  // namespace cxr::test
