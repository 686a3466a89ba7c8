#include "core/training/distributed/process_group.h"

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <string>

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/csrc/distributed/c10d/Types.hpp>
#include <torch/csrc/distributed/c10d/Work.hpp>
#include <torch/utils.h>
#ifdef USE_C10D_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include "core/common/error.h"

namespace cxr::training::dist {

struct ProcessGroup::Impl {
    DistEnv env;
    c10::intrusive_ptr<c10d::Store> store;
    // One of the two is set. They are held by their own types because LibTorch 1.13 derives
    // them from c10d::ProcessGroup and 2.x from c10d::Backend; both offer the calls used here.
#ifdef USE_C10D_GLOO
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
#endif
#ifdef USE_C10D_NCCL
    c10::intrusive_ptr<c10d::ProcessGroupNCCL> nccl;
#endif
    at::Device device{at::kCPU};  // where the collectives' tensors must live
    std::size_t bucketCalls = 0;

    bool hasGroup() const {
#ifdef USE_C10D_GLOO
        if (gloo)
            return true;
#endif
#ifdef USE_C10D_NCCL
        if (nccl)
            return true;
#endif
        return false;
    }

    // Runs `call(group)` on whichever backend is connected and waits for its work.
    template <class Call>
    void run(const Call& call) {
#ifdef USE_C10D_GLOO
        if (gloo) {
            call(*gloo)->wait(env.timeout);
            return;
        }
#endif
#ifdef USE_C10D_NCCL
        if (nccl) {
            call(*nccl)->wait(env.timeout);
            return;
        }
#endif
        (void)call;
        throw Error(ErrorCode::Internal, "distributed: no process group is connected");
    }
};

namespace {

std::string causeOf(const std::exception& e) {
    // c10::Error's what() carries a C++ backtrace; the message alone is what a person reads.
    if (const auto* c = dynamic_cast<const c10::Error*>(&e))
        return c->what_without_backtrace();
    return e.what();
}

bool looksLikeTimeout(const std::string& cause) {
    std::string lower = cause;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find("timed out") != std::string::npos || lower.find("timeout") != std::string::npos;
}

// Which peer an operation lost. c10d reports a socket's address, not a rank; in a world of two
// the peer can only be the other rank.
std::string peerOf(const DistEnv& env) {
    if (env.worldSize == 2)
        return "rank " + std::to_string(1 - env.rank);
    return "a peer rank";
}

// What failed, for whom, and why: "rank 0 of 2: all-reduce of gradients failed: lost rank 1
// (connection closed): <c10d's message>", or "... no answer from rank 1 within 20 s: ...".
[[noreturn]] void fail(const DistEnv& env, const std::string& what, const std::exception& e) {
    const std::string cause = causeOf(e);
    const std::string who = "rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize);
    const std::string peer = peerOf(env);
    const std::string reason =
        looksLikeTimeout(cause)
            ? "no answer from " + peer + " within the " + std::to_string(env.timeout.count()) +
                  " s timeout (CXR_DIST_TIMEOUT)"
            : "lost " + peer + " (it stopped or its connection closed)";
    throw Error(ErrorCode::Training, who + ": " + what + " failed: " + reason + ": " + cause);
}

// Runs a c10d step and turns whatever it throws into a cxr::Error naming rank and cause.
template <class Step>
void guarded(const DistEnv& env, const std::string& what, const Step& step) {
    try {
        step();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        fail(env, what, e);
    }
}

std::size_t byteSize(const at::Tensor& t) {
    return static_cast<std::size_t>(t.numel()) * t.element_size();
}

// Packs `tensors` in order into flat buckets (one dtype and device each, at most `bucketBytes`
// unless one tensor alone is larger), hands each flat bucket to `reduce`, and copies the result
// back into the tensors. Gloo reads a vector of tensors as one tensor per device, so a bucket
// must be one flat tensor.
void forEachBucket(const std::vector<at::Tensor>& tensors, std::size_t bucketBytes,
                   const std::function<void(at::Tensor&)>& reduce) {
    torch::NoGradGuard noGrad;
    std::size_t i = 0;
    while (i < tensors.size()) {
        const auto dtype = tensors[i].scalar_type();
        const auto device = tensors[i].device();
        std::size_t j = i, bytes = 0;
        while (j < tensors.size() && tensors[j].scalar_type() == dtype && tensors[j].device() == device &&
               (j == i || bytes + byteSize(tensors[j]) <= bucketBytes)) {
            bytes += byteSize(tensors[j]);
            ++j;
        }
        std::vector<at::Tensor> flatParts;
        flatParts.reserve(j - i);
        for (std::size_t k = i; k < j; ++k)
            flatParts.push_back(tensors[k].detach().reshape({-1}));
        at::Tensor flat = at::cat(flatParts, 0);
        reduce(flat);
        int64_t offset = 0;
        for (std::size_t k = i; k < j; ++k) {
            at::Tensor t = tensors[k].detach();
            t.copy_(flat.narrow(0, offset, t.numel()).view(t.sizes()));
            offset += t.numel();
        }
        i = j;
    }
}

}  // namespace

ProcessGroup::ProcessGroup() : m_impl(std::make_unique<Impl>()) {}
ProcessGroup::~ProcessGroup() = default;
ProcessGroup::ProcessGroup(ProcessGroup&&) noexcept = default;
ProcessGroup& ProcessGroup::operator=(ProcessGroup&&) noexcept = default;

void ProcessGroup::connect(const DistEnv& env) {
    if (m_impl->hasGroup())
        throw Error(ErrorCode::Internal, "distributed: this process group is already connected");
    m_impl->env = env;
    const std::string backend = parseBackend(env.backend);
#ifndef USE_C10D_NCCL
    if (backend == "nccl")
        throw Error(ErrorCode::Unsupported,
                    "distributed backend nccl needs a CUDA build of CXR Studio with NCCL; this build has "
                    "gloo only (use --dist-backend gloo, CPU tensors)");
#endif
#ifndef USE_C10D_GLOO
    if (backend == "gloo")
        throw Error(ErrorCode::Unsupported,
                    "distributed backend gloo is not in this build (Gloo's headers were not found at "
                    "configure time; on Debian install libgloo-dev)");
#endif
    // A peer that dies mid-write would otherwise end this process with SIGPIPE, silently,
    // instead of letting the failed write become an error that names the lost rank.
    std::signal(SIGPIPE, SIG_IGN);

    const auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(env.timeout);
    const std::string who = "rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize);
    const std::string where = env.masterAddr + ":" + std::to_string(env.masterPort);
    const bool serves = env.rank == 0 && !env.agentStore;
    try {
        c10d::TCPStoreOptions options;
        options.port = env.masterPort;
        options.isServer = serves;
        options.numWorkers = static_cast<std::size_t>(env.worldSize);
        // The join is checked below, where a missing rank can be named.
        options.waitWorkers = false;
        options.timeout = timeout;
        // One store per process: a second server on a port in use must fail, not share it.
        options.multiTenant = false;
        auto tcp = c10::make_intrusive<c10d::TCPStore>(env.masterAddr, options);
        // A world of one may have asked the system for a free port: say which it got.
        m_impl->env.masterPort = tcp->getPort();
        const std::string prefix =
            env.agentStore ? "/worker/attempt_" + std::to_string(env.restartCount) + "/cxr" : std::string("cxr");
        m_impl->store = c10::make_intrusive<c10d::PrefixStore>(prefix, tcp);
    } catch (const std::exception& e) {
        throw Error(ErrorCode::Training,
                    serves ? who + ": cannot serve the rendezvous store at " + where + ": " + causeOf(e)
                           : who + ": cannot reach the rendezvous store at " + where + " (rank 0" +
                                 (env.agentStore ? "'s launcher" : "") + ") within the " +
                                 std::to_string(env.timeout.count()) + " s timeout (CXR_DIST_TIMEOUT): " + causeOf(e));
    }
    // Every rank says it is here and waits for the others, so a rank that never comes is named.
    auto joinKey = [](int r) { return "joined/" + std::to_string(r); };
    std::vector<std::string> everyone;
    for (int r = 0; r < env.worldSize; ++r)
        everyone.push_back(joinKey(r));
    try {
        m_impl->store->set(joinKey(env.rank), std::vector<uint8_t>{1});
        m_impl->store->wait(everyone, timeout);
    } catch (const std::exception& e) {
        std::string missing;
        try {
            int count = 0;
            for (int r = 0; r < env.worldSize; ++r)
                if (!m_impl->store->check({joinKey(r)}))
                    missing += std::string(count++ ? ", " : "") + std::to_string(r);
            missing = missing.empty() ? "a peer rank" : (count > 1 ? "ranks " : "rank ") + missing;
        } catch (const std::exception&) {
            missing = env.rank == 0 ? "a peer rank" : "rank 0 (the store)";
        }
        m_impl->store.reset();
        throw Error(ErrorCode::Training, who + ": rendezvous at " + where + " failed: no answer from " + missing +
                                             " within the " + std::to_string(env.timeout.count()) +
                                             " s timeout (CXR_DIST_TIMEOUT): " + causeOf(e));
    }
    guarded(m_impl->env, "connecting the " + backend + " process group", [&] {
#ifdef USE_C10D_GLOO
        if (backend == "gloo") {
            auto options = c10d::ProcessGroupGloo::Options::create(timeout);
            // Like torch.distributed: GLOO_SOCKET_IFNAME picks the interface, else the address
            // this host's name resolves to (loopback when it resolves to nothing usable).
            const char* ifname = std::getenv("GLOO_SOCKET_IFNAME");
            options->devices.push_back(ifname && *ifname
                                           ? c10d::ProcessGroupGloo::createDeviceForInterface(ifname)
                                           : c10d::ProcessGroupGloo::createDefaultDevice());
            m_impl->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(m_impl->store, env.rank, env.worldSize, options);
            m_impl->device = at::Device(at::kCPU);
        }
#endif
#ifdef USE_C10D_NCCL
        if (backend == "nccl") {
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            m_impl->nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(m_impl->store, env.rank, env.worldSize, options);
            m_impl->device = at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(env.localRank));
        }
#endif
    });
}

