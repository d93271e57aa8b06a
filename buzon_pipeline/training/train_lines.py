"""Train the handwritten line recogniser (`reading.handwriting`) with PyTorch CPU and CTC.

Training only (`pip install -e '.[train]'`); the run time reads the exported numpy weights.

    export OMP_THREAD_LIMIT=1
    # 1. synthetic lines in TRAIN hands (two halves can be made in parallel), DEV hands to watch
    python -m buzon_pipeline.training.line_data --split train --count 12000 --seed 1 --out a.npz
    python -m buzon_pipeline.training.line_data --split train --count 12000 --seed 2 --out b.npz
    python -m buzon_pipeline.training.line_data --split dev --count 2000 --seed 0 --out dev.npz
    # 2. train and export (fixed seed); it may start while the sets are still being made:
    #    epoch k takes the first N_k lines of each set (--schedule), waiting for them
    python -m buzon_pipeline.training.train_lines --train a.npz b.npz --dev dev.npz \
        --out models/renglones.npz --schedule 1000,2000,2000,3000,3000

The network: 3x3 convolutions with batch norm (folded into the kernels on export) and ReLU,
max-pooling 32 rows down to 2 and the width by 4, a 2x3 convolution that folds the height away,
a 1x3 one for context along the line and a 1x1 classifier over blank + CHARSET per column.
"""

from __future__ import annotations

import argparse
import random
import time
import zipfile
from pathlib import Path

import numpy as np

from buzon_pipeline.reading.handwriting import CHARSET, STRIDE, LineModel, decode
from buzon_pipeline.training import line_data

SEED = 0
# (out channels, kernel, padding, pool) per layer; the last one is the classifier.
# Narrow on purpose: it must train in well under an hour on one shared core.
ARCH = (
    (12, (3, 3), (1, 1), (2, 2)),
    (24, (3, 3), (1, 1), (2, 2)),
    (48, (3, 3), (1, 1), (1, 1)),
    (48, (3, 3), (1, 1), (2, 1)),
    (64, (3, 3), (1, 1), (2, 1)),
    (96, (2, 3), (0, 1), (1, 1)),
    (96, (1, 3), (0, 1), (1, 1)),
    (len(CHARSET) + 1, (1, 1), (0, 0), (1, 1)),
)
BATCH = 8  # per process: on a starved core, more updates beat bigger batches
LR = 2e-3
WEIGHT_DECAY = 1e-4


def build_net():  # -> torch.nn.Module (torch is imported lazily: training only)
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            convs, norms = [], []
            channels = 1
            for out, kernel, pad, _ in ARCH:
                convs.append(nn.Conv2d(channels, out, kernel, padding=pad))
                norms.append(nn.BatchNorm2d(out))
                channels = out
            self.convs = nn.ModuleList(convs)
            self.norms = nn.ModuleList(norms[:-1])
            self.drop = nn.Dropout(0.2)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            last = len(self.convs) - 1
            for i, (conv, (_, _, _, pool)) in enumerate(zip(self.convs, ARCH, strict=True)):
                if i == last:
                    x = self.drop(x)
                x = conv(x)
                if i < last:
                    x = torch.relu(self.norms[i](x))
                if pool != (1, 1):
                    x = torch.max_pool2d(x, pool)
            return x[:, :, 0, :]  # batch, classes, columns

    return Net()


def export(net, path: Path) -> LineModel:
    """Batch norm folded into each kernel; the numpy layers LineModel reads."""
    arrays: dict[str, np.ndarray] = {"charset": np.array(CHARSET), "n_layers": np.array(len(ARCH))}
    layers = []
    last = len(ARCH) - 1
    for i, (_, _, pad, pool) in enumerate(ARCH):
        conv = net.convs[i]
        kernel = conv.weight.detach().numpy().astype(np.float64)
        bias = conv.bias.detach().numpy().astype(np.float64)
        if i < last:
            bn = net.norms[i]
            scale = bn.weight.detach().numpy() / np.sqrt(bn.running_var.numpy() + bn.eps)
            kernel = kernel * scale[:, None, None, None]
            bias = (bias - bn.running_mean.numpy()) * scale + bn.bias.detach().numpy()
        arrays[f"k{i}"] = kernel.astype(np.float32)
        arrays[f"b{i}"] = bias.astype(np.float32)
        arrays[f"pad{i}"] = np.array(pad)
        arrays[f"pool{i}"] = np.array(pool)
        layers.append({"kernel": arrays[f"k{i}"], "bias": arrays[f"b{i}"],
                       "pad": np.array(pad), "pool": np.array(pool)})
    np.savez_compressed(path, **arrays)
    return LineModel(layers)


def _batches(widths: np.ndarray, rng: random.Random) -> list[np.ndarray]:
    """Lines of similar width together, so little padding is computed."""
    order = np.argsort(widths + np.array([rng.random() * 24 for _ in widths]))
    batches = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    rng.shuffle(batches)
    return batches


def _tensor(images: list[np.ndarray], idx: np.ndarray):
    import torch

    width = max(images[i].shape[1] for i in idx)
    width += (-width) % STRIDE
    out = np.zeros((len(idx), 1, images[idx[0]].shape[0], width), np.float32)
    for row, i in enumerate(idx):
        out[row, 0, :, : images[i].shape[1]] = images[i]
    return torch.from_numpy(out)


