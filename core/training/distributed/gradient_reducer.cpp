#include "core/training/distributed/gradient_reducer.h"

#include <cstdint>
#include <exception>
#include <mutex>
#include <utility>

#include <ATen/ATen.h>
#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/function_hook.h>
#include <torch/csrc/autograd/variable.h>

#include "core/common/error.h"

namespace cxr::training::dist {
namespace {

std::size_t byteSize(const at::Tensor& t) {
    return static_cast<std::size_t>(t.numel()) * t.element_size();
}

}  // namespace

struct GradientReducer::State {
    // A trainable parameter's place in its bucket's flat buffer.
    struct Slot {
        std::size_t param = 0;   // index into `params`
        std::size_t bucket = 0;
        int64_t offset = 0, numel = 0;
    };
    // One flat buffer and the all-reduce that sums it.
    struct Bucket {
        at::Tensor flat;
        std::vector<std::size_t> slots;
        std::size_t waiting = 0;  // slots whose gradient has not arrived this step
        std::unique_ptr<PendingReduce> work;
    };
    // The post hook placed on one parameter's gradient accumulator (held, so the hook stays).
    struct Hook {
        std::shared_ptr<torch::autograd::Node> accumulator;
        std::uintptr_t key = 0;
    };
    enum class Step { Idle, Overlapping, AfterBackward };

    ProcessGroup* group = nullptr;
    std::size_t bucketBytes = kDefaultBucketBytes;
    std::mutex mutex;  // hooks may run on autograd's device threads

    std::vector<at::Tensor> params;  // as given to the last layout, in registration order
    std::vector<bool> trainable;     // their requires_grad then
    std::vector<Hook> hooks;         // per parameter; empty accumulator = not hooked
    std::vector<Slot> slots;
    std::vector<int64_t> slotOf;     // per parameter: its slot, or -1 when frozen
    std::vector<Bucket> buckets;

    // This step.
    Step step = Step::Idle;
    std::vector<bool> arrived;  // per slot
    std::size_t nextLaunch = 0;
    bool repeated = false;      // a gradient arrived twice: more than one backward before finish
    std::exception_ptr hookError;
    ReducerCounts counts;

    // Whether the layout still describes `ps`: the same tensors, trainable the same way, same
    // dtype, device and size.
    bool fits(const std::vector<at::Tensor>& ps) const {
        if (ps.size() != params.size())
            return false;
        for (std::size_t i = 0; i < ps.size(); ++i) {
            const at::Tensor& now = ps[i];
            const at::Tensor& then = params[i];
            if (!now.is_same(then) || now.requires_grad() != trainable[i])
                return false;
            if (trainable[i] && (now.scalar_type() != buckets[slots[slotOf[i]].bucket].flat.scalar_type() ||
                                 now.device() != buckets[slots[slotOf[i]].bucket].flat.device() ||
                                 now.numel() != slots[slotOf[i]].numel))
                return false;
        }
        return true;
    }

    bool trainableSetUnchanged() const {
        for (std::size_t i = 0; i < params.size(); ++i)
            if (params[i].requires_grad() != trainable[i])
                return false;
        return true;
    }

    at::Tensor slotView(const Slot& s) const {
        const at::Tensor& p = params[s.param];
        return buckets[s.bucket].flat.narrow(0, s.offset, s.numel).view(p.sizes());
    }

    // The parameter's gradient as it stands, into its slot (zeros when it has none).
    void copyIn(const Slot& s) {
        at::Tensor view = slotView(s);
        const at::Tensor& g = params[s.param].grad();
        if (g.defined())
            view.copy_(g);
        else
            view.zero_();
    }

    void launch(std::size_t b) {
        buckets[b].work = group->allReduceSumAsync(buckets[b].flat);
    }

    // Starts every bucket whose gradients are all in, strictly in order.
    void launchReady() {
        while (nextLaunch < buckets.size() && buckets[nextLaunch].waiting == 0) {
            launch(nextLaunch++);
            ++counts.bucketsInBackward;
        }
    }

