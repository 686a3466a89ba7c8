#pragma once
// Helpers for the training wizard and report suites: a tiny synthetic data set, the tiny
// configuration (64 px films, one epoch per phase), a finished run made by the engine itself,
// and the checkpoint probe (the one place these suites touch LibTorch).
#include <QList>
#include <QRectF>
#include <QString>

#include "core/training/training_config.h"
#include "support/tiny_training_config.h"

namespace cxr::test {

// A synthetic Kaggle-layout set of `size` px films in `dir`/data; returns that folder.
QString makeTinyDataSet(const QString& dir, int train = 48, int val = 8, int test = 24, int size = 64);

// Trains a run with the engine's own workflow (no GUI) into `runDir`.
void trainTinyRun(const QString& dataDir, const QString& runDir);

// Number of tensors in a state-dict file (0 when it cannot be read as one).
int checkpointTensorCount(const QString& file);

// Text of a PDF through poppler's pdftotext (empty when the tool fails).
QString pdfText(const QString& pdf);

// Every word of a PDF with its page (from 0) and box in points (pdftotext -bbox), in reading
// order, so a test can check that a figure stands where it belongs, not just somewhere.
struct PdfWord {
    int page = 0;
    QString text;
    QRectF box;
};
QList<PdfWord> pdfWords(const QString& pdf);

}  // namespace cxr::test
