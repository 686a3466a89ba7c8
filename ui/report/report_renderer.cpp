#include "ui/report/report_renderer.h"

#include <QChart>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include "core/common/error.h"
#include "core/evaluation/classification_report.h"
#include "core/workflows/about.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"
#include "ui/report/pdf_page_writer.h"
#include "ui/results/cam_examples.h"
#include "ui/results/confusion_matrix_widget.h"
#include "ui/results/result_charts.h"
#include "ui/training/training_charts.h"

namespace cxr::ui {
namespace {

QString num(double v, int digits = 3) {
    return localeNumber(v, digits);
}

QString trainsText(const std::vector<std::string>& prefixes) {
    if (prefixes.empty())
        return QObject::tr("everything");
    QStringList parts;
    for (const auto& p : prefixes)
        parts << toQString(p);
    return parts.join(QStringLiteral(" + "));
}

QString ruleText(const std::string& rule) {
    if (rule == "argmax")
        return QObject::tr("argmax (PNEUMONIA when its probability is at least 0.5)");
    if (rule == "youden")
        return QObject::tr("Youden's J (maximum sensitivity + specificity − 1) on validation");
    if (rule.rfind("sensitivity:", 0) == 0)
        return QObject::tr("the highest threshold reaching sensitivity %1 on validation")
            .arg(toQString(rule.substr(std::string("sensitivity:").size())));
    return toQString(rule);
}

// The training population: what the model has seen, so a reader can judge a film against it.
QString populationText(const Population& p) {
    if (p.empty())
        return QObject::tr("population not recorded (no age check on films)");
    QString text;
    if (p.age)
        text = QObject::tr("patients aged %1 years").arg(toQString(p.age->toString()));
    if (!p.description.empty())
        text += (text.isEmpty() ? QString() : QStringLiteral("; ")) + toQString(p.description);
    return text;
}


// The transforms data::augmentationPreset() draws for the run's preset (config "augmentation").
QString augmentationText(const training::TrainingConfig& c) {
    if (!c.augment)
        return QObject::tr("none");
    if (c.augmentation == "chest")
        return QObject::tr("random resized crop, flip, ±10° rotation, brightness/contrast");
    return QObject::tr("flip, ±10° rotation (the seed's transforms)");
}

void configSection(PdfPageWriter& w, const workflows::RunResults& r) {
    w.heading(QObject::tr("Training configuration"));
    const auto& c = r.training;
    QList<QStringList> rows;
    int i = 0;
    for (const auto& p : c.phases)
        rows << QStringList{QObject::tr("%1. %2").arg(++i).arg(termText(p.name)), trainsText(p.trainable),
                            QString::number(p.epochs), localeNumber(p.learningRate, 3, 'g'),
                            QString::number(p.stepSize), localeNumber(p.gamma, 3, 'g'), QString::number(p.patience)};
    w.table({QObject::tr("Phase"), QObject::tr("Trains"), QObject::tr("Epochs"), QObject::tr("LR"),
             QObject::tr("LR step"), QObject::tr("Gamma"), QObject::tr("Patience")},
            rows, true, {2.6, 1.6, 0.8, 0.9, 1.0, 0.8, 0.9});
    QString device = toQString(c.device);
    if (r.config.contains("device") && r.config["device"].is_string())
        device = toQString(r.config["device"].get<std::string>());
    w.keyValues({{QObject::tr("Initial weights"), noticeText(r.weightsSource)},
                 {QObject::tr("Optimizer"), QObject::tr("%1, weight decay %2%3")
                                                .arg(toQString(c.optimizer))
                                                .arg(localeNumber(c.weightDecay, 3, 'g'))
                                                .arg(c.optimizer == "sgd" ? QObject::tr(", momentum %1").arg(c.momentum)
                                                                          : QString())},
                 {QObject::tr("Batch / image size"), QObject::tr("%1 films / %2 px (cache %3 px)")
                                                         .arg(c.batchSize)
                                                         .arg(c.imageSize)
                                                         .arg(c.workingSize)},
                 {QObject::tr("Augmentation"), augmentationText(c)},
                 {QObject::tr("Class weighting"), termText(c.classWeighting)},
                 {QObject::tr("Device / seed"), QObject::tr("%1 / %2").arg(device).arg(static_cast<qulonglong>(c.seed))}});
}

void dataSection(PdfPageWriter& w, const workflows::RunResults& r, const ReportOptions& o) {
    w.heading(QObject::tr("Data"));
    const Json& s = r.split;
    const auto splitCounts = r.splitCounts();
    if (!splitCounts.empty()) {
        QStringList header{QObject::tr("Split")};
        for (const auto& c : r.classes)
            header << toQString(c);
        header << QObject::tr("Films") << QObject::tr("Patients");
        QList<QStringList> rows;
        for (const auto& count : splitCounts) {
            QStringList row{termText(count.split)};
            for (const long n : count.perClass)
                row << QString::number(n);
            row << QString::number(count.films)
                << (count.patients >= 0 ? QString::number(count.patients) : QStringLiteral("–"));
            rows << row;
        }
        w.table(header, rows);
    }
    QList<QPair<QString, QString>> kv;
    if (s.contains("policy"))
        kv << qMakePair(QObject::tr("Validation policy"), termText(s.value("policy", std::string())));
    if (!r.splitReason.empty())
        kv << qMakePair(QObject::tr("Why"), noticeText(r.splitReason));
    if (o.includeIdentifiers && !r.dataDir.empty())
        kv << qMakePair(QObject::tr("Data folder"), toQString(r.dataDir));
    kv << qMakePair(QObject::tr("Test split"), QObject::tr("the data set's own test folder, never used for training, "
                                                           "early stopping or choosing the threshold"));
    w.keyValues(kv);
}

void resultsSection(PdfPageWriter& w, const workflows::RunResults& r, double threshold) {
    w.heading(QObject::tr("Results on the test split"));
    if (!r.report) {
        w.paragraph(QObject::tr("No test results: the run did not finish its evaluation."));
        return;
    }
    const auto& rep = *r.report;
    const auto op = r.at(threshold);
    QString ci = rep.test.aucCi ? QObject::tr(" (95% CI %1–%2, %3 bootstrap resamples)")
                                      .arg(num(rep.test.aucCi->lower))
                                      .arg(num(rep.test.aucCi->upper))
                                      .arg(rep.test.aucCi->resamples)
                                : QString();
    w.keyValues({{QObject::tr("Films"), QString::number(static_cast<qulonglong>(rep.test.films))},
                 {QObject::tr("Accuracy"), num(op.testAccuracy)},
                 {QObject::tr("Sensitivity (PNEUMONIA)"), num(op.testSensitivity)},
                 {QObject::tr("Specificity"), num(op.testSpecificity)},
                 {QObject::tr("ROC AUC"), num(rep.test.roc.auc) + ci},
                 {QObject::tr("Operating threshold"),
                  QObject::tr("%1 on P(PNEUMONIA), chosen on the validation split by %2 (validation sensitivity %3, "
                              "specificity %4), then applied unchanged to test")
                      .arg(num(threshold))
                      .arg(std::abs(threshold - rep.threshold.threshold) < 1e-9 ? ruleText(rep.threshold.rule)
                                                                                   : QObject::tr("hand (the rule gave %1)")
                                                                                         .arg(num(rep.threshold.threshold)))
                      .arg(num(op.valSensitivity))
                      .arg(num(op.valSpecificity))},
                 {QObject::tr("Temperature"),
                  (!rep.calibration.fitted
                       ? QObject::tr("%1 (not fitted: every validation film was called right, so temperature "
                                     "scaling has no optimum there)")
                   : rep.calibration.atBound
                       ? QObject::tr("%1 (the search stopped at its bound: the validation loss still falls beyond "
                                     "it, so this is a limit, not a fitted optimum)")
                       : QObject::tr("%1 (fitted on validation; probabilities are softmax(logits / T))"))
                      .arg(num(rep.calibration.temperature, 2))}});
    const auto matrix = op.test;
    const auto classes = r.classes;
    w.keep(w.mm(64));
    w.paragraph(QObject::tr("Confusion matrix (rows: truth, columns: the call; counts and row percentages)"), 9.5, true);
    w.block(w.mm(55), [&](QPainter& p, const QRectF& area) {
        p.setFont(w.font(9));
        paintConfusionMatrix(p, QRectF(area.left(), area.top(), area.width() * 0.62, area.height()), matrix, classes);
    });
    w.paragraph(QObject::tr("Classification report"), 9.5, true);
    const auto cr = evaluation::classificationReport(matrix, classes);
    QList<QStringList> rows;
    for (const auto& m : cr.perClass)
        rows << QStringList{termText(m.name), num(m.precision), num(m.recall), num(m.f1),
                            QString::number(static_cast<qlonglong>(m.support))};
    rows << QStringList{QObject::tr("accuracy"), {}, {}, num(cr.accuracy), QString::number(static_cast<qlonglong>(cr.total))};
    for (const auto* m : {&cr.macroAvg, &cr.weightedAvg})
        rows << QStringList{termText(m->name), num(m->precision), num(m->recall), num(m->f1),
                            QString::number(static_cast<qlonglong>(m->support))};
    w.table({QObject::tr("class"), QObject::tr("precision"), QObject::tr("recall"), QObject::tr("F1"), QObject::tr("support")},
            rows);

    std::unique_ptr<QChart> roc(makeRocChart({rep.test.roc, rep.test.aucCi, op.testFpr, op.testSensitivity, threshold}));
    const auto rel = evaluation::reliabilityDiagram(r.validation ? &*r.validation : nullptr, rep.calibration);
    std::unique_ptr<QChart> calibration(makeReliabilityChart(rel));
    calibration->setTitle(QObject::tr("Calibration on validation (T = %1)").arg(num(rel.temperature, 2)));
    w.heading(QObject::tr("ROC curve and calibration"));
    w.chartPair(roc.get(), calibration.get(), QSizeF(440, 420));
    w.paragraph(QObject::tr("Calibration: expected calibration error (%1 bins) on validation %2 before and %3 after "
                            "temperature scaling; on test %4 at T = %5.")
                    .arg(rep.calibration.bins)
                    .arg(num(rel.eceBefore))
                    .arg(num(rel.eceAfter))
                    .arg(num(rep.test.ece))
                    .arg(num(rep.calibration.temperature, 2)));
}

void curvesSection(PdfPageWriter& w, const workflows::RunResults& r) {
    w.keep(w.mm(95));  // the heading with its first chart
    w.heading(QObject::tr("Training curves"));
    if (r.history.epochs().empty()) {
        w.paragraph(QObject::tr("No finished epoch recorded."));
        return;
    }
    TrainingCharts charts;
    charts.update(r.history);
    w.chart(charts.lossChart(), QSizeF(760, 300));
    w.chart(charts.accuracyChart(), QSizeF(760, 300));
    QString best;
    for (const auto& m : r.history.bestMarkers())
        best = QObject::tr("phase %1, run epoch %2 (val loss %3, val accuracy %4)")
                   .arg(m.phase + 1)
                   .arg(static_cast<int>(m.x))
                   .arg(num(m.valLoss, 4))
                   .arg(num(m.valAccuracy));
    QStringList stops;
    for (const auto& p : r.history.phases())
        if (p.earlyStopped)
            stops << QObject::tr("phase %1 after run epoch %2").arg(p.phase + 1).arg(static_cast<int>(p.end));
    w.paragraph(QObject::tr("Shaded bands are the three phases; stars mark each new best checkpoint, triangles early "
                            "stops. The exported model is the best checkpoint: %1. Early stops: %2.")
                    .arg(best.isEmpty() ? QObject::tr("none") : best)
                    .arg(stops.isEmpty() ? QObject::tr("none") : stops.join(QStringLiteral("; "))),
                8.5);
}

void examplesSection(PdfPageWriter& w, const workflows::RunResults& r, double threshold, const ReportOptions& o) {
    if (o.examplesPerOutcome <= 0)
        return;
    const auto films = r.examples(threshold, o.examplesPerOutcome);
    if (films.empty())
        return;
    w.heading(QObject::tr("Example test films with class activation maps"));
    const auto images = renderExamples(r.runDir, films, 512, o.includeIdentifiers);
    QList<QImage> pictures;
    QStringList captions;
    for (const auto& e : images) {
        pictures << e.overlay;
        captions << (e.overlay.isNull() ? e.caption + QStringLiteral("\n") + e.error : e.caption);
    }
    w.images(pictures, captions, 48);
    w.paragraph(QObject::tr("Grad-CAM of the PNEUMONIA logit on layer4, blended over the film (jet colour map: red "
                            "areas raised the score). A map shows what the network used, not where disease is."),
                8.5);
}

// The reviewers' agreement with the model, from the review records: its own page, so it can be
// read (and left out) apart from the run's figures, which come from the test split.
void agreementPage(PdfPageWriter& w, const workflows::AgreementStats& a) {
    w.newPage();
    w.heading(QObject::tr("Reviewer agreement"));
    w.paragraph(QObject::tr("How far the verdicts of CXR Studio's reviewers, kept in its review records, agree with this "
                            "model's calls on the films it diagnosed. Each film counts once: the model's latest call "
                            "against the reviewer's latest label. PNEUMONIA is the positive class. A reviewer's label "
                            "is a reading, not a confirmed diagnosis, and reviewed films are not a random sample."));
    w.keyValues({{QObject::tr("Model"), a.modelName.empty() ? QObject::tr("(not named)") : toQString(a.modelName)},
                 {QObject::tr("Weights SHA-256"), toQString(a.modelSha256)},
                 {QObject::tr("Films reviewed"),
                  QObject::tr("%1 (%2 in the matrix, %3 labelled “other”: outside it)")
                      .arg(static_cast<qlonglong>(a.reviewed))
                      .arg(static_cast<qlonglong>(a.confusion.total()))
                      .arg(static_cast<qlonglong>(a.otherLabels))},
                 {QObject::tr("Not yet reviewed"), QString::number(static_cast<qlonglong>(a.unreviewed))}});
    w.paragraph(QObject::tr("Reviewer label (rows) against the model's call (columns)"), 9.5, true);
    const auto& m = a.confusion;
    QList<QStringList> rows;
    for (const int truth : {0, 1})
        rows << QStringList{QObject::tr("reviewer %1").arg(truth ? QStringLiteral("PNEUMONIA") : QStringLiteral("NORMAL")),
                            QString::number(static_cast<qlonglong>(m.at(truth, 0))),
                            QString::number(static_cast<qlonglong>(m.at(truth, 1))),
                            QString::number(static_cast<qlonglong>(m.support(truth)))};
    w.table({QString(), QObject::tr("model NORMAL"), QObject::tr("model PNEUMONIA"), QObject::tr("films")}, rows, true,
            {1.6, 1.2, 1.2, 0.8});
    w.space(3);
    auto figure = [&](const QString& name, double value, const evaluation::ConfidenceInterval& ci, std::int64_t hits,
                      std::int64_t of) {
        if (of == 0)
            return QStringList{name, QObject::tr("n/a"), QObject::tr("no films"), QStringLiteral("0 / 0")};
        return QStringList{name, num(value), QObject::tr("%1 – %2").arg(num(ci.lower)).arg(num(ci.upper)),
                           QStringLiteral("%1 / %2").arg(static_cast<qlonglong>(hits)).arg(static_cast<qlonglong>(of))};
    };
    w.table({QObject::tr("figure"), QObject::tr("value"), QObject::tr("95% CI (Wilson)"), QObject::tr("films")},
            {figure(QObject::tr("agreement"), a.agreement, a.agreementCi, a.agreements, m.total()),
             figure(QObject::tr("sensitivity (PNEUMONIA)"), a.sensitivity, a.sensitivityCi, m.at(1, 1), m.support(1)),
             figure(QObject::tr("specificity"), a.specificity, a.specificityCi, m.at(0, 0), m.support(0))},
            true, {1.6, 1.0, 1.4, 1.0});
    w.paragraph(QObject::tr("Sensitivity: of the films reviewers labelled PNEUMONIA, the share the model called "
                            "PNEUMONIA; specificity: of those labelled NORMAL, the share it called NORMAL. Wilson score "
                            "intervals hold for a handful of films too; they describe these films and these "
                            "reviewers only."),
                8.5);
    w.notice(QObject::tr("Intended use: %1").arg(termText(workflows::kIntendedUse)));
}

}  // namespace

void renderReport(const workflows::RunResults& r, const std::filesystem::path& pdfFile, const ReportOptions& o) {
    // A page about another model would be read as this one's.
    if (o.agreement && o.agreement->modelSha256 != r.weightsSha256)
        throw Error(ErrorCode::InvalidInput, pdfFile,
                    "the reviewer agreement given is of model " + o.agreement->modelSha256 + ", not of this run's " +
                        (r.weightsSha256.empty() ? std::string("(no exported model)") : r.weightsSha256));
    const QString file = toQString(pdfFile);
    const QFileInfo info(file);
    if (!info.absoluteDir().exists())
        throw Error(ErrorCode::NotFound, pdfFile, "the folder for the report does not exist");
    const QString runName = toQString(r.runDir.filename().empty() ? r.runDir.parent_path().filename() : r.runDir.filename());
    // Rendered into a temporary file beside the target and renamed over it only when complete:
    // a failed render (an exception, a full disk) leaves the previous report as it was.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        throw Error(ErrorCode::Io, pdfFile, "cannot write the report here: " + out.errorString().toStdString());
    {
        PdfPageWriter w(&out, QObject::tr("CXR Studio training report — %1").arg(runName),
                        QObject::tr("CXR Studio %1 · research and teaching only, not for diagnostic use")
                            .arg(QStringLiteral(CXR_VERSION)));
        if (!w.isOpen())
            throw Error(ErrorCode::Io, pdfFile, "cannot write the report here (permissions or disk space)");
        const double threshold = o.threshold.value_or(r.chosenThreshold());
        w.title(QObject::tr("Pneumonia classifier — training report"),
                QObject::tr("Run “%1” · report made %2")
                    .arg(runName)
                    .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        w.notice(QObject::tr("Intended use: %1").arg(termText(workflows::kIntendedUse)));
        w.keyValues({{QObject::tr("Model"), QObject::tr("ResNet18, classes %1")
                                                .arg(toQString(r.classes.empty() ? std::string() : r.classes.front()) +
                                                     QStringLiteral(" / ") +
                                                     toQString(r.classes.size() > 1 ? r.classes[1] : std::string()))},
                     {QObject::tr("Weights SHA-256"),
                      r.weightsSha256.empty() ? QObject::tr("(no exported model in this run)") : toQString(r.weightsSha256)},
                     {QObject::tr("Trained on"), populationText(r.population)},
                     {QObject::tr("Identifiers"), o.includeIdentifiers
                                                      ? QObject::tr("included on request (film names, data folder)")
                                                      : QObject::tr("none: film names, patient ids and data paths are left out")}});
        configSection(w, r);
        dataSection(w, r, o);
        resultsSection(w, r, threshold);
        curvesSection(w, r);
        examplesSection(w, r, threshold, o);
        if (!r.notes.empty()) {
            w.heading(QObject::tr("Notes"));
            for (const auto& n : r.notes)
                w.paragraph(toQString(n), 8.5);
        }
        w.heading(QObject::tr("Intended use"));
        w.paragraph(termText(workflows::kIntendedUse) +
                    QObject::tr(" The figures above describe this model on this data set only; a synthetic or small "
                                "test split says little about real-world performance."));
        if (o.agreement)
            agreementPage(w, *o.agreement);
        w.finish();
    }
    if (out.size() == 0 || !out.commit())
        throw Error(ErrorCode::Io, pdfFile, "the report could not be written (" + out.errorString().toStdString() +
                                                "); a previous report there is unchanged");
}

}  // namespace cxr::ui
