#!/usr/bin/env python3
"""PyTorch reference of ll4al's classification benchmark (-Dbench=classification).

The same network as tasks/.../classification/CifarResNet.java + BasicBlock.java: ResNet-18 for
32x32 input (3x3 stem, no max-pool, BasicBlock stages [2, 2, 2, 2] of 64, 128, 256, 512 channels
times --width, at least 4 each), with the loss prediction module of
selection/.../LossPredictionModule.java (per stage tap: global average pooling -> FC(128) ->
ReLU; concatenated; FC -> 1) trained jointly with the margin ranking loss of
LossPredictionLoss.java (pairs (i, B-1-i), margin 1) and SGD (momentum 0.9, weight decay 5e-4).

Training step = forward, mean per-sample cross-entropy + lambda x ranking loss on the detached
per-sample losses, backward, optimizer step, both loss values read back (as ActiveLearner.train).
Inference = scoring: forward of network + module under torch.inference_mode (or no_grad), the
predicted losses copied out (as ActiveLearner.score with the predicted loss); with --fold-bn, batch
norm folded into the convolutions first, as DJL's scoring does (ConvBatchNorm.java).

Inputs are random CIFAR-shaped tensors made before timing. Prints ONE JSON line on stdout:
{"bench": "resnet_cifar", "torch": ..., "threads": ..., "train_img_s": [per round], "infer_img_s":
[per round], ...}. Exit status 3 when torch cannot be imported.
"""
import argparse
import json
import math
import sys
import time

BASE = (64, 128, 256, 512)


def channels(width):
    """Channel widths of the four stages, rounded half up as Java's Math.round, at least 4."""
    return [max(4, int(math.floor(b * width + 0.5))) for b in BASE]


