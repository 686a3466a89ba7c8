#pragma once
// GradientReducer: averages a model's gradients over the ranks while the backward pass is still
// running. It owns the bucket layout — the trainable parameters in reverse registration order
// (their gradients become ready roughly back to front), packed into flat buffers of at most
// bucketBytes, one dtype and device each, the same on every rank — a post hook on each trainable
// parameter's gradient accumulator, and the all-reduces under way. As a bucket's last gradient
// arrives it is copied in and its all-reduce starts (buckets start strictly in order, so every
// rank issues the same calls in the same order even when a gradient is missing on one of them);
// finish(), the step's afterBackward, starts what is left, waits, and writes the means into the
// gradients — the same values as ProcessGroup::averageParameterGradients after the backward.
//
// One backward per step (as trainEpoch does): a gradient that arrives twice before finish()
// (several backward passes accumulating) makes that step fall back to averaging after the
// backward. When the trainable set, the parameters or their dtype/device change, the first step
// after the change is averaged after its backward and the layout is rebuilt (prepare() after the
// change avoids that). Gradients reaching these parameters outside training steps would start
// all-reduces: destroy the reducer (it removes its hooks) when training ends.
#include <cstddef>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>

#include "core/training/distributed/process_group.h"

namespace cxr::training::dist {

// What the reducer did since it was made (tests, benchmark, logs).
struct ReducerCounts {
    std::size_t steps = 0;             // finish() calls
    std::size_t bucketsInBackward = 0; // all-reduces started by a hook, while backward ran
    std::size_t bucketsAtFinish = 0;   // started by finish(): a gradient had not come through a hook
    std::size_t layouts = 0;           // bucket layouts built
    std::size_t fallbackSteps = 0;     // steps averaged after the backward only (layout changed, repeated gradient)
};

class GradientReducer {
public:
    // `group` must outlive the reducer. Nothing is hooked until prepare() or the first finish().
    explicit GradientReducer(ProcessGroup& group, std::size_t bucketBytes = kDefaultBucketBytes);
    ~GradientReducer();  // removes its hooks; all-reduces still under way are left to the backend
    GradientReducer(const GradientReducer&) = delete;
    GradientReducer& operator=(const GradientReducer&) = delete;

    // Builds the layout for `parameters` as they train now (requires_grad) and hooks them, so the
    // next backward overlaps. Call between steps only (not during a backward).
    void prepare(const std::vector<at::Tensor>& parameters);

    // After the backward, before the optimizer step, with the same parameters: every trainable
    // parameter's gradient becomes its mean over the ranks (an undefined gradient counts as zeros
    // and is defined). Throws cxr::Error naming the lost rank when a peer fails, within the
    // run's timeout.
    void finish(const std::vector<at::Tensor>& parameters);

    ReducerCounts counts() const;
    std::size_t bucketCount() const;

private:
    struct State;
    std::shared_ptr<State> m_state;  // shared with the hooks, which hold it weakly
};

}  // namespace cxr::training::dist
