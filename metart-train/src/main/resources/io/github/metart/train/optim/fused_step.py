class MetartFusedStep(Module):
  __parameters__ = []
  __buffers__ = []
  training : bool
  def forward(self: __torch__.MetartFusedStep, x: Tensor) -> Tensor:
    return x
  def gradients(self: __torch__.MetartFusedStep, losses: List[Tensor], weights: List[float], flat: List[Tensor], n: int) -> List[Tensor]:
    total: List[Tensor] = []
    for k in range(len(losses)):
      replica = flat[k * n:(k + 1) * n]
      seeds: List[Optional[Tensor]] = [torch.full_like(losses[k], weights[k])]
      raw = torch.autograd.grad([losses[k]], replica, seeds, None, False, True)
      for i in range(n):
        r = raw[i]
        if r is None:
          g = torch.zeros_like(flat[i])
        else:
          g = r.to(flat[i].device).contiguous()
        if k == 0:
          total.append(g)
        else:
          total[i].add_(g)
    return total
  def gradients_with(self: __torch__.MetartFusedStep, losses: List[Tensor], weights: List[float], flat: List[Tensor], n: int, accumulated: bool) -> List[Tensor]:
    grads = self.gradients(losses, weights, flat, n)
    if accumulated:
      previous = torch.is_grad_enabled()
      torch.set_grad_enabled(False)
      for k in range(len(flat) // n):
        for i in range(n):
          held = flat[k * n + i].grad
          if held is not None:
            grads[i].add_(held.to(grads[i].device))
            held.zero_()
      torch.set_grad_enabled(previous)
    return grads
  def clip(self: __torch__.MetartFusedStep, grads: List[Tensor], max_norm: float, max_value: float) -> float:
    norm = -1.0
    if max_value > 0.0:
      torch._foreach_clamp_min_(grads, -max_value)
      torch._foreach_clamp_max_(grads, max_value)
    if max_norm > 0.0:
      norm = float(torch.stack(torch._foreach_norm(grads)).norm())
      coefficient = max_norm / (norm + 1e-6)
      if coefficient < 1.0:
        torch._foreach_mul_(grads, coefficient)
    return norm
  def broadcast(self: __torch__.MetartFusedStep, flat: List[Tensor], n: int) -> None:
    k = n
    while k < len(flat):
      flat[k].copy_(flat[k % n])
      k += 1
  def sgd(self: __torch__.MetartFusedStep, params: List[Tensor], grads: List[Tensor], bufs: List[Tensor], lr: float, momentum: float, weight_decay: float, nesterov: bool, first_step: bool) -> None:
    if momentum == 0.0:
      no_bufs: List[Tensor] = []
      torch._fused_sgd_(params, grads, no_bufs, weight_decay=weight_decay, momentum=0.0, lr=lr, dampening=0.0, nesterov=False, maximize=False, is_first_step=first_step)
    else:
      torch._fused_sgd_(params, grads, bufs, weight_decay=weight_decay, momentum=momentum, lr=lr, dampening=0.0, nesterov=nesterov, maximize=False, is_first_step=first_step)
  def adam(self: __torch__.MetartFusedStep, params: List[Tensor], grads: List[Tensor], exp_avgs: List[Tensor], exp_avg_sqs: List[Tensor], steps: List[Tensor], lr: float, beta1: float, beta2: float, eps: float, weight_decay: float, decoupled: bool) -> None:
    no_max: List[Tensor] = []
    torch._foreach_add_(steps, 1.0)
    if decoupled:
      torch._fused_adamw_(params, grads, exp_avgs, exp_avg_sqs, no_max, steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False)
    else:
      torch._fused_adam_(params, grads, exp_avgs, exp_avg_sqs, no_max, steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False)
  def sgd_step(self: __torch__.MetartFusedStep, losses: List[Tensor], weights: List[float], flat: List[Tensor], bufs: List[Tensor], n: int, lr: float, momentum: float, weight_decay: float, nesterov: bool, first_step: bool, max_norm: float, max_value: float, accumulated: bool) -> float:
    grads = self.gradients_with(losses, weights, flat, n, accumulated)
    previous = torch.is_grad_enabled()
    torch.set_grad_enabled(False)
    norm = self.clip(grads, max_norm, max_value)
    self.sgd(flat[0:n], grads, bufs, lr, momentum, weight_decay, nesterov, first_step)
    self.broadcast(flat, n)
    torch.set_grad_enabled(previous)
    return norm
  def adam_step(self: __torch__.MetartFusedStep, losses: List[Tensor], weights: List[float], flat: List[Tensor], exp_avgs: List[Tensor], exp_avg_sqs: List[Tensor], steps: List[Tensor], n: int, lr: float, beta1: float, beta2: float, eps: float, weight_decay: float, decoupled: bool, max_norm: float, max_value: float, accumulated: bool) -> float:
    grads = self.gradients_with(losses, weights, flat, n, accumulated)
    previous = torch.is_grad_enabled()
    torch.set_grad_enabled(False)
    norm = self.clip(grads, max_norm, max_value)
    self.adam(flat[0:n], grads, exp_avgs, exp_avg_sqs, steps, lr, beta1, beta2, eps, weight_decay, decoupled)
    self.broadcast(flat, n)
    torch.set_grad_enabled(previous)
    return norm
  def sgd_apply(self: __torch__.MetartFusedStep, params: List[Tensor], grads: List[Tensor], bufs: List[Tensor], lr: float, momentum: float, weight_decay: float, nesterov: bool, first_step: bool) -> None:
    previous = torch.is_grad_enabled()
    torch.set_grad_enabled(False)
    self.sgd(params, grads, bufs, lr, momentum, weight_decay, nesterov, first_step)
    torch.set_grad_enabled(previous)
  def adam_apply(self: __torch__.MetartFusedStep, params: List[Tensor], grads: List[Tensor], exp_avgs: List[Tensor], exp_avg_sqs: List[Tensor], steps: List[Tensor], lr: float, beta1: float, beta2: float, eps: float, weight_decay: float, decoupled: bool) -> None:
    previous = torch.is_grad_enabled()
    torch.set_grad_enabled(False)
    self.adam(params, grads, exp_avgs, exp_avg_sqs, steps, lr, beta1, beta2, eps, weight_decay, decoupled)
    torch.set_grad_enabled(previous)
  def gradients_clipped(self: __torch__.MetartFusedStep, losses: List[Tensor], weights: List[float], flat: List[Tensor], n: int, max_norm: float, max_value: float, accumulated: bool) -> List[Tensor]:
    grads = self.gradients_with(losses, weights, flat, n, accumulated)
    previous = torch.is_grad_enabled()
    torch.set_grad_enabled(False)
    norm = self.clip(grads, max_norm, max_value)
    grads.append(torch.full([1], norm, dtype=7))
    torch.set_grad_enabled(previous)
    return grads
  def broadcast_replicas(self: __torch__.MetartFusedStep, flat: List[Tensor], n: int) -> None:
    previous = torch.is_grad_enabled()
    torch.set_grad_enabled(False)
    self.broadcast(flat, n)
    torch.set_grad_enabled(previous)
