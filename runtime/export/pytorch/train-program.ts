// The body of every exported train.py (generate-train.ts puts the train
// block's CONFIG above it): the data from data/*.npy, the module from
// model.py with the initial weights of the tfjs engine's seeded build, the
// loss (the built-ins with runtime/train/losses.ts's definitions, or
// loss.py), the optimizer with the tfjs engine's update rules and epsilon,
// the schedule (runtime/train/schedules.ts), the metrics, held-out
// evaluation after each epoch, checkpoints, stop and resume, and the JSON
// events of docs/events.md. One process, or DDP / FSDP2 under torchrun.

import { TRAIN_METRICS } from './train-metrics.js';

/** What every train.py defines before its loop: losses, metrics, optimizers, schedules, processes, events, stop, data, checkpoints, evaluation, arguments. */
export const TRAIN_DEFINITIONS = String.raw`import argparse
import hashlib
import json
import math
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

EPSILON = 1e-7  # the losses' clipping and the optimizers' epsilon, as in TensorFlow.js
EVAL_BATCH = 256
BATCH_EVENTS_PER_SECOND = 4


class Diverged(Exception):
    """A loss that is NaN or infinite: the run ends there, before the update (exit 3)."""

    def __init__(self, message, **fields):
        super().__init__(message)
        self.fields = fields


# ---------------------------------------------------------------- losses (runtime/train/losses.ts)

def one_hot_like(target, prediction):
    """Class ids [..] or one-hot rows [.., C] as one-hot rows matching prediction [.., C]."""
    if target.dim() == prediction.dim():
        return target.float()
    return F.one_hot(target.long(), prediction.shape[-1]).float()


def crossentropy(target, prediction):
    p = prediction.clamp(EPSILON, 1 - EPSILON)
    return -(one_hot_like(target, prediction) * torch.log(p)).sum(-1).mean()


def binary_crossentropy(target, prediction):
    p = prediction.clamp(EPSILON, 1 - EPSILON)
    y = target.float().reshape(p.shape)
    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()


def hinge(target, prediction):
    """One-vs-rest: y = +1 for the true class, -1 for the others; mean of max(0, 1 - y * score)."""
    y = one_hot_like(target, prediction) * 2 - 1
    return F.relu(1 - y * prediction).mean()


LOSSES = {
    "crossentropy": crossentropy,
    "sparse_crossentropy": crossentropy,
    "binary_crossentropy": binary_crossentropy,
    "mse": lambda target, prediction: (target.float().reshape(prediction.shape) - prediction).square().mean(),
    "mae": lambda target, prediction: (target.float().reshape(prediction.shape) - prediction).abs().mean(),
    "hinge": hinge,
}


def make_loss(device):
    """loss(target, outputs) -> a scalar: a built-in on the first output, or loss.py's module on the outputs it takes and the targets."""
    spec = CONFIG["loss"]
    if "builtin" in spec:
        f = LOSSES[spec["builtin"]]
        return lambda target, outputs: f(target, outputs[0].float())
    import loss as loss_module

    module = getattr(loss_module, spec["definition"])().to(device)
    taken = spec["predictions"]
    return lambda target, outputs: module(*[o.float() for o in outputs[:taken]], target)


${TRAIN_METRICS}

# ---------------------------------------------------------------- optimizers (runtime/train/optimizers.ts)

def make_optimizer(params):
    """The train block's optimizer with TensorFlow.js's update rules; AdamW: Adam, then w <- w - lr * weight_decay * w for weights of rank > 1."""
    name, args = CONFIG["optimizer"]["name"], CONFIG["optimizer"]["args"]
    lr = args.get("lr", 0.001)
    if name == "SGD":
        return torch.optim.SGD(params, lr=lr, momentum=args.get("momentum", 0), nesterov=bool(args.get("nesterov", False)))
    if name in ("Adam", "AdamW"):
        return torch.optim.Adam(params, lr=lr, betas=(args.get("beta1", 0.9), args.get("beta2", 0.999)), eps=args.get("epsilon", EPSILON))
    if name == "RMSprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=args.get("rho", 0.9), momentum=args.get("momentum", 0), eps=EPSILON)
    raise ValueError("unknown optimizer " + name)


def decay_weights(params, lr):
    """AdamW's decoupled weight decay, after the step (as the tfjs engine applies it)."""
    decay = CONFIG["optimizer"]["args"].get("weight_decay", 0.01) if CONFIG["optimizer"]["name"] == "AdamW" else 0
    if decay > 0:
        with torch.no_grad():
            for p in params:
                if p.grad is not None and p.dim() > 1:
                    p.mul_(1 - lr * decay)


# ---------------------------------------------------------------- schedules (runtime/train/schedules.ts)

def learning_rate_at(epoch):
    """The learning rate of epoch (0-based)."""
    base = CONFIG["optimizer"]["args"].get("lr", 0.001)
    name, args, epochs = CONFIG["schedule"]["name"], CONFIG["schedule"]["args"], CONFIG["epochs"]
    if name == "step":
        return base * args.get("gamma", 0.1) ** (epoch // max(1, args.get("every", 1)))
    if name == "warmup":
        warm = max(1, args.get("epochs", 1))
        return base * (epoch + 1) / (warm + 1) if epoch < warm else base
    if name == "cosine":
        warm, low = args.get("warmup", 0), args.get("min", 0)
        if epoch < warm:
            return base * (epoch + 1) / (warm + 1)
        progress = (epoch - warm) / max(1, epochs - warm)
        return low + (base - low) * 0.5 * (1 + math.cos(math.pi * progress))
    return base


# ---------------------------------------------------------------- the processes

class Processes:
    """One process, or one of WORLD_SIZE under torchrun (gloo on the CPU, nccl on CUDA)."""

    def __init__(self, device_name):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        local_rank = int(os.environ.get("LOCAL_RANK", "0"))
        if device_name == "cuda":
            if not torch.cuda.is_available():
                raise RuntimeError("--device cuda: PyTorch sees no CUDA device here (use --device cpu)")
            torch.cuda.set_device(local_rank)
            self.device = torch.device("cuda", local_rank)
        else:
            self.device = torch.device("cpu")
            local_world = int(os.environ.get("LOCAL_WORLD_SIZE", "1"))
            torch.set_num_threads(max(1, (os.cpu_count() or 1) // local_world))
        if self.world > 1:
            dist.init_process_group("nccl" if self.device.type == "cuda" else "gloo")

    def sum(self, values):
        """Each value summed over the processes (one message)."""
        t = torch.tensor(values, dtype=torch.float64, device=self.device)
        if self.world > 1:
            dist.all_reduce(t)
        return t.tolist()

    def close(self):
        if self.world > 1 and dist.is_initialized():
            # every process done with its collectives before any tears the group down:
            # gloo aborts a process whose peer left while its work was in flight
            dist.barrier()
            dist.destroy_process_group()


class Events:
    """docs/events.md's JSON Lines on stdout (rank 0, with --events), else a line per epoch; warnings also on stderr."""

    def __init__(self, enabled, rank):
        self.enabled, self.rank = enabled, rank

    def emit(self, event):
        if self.rank != 0:
            return
        if self.enabled:
            sys.stdout.write(json.dumps(event) + "\n")
            sys.stdout.flush()
        elif event["type"] == "epoch":
            logs = "  ".join("%s %.4f" % kv for kv in event["logs"].items())
            print("epoch %d/%d  %s  (%.1f s)" % (event["epoch"], event["epochs"], logs, event["seconds"]), flush=True)
        elif event["type"] in ("warning", "error"):
            print("train.py: %s%s" % ("warning: " if event["type"] == "warning" else "", event["message"]), file=sys.stderr, flush=True)


class StopRequest:
    """A line {"type":"stop"} on rank 0's stdin, or SIGINT/SIGTERM: the current batch finishes, then a checkpoint. A second signal exits at once."""

    def __init__(self, rank):
        self.requested = False
        for s in (signal.SIGINT, signal.SIGTERM):
            signal.signal(s, self.on_signal)
        if rank == 0 and not sys.stdin.isatty():
            threading.Thread(target=self.read_stdin, daemon=True).start()

    def on_signal(self, *_):
        if self.requested:
            os._exit(130)
        self.requested = True

    def read_stdin(self):
        for line in sys.stdin:
            try:
                if json.loads(line).get("type") == "stop":
                    self.requested = True
            except (ValueError, AttributeError):
                pass


# ---------------------------------------------------------------- data

def load_part(part):
    """The inputs and targets of data/<part>-*.npy as tensors (all in memory)."""
    data = HERE / "data"
    inputs = [torch.from_numpy(np.load(data / ("%s-input-%d.npy" % (part, i)))) for i in range(CONFIG["data"]["inputs"])]
    target = torch.from_numpy(np.load(data / ("%s-target.npy" % part))) if CONFIG["data"]["target"] else None
    return inputs, target


def rows(tensors, index, device):
    return [t[index].to(device, non_blocking=True) for t in tensors]


# ---------------------------------------------------------------- checkpoints

def checkpoint_name(epoch):
    return "checkpoint-%04d" % epoch


def full_state(net, optimizer, sharded):
    """The module's state dict in model.py's names, and the optimizer's, whole (gathered from the shards under FSDP)."""
    if sharded:
        from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict, get_optimizer_state_dict

        options = StateDictOptions(full_state_dict=True, cpu_offload=True)
        return get_model_state_dict(net, options=options), get_optimizer_state_dict(net, optimizer, options=options)
    return net.state_dict(), optimizer.state_dict()


def write_checkpoint(run_dir, epoch, write):
    """RUNDIR/checkpoints/checkpoint-NNNN/, its files written by write(folder) in a temporary folder, flushed, then renamed into place: complete or absent."""
    folder = run_dir / "checkpoints"
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / checkpoint_name(epoch)
    temporary = folder / (".%s.tmp-%d" % (checkpoint_name(epoch), os.getpid()))
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir()
    write(temporary)
    for f in temporary.iterdir():
        with open(f, "rb") as handle:
            os.fsync(handle.fileno())
    replaced = folder / (".%s.old-%d" % (checkpoint_name(epoch), os.getpid()))
    if final.exists():  # a stop in the epoch after this checkpoint: the newer weights take its place
        os.replace(final, replaced)
    os.replace(temporary, final)
    shutil.rmtree(replaced, ignore_errors=True)
    kept = sorted(p for p in folder.iterdir() if p.name.startswith("checkpoint-"))
    for old in kept[: max(0, len(kept) - CONFIG["checkpoints"]["keep"])]:
        shutil.rmtree(old, ignore_errors=True)
    return str(final)


def save_checkpoint(run_dir, epoch, net, optimizer, sharded, rank, extra):
    """weights.safetensors, optimizer.pt and state.json in RUNDIR/checkpoints/checkpoint-NNNN/ (write_checkpoint)."""
    from safetensors.torch import save_file

    weights, optimizer_state = full_state(net, optimizer, sharded)
    if rank != 0:
        return None

    def write(temporary):
        save_file({k: v.detach().cpu().contiguous().clone() for k, v in weights.items()}, str(temporary / "weights.safetensors"), metadata={"format": "pt"})
        torch.save(optimizer_state, temporary / "optimizer.pt")
        (temporary / "state.json").write_text(json.dumps(dict(epoch=epoch, seed=CONFIG["seed"], model=CONFIG["className"], **extra)))

    return write_checkpoint(run_dir, epoch, write)


def save_sample_weights(net, sharded, rank, epoch):
    """The module's weights after an epoch whose pictures are due, for nn train's engine to draw them with (--sample-weights):
    HERE/sample-weights-NNNN.safetensors from rank 0, written then renamed; the engine reads it at the epoch event and removes it."""
    from safetensors.torch import save_file

    if sharded:
        from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

        weights = get_model_state_dict(net, options=StateDictOptions(full_state_dict=True, cpu_offload=True))
    else:
        weights = net.state_dict()
    if rank != 0:
        return
    final = HERE / ("sample-weights-%04d.safetensors" % epoch)
    temporary = HERE / (".%s.tmp-%d" % (final.name, os.getpid()))
    save_file({k: v.detach().cpu().contiguous().clone() for k, v in weights.items()}, str(temporary), metadata={"format": "pt"})
    os.replace(temporary, final)


def resume_from(folder, net, device):
    """Loads a checkpoint's weights into the module (before DDP or FSDP wraps it); returns its state.json and optimizer state."""
    from safetensors.torch import load_file

    folder = Path(folder)
    state_file = folder / "state.json"
    if not state_file.exists():
        raise RuntimeError("%s is not a checkpoint of train.py (no state.json)" % folder)
    net.load_state_dict(load_file(str(folder / "weights.safetensors"), device=str(device)))
    optimizer_state = torch.load(folder / "optimizer.pt", map_location=device, weights_only=False)
    return json.loads(state_file.read_text()), optimizer_state


def weights_hash(net, sharded):
    """A hash of the module's whole weights (gathered in every process under FSDP)."""
    if sharded:
        from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

        weights = get_model_state_dict(net, options=StateDictOptions(full_state_dict=True))
    else:
        weights = net.state_dict()
    h = hashlib.sha256()
    for key in sorted(weights):
        h.update(key.encode())
        h.update(weights[key].detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()


# ---------------------------------------------------------------- evaluation

def evaluate(net, loss_of, inputs, target, device, autocast):
    """The held-out loss and metrics, batch by batch, in eval mode (every process measures all of it: the same numbers)."""
    net.eval()
    count = inputs[0].shape[0]
    loss_sum = 0.0
    sums = {name: [0.0, 0] for name in CONFIG["metrics"] if name in METRICS}
    accumulated = {name: ACCUMULATED[name]() for name in CONFIG["metrics"] if name in ACCUMULATED}
    with torch.no_grad():
        for start in range(0, count, EVAL_BATCH):
            index = torch.arange(start, min(count, start + EVAL_BATCH))
            xs, y = rows(inputs, index, device), target[index].to(device)
            with autocast():
                outputs = as_tuple(net(*xs))
            outputs = tuple(o.float() for o in outputs)
            loss_sum += loss_of(y, outputs).item() * len(index)
            for name in sums:
                s, c = METRICS[name](y, outputs[0])
                sums[name][0] += s
                sums[name][1] += c
            for a in accumulated.values():
                a.add(y, outputs[0], xs)
    net.train()
    results = dict(loss=loss_sum / max(1, count), **{name: s / max(1, c) for name, (s, c) in sums.items()})
    for a in accumulated.values():
        results.update(a.results())
    return results


def as_tuple(outputs):
    return outputs if isinstance(outputs, tuple) else (outputs,)


# ---------------------------------------------------------------- the run

def parse_args():
    parser = argparse.ArgumentParser(description="Trains %s in PyTorch (exported from %s)." % (CONFIG["name"], CONFIG["source"]))
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--amp", choices=["bf16"], help="autocast the forward pass to bfloat16")
    parser.add_argument("--fsdp", action="store_true", help="shard the module with FSDP2 (fully_shard) under torchrun")
    parser.add_argument("--epochs", type=int, default=CONFIG["epochs"])
    parser.add_argument("--out", default=str(HERE / "runs"), help="the run folder (checkpoints go to OUT/checkpoints)")
    parser.add_argument("--resume", help="a checkpoint folder of train.py to continue from")
    parser.add_argument("--events", action="store_true", help="print the JSON events of nn train --json on stdout")
    parser.add_argument("--report-weights-hash", action="store_true", help=argparse.SUPPRESS)  # tests: each process's final weights' hash on stderr
    parser.add_argument("--sample-weights", type=int, default=0, help=argparse.SUPPRESS)  # nn train's engine: every N epochs (and the last), the weights its pictures are drawn with
    return parser.parse_args()

`;

