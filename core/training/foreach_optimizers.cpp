#include "core/training/foreach_optimizers.h"

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <ATen/Functions.h>
#include <c10/util/string_utils.h>
#include <torch/utils.h>

#include "core/common/error.h"

namespace cxr::training {
namespace {

std::string stateKey(const at::Tensor& p) { return c10::guts::to_string(p.unsafeGetTensorImpl()); }

// The loss a step's closure computes (with autograd on), or an undefined tensor without one.
at::Tensor lossOf(const torch::optim::Optimizer::LossClosure& closure) {
    if (!closure)
        return {};
    at::AutoGradMode enable(true);
    return closure();
}

}  // namespace

ForeachAdam::ForeachAdam(std::vector<at::Tensor> params, torch::optim::AdamOptions options)
    : torch::optim::Adam(std::move(params), options) {
    if (options.amsgrad())
        throw Error(ErrorCode::InvalidInput, "the multi-tensor Adam has no AMSGrad variant");
}

at::Tensor ForeachAdam::step(LossClosure closure) {
    const at::Tensor loss = lossOf(closure);
    at::NoGradGuard noGrad;
    for (auto& group : param_groups_) {
        auto& o = static_cast<torch::optim::AdamOptions&>(group.options());
        const double beta1 = std::get<0>(o.betas()), beta2 = std::get<1>(o.betas());
        std::vector<at::Tensor> params, grads, expAvg, expAvgSq;
        // Bias corrections per tensor: a tensor that had no gradient on some step has fewer.
        std::vector<at::Scalar> bias2Sqrt, stepSizes;
        for (auto& p : group.params()) {
            if (!p.grad().defined())
                continue;
            auto& slot = state_[stateKey(p)];
            if (!slot) {
                auto s = std::make_unique<torch::optim::AdamParamState>();
                s->step(0);
                s->exp_avg(at::zeros_like(p, at::MemoryFormat::Preserve));
                s->exp_avg_sq(at::zeros_like(p, at::MemoryFormat::Preserve));
                slot = std::move(s);
            }
            auto& s = static_cast<torch::optim::AdamParamState&>(*slot);
            s.step(s.step() + 1);
            const auto step = static_cast<double>(s.step());
            bias2Sqrt.emplace_back(std::sqrt(1 - std::pow(beta2, step)));
            stepSizes.emplace_back(-o.lr() / (1 - std::pow(beta1, step)));
            params.push_back(p);
            grads.push_back(p.grad());
            expAvg.push_back(s.exp_avg());
            expAvgSq.push_back(s.exp_avg_sq());
        }
        if (params.empty())
            continue;
        if (o.weight_decay() != 0)
            grads = at::_foreach_add(grads, params, o.weight_decay());
        at::_foreach_mul_(expAvg, beta1);
        at::_foreach_add_(expAvg, grads, 1 - beta1);
        at::_foreach_mul_(expAvgSq, beta2);
        at::_foreach_addcmul_(expAvgSq, grads, grads, 1 - beta2);
        auto denom = at::_foreach_sqrt(expAvgSq);
        at::_foreach_div_(denom, bias2Sqrt);
        at::_foreach_add_(denom, o.eps());
        at::_foreach_addcdiv_(params, expAvg, denom, stepSizes);
    }
    return loss;
}

ForeachSgd::ForeachSgd(std::vector<at::Tensor> params, torch::optim::SGDOptions options)
    : torch::optim::SGD(std::move(params), options) {
    if (options.nesterov() || options.dampening() != 0)
        throw Error(ErrorCode::InvalidInput, "the multi-tensor SGD has no Nesterov or dampening variant");
}

at::Tensor ForeachSgd::step(LossClosure closure) {
    const at::Tensor loss = lossOf(closure);
    at::NoGradGuard noGrad;
    for (auto& group : param_groups_) {
        auto& o = static_cast<torch::optim::SGDOptions&>(group.options());
        std::vector<at::Tensor> params, grads, buffers, bufferGrads;
        for (auto& p : group.params())
            if (p.grad().defined()) {
                params.push_back(p);
                grads.push_back(p.grad());
            }
        if (params.empty())
            continue;
        if (o.weight_decay() != 0)
            grads = at::_foreach_add(grads, params, o.weight_decay());
        if (o.momentum() != 0) {
            // A tensor's first step starts its buffer at the gradient (as torch::optim::SGD does);
            // later steps decay and add in one multi-tensor call.
            std::vector<at::Tensor> steps;
            for (std::size_t i = 0; i < params.size(); ++i) {
                auto& slot = state_[stateKey(params[i])];
                if (!slot) {
                    auto s = std::make_unique<torch::optim::SGDParamState>();
                    s->momentum_buffer(at::clone(grads[i]).detach());
                    steps.push_back(s->momentum_buffer());
                    slot = std::move(s);
                    continue;
                }
                auto& s = static_cast<torch::optim::SGDParamState&>(*slot);
                buffers.push_back(s.momentum_buffer());
                bufferGrads.push_back(grads[i]);
                steps.push_back(s.momentum_buffer());
            }
            if (!buffers.empty()) {
                at::_foreach_mul_(buffers, o.momentum());
                at::_foreach_add_(buffers, bufferGrads, 1.0);
            }
            grads = std::move(steps);
        }
        at::_foreach_add_(params, grads, -o.lr());
    }
    return loss;
}

}  // namespace cxr::training
