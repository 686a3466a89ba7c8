#pragma once
// Loads a training checkpoint the way CXR Studio does (strict state dict into a ResNet18), so
// the hardening tests need no LibTorch headers of their own.
#include <filesystem>
#include <string>
#include <vector>

namespace cxr::test {

// Empty when `file` loads strictly into a 2-class ResNet18 and every value is finite; else the
// reason it does not.
std::string checkpointProblem(const std::filesystem::path& file);

// Empty when the two state-dict files hold the same names and tensors, in the same order; else
// the first difference.
std::string weightsDifference(const std::filesystem::path& a, const std::filesystem::path& b);

// Exports an untrained ResNet18 for `classes` as a model folder (exportModelBundle).
void exportUntrainedBundle(const std::filesystem::path& dir, const std::vector<std::string>& classes);

}  // namespace cxr::test
