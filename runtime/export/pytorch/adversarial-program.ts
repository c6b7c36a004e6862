// The loop of an exported GAN's train.py (generate-train.ts puts CONFIG and
// train-program.ts's definitions around it): the tfjs engine's adversarial
// loop (runtime/train/adversarial.ts) in PyTorch. For each batch of real
// examples, `steps.discriminator` D steps on real examples (label 1) and
// fakes G(z) (label 0), then `steps.generator` G steps through D
// (non-saturating: G maximises log D(G(z))); probabilities clipped to
// [1e-7, 1] before the log; each with its own optimizer. The epoch's logs
// are d_loss, g_loss and, on the ring, modes_covered of 1,000 generated
// points. Checkpoints hold both modules and both optimizers. One process.
// With --sample-weights N (nn train's engine), the generator's weights of
// every Nth epoch and the last, for the samples the engine draws
// (runtime/train/torch-gan-pictures.ts).

export const ADVERSARIAL_TRAIN = String.raw`# ---------------------------------------------------------------- the adversarial loop (runtime/train/adversarial.ts)

ROLES = ("generator", "discriminator")


def log_of(p):
    return torch.log(p.clamp(EPSILON, 1))


def make_noise(n, device):
    """n draws of the train block's noise: [n, ...shape]."""
    spec = CONFIG["noise"]
    shape, args = (n, *spec["shape"]), spec["args"]
    if spec["distribution"] == "uniform":
        low, high = args.get("low", 0.0), args.get("high", 1.0)
        return torch.rand(shape, device=device) * (high - low) + low
    return torch.randn(shape, device=device) * args.get("std", 1.0) + args.get("mean", 0.0)


def modes_covered(points, ring, min_share=0.02):
    """How many of the ring's modes generated points [n, 2] cover (runtime/data/ring.ts): at least min_share of them near its centre."""
    angles = torch.arange(ring["modes"], dtype=torch.float64) * (2 * math.pi / ring["modes"])
    centres = ring["radius"] * torch.stack([torch.cos(angles), torch.sin(angles)], dim=1)  # [M, 2]
    near = (torch.cdist(points.double().cpu(), centres) < 3 * ring["std"] + 0.1 * ring["radius"]).sum(0)  # [M]
    return int((near >= min_share * points.shape[0]).sum())


def save_pair(run_dir, epoch, nets, optimizers):
    """generator.safetensors, discriminator.safetensors, their optimizers' *.pt and state.json in RUNDIR/checkpoints/checkpoint-NNNN/ (write_checkpoint)."""
    from safetensors.torch import save_file

    def write(temporary):
        for role in ROLES:
            weights = {k: v.detach().cpu().contiguous().clone() for k, v in nets[role].state_dict().items()}
            save_file(weights, str(temporary / ("%s.safetensors" % role)), metadata={"format": "pt"})
            torch.save(optimizers[role].state_dict(), temporary / ("%s-optimizer.pt" % role))
        (temporary / "state.json").write_text(json.dumps(dict(epoch=epoch, seed=CONFIG["seed"], models={r: CONFIG[r]["className"] for r in ROLES})))

    return write_checkpoint(run_dir, epoch, write)


def resume_pair(folder, nets, optimizers, device):
    from safetensors.torch import load_file

    folder = Path(folder)
    if not (folder / "state.json").exists() or not (folder / "generator.safetensors").exists():
        raise RuntimeError("%s is not a checkpoint of this train.py (no state.json, generator.safetensors)" % folder)
    for role in ROLES:
        nets[role].load_state_dict(load_file(str(folder / ("%s.safetensors" % role)), device=str(device)))
        optimizers[role].load_state_dict(torch.load(folder / ("%s-optimizer.pt" % role), map_location=device, weights_only=False))
    return json.loads((folder / "state.json").read_text())


def train(args, processes, events, stop):
    import importlib

    from safetensors.torch import load_file

    started = time.time()
    device = processes.device
    if processes.world > 1:
        raise RuntimeError("the adversarial loop runs as one process: run python train.py, not under torchrun")
    if args.fsdp or args.amp:
        raise RuntimeError("--fsdp and --amp are not for the adversarial loop: leave them out")
    torch.manual_seed(CONFIG["seed"])
    nets, optimizers, params = {}, {}, {}
    for role in ROLES:
        net = getattr(importlib.import_module(role), CONFIG[role]["className"])()
        net.load_state_dict(load_file(str(HERE / ("initial-%s.safetensors" % role))))
        nets[role] = net.to(device).train()
        params[role] = [p for p in net.parameters() if p.requires_grad]
        optimizers[role] = make_optimizer(params[role])
    g, d = nets["generator"], nets["discriminator"]
    first_epoch, resumed = 0, {}
    if args.resume:
        first_epoch = resume_pair(args.resume, nets, optimizers, device)["epoch"]
        resumed = {"resumedFrom": str(Path(args.resume).resolve())}

    (real_examples,), _ = load_part("train")
    count, batch = real_examples.shape[0], CONFIG["batch"]
    batches = math.ceil(count / batch)
    events.emit(dict(
        type="start", pid=os.getpid(), name=CONFIG["name"], models=CONFIG["models"], data=CONFIG["data"]["description"],
        examples=CONFIG["data"]["examples"], epochs=args.epochs, batchesPerEpoch=batches, batchSize=batch,
        backend="torch", device="gpu" if device.type == "cuda" else "cpu", firstEpoch=first_epoch + 1, **resumed,
    ))
    run_dir = Path(args.out).resolve()
    last = {}

    def checkpoint(epoch):
        events.emit({"type": "checkpoint", "epoch": epoch, "path": save_pair(run_dir, epoch, nets, optimizers)})

    def finish(reason, epochs):
        events.emit({"type": "end", "reason": reason, "epochs": epochs, "metrics": last, "seconds": time.time() - started})
        return reason

    def step(role, loss, epoch, b):
        """One update of role's module from loss; a loss that is not finite ends the run before it."""
        value = loss.item()
        if not math.isfinite(value):
            name = "d_loss" if role == "discriminator" else "g_loss"
            raise Diverged("training diverged at epoch %d, batch %d: %s is %s; lower the learning rate. No checkpoint is written from these weights."
                           % (epoch + 1, b + 1, name, "NaN" if math.isnan(value) else "not finite"), epoch=epoch + 1, batch=b + 1, tensor=name)
        optimizers[role].zero_grad(set_to_none=True)
        loss.backward()
        optimizers[role].step()
        decay_weights(params[role], optimizers[role].param_groups[0]["lr"])
        return value

    steps = CONFIG["steps"]
    shuffle = torch.Generator().manual_seed(CONFIG["seed"])
    for epoch in range(first_epoch, args.epochs):
        epoch_started = time.time()
        lr = learning_rate_at(epoch)
        for optimizer in optimizers.values():
            for group in optimizer.param_groups:
                group["lr"] = lr
        order = torch.randperm(count, generator=shuffle) if CONFIG["shuffle"] else torch.arange(count)
        d_sum, g_sum = 0.0, 0.0
        for b in range(batches):
            real = real_examples[order[b * batch:(b + 1) * batch]].to(device)
            n = real.shape[0]
            for _ in range(steps["discriminator"]):
                with torch.no_grad():
                    fake = g(make_noise(n, device))
                # D maximises log D(x) + log(1 - D(G(z)))
                d_loss = -(log_of(d(real)).mean() + log_of(1 - d(fake)).mean())
                d_sum += step("discriminator", d_loss, epoch, b) / steps["discriminator"]
            for _ in range(steps["generator"]):
                # G (non-saturating) maximises log D(G(z)); only G's optimizer steps
                g_loss = -log_of(d(g(make_noise(n, device)))).mean()
                g_sum += step("generator", g_loss, epoch, b) / steps["generator"]
            if b == batches - 1 or b % 20 == 0:
                now = time.time()
                events.emit({"type": "batch", "epoch": epoch + 1, "batch": b + 1, "batches": batches, "loss": d_sum / (b + 1),
                             "logs": {"d_loss": d_sum / (b + 1), "g_loss": g_sum / (b + 1)},
                             "examplesPerSecond": min(count, (b + 1) * batch) / max(1e-9, now - epoch_started), "elapsed": now - started})
            if stop.requested:
                checkpoint(epoch)
                return finish("stopped", epoch)
        last = {"d_loss": d_sum / batches, "g_loss": g_sum / batches}
        if CONFIG.get("ring"):
            g.eval()
            with torch.no_grad():
                last["modes_covered"] = modes_covered(g(make_noise(1000, device)), CONFIG["ring"])
            g.train()
        if args.sample_weights > 0 and ((epoch + 1) % args.sample_weights == 0 or epoch + 1 == args.epochs):
            save_sample_weights(g, False, 0, epoch + 1)  # the generator's, before the epoch event: nn train's engine draws its samples with them
        events.emit({"type": "epoch", "epoch": epoch + 1, "epochs": args.epochs, "logs": last, "seconds": time.time() - epoch_started, "learningRate": lr})
        if (epoch + 1) % CONFIG["checkpoints"]["every"] == 0 or epoch + 1 == args.epochs:
            checkpoint(epoch + 1)
    return finish("completed", args.epochs)
`;