bool ProcessGroup::hasBackend(const std::string& backend) {
    const std::string name = parseBackend(backend);
#ifdef USE_C10D_GLOO
    if (name == "gloo")
        return true;
#endif
#ifdef USE_C10D_NCCL
    if (name == "nccl")
        return true;
#endif
    return false;
}

bool ProcessGroup::connected() const {
    return m_impl && m_impl->hasGroup();
}

const DistEnv& ProcessGroup::env() const {
    return m_impl->env;
}

int ProcessGroup::rank() const {
    return m_impl->env.rank;
}

int ProcessGroup::worldSize() const {
    return m_impl->env.worldSize;
}

namespace {
void requireConnected(const ProcessGroup& group, const char* what) {
    if (!group.connected())
        throw Error(ErrorCode::Internal, std::string("distributed: ") + what + " before connect()");
}
}  // namespace

void ProcessGroup::broadcastFromRankZero(const std::vector<at::Tensor>& tensors) {
    requireConnected(*this, "broadcast");
    Impl& impl = *m_impl;
    guarded(impl.env, "broadcast of rank 0's weights", [&] {
        forEachBucket(tensors, kDefaultBucketBytes, [&](at::Tensor& flat) {
            std::vector<at::Tensor> one{flat.device() == impl.device ? flat : flat.to(impl.device)};
            c10d::BroadcastOptions options;
            options.rootRank = 0;
            impl.run([&](auto& group) { return group.broadcast(one, options); });
            if (one[0].data_ptr() != flat.data_ptr())
                flat.copy_(one[0]);
        });
    });
}