    // A hook: the gradient of parameter `index` has just been accumulated into its .grad.
    void onGradient(std::size_t index) {
        std::lock_guard<std::mutex> lock(mutex);
        if (hookError)
            return;
        try {
            if (step == Step::Idle)
                step = trainableSetUnchanged() ? Step::Overlapping : Step::AfterBackward;
            if (step != Step::Overlapping || index >= slotOf.size() || slotOf[index] < 0)
                return;
            const auto slot = static_cast<std::size_t>(slotOf[index]);
            if (arrived[slot]) {
                // A second backward before finish(): what was sent is stale; finish() sends all again.
                repeated = true;
                step = Step::AfterBackward;
                return;
            }
            arrived[slot] = true;
            copyIn(slots[slot]);
            --buckets[slots[slot].bucket].waiting;
            launchReady();
        } catch (...) {
            // Thrown through autograd it would lose its kind; finish() rethrows it.
            hookError = std::current_exception();
        }
    }

    void unhookAll() {
        for (Hook& h : hooks)
            if (h.accumulator)
                h.accumulator->del_post_hook(h.key);
        hooks.clear();
    }

    // Runs after autograd accumulated one parameter's gradient: tells the reducer, if alive.
    class ReadyHook : public torch::autograd::FunctionPostHook {
    public:
        ReadyHook(std::weak_ptr<State> state, std::size_t index) : m_state(std::move(state)), m_index(index) {}
        torch::autograd::variable_list operator()(const torch::autograd::variable_list& outputs,
                                                  const torch::autograd::variable_list& /*inputs*/) override {
            if (auto state = m_state.lock())
                state->onGradient(m_index);
            return outputs;
        }

    private:
        std::weak_ptr<State> m_state;
        std::size_t m_index;
    };

    void hook(std::size_t index, const std::shared_ptr<State>& self) {
        auto accumulator = torch::autograd::impl::grad_accumulator(params[index]);
        if (!accumulator)
            throw Error(ErrorCode::Internal, "distributed: a trainable parameter has no gradient accumulator");
        hooks[index].key = accumulator->add_post_hook(std::make_unique<ReadyHook>(self, index));
        hooks[index].accumulator = std::move(accumulator);
    }

    // Hooks every trainable parameter whose accumulator is not hooked by this reducer (new ones,
    // or ones whose accumulator autograd replaced, e.g. after a move to another device).
    void hookTrainable(const std::shared_ptr<State>& self) {
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (!params[i].requires_grad())
                continue;
            const auto current = torch::autograd::impl::try_get_grad_accumulator(params[i]);
            if (hooks[i].accumulator && current == hooks[i].accumulator)
                continue;
            if (hooks[i].accumulator)
                hooks[i].accumulator->del_post_hook(hooks[i].key);
            hooks[i] = Hook{};
            hook(i, self);
        }
    }

    void build(const std::vector<at::Tensor>& ps, const std::shared_ptr<State>& self) {
        bool sameTensors = ps.size() == params.size();
        for (std::size_t i = 0; sameTensors && i < ps.size(); ++i)
            sameTensors = ps[i].is_same(params[i]);
        if (!sameTensors) {
            unhookAll();
            hooks.assign(ps.size(), Hook{});
        }
        params = ps;
        trainable.assign(ps.size(), false);
        slotOf.assign(ps.size(), -1);
        slots.clear();
        buckets.clear();
        std::size_t bucketBytesSoFar = 0;
        for (std::size_t k = ps.size(); k-- > 0;) {
            const at::Tensor& p = ps[k];
            if (!p.requires_grad())
                continue;
            trainable[k] = true;
            const bool startNew = buckets.empty() || buckets.back().flat.scalar_type() != p.scalar_type() ||
                                  buckets.back().flat.device() != p.device() ||
                                  (!buckets.back().slots.empty() && bucketBytesSoFar + byteSize(p) > bucketBytes);
            if (startNew) {
                buckets.emplace_back();
                // A placeholder holding dtype and device until the size is known.
                buckets.back().flat = at::empty({0}, p.options().requires_grad(false));
                bucketBytesSoFar = 0;
            }
            Bucket& b = buckets.back();
            Slot s;
            s.param = k;
            s.bucket = buckets.size() - 1;
            s.offset = b.slots.empty() ? 0 : slots[b.slots.back()].offset + slots[b.slots.back()].numel;
            s.numel = p.numel();
            slotOf[k] = static_cast<int64_t>(slots.size());
            b.slots.push_back(slots.size());
            slots.push_back(s);
            bucketBytesSoFar += byteSize(p);
        }
        for (Bucket& b : buckets) {
            const Slot& last = slots[b.slots.back()];
            b.flat = at::empty({last.offset + last.numel}, b.flat.options().memory_format(at::MemoryFormat::Contiguous));
        }
        hookTrainable(self);
        ++counts.layouts;
        resetStep();
    }

