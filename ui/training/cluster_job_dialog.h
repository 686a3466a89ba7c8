#pragma once
// ClusterJobDialog: "Export cluster job…" — the fields of a workflows::ClusterJob (nodes, GPUs or
// processes per node, device, time limit, SLURM partition and account, the data and run folders
// and the ImageNet weights as the cluster sees them), a read-only preview of the SLURM batch script as core renders it,
// and Export…, which writes config.json, torchrun.sh and cxr-train.sbatch into a chosen folder
// through core's writeClusterJob. The dialog only draws; every line of the scripts is core's.
#include <filesystem>

#include <QDialog>

#include "core/common/json_io.h"
#include "core/workflows/cluster_job.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace cxr::ui {

class ClusterJobDialog : public QDialog {
    Q_OBJECT
public:
    explicit ClusterJobDialog(QWidget* parent = nullptr);

    // The training config the job runs: a run's config.json (its data folder fills in the data
    // field, its folder name the run folder) or a bare training config.
    void setConfig(const Json& config);
    // setConfig from RUN/config.json; false (the reason reported) when it cannot be read.
    bool setRunDirectory(const std::filesystem::path& runDir);
    // The data folder, run folder and ImageNet weights to start from (the desktop's paths: right
    // on a cluster that mounts the same storage, else the user edits them).
    void setPaths(const QString& dataDir, const QString& runDir, const QString& weights);

    // The job as the fields say it now (not validated).
    workflows::ClusterJob job() const;
    // What the preview shows: the batch script, or empty when a field is invalid.
    QString previewText() const;
    // The reason the job cannot be exported yet (empty: it can).
    QString problem() const;

    // Writes the three files into `folder` (what Export… does after asking for the folder);
    // false with the reason reported when a field is bad or a file exists and !overwrite.
    bool exportTo(const QString& folder, bool overwrite = false);
    QString statusText() const;

    // The fields, for tests.
    QSpinBox* nodesBox() const { return m_nodes; }
    QSpinBox* procsBox() const { return m_procs; }
    QComboBox* deviceBox() const { return m_device; }
    QLineEdit* timeEdit() const { return m_time; }
    QLineEdit* partitionEdit() const { return m_partition; }
    QLineEdit* accountEdit() const { return m_account; }
    QLineEdit* dataEdit() const { return m_data; }
    QLineEdit* runEdit() const { return m_run; }
    QLineEdit* weightsEdit() const { return m_weights; }
    QPushButton* exportButton() const { return m_export; }

private:
    void refresh();
    void askAndExport();

    Json m_config;
    QSpinBox* m_nodes;
    QSpinBox* m_procs;
    QLabel* m_procsLabel;
    QComboBox* m_device;
    QLineEdit* m_time;
    QLineEdit* m_partition;
    QLineEdit* m_account;
    QLineEdit* m_data;
    QLineEdit* m_run;
    QLineEdit* m_weights;
    QSpinBox* m_threads;
    QLineEdit* m_executable;
    QPlainTextEdit* m_preview;
    QLabel* m_problem;
    QLabel* m_status;
    QPushButton* m_export;
};

}  // namespace cxr::ui
