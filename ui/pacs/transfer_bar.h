#pragma once
// TransferBar: the status bar's DICOM corner: the listener indicator (listening as AE on port,
// how many received, or not listening) and, while a retrieve runs, its progress with counts,
// ETA and a Cancel button. It only draws what PacsTransfers reports.
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace cxr::ui {

class TransferBar : public QWidget {
    Q_OBJECT
public:
    explicit TransferBar(QWidget* parent = nullptr);

    void setListener(bool listening, const QString& text);
    void showRetrieve(int done, int total, double etaSeconds);
    void finishRetrieve(const QString& summary);
    QString listenerText() const;
    QString retrieveText() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel* m_listener;
    QProgressBar* m_progress;
    QLabel* m_retrieve;
    QToolButton* m_cancel;
};

}  // namespace cxr::ui