    void resetStep() {
        step = Step::Idle;
        arrived.assign(slots.size(), false);
        for (Bucket& b : buckets) {
            b.waiting = b.slots.size();
            b.work.reset();
        }
        nextLaunch = 0;
        repeated = false;
        hookError = nullptr;
    }

    // Waits for what was started and throws its result away (a step that starts again).
    void drain() {
        for (std::size_t b = 0; b < nextLaunch; ++b)
            if (buckets[b].work)
                buckets[b].work->wait();
        for (Bucket& b : buckets)
            b.work.reset();
        nextLaunch = 0;
        arrived.assign(slots.size(), false);
        for (Bucket& b : buckets)
            b.waiting = b.slots.size();
    }
};

GradientReducer::GradientReducer(ProcessGroup& group, std::size_t bucketBytes) : m_state(std::make_shared<State>()) {
    if (bucketBytes == 0)
        throw Error(ErrorCode::InvalidInput, "distributed: a gradient bucket needs a size above 0 bytes");
    m_state->group = &group;
    m_state->bucketBytes = bucketBytes;
}

GradientReducer::~GradientReducer() {
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->unhookAll();
}

void GradientReducer::prepare(const std::vector<at::Tensor>& parameters) {
    State& s = *m_state;
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.step != State::Step::Idle || s.nextLaunch > 0)
        throw Error(ErrorCode::Internal, "distributed: GradientReducer::prepare during a step (before its finish)");
    if (!s.fits(parameters) || s.counts.layouts == 0)
        s.build(parameters, m_state);
    else
        s.hookTrainable(m_state);
}

void GradientReducer::finish(const std::vector<at::Tensor>& parameters) {
    State& s = *m_state;
    std::lock_guard<std::mutex> lock(s.mutex);
    struct ResetAtExit {  // the next step starts clean, also after an error
        State& s;
        ~ResetAtExit() { s.resetStep(); }
    } resetAtExit{s};
    if (s.hookError)
        std::rethrow_exception(s.hookError);
    ++s.counts.steps;
    if (s.counts.layouts == 0 || !s.fits(parameters)) {
        // The trainable set (or the tensors) changed since the layout: averaged after the
        // backward in a new layout. Every rank sees the same change at the same step.
        s.drain();
        s.build(parameters, m_state);
        ++s.counts.fallbackSteps;
    } else if (s.repeated || s.step == State::Step::AfterBackward) {
        s.drain();
        ++s.counts.fallbackSteps;
    }
    at::NoGradGuard noGrad;
    // What no hook brought (an unused parameter, a rank where the forward skipped it, a step
    // that fell back) is read now; the buckets still start in order.
    for (std::size_t b = s.nextLaunch; b < s.buckets.size(); ++b) {
        for (std::size_t slot : s.buckets[b].slots)
            if (!s.arrived[slot])
                s.copyIn(s.slots[slot]);
        s.launch(b);
        ++s.counts.bucketsAtFinish;
    }
    s.nextLaunch = s.buckets.size();
    const double world = static_cast<double>(s.group->worldSize());
    for (State::Bucket& b : s.buckets) {
        b.work->wait();
        b.work.reset();
        b.flat.div_(world);
        for (std::size_t slot : b.slots) {
            const State::Slot& sl = s.slots[slot];
            at::Tensor& p = s.params[sl.param];
            if (!p.grad().defined())
                p.mutable_grad() = at::zeros_like(p);
            p.mutable_grad().copy_(s.slotView(sl));
        }
    }
    // Autograd may have replaced an accumulator (a move to another device): hook the new one.
    s.hookTrainable(m_state);
}

ReducerCounts GradientReducer::counts() const {
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->counts;
}

std::size_t GradientReducer::bucketCount() const {
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->buckets.size();
}

}  // namespace cxr::training::dist