/** The supervised loop: train(args, processes, events, stop) -> the end's reason. */
export const SUPERVISED_TRAIN = String.raw`def train(args, processes, events, stop):
    import model as model_module
    from safetensors.torch import load_file

    started = time.time()
    device, rank, world = processes.device, processes.rank, processes.world
    torch.manual_seed(CONFIG["seed"] + rank)
    net = getattr(model_module, CONFIG["className"])()
    net.load_state_dict(load_file(str(HERE / "initial-weights.safetensors")))
    net.to(device)
    first_epoch, optimizer_state, resumed = 0, None, {}
    if args.resume:
        state, optimizer_state = resume_from(args.resume, net, device)
        first_epoch = state["epoch"]
        resumed = {"resumedFrom": str(Path(args.resume).resolve())}

    sharded = False
    wrapped = net
    if args.fsdp:
        try:
            from torch.distributed.fsdp import fully_shard
        except ImportError:
            raise RuntimeError("--fsdp: this PyTorch (%s) has no FSDP2 (torch.distributed.fsdp.fully_shard); use DDP (leave --fsdp out)" % torch.__version__)
        if world < 2:
            raise RuntimeError("--fsdp shards the module across processes: run it under torchrun --nproc_per_node=N")
        fully_shard(net)
        sharded = True
    elif world > 1:
        from torch.nn.parallel import DistributedDataParallel

        wrapped = DistributedDataParallel(net, device_ids=[device.index] if device.type == "cuda" else None)

    params = [p for p in net.parameters() if p.requires_grad]
    optimizer = make_optimizer(params)
    if optimizer_state is not None:
        if sharded:
            from torch.distributed.checkpoint.state_dict import StateDictOptions, set_optimizer_state_dict

            set_optimizer_state_dict(net, optimizer, optimizer_state, options=StateDictOptions(full_state_dict=True))
        else:
            optimizer.load_state_dict(optimizer_state)
    loss_of = make_loss(device)
    autocast = lambda: torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=args.amp == "bf16")

    train_inputs, train_target = load_part("train")
    held_inputs, held_target = load_part("heldout")
    count = train_inputs[0].shape[0]
    held_out = CONFIG["data"]["heldOut"]
    local_batch = max(1, CONFIG["batch"] // world)
    if CONFIG["batch"] % world != 0:
        events.emit({"type": "warning", "message": "the batch of %d does not divide among %d processes: each takes %d" % (CONFIG["batch"], world, local_batch)})
    from torch.utils.data.distributed import DistributedSampler

    sampler = DistributedSampler(range(count), num_replicas=world, rank=rank, shuffle=CONFIG["shuffle"], seed=CONFIG["seed"])
    batches = math.ceil(sampler.num_samples / local_batch)
    for name in CONFIG["metrics"]:
        if name not in METRICS and name not in ACCUMULATED:
            events.emit({"type": "warning", "message": "the metric '%s' is not measured by train.py yet; training goes on without it" % name})

    events.emit(dict(
        type="start", pid=os.getpid(), name=CONFIG["name"], models=CONFIG["models"], data=CONFIG["data"]["description"],
        examples=CONFIG["data"]["examples"], epochs=args.epochs, batchesPerEpoch=batches, batchSize=CONFIG["batch"],
        backend="torch", device="gpu" if device.type == "cuda" else "cpu", firstEpoch=first_epoch + 1, **resumed,
    ))
    run_dir = Path(args.out).resolve()
    extra = {"world": world}
    last, best, since_best = {}, math.inf, 0

    def checkpoint(epoch):
        path = save_checkpoint(run_dir, epoch, net, optimizer, sharded, rank, extra)
        events.emit({"type": "checkpoint", "epoch": epoch, "path": path})

    def finish(reason, epochs):
        if args.report_weights_hash:
            print("weights-hash rank %d: %s" % (rank, weights_hash(net, sharded)), file=sys.stderr, flush=True)
        events.emit({"type": "end", "reason": reason, "epochs": epochs, "metrics": last, "seconds": time.time() - started})
        return reason

    net.train()
    for epoch in range(first_epoch, args.epochs):
        epoch_started = time.time()
        lr = learning_rate_at(epoch)
        for group in optimizer.param_groups:
            group["lr"] = lr
        sampler.set_epoch(epoch)
        order = torch.tensor(list(sampler))
        loss_sum, seen, last_event = 0.0, 0, 0.0
        for b in range(batches):
            index = order[b * local_batch:(b + 1) * local_batch]
            xs, y = rows(train_inputs, index, device), (train_target[index].to(device) if train_target is not None else None)
            with autocast():
                outputs = as_tuple(wrapped(*xs))
            loss = loss_of(y, tuple(o.float() for o in outputs))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            value = loss.item()
            finite = math.isfinite(value)
            stop_flag, bad, total, size = processes.sum([1.0 if stop.requested else 0.0, 0.0 if finite else 1.0, value * len(index) if finite else 0.0, len(index)])
            if bad > 0:
                raise Diverged(
                    "training diverged at epoch %d, batch %d: the loss is %s; lower the learning rate, or limit the gradients with ` + "`clip:`" + String.raw`. No checkpoint is written from these weights."
                    % (epoch + 1, b + 1, "NaN" if not finite and math.isnan(value) else "not finite"), epoch=epoch + 1, batch=b + 1, tensor="loss")
            if CONFIG.get("clip") is not None:
                torch.nn.utils.clip_grad_norm_(params, CONFIG["clip"])
            optimizer.step()
            decay_weights(params, lr)
            loss_sum, seen = loss_sum + total, seen + size
            now = time.time()
            if now - last_event >= 1 / BATCH_EVENTS_PER_SECOND or b == batches - 1:
                last_event = now
                events.emit({"type": "batch", "epoch": epoch + 1, "batch": b + 1, "batches": batches, "loss": total / size,
                             "examplesPerSecond": seen / max(1e-9, now - epoch_started), "elapsed": now - started})
            if stop_flag > 0:
                checkpoint(epoch)
                return finish("stopped", epoch)
        logs = {"loss": loss_sum / max(1, seen)}
        held = evaluate(net, loss_of, held_inputs, held_target, device, autocast) if held_out else {}
        if held and not math.isfinite(held["loss"]):
            raise Diverged("training diverged at epoch %d: the %s loss is not finite" % (epoch + 1, held_out), epoch=epoch + 1, tensor=held_out + "_loss")
        logs.update({"%s_%s" % (held_out, k): v for k, v in held.items()})
        last = logs
        if args.sample_weights > 0 and ((epoch + 1) % args.sample_weights == 0 or epoch + 1 == args.epochs):
            save_sample_weights(net, sharded, rank, epoch + 1)  # before the epoch event, which tells the engine to draw
        events.emit({"type": "epoch", "epoch": epoch + 1, "epochs": args.epochs, "logs": logs, "seconds": time.time() - epoch_started, "learningRate": lr})
        if (epoch + 1) % CONFIG["checkpoints"]["every"] == 0 or epoch + 1 == args.epochs:
            checkpoint(epoch + 1)
        patience = CONFIG.get("earlyStopping")
        if patience is not None and held:
            if held["loss"] < best:
                best, since_best = held["loss"], 0
            else:
                since_best += 1
                if since_best >= patience:
                    if (epoch + 1) % CONFIG["checkpoints"]["every"] != 0:
                        checkpoint(epoch + 1)
                    return finish("early-stopping", epoch + 1)
    return finish("completed", args.epochs)

`;

