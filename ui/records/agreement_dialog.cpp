#include "ui/records/agreement_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/workflows/about.h"
#include "ui/common/background.h"
#include "ui/common/error_reporter.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"
#include "ui/records/shared_records.h"

namespace cxr::ui {
namespace {

struct Loaded {
    std::vector<workflows::AgreementStats> stats;
    QString error;
};

QString percentWithCi(double value, const evaluation::ConfidenceInterval& ci, std::int64_t n) {
    if (n == 0) {
        return AgreementDialog::tr("no films");
    }
    return AgreementDialog::tr("%1 % (95 % CI %2–%3 %)")
        .arg(localeNumber(100.0 * value, 1), localeNumber(100.0 * ci.lower, 1), localeNumber(100.0 * ci.upper, 1));
}

}  // namespace

AgreementDialog::AgreementDialog(std::shared_ptr<SharedRecords> records, const QString& preferredModel, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Reviewer Agreement"));
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("agreementModel"));
    m_heading = new QLabel(tr("Reading the review records…"), this);
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_matrix = new QTableWidget(3, 3, this);
    m_matrix->setObjectName(QStringLiteral("agreementMatrix"));
    m_matrix->setHorizontalHeaderLabels({tr("Model: Normal"), tr("Model: Pneumonia"), tr("Total")});
    m_matrix->setVerticalHeaderLabels({tr("Reviewer: Normal"), tr("Reviewer: Pneumonia"), tr("Total")});
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrix->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_matrix->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_matrix->setFixedHeight(m_matrix->horizontalHeader()->sizeHint().height() + 3 * m_matrix->verticalHeader()->defaultSectionSize() +
                             2 * m_matrix->frameWidth() + 2);
    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("agreementFigures"));
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* note = new QLabel(tr("Rows are the reviewers' latest labels (taken as the truth), columns the model's latest "
                               "call; verdicts labelled Other are counted but left out of the matrix. %1")
                                .arg(tr("Research and teaching only. Not for diagnostic use.")),
                            this);
    note->setWordWrap(true);
    note->setToolTip(termText(workflows::kIntendedUse));
    QFont small = note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    note->setFont(small);

    auto* form = new QFormLayout;
    form->addRow(tr("&Model:"), m_model);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_heading);
    layout->addWidget(m_matrix);
    layout->addWidget(m_figures);
    layout->addStretch(1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(640, 460);
    connect(m_model, &QComboBox::currentIndexChanged, this, &AgreementDialog::showModel);

    runInBackground(
        this,
        [records] {
            Loaded l;
            try {
                l.stats = records->with([](const records::RecordsDb& db) { return workflows::agreementStats(db); });
            } catch (...) {
                l.error = ErrorReporter::describeCurrent();
            }
            return l;
        },
        [this, preferredModel](const Loaded& l) {
            m_loaded = true;
            if (!l.error.isEmpty()) {
                m_heading->setText(l.error);
                m_matrix->hide();
                return;
            }
            m_stats = l.stats;
            if (m_stats.empty()) {
                m_heading->setText(tr("No model has diagnosed films here yet: open films with a model loaded, then "
                                      "review them with Agree (A) and Disagree (D)."));
                m_matrix->hide();
                m_model->setEnabled(false);
                return;
            }
            int preferred = 0;
            const QSignalBlocker quiet(m_model);
            for (int i = 0; i < static_cast<int>(m_stats.size()); ++i) {
                m_model->addItem(tr("%1 (%2)").arg(toQString(m_stats[i].modelName), toQString(m_stats[i].modelSha256).left(12)));
                if (toQString(m_stats[i].modelSha256) == preferredModel) preferred = i;
            }
            m_model->setCurrentIndex(preferred);
            showModel(preferred);
        });
}

void AgreementDialog::showModel(int index) {
    if (index < 0 || index >= static_cast<int>(m_stats.size())) {
        return;
    }
    const workflows::AgreementStats& s = m_stats[static_cast<std::size_t>(index)];
    m_heading->setText(tr("%1 — SHA-256 %2\n%3 film(s) reviewed, %4 diagnosed but not reviewed, %5 labelled Other.")
                           .arg(toQString(s.modelName), toQString(s.modelSha256))
                           .arg(s.reviewed)
                           .arg(s.unreviewed)
                           .arg(s.otherLabels));
    const evaluation::ConfusionMatrix& m = s.confusion;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            std::int64_t n = 0;
            if (r < 2 && c < 2) n = m.at(r, c);
            else if (r < 2) n = m.support(r);
            else if (c < 2) n = m.predicted(c);
            else n = m.total();
            auto* cell = new QTableWidgetItem(QString::number(n));
            cell->setTextAlignment(Qt::AlignCenter);
            if (r < 2 && c < 2) {
                cell->setBackground(r == c ? QColor(0xd5, 0xf5, 0xe3) : QColor(0xfa, 0xdb, 0xd8));
                QFont bold = cell->font();
                bold.setBold(true);
                cell->setFont(bold);
            }
            m_matrix->setItem(r, c, cell);
        }
    }
    m_matrix->show();
    const std::int64_t positives = m.support(1), negatives = m.support(0);
    m_figures->setText(tr("Sensitivity (reviewer Pneumonia called Pneumonia): %1\n"
                          "Specificity (reviewer Normal called Normal): %2\n"
                          "Agreement: %3")
                           .arg(percentWithCi(s.sensitivity, s.sensitivityCi, positives),
                                percentWithCi(s.specificity, s.specificityCi, negatives),
                                percentWithCi(s.agreement, s.agreementCi, m.total())));
}

QString AgreementDialog::figuresText() const { return m_heading->text() + QLatin1Char('\n') + m_figures->text(); }

}  // namespace cxr::ui
