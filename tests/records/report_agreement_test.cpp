// The PDF report's reviewer-agreement page: `cxr report RUN --pdf F --reviewer-agreement --db DB`
// (through cxr-report) adds one page whose text carries the model, the matrix of reviewer label
// against model call counted here by hand, and the figures with their Wilson CIs; a model
// without verdicts is refused by name, with the database named too. The training wizard's
// results page offers the same page ("Include reviewer agreement") only when there are verdicts.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QEventLoop>
#include <QTimer>

#include "hardening/cli_process.h"
#include "core/common/json_io.h"
#include "core/common/sha256.h"
#include "core/evaluation/proportion_ci.h"
#include "test_dirs.h"
#include "ui/common/error_reporter.h"
#include "ui/results/results_page.h"

namespace cxr {
namespace {

namespace fs = std::filesystem;

std::string commandOutput(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string out;
    if (!pipe) return out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
    return out;
}

int pagesOf(const fs::path& pdf) {
    std::smatch m;
    const std::string info = commandOutput("pdfinfo '" + pdf.string() + "'");
    return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : -1;
}

std::string textOf(const fs::path& pdf) {
    // -raw: in the order drawn, so a table row stays on one line.
    return commandOutput("pdftotext -raw '" + pdf.string() + "' -");
}

std::string fixed3(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", v);
    return text;
}

class ReportAgreement : public ::testing::Test {
protected:
    void SetUp() override {
        dir = test::scratchDir();
        ::setenv("LC_ALL", "C", 1);  // the report prints numbers in the locale's way: pin it
    }
    test::CliResult cxr(const std::vector<std::string>& args) {
        return test::runCli(args, dir / ("cli-" + std::to_string(++calls) + ".log"), std::chrono::seconds(300));
    }
    fs::path dir;
    int calls = 0;
};

TEST_F(ReportAgreement, TheAgreementPageIsOneMorePageWithTheHandCountedFigures) {
    const fs::path data = dir / "data", run = dir / "run", db = dir / "records.sqlite";
    auto r = cxr({"synth", data.string(), "--train", "16", "--val", "4", "--test", "8", "--size", "64", "--seed", "2323"});
    ASSERT_EQ(r.code, 0) << r.output;
    r = cxr({"train", data.string(), "--out", run.string(), "--device", "cpu", "--epochs", "1", "--batch", "4",
             "--image-size", "32", "--workers", "1", "--threads", "1", "--db", db.string()});
    ASSERT_EQ(r.code, 0) << r.output;
    const std::string model = sha256File(run / "X_ray_classifier.pth");

    // Before any diagnosis by the model: refused, the model and the database named.
    const fs::path empty = dir / "empty.sqlite";
    r = cxr({"records", "--db", empty.string(), "list"});
    ASSERT_EQ(r.code, 0) << r.output;
    r = cxr({"report", run.string(), "--pdf", (dir / "refused.pdf").string(), "--reviewer-agreement", "--db",
             empty.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find(model), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(empty.string()), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "refused.pdf"));

    // The test split's films diagnosed by the run's model, their truth from their folders.
    std::vector<fs::path> films;
    std::map<std::string, std::string> truth;  // sha256 -> folder label
    for (const std::string label : {"NORMAL", "PNEUMONIA"})
        for (const auto& f : fs::directory_iterator(data / "test" / label)) {
            films.push_back(f.path());
            truth[sha256File(f.path())] = label;
        }
    std::sort(films.begin(), films.end());
    std::vector<std::string> predict{"predict", run.string()};
    for (const auto& f : films) predict.push_back(f.string());
    predict.insert(predict.end(), {"--device", "cpu", "--db", db.string()});
    r = cxr(predict);
    ASSERT_EQ(r.code, 0) << r.output;

    // Diagnosed, none reviewed yet: still refused.
    r = cxr({"report", run.string(), "--pdf", (dir / "refused.pdf").string(), "--reviewer-agreement", "--db",
             db.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("no reviewer has given a verdict"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(model), std::string::npos) << r.output;

    r = cxr({"records", "--db", db.string(), "list", "--json"});
    ASSERT_EQ(r.code, 0) << r.output;
    std::map<std::string, std::string> calls;
    for (const auto& row : Json::parse(r.output.substr(r.output.find('['))))
        calls[row.at("film").at("sha256")] = row.at("diagnosis").at("label");
    ASSERT_EQ(calls.size(), 8u);

    // Six reviewed with their folder's label, one "other", two left unreviewed.
    std::int64_t m[2][2] = {{0, 0}, {0, 0}};
    for (std::size_t i = 0; i < films.size(); ++i) {
        const std::string sha = sha256File(films[i]);
        if (i == 2 || i == 5) continue;  // one of each class unreviewed
        if (i == 6) {
            r = cxr({"records", "--db", db.string(), "verdict", sha, "--label", "other", "--other-text", "effusion"});
            ASSERT_EQ(r.code, 0) << r.output;
            continue;
        }
        r = cxr({"records", "--db", db.string(), "verdict", sha, "--label", truth[sha]});
        ASSERT_EQ(r.code, 0) << r.output;
        ++m[truth[sha] == "PNEUMONIA"][calls[sha] == "PNEUMONIA"];
    }
    const std::int64_t agree = m[0][0] + m[1][1], total = m[0][0] + m[0][1] + m[1][0] + m[1][1];
    ASSERT_EQ(total, 5);

    const fs::path plain = dir / "plain.pdf", withPage = dir / "agreement.pdf";
    r = cxr({"report", run.string(), "--pdf", plain.string(), "--examples", "0"});
    ASSERT_EQ(r.code, 0) << r.output;
    r = cxr({"report", run.string(), "--pdf", withPage.string(), "--examples", "0", "--reviewer-agreement", "--db",
             db.string()});
    ASSERT_EQ(r.code, 0) << r.output;
    ASSERT_GT(pagesOf(plain), 0);
    EXPECT_EQ(pagesOf(withPage), pagesOf(plain) + 1);

    const std::string text = textOf(withPage);
    const std::string page = text.substr(std::min(text.size(), text.rfind("Reviewer agreement")));
    ASSERT_NE(text.find("Reviewer agreement"), std::string::npos) << text;
    EXPECT_EQ(textOf(plain).find("Reviewer agreement"), std::string::npos);
    EXPECT_NE(page.find(model), std::string::npos) << page;
    EXPECT_NE(page.find("6 (5 in the matrix, 1 labelled"), std::string::npos) << page;
    EXPECT_NE(page.find("Not yet reviewed 2"), std::string::npos) << page;
    // The matrix rows: reviewer label, the model's NORMAL and PNEUMONIA calls, the row's films.
    for (const int t : {0, 1}) {
        const std::string row = std::string("reviewer ") + (t ? "PNEUMONIA " : "NORMAL ") + std::to_string(m[t][0]) +
                                " " + std::to_string(m[t][1]) + " " + std::to_string(m[t][0] + m[t][1]);
        EXPECT_NE(page.find(row), std::string::npos) << row << "\n" << page;
    }
    // The figures: value, Wilson CI and counts, as evaluation computes them.
    auto figure = [&](const std::string& name, std::int64_t hits, std::int64_t of) {
        if (of == 0) return name + " n/a no films 0 / 0";
        const auto ci = evaluation::wilsonInterval(hits, of);
        return name + " " + fixed3(static_cast<double>(hits) / static_cast<double>(of)) + " " + fixed3(ci.lower) +
               " – " + fixed3(ci.upper) + " " + std::to_string(hits) + " / " + std::to_string(of);
    };
    for (const std::string& line : {figure("agreement", agree, total),
                                    figure("sensitivity (PNEUMONIA)", m[1][1], m[1][0] + m[1][1]),
                                    figure("specificity", m[0][0], m[0][0] + m[0][1])})
        EXPECT_NE(page.find(line), std::string::npos) << line << "\n" << page;
    EXPECT_NE(page.find("research"), std::string::npos) << page;  // the intended-use statement

    // The training wizard's results page: "Include reviewer agreement" is offered once the
    // records (read on a pool thread) have verdicts for the run's model, and adds the page.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "test_records_report";
    static char* argv[] = {name, nullptr};
    QApplication qt(argc, argv);
    ui::ErrorReporter::setInteractive(false);
    auto enter = [](ui::ResultsPage& resultsPage) {
        QEventLoop loop;
        QObject::connect(&resultsPage, &ui::ResultsPage::agreementChecked, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        resultsPage.initializePage();
        loop.exec();
    };
    {
        ui::ResultsPage unreviewed;
        unreviewed.setRecordsFile(empty);
        unreviewed.setRunDirectory(run);
        enter(unreviewed);
        EXPECT_FALSE(unreviewed.agreementBox()->isEnabled());
        EXPECT_TRUE(unreviewed.agreementBox()->toolTip().contains(QString::fromStdString(model)))
            << unreviewed.agreementBox()->toolTip().toStdString();
    }
    ui::ResultsPage resultsPage;
    resultsPage.setRecordsFile(db);
    resultsPage.setRunDirectory(run);
    enter(resultsPage);
    ASSERT_TRUE(resultsPage.agreementBox()->isEnabled()) << resultsPage.agreementBox()->toolTip().toStdString();
    const fs::path guiPlain = dir / "gui-plain.pdf", guiAgreement = dir / "gui-agreement.pdf";
    ASSERT_TRUE(resultsPage.exportReport(QString::fromStdString(guiPlain.string())));
    resultsPage.agreementBox()->setChecked(true);
    ASSERT_TRUE(resultsPage.exportReport(QString::fromStdString(guiAgreement.string())));
    EXPECT_EQ(pagesOf(guiAgreement), pagesOf(guiPlain) + 1);
    const std::string guiText = textOf(guiAgreement);
    EXPECT_NE(guiText.find(figure("agreement", agree, total)), std::string::npos) << guiText;
    EXPECT_EQ(textOf(guiPlain).find("Reviewer agreement"), std::string::npos);
}

}  // namespace
}  // namespace cxr
