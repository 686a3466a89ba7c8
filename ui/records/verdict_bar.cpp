#include "ui/records/verdict_bar.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/common/qt_convert.h"
#include "ui/diagnosis/review_item.h"

namespace cxr::ui {
namespace {

const QString kOther = QStringLiteral("other");

QString when(const std::string& iso) {
    const QDateTime t = QDateTime::fromString(toQString(iso), Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : toQString(iso);
}

}  // namespace

QString verdictSummary(const records::VerdictRecord& v) {
    QString what;
    if (v.agrees) {
        what = VerdictBar::tr("✓ Agreed with the call");
    } else if (v.label == "other") {
        what = VerdictBar::tr("✗ Disagreed: other (%1)").arg(toQString(v.otherText));
    } else {
        what = VerdictBar::tr("✗ Disagreed: %1").arg(classTitle(toQString(v.label)));
    }
    QString text = VerdictBar::tr("%1 — %2, %3").arg(what, toQString(v.reviewer), when(v.createdAt));
    if (!v.note.empty()) {
        text += QStringLiteral("\n") + VerdictBar::tr("Note: %1").arg(toQString(v.note));
    }
    return text;
}

VerdictBar::VerdictBar(QWidget* parent) : QGroupBox(tr("Your review"), parent) {
    m_agree = new QToolButton(this);
    m_disagree = new QToolButton(this);
    m_history = new QToolButton(this);
    for (QToolButton* b : {m_agree, m_disagree, m_history}) {
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }
    m_agree->setObjectName(QStringLiteral("agreeButton"));
    m_disagree->setObjectName(QStringLiteral("disagreeButton"));
    m_label = new QComboBox(this);
    m_label->setObjectName(QStringLiteral("reviewerLabel"));
    m_other = new QLineEdit(this);
    m_other->setObjectName(QStringLiteral("otherFinding"));
    m_other->setPlaceholderText(tr("What it is instead (e.g. effusion)"));
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("reviewNote"));
    m_note->setPlaceholderText(tr("Optional note"));
    m_note->setClearButtonEnabled(true);
    m_latest = new QLabel(this);
    m_latest->setObjectName(QStringLiteral("latestVerdict"));
    m_latest->setWordWrap(true);
    m_latest->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_label, &QComboBox::currentIndexChanged, this, &VerdictBar::updateOtherField);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_agree);
    buttons->addWidget(m_disagree);
    buttons->addStretch(1);
    buttons->addWidget(m_history);
    auto* form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Your &label:"), m_label);
    form->addRow(tr("&Other:"), m_other);
    form->addRow(tr("&Note:"), m_note);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(form);
    layout->addWidget(m_latest);
    showFilm(nullptr, QString());
}

void VerdictBar::setActions(QAction* agree, QAction* disagree, QAction* history) {
    m_agree->setDefaultAction(agree);
    m_disagree->setDefaultAction(disagree);
    m_history->setDefaultAction(history);
}

void VerdictBar::showFilm(const ReviewItem* item, const QString& unavailable) {
    const bool sameFilm = item && !item->filmSha256.isEmpty() && item->filmSha256 == m_shownSha;
    QStringList classes;
    QString call;
    if (item && item->hasResult()) {
        classes = item->classes;
        call = item->label;
    }
    if (!sameFilm || classes != m_classes || call != m_call) {
        // Another film (or another call): start from the film's own latest verdict, else the call.
        m_classes = classes;
        m_call = call;
        m_shownSha = item ? item->filmSha256 : QString();
        const QSignalBlocker quiet(m_label);
        m_label->clear();
        for (const QString& c : m_classes) {
            m_label->addItem(classTitle(c), c);
        }
        m_label->addItem(tr("Other…"), kOther);
        QString start = m_call;
        if (item && item->verdict) {
            start = toQString(item->verdict->label);
        }
        m_label->setCurrentIndex(std::max(0, m_label->findData(start)));
        m_other->setText(item && item->verdict ? toQString(item->verdict->otherText) : QString());
        m_note->clear();
    }
    updateOtherField();
    const bool usable = unavailable.isEmpty() && item && item->hasResult();
    m_label->setEnabled(usable);
    m_note->setEnabled(usable);
    if (!unavailable.isEmpty()) {
        m_latest->setText(unavailable);
    } else if (item && item->verdict) {
        m_latest->setText(verdictSummary(*item->verdict));
    } else if (item && item->hasResult()) {
        m_latest->setText(tr("Not reviewed yet. A agrees with the call, D gives your label instead."));
    } else {
        m_latest->setText(tr("The verdict buttons work once the film has a call."));
    }
}

QString VerdictBar::disagreeLabel() const {
    const QString chosen = m_label->currentData().toString();
    if (chosen != m_call) {
        return chosen;
    }
    for (const QString& c : m_classes) {
        if (c != m_call) {
            return c;  // two classes: the other one
        }
    }
    return {};
}

QString VerdictBar::otherText() const { return disagreeLabel() == kOther ? m_other->text().trimmed() : QString(); }

QString VerdictBar::note() const { return m_note->text().trimmed(); }

void VerdictBar::askForOtherText() {
    m_other->setEnabled(true);
    m_other->setFocus();
}

void VerdictBar::updateOtherField() {
    const bool other = m_label->currentData().toString() == kOther;
    m_other->setEnabled(other && m_label->isEnabled());
    m_form->setRowVisible(m_other, other);
}

}  // namespace cxr::ui
