#pragma once
// Diagnoser: a loaded model bundle and the one call from a film to a Diagnosis. Owns the
// network (eval mode, parameters frozen), its preprocessing spec, threshold and temperature.
// No LibTorch in this header (pimpl): the GUI includes it.
//
// Thread safety: diagnose() is const and may run concurrently from several threads on one
// Diagnoser. The network is only read (eval-mode batch norm updates nothing); each call builds
// its own autograd graph and takes gradients with torch::autograd::grad, which never writes
// parameter .grad fields. Each call sets up LibTorch's thread count for its thread itself.
#include <filesystem>
#include <memory>
#include <string>

#include "core/diagnosis/diagnosis.h"
#include "core/imaging/film.h"
#include "core/imaging/load_film.h"

namespace cxr::diagnosis {

class Diagnoser {
public:
    // `model`: a run or export directory, or a seed X_ray_classifier.pth with its class map
    // beside it (see model::loadModelBundle). `device`: "auto", "cpu", "cuda", "cuda:N".
    // Throws cxr::Error naming the file when the model cannot be loaded.
    explicit Diagnoser(const std::filesystem::path& model, const std::string& device = "auto");
    ~Diagnoser();
    Diagnoser(Diagnoser&&) noexcept;
    Diagnoser& operator=(Diagnoser&&) noexcept;
    Diagnoser(const Diagnoser&) = delete;
    Diagnoser& operator=(const Diagnoser&) = delete;

    // 8-bit raster films reach the model as stored (their display mapping is the identity);
    // DICOM and 16-bit films through their display window. Then the bundle's resize and
    // normalisation, softmax(logits / temperature), the call at the threshold, and the CAM of
    // the call's class registered to the film. Throws cxr::Error (InvalidInput for an empty
    // film or bad options, Model when the network fails).
    Diagnosis diagnose(const imaging::Film& film, const DiagnoseOptions& options = {}) const;

    // Loads `file` with loadOptions() (the model's chain: full resolution), then diagnose();
    // timingsMs["load"] is the decode.
    Diagnosis diagnoseFile(const std::filesystem::path& file, const DiagnoseOptions& options = {}) const;

    // Decoding options of the model's preprocessing chain (data::FilmPreprocessor): a film
    // loaded with them gives the pixels `cxr evaluate` measured the model on.
    imaging::LoadOptions loadOptions() const;

    const ModelInfo& info() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cxr::diagnosis
