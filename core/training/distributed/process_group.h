#pragma once
// ProcessGroup: this process's membership in a distributed run and the collectives training
// needs — the initial weights from rank 0, gradients averaged over the ranks in flat buckets,
// a few sums for validation, a barrier. It owns the rendezvous store (rank 0 serves it) and
// LibTorch's c10d process group (Gloo on CPU; NCCL where the build has CUDA and NCCL), kept out
// of this header. A peer that dies or never comes ends the call with cxr::Error within the
// DistEnv's timeout instead of a hang.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "core/training/distributed/dist_env.h"

namespace cxr::training::dist {

// About 25 MB a bucket, like DDP's default: big enough that a call's fixed cost is small, small
// enough that one flat copy of a bucket is cheap beside the gradients themselves.
inline constexpr std::size_t kDefaultBucketBytes = 25u * 1024u * 1024u;

// An all-reduce under way (ProcessGroup::allReduceSumAsync); it owns the backend's work. wait()
// blocks until the sum is in the tensor, within the run's timeout, or throws cxr::Error naming
// the lost rank like the synchronous calls. Destroying it without wait() leaves the call running
// in the backend, which keeps its tensor alive.
class PendingReduce {
public:
    virtual ~PendingReduce() = default;
    virtual void wait() = 0;
};

class ProcessGroup {
public:
    ProcessGroup();
    ~ProcessGroup();
    ProcessGroup(ProcessGroup&&) noexcept;
    ProcessGroup& operator=(ProcessGroup&&) noexcept;
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    // Joins the run: rank 0 serves the store at masterAddr:masterPort and waits for the others,
    // every rank then builds the backend. Throws cxr::Error(Training) when the rendezvous does
    // not complete within env.timeout, (Unsupported) for nccl in a build without it, or for gloo
    // in a build without Gloo's headers.
    void connect(const DistEnv& env);
    bool connected() const;
    // Whether this build can connect with `backend` ("gloo": Gloo's headers were found at
    // configure time; "nccl": a CUDA build with NCCL).
    static bool hasBackend(const std::string& backend);
    const DistEnv& env() const;
    int rank() const;
    int worldSize() const;

    // Overwrites every tensor with rank 0's values (initial parameters and buffers). In place.
    void broadcastFromRankZero(const std::vector<at::Tensor>& tensors);

    // Replaces each gradient by its mean over the ranks. Gradients are packed in order into flat
    // buckets of at most `bucketBytes` (a larger single gradient is a bucket of its own; a
    // bucket holds one dtype and device), one all-reduce per bucket, and copied back. In place.
    void averageGradients(const std::vector<at::Tensor>& gradients, std::size_t bucketBytes = kDefaultBucketBytes);

    // The gradients of `parameters` that train (requires_grad): undefined ones are set to zeros
    // first, so every rank reduces the same list, then averageGradients.
    void averageParameterGradients(const std::vector<at::Tensor>& parameters,
                                   std::size_t bucketBytes = kDefaultBucketBytes);

    // Starts summing the flat tensor `flat` over the ranks in place and returns at once (Gloo
    // runs the call on its own threads; NCCL on its stream), so a caller can go on computing, as
    // GradientReducer does during the backward pass. Every rank must start the same calls in the
    // same order. Counted in gradientBucketCalls.
    std::unique_ptr<PendingReduce> allReduceSumAsync(const at::Tensor& flat);

    // Element-wise sums over the ranks (validation counts and loss sums), in double.
    std::vector<double> allReduceSum(const std::vector<double>& values);

    void barrier();

    // Leaves the run (also done by the destructor).
    void disconnect();

    // How many gradient all-reduce calls averageGradients and allReduceSumAsync made since
    // connect (tests, benchmark).
    std::size_t gradientBucketCalls() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cxr::training::dist
