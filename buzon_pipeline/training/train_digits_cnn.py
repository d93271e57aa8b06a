"""A small CNN for the comb cells, trained with PyTorch (CPU) and exported to numpy weights.

Training only: `pip install torch` is needed here, never at run time, where
`buzon_pipeline.reading.digits.DigitModel` applies the same layers with numpy. The input is the
feature row of `digits.ink_features`: the 28x28 normalised canvas goes through two 3x3
convolutions (ReLU, 2x2 max-pool each); the stroke-direction histograms and geometry cues are
standardised and joined to the flattened maps before the two dense layers.
"""

from __future__ import annotations

import numpy as np

from buzon_pipeline.reading.digits import EMPTY_CLASS, NORM_SIZE, DigitModel

CANVAS = NORM_SIZE * NORM_SIZE
CHANNELS = (16, 32)
HIDDEN = 128
EPOCHS = 14
BATCH = 128
LR = 2e-3
WEIGHT_DECAY = 1e-4
DROPOUT = 0.3
SEED = 0


def train_cnn(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_val: np.ndarray,
    y_val: np.ndarray,
    epochs: int | None = None,
    init: DigitModel | None = None,
    lr: float | None = None,
) -> DigitModel:
    """Train the CNN; `init` (a CNN of the same shape) warm-starts it with its weights and
    feature scaling, so new rows can be taught in a few epochs instead of a full schedule."""
    import torch
    from torch import nn

    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    epochs = epochs or EPOCHS
    lr = lr or LR
    if init is not None:
        mean, scale = init.mean, init.scale
    else:
        rest_mean = x_train[:, CANVAS:].mean(axis=0, dtype=np.float64).astype(np.float32)
        rest_scale = np.maximum(x_train[:, CANVAS:].std(axis=0, dtype=np.float64), 0.1)
        rest_scale = rest_scale.astype(np.float32)
        # the canvas goes in as it is (0..1); only the other features are standardised
        mean = np.concatenate([np.zeros(CANVAS, np.float32), rest_mean])
        scale = np.concatenate([np.ones(CANVAS, np.float32), rest_scale])
    n_rest = x_train.shape[1] - CANVAS
    c1, c2 = CHANNELS

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv1 = nn.Conv2d(1, c1, 3, padding=1)
            self.conv2 = nn.Conv2d(c1, c2, 3, padding=1)
            flat = c2 * (NORM_SIZE // 4) ** 2
            self.fc1 = nn.Linear(flat + n_rest, HIDDEN)
            self.fc2 = nn.Linear(HIDDEN, EMPTY_CLASS + 1)
            self.drop = nn.Dropout(DROPOUT)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            img = x[:, :CANVAS].reshape(-1, 1, NORM_SIZE, NORM_SIZE)
            h = torch.max_pool2d(torch.relu(self.conv1(img)), 2)
            h = torch.max_pool2d(torch.relu(self.conv2(h)), 2)
            h = torch.cat([h.flatten(1), x[:, CANVAS:]], dim=1)
            return self.fc2(self.drop(torch.relu(self.fc1(h))))

    def prepare(x: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(((x - mean) / scale).astype(np.float32))

    xt, yt = prepare(x_train), torch.from_numpy(y_train.astype(np.int64))
    xv = prepare(x_val)
    net = Net()
    if init is not None:
        assert len(init.convs) == 2 and len(init.weights) == 2, "init must be this CNN"
        with torch.no_grad():
            for conv, (kernel, bias) in zip((net.conv1, net.conv2), init.convs, strict=True):
                conv.weight.copy_(torch.from_numpy(kernel))
                conv.bias.copy_(torch.from_numpy(bias))
            for dense, weight, bias in zip(
                (net.fc1, net.fc2), init.weights, init.biases, strict=True
            ):
                dense.weight.copy_(torch.from_numpy(weight.T.astype(np.float32)))
                dense.bias.copy_(torch.from_numpy(bias))
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=WEIGHT_DECAY)
    steps = epochs * ((len(yt) + BATCH - 1) // BATCH)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps)
    gen = torch.Generator().manual_seed(SEED)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(yt), generator=gen)
        total = 0.0
        for start in range(0, len(order), BATCH):
            idx = order[start : start + BATCH]
            opt.zero_grad()
            loss = loss_fn(net(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        net.eval()
        with torch.no_grad():
            val_pred = torch.cat([net(xv[i : i + 4096]) for i in range(0, len(xv), 4096)])
        val_acc = float((val_pred.argmax(1).numpy() == y_val).mean())
        print(f"  epoch {epoch + 1}/{epochs}: loss {total / len(yt):.4f}  dev acc {val_acc:.4f}")

    convs = [
        (net.conv1.weight.detach().numpy(), net.conv1.bias.detach().numpy()),
        (net.conv2.weight.detach().numpy(), net.conv2.bias.detach().numpy()),
    ]
    weights = [net.fc1.weight.detach().numpy().T.copy(), net.fc2.weight.detach().numpy().T.copy()]
    biases = [net.fc1.bias.detach().numpy().copy(), net.fc2.bias.detach().numpy().copy()]
    model = DigitModel(weights, biases, mean, scale, convs=convs)
    # the numpy forward pass must match torch's
    with torch.no_grad():
        ref = torch.softmax(net(xv[:256]), dim=1).numpy()
    got = model.predict_proba(x_val[:256])
    assert np.abs(ref - got).max() < 1e-3, np.abs(ref - got).max()
    return model
