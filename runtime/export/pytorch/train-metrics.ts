// The metrics of an exported train.py (a part of train-program.ts), as the
// tfjs engine names and computes them (runtime/train/metrics.ts): the summed
// ones as (sum, count) per batch; map (mean-average-precision.ts), iou and
// mask_iou (mask-iou.ts) as accumulators over the whole held-out set, whose
// results are one number, or several by name (mask_iou: iou, iou_point, ...).
// Needs numpy as np, torch and torch.nn.functional as F.

export const TRAIN_METRICS = String.raw`# ---------------------------------------------------------------- metrics (runtime/train/metrics.ts): (sum, count) per batch

def class_ids(target, prediction):
    return target.argmax(-1) if target.dim() == prediction.dim() else target.long()


def accuracy(target, prediction):
    if prediction.shape[-1] == 1:  # one probability: a binary classifier
        right = (prediction.reshape(-1) > 0.5) == (target.float().reshape(-1) > 0.5)
    else:
        right = prediction.argmax(-1) == class_ids(target, prediction)
    return right.float().sum().item(), right.numel()


def top5(target, prediction):
    k = min(5, prediction.shape[-1])
    hit = (prediction.topk(k, dim=-1).indices == class_ids(target, prediction).unsqueeze(-1)).any(-1)
    return hit.float().sum().item(), hit.numel()


def sequence_accuracy(target, prediction):
    right = prediction.argmax(-1) == class_ids(target, prediction)
    whole = right.reshape(right.shape[0], -1).all(1)
    return whole.float().sum().item(), whole.numel()


def squared_error(target, prediction):
    err = (target.float().reshape(prediction.shape) - prediction).square()
    return err.sum().item(), err.numel()


def absolute_error(target, prediction):
    err = (target.float().reshape(prediction.shape) - prediction).abs()
    return err.sum().item(), err.numel()


METRICS = {"accuracy": accuracy, "top5": top5, "sequence_accuracy": sequence_accuracy, "mse": squared_error, "mae": absolute_error}

# ---------------------------------------------------------------- metrics over the whole held-out set: add(target, prediction, inputs), then results()

IOU_THRESHOLD = 0.5
MIN_SCORE = 0.01


def box_iou(a, b):
    """IoU of two boxes (x0, y0, x1, y1)."""
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def cell_box(values, row, col, s):
    """values[0:4] = x, y in the cell, w, h of the image -> image-relative corners."""
    cx, cy = (col + values[0]) / s, (row + values[1]) / s
    w, h = max(0.0, values[2]), max(0.0, values[3])
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def suppress(found):
    """Greedy non-maximum suppression: the best box of each overlapping group."""
    kept = []
    for d in sorted(found, key=lambda d: -d[2]):
        if all(box_iou(k[1], d[1]) < IOU_THRESHOLD for k in kept):
            kept.append(d)
    return kept


def average_precision(detections, truths):
    """Area under the precision-recall curve (all points, precision made non-increasing)."""
    matched, tp, fp, points = set(), 0, 0, []
    for image, box, _ in sorted(detections, key=lambda d: -d[2]):
        best, best_iou = -1, IOU_THRESHOLD
        for j, (truth_image, truth_box) in enumerate(truths):
            if truth_image != image or j in matched:
                continue
            o = box_iou(truth_box, box)
            if o >= best_iou:
                best, best_iou = j, o
        if best >= 0:
            matched.add(best)
            tp += 1
        else:
            fp += 1
        points.append([tp / len(truths), tp / (tp + fp)])
    for i in range(len(points) - 2, -1, -1):
        points[i][1] = max(points[i][1], points[i + 1][1])
    ap, previous = 0.0, 0.0
    for recall, precision in points:
        ap += (recall - previous) * precision
        previous = recall
    return ap


class MeanAveragePrecision:
    """mAP at IoU 0.5 of YOLOv1 grids: predictions [N, S, S, K*5 + C] against truth [N, S, S, 5 + C] (x, y, w, h, object, one-hot class)."""

    def __init__(self):
        self.detections, self.truths, self.images = [], [], 0

    def add(self, target, prediction, inputs):
        p = prediction.detach().float().cpu().numpy().astype(np.float64)  # [n, S, S, K*5 + C]
        t = target.detach().float().cpu().numpy().astype(np.float64)  # [n, S, S, 5 + C]
        s, classes = p.shape[1], t.shape[-1] - 5
        boxes = (p.shape[-1] - classes) // 5
        while len(self.detections) < classes:
            self.detections.append([])
            self.truths.append([])
        for i in range(p.shape[0]):
            found = [[] for _ in range(classes)]
            for row in range(s):
                for col in range(s):
                    pc, tc = p[i, row, col], t[i, row, col]
                    best = int(np.argmax(pc[boxes * 5:boxes * 5 + classes]))
                    for k in range(boxes):
                        score = pc[k * 5 + 4] * pc[boxes * 5 + best]
                        if score >= MIN_SCORE:
                            found[best].append((self.images, cell_box(pc[k * 5:], row, col, s), score))
                    if tc[4] > 0.5:
                        self.truths[int(np.argmax(tc[5:5 + classes]))].append((self.images, cell_box(tc, row, col, s)))
            for c, found_c in enumerate(found):
                self.detections[c].extend(suppress(found_c))
            self.images += 1

    def results(self):
        aps = [average_precision(self.detections[c], truths) for c, truths in enumerate(self.truths) if truths]
        return {"map": sum(aps) / len(aps) if aps else 0.0}


class MeanIou:
    """Mean IoU of masks: class probabilities [..., C] against ids [...] (the mean over classes present in either),
    or probabilities against 0/1 masks of the same shape (thresholded at 0.5: the foreground's IoU)."""

    def __init__(self):
        self.intersection, self.union, self.binary = [], [], False

    def add(self, target, prediction, inputs):
        self.binary = target.dim() == prediction.dim()
        classes = 2 if self.binary else prediction.shape[-1]
        predicted = (prediction > 0.5).long() if self.binary else prediction.argmax(-1)
        truth = (target.float() > 0.5).long() if self.binary else target.long()
        p = F.one_hot(predicted.reshape(-1), classes).float()  # [n, classes]
        t = F.one_hot(truth.reshape(-1), classes).float()  # [n, classes]
        inter, union = (p * t).sum(0).tolist(), torch.maximum(p, t).sum(0).tolist()
        for c in range(classes):
            if c >= len(self.intersection):
                self.intersection.append(0.0)
                self.union.append(0.0)
            self.intersection[c] += inter[c]
            self.union[c] += union[c]

    def results(self):
        if self.binary:
            return {"iou": self.intersection[1] / self.union[1] if self.union[1] > 0 else 1.0}
        present = [i / u for i, u in zip(self.intersection, self.union) if u > 0]
        return {"iou": sum(present) / len(present) if present else 1.0}


PROMPT_KINDS = ["point", "box", "point_box", "mask"]


def prompt_kind(labels, box, mask, text):
    """One example's prompt (runtime/data/sam-prompts.ts): one foreground point, a box, both, or a mask; else other."""
    foreground, background = int((labels == 1).sum()), int((labels == 0).sum())
    has_box, has_mask = bool(box[0] >= 0), bool((mask != 0).any())
    if background > 0 or foreground > 1 or bool((text != 0).any()):
        return "other"
    if has_mask:
        return "mask" if foreground == 0 and not has_box else "other"
    if has_box:
        return "point_box" if foreground == 1 else "box"
    return "point" if foreground == 1 else "other"


class MaskIou:
    """SAM's mask_iou: the IoU of the first predicted mask (logits > 0) with the object, [n, M, H, W] against [n, 1, H, W],
    averaged over all examples (iou) and over each prompt kind read from the inputs (image, points, labels, boxes, mask, text)."""

    def __init__(self):
        self.sums = {}
        self.total = [0.0, 0]

    def add(self, target, prediction, inputs):
        n = prediction.shape[0]
        predicted = (prediction[:, 0].reshape(n, -1) > 0).float()  # [n, H*W]
        truth = (target.reshape(n, -1).float() > 0.5).float()  # [n, H*W]
        inter, union = (predicted * truth).sum(1), torch.maximum(predicted, truth).sum(1)  # [n]
        ious = torch.where(union > 0, inter / union.clamp(min=1), torch.ones_like(union)).tolist()  # an empty guess of nothing: 1
        rows = [x.detach().cpu().reshape(n, -1) for x in inputs[2:6]] if len(inputs) >= 6 else None
        for i, value in enumerate(ious):
            kind = prompt_kind(*(r[i] for r in rows)) if rows else "other"
            self.total = [self.total[0] + value, self.total[1] + 1]
            s = self.sums.setdefault(kind, [0.0, 0])
            s[0], s[1] = s[0] + value, s[1] + 1

    def results(self):
        out = {"iou": self.total[0] / max(1, self.total[1])}
        for kind in PROMPT_KINDS:
            if kind in self.sums:
                out["iou_" + kind] = self.sums[kind][0] / self.sums[kind][1]
        return out


ACCUMULATED = {"map": MeanAveragePrecision, "iou": MeanIou, "mask_iou": MaskIou}`;