/** main(): one process or one of torchrun's, its exit status from train()'s end or failure. */
export const TRAIN_MAIN = String.raw`def main():
    args = parse_args()
    events = Events(args.events, int(os.environ.get("RANK", "0")))
    processes = None
    try:
        processes = Processes(args.device)
        stop = StopRequest(processes.rank)
        reason = train(args, processes, events, stop)
        # torchrun reports any status but 0 as a failure of the whole job: under it, the end event says the run was stopped
        code = 130 if reason == "stopped" and processes.world == 1 else 0
    except Diverged as e:
        events.emit(dict(type="error", message=str(e), **e.fields))
        code = 3
    except Exception as e:  # one line, no stack trace (NN_TRACEBACK=1 shows it)
        if os.environ.get("NN_TRACEBACK"):
            raise
        events.emit({"type": "error", "message": "%s: %s" % (type(e).__name__, e) if not isinstance(e, RuntimeError) else str(e)})
        if args.events:
            print("train.py: %s" % e, file=sys.stderr, flush=True)
        code = 1
    if processes is not None:
        processes.close()
    sys.exit(code)


if __name__ == "__main__":
    main()
`;

/** The pieces of a program, two blank lines apart (Python's style between top-level definitions). */
export const joinProgram = (...pieces: string[]): string => `${pieces.map((p) => p.trim()).join('\n\n\n')}\n`;

export const TRAIN_PROGRAM = joinProgram(TRAIN_DEFINITIONS, SUPERVISED_TRAIN, TRAIN_MAIN);