def evaluate(model: LineModel, images: list[np.ndarray], labels: list[str],
             limit: int = 200) -> tuple[float, float]:
    """Line accuracy and character error rate (numpy model: what the run time reads)."""
    right, edits, chars = 0, 0, 0
    for image, label in list(zip(images, labels, strict=True))[:limit]:
        got = decode(model.column_probs(image)).text
        right += got == label
        edits += _distance(got, label)
        chars += len(label)
    n = min(limit, len(images))
    return right / n, edits / max(chars, 1)


def _distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _first(paths: list[Path], per_file: int) -> tuple[list[np.ndarray], list[str]]:
    """The first ``per_file`` lines of each set, waiting for a generator still writing one
    (line_data saves every 1000 lines): the same lines whatever the moment of reading."""
    images: list[np.ndarray] = []
    labels: list[str] = []
    for path in paths:
        while True:
            try:
                more_images, more_labels = line_data.load(path)
            except (OSError, ValueError, EOFError, zipfile.BadZipFile):
                more_images, more_labels = [], []
            if len(more_images) >= per_file:
                break
            time.sleep(20)
        images += more_images[:per_file]
        labels += more_labels[:per_file]
    return images, labels


def train(rank: int, world: int, train_paths: list[Path], dev_path: Path, out: Path,
          schedule: list[int], port: int) -> None:
    """One of ``world`` data-parallel processes (gloo, synchronous: the result depends on the
    seed and ``world`` only). ``schedule``: lines per training set for each epoch (the sets
    may still be growing); rank 0 evaluates and exports after every epoch."""
    import torch
    import torch.distributed as dist
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)  # every rank draws the same batches and takes its share
    net = build_net()
    if world > 1:
        dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank,
                                world_size=world)
        model_net = nn.parallel.DistributedDataParallel(net)
    else:
        model_net = net
    dev_images, dev_labels = line_data.load(dev_path)
    params = sum(p.numel() for p in net.parameters())
    if rank == 0:
        print(f"{params} parameters, {len(dev_images)} dev lines, {world} processes",
              flush=True)
    opt = torch.optim.AdamW(net.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
    per_set = len(train_paths)
    steps = sum(((n * per_set + BATCH - 1) // BATCH) // world for n in schedule)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=LR, total_steps=steps,
                                                pct_start=0.15)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    started = time.perf_counter()
    step = 0
    epochs = len(schedule)
    model = None
    for epoch, per_file in enumerate(schedule):
        images, labels = _first(train_paths, per_file)
        widths = np.array([im.shape[1] for im in images])
        targets = [torch.tensor([CHARSET.index(c) + 1 for c in label]) for label in labels]
        if rank == 0:
            print(f"epoch {epoch + 1}: {len(images)} training lines", flush=True)
        net.train()
        total, seen = 0.0, 0
        batches = _batches(widths, rng)
        batches = batches[: len(batches) - len(batches) % world][rank::world]
        for idx in batches:
            x = _tensor(images, idx)
            logp = model_net(x).permute(2, 0, 1).log_softmax(2)  # columns, batch, classes
            in_lens = torch.tensor([images[i].shape[1] // STRIDE for i in idx])
            tgt = [targets[i] for i in idx]
            loss = ctc(logp, torch.cat(tgt), in_lens, torch.tensor([len(t) for t in tgt]))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            if step < steps - 1:
                sched.step()
            step += 1
            total += float(loss.detach()) * len(idx)
            seen += len(idx)
            if step % 100 == 0 and rank == 0:
                print(f"  step {step}/{steps} loss {total / seen:.3f} "
                      f"{time.perf_counter() - started:.0f} s", flush=True)
        if rank == 0:
            net.eval()
            model = export(net, out)
            acc, cer = evaluate(model, dev_images, dev_labels)
            print(f"epoch {epoch + 1}/{epochs}: loss {total / seen:.3f}  dev line acc "
                  f"{acc:.3f} CER {cer:.3f}  {time.perf_counter() - started:.0f} s", flush=True)
        if world > 1:
            dist.barrier()
    if rank != 0 or model is None:
        return
    # the numpy forward pass must match torch's
    with torch.no_grad():
        x = _tensor(dev_images, np.arange(1))
        ref = torch.softmax(net(x)[0].T, dim=1).numpy()
    got = model.column_probs(dev_images[0])
    # (batch norm folded in float32: about 1e-3 apart at most)
    assert np.abs(ref[: len(got)] - got).max() < 5e-3, np.abs(ref[: len(got)] - got).max()
    print(f"saved {out} ({out.stat().st_size / 1e6:.2f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, nargs="+", required=True)
    parser.add_argument("--dev", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--schedule", default="1000,2000,2000,3000,3000",
                        help="lines taken from each training set, epoch by epoch")
    parser.add_argument("--processes", type=int, default=1,
                        help="data-parallel processes of one thread each (the result depends "
                             "on this number)")
    parser.add_argument("--port", type=int, default=29517)
    args = parser.parse_args()
    schedule = [int(n) for n in args.schedule.split(",")]
    if args.processes == 1:
        train(0, 1, args.train, args.dev, args.out, schedule, args.port)
        return
    import torch.multiprocessing as mp

    mp.spawn(train, args=(args.processes, args.train, args.dev, args.out, schedule, args.port),
             nprocs=args.processes)


if __name__ == "__main__":
    main()