def build(torch, args):
    nn = torch.nn
    F = torch.nn.functional

    def conv(cin, cout, kernel, stride):
        return nn.Conv2d(cin, cout, kernel, stride=stride, padding=kernel // 2, bias=False)

    class BasicBlock(nn.Module):
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.conv1 = conv(cin, cout, 3, stride)
            self.bn1 = nn.BatchNorm2d(cout)
            self.conv2 = conv(cout, cout, 3, 1)
            self.bn2 = nn.BatchNorm2d(cout)
            self.shortcut = None
            if stride != 1 or cin != cout:
                self.shortcut = nn.Sequential(conv(cin, cout, 1, stride), nn.BatchNorm2d(cout))

        def forward(self, x):
            y = F.relu(self.bn1(self.conv1(x)))
            y = self.bn2(self.conv2(y))
            s = x if self.shortcut is None else self.shortcut(x)
            return F.relu(y + s)

    class CifarResNet(nn.Module):
        def __init__(self, width, classes, dropout):
            super().__init__()
            ch = channels(width)
            self.stem_conv = conv(3, ch[0], 3, 1)
            self.stem_bn = nn.BatchNorm2d(ch[0])
            stages = []
            cin = ch[0]
            for s in range(4):
                stages.append(nn.Sequential(BasicBlock(cin, ch[s], 1 if s == 0 else 2), BasicBlock(ch[s], ch[s], 1)))
                cin = ch[s]
            self.stages = nn.ModuleList(stages)
            self.dropout = nn.Dropout(dropout) if dropout > 0 else nn.Identity()
            self.fc = nn.Linear(ch[3], classes)

        def forward(self, x):
            x = F.relu(self.stem_bn(self.stem_conv(x)))
            taps = []
            for stage in self.stages:
                x = stage(x)
                taps.append(x)
            embedding = F.adaptive_avg_pool2d(x, 1).flatten(1)
            return self.fc(self.dropout(embedding)), taps, embedding

    class LossPredictionModule(nn.Module):
        def __init__(self, tap_channels, width):
            super().__init__()
            self.fcs = nn.ModuleList(nn.Linear(c, width) for c in tap_channels)
            self.out = nn.Linear(width * len(tap_channels), 1)

        def forward(self, taps):
            hidden = [F.relu(fc(F.adaptive_avg_pool2d(t, 1).flatten(1))) for fc, t in zip(self.fcs, taps)]
            return self.out(torch.cat(hidden, 1)).reshape(-1)

    class Network(nn.Module):
        def __init__(self):
            super().__init__()
            self.target = CifarResNet(args.width, args.classes, args.dropout)
            self.module = LossPredictionModule(channels(args.width), args.module_width)

        def forward(self, x):
            logits, taps, embedding = self.target(x)
            return logits, self.module(taps), embedding

    return Network()


def fold_batch_norms(torch, net):
    """A copy of `net` in eval mode with every convolution + batch norm pair folded into one biased
    convolution (torch.nn.utils.fusion.fuse_conv_bn_eval), as DJL's scoring does (ConvBatchNorm.java)."""
    import copy
    from torch.nn.utils.fusion import fuse_conv_bn_eval as fuse
    folded = copy.deepcopy(net).eval()
    t = folded.target
    t.stem_conv, t.stem_bn = fuse(t.stem_conv, t.stem_bn), torch.nn.Identity()
    for stage in t.stages:
        for block in stage:
            block.conv1, block.bn1 = fuse(block.conv1, block.bn1), torch.nn.Identity()
            block.conv2, block.bn2 = fuse(block.conv2, block.bn2), torch.nn.Identity()
            if block.shortcut is not None:
                block.shortcut = torch.nn.Sequential(fuse(block.shortcut[0], block.shortcut[1]))
    return folded


def ranking_loss(torch, predicted, truth, margin):
    """LossPredictionLoss.RANKING: pairs (i, B-1-i), i < B/2; mean of max(0, -sign(dl) * dl^ + margin)."""
    truth = truth.detach()
    half = predicted.shape[0] // 2
    pred_diff = (predicted - predicted.flip(0))[:half]
    true_diff = (truth - truth.flip(0))[:half]
    sign = (true_diff > 0).to(predicted.dtype) * 2 - 1
    return torch.clamp(-sign * pred_diff + margin, min=0).mean()


def all_pairs_loss(torch, predicted, truth, margin):
    """LossPredictionLoss.ALLPAIRS: the same cost over every pair i < j, mean over B(B-1)/2."""
    truth = truth.detach()
    b = predicted.shape[0]
    pred_diff = predicted[:, None] - predicted[None, :]
    sign = ((truth[:, None] - truth[None, :]) > 0).to(predicted.dtype) * 2 - 1
    upper = torch.triu(torch.ones(b, b, dtype=predicted.dtype), diagonal=1)
    return (torch.clamp(-sign * pred_diff + margin, min=0) * upper).sum() / (b * (b - 1) / 2)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--width", type=float, default=1.0, help="channel-width multiplier (1 = ResNet-18)")
    ap.add_argument("--classes", type=int, default=10)
    ap.add_argument("--dropout", type=float, default=0.0, help="dropout before the classifier (0 = none)")
    ap.add_argument("--module-width", type=int, default=128, help="units per tap of the loss module")
    ap.add_argument("--batch", type=int, default=128, help="training batch")
    ap.add_argument("--infer-batch", type=int, default=256, help="inference (scoring) batch")
    ap.add_argument("--images", type=int, default=1024, help="images per round, for training and for inference")
    ap.add_argument("--warmup", type=int, default=2, help="untimed batches of each kind before the first round")
    ap.add_argument("--rounds", type=int, default=1, help="timed rounds (one training pass + one scoring pass each)")
    ap.add_argument("--phases", choices=("all", "training", "inference"), default="all",
                    help="which passes a round times (the warm-up always runs both): all, training or inference")
    ap.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (intra-op threads)")
    ap.add_argument("--optimizer", choices=("sgd", "rmsprop"), default="sgd")
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--momentum", type=float, default=0.9)
    ap.add_argument("--weight-decay", type=float, default=5e-4)
    ap.add_argument("--lambda", dest="lam", type=float, default=1.0, help="weight of the ranking loss")
    ap.add_argument("--margin", type=float, default=1.0)
    ap.add_argument("--loss", choices=("ranking", "allpairs", "mse"), default="ranking", help="loss-prediction loss")
    ap.add_argument("--grad-mode", choices=("inference", "no_grad"), default="inference",
                    help="scoring under torch.inference_mode or torch.no_grad")
    ap.add_argument("--fold-bn", action="store_true",
                    help="score with batch norm folded into the convolutions (a folded copy made at the start of"
                         " each scoring pass, timed), as DJL's scoring does; default: plain eager modules")
    ap.add_argument("--score-again", action="store_true",
                    help="after each timed scoring pass, time a second one (infer_again_img_s): is the pass right"
                         " after training slower, as DJL's is (docs/benchmarks.md)?")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--profile", action="store_true",
                    help="after the rounds, profile one scoring pass per operator and print the table on stderr"
                         " (totals with children, as -DbenchProfile prints DJL's)")
    args = ap.parse_args(argv)
    if args.batch < 2:
        ap.error("--batch must be >= 2 (the ranking loss needs pairs)")
    try:
        import torch
    except ImportError as e:
        print("resnet_cifar.py: PyTorch is not importable by %s (%s); apt-get install python3-torch"
              % (sys.executable, e), file=sys.stderr)
        return 3
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    F = torch.nn.functional

    net = build(torch, args)
    params = sum(p.numel() for p in net.parameters())
    if args.optimizer == "sgd":
        opt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    else:
        opt = torch.optim.RMSprop(net.parameters(), lr=args.lr, alpha=0.99, eps=1e-8, momentum=args.momentum,
                                  weight_decay=args.weight_decay)
    n = max(2, args.images)
    x = torch.randn(n, 3, 32, 32)
    y = torch.randint(0, args.classes, (n,))

    def train_pass(limit):
        """One pass over the first `limit` images in batches (a last batch of one is skipped); returns images."""
        net.train()
        done = 0
        for start in range(0, limit - 1, args.batch):
            xb = x[start:start + args.batch]
            yb = y[start:start + args.batch]
            if xb.shape[0] < 2:
                continue
            opt.zero_grad(set_to_none=True)
            logits, predicted, _ = net(xb)
            per_sample = F.cross_entropy(logits, yb, reduction="none")
            task = per_sample.mean()
            if args.loss == "ranking":
                lp = ranking_loss(torch, predicted, per_sample, args.margin)
            elif args.loss == "allpairs":
                lp = all_pairs_loss(torch, predicted, per_sample, args.margin)
            else:
                lp = (predicted - per_sample.detach()).square().mean()
            (task + args.lam * lp).backward()
            opt.step()
            task_value, lp_value = task.item(), lp.item()
            if not (math.isfinite(task_value) and math.isfinite(lp_value)):
                raise RuntimeError("non-finite loss: task %s, loss prediction %s" % (task_value, lp_value))
            done += xb.shape[0]
        return done

    def score_pass(limit):
        net.eval()
        mode = torch.inference_mode() if args.grad_mode == "inference" else torch.no_grad()
        out = []
        scorer = fold_batch_norms(torch, net) if args.fold_bn else net
        with mode:
            for start in range(0, limit, args.infer_batch):
                _, predicted, _ = scorer(x[start:min(limit, start + args.infer_batch)])
                out.append(predicted.numpy().copy())
        return limit

    train_pass(min(n, args.batch * max(0, args.warmup)))
    score_pass(min(n, args.infer_batch * max(0, args.warmup)))
    fold_diff = None
    if args.fold_bn:  # untimed check: the folded copy predicts what the eager network predicts
        net.eval()
        folded = fold_batch_norms(torch, net)
        with torch.inference_mode():
            xb = x[:args.infer_batch]
            fold_diff = (folded(xb)[1] - net(xb)[1]).abs().max().item()
    train, infer, again = [], [], []
    for _ in range(max(1, args.rounds)):
        if args.phases != "inference":
            t0 = time.perf_counter()
            images = train_pass(n)
            train.append(images / (time.perf_counter() - t0))
        if args.phases != "training":
            t0 = time.perf_counter()
            images = score_pass(n)
            infer.append(images / (time.perf_counter() - t0))
            if args.score_again:
                t0 = time.perf_counter()
                images = score_pass(n)
                again.append(images / (time.perf_counter() - t0))
    if args.profile:
        with torch.autograd.profiler.profile() as prof:
            score_pass(n)
        print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=12), file=sys.stderr)
    print(json.dumps({
        "bench": "resnet_cifar",
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "threads": torch.get_num_threads(),
        "mkldnn": bool(torch.backends.mkldnn.is_available()),
        "grad_mode": args.grad_mode,
        "fold_bn": args.fold_bn,
        "fold_max_abs_diff": fold_diff,
        "width": args.width,
        "parameters": params,
        "batch": args.batch,
        "infer_batch": args.infer_batch,
        "images": n,
        "phases": args.phases,
        "train_img_s": [round(v, 3) for v in train],
        "infer_img_s": [round(v, 3) for v in infer],
        "infer_again_img_s": [round(v, 3) for v in again],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
