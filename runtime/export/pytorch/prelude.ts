// Python helpers a generated model.py may need, each written into the file
// only when a node asks for it (readable, no import beyond torch).

export const PRELUDE: Record<string, string> = {
  channels: `def channels_first(x):
    """[B, ..., C] -> [B, C, ...]: a view; PyTorch's convolutions then run in channels_last memory format."""
    return x.movedim(-1, 1)


def channels_last(x):
    """[B, C, ...] -> [B, ..., C]: back to the .nn model's layout (a view)."""
    return x.movedim(1, -1)`,
  pad_spatial: `def pad_spatial(x, pads, value=0.0):
    """Pads the spatial axes of a channels-last tensor [B, ..., C]; pads: ((before, after), ...) per spatial axis."""
    flat = [0, 0]
    for before, after in reversed(pads):
        flat += [before, after]
    return F.pad(x, flat, value=value)`,
  Bias: `class Bias(nn.Module):
    """A bias alone: of a Dense layer whose kernel is another layer's weight (tied weights), or of a LayerNorm that shifts and does not scale."""

    def __init__(self, units):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(units))`,
  Weight: `class Weight(nn.Module):
    """A learned tensor with no input (nn's Weight layer)."""

    def __init__(self, *shape):
        super().__init__()
        self.value = nn.Parameter(torch.zeros(*shape))`,
  PositionalEncoding: `class PositionalEncoding(nn.Module):
    """Adds positions to [B, T, d]: sinusoidal (PE[t, 2i] = sin(t / 10000^(2i/d)), PE[t, 2i+1] = cos(...)) or a learned table; then dropout."""

    def __init__(self, d, learned=False, max_len=0, dropout=0.0):
        super().__init__()
        self.table = nn.Parameter(torch.zeros(max_len, d)) if learned else None
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        length, d = x.shape[1], x.shape[2]
        if self.table is not None:
            table = self.table[:length]
        else:
            positions = torch.arange(length, dtype=torch.float32, device=x.device)[:, None]  # [T, 1]
            rates = torch.exp(torch.arange(0, d, 2, dtype=torch.float32, device=x.device) * (-math.log(10000.0) / d))[None, :]  # [1, d/2]
            angles = positions * rates  # [T, d/2]
            table = torch.stack([torch.sin(angles), torch.cos(angles)], dim=2).reshape(length, d)
        return self.dropout(x + table)`,
  MultiHeadAttention: `class MultiHeadAttention(nn.Module):
    """softmax(Q K^T / sqrt(hd) + masks) V over heads, with query, key, value and output projections.
    Masks add -1e9 where attention is not allowed (a causal mask above the diagonal; a bool mask where False)."""

    def __init__(self, heads, d, query_dim, key_dim, value_dim, inner, bias=True, causal=False, dropout=0.0):
        super().__init__()
        self.heads, self.causal = heads, causal
        self.query = nn.Linear(query_dim, inner, bias=bias)
        self.key = nn.Linear(key_dim, inner, bias=bias)
        self.value = nn.Linear(value_dim, inner, bias=bias)
        self.output = nn.Linear(inner, d, bias=bias)
        self.dropout = nn.Dropout(dropout)

    def split_heads(self, x):  # [B, T, heads*hd] -> [B, heads, T, hd]
        b, t, inner = x.shape
        return x.reshape(b, t, self.heads, inner // self.heads).transpose(1, 2)

    def forward(self, query, key=None, value=None, mask=None):
        key = query if key is None else key
        value = key if value is None else value
        q, k, v = self.split_heads(self.query(query)), self.split_heads(self.key(key)), self.split_heads(self.value(value))
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # [B, heads, Tq, Tk]
        if self.causal:
            tq, tk = scores.shape[-2], scores.shape[-1]
            future = 1.0 - torch.ones(tq, tk, device=scores.device).tril()
            scores = scores + future * -1e9
        if mask is not None:
            m = mask[:, None, None, :] if mask.dim() == 2 else mask[:, None]
            scores = scores + ((1.0 - m.float()) * -1e9 if m.dtype == torch.bool else m)
        weights = self.dropout(torch.softmax(scores, dim=-1))
        attended = weights @ v  # [B, heads, Tq, hd]
        b, _, tq, hd = attended.shape
        return self.output(attended.transpose(1, 2).reshape(b, tq, self.heads * hd))`,
  BatchNorm: `class BatchNorm(nn.modules.batchnorm._BatchNorm):
    """nn.BatchNorm1d/2d/3d (the same state: weight, bias, running_mean, running_var, num_batches_tracked) over [B, C, ...],
    trained as the .nn compiler trains it: the running variance follows the biased batch variance (PyTorch's own uses
    the unbiased one), running = (1 - momentum) * running + momentum * batch. The batch is normalised as PyTorch does."""

    def _check_input_dim(self, x):
        if x.dim() < 2:
            raise ValueError(f"BatchNorm expects [B, C, ...], got {tuple(x.shape)}")

    def forward(self, x):
        if not self.training:
            return super().forward(x)
        with torch.no_grad():
            axes = [0] + list(range(2, x.dim()))  # every axis but the channels
            variance, mean = torch.var_mean(x.detach().float(), dim=axes, unbiased=False)  # [C], [C]
            m = self.momentum
            self.running_mean.mul_(1 - m).add_(mean.to(self.running_mean.dtype), alpha=m)
            self.running_var.mul_(1 - m).add_(variance.to(self.running_var.dtype), alpha=m)
            self.num_batches_tracked.add_(1)
        return F.batch_norm(x, None, None, self.weight, self.bias, True, 0.0, self.eps)`,
  DropPath: `class DropPath(nn.Module):
    """Stochastic depth: while training, each example is kept with probability 1 - rate (scaled by 1 / (1 - rate)) or zeroed."""

    def __init__(self, rate):
        super().__init__()
        self.rate = rate

    def forward(self, x):
        if not self.training or self.rate <= 0:
            return x
        keep = 1.0 - self.rate
        mask = (torch.rand((x.shape[0],) + (1,) * (x.dim() - 1), device=x.device) < keep).to(x.dtype)
        return x * mask / keep`,
  window_partition: `def window_partition(x, window):
    """[B, H, W, C] -> [B*nh*nw, window, window, C], padding H and W with zeros to multiples of window."""
    b, h, w, c = x.shape
    ph, pw = (window - h % window) % window, (window - w % window) % window
    if ph or pw:
        x = F.pad(x, (0, 0, 0, pw, 0, ph))
    nh, nw = (h + ph) // window, (w + pw) // window
    return x.reshape(b, nh, window, nw, window, c).permute(0, 1, 3, 2, 4, 5).reshape(b * nh * nw, window, window, c)`,
  window_unpartition: `def window_unpartition(x, window, h, w):
    """[B*nh*nw, window, window, C] -> [B, H, W, C], the padding cut off."""
    nh, nw = -(-h // window), -(-w // window)
    c = x.shape[3]
    b = x.shape[0] // (nh * nw)
    joined = x.reshape(b, nh, nw, window, window, c).permute(0, 1, 3, 2, 4, 5).reshape(b, nh * window, nw * window, c)
    return joined[:, :h, :w, :]`,
  FourierFeatures: `class FourierFeatures(nn.Module):
    """Random Fourier features of 2-D coordinates in [0, 1]: [..., 2] -> [..., 2F] (sin, then cos)."""

    def __init__(self, num_feats):
        super().__init__()
        self.register_buffer("gaussian", torch.zeros(2, num_feats))

    def forward(self, coords):
        projected = ((coords * 2 - 1) @ self.gaussian) * (2 * math.pi)
        return torch.cat([torch.sin(projected), torch.cos(projected)], dim=-1)`,
  RelPosAttention: `class RelPosAttention(nn.Module):
    """SAM's ViT attention over an image grid [B, H, W, C], with decomposed relative position embeddings."""

    def __init__(self, dim, heads, size, bias=True):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim, bias=bias)
        self.proj = nn.Linear(dim, dim)
        self.rel_pos_h = nn.Parameter(torch.zeros(2 * size[0] - 1, dim // heads))
        self.rel_pos_w = nn.Parameter(torch.zeros(2 * size[1] - 1, dim // heads))

    @staticmethod
    def relative_table(table, size):  # R[q, k] = table[q - k + size - 1]: [size, size, hd]
        index = torch.arange(size)[:, None] - torch.arange(size)[None, :] + size - 1
        return table[index.to(table.device)]

    def forward(self, x):
        b, h, w, c = x.shape
        heads, hd, n = self.heads, c // self.heads, h * w
        qkv = self.qkv(x).reshape(b, n, 3, heads, hd).permute(2, 0, 3, 1, 4).reshape(3, b * heads, n, hd)
        q, k, v = qkv.unbind(0)
        attn = (q * (1 / math.sqrt(hd))) @ k.transpose(-2, -1)  # [B*heads, N, N]
        rq = q.reshape(b * heads, h, w, hd)
        rel_h = torch.einsum("bhwc,hkc->bhwk", rq, self.relative_table(self.rel_pos_h, h))
        rel_w = torch.einsum("bhwc,wkc->bhwk", rq, self.relative_table(self.rel_pos_w, w))
        attn = (attn.reshape(b * heads, h, w, h, w) + rel_h[:, :, :, :, None] + rel_w[:, :, :, None, :]).reshape(b * heads, n, n)
        out = torch.softmax(attn, dim=-1) @ v  # [B*heads, N, hd]
        out = out.reshape(b, heads, h, w, hd).permute(0, 2, 3, 1, 4).reshape(b, h, w, c)
        return self.proj(out)`,
  iou: `def iou(a, b, fmt):
    """Intersection over union of boxes [..., 4] ("xyxy" corners or "cxcywh" centres), the leading axes broadcast."""
    def corners(t):
        p, q, r, s = t.float().unbind(-1)
        return (p, q, r, s) if fmt == "xyxy" else (p - r / 2, q - s / 2, p + r / 2, q + s / 2)
    ax0, ay0, ax1, ay1 = corners(a)
    bx0, by0, bx1, by1 = corners(b)
    inter = F.relu(torch.minimum(ax1, bx1) - torch.maximum(ax0, bx0)) * F.relu(torch.minimum(ay1, by1) - torch.maximum(ay0, by0))
    union = F.relu(ax1 - ax0) * F.relu(ay1 - ay0) + F.relu(bx1 - bx0) * F.relu(by1 - by0) - inter
    return inter / union.clamp(min=1e-9)`,
};

/** The order helpers appear in the file. */
export const PRELUDE_ORDER = Object.keys(PRELUDE);