void ProcessGroup::averageGradients(const std::vector<at::Tensor>& gradients, std::size_t bucketBytes) {
    requireConnected(*this, "gradient all-reduce");
    Impl& impl = *m_impl;
    for (const auto& g : gradients)
        if (!g.defined())
            throw Error(ErrorCode::Internal, "distributed: averageGradients got an undefined gradient");
    const double world = static_cast<double>(impl.env.worldSize);
    guarded(impl.env, "all-reduce of gradients", [&] {
        forEachBucket(gradients, bucketBytes, [&](at::Tensor& flat) {
            std::vector<at::Tensor> one{flat.device() == impl.device ? flat : flat.to(impl.device)};
            c10d::AllreduceOptions options;
            options.reduceOp = c10d::ReduceOp::SUM;
            impl.run([&](auto& group) { return group.allreduce(one, options); });
            ++impl.bucketCalls;
            one[0].div_(world);
            if (one[0].data_ptr() != flat.data_ptr())
                flat.copy_(one[0]);
        });
    });
}

void ProcessGroup::averageParameterGradients(const std::vector<at::Tensor>& parameters, std::size_t bucketBytes) {
    std::vector<at::Tensor> grads;
    grads.reserve(parameters.size());
    for (const auto& p : parameters) {
        if (!p.requires_grad())
            continue;
        // A parameter the forward did not reach has no gradient on this rank but may have one on
        // another; zeros keep every rank's bucket layout the same.
        if (!p.grad().defined())
            const_cast<at::Tensor&>(p).mutable_grad() = at::zeros_like(p);
        grads.push_back(p.grad());
    }
    averageGradients(grads, bucketBytes);
}

