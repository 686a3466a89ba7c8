#pragma once
// VerdictBar: the reviewer's side of the film on screen: Agree / Disagree with the model's call
// (the window's actions, so their keys work from anywhere), the reviewer's own label (Normal,
// Pneumonia or Other with a text), an optional note, and the film's latest verdict. It only
// shows and collects; MainWindow records through RecordsSession.
#include <optional>

#include <QGroupBox>

#include "core/records/records_db.h"

class QAction;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace cxr::ui {

struct ReviewItem;

class VerdictBar : public QGroupBox {
    Q_OBJECT
public:
    explicit VerdictBar(QWidget* parent = nullptr);

    void setActions(QAction* agree, QAction* disagree, QAction* history);
    // The film on screen (null: none). `unavailable`: why verdicts cannot be kept now (records
    // off, no call yet), shown instead of the buttons' effect; empty when they can.
    void showFilm(const ReviewItem* item, const QString& unavailable);

    // What a verdict records besides agree/disagree. The label for a disagreement: the chosen
    // one, or when that is the model's own call, the other class ("" when there is none).
    QString disagreeLabel() const;
    QString otherText() const;
    QString note() const;
    // Focuses the "Other" text (a disagreement labelled Other needs it).
    void askForOtherText();

private:
    void updateOtherField();

    QToolButton* m_agree = nullptr;
    QToolButton* m_disagree = nullptr;
    QToolButton* m_history = nullptr;
    QComboBox* m_label = nullptr;
    QLineEdit* m_other = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_latest = nullptr;
    QFormLayout* m_form = nullptr;
    QString m_call;          // the model's call on the film shown (class name)
    QStringList m_classes;   // the model's classes
    QString m_shownSha;      // the film the fields belong to (kept while it stays on screen)
};

// "✓ Agreed" / "✗ Normal — note", with who and when, for people.
QString verdictSummary(const records::VerdictRecord& verdict);

}  // namespace cxr::ui