namespace {

// The backend's work for one flat tensor; `onDevice` is the tensor the backend reduces (a copy
// on the group's device when `flat` lives elsewhere), copied back into `flat` by wait().
class PendingWork : public PendingReduce {
public:
    PendingWork(DistEnv env, c10::intrusive_ptr<c10d::Work> work, at::Tensor flat, at::Tensor onDevice)
        : m_env(std::move(env)), m_work(std::move(work)), m_flat(std::move(flat)), m_onDevice(std::move(onDevice)) {}

    void wait() override {
        if (!m_work)
            throw Error(ErrorCode::Internal, "distributed: an all-reduce was waited for twice");
        guarded(m_env, "all-reduce of gradients", [&] {
            auto work = std::move(m_work);
            work->wait(std::chrono::duration_cast<std::chrono::milliseconds>(m_env.timeout));
            if (m_onDevice.data_ptr() != m_flat.data_ptr())
                m_flat.copy_(m_onDevice);
        });
    }

private:
    DistEnv m_env;
    c10::intrusive_ptr<c10d::Work> m_work;
    at::Tensor m_flat, m_onDevice;
};

}  // namespace

std::unique_ptr<PendingReduce> ProcessGroup::allReduceSumAsync(const at::Tensor& flat) {
    requireConnected(*this, "gradient all-reduce");
    Impl& impl = *m_impl;
    if (!flat.is_contiguous() || flat.dim() != 1)
        throw Error(ErrorCode::Internal, "distributed: allReduceSumAsync needs one flat contiguous tensor");
    std::unique_ptr<PendingReduce> pending;
    guarded(impl.env, "all-reduce of gradients", [&] {
        std::vector<at::Tensor> one{flat.device() == impl.device ? flat : flat.to(impl.device)};
        c10d::AllreduceOptions options;
        options.reduceOp = c10d::ReduceOp::SUM;
        c10::intrusive_ptr<c10d::Work> work;
#ifdef USE_C10D_GLOO
        if (impl.gloo)
            work = impl.gloo->allreduce(one, options);
#endif
#ifdef USE_C10D_NCCL
        if (impl.nccl)
            work = impl.nccl->allreduce(one, options);
#endif
        if (!work)
            throw Error(ErrorCode::Internal, "distributed: no process group is connected");
        ++impl.bucketCalls;
        pending = std::make_unique<PendingWork>(impl.env, std::move(work), flat, one[0]);
    });
    return pending;
}

std::vector<double> ProcessGroup::allReduceSum(const std::vector<double>& values) {
    requireConnected(*this, "all-reduce of sums");
    if (values.empty())
        return {};
    Impl& impl = *m_impl;
    at::Tensor t = at::tensor(values, at::TensorOptions().dtype(at::kDouble)).to(impl.device);
    guarded(impl.env, "all-reduce of sums", [&] {
        std::vector<at::Tensor> one{t};
        c10d::AllreduceOptions options;
        options.reduceOp = c10d::ReduceOp::SUM;
        impl.run([&](auto& group) { return group.allreduce(one, options); });
    });
    const at::Tensor host = t.to(at::kCPU).contiguous();
    return std::vector<double>(host.data_ptr<double>(), host.data_ptr<double>() + host.numel());
}

void ProcessGroup::barrier() {
    requireConnected(*this, "barrier");
    Impl& impl = *m_impl;
    guarded(impl.env, "barrier", [&] {
        impl.run([&](auto& group) { return group.barrier(c10d::BarrierOptions()); });
    });
}

void ProcessGroup::disconnect() {
    if (!m_impl)
        return;
#ifdef USE_C10D_GLOO
    m_impl->gloo.reset();
#endif
#ifdef USE_C10D_NCCL
    m_impl->nccl.reset();
#endif
    m_impl->store.reset();
}

std::size_t ProcessGroup::gradientBucketCalls() const {
    return m_impl->bucketCalls;
}

}  // namespace cxr::training::dist
